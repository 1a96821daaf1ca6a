// Package ui is bigthree's game: the Ebitengine scenes (title, desk, after a
// choice, ending and debrief, scenario errors, settings) on top of the pure
// packages scenario, rules, layout and store.
//
// Game is a thin shell: it reads input once per tick into an Input, hands
// it to the current Scene, and draws only when something changed (the screen
// is not cleared every frame, so a still screen costs nothing).
package ui

import (
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/hajimehoshi/ebiten/v2"

	"bigthree/assets"
	"bigthree/internal/layout"
	"bigthree/internal/rules"
	"bigthree/internal/scenario"
	"bigthree/internal/store"
	"bigthree/scenarios"
)

// Scene is one screen of the game.
type Scene interface {
	// Name is the scene's name in the state hook (title, desk, ...).
	Name() string
	// Layout recomputes the scene's geometry after the screen size, the
	// scale or the text size changed (and when the scene is entered).
	Layout(a *App)
	// Update handles one tick of input (a.In).
	Update(a *App) error
	// Draw draws the whole screen.
	Draw(a *App, dst *ebiten.Image)
}

// Options are what main passes in from the command line.
type Options struct {
	// File is a scenario file to play, given as the positional argument.
	File string
}

// Play is the game in progress: its scenario, the engine's run and where
// the scenario came from.
type Play struct {
	S      *scenario.Scenario
	Run    *rules.Run
	Origin store.Origin
	// Notice is shown on the desk until the next choice (a resume report).
	Notice string

	chars   []charLook
	hist    *rules.Run
	histOK  bool
	histSet bool
}

// Historical returns the run of Roosevelt's own replies, for the debrief.
func (p *Play) Historical() (*rules.Run, bool) {
	if !p.histSet {
		p.hist, p.histOK = rules.Historical(p.S, 10000)
		p.histSet = true
	}
	return p.hist, p.histOK
}

// catEntry is a shipped scenario as listed on the title screen.
type catEntry struct {
	Name  string
	S     *scenario.Scenario
	Diags scenario.Diagnostics
}

// App is everything the scenes share.
type App struct {
	W, H float64 // screen size in device pixels
	U    float64 // layout unit in device pixels
	DPR  float64 // device scale factor
	Gen  int     // bumped whenever W, H, U or the text size change

	In       Input
	Fonts    *Fonts
	P        *Painter
	Settings store.Settings
	Store    *store.Store
	Catalog  []catEntry
	Play     *Play
	// Message is a notice for the title screen (a damaged save, saves off).
	Message string
	Ticks   int
	Frames  int

	opts    Options
	src     *assets.Sources
	scene   Scene
	prev    Scene
	laidGen int
	trans   layout.Transition
	snap    *ebiten.Image
	snapped bool
	dirty   bool
	part    bool
	quit    bool
	input   inputReader
	back    *backdrop
	hook    stateHook
	pending pendingOpens
	force   bool // redraw every frame (for measurements)
	host    hostState

	titleSeals map[string]*ebiten.Image
	shot       shooter
	// feed, when set, replaces the player's input (tests drive the game
	// with intents).
	feed *Input
	// bench is the performance-measurement mode ($BIGTHREE_BENCH or
	// ?bench= in the browser): "scroll" keeps the desk animating, "desk"
	// shows a still desk; both skip the title and keep saves off.
	bench string
}

// The bench modes.
const (
	benchScroll = "scroll"
	benchDesk   = "desk"
)

// pendingOpens queues scenarios handed in from outside the game loop (the
// browser's openScenario).
type pendingOpens struct {
	mu    sync.Mutex
	items []pendingOpen
}

type pendingOpen struct {
	name string
	data []byte
}

func (q *pendingOpens) push(name string, data []byte) {
	q.mu.Lock()
	q.items = append(q.items, pendingOpen{name, data})
	q.mu.Unlock()
}

func (q *pendingOpens) pop() (pendingOpen, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.items) == 0 {
		return pendingOpen{}, false
	}
	p := q.items[0]
	q.items = q.items[1:]
	return p, true
}

