package e2e

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"bigthree/e2e/harness"
	"bigthree/internal/rules"
	"bigthree/internal/scenario"
	"bigthree/scenarios"

	"github.com/chromedp/chromedp"
)

// One autosave per scenario: two games in progress survive side by side, a scenario with a
// game in progress asks before it is replaced, and a save of the old single-slot layout is
// migrated. The same story runs on the desktop and in the browser.

// classCopyName is the file name of a teacher's scenario in these tests.
const classCopyName = "class-copy.yaml"

// classCopy writes a teacher's scenario (the example under another id and title) into a new
// folder and returns its path and its loaded form.
func classCopy(t *testing.T) (string, *scenario.Scenario) {
	t.Helper()
	data, err := scenarios.Read(scenarios.Example)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(data), "id: example-aid-to-russia", "id: class-copy", 1)
	text = strings.Replace(text, `title: "Aid to Russia, 1941"`, `title: "Aid to Russia: the class copy"`, 1)
	if text == string(data) {
		t.Fatal("example.yaml no longer has the id and title this test replaces")
	}
	path := filepath.Join(t.TempDir(), classCopyName)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(filepath.Dir(path), "images"), scenarios.Images()); err != nil {
		t.Fatal(err)
	}
	s, diags := scenario.Load(path, []byte(text))
	if s == nil {
		t.Fatalf("the class copy does not load:\n%s", diags)
	}
	return path, s
}

// along returns another player of a second scenario on the same program and screenshots.
func (p *player) along(s *scenario.Scenario) *player {
	return &player{t: p.t, d: p.d, s: s, r: rules.New(s), shots: p.shots, mouse: p.mouse}
}

// continueFromList opens Continue's list of games (more than one is in progress), checks that
// the listed games are the wanted ones, newest first, and picks the one with the given id.
func (p *player) continueFromList(want []string, pick string) {
	p.t.Helper()
	p.wait("the title with Continue", func(s harness.State) bool { _, ok := s.Button("continue"); return titleReady(s) && ok })
	p.shots.take("title-two-games")
	p.press("continue", "Return")
	st := p.wait("the list of games in progress", func(s harness.State) bool { return s.Scene == "saves" && len(s.Buttons) > 0 })
	p.shots.take("saves")
	var got []string
	for _, b := range st.Buttons {
		if strings.HasPrefix(b.ID, "save:") {
			got = append(got, b.ID)
		}
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		p.t.Fatalf("Continue lists %v, want %v (newest first)", got, want)
	}
	if p.mouse {
		p.press(pick, "")
		return
	}
	for i, id := range got {
		if id == pick {
			p.key(strconv.Itoa(i + 1))
		}
	}
}

// answer waits for the question about a saved game and answers with the button id.
func (p *player) answer(id string) {
	p.t.Helper()
	st := p.wait("the question about the saved game", func(s harness.State) bool { return s.Scene == "confirm" && len(s.Buttons) > 0 })
	p.shots.take("confirm")
	for _, want := range []string{"continue", "start-again", "cancel"} {
		if _, ok := st.Button(want); !ok {
			p.t.Fatalf("the question has no %q button; buttons: %v", want, st.ButtonIDs())
		}
	}
	if !strings.Contains(st.Message, "in progress") {
		p.t.Errorf("the question says %q; want it to name the game in progress", st.Message)
	}
	if err := harness.ClickButton(p.d, st, id); err != nil {
		p.t.Fatal(err)
	}
}

func TestDesktopTwoScenarios(t *testing.T) {
	file, copyScenario := classCopy(t)
	d := startGame(t, "")
	ex := newPlayer(t, d, loadExample(t))
	ex.startNewGame(listIndex(t, scenarios.Example), scenarios.Example)
	ex.choose(0)
	ex.choose(0)
	if err := d.Terminate(10 * time.Second); err != nil {
		t.Fatal(err)
	}

	// A second scenario opened while the first is in progress: it starts, and the first is kept.
	d = startGame(t, d.DataDir, file)
	ex.d, ex.shots.d = d, d
	cp := ex.along(copyScenario)
	cp.onDesk()
	cp.choose(0)
	cp.toTitle()
	if n := saveFiles(t, d.DataDir); n != 2 {
		t.Errorf("%d save files in %s, want one per scenario", n, d.DataDir)
	}

	// Both are under Continue, the latest first; the first continues where it was.
	ex.continueFromList([]string{"save:" + classCopyName, "save:" + scenarios.Example}, "save:"+scenarios.Example)
	ex.onDesk()
	ex.shots.take("example-continued")

	// Choosing the example again asks: Esc keeps everything, Start again starts over and
	// leaves the other game alone.
	ex.toTitle()
	ex.openList(listIndex(t, scenarios.Example), scenarios.Example)
	ex.wait("the question", func(s harness.State) bool { return s.Scene == "confirm" })
	ex.key("Escape")
	ex.wait("the scenario list again", func(s harness.State) bool { return s.Scene == "scenarios" })
	ex.key("Return") // the list's focus is still on the example
	ex.answer("start-again")
	ex.r = rules.New(ex.s)
	ex.onDesk()
	if n := saveFiles(t, d.DataDir); n != 2 {
		t.Errorf("%d save files after Start again, want 2", n)
	}
	ex.toTitle()
	cp.continueFromList([]string{"save:" + scenarios.Example, "save:" + classCopyName}, "save:"+classCopyName)
	cp.onDesk()
}

