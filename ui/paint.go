package ui

import (
	"image"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"bigthree/internal/layout"
)

// Painter draws rectangles, rounded panels, lines and text without
// allocating: it reuses its draw options and glyph buffer, and rounded
// shapes are slices of one antialiased texture (nine-slice).
type Painter struct {
	white  *ebiten.Image
	op     ebiten.DrawImageOptions
	glyphs []text.Glyph
	fonts  *Fonts
	round  map[int]*nine
	lop    text.LayoutOptions
	// audit, when set (by a test), is told of every text about to be
	// drawn, with the box its glyphs will cover, so the test can read the
	// background under it and measure the contrast actually drawn.
	audit func(dst *ebiten.Image, s string, face text.Face, box image.Rectangle, c Col)
}

// nine is a rounded-rectangle texture of corner radius r cut into nine parts.
type nine struct {
	r     int
	parts [9]*ebiten.Image
}

func newPainter(fonts *Fonts) *Painter {
	// Written, not filled, so the image stays on the shared texture atlas
	// and draws batch with text and panels.
	img := ebiten.NewImage(3, 3)
	pix := make([]byte, 4*9)
	for i := range pix {
		pix[i] = 0xff
	}
	img.WritePixels(pix)
	return &Painter{white: img.SubImage(image.Rect(1, 1, 2, 2)).(*ebiten.Image), fonts: fonts, round: map[int]*nine{}}
}

func (p *Painter) scaleColor(c Col) {
	p.op.ColorScale.Reset()
	p.op.ColorScale.Scale(c.R*c.A, c.G*c.A, c.B*c.A, c.A)
}

// Rect fills a rectangle.
func (p *Painter) Rect(dst *ebiten.Image, r layout.Rect, c Col) {
	if r.W <= 0 || r.H <= 0 || c.A <= 0 {
		return
	}
	p.op.GeoM.Reset()
	p.op.GeoM.Scale(r.W, r.H)
	p.op.GeoM.Translate(r.X, r.Y)
	p.scaleColor(c)
	p.op.Filter = ebiten.FilterNearest
	dst.DrawImage(p.white, &p.op)
}

// Frame strokes the inside edge of a rectangle, w wide.
func (p *Painter) Frame(dst *ebiten.Image, r layout.Rect, w float64, c Col) {
	p.Rect(dst, layout.R(r.X, r.Y, r.W, w), c)
	p.Rect(dst, layout.R(r.X, r.Bottom()-w, r.W, w), c)
	p.Rect(dst, layout.R(r.X, r.Y+w, w, r.H-2*w), c)
	p.Rect(dst, layout.R(r.Right()-w, r.Y+w, w, r.H-2*w), c)
}

// Line draws a straight line w wide from (x0, y0) to (x1, y1).
func (p *Painter) Line(dst *ebiten.Image, x0, y0, x1, y1, w float64, c Col) {
	dx, dy := x1-x0, y1-y0
	l := math.Hypot(dx, dy)
	if l == 0 {
		return
	}
	p.op.GeoM.Reset()
	p.op.GeoM.Translate(0, -0.5)
	p.op.GeoM.Scale(l, w)
	p.op.GeoM.Rotate(math.Atan2(dy, dx))
	p.op.GeoM.Translate(x0, y0)
	p.scaleColor(c)
	p.op.Filter = ebiten.FilterLinear
	dst.DrawImage(p.white, &p.op)
	p.op.Filter = ebiten.FilterNearest
}

func (p *Painter) nine(radius int) *nine {
	if n, ok := p.round[radius]; ok {
		return n
	}
	r := max(radius, 1)
	size := 2*r + 2
	img := ebiten.NewImage(size, size)
	pix := make([]byte, 4*size*size)
	c := float64(size) / 2
	for y := range size {
		for x := range size {
			// Distance from the nearest corner centre, for coverage.
			px, py := float64(x)+0.5, float64(y)+0.5
			cx := math.Max(math.Abs(px-c)-1, 0)
			cy := math.Max(math.Abs(py-c)-1, 0)
			d := math.Hypot(cx, cy)
			a := math.Max(0, math.Min(1, float64(r)-d+0.5))
			v := byte(a*255 + 0.5)
			i := 4 * (y*size + x)
			pix[i], pix[i+1], pix[i+2], pix[i+3] = v, v, v, v
		}
	}
	img.WritePixels(pix)
	n := &nine{r: r}
	xs := [4]int{0, r, r + 2, size}
	for j := range 3 {
		for i := range 3 {
			n.parts[j*3+i] = img.SubImage(image.Rect(xs[i], xs[j], xs[i+1], xs[j+1])).(*ebiten.Image)
		}
	}
	p.round[radius] = n
	return n
}

