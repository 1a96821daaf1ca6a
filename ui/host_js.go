//go:build js

package ui

import "syscall/js"

// readHostStart reads window.bigthreeStart, which web/host.js fills in
// before the game starts.
func readHostStart() (st hostStart, ok bool) {
	defer func() {
		if recover() != nil {
			st, ok = hostStart{}, false
		}
	}()
	v := js.Global().Get("bigthreeStart")
	if v.Type() != js.TypeObject {
		return hostStart{}, false
	}
	str := func(k string) string {
		if f := v.Get(k); f.Type() == js.TypeString {
			return f.String()
		}
		return ""
	}
	return hostStart{Link: str("link"), Name: str("name"), Text: str("text"), Save: str("save"), Problem: str("problem")}, true
}

// hostListens reports whether the page wants progress reports.
func hostListens() bool {
	h := js.Global().Get("bigthreeHost")
	return h.Type() == js.TypeObject && h.Get("progress").Type() == js.TypeFunction
}

// sendProgress hands the page a progress report (JSON of lms.Progress).
func sendProgress(json string) {
	defer func() { _ = recover() }() // a page script that throws must not stop the game
	js.Global().Get("bigthreeHost").Call("progress", json)
}
