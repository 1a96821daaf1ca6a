//go:build !js

package ui

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"bigthree/internal/contract"
	"bigthree/internal/rules"
	"bigthree/internal/scenario"
	"bigthree/scenarios"
)

// These tests need a display: run them with xvfb-run -a go test ./ui.
// They drive the real game with intents, one tick at a time, from a script
// running beside Ebitengine's loop. What Update writes is read after the
// tick (the channels order it); what Draw writes is read through onGame.

// driver runs games inside one ebiten.RunGame (which may be called only
// once per process) and lets a script feed each tick's input.
type driver struct {
	g    *Game
	fn   chan func()
	req  chan Intent
	ack  chan struct{}
	next chan *Game
}

type runner struct{ d *driver }

func (r runner) Update() error {
	in, ok := <-r.d.req
	if !ok {
		return ebiten.Termination
	}
	select {
	case g := <-r.d.next:
		r.d.g = g
	default:
	}
	select {
	case fn := <-r.d.fn:
		fn()
	default:
	}
	r.d.g.a.feed = &in
	err := r.d.g.Update()
	r.d.ack <- struct{}{}
	if err == ebiten.Termination {
		return nil // a game quitting is not the end of the test run
	}
	return err
}

func (r runner) Draw(screen *ebiten.Image) { r.d.g.Draw(screen) }

func (r runner) Layout(w, h int) (int, int) { return r.d.g.Layout(w, h) }

var theDriver *driver

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "bigthree-ui-test")
	if err != nil {
		panic(err)
	}
	os.Setenv("BIGTHREE_DATA_DIR", filepath.Join(dir, "data"))
	os.Setenv("BIGTHREE_DOCS_DIR", filepath.Join(dir, "docs"))
	os.Unsetenv("BIGTHREE_STATE")
	g := mustGame(nil)
	theDriver = &driver{g: g, req: make(chan Intent), ack: make(chan struct{}), next: make(chan *Game, 1), fn: make(chan func(), 1)}
	code := 0
	done := make(chan struct{})
	go func() {
		code = m.Run()
		close(theDriver.req)
		close(done)
	}()
	ConfigureWindow()
	if err := ebiten.RunGame(runner{theDriver}); err != nil {
		panic(err)
	}
	<-done
	os.RemoveAll(dir)
	os.Exit(code)
}

func mustGame(t *testing.T) *Game {
	g, err := New(Options{})
	if err != nil {
		if t != nil {
			t.Fatal(err)
		}
		panic(err)
	}
	return g
}

// restart swaps in a fresh game (as if the program were started again).
func (d *driver) restart(t *testing.T, opts Options) {
	g, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	d.next <- g
	d.tick(Intent{})
	if d.g != g {
		t.Fatal("new game not installed")
	}
}

// freshData gives the test saves and settings of its own.
func freshData(t *testing.T) string {
	dir := t.TempDir()
	t.Setenv("BIGTHREE_DATA_DIR", dir)
	return dir
}

// tick runs one Update with the given intents.
func (d *driver) tick(in Intent) {
	d.req <- in
	<-d.ack
}

// onGame runs fn on the game's thread, where Update and Draw run, before
// the next Update: what Draw writes (the frame count) is read there.
func (d *driver) onGame(fn func()) {
	d.fn <- fn
	d.tick(Intent{})
}

// frames returns the number of frames drawn so far.
func (d *driver) frames() int {
	var n int
	d.onGame(func() { n = d.g.a.Frames })
	return n
}

func (d *driver) idle(n int) {
	for range n {
		d.tick(Intent{})
	}
}

func (d *driver) scene() string { return d.g.a.scene.Name() }

// waitScene ticks until the scene has the given name and its transition
// is over.
func (d *driver) waitScene(t *testing.T, name string) {
	t.Helper()
	for range 600 {
		if d.scene() == name && !d.g.a.trans.Active() {
			return
		}
		d.tick(Intent{})
	}
	t.Fatalf("scene is %q, want %q", d.scene(), name)
}

// press ticks once with the intents, then once without (keys are edges).
func (d *driver) press(in Intent) {
	d.tick(in)
	d.tick(Intent{})
}