// Game implements ebiten.Game by delegating to the current scene.
type Game struct {
	a *App
}

// New makes the game. It loads the fonts (embedded, so only a damaged build
// fails) and starts on the loading scene.
func New(opts Options) (*Game, error) {
	src, err := assets.LoadItalic()
	if err != nil {
		return nil, err
	}
	a := &App{opts: opts, src: src, DPR: 1, U: 1, laidGen: -1, Gen: 1, dirty: true}
	a.Fonts = newFonts(src)
	a.Fonts.resize(1, 1)
	a.P = newPainter(a.Fonts)
	a.back = &backdrop{}
	a.force = os.Getenv("BIGTHREE_FORCE_REDRAW") != ""
	a.scene = &loadingScene{}
	a.hook.init(a)
	a.shot.init()
	return &Game{a: a}, nil
}

// Settings returns the settings the game starts with, so main can size the
// window before the loop starts.
func (g *Game) Settings() store.Settings { return g.a.Settings }

// GoTo switches to the next scene with a short cross-fade, about a quarter
// of a second (none with reduced motion).
func (a *App) GoTo(next Scene) {
	a.prev, a.scene = a.scene, next
	next.Layout(a)
	a.laidGen = a.Gen
	n := layout.TransitionTicks
	if _, loading := a.prev.(*loadingScene); a.Settings.ReducedMotion || a.prev == nil || loading {
		n = 0
	}
	a.trans.Start(n)
	a.snapped = false
	a.dirty = true
}

// Redraw asks for the screen to be drawn again at the next frame.
func (a *App) Redraw() { a.dirty = true }

// RedrawPart asks for only the part of the screen that the scene redraws
// in DrawPart (the document while it scrolls): the rest of the screen keeps
// what the last frame drew, since the screen is not cleared between frames.
func (a *App) RedrawPart() { a.part = true }

// partDrawer is implemented by scenes that can redraw a part of the screen.
type partDrawer interface {
	DrawPart(a *App, dst *ebiten.Image)
}

// Motion reports whether animations should play (reduced motion is off).
func (a *App) Motion() bool { return !a.Settings.ReducedMotion }

// Quit ends the game after saving.
func (a *App) Quit() { a.quit = true }

// Web reports whether the game runs in a browser.
func (a *App) Web() bool { return runtime.GOOS == "js" }

// Update implements ebiten.Game.
func (g *Game) Update() error {
	a := g.a
	a.Ticks++
	if a.feed != nil {
		a.In = *a.feed
	} else {
		a.input.read(&a.In, 8*a.U)
	}
	if a.In.Fullscreen && !a.Web() {
		a.Settings.Fullscreen = !a.Settings.Fullscreen
		ebiten.SetFullscreen(a.Settings.Fullscreen)
		a.saveSettings()
	}
	if files := ebiten.DroppedFiles(); files != nil {
		a.openDropped(files)
	}
	if p, ok := a.pending.pop(); ok {
		a.openData(store.Origin{Name: p.name, Text: string(p.data)}, p.name, p.data, false)
	}
	if a.trans.Step() {
		a.dirty = true
	}
	if a.laidGen != a.Gen {
		a.scene.Layout(a)
		a.laidGen = a.Gen
		a.dirty = true
	}
	if err := a.scene.Update(a); err != nil {
		return err
	}
	a.shot.update(a)
	if ebiten.IsWindowBeingClosed() {
		a.quit = true
	}
	a.hook.update(a)
	if a.quit {
		a.autosave()
		a.hook.publish(a)
		return ebiten.Termination
	}
	return nil
}