// saveFiles counts the per-scenario saves in a data folder.
func saveFiles(t *testing.T, dir string) int {
	n := 0
	for path := range files(t, dir) {
		if name := filepath.Base(path); strings.HasPrefix(name, "save-") && strings.HasSuffix(name, ".json") {
			n++
		}
	}
	return n
}

// oldSave is a save of the single-slot layout of earlier versions, two replies into the
// example, and the player who made them.
func oldSave(t *testing.T, p *player, origin string) string {
	t.Helper()
	for _, id := range []string{rules.ContinueID, "send-hopkins"} {
		if err := p.r.Choose(id); err != nil {
			t.Fatal(err)
		}
	}
	return `{"origin": ` + origin + `, "save": ` + string(p.r.Save().Encode()) + `}`
}

func TestDesktopMigratesOldSave(t *testing.T) {
	data := t.TempDir()
	p := &player{t: t, s: loadExample(t)}
	p.r = rules.New(p.s)
	old := filepath.Join(data, "autosave.json")
	if err := os.WriteFile(old, []byte(oldSave(t, p, `{"embedded": "example.yaml"}`)), 0o644); err != nil {
		t.Fatal(err)
	}
	d := startGame(t, data)
	p.d, p.shots = d, newShots(t, d)
	p.mouse = true
	p.wait("the title with Continue", func(s harness.State) bool { _, ok := s.Button("continue"); return titleReady(s) && ok })
	p.shots.take("title-migrated")
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Errorf("the old save is still at %s (%v)", old, err)
	}
	if n := saveFiles(t, data); n != 1 {
		t.Errorf("%d saves in the new layout, want 1", n)
	}
	p.press("continue", "")
	p.onDesk()
}

// openPicked opens a scenario file through the page's file picker.
func openPicked(t *testing.T, b *harness.Browser, path string) {
	t.Helper()
	if err := chromedp.Do(b.Context(), chromedp.SetUploadFiles(chromedp.ID("file"), []string{path})); err != nil {
		t.Fatal(err)
	}
}

func TestBrowserTwoScenarios(t *testing.T) {
	file, copyScenario := classCopy(t)
	b, _ := openGame(t)
	ex := newPlayer(t, b, loadExample(t))
	ex.startNewGame(listIndex(t, scenarios.Example), scenarios.Example)
	ex.choose(0)
	ex.choose(0)
	ex.toTitle()

	// A teacher's file opened while the example is in progress: it starts, the example is kept.
	cp := ex.along(copyScenario)
	openPicked(t, b, file)
	cp.onDesk()
	cp.choose(0)

	// After a reload both are under Continue, the latest first.
	if err := b.Reload(); err != nil {
		t.Fatal(err)
	}
	ex.continueFromList([]string{"save:" + classCopyName, "save:" + scenarios.Example}, "save:"+scenarios.Example)
	ex.onDesk()

	// Opening the teacher's file again asks; Continue it goes on where that game was.
	ex.toTitle()
	openPicked(t, b, file)
	cp.answer("continue")
	cp.onDesk()
	keys, err := harness.Eval[string](b, `Object.keys(localStorage).filter(k => k.startsWith("bigthree/save-")).sort().join(" ")`)
	if err != nil || len(strings.Fields(keys)) != 2 {
		t.Errorf("saves in localStorage: %q (%v), want one per scenario", keys, err)
	}
}

func TestBrowserMigratesOldSave(t *testing.T) {
	b, _ := openGame(t)
	p := newPlayer(t, b, loadExample(t))
	p.wait("the title screen", titleReady)
	old := oldSave(t, p, `{"embedded": "example.yaml"}`)
	if _, err := harness.Eval[bool](b, `localStorage.setItem("bigthree/autosave", `+strconv.Quote(old)+`), true`); err != nil {
		t.Fatal(err)
	}
	if err := b.Reload(); err != nil {
		t.Fatal(err)
	}
	p.mouse = true
	p.wait("the title with Continue", func(s harness.State) bool { _, ok := s.Button("continue"); return titleReady(s) && ok })
	p.shots.take("title-migrated")
	left, err := harness.Eval[string](b, `Object.keys(localStorage).filter(k => k.startsWith("bigthree/")).sort().join(" ")`)
	if err != nil || strings.Contains(" "+left+" ", " bigthree/autosave ") || !strings.Contains(left, "bigthree/save-example-") {
		t.Errorf("localStorage after migrating: %q (%v), want the save under its scenario's key only", left, err)
	}
	p.press("continue", "")
	p.onDesk()
}
