// Package assets provides bigthree's fonts and its emblems. The fonts are
// Liberation Serif and Liberation Mono from github.com/go-fonts/liberation,
// trimmed to the characters the game can show by fontgen (go generate) so
// that the browser download stays small; fonts/OFL.txt is their licence,
// shipped with every build. The emblems (star, eagle, lion, shield, dove
// and a monogram seal) are drawn here with ebiten's vector paths, made for
// this project.
package assets

//go:generate go run ./fontgen

import (
	"bytes"
	_ "embed"
	"fmt"

	"github.com/hajimehoshi/ebiten/v2/text/v2"
)

var (
	//go:embed fonts/LiberationSerif-Regular.ttf
	serifRegular []byte
	//go:embed fonts/LiberationSerif-Bold.ttf
	serifBold []byte
	//go:embed fonts/LiberationSerif-Italic.ttf
	serifItalic []byte
	//go:embed fonts/LiberationMono-Regular.ttf
	monoRegular []byte
)

// FontLicense is the SIL Open Font License of the Liberation fonts, which
// the game lists in Settings and every release carries.
//
//go:embed fonts/OFL.txt
var FontLicense string

// FontNotice names the fonts and their licence in one line.
const FontNotice = "Type: Liberation Serif and Liberation Mono (Red Hat; Google's Tinos and Cousine), SIL Open Font License 1.1."

// Sources are the font faces the game draws with: Liberation Serif
// Regular, Bold and Italic for letters, reports, newspapers and the game's
// own words, and Liberation Mono, a typewriter face whose zero has no
// slash, for telegrams and diagnostics. Headings are capitals of the
// regular face.
type Sources struct {
	Regular, Bold, Italic, Mono *text.GoTextFaceSource
}

// LoadFonts parses all the fonts. It fails only if the embedded fonts are
// damaged, which a test rules out.
func LoadFonts() (*Sources, error) {
	var s Sources
	return &s, s.Fill()
}

// LoadItalic parses the italic face alone: enough for the loading screen,
// so the first frame does not wait for every font.
func LoadItalic() (*Sources, error) {
	src, err := parse("Liberation Serif Italic", serifItalic)
	return &Sources{Italic: src}, err
}

// Fill parses the fonts not parsed yet.
func (s *Sources) Fill() error {
	for _, f := range []struct {
		dst  **text.GoTextFaceSource
		name string
		ttf  []byte
	}{
		{&s.Regular, "Liberation Serif", serifRegular},
		{&s.Bold, "Liberation Serif Bold", serifBold},
		{&s.Italic, "Liberation Serif Italic", serifItalic},
		{&s.Mono, "Liberation Mono", monoRegular},
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