// Draw implements ebiten.Game. It draws only when something changed.
func (g *Game) Draw(screen *ebiten.Image) {
	a := g.a
	if !a.dirty && !a.part && !a.force {
		return
	}
	if a.laidGen != a.Gen {
		a.scene.Layout(a)
		a.laidGen = a.Gen
		a.dirty = true
	}
	a.Frames++
	if a.Frames == 1 {
		// Tell at once that something is on screen: the next Update may
		// come only after the browser has composited this frame.
		defer a.hook.publish(a)
	}
	if pd, ok := a.scene.(partDrawer); ok && !a.dirty && !a.force && !a.trans.Active() {
		a.part = false
		pd.DrawPart(a, screen)
		a.shot.draw(a, screen)
		return
	}
	a.dirty, a.part = false, false
	if a.trans.Active() && a.prev != nil {
		if a.snap == nil || a.snap.Bounds().Dx() != screen.Bounds().Dx() || a.snap.Bounds().Dy() != screen.Bounds().Dy() {
			if a.snap != nil {
				a.snap.Deallocate()
			}
			a.snap = ebiten.NewImage(screen.Bounds().Dx(), screen.Bounds().Dy())
		}
		if !a.snapped {
			a.prev.Draw(a, a.snap)
			a.snapped = true
		}
		a.scene.Draw(a, screen)
		p := a.trans.Progress()
		a.P.op.GeoM.Reset()
		a.P.op.ColorScale.Reset()
		a.P.op.ColorScale.ScaleAlpha(float32(1 - p))
		screen.DrawImage(a.snap, &a.P.op)
		a.shot.draw(a, screen)
		return
	}
	a.scene.Draw(a, screen)
	a.shot.draw(a, screen)
}

// ConfigureWindow sets the window's title and size before the game runs:
// 1280×720 unless $BIGTHREE_WINDOW says otherwise (e.g. 1920x1080), and
// resizable. The screen is not cleared every frame, so unchanged frames
// are skipped.
func ConfigureWindow() {
	w, h := 1280, 720
	if s := os.Getenv("BIGTHREE_WINDOW"); s != "" {
		var ww, hh int
		if n, _ := fmt.Sscanf(s, "%dx%d", &ww, &hh); n == 2 && ww >= 320 && hh >= 240 {
			w, h = ww, hh
		}
	}
	ebiten.SetWindowTitle("The Big Three")
	ebiten.SetWindowSize(w, h)
	ebiten.SetWindowResizingMode(ebiten.WindowResizingModeEnabled)
	ebiten.SetScreenClearedEveryFrame(false)
	ebiten.SetWindowClosingHandled(true)
}

// Layout implements ebiten.Game: the screen has one pixel per device pixel,
// so text stays crisp on high-DPI displays.
func (g *Game) Layout(outsideWidth, outsideHeight int) (int, int) {
	w, h := g.LayoutF(float64(outsideWidth), float64(outsideHeight))
	return int(w), int(h)
}

// LayoutF implements ebiten.LayoutFer.
func (g *Game) LayoutF(outsideWidth, outsideHeight float64) (float64, float64) {
	a := g.a
	dpr := 1.0
	if m := ebiten.Monitor(); m != nil {
		dpr = m.DeviceScaleFactor()
	}
	w, h := math.Ceil(outsideWidth*dpr), math.Ceil(outsideHeight*dpr)
	if w != a.W || h != a.H || dpr != a.DPR {
		a.W, a.H, a.DPR = w, h, dpr
		a.relayout()
	}
	return w, h
}

// relayout recomputes the unit and the font sizes and asks every scene to
// lay itself out again.
func (a *App) relayout() {
	a.U = layout.Scale(a.W, a.H, a.DPR)
	a.Fonts.resize(a.U, a.Settings.Scale())
	a.Gen++
	a.dirty = true
}

func (a *App) saveSettings() {
	if err := a.Store.SaveSettings(a.Settings); err != nil && a.Store.Off == "" {
		a.Message = "Settings could not be saved: " + err.Error()
	}
}

// autosave writes the game in progress; errors are shown, never fatal.
func (a *App) autosave() {
	a.reportProgress()
	if a.Play == nil || a.Store == nil {
		return
	}
	if err := a.Store.WriteAutosave(a.Play.Origin, a.Play.Run.Save()); err != nil && a.Store.Off == "" {
		a.Message = "The game could not be saved: " + err.Error()
	}
}

