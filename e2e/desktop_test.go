package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bigthree/e2e/harness"
	"bigthree/scenarios"
)

// startGame starts the desktop game with the saves and settings in dataDir (a new folder when "").
func startGame(t *testing.T, dataDir string, args ...string) *harness.Desktop {
	t.Helper()
	needDisplay(t)
	d, err := harness.StartDesktop(binary(t, "./cmd/bigthree"), harness.DesktopOptions{Args: args, DataDir: dataDir})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		d.Kill()
		if t.Failed() {
			t.Logf("game output:\n%s", d.Logs())
		}
	})
	return d
}

func TestDesktopKeyboardPlaythrough(t *testing.T) {
	d := startGame(t, "")
	p := newPlayer(t, d, loadExample(t))
	p.startNewGame(listIndex(t, scenarios.Example), scenarios.Example)
	p.playToEnd(firstOpen)
	if got := p.expectEnding(); got != "promise-kept" {
		t.Errorf("the first replies lead to %q; the test expects promise-kept (has example.yaml changed?)", got)
	}
}

// TestDesktopOpenFile starts the game with a scenario file on the command line: it plays that
// file at once, and starting with it again continues its game.
func TestDesktopOpenFile(t *testing.T) {
	file := filepath.Join(root, "scenarios", scenarios.Example)
	d := startGame(t, "", file)
	p := newPlayer(t, d, loadExample(t))
	p.onDesk()
	p.shots.take("desk")
	p.choose(firstOpen(p.r.Options(nil)))
	if err := d.Terminate(10 * time.Second); err != nil {
		t.Fatal(err)
	}
	d = startGame(t, d.DataDir, file)
	p.d, p.shots = d, newShots(t, d)
	p.shots.n = 50
	p.onDesk()
	p.shots.take("continued")
}

func TestDesktopMousePlaythrough(t *testing.T) {
	d := startGame(t, "")
	p := newPlayer(t, d, loadExample(t))
	p.mouse = true
	p.startNewGame(listIndex(t, scenarios.Example), scenarios.Example)
	p.playToEnd(lastOpen)
	st := p.wait("the ending's buttons", func(s harness.State) bool {
		_, ok := s.Button("play-again")
		return ok
	})
	for _, id := range []string{"save-transcript", "play-again", "title"} {
		if _, ok := st.Button(id); !ok {
			t.Errorf("the ending has no %q button; buttons: %v", id, st.ButtonIDs())
		}
	}
	// Save transcript writes into BIGTHREE_DOCS_DIR.
	p.press("save-transcript", "")
	p.wait("the name asked for the transcript", func(s harness.State) bool { return s.Scene == "name" })
	for _, k := range []string{"A", "d", "a"} {
		p.key(k)
	}
	p.shots.take("name")
	p.press("save-name", "")
	deadline := time.Now().Add(wait)
	for len(files(t, d.DocsDir)) < 2 { // the .md and the .json
		if time.Now().After(deadline) {
			p.shots.take("no-transcript")
			t.Fatalf("Save transcript wrote nothing into BIGTHREE_DOCS_DIR %s", d.DocsDir)
		}
		time.Sleep(20 * time.Millisecond)
	}
	for path, body := range files(t, d.DocsDir) {
		if !strings.Contains(body, p.s.Title) && !strings.Contains(body, p.s.ID) {
			t.Errorf("transcript %s names neither the scenario's title nor its id", filepath.Base(path))
		}
		if strings.HasSuffix(path, ".json") && !strings.Contains(body, `"student": "Ada"`) {
			t.Errorf("transcript %s does not carry the name typed at Save transcript", filepath.Base(path))
		}
	}
	p.press("title", "")
	p.wait("the title after the ending", func(s harness.State) bool { return s.Scene == "title" })
}

// playTwo starts a new game and makes two choices; it returns the player and the save's path.
func playTwo(t *testing.T, d *harness.Desktop) (*player, string) {
	t.Helper()
	p := newPlayer(t, d, loadExample(t))
	p.startNewGame(listIndex(t, scenarios.Example), scenarios.Example)
	before := files(t, d.DataDir)
	p.choose(0)
	p.choose(0)
	return p, waitSave(t, d.DataDir, before)
}

