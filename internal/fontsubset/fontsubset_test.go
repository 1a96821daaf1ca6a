package fontsubset

import (
	"bytes"
	"testing"

	"github.com/go-fonts/liberation/liberationserifregular"
	"github.com/tdewolff/font"
)

func TestSubsetKeepsTheRangesAndShrinks(t *testing.T) {
	out, err := Subset(liberationserifregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) >= len(liberationserifregular.TTF)/2 {
		t.Errorf("subset is %d bytes of %d: want under half", len(out), len(liberationserifregular.TTF))
	}
	f, err := font.ParseSFNT(out, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range "Aaz0ł“”‘’–—…€Жω" {
		if f.GlyphIndex(r) == 0 {
			t.Errorf("subset lacks %q", r)
		}
	}
	if f.GlyphIndex('中') != 0 {
		t.Error("subset keeps a glyph outside the ranges")
	}
	again, _ := Subset(liberationserifregular.TTF)
	if !bytes.Equal(out, again) {
		t.Error("two subsets of the same font differ")
	}
}
