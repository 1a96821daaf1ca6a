//go:build js

package main

import (
	"syscall/js"

	"bigthree/internal/cli"
)

// serve installs self.bigthreeChecker with one function per report, each
// taking a file name and the file's bytes (a Uint8Array) and returning a
// JSON string, then waits for calls forever.
func serve() {
	fn := func(f func(string, []byte) string) js.Func {
		return js.FuncOf(func(_ js.Value, args []js.Value) any {
			if len(args) < 2 || args[1].Type() != js.TypeObject {
				return `{"error":"call with (name, Uint8Array)"}`
			}
			data := make([]byte, args[1].Get("length").Int())
			js.CopyBytesToGo(data, args[1])
			return f(args[0].String(), data)
		})
	}
	checker := js.Global().Get("Object").New()
	checker.Set("check", fn(func(n string, d []byte) string { return string(cli.CheckJSON(n, d)) }))
	checker.Set("quick", fn(func(n string, d []byte) string { return string(cli.QuickJSON(n, d)) }))
	checker.Set("explore", fn(func(n string, d []byte) string { return string(cli.ExploreJSON(n, d)) }))
	checker.Set("graph", fn(cli.GraphDOT))
	js.Global().Set("bigthreeChecker", checker)
	select {}
}
