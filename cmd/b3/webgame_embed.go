//go:build webgame

package main

import (
	"archive/zip"
	"bytes"
	_ "embed"
	"io/fs"
)

// webgame.zip is the browser game's folder, zipped by scripts/release
// (which copies it here before building b3 with -tags webgame).
//
//go:embed webgame.zip
var webZip []byte

// webGame returns the browser game b3 bundle copies into a class folder.
func webGame() fs.FS {
	zr, err := zip.NewReader(bytes.NewReader(webZip), int64(len(webZip)))
	if err != nil {
		panic("the browser game inside b3 is damaged: " + err.Error()) // scripts/release checks it
	}
	// The zip holds one folder (bigthree-VERSION-web): the game is inside it.
	if entries, err := fs.ReadDir(zr, "."); err == nil && len(entries) == 1 && entries[0].IsDir() {
		if sub, err := fs.Sub(zr, entries[0].Name()); err == nil {
			return sub
		}
	}
	return zr
}