// pointAt moves the pointer over the centre of the button with the given
// id (it must be on screen), and clicks it when click is true.
func (d *driver) pointAt(t *testing.T, id string, click bool) {
	t.Helper()
	var b contract.Button
	found := false
	dpr := 1.0
	d.onGame(func() {
		dpr = d.g.a.DPR
		d.g.a.hook.collect(d.g.a)
		for _, it := range d.g.a.hook.buttons.items {
			if it.ID == id {
				b, found = it, true
			}
		}
	})
	if !found {
		t.Fatalf("no button %q on %s", id, d.scene())
	}
	x, y := (b.X+b.W/2)*dpr, (b.Y+b.H/2)*dpr
	d.tick(Intent{Pointer: Pointer{X: x, Y: y, Moved: true}})
	if click {
		d.tick(Intent{Pointer: Pointer{X: x, Y: y, Down: true, Pressed: true, PressX: x, PressY: y}})
		d.tick(Intent{Pointer: Pointer{X: x, Y: y, Released: true, Tap: true, PressX: x, PressY: y}})
	}
}

func exampleIndex(t *testing.T) int {
	for i, n := range scenarios.Names() {
		if n == scenarios.Example {
			return i
		}
	}
	t.Fatal("example not shipped")
	return -1
}

// openScenarioList goes from the title to the scenario list.
func openScenarioList(t *testing.T, d *driver) {
	t.Helper()
	d.waitScene(t, "title")
	ts := d.g.a.scene.(*titleScene)
	for ts.items[ts.col.Focus].id != "new-game" {
		d.press(Intent{Move: 1})
	}
	d.press(Intent{Activate: true})
	if d.scene() != "scenarios" {
		t.Fatalf("New game shows %q, not the scenario list", d.scene())
	}
}

// startExample starts the example from the title, with saves of its own.
func startExample(t *testing.T, d *driver) {
	t.Helper()
	freshData(t)
	d.restart(t, Options{})
	openScenarioList(t, d)
	d.press(Intent{Choose: exampleIndex(t) + 1})
	d.waitScene(t, "desk")
	if id := d.g.a.Play.S.ID; id != "example-aid-to-russia" {
		t.Fatalf("playing %q", id)
	}
}

func TestPlayThroughAndTranscript(t *testing.T) {
	d := theDriver
	startExample(t, d)
	seen := map[string]bool{}
	for steps := 0; d.scene() != "ending"; steps++ {
		if steps > 40 {
			t.Fatal("the example never ended")
		}
		seen[d.scene()] = true
		d.press(Intent{Activate: true}) // the focused reply; Continue after it
		for d.g.a.trans.Active() {
			d.tick(Intent{})
		}
	}
	if !seen["desk"] || !seen["after"] {
		t.Errorf("scenes seen: %v", seen)
	}
	d.waitScene(t, "ending")
	if !d.g.a.Play.Run.Over() {
		t.Fatal("ending without the run being over")
	}
	// Save transcript (the first button, focused), then keep the name offered.
	d.press(Intent{Activate: true})
	d.waitScene(t, "name")
	d.press(Intent{Activate: true})
	d.waitScene(t, "ending")
	msg := d.g.a.scene.(*endingScene).msg
	docs := os.Getenv("BIGTHREE_DOCS_DIR")
	matches, _ := filepath.Glob(filepath.Join(docs, "bigthree-example-aid-to-russia-*.md"))
	// The message names the file, never its path (defect 14 of issue 11).
	if len(matches) != 1 || !strings.Contains(msg, filepath.Base(matches[0])) || strings.Contains(msg, docs) {
		t.Fatalf("transcript: %q, files %v", msg, matches)
	}
	if _, err := os.Stat(strings.TrimSuffix(matches[0], ".md") + ".json"); err != nil {
		t.Error(err)
	}
	// Saving again does not write a second copy.
	d.press(Intent{Activate: true})
	if again, _ := filepath.Glob(filepath.Join(docs, "bigthree-example-aid-to-russia-*.md")); len(again) != 1 {
		t.Errorf("Save transcript twice wrote %d transcripts", len(again))
	}
	if msg := d.g.a.scene.(*endingScene).msg; !strings.Contains(msg, "already") {
		t.Errorf("message after saving twice: %q", msg)
	}
	for _, m := range matches {
		os.Remove(m)
		os.Remove(strings.TrimSuffix(m, ".md") + ".json")
	}
	// Down moves between the ending's buttons (it used to scroll): Play
	// again starts the same scenario from the top.
	d.press(Intent{Move: 1})
	d.press(Intent{Activate: true})
	d.waitScene(t, "desk")
	if d.g.a.Play.Run.Event() != 0 || len(d.g.a.Play.Run.Steps()) != 0 {
		t.Error("Play again did not start over")
	}
}

