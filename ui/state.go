package ui

import (
	"bytes"
	"encoding/json"
	"runtime"

	"bigthree/internal/contract"
	"bigthree/internal/layout"
)

// The state hook is the game's test interface: what the game shows, as
// contract.State, written to $BIGTHREE_STATE on the desktop and returned by
// window.bigthree.state() in the browser.

// buttonList collects the buttons a scene shows, reusing its slice.
type buttonList struct {
	items []contract.Button
	dpr   float64
}

func (b *buttonList) add(id string, r layout.Rect, enabled bool) {
	if r.Empty() {
		return
	}
	d := b.dpr
	b.items = append(b.items, contract.Button{ID: id, X: r.X / d, Y: r.Y / d, W: r.W / d, H: r.H / d, Enabled: enabled})
}

// buttonLister is implemented by scenes with buttons.
type buttonLister interface {
	listButtons(a *App, b *buttonList)
}

// stateReporter is implemented by scenes with replies or buttons, so tests
// can see how many options are shown and which has the focus.
type stateReporter interface {
	report() (options, focus int)
}

// typist is implemented by scenes with a text field: what is typed in it.
type typist interface {
	input() string
}

// messenger is implemented by scenes that show a message of their own.
type messenger interface {
	message() string
}

// stateHook publishes the state when it changes, and at least once a second.
type stateHook struct {
	enabled bool
	last    uint64
	lastAt  int
	out     platformState
	buttons buttonList

	mem       runtime.MemStats
	heapAt    uint64
	framesAt  int
	heapFrame uint64
	settled   bool

	// The screen's text as last published (without its Rev), to notice
	// when it changes, and its Rev.
	screenJSON []byte
	screenRev  int
	screen     *contract.Screen
	screenOut  []byte // its JSON, with Rev and Seq
	screenSig  uint64
	buf        []byte
}

// collect lists the current scene's buttons (none during a transition).
func (h *stateHook) collect(a *App) {
	h.buttons.items = h.buttons.items[:0]
	h.buttons.dpr = max(a.DPR, 0.01)
	if a.trans.Active() {
		return
	}
	if l, ok := a.scene.(buttonLister); ok {
		l.listButtons(a, &h.buttons)
	}
}

// measureHeap works out the bytes allocated per rendered frame since the
// last measurement; it runs once a second.
func (h *stateHook) measureHeap(a *App) {
	runtime.ReadMemStats(&h.mem)
	if f := a.Frames - h.framesAt; f > 0 {
		h.heapFrame = (h.mem.TotalAlloc - h.heapAt) / uint64(f)
	} else {
		h.heapFrame = 0
	}
	h.heapAt, h.framesAt = h.mem.TotalAlloc, a.Frames
}

func (h *stateHook) init(a *App) { h.enabled = h.out.init(a) }

// signature sums up what the state shows (FNV-1a over its parts), to
// notice changes cheaply and without allocating.
func signature(a *App) uint64 { return signatureOf(a, true) }

// signatureOf is signature, with the keyboard focus or without it: the
// screen's text does not depend on the focus (nor on where the buttons are),
// so moving it makes no new text.
func signatureOf(a *App, focus bool) uint64 {
	h := uint64(14695981039346656037)
	str := func(s string) {
		for i := 0; i < len(s); i++ {
			h ^= uint64(s[i])
			h *= 1099511628211
		}
	}
	put := func(v int) {
		h ^= uint64(v)
		h *= 1099511628211
	}
	str(a.scene.Name())
	if a.Play != nil {
		put(a.Play.Run.Event())
		put(a.Play.Run.Ending())
		for _, m := range a.Play.Run.Meters() {
			put(m)
		}
	}
	if r, ok := a.scene.(stateReporter); ok {
		o, fo := r.report()
		put(o)
		if focus {
			put(fo)
		}
	}
	put(a.seq)
	str(a.Message)
	if m, ok := a.scene.(messenger); ok {
		str(m.message())
	}
	if t, ok := a.scene.(typist); ok {
		str(t.input())
	}
	put(a.Settings.TextSize)
	put(b2i(a.Settings.HighContrast))
	put(a.Settings.TextView)
	put(b2i(a.Settings.ReducedMotion))
	put(b2i(a.Settings.Fullscreen))
	for _, b := range a.hook.buttons.items {
		str(b.ID)
		if focus {
			put(int(b.X))
			put(int(b.Y))
			put(int(b.W))
			put(int(b.H))
		}
		put(b2i(b.Enabled))
	}
	return h
}

