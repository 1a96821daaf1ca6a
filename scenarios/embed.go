// Package scenarios embeds the scenarios shipped with bigthree, so the game
// and the teachers' tool read them from the same fs.FS on every platform.
package scenarios

import (
	"embed"
	"io/fs"
	"path"
	"slices"
	"strings"
)

//go:embed *.yaml schema.json images
var files embed.FS

// FS holds the shipped scenario files at its root.
var FS fs.FS = files

// Campaign is the file name of the historical campaign, the default scenario.
const Campaign = "big-three.yaml"

// Example is the file name of the short example scenario teachers copy.
const Example = "example.yaml"

// Names lists the shipped scenario files: the campaign first (when present),
// then the others in alphabetical order.
func Names() []string {
	entries, _ := fs.ReadDir(FS, ".")
	var out []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".yaml") {
			out = append(out, e.Name())
		}
	}
	slices.SortStableFunc(out, func(a, b string) int {
		switch {
		case a == b:
			return 0
		case a == Campaign:
			return -1
		case b == Campaign:
			return 1
		}
		return strings.Compare(a, b)
	})
	return out
}

// Default returns the file name of the scenario the game starts with: the
// campaign when it is shipped, else the example.
func Default() string {
	if _, err := fs.Stat(FS, Campaign); err == nil {
		return Campaign
	}
	return Example
}

// Read returns the content of a shipped scenario.
func Read(name string) ([]byte, error) { return fs.ReadFile(FS, path.Clean(name)) }

// Schema returns the JSON Schema of the scenario format, for editors.
func Schema() []byte {
	b, _ := fs.ReadFile(FS, "schema.json")
	return b
}

// Images returns the folder of the shipped scenarios' pictures, for tests
// and tools that copy a scenario out together with its pictures.
func Images() fs.FS {
	sub, _ := fs.Sub(FS, "images")
	return sub
}
