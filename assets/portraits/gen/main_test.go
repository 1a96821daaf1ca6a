package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestCommittedPortraitsAreTheGenerators checks that the portraits in
// scenarios/images/portraits are what this program draws, so they cannot drift
// from it: after changing the drawing, run `go run ./assets/portraits/gen`.
func TestCommittedPortraitsAreTheGenerators(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "scenarios", "images", "portraits")
	want := render()
	if len(want) != 9 {
		t.Fatalf("%d portraits, want 3 characters × 3 moods", len(want))
	}
	for name, data := range want {
		have, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("%s: %v (run go run ./assets/portraits/gen)", name, err)
			continue
		}
		if !bytes.Equal(have, data) {
			t.Errorf("%s differs from the generator's output (run go run ./assets/portraits/gen)", name)
		}
		if len(data) > 40<<10 {
			t.Errorf("%s is %d bytes, more than 40 KB", name, len(data))
		}
	}
}
