// Package ui is bigthree's game: the Ebitengine scenes (title, desk, after a
// choice, ending and debrief, scenario errors, settings) on top of the pure
// packages scenario, rules, story, layout and store. What the player sees
// after a reply and at the end is the story model's; the scenes only lay
// it out and draw it.
//
// Game is a thin shell: it reads input once per tick into an Intent, hands
// it to the current Scene, and draws only when something changed (the screen
// is not cleared every frame, so a still screen costs nothing).
package ui

import (
	"fmt"
	"math"
	"os"
	"runtime"
	"strings"
	"sync"

	"github.com/hajimehoshi/ebiten/v2"

	"bigthree/assets"
	"bigthree/internal/layout"
	"bigthree/internal/scenario"
	"bigthree/internal/session"
	"bigthree/internal/store"
)

// Scene is one screen of the game.
type Scene interface {
	// Name is the scene's name in the state hook (title, desk, ...).
	Name() string
	// Layout recomputes the scene's geometry after the screen size, the
	// scale or the text size changed (and when the scene is entered).
	Layout(a *App)
	// Update handles one tick of intents (a.In).
	Update(a *App) error
	// Draw draws the whole screen.
	Draw(a *App, dst *ebiten.Image)
}

// Options are what main passes in from the command line.
type Options struct {
	// File is a scenario file to play, given as the positional argument.
	File string
	// Watch reloads File on every save (bigthree -watch FILE).
	Watch bool
}

// Play is the game in progress (package session's) with how its
// characters are drawn.
type Play struct {
	*session.Play
	chars []charLook
}

// App is everything the scenes share.
type App struct {
	W, H float64 // screen size in device pixels
	U    float64 // layout unit in device pixels
	DPR  float64 // device scale factor
	Gen  int     // bumped whenever W, H, U or the text size change

	In       Intent
	Fonts    *Fonts
	P        *Painter
	Settings store.Settings
	Session  *session.Session
	Store    *store.Store // the session's
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
	live    live
	force   bool // redraw every frame (for measurements)
	host    hostState
	// acts are the intents handed in by the page's text mirror; seq
	// counts the screens entered (contract.Screen.Seq).
	acts acts
	seq  int

	titleSeals map[string]*ebiten.Image
	shot       shooter
	// feed, when set, replaces the player's input (tests drive the game
	// with intents).
	feed *Intent
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
	// files, when not nil, are several files picked or dropped together:
	// a scenario with its pictures, or a zip of its folder.
	files map[string][]byte
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
	a.live.init(a)
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
	a.seq++
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
	a.acts.apply(&a.In, a.seq)
	if a.In.Fullscreen && !a.Web() {
		a.Settings.Fullscreen = !a.Settings.Fullscreen
		ebiten.SetFullscreen(a.Settings.Fullscreen)
		a.saveSettings()
	}
	if files := ebiten.DroppedFiles(); files != nil && a.Session != nil {
		if op, ok := session.OpenDropped(files); ok {
			a.start(op)
		} else {
			a.addMessage(session.NotDropped)
			a.Redraw()
		}
	}
	if p, ok := a.pending.pop(); ok && a.Session != nil {
		if p.files != nil {
			if op, ok := session.OpenPicked(p.files); ok {
				a.start(op)
			} else {
				a.addMessage(session.NotDropped)
				a.Redraw()
			}
		} else {
			a.start(session.OpenData(p.name, p.data))
		}
	}
	a.live.update(a)
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
		a.live.draw(a, screen)
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
		a.live.draw(a, screen)
		a.shot.draw(a, screen)
		return
	}
	a.scene.Draw(a, screen)
	a.live.draw(a, screen)
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

// applyTheme draws the game in the colours the settings ask for from the
// next frame on; images drawn in the old colours are drawn again.
func (a *App) applyTheme() {
	t := themeFor(a.Settings.HighContrast)
	if t == currentTheme {
		return
	}
	useTheme(t)
	if a.back.img != nil {
		a.back.img.Deallocate()
		a.back.img = nil
	}
	a.relayout()
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
	if a.Play == nil || a.Session == nil {
		return
	}
	if problem := a.Session.Autosave(a.Play.Play); problem != "" {
		a.Message = problem
	}
}

// load prepares everything the title screen needs: the fonts, settings,
// the shipped scenarios and the saves (an old single save migrated).
func (a *App) load() error {
	if err := a.src.Fill(); err != nil {
		return err
	}
	st := openStore()
	settings, problem := st.Settings()
	a.Settings = settings
	notes := []string{}
	if problem != "" {
		notes = append(notes, problem)
	}
	if st.Off != "" {
		notes = append(notes, st.Off)
	}
	a.Session = session.New(st)
	a.Store = st
	if problem := a.Session.Migrate(); problem != "" {
		notes = append(notes, problem)
	}
	a.Message = strings.Join(notes, "\n\n")
	a.applyTheme()
	if !a.Web() && a.Settings.Fullscreen {
		ebiten.SetFullscreen(true)
	}
	a.relayout()
	return nil
}

func (a *App) addMessage(m string) {
	if m == "" {
		return
	}
	if a.Message == "" {
		a.Message = m
	} else if !strings.Contains(a.Message, m) {
		a.Message += "\n\n" + m
	}
}

// start opens a scenario to play it (a file dropped or picked): the session
// asks first when the scenario already has a saved game. The game on screen,
// if any, needs no saving: it was saved after its last reply.
func (a *App) start(op session.Opened) {
	a.warnFirst(op, func() { a.follow(a.Session.Start(op)) })
}

// warnFirst lists the warnings of a scenario that can be played (parts no
// path reaches, a game that can get stuck), then plays it with play; a
// scenario without warnings, or one the Studio already checks, plays at once.
func (a *App) warnFirst(op session.Opened, play func()) {
	if op.S == nil || len(op.Diags) == 0 || a.live.showsDiagnostics() {
		play()
		return
	}
	a.GoTo(newWarningsScene(op.Name, op.Diags, play))
}

// follow goes where a session step says: an errors screen, the game (the
// desk, or the ending of a finished one), a question about a saved game,
// or nowhere, with a message for the title page.
func (a *App) follow(st session.Step) {
	a.addMessage(st.Message)
	switch st.Kind {
	case session.Errors:
		a.showErrors(st.Opened.Name, st.Opened.Diags)
	case session.Show:
		a.Play = newPlay(st.Play)
		if a.Play.Run.Over() {
			a.GoTo(newEndingScene(a))
		} else {
			a.GoTo(newDeskScene())
		}
	case session.Ask:
		a.GoTo(newConfirmScene(a, st, a.scene))
	default:
		a.Redraw()
	}
}

func (a *App) showErrors(name string, diags scenario.Diagnostics) {
	diags.Sort()
	a.GoTo(newErrorsScene(name, diags))
}

// afterLoad decides where the game starts once everything is loaded: the
// file given on the command line (its game in progress continues), else
// the title page.
func (a *App) afterLoad() {
	if a.bench = benchMode(); a.bench != "" {
		sess, st := session.Bench(a.Session.Catalog, a.opts.File)
		a.Session, a.Store, a.Message = sess, sess.Store, ""
		a.follow(st)
		a.trans.Start(0)
		return
	}
	if a.startFromHost() {
		return
	}
	if a.opts.File != "" {
		op := session.OpenFile(a.opts.File)
		a.warnFirst(op, func() { a.follow(a.Session.StartOrResume(op)) })
		return
	}
	a.GoTo(newTitleScene(a))
}
