// Command fontgen writes assets/fonts: the Liberation fonts of
// github.com/go-fonts/liberation trimmed by internal/fontsubset, and their
// licence. Run it with go generate ./assets after changing the module's
// version or the ranges; a test in assets fails when the files are stale.
package main

import (
	"log"
	"os"
	"path/filepath"

	"bigthree/assets/fontgen/liberation"
	"bigthree/internal/fontsubset"
)

func main() {
	dir := "fonts"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	for _, f := range liberation.Fonts {
		out, err := fontsubset.Subset(f.TTF)
		if err != nil {
			log.Fatalf("%s: %v", f.File, err)
		}
		if err := os.WriteFile(filepath.Join(dir, f.File), out, 0o644); err != nil {
			log.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "OFL.txt"), []byte(liberation.License), 0o644); err != nil {
		log.Fatal(err)
	}
}