// waitSave waits until a file of dir differs from before (the autosave) and returns its path.
func waitSave(t *testing.T, dir string, before map[string]string) string {
	t.Helper()
	deadline := time.Now().Add(wait)
	for {
		for path, body := range files(t, dir) {
			if old, ok := before[path]; !ok || old != body {
				return path
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("no autosave written in BIGTHREE_DATA_DIR %s after two choices", dir)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// resume restarts the game on dataDir, continues from the title and checks event and meters.
func resume(t *testing.T, dataDir string, p *player) {
	t.Helper()
	d := startGame(t, dataDir)
	p.d, p.shots = d, newShots(t, d)
	p.shots.n = 50
	st := p.wait("the title after the restart", titleReady)
	p.shots.take("title-with-save")
	if _, ok := st.Button("continue"); !ok {
		t.Fatalf("the title offers no Continue although a save exists; buttons: %v", st.ButtonIDs())
	}
	p.mouse = true
	p.press("continue", "Return")
	st = p.wait("the desk after Continue", func(s harness.State) bool { return s.Scene == "desk" })
	if want := p.expectEvent(); st.Event != want {
		t.Fatalf("Continue shows event %q, want %q (the one the game was left at)", st.Event, want)
	}
	p.checkMeters(st, "after Continue")
	p.shots.take("resumed")
}

func TestDesktopResumeAfterSIGTERM(t *testing.T) {
	d := startGame(t, "")
	p, _ := playTwo(t, d)
	if err := d.Terminate(10 * time.Second); err != nil {
		t.Fatal(err)
	}
	resume(t, d.DataDir, p)
}

// TestDesktopResumeAfterQuit quits through the game's Esc menu, and through the window's close
// button (WM_DELETE_WINDOW), then continues after a restart.
func TestDesktopResumeAfterQuit(t *testing.T) {
	for _, how := range []string{"menu", "window"} {
		t.Run(how, func(t *testing.T) {
			d := startGame(t, "")
			p, _ := playTwo(t, d)
			if how == "menu" {
				p.key("Escape")
				st := p.wait("the menu's quit button", func(s harness.State) bool { _, ok := s.Button("quit"); return ok })
				p.shots.take("menu")
				if err := harness.ClickButton(d, st, "quit"); err != nil {
					t.Fatal(err)
				}
			} else if err := d.CloseWindow(); err != nil {
				t.Fatal(err)
			}
			if err := d.WaitExit(10 * time.Second); err != nil {
				t.Fatalf("quitting: %v, want a clean exit\n%s", err, d.Logs())
			}
			resume(t, d.DataDir, p)
		})
	}
}

func TestDesktopCorruptSave(t *testing.T) {
	d := startGame(t, "")
	_, save := playTwo(t, d)
	if err := d.Terminate(10 * time.Second); err != nil {
		t.Fatal(err)
	}
	garbage := "this is not a bigthree save {{{\x00\xff"
	if err := os.WriteFile(save, []byte(garbage), 0o644); err != nil {
		t.Fatal(err)
	}
	d = startGame(t, d.DataDir)
	sh := newShots(t, d)
	st, err := harness.Wait(d, wait, "the title with a message about the save", func(s harness.State) bool {
		return s.Scene == "title" && s.Message != ""
	})
	sh.take("corrupt-save")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("message: %q", st.Message)
	if _, ok := st.Button("continue"); ok {
		t.Errorf("the title offers Continue from a corrupt save")
	}
	kept := ""
	for path, body := range files(t, d.DataDir) {
		if body == garbage && path != save {
			kept = path
		}
	}
	if kept == "" {
		t.Errorf("the corrupt save was not kept under another name in %s: %v", d.DataDir, keys(files(t, d.DataDir)))
	}
	if body, err := os.ReadFile(save); err == nil && string(body) == garbage {
		t.Errorf("the corrupt save is still in place at %s", save)
	}
}

// titleReady reports the title screen with its buttons.
func titleReady(s harness.State) bool {
	return s.Scene == "title" && len(s.Buttons) > 0
}

func keys(m map[string]string) []string {
	out := []string{}
	for k := range m {
		out = append(out, filepath.Base(k))
	}
	return out
}