func TestContinueResumesWhereThePlayerWas(t *testing.T) {
	d := theDriver
	startExample(t, d)
	d.press(Intent{Activate: true}) // Continue on the news: one press
	d.waitScene(t, "desk")
	d.press(Intent{Choose: 2}) // wait for the army
	d.waitScene(t, "after")
	want := d.g.a.Play.Run.Save()

	d.restart(t, Options{})
	d.waitScene(t, "title")
	ts := d.g.a.scene.(*titleScene)
	if len(ts.saves) != 1 || ts.items[0].id != "continue" || !strings.Contains(ts.items[0].detail, "Aid to Russia, 1941, 30 July 1941, document 3") {
		t.Fatalf("no Continue with the game on the title: %+v", ts.items)
	}
	d.press(Intent{Activate: true})
	d.waitScene(t, "desk")
	got := d.g.a.Play.Run.Save()
	if got.Event != want.Event || len(got.Choices) != len(want.Choices) {
		t.Fatalf("resumed at %q after %d choices, want %q after %d", got.Event, len(got.Choices), want.Event, len(want.Choices))
	}
	for k, v := range want.Meters {
		if got.Meters[k] != v {
			t.Errorf("meter %s = %d, want %d", k, got.Meters[k], v)
		}
	}
}

// TestTwoGamesSideBySide plays the example, then the campaign: both stay
// under Continue, and choosing the example again asks before anything is
// replaced.
func TestTwoGamesSideBySide(t *testing.T) {
	d := theDriver
	startExample(t, d)
	d.press(Intent{Activate: true}) // Continue on the news: one step
	d.waitScene(t, "desk")
	d.press(Intent{Back: true}) // the menu
	d.waitScene(t, "menu")
	d.pointAt(t, "title", true)
	openScenarioList(t, d)
	d.press(Intent{Choose: 1 + slices.Index(scenarios.Names(), scenarios.Campaign)})
	d.waitScene(t, "desk")
	if id := d.g.a.Play.S.ID; id != "big-three" {
		t.Fatalf("playing %q", id)
	}

	d.restart(t, Options{})
	d.waitScene(t, "title")
	ts := d.g.a.scene.(*titleScene)
	if want := "Roosevelt, Stalin and Churchill · 1933–1945"; ts.subtitle != want {
		t.Errorf("title page subtitle %q, want %q (from the campaign)", ts.subtitle, want)
	}
	if len(ts.saves) != 2 || ts.saves[0].Origin.Embedded != scenarios.Campaign || !strings.Contains(ts.items[0].detail, "2 games in progress") {
		t.Fatalf("title: %d saves, %+v", len(ts.saves), ts.items)
	}
	d.press(Intent{Activate: true}) // Continue: the list of games
	if d.scene() != "saves" {
		t.Fatalf("Continue shows %q, want the list of games", d.scene())
	}
	d.press(Intent{Back: true})
	openScenarioList(t, d)
	d.press(Intent{Choose: exampleIndex(t) + 1})
	d.waitScene(t, "confirm")
	c := d.g.a.scene.(*confirmScene)
	if !strings.Contains(c.q.Text, "in progress") || c.col.Items[c.col.Focus].ID != "continue" {
		t.Fatalf("question %q, focus on %d", c.q.Text, c.col.Focus)
	}
	d.press(Intent{Back: true}) // Esc cancels
	d.waitScene(t, "scenarios")
	d.press(Intent{Choose: exampleIndex(t) + 1})
	d.waitScene(t, "confirm")
	d.press(Intent{Activate: true}) // Continue it
	d.waitScene(t, "desk")
	if p := d.g.a.Play; p.S.ID != "example-aid-to-russia" || len(p.Run.Steps()) != 1 {
		t.Fatalf("Continue it: %s after %d steps", p.S.ID, len(p.Run.Steps()))
	}
	if list, _ := d.g.a.Session.InProgress(); len(list) != 2 {
		t.Errorf("%d games in progress after continuing one, want 2", len(list))
	}
}

