//go:build !js

package main

import (
	"fmt"
	"os"
)

func serve() {
	fmt.Fprintln(os.Stderr, "studiocheck runs in the browser, inside the Studio: build it with GOOS=js GOARCH=wasm (scripts/build-web does)")
	os.Exit(2)
}
