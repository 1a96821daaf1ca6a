package assets

import (
	"image"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
)

// Emblem draws a character's seal into a new size×size image: a disc in the
// character's colour with an ivory ring and the emblem in ivory. kind is one
// of star, eagle, lion, shield, dove or monogram (the default), which shows
// the initials in the given face source.
func Emblem(kind string, size int, col color.RGBA, initials string, font *text.GoTextFaceSource) *ebiten.Image {
	img := ebiten.NewImage(size, size)
	e := emblemPainter{dst: img, s: float32(size) / 2, ink: color.RGBA{0xf6, 0xee, 0xdc, 0xff}, col: col}
	e.disc(0, 0, 0.98, darker(col, 0.72))
	e.disc(0, 0, 0.92, col)
	e.ring(0, 0, 0.80, 0.045, e.ink)
	switch kind {
	case "star":
		e.star()
	case "eagle":
		e.eagle()
	case "lion":
		e.lion()
	case "shield":
		e.shield()
	case "dove":
		e.dove()
	default:
		e.monogram(initials, font)
	}
	return img
}

type emblemPainter struct {
	dst      *ebiten.Image
	s        float32 // half the size: unit coordinates run from -1 to 1
	ink, col color.RGBA
	vs       []ebiten.Vertex
	is       []uint16
}

func (e *emblemPainter) pt(x, y float32) (float32, float32) { return e.s + x*e.s, e.s + y*e.s }

func (e *emblemPainter) fill(p *vector.Path, c color.RGBA, evenOdd bool) {
	e.vs, e.is = p.AppendVerticesAndIndicesForFilling(e.vs[:0], e.is[:0])
	for i := range e.vs {
		e.vs[i].SrcX, e.vs[i].SrcY = 1, 1
		e.vs[i].ColorR = float32(c.R) / 255
		e.vs[i].ColorG = float32(c.G) / 255
		e.vs[i].ColorB = float32(c.B) / 255
		e.vs[i].ColorA = float32(c.A) / 255
	}
	op := &ebiten.DrawTrianglesOptions{AntiAlias: true}
	if evenOdd {
		op.FillRule = ebiten.FillRuleEvenOdd
	} else {
		op.FillRule = ebiten.FillRuleNonZero
	}
	e.dst.DrawTriangles(e.vs, e.is, whitePixel(), op)
}

func (e *emblemPainter) disc(cx, cy, r float32, c color.RGBA) {
	var p vector.Path
	x, y := e.pt(cx, cy)
	p.MoveTo(x+r*e.s, y)
	p.Arc(x, y, r*e.s, 0, 2*math.Pi, vector.Clockwise)
	p.Close()
	e.fill(&p, c, false)
}

func (e *emblemPainter) ring(cx, cy, r, w float32, c color.RGBA) {
	var p vector.Path
	x, y := e.pt(cx, cy)
	p.MoveTo(x+r*e.s, y)
	p.Arc(x, y, r*e.s, 0, 2*math.Pi, vector.Clockwise)
	p.Close()
	p.MoveTo(x+(r-w)*e.s, y)
	p.Arc(x, y, (r-w)*e.s, 0, 2*math.Pi, vector.Clockwise)
	p.Close()
	e.fill(&p, c, true)
}

// poly fills a polygon given as x, y pairs in unit coordinates; with mirror
// it is drawn again reflected about the vertical axis.
func (e *emblemPainter) poly(c color.RGBA, mirror bool, xy ...float32) {
	for _, sign := range []float32{1, -1} {
		var p vector.Path
		for i := 0; i < len(xy); i += 2 {
			x, y := e.pt(sign*xy[i], xy[i+1])
			if i == 0 {
				p.MoveTo(x, y)
			} else {
				p.LineTo(x, y)
			}
		}
		p.Close()
		e.fill(&p, c, false)
		if !mirror {
			return
		}
	}
}

func (e *emblemPainter) ellipse(cx, cy, rx, ry float32, c color.RGBA) {
	var p vector.Path
	const n = 28
	for i := range n {
		a := float64(i) / n * 2 * math.Pi
		x, y := e.pt(cx+rx*float32(math.Cos(a)), cy+ry*float32(math.Sin(a)))
		if i == 0 {
			p.MoveTo(x, y)
		} else {
			p.LineTo(x, y)
		}
	}
	p.Close()
	e.fill(&p, c, false)
}

func (e *emblemPainter) star() {
	var xy []float32
	for i := range 10 {
		r := float32(0.62)
		if i%2 == 1 {
			r = 0.25
		}
		a := -math.Pi/2 + float64(i)*math.Pi/5
		xy = append(xy, r*float32(math.Cos(a)), r*float32(math.Sin(a))+0.04)
	}
	e.poly(e.ink, false, xy...)
}

func (e *emblemPainter) eagle() {
	// Wings spread upward with feathered lower edges, mirrored.
	e.poly(e.ink, true,
		0.06, -0.22, 0.30, -0.38, 0.62, -0.50, 0.60, -0.36, 0.52, -0.30, 0.56, -0.21,
		0.46, -0.16, 0.49, -0.07, 0.38, -0.04, 0.39, 0.04, 0.26, 0.05, 0.12, 0.10)
	e.ellipse(0, 0.04, 0.13, 0.26, e.ink) // body
	// Tail fan.
	e.poly(e.ink, true, 0, 0.22, 0.11, 0.24, 0.20, 0.50, 0.08, 0.44, 0, 0.53)
	e.ellipse(0, -0.36, 0.10, 0.11, e.ink) // head
	e.poly(e.ink, false, 0.06, -0.41, 0.21, -0.37, 0.07, -0.31)
	e.ellipse(0.035, -0.385, 0.022, 0.022, e.col) // eye
	// Talons holding arrows and an olive branch, reduced to two strokes.
	e.poly(e.ink, false, 0.10, 0.18, 0.36, 0.30, 0.34, 0.34, 0.08, 0.23)
	e.poly(e.ink, false, -0.10, 0.18, -0.36, 0.30, -0.34, 0.34, -0.08, 0.23)
}