// TestOldSaveIsMigrated starts with a save of the single-slot layout: it
// is continued from the title as before.
func TestOldSaveIsMigrated(t *testing.T) {
	d := theDriver
	dir := freshData(t)
	data, _ := scenarios.Read(scenarios.Example)
	s, _ := scenario.Load(scenarios.Example, data)
	run := rules.New(s)
	run.ChooseIndex(-1)
	run.Choose("send-hopkins")
	old := `{"origin": {"embedded": "example.yaml"}, "save": ` + string(run.Save().Encode()) + `}`
	if err := os.WriteFile(filepath.Join(dir, "autosave.json"), []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	d.restart(t, Options{})
	d.waitScene(t, "title")
	if _, err := os.Stat(filepath.Join(dir, "autosave.json")); !os.IsNotExist(err) {
		t.Errorf("the old save is still in the old place: %v", err)
	}
	d.press(Intent{Activate: true})
	d.waitScene(t, "desk")
	if got := d.g.a.Play.Run.Save(); got.Event != run.Save().Event {
		t.Errorf("continued at %q, want %q", got.Event, run.Save().Event)
	}
}

func TestCorruptAutosaveIsReported(t *testing.T) {
	d := theDriver
	dir := freshData(t)
	path := filepath.Join(dir, "autosave.json")
	if err := os.WriteFile(path, []byte(`{"origin": {"embedded": "example.yaml"}, "save": {"form`), 0o644); err != nil {
		t.Fatal(err)
	}
	d.restart(t, Options{})
	d.waitScene(t, "title")
	if m := d.g.a.Message; !strings.Contains(m, "damaged") || !strings.Contains(m, "autosave.json.corrupt") {
		t.Errorf("message %q", m)
	}
	if _, err := os.Stat(path + ".corrupt"); err != nil {
		t.Errorf("damaged save not kept: %v", err)
	}
	if ts := d.g.a.scene.(*titleScene); ts.items[0].id == "continue" {
		t.Error("Continue offered for a damaged save")
	}
}

func TestBadScenarioShowsErrors(t *testing.T) {
	d := theDriver
	freshData(t)
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	os.WriteFile(bad, []byte("format: 1\ntitle: x\nevents:\n  - id: a\n    date: 1941-02-30\n"), 0o644)
	d.restart(t, Options{File: bad})
	d.waitScene(t, "errors")
	es := d.g.a.scene.(*errorsScene)
	if len(es.diags) == 0 || !strings.Contains(es.diags.String(), "bad.yaml:5:") {
		t.Errorf("diagnostics: %s", es.diags)
	}
	d.press(Intent{Back: true})
	d.waitScene(t, "title")

	missing := filepath.Join(t.TempDir(), "missing.yaml")
	d.restart(t, Options{File: missing})
	d.waitScene(t, "errors")
	if es := d.g.a.scene.(*errorsScene); len(es.diags) != 1 || es.diags[0].Code != "read" {
		t.Errorf("diagnostics of a missing file: %s", es.diags)
	}
}

// TestKeys checks the keymap where it used to differ between screens: Tab
// reaches the Menu button, a locked reply picked by number says why, and
// hover and focus never light two buttons at once.
func TestKeys(t *testing.T) {
	d := theDriver
	startExample(t, d)
	desk := d.g.a.scene.(*deskScene)
	// The news has one reply (Continue); Tab goes to Menu and back.
	d.press(Intent{Tab: 1})
	if desk.col.Items[desk.col.Focus].ID != "menu" {
		t.Fatalf("Tab focused %q, want the Menu button", desk.col.Items[desk.col.Focus].ID)
	}
	d.press(Intent{Tab: 1})
	if desk.col.Focus != 0 {
		t.Errorf("Tab after Menu focused %d, want the first reply", desk.col.Focus)
	}
	d.press(Intent{Tab: -1})
	d.press(Intent{Activate: true})
	d.waitScene(t, "menu")
	d.press(Intent{Back: true})
	d.waitScene(t, "desk")

	// To the Moscow meeting by the Army's advice, where the supply
	// conference is locked (no envoy has gone).
	d.press(Intent{Choose: 1}) // Continue on the news: straight to the next desk
	for _, k := range []int{2, 1} {
		d.waitScene(t, "desk")
		d.press(Intent{Choose: k})
		d.waitScene(t, "after")
		d.press(Intent{Activate: true})
	}
	d.waitScene(t, "desk")
	desk = d.g.a.scene.(*deskScene)
	if desk.replies[1].ID != "supply-conference" || !desk.replies[1].Locked {
		t.Fatalf("reply 2 is %+v, want the locked supply conference", desk.replies[1])
	}
	d.press(Intent{Choose: 2})
	if d.scene() != "desk" || !strings.Contains(desk.shownAt, "Reply 2 is locked: Only after an envoy has gone to Moscow.") {
		t.Errorf("a locked reply picked by number: scene %s, notice %q", d.scene(), desk.shownAt)
	}
	if st := stateOf(t, d); !strings.Contains(st.Message, "Reply 2 is locked") {
		t.Errorf("the state does not report the locked reply: %q", st.Message)
	}
	// Down skips the locked reply.
	d.press(Intent{Move: -1})
	d.press(Intent{Move: 1})
	if desk.col.Focus != 2 {
		t.Errorf("Down from reply 1 focused %d, want reply 3 (2 is locked)", desk.col.Focus)
	}

	// The pointer over reply 1 lights it alone; a key lights the focus alone.
	d.pointAt(t, "reply:1", false)
	lit := func() (n int) {
		for i := range desk.col.Items {
			if h, f := desk.col.Lit(i); h || f {
				n++
			}
		}
		return n
	}
	if h, _ := desk.col.Lit(0); !h || lit() != 1 {
		t.Errorf("hovering reply 1: lit %d, reply 1 hovered %v", lit(), h)
	}
	d.press(Intent{Move: 1})
	if _, f := desk.col.Lit(2); !f || lit() != 1 {
		t.Errorf("after Down: %d lit, reply 3 focused %v", lit(), f)
	}
}

// stateOf returns the state the hook would publish now.
func stateOf(t *testing.T, d *driver) contract.State {
	t.Helper()
	var st contract.State
	d.onGame(func() {
		data, _ := d.g.a.hook.encode(d.g.a)
		if err := json.Unmarshal(data, &st); err != nil {
			t.Error(err)
		}
	})
	return st
}

func TestIdleScreenIsNotRedrawn(t *testing.T) {
	d := theDriver
	startExample(t, d)
	d.idle(30)
	before := d.frames()
	d.idle(120)
	if n := d.frames() - before; n != 0 {
		t.Errorf("%d frames drawn in 120 idle ticks, want 0", n)
	}
	// A key that changes focus draws exactly what is needed.
	d.press(Intent{Tab: 1})
	d.idle(5)
	if d.frames() == before {
		t.Error("moving the focus did not redraw")
	}
}

// TestDeskAllocationsPerFrame measures the heap allocated per rendered frame
// on the desk after warm-up, redrawing every frame.
func TestDeskAllocationsPerFrame(t *testing.T) {
	d := theDriver
	startExample(t, d)
	d.press(Intent{Activate: true}) // Continue on the news
	d.waitScene(t, "desk")          // the telegram, with two replies
	d.onGame(func() { d.g.a.force = true })
	defer d.onGame(func() { d.g.a.force = false })
	d.idle(120)
	var m0, m1 runtime.MemStats
	profile := os.Getenv("BIGTHREE_ALLOC_PROFILE") // write heap profiles around the window
	if profile != "" {
		writeHeap(profile + ".before")
	}
	runtime.ReadMemStats(&m0)
	f0 := d.frames()
	d.idle(300)
	runtime.ReadMemStats(&m1)
	if profile != "" {
		writeHeap(profile + ".after")
	}
	frames := d.frames() - f0
	if frames == 0 {
		t.Fatal("no frames drawn")
	}
	bytes := float64(m1.TotalAlloc-m0.TotalAlloc) / float64(frames)
	allocs := float64(m1.Mallocs-m0.Mallocs) / float64(frames)
	t.Logf("desk: %d frames in 300 ticks; %.1f bytes and %.2f allocations per frame, all of the process (Ebitengine's GL driver included)", frames, bytes, allocs)

	// The game's own drawing of the desk, on the game thread: no allocation.
	// All the runs queue their draws within one tick, so Ebitengine's
	// command queue grows a little; over many runs that averages out.
	a := d.g.a
	var own float64
	d.onGame(func() {
		img := ebiten.NewImage(int(a.W), int(a.H))
		a.scene.Draw(a, img) // warm up: clip images for this destination
		own = testing.AllocsPerRun(300, func() { a.scene.Draw(a, img) })
		img.Deallocate()
	})
	t.Logf("desk: %.2f allocations per Draw in the game's own code", own)
	if raceOn {
		t.Log("not checked under the race detector, which makes values escape to the heap")
		return
	}
	if own >= 0.5 {
		t.Errorf("drawing the desk allocates %.2f times per frame, want 0", own)
	}
}

func writeHeap(path string) {
	runtime.GC()
	f, err := os.Create(path)
	if err != nil {
		return
	}
	defer f.Close()
	pprof.Lookup("allocs").WriteTo(f, 0)
}
