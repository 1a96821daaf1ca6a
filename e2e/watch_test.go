package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bigthree/e2e/harness"
	"bigthree/internal/scenario"
)

// writeLikeAnEditor replaces a file the way most editors save: a new file renamed over the old.
func writeLikeAnEditor(t *testing.T, path, text string) {
	t.Helper()
	tmp := path + ".swp"
	if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

// TestDesktopWatch plays a file with bigthree -watch and saves changes to it: a changed effect of
// a reply already chosen is replayed at once, in the same place; a save with an error keeps the
// game on the last good version (with the checker's messages over it); the fix is taken in.
func TestDesktopWatch(t *testing.T) {
	example, err := os.ReadFile(filepath.Join(root, "scenarios", "example.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "my-scenario.yaml")
	writeLikeAnEditor(t, path, string(example))
	d := startGame(t, "", "-watch", path)
	p := newPlayer(t, d, loadExample(t))
	p.onDesk()
	p.choose(firstOpen(p.r.Options(nil))) // barbarossa: Continue
	p.choose(firstOpen(p.r.Options(nil))) // hopkins-cable: send Hopkins (stalin +10)
	before := p.onDesk()

	// The reply chosen at hopkins-cable now moves Stalin's trust by 20: replayed at once.
	const old, changed = "effects: {stalin: +10, churchill: +5}", "effects: {stalin: +20, churchill: +5}"
	if !strings.Contains(string(example), old) {
		t.Fatalf("example.yaml no longer has %q", old)
	}
	edited := strings.Replace(string(example), old, changed, 1)
	writeLikeAnEditor(t, path, edited)
	st := p.wait("the reload with the new effect", func(s harness.State) bool {
		return s.Scene == "desk" && s.Meters["stalin"] == before.Meters["stalin"]+10
	})
	if st.Event != before.Event {
		t.Errorf("after the reload the game is at %q, want %q", st.Event, before.Event)
	}
	p.shots.take("reloaded")

	// A save with an error: the game stays where it was, on the last good version.
	broken := strings.Replace(edited, "if: not envoy_sent", "if: not envoy_snet", 1)
	if broken == edited {
		t.Fatal("example.yaml no longer has `if: not envoy_sent`")
	}
	writeLikeAnEditor(t, path, broken)
	if s, diags := scenario.Load("broken.yaml", []byte(broken)); s != nil {
		t.Fatalf("the broken version loads: %v", diags)
	}
	// Fixing it again reloads: the game is still at the same event with the same meters.
	writeLikeAnEditor(t, path, strings.Replace(broken, "if: not envoy_snet", "if: not envoy_sent", 1))
	st = p.wait("the game after the fix", func(s harness.State) bool { return s.Scene == "desk" })
	if st.Event != before.Event || st.Meters["stalin"] != before.Meters["stalin"]+10 {
		t.Errorf("after an error and its fix the game is at %q with %v, want %q with stalin %d", st.Event, st.Meters, before.Event, before.Meters["stalin"]+10)
	}
}