func (e *emblemPainter) lion() {
	// A lion's head: a scalloped mane, the face in the seal's colour, ivory features.
	var xy []float32
	const n = 28
	for i := range n {
		r := float32(0.64)
		if i%2 == 1 {
			r = 0.52
		}
		a := float64(i) / n * 2 * math.Pi
		xy = append(xy, r*float32(math.Cos(a)), r*float32(math.Sin(a))+0.02)
	}
	e.poly(e.ink, false, xy...)
	e.ellipse(-0.24, -0.26, 0.09, 0.09, e.col) // ears
	e.ellipse(0.24, -0.26, 0.09, 0.09, e.col)
	e.ellipse(0, 0.04, 0.33, 0.36, e.col) // face
	e.ellipse(-0.13, -0.06, 0.055, 0.045, e.ink)
	e.ellipse(0.13, -0.06, 0.055, 0.045, e.ink)
	e.poly(e.ink, false, -0.09, 0.09, 0.09, 0.09, 0, 0.19)           // nose
	e.poly(e.ink, false, 0, 0.18, 0.016, 0.18, 0.016, 0.27, 0, 0.27) // philtrum
	e.poly(e.ink, true, 0.016, 0.25, 0.14, 0.30, 0.13, 0.33, 0.016, 0.285)
}

func (e *emblemPainter) shield() {
	outline := []float32{-0.44, -0.48, 0.44, -0.48, 0.44, 0.02, 0.36, 0.30, 0.18, 0.48, 0, 0.58, -0.18, 0.48, -0.36, 0.30, -0.44, 0.02}
	e.poly(e.ink, false, outline...)
	// A chief (top band) and pales (stripes) in the seal's colour.
	e.poly(e.col, false, -0.37, -0.41, 0.37, -0.41, 0.37, -0.22, -0.37, -0.22)
	for _, x := range []float32{-0.26, -0.05, 0.16} {
		e.poly(e.col, false, x, -0.16, x+0.10, -0.16, x+0.10, 0.42-absf(x+0.05)*0.6, x, 0.42-absf(x+0.05)*0.6)
	}
}

func absf(x float32) float32 {
	if x < 0 {
		return -x
	}
	return x
}

func (e *emblemPainter) dove() {
	// A dove in flight, facing left, with an olive sprig.
	e.ellipse(0.02, 0.08, 0.36, 0.16, e.ink) // body
	e.ellipse(-0.36, -0.02, 0.12, 0.11, e.ink)
	e.poly(e.ink, false, -0.46, -0.03, -0.60, 0.02, -0.46, 0.04) // beak
	e.ellipse(-0.38, -0.04, 0.022, 0.022, e.col)
	// Raised wing.
	e.poly(e.ink, false, -0.12, 0.02, 0.06, -0.52, 0.18, -0.56, 0.16, -0.40, 0.26, -0.44, 0.22, -0.28, 0.32, -0.30, 0.22, 0.06)
	// Tail.
	e.poly(e.ink, false, 0.30, 0.02, 0.62, -0.10, 0.60, 0.06, 0.66, 0.16, 0.32, 0.18)
	// Olive sprig in the beak.
	e.poly(e.ink, false, -0.56, 0.04, -0.50, 0.30, -0.47, 0.30, -0.53, 0.04)
	for _, l := range [][2]float32{{-0.46, 0.14}, {-0.58, 0.20}, {-0.45, 0.26}} {
		e.ellipse(l[0], l[1], 0.05, 0.025, e.ink)
	}
}

func (e *emblemPainter) monogram(initials string, font *text.GoTextFaceSource) {
	if font == nil || initials == "" {
		e.disc(0, 0, 0.12, e.ink)
		return
	}
	size := float64(e.s) * 0.78
	if len([]rune(initials)) > 2 {
		size = float64(e.s) * 0.56
	}
	face := &text.GoTextFace{Source: font, Size: size}
	op := &text.DrawOptions{}
	op.PrimaryAlign = text.AlignCenter
	op.SecondaryAlign = text.AlignCenter
	op.GeoM.Translate(float64(e.s), float64(e.s)*1.04)
	op.ColorScale.ScaleWithColor(e.ink)
	text.Draw(e.dst, initials, face, op)
}

func darker(c color.RGBA, f float64) color.RGBA {
	return color.RGBA{uint8(float64(c.R) * f), uint8(float64(c.G) * f), uint8(float64(c.B) * f), c.A}
}

var white *ebiten.Image

// whitePixel returns a 3×3 white image's centre pixel, the source for
// solid fills (the border keeps linear filtering from bleeding).
func whitePixel() *ebiten.Image {
	if white == nil {
		img := ebiten.NewImage(3, 3)
		img.Fill(color.White)
		white = img.SubImage(image.Rect(1, 1, 2, 2)).(*ebiten.Image)
	}
	return white
}