func (h *stateHook) update(a *App) {
	if !h.enabled {
		return
	}
	if a.Ticks%60 == 0 {
		h.measureHeap(a)
	}
	h.collect(a)
	h.settled = !a.trans.Active() && !a.dirty && !a.part
	sig := signature(a)
	if h.settled {
		sig ^= 0x9e3779b97f4a7c15
	}
	if sig == h.last && a.Ticks-h.lastAt < 60 {
		return
	}
	h.last, h.lastAt = sig, a.Ticks
	h.publish(a)
}

func (h *stateHook) publish(a *App) {
	if !h.enabled {
		return
	}
	data, changed := h.encode(a)
	h.out.write(a, data, changed)
}

// encode returns the state's JSON, and whether the screen's text changed
// since the last time.
func (h *stateHook) encode(a *App) ([]byte, bool) {
	scene := a.scene
	if m, ok := scene.(*menuScene); ok {
		scene = m.under
	}
	h.collect(a)
	st := contract.State{Scene: scene.Name(), Meters: map[string]int{}, Ticks: int64(a.Ticks), Frames: int64(a.Frames), Focus: -1, Saves: "on",
		TextSize: a.Settings.TextSize, Buttons: h.buttons.items, HeapAllocPerFrame: h.heapFrame, Bench: a.bench, Settled: h.settled,
		Theme: a.Settings.ThemeName(), TextView: a.Settings.TextViewName()}
	st.Menu = scene != a.scene
	if a.Store == nil || a.Store.Off != "" {
		st.Saves = "off"
	}
	if a.Play != nil {
		s, run := a.Play.S, a.Play.Run
		st.Scenario = s.ID
		if ev := run.Event(); ev >= 0 {
			st.Event = s.Events[ev].ID
		}
		if e := run.Ending(); e >= 0 {
			st.Ending = s.Endings[e].ID
		}
		for i, m := range s.Meters {
			st.Meters[m.ID] = run.Meter(i)
		}
	}
	if r, ok := a.scene.(stateReporter); ok {
		st.Options, st.Focus = r.report()
	}
	st.Message = a.Message
	if m, ok := a.scene.(messenger); ok && m.message() != "" {
		st.Message = m.message()
	}
	if t, ok := a.scene.(typist); ok {
		st.Input = t.input()
	}
	// The screen's text is made again only when the signature says the
	// screen changed: the once-a-second republication of a still screen
	// reuses it.
	changed := false
	if sig := signatureOf(a, false); h.screen == nil || sig != h.screenSig {
		h.screenSig = sig
		sc := screenOf(a)
		text, _ := json.Marshal(sc)
		if changed = !bytes.Equal(text, h.screenJSON); changed {
			h.screenJSON = text
			h.screenRev++
		}
		sc.Rev, sc.Seq = h.screenRev, a.seq
		h.screen = sc
		h.screenOut, _ = json.Marshal(sc)
	}
	// The screen's JSON, made once, goes into the state as it is (a state
	// is published every tick while the focus moves).
	data, _ := json.Marshal(st)
	if n := len(data); n > 0 && data[n-1] == '}' && len(h.screenOut) > 0 {
		// Into a buffer kept between publications: write does not keep it.
		h.buf = append(append(append(append(h.buf[:0], data[:n-1]...), `,"screen":`...), h.screenOut...), '}')
		data = h.buf
	}
	return data, changed
}