// load prepares everything the title screen needs: the fonts, settings,
// the shipped scenarios and the autosave.
func (a *App) load() error {
	if err := a.src.Fill(); err != nil {
		return err
	}
	a.Store = openStore()
	st, problem := a.Store.Settings()
	a.Settings = st
	notes := []string{}
	if problem != "" {
		notes = append(notes, problem)
	}
	if a.Store.Off != "" {
		notes = append(notes, a.Store.Off)
	}
	a.Message = strings.Join(notes, "\n\n")
	for _, name := range scenarios.Names() {
		data, err := scenarios.Read(name)
		e := catEntry{Name: name}
		if err != nil {
			e.Diags = scenario.Diagnostics{{File: name, Line: 1, Col: 1, Message: err.Error()}}
		} else {
			e.S, e.Diags = scenario.Load(name, data)
		}
		a.Catalog = append(a.Catalog, e)
	}
	if !a.Web() && a.Settings.Fullscreen {
		ebiten.SetFullscreen(true)
	}
	a.relayout()
	return nil
}

// entry returns the shipped scenario of the given file name.
func (a *App) entry(name string) *catEntry {
	for i := range a.Catalog {
		if a.Catalog[i].Name == name {
			return &a.Catalog[i]
		}
	}
	return nil
}

// autosaved returns the autosave, if any, reporting a damaged one.
func (a *App) autosaved() *store.Autosave {
	sv, problem := a.Store.Autosave()
	if problem != "" {
		a.addMessage(problem)
	}
	return sv
}

func (a *App) addMessage(m string) {
	if a.Message == "" {
		a.Message = m
	} else if !strings.Contains(a.Message, m) {
		a.Message += "\n\n" + m
	}
}

// maxScenarioSize bounds what the game reads as a scenario.
const maxScenarioSize = scenario.MaxFileSize

// openFile opens a scenario file given on the command line or dropped on
// the window. With resume, an autosave of the same file is continued.
func (a *App) openFile(path string, resume bool) {
	abs, err := filepath.Abs(path)
	if err == nil {
		path = abs
	}
	data, err := readLimited(path)
	if err != nil {
		a.showReadError(filepath.Base(path), path, err)
		return
	}
	a.openData(store.Origin{File: path}, path, data, resume)
}

// showReadError shows the errors screen for a scenario file that could not
// be read at all.
func (a *App) showReadError(title, file string, err error) {
	a.showErrors(title, scenario.Diagnostics{scenario.ReadProblem(file, err)})
}

func readLimited(path string) ([]byte, error) {
	data, err := scenario.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return checkSize(data)
}

func readAllLimited(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxScenarioSize+1))
	if err != nil {
		return nil, err
	}
	return checkSize(data)
}

// checkSize refuses data longer than any scenario may be.
func checkSize(data []byte) ([]byte, error) {
	if len(data) > maxScenarioSize {
		return nil, fmt.Errorf("it is larger than %d MB, far larger than any scenario", maxScenarioSize>>20)
	}
	return data, nil
}

// openDropped opens the first .yaml (or .yml) file dropped on the window.
func (a *App) openDropped(files fs.FS) {
	var found string
	_ = fs.WalkDir(files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || found != "" {
			return nil
		}
		ext := strings.ToLower(filepath.Ext(p))
		if !d.IsDir() && (ext == ".yaml" || ext == ".yml") {
			found = p
		}
		return nil
	})
	if found == "" {
		a.addMessage("Only scenario files (.yaml) can be dropped on the game.")
		a.Redraw()
		return
	}
	f, err := files.Open(found)
	if err != nil {
		a.showReadError(found, found, err)
		return
	}
	defer f.Close()
	if osf, ok := f.(*os.File); ok {
		a.openFile(osf.Name(), false)
		return
	}
	data, err := readAllLimited(f)
	if err != nil {
		a.showReadError(found, found, err)
		return
	}
	a.openData(store.Origin{Name: found, Text: string(data)}, found, data, false)
}

