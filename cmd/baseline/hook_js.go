//go:build js

package main

import (
	"net/url"
	"strings"
	"syscall/js"
)

func benchMode() string {
	q, err := url.ParseQuery(strings.TrimPrefix(js.Global().Get("location").Get("search").String(), "?"))
	if err != nil {
		return ""
	}
	return q.Get("bench")
}

// jsHook serves the latest state to window.bigthree.state(), as the game does.
type jsHook struct {
	st *state
}

func newHook() hook {
	h := &jsHook{}
	obj := js.Global().Get("bigthree")
	if obj.IsUndefined() || obj.IsNull() {
		obj = js.Global().Get("Object").New()
		js.Global().Set("bigthree", obj)
	}
	obj.Set("state", js.FuncOf(func(js.Value, []js.Value) any {
		if h.st == nil {
			return js.Null()
		}
		return map[string]any{
			"scene": h.st.Scene, "scenario": h.st.Scenario, "event": h.st.Event, "meters": map[string]any{},
			"ending": h.st.Ending, "ticks": h.st.Ticks, "frames": h.st.Frames, "presses": h.st.Presses,
			"clicks": h.st.Clicks, "bench": h.st.Bench, "heap_alloc_per_frame": h.st.HeapAllocPerFrame,
		}
	}))
	return h
}

func (h *jsHook) publish(st *state, _ bool) { h.st = st }
