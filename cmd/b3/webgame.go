//go:build !webgame

package main

import "io/fs"

// webGame is nil in a development build: b3 bundle then uses -web DIR or
// build/web. Release builds (-tags webgame) carry the browser game inside.
func webGame() fs.FS { return nil }
