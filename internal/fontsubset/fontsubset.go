// Package fontsubset trims a TrueType font to the characters bigthree can
// show, so the browser download carries a few hundred glyphs instead of a
// few thousand. The work is done by github.com/tdewolff/font; this package
// only says which characters to keep. assets/fontgen runs it on the fonts
// of github.com/go-fonts/liberation and writes assets/fonts.
package fontsubset

import (
	"fmt"

	"github.com/tdewolff/font"
)

// Ranges are the characters kept, inclusive: Latin (with Latin-1 and
// Latin Extended-A, for names such as Mikołajczyk), Greek and Cyrillic
// (as the Go fonts had), general punctuation (curly quotes, dashes, the
// ellipsis), the euro sign, numero and trade mark signs.
var Ranges = [][2]rune{
	{0x20, 0x7e}, {0xa0, 0x17f}, {0x192, 0x192}, {0x2c6, 0x2dd},
	{0x370, 0x3ff}, {0x400, 0x45f}, {0x490, 0x491},
	{0x2010, 0x2044}, {0x20ac, 0x20ac}, {0x2116, 0x2116}, {0x2122, 0x2122}, {0x2212, 0x2212},
}

// Subset returns ttf with only the glyphs of Ranges (and the glyphs they
// are composed of), without hinting and layout tables: the game draws
// unhinted and does not need ligatures. The result is the same for the
// same input.
func Subset(ttf []byte) ([]byte, error) {
	f, err := font.ParseSFNT(ttf, 0)
	if err != nil {
		return nil, fmt.Errorf("fontsubset: %w", err)
	}
	ids := []uint16{0}
	seen := map[uint16]bool{0: true}
	for _, r := range Ranges {
		for c := r[0]; c <= r[1]; c++ {
			if g := f.GlyphIndex(c); g != 0 && !seen[g] {
				seen[g] = true
				ids = append(ids, g)
			}
		}
	}
	s, err := f.Subset(ids, font.SubsetOptions{Tables: font.KeepMinTables})
	if err != nil {
		return nil, fmt.Errorf("fontsubset: %w", err)
	}
	return s.Write(), nil
}
