// Package assets provides bigthree's fonts and its emblems. The fonts are the
// Go fonts (golang.org/x/image/font/gofont), so no font file is committed; the
// emblems (star, eagle, lion, shield, dove and a monogram seal) are drawn here
// with ebiten's vector paths, made for this project.
package assets

import (
	"bytes"
	"fmt"

	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
)

// Sources are the font faces the game draws with: Go Regular, Bold and
// Italic for most text, and Go Mono for telegrams and diagnostics. Headings
// are capitals of Go Regular: Go Smallcaps would add 60 KB to the browser
// download for a look that capitals give almost as well.
type Sources struct {
	Regular, Bold, Italic, Mono *text.GoTextFaceSource
}

// LoadFonts parses all the fonts. It fails only if the embedded fonts are
// damaged, which a test rules out.
func LoadFonts() (*Sources, error) {
	var s Sources
	return &s, s.Fill()
}

// LoadItalic parses Go Italic alone: enough for the loading screen, so the
// first frame does not wait for every font.
func LoadItalic() (*Sources, error) {
	src, err := parse("Go Italic", goitalic.TTF)
	return &Sources{Italic: src}, err
}

// Fill parses the fonts not parsed yet.
func (s *Sources) Fill() error {
	for _, f := range []struct {
		dst  **text.GoTextFaceSource
		name string
		ttf  []byte
	}{
		{&s.Regular, "Go Regular", goregular.TTF},
		{&s.Bold, "Go Bold", gobold.TTF},
		{&s.Italic, "Go Italic", goitalic.TTF},
		{&s.Mono, "Go Mono", gomono.TTF},
	} {
		if *f.dst != nil {
			continue
		}
		src, err := parse(f.name, f.ttf)
		if err != nil {
			return err
		}
		*f.dst = src
	}
	return nil
}

func parse(name string, ttf []byte) (*text.GoTextFaceSource, error) {
	src, err := text.NewGoTextFaceSource(bytes.NewReader(ttf))
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", name, err)
	}
	return src, nil
}
