package ui

import (
	"strings"

	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"bigthree/assets"
)

// The text styles. Each is a font at a size; sizes grow with the layout
// unit and the player's text size setting.
const (
	stBody = iota
	stItalic
	stBold
	stSmall
	stSmallItalic
	stSmallBold
	stLabel    // capitals, for headings of panels and forms
	stMono     // telegrams and diagnostics
	stMonoBold // telegram headings: Liberation Mono Regular too (a bold mono face is not worth its size)
	stTitle
	stHeadline
	stCaps // large capitals: mastheads, form headers
	stHuge // the game's name on the title screen
	stSub
	stButton
	nStyles
)

type styleDef struct {
	font func(*assets.Sources) *text.GoTextFaceSource
	size float64
	lead float64 // line height as a multiple of the size
}

var styleDefs = [nStyles]styleDef{
	stBody:        {func(s *assets.Sources) *text.GoTextFaceSource { return s.Regular }, 17, 1.5},
	stItalic:      {func(s *assets.Sources) *text.GoTextFaceSource { return s.Italic }, 17, 1.5},
	stBold:        {func(s *assets.Sources) *text.GoTextFaceSource { return s.Bold }, 17, 1.45},
	stSmall:       {func(s *assets.Sources) *text.GoTextFaceSource { return s.Regular }, 14, 1.4},
	stSmallItalic: {func(s *assets.Sources) *text.GoTextFaceSource { return s.Italic }, 14, 1.4},
	stSmallBold:   {func(s *assets.Sources) *text.GoTextFaceSource { return s.Bold }, 14, 1.4},
	stLabel:       {func(s *assets.Sources) *text.GoTextFaceSource { return s.Regular }, 13, 1.6},
	stMono:        {func(s *assets.Sources) *text.GoTextFaceSource { return s.Mono }, 16, 1.55},
	stMonoBold:    {func(s *assets.Sources) *text.GoTextFaceSource { return s.Mono }, 16, 1.55},
	stTitle:       {func(s *assets.Sources) *text.GoTextFaceSource { return s.Bold }, 24, 1.3},
	stHeadline:    {func(s *assets.Sources) *text.GoTextFaceSource { return s.Bold }, 32, 1.2},
	stCaps:        {func(s *assets.Sources) *text.GoTextFaceSource { return s.Regular }, 20, 1.55},
	stHuge:        {func(s *assets.Sources) *text.GoTextFaceSource { return s.Regular }, 64, 1.4},
	stSub:         {func(s *assets.Sources) *text.GoTextFaceSource { return s.Italic }, 21, 1.4},
	stButton:      {func(s *assets.Sources) *text.GoTextFaceSource { return s.Bold }, 16, 1.3},
}

// capsStyles are drawn in capitals (and measured so).
var capsStyles = [nStyles]bool{stLabel: true, stCaps: true, stHuge: true}

// Fonts holds the faces at the current sizes and measures text for the
// layout package.
type Fonts struct {
	upper  map[string]string // capital forms of caps styles' texts, made once each
	src    *assets.Sources
	faces  [nStyles]*text.GoTextFace
	lh     [nStyles]float64
	offset [nStyles]float64 // from the top of a line box to the top of the glyphs' box
}

func newFonts(src *assets.Sources) *Fonts { return &Fonts{src: src} }

// resize sets every face's size for layout unit u and text scale ts. Chrome
// (button labels, form headers) grows with the text too, but less.
func (f *Fonts) resize(u, ts float64) {
	for i, d := range styleDefs {
		scale := ts
		if i == stHuge {
			scale = 1
		}
		src := d.font(f.src)
		if src == nil {
			// Not parsed yet (only the loading screen's font is at first).
			src = f.src.Italic
		}
		face := &text.GoTextFace{Source: src, Size: d.size * u * scale}
		f.faces[i] = face
		f.lh[i] = face.Size * d.lead
		m := face.Metrics()
		f.offset[i] = (f.lh[i] - (m.HAscent + m.HDescent)) / 2
	}
}

// Measure implements layout.Fonts.
func (f *Fonts) Measure(style int, s string) float64 {
	return text.Advance(f.shape(style, s), f.faces[style])
}

// shape returns the text as a style draws it: in capitals for the caps
// styles. Each capital form is made once, so drawing does not allocate.
func (f *Fonts) shape(style int, s string) string {
	if !capsStyles[style] {
		return s
	}
	if u, ok := f.upper[s]; ok {
		return u
	}
	if f.upper == nil {
		f.upper = map[string]string{}
	}
	u := strings.ToUpper(s)
	f.upper[s] = u
	return u
}

// LineHeight implements layout.Fonts.
func (f *Fonts) LineHeight(style int) float64 { return f.lh[style] }

// Face returns the face of a style.
func (f *Fonts) Face(style int) *text.GoTextFace { return f.faces[style] }
