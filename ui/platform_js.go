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
	// act({button: id, seq: n}) or act({choose: n, seq: n}): the text
	// mirror's buttons, the same intents as a click on the button or the
	// number key (seq is the screen the mirror showed; 0 for any);
	// act({text: value, seq: n}): the value of its text box.
	bt.Set("act", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) < 1 || args[0].Type() != js.TypeObject {
			return "act({button: id}) or act({choose: n}) needs an object"
		}
		var in Intent
		o := args[0]
		if v := o.Get("button"); v.Type() == js.TypeString {
			in.Button = v.String()
		}
		if v := o.Get("choose"); v.Type() == js.TypeNumber {
			in.Choose = v.Int()
		}
		if v := o.Get("text"); v.Type() == js.TypeString {
			in.Text, in.SetText = v.String(), true
		}
		seq := 0
		if v := o.Get("seq"); v.Type() == js.TypeNumber {
			seq = v.Int()
		}
		if in.Button == "" && !in.SetText && (in.Choose < 1 || in.Choose > 9) {
			return "act needs a button id, a reply number from 1 to 9 or a text"
		}
		a.acts.push(in, seq)
		return nil
	}))
	bt.Set("openScenario", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) < 2 {
			return "openScenario(name, text) needs a file name and the file's text"
		}
		a.pending.push(args[0].String(), []byte(args[1].String()))
		return nil
	}))
	// openFiles([[name, bytes], ...]): several files picked or dropped
	// together (a scenario with its pictures, or a zip of its folder), each
	// a Uint8Array.
	bt.Set("openFiles", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) < 1 || args[0].Type() != js.TypeObject {
			return "openFiles([[name, bytes], ...]) needs a list of files"
		}
		list, files := args[0], map[string][]byte{}
		for i := 0; i < list.Length(); i++ {
			name, bytes := list.Index(i).Index(0), list.Index(i).Index(1)
			if name.Type() != js.TypeString || bytes.Type() != js.TypeObject {
				continue
			}
			b := make([]byte, bytes.Get("length").Int())
			js.CopyBytesToGo(b, bytes)
			files[name.String()] = b
		}
		a.pending.mu.Lock()
		a.pending.items = append(a.pending.items, pendingOpen{files: files})
		a.pending.mu.Unlock()
		return nil
	}))
	return true
}

// push queues a scenario handed over by the page.
func (q *pendingOpens) push(name string, data []byte) {
	q.mu.Lock()
	q.items = append(q.items, pendingOpen{name: name, data: data})
	q.mu.Unlock()
}

// write keeps the state for state(); when the screen's text changed, it
// tells the page's text mirror, which then reads it (window.bigthree.onscreen).
func (p *platformState) write(a *App, data []byte, screenChanged bool) {
	p.mu.Lock()
	p.json = string(data)
	p.mu.Unlock()
	if !screenChanged {
		return
	}
	if f := js.Global().Get("bigthree").Get("onscreen"); f.Type() == js.TypeFunction {
		f.Invoke()
	}
}