// openData loads a scenario and starts playing it, or shows its errors.
func (a *App) openData(o store.Origin, name string, data []byte, resume bool) {
	s, diags := scenario.Load(name, data)
	if s == nil {
		a.showErrors(name, diags)
		return
	}
	if resume {
		if sv := a.autosaved(); sv != nil && sv.Origin.Same(o) {
			if a.resumeWith(s, o, sv) {
				return
			}
		}
	}
	a.startNew(s, o)
}

func (a *App) showErrors(name string, diags scenario.Diagnostics) {
	diags.Sort()
	a.GoTo(newErrorsScene(name, diags))
}

// startNew starts a new game of the scenario.
func (a *App) startNew(s *scenario.Scenario, o store.Origin) {
	a.Play = newPlay(s, rules.New(s), o)
	a.autosave()
	a.GoTo(newDeskScene())
}

// resumeWith continues a saved game on a loaded scenario; it reports whether
// it could.
func (a *App) resumeWith(s *scenario.Scenario, o store.Origin, sv *store.Autosave) bool {
	run, report, err := rules.Resume(s, sv.Save)
	if err != nil {
		a.addMessage("Your saved game could not be continued: " + err.Error() + ".")
		return false
	}
	a.Play = newPlay(s, run, o)
	if report.Changed || !report.Complete() {
		a.Play.Notice = "Resumed: " + report.String() + "."
	}
	if run.Over() {
		a.GoTo(newEndingScene(a))
	} else {
		a.GoTo(newDeskScene())
	}
	return true
}

// continueSaved resumes the autosave from the title screen.
func (a *App) continueSaved(sv *store.Autosave) {
	o := sv.Origin
	var data []byte
	var err error
	name := o.String()
	switch {
	case o.Embedded != "":
		e := a.entry(o.Embedded)
		if e == nil {
			err = fmt.Errorf("the scenario %q is no longer part of the game", o.Embedded)
			break
		}
		if e.S == nil {
			a.showErrors(e.Name, e.Diags)
			return
		}
		if !a.resumeWith(e.S, o, sv) {
			a.Redraw()
		}
		return
	case o.File != "":
		data, err = readLimited(o.File)
	default:
		data = []byte(o.Text)
	}
	if err != nil {
		a.addMessage("Your saved game's scenario cannot be opened: " + err.Error() + ".")
		a.Redraw()
		return
	}
	s, diags := scenario.Load(name, data)
	if s == nil {
		a.showErrors(name, diags)
		return
	}
	if !a.resumeWith(s, o, sv) {
		a.Redraw()
	}
}

// afterLoad decides where the game starts once everything is loaded.
func (a *App) afterLoad() {
	if a.bench = benchMode(); a.bench != "" {
		a.startBench()
		return
	}
	if a.startFromHost() {
		return
	}
	if a.opts.File != "" {
		a.openFile(a.opts.File, true)
		return
	}
	a.GoTo(newTitleScene(a))
}

// startBench starts a new game on the default scenario (or the file given)
// with saves off, straight on the desk.
func (a *App) startBench() {
	a.Store = store.New(store.NewMemory(), "Saves are off in bench mode.")
	a.Message = ""
	var s *scenario.Scenario
	o := store.Origin{Embedded: scenarios.Default()}
	if a.opts.File != "" {
		data, err := readLimited(a.opts.File)
		if err != nil {
			a.showReadError(a.opts.File, a.opts.File, err)
			return
		}
		var diags scenario.Diagnostics
		if s, diags = scenario.Load(a.opts.File, data); s == nil {
			a.showErrors(a.opts.File, diags)
			return
		}
		o = store.Origin{File: a.opts.File}
	} else if e := a.entry(scenarios.Default()); e != nil && e.S != nil {
		s = e.S
	} else {
		a.showErrors(scenarios.Default(), nil)
		return
	}
	a.Play = newPlay(s, rules.New(s), o)
	a.GoTo(newDeskScene())
	a.trans.Start(0)
}
