//go:build !js

package ui

import (
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"bigthree/internal/rules"
	"bigthree/scenarios"
)

// These tests need a display: run them with xvfb-run -a go test ./ui.
// They drive the real game with intents, one tick at a time, from a script
// running beside Ebitengine's loop.

// driver runs games inside one ebiten.RunGame (which may be called only
// once per process) and lets a script feed each tick's input.
type driver struct {
	g    *Game
	fn   chan func()
	req  chan Input
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
	theDriver = &driver{g: g, req: make(chan Input), ack: make(chan struct{}), next: make(chan *Game, 1), fn: make(chan func(), 1)}
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
	d.tick(Input{})
	if d.g != g {
		t.Fatal("new game not installed")
	}
}

// tick runs one Update with the given input.
func (d *driver) tick(in Input) {
	d.req <- in
	<-d.ack
}

func (d *driver) idle(n int) {
	for range n {
		d.tick(Input{})
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
		d.tick(Input{})
	}
	t.Fatalf("scene is %q, want %q", d.scene(), name)
}

// press ticks once with a key intent, then once without (keys are edges).
func (d *driver) press(in Input) {
	in.Any = true
	d.tick(in)
	d.tick(Input{})
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

func startExample(t *testing.T, d *driver) {
	t.Helper()
	d.restart(t, Options{})
	d.waitScene(t, "title")
	if d.g.a.scene.(*titleScene).auto != nil {
		// A previous test left an autosave: Continue is first. Go to New game.
		d.press(Input{Down_: true})
	}
	d.press(Input{Enter: true})
	if !d.g.a.scene.(*titleScene).listing {
		t.Fatal("New game did not open the scenario list")
	}
	d.press(Input{Digit: exampleIndex(t) + 1})
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
		switch d.scene() {
		case "desk":
			d.press(Input{Enter: true})
		case "after":
			d.press(Input{Space: true})
		}
		for d.g.a.trans.Active() {
			d.tick(Input{})
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
	d.press(Input{Enter: true})
	d.waitScene(t, "name")
	d.press(Input{Enter: true})
	d.waitScene(t, "ending")
	msg := d.g.a.scene.(*endingScene).msg
	docs := os.Getenv("BIGTHREE_DOCS_DIR")
	matches, _ := filepath.Glob(filepath.Join(docs, "bigthree-example-aid-to-russia-*.md"))
	if len(matches) != 1 || !strings.Contains(msg, matches[0]) {
		t.Fatalf("transcript: %q, files %v", msg, matches)
	}
	if _, err := os.Stat(strings.TrimSuffix(matches[0], ".md") + ".json"); err != nil {
		t.Error(err)
	}
	// Play again starts the same scenario from the top.
	d.press(Input{Right: true})
	d.press(Input{Enter: true})
	d.waitScene(t, "desk")
	if d.g.a.Play.Run.Event() != 0 || len(d.g.a.Play.Run.Steps()) != 0 {
		t.Error("Play again did not start over")
	}
}

func TestContinueResumesWhereThePlayerWas(t *testing.T) {
	d := theDriver
	startExample(t, d)
	d.press(Input{Space: true}) // Continue on the news
	d.waitScene(t, "after")
	d.press(Input{Enter: true})
	d.waitScene(t, "desk")
	d.press(Input{Digit: 2}) // wait for the army
	d.waitScene(t, "after")
	want := d.g.a.Play.Run.Save()

	d.restart(t, Options{})
	d.waitScene(t, "title")
	ts := d.g.a.scene.(*titleScene)
	if ts.auto == nil || ts.items[0].label != "Continue" {
		t.Fatalf("no Continue on the title: %+v", ts.items)
	}
	d.press(Input{Enter: true})
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

func TestCorruptAutosaveIsReported(t *testing.T) {
	d := theDriver
	data := os.Getenv("BIGTHREE_DATA_DIR")
	os.MkdirAll(data, 0o755)
	path := filepath.Join(data, "autosave.json")
	os.Remove(path + ".corrupt")
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
	if ts := d.g.a.scene.(*titleScene); ts.items[0].label == "Continue" {
		t.Error("Continue offered for a damaged save")
	}
}

func TestBadScenarioShowsErrors(t *testing.T) {
	d := theDriver
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	os.WriteFile(bad, []byte("format: 1\ntitle: x\nevents:\n  - id: a\n    date: 1941-02-30\n"), 0o644)
	d.restart(t, Options{File: bad})
	d.waitScene(t, "errors")
	es := d.g.a.scene.(*errorsScene)
	if len(es.diags) == 0 || !strings.Contains(es.diags.String(), "bad.yaml:5:") {
		t.Errorf("diagnostics: %s", es.diags)
	}
	d.press(Input{Esc: true})
	d.waitScene(t, "title")

	missing := filepath.Join(t.TempDir(), "missing.yaml")
	d.restart(t, Options{File: missing})
	d.waitScene(t, "errors")
}

func TestIdleScreenIsNotRedrawn(t *testing.T) {
	d := theDriver
	startExample(t, d)
	d.idle(30)
	before := d.g.a.Frames
	d.idle(120)
	if n := d.g.a.Frames - before; n != 0 {
		t.Errorf("%d frames drawn in 120 idle ticks, want 0", n)
	}
	// A key that changes focus draws exactly what is needed.
	d.press(Input{Down_: true})
	d.idle(5)
	if d.g.a.Frames == before {
		t.Error("moving the focus did not redraw")
	}
}

// TestDeskAllocationsPerFrame measures the heap allocated per rendered frame
// on the desk after warm-up, redrawing every frame.
func TestDeskAllocationsPerFrame(t *testing.T) {
	d := theDriver
	startExample(t, d)
	d.press(Input{Space: true})
	d.waitScene(t, "after")
	d.press(Input{Enter: true})
	d.waitScene(t, "desk") // the telegram, with two replies
	d.g.a.force = true
	defer func() { d.g.a.force = false }()
	d.idle(120)
	var m0, m1 runtime.MemStats
	profile := os.Getenv("BIGTHREE_ALLOC_PROFILE") // write heap profiles around the window
	if profile != "" {
		writeHeap(profile + ".before")
	}
	runtime.ReadMemStats(&m0)
	f0 := d.g.a.Frames
	d.idle(300)
	runtime.ReadMemStats(&m1)
	if profile != "" {
		writeHeap(profile + ".after")
	}
	frames := d.g.a.Frames - f0
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
	d.fn <- func() {
		img := ebiten.NewImage(int(a.W), int(a.H))
		a.scene.Draw(a, img) // warm up: clip images for this destination
		own = testing.AllocsPerRun(300, func() { a.scene.Draw(a, img) })
		img.Deallocate()
	}
	d.tick(Input{})
	t.Logf("desk: %.2f allocations per Draw in the game's own code", own)
	if own >= 0.5 {
		t.Errorf("drawing the desk allocates %.2f times per frame, want 0", own)
	}
}

var _ = rules.ContinueID

func writeHeap(path string) {
	runtime.GC()
	f, err := os.Create(path)
	if err != nil {
		return
	}
	defer f.Close()
	pprof.Lookup("allocs").WriteTo(f, 0)
}
