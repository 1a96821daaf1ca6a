// Command buildweb bundles the Studio's JavaScript and CSS (web/studio, with
// the CodeMirror packages that `npm ci` put in node_modules) into the web
// build's folder, with esbuild's Go API: the bundler is a Go module like the
// rest, pinned in go.sum, so no bundler binary comes from npm.
// scripts/build-web runs it: go run ./cmd/buildweb -out build/web
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	out := flag.String("out", "build/web", "the web build's folder")
	flag.Parse()
	if err := bundle(".", *out); err != nil {
		fmt.Fprintln(os.Stderr, "buildweb:", err)
		os.Exit(1)
	}
}
