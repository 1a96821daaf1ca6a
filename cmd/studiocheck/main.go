// Command studiocheck is the Studio's checker: the packages of b3 compiled
// to WebAssembly without the game, run in a Web Worker of web/studio.
// Build it with GOOS=js GOARCH=wasm (scripts/build-web does).
package main

func main() { serve() }
