//go:build js

package store

import (
	"fmt"
	"strings"
	"syscall/js"
)

const prefix = "bigthree/"

// Local is a Backend over the browser's localStorage: key "settings" is
// the item "bigthree/settings".
type Local struct {
	ls js.Value
}

// call runs fn and turns a JavaScript exception (storage refused, quota
// full) into an error instead of a crash.
func call(fn func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	fn()
	return nil
}

// Read implements Backend.
func (l Local) Read(key string) ([]byte, error) {
	var v js.Value
	if err := call(func() { v = l.ls.Call("getItem", prefix+key) }); err != nil {
		return nil, err
	}
	if v.IsNull() || v.IsUndefined() {
		return nil, ErrNotFound
	}
	return []byte(v.String()), nil
}

// Write implements Backend.
func (l Local) Write(key string, data []byte) error {
	return call(func() { l.ls.Call("setItem", prefix+key, string(data)) })
}

// MoveAside implements Backend: the item is copied to "bigthree/KEY.corrupt"
// and then removed.
func (l Local) MoveAside(key string) (string, error) {
	data, err := l.Read(key)
	if err != nil {
		return "", err
	}
	aside := asideName(key, func(k string) bool {
		v, err := l.Read(k)
		return err == nil && v != nil
	})
	if err := l.Write(aside, data); err != nil {
		return "", err
	}
	if err := l.Remove(key); err != nil {
		return "", err
	}
	return fmt.Sprintf("the browser storage item %q", prefix+aside), nil
}

// Remove implements Backend.
func (l Local) Remove(key string) error {
	return call(func() { l.ls.Call("removeItem", prefix+key) })
}

// List implements Backend: the items under "bigthree/" whose key starts
// with the prefix (items moved aside end in .corrupt and are left out).
func (l Local) List(p string) ([]string, error) {
	var keys []string
	err := call(func() {
		n := l.ls.Get("length").Int()
		for i := range n {
			k := l.ls.Call("key", i)
			if k.IsNull() || k.IsUndefined() {
				continue
			}
			name, ok := strings.CutPrefix(k.String(), prefix)
			if ok && strings.HasPrefix(name, p) && !strings.HasSuffix(name, asideSuffix) {
				keys = append(keys, name)
			}
		}
	})
	return keys, err
}

// Where implements Backend.
func (l Local) Where() string { return "this browser's local storage for this site" }

// Open returns the browser's store. Where localStorage is missing or
// refused (private windows, blocked cookies), saves are off and the game
// plays on in memory.
func Open() *Store {
	var ls js.Value
	err := call(func() {
		ls = js.Global().Get("localStorage")
		if ls.IsUndefined() || ls.IsNull() {
			panic("there is no localStorage")
		}
		ls.Call("setItem", prefix+"probe", "1")
		ls.Call("removeItem", prefix+"probe")
	})
	if err != nil {
		return New(NewMemory(), "Saves are off: this browser does not allow the game to store anything ("+err.Error()+").")
	}
	return New(Local{ls: ls}, "")
}

// Export offers a transcript as two downloads, name.md and name.json.
func Export(name string, markdown, jsonData []byte) (string, error) {
	if err := download(name+".md", "text/markdown", markdown); err != nil {
		return "", err
	}
	if err := download(name+".json", "application/json", jsonData); err != nil {
		return "", err
	}
	return fmt.Sprintf("Downloaded %s.md and %s.json (see your browser's downloads).", name, name), nil
}

func download(file, mime string, data []byte) error {
	return call(func() {
		arr := js.Global().Get("Uint8Array").New(len(data))
		js.CopyBytesToJS(arr, data)
		parts := js.Global().Get("Array").New(arr)
		opts := js.Global().Get("Object").New()
		opts.Set("type", mime)
		blob := js.Global().Get("Blob").New(parts, opts)
		url := js.Global().Get("URL").Call("createObjectURL", blob)
		doc := js.Global().Get("document")
		a := doc.Call("createElement", "a")
		a.Set("href", url)
		a.Set("download", file)
		a.Get("style").Set("display", "none")
		doc.Get("body").Call("appendChild", a)
		a.Call("click")
		a.Call("remove")
		// Revoke later: some browsers start the download after click returns.
		var revoke js.Func
		revoke = js.FuncOf(func(js.Value, []js.Value) any {
			js.Global().Get("URL").Call("revokeObjectURL", url)
			revoke.Release()
			return nil
		})
		js.Global().Call("setTimeout", revoke, 10000)
	})
}
