//go:build js

package ui

import (
	"encoding/json"
	"sync"
	"syscall/js"

	"bigthree/internal/rules"
	"bigthree/internal/store"
)

// liveSource, in the browser, is the Studio's link: in the Try it pane
// (index.html?studio) the Studio calls window.bigthree.playDraft(name,
// text, keep) with the text being edited, and reads
// window.bigthree.draftState() to show how the replay went. Saves are kept
// in memory there, so trying a scenario never replaces a student's game.
type liveSource struct {
	studio  bool
	swapped bool
	mu      sync.Mutex
	state   string
	lastSig [3]int
}

func (src *liveSource) init(a *App, l *live) {
	defer func() { _ = recover() }() // a page without location (tests): no Studio
	q := js.Global().Get("location").Get("search").String()
	src.studio = js.Global().Get("URLSearchParams").New(q).Call("has", "studio").Bool()
	if !src.studio {
		return
	}
	bt := js.Global().Get("bigthree")
	if bt.IsUndefined() || bt.IsNull() {
		bt = js.Global().Get("Object").New()
		js.Global().Set("bigthree", bt)
	}
	bt.Set("playDraft", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) < 2 {
			return "playDraft(name, text, keep) needs a file name and the text"
		}
		keep := len(args) > 2 && args[2].Truthy()
		name := args[0].String()
		text := args[1].String()
		l.push(liveText{name: name, data: []byte(text), origin: store.Origin{Name: name, Text: text}, keep: keep})
		return nil
	}))
	bt.Set("draftState", js.FuncOf(func(js.Value, []js.Value) any {
		src.mu.Lock()
		s := src.state
		src.mu.Unlock()
		if s == "" {
			return js.Null()
		}
		return js.Global().Get("JSON").Call("parse", s)
	}))
	src.publish(a, l)
}

// showsDiagnostics reports whether the Studio shows the checker's messages,
// so the game need not list them before playing.
func (src *liveSource) showsDiagnostics() bool { return src.studio }

func (src *liveSource) update(a *App, l *live) {
	if !src.studio {
		return
	}
	if a.Store != nil && !src.swapped {
		a.Store = store.New(store.NewMemory(), "Saves are kept only while the Studio plays your scenario.")
		a.Session.Store = a.Store
		a.Message = ""
		src.swapped = true
	}
	steps := 0
	if a.Play != nil {
		steps = len(a.Play.Run.Steps())
	}
	if sig := [3]int{l.Loads, steps, b2i(a.Play != nil && a.Play.Run.Over())}; sig != src.lastSig {
		src.lastSig = sig
		src.publish(a, l)
	}
}

func (src *liveSource) publish(a *App, l *live) {
	st := struct {
		Loads   int                `json:"loads"`
		Notice  string             `json:"notice"`
		Problem string             `json:"problem"`
		Steps   []rules.PlayedStep `json:"steps"`
	}{l.Loads, l.Notice, l.Problem, []rules.PlayedStep{}}
	if a.Play != nil {
		st.Steps = a.Play.Run.Played()
	}
	data, _ := json.Marshal(st)
	src.mu.Lock()
	src.state = string(data)
	src.mu.Unlock()
}
