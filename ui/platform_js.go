//go:build js

package ui

import (
	"sync"
	"syscall/js"

	"bigthree/internal/store"
)

func openStore() *store.Store { return store.Open() }

// benchMode returns the page's ?bench= value (scroll or desk), or "".
func benchMode() (mode string) {
	defer func() {
		if recover() != nil {
			mode = ""
		}
	}()
	q := js.Global().Get("location").Get("search").String()
	v := js.Global().Get("URLSearchParams").New(q).Call("get", "bench")
	if v.IsNull() || v.IsUndefined() {
		return ""
	}
	switch b := v.String(); b {
	case benchScroll, benchDesk:
		return b
	}
	return ""
}

// platformState keeps the latest state for window.bigthree.state() and
// installs window.bigthree.openScenario(name, text), which the page calls
// with a scenario file the player picked or dropped.
type platformState struct {
	mu   sync.Mutex
	json string
}

func (p *platformState) init(a *App) bool {
	bt := js.Global().Get("bigthree")
	if bt.IsUndefined() || bt.IsNull() {
		bt = js.Global().Get("Object").New()
		js.Global().Set("bigthree", bt)
	}
	bt.Set("state", js.FuncOf(func(js.Value, []js.Value) any {
		p.mu.Lock()
		s := p.json
		p.mu.Unlock()
		if s == "" {
			return js.Null()
		}
		return js.Global().Get("JSON").Call("parse", s)
	}))
	bt.Set("openScenario", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) < 2 {
			return "openScenario(name, text) needs a file name and the file's text"
		}
		a.pending.push(args[0].String(), []byte(args[1].String()))
		return nil
	}))
	return true
}

// push queues a scenario handed over by the page.
func (q *pendingOpens) push(name string, data []byte) {
	q.mu.Lock()
	q.items = append(q.items, pendingOpen{name, data})
	q.mu.Unlock()
}

func (p *platformState) write(a *App, data []byte) {
	p.mu.Lock()
	p.json = string(data)
	p.mu.Unlock()
}