// Round fills a rectangle with rounded corners of radius rad.
func (p *Painter) Round(dst *ebiten.Image, r layout.Rect, rad float64, c Col) {
	if r.W <= 0 || r.H <= 0 || c.A <= 0 {
		return
	}
	rad = math.Min(rad, math.Min(r.W, r.H)/2)
	ir := int(math.Round(rad))
	if ir < 1 {
		p.Rect(dst, r, c)
		return
	}
	n := p.nine(ir)
	fr := float64(ir)
	// Whole pixels: the corners are drawn 1:1 and the same (nearest)
	// filter as text keeps the draws in one batch.
	x0, y0 := math.Round(r.X), math.Round(r.Y)
	x1, y1 := math.Round(r.Right()), math.Round(r.Bottom())
	xs := [4]float64{x0, x0 + fr, x1 - fr, x1}
	ys := [4]float64{y0, y0 + fr, y1 - fr, y1}
	src := [4]float64{0, fr, fr + 2, 2*fr + 2}
	p.scaleColor(c)
	p.op.Filter = ebiten.FilterNearest
	for j := range 3 {
		for i := range 3 {
			w, h := xs[i+1]-xs[i], ys[j+1]-ys[j]
			if w <= 0 || h <= 0 {
				continue
			}
			p.op.GeoM.Reset()
			p.op.GeoM.Scale(w/(src[i+1]-src[i]), h/(src[j+1]-src[j]))
			p.op.GeoM.Translate(xs[i], ys[j])
			dst.DrawImage(n.parts[j*3+i], &p.op)
		}
	}
}

// RoundFrame strokes a rounded rectangle w wide by filling the outer shape
// and then the inner one in the fill colour.
func (p *Painter) RoundFrame(dst *ebiten.Image, r layout.Rect, rad, w float64, edge, fill Col) {
	p.Round(dst, r, rad, edge)
	p.Round(dst, r.Inset(w), math.Max(rad-w, 0), fill)
}

// Circle fills a circle.
func (p *Painter) Circle(dst *ebiten.Image, cx, cy, rad float64, c Col) {
	p.Round(dst, layout.R(cx-rad, cy-rad, 2*rad, 2*rad), rad, c)
}

// Shadow draws a soft drop shadow under a panel.
func (p *Painter) Shadow(dst *ebiten.Image, r layout.Rect, u float64) {
	for i := 3; i >= 1; i-- {
		d := float64(i) * 3 * u
		p.Round(dst, layout.R(r.X-d/2+2*u, r.Y-d/2+5*u, r.W+d, r.H+d), d+2*u, Col{0, 0, 0, 0.10})
	}
}

// Image draws img scaled to fill r.
func (p *Painter) Image(dst, img *ebiten.Image, r layout.Rect, alpha float32) {
	b := img.Bounds()
	sx, sy := r.W/float64(b.Dx()), r.H/float64(b.Dy())
	p.op.GeoM.Reset()
	p.op.GeoM.Scale(sx, sy)
	p.op.ColorScale.Reset()
	p.op.ColorScale.ScaleAlpha(alpha)
	if sx == 1 && sy == 1 {
		p.op.GeoM.Translate(math.Round(r.X), math.Round(r.Y))
	} else {
		p.op.GeoM.Translate(r.X, r.Y)
		p.op.Filter = ebiten.FilterLinear
	}
	dst.DrawImage(img, &p.op)
	p.op.Filter = ebiten.FilterNearest
}

// Text draws one line of text in a style with the top of its line box at
// (x, y).
func (p *Painter) Text(dst *ebiten.Image, s string, style int, x, y float64, c Col) {
	p.TextFace(dst, p.fonts.shape(style, s), p.fonts.faces[style], x, y+p.fonts.offset[style], c)
}

// TextFace draws s in a face with the top of the glyphs' box at (x, y).
func (p *Painter) TextFace(dst *ebiten.Image, s string, face text.Face, x, y float64, c Col) {
	if s == "" {
		return
	}
	p.glyphs = text.AppendGlyphs(p.glyphs[:0], s, face, &p.lop)
	p.scaleColor(c)
	x, y = math.Round(x), math.Round(y)
	if p.audit != nil {
		var box image.Rectangle
		for i := range p.glyphs {
			if g := &p.glyphs[i]; g.Image != nil {
				box = box.Union(g.Image.Bounds().Sub(g.Image.Bounds().Min).Add(image.Pt(int(x+g.X), int(y+g.Y))))
			}
		}
		p.audit(dst, s, face, box, c)
	}
	for i := range p.glyphs {
		g := &p.glyphs[i]
		if g.Image == nil {
			continue
		}
		p.op.GeoM.Reset()
		p.op.GeoM.Translate(x+g.X, y+g.Y)
		dst.DrawImage(g.Image, &p.op)
	}
}

// TextCentered draws a line centred in r (both ways).
func (p *Painter) TextCentered(dst *ebiten.Image, s string, style int, r layout.Rect, c Col) {
	w := p.fonts.Measure(style, s)
	p.Text(dst, s, style, r.X+(r.W-w)/2, r.Y+(r.H-p.fonts.lh[style])/2, c)
}

// TextRight draws a line ending at x.
func (p *Painter) TextRight(dst *ebiten.Image, s string, style int, x, y float64, c Col) {
	p.Text(dst, s, style, x-p.fonts.Measure(style, s), y, c)
}

// Flow draws the lines of a flow that fall inside clip, with the flow's top
// left at (x, y); color gives each line's colour from its tag.
func (p *Painter) Flow(dst *ebiten.Image, f *layout.Flow, x, y float64, clip layout.Rect, color func(l *layout.Line) Col) {
	i, j := f.Visible(clip.Y-y, clip.Bottom()-y)
	for k := i; k < j; k++ {
		l := &f.Lines[k]
		p.Text(dst, l.Text, l.Style, x+l.X, y+l.Y, color(l))
	}
}
