package assets

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"golang.org/x/image/vector"
)

// Mood is the expression a portrait wears; reactions pick it.
type Mood uint8

// The moods, neutral first.
const (
	Neutral Mood = iota
	Pleased
	Displeased
)

// PortraitW and PortraitH are the size of a portrait, in pixels.
const (
	PortraitW = 256
	PortraitH = 320
)

// GenericPortrait draws the portrait of a character that has none of its
// own: a cameo of a head and shoulders in the character's colour on a pale
// ground tinted by it, with the brows and mouth of the mood drawn in ivory.
// It is pure code (no display), so the game and tests can call it
// anywhere.
func GenericPortrait(col color.RGBA, mood Mood) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, PortraitW, PortraitH))
	ivory := color.RGBA{0xf6, 0xee, 0xdc, 0xff}
	ground := mixRGBA(ivory, col, 0.18)
	draw.Draw(img, img.Bounds(), image.NewUniform(ground), image.Point{}, draw.Src)
	p := newPen(img)
	// The oval frame of a cameo.
	p.ellipse(128, 160, 120, 152, mixRGBA(ivory, col, 0.45))
	p.ellipse(128, 160, 113, 145, mixRGBA(ivory, col, 0.10))
	dark := darker(col, 0.55)
	figure := darker(col, 0.85)
	// Shoulders and collar.
	p.begin()
	p.z.MoveTo(28, 320)
	p.z.CubeTo(34, 250, 80, 232, 128, 230)
	p.z.CubeTo(176, 232, 222, 250, 228, 320)
	p.fill(figure)
	p.begin()
	p.z.MoveTo(104, 234)
	p.z.LineTo(128, 276)
	p.z.LineTo(152, 234)
	p.fill(ivory)
	// Neck and head.
	p.begin()
	p.z.MoveTo(108, 200)
	p.z.LineTo(148, 200)
	p.z.LineTo(146, 240)
	p.z.LineTo(110, 240)
	p.fill(dark)
	p.ellipse(128, 142, 58, 72, figure)
	// Hair: a darker cap over the top of the head.
	p.begin()
	p.z.MoveTo(70, 136)
	p.z.CubeTo(68, 78, 100, 66, 128, 66)
	p.z.CubeTo(158, 66, 190, 78, 186, 136)
	p.z.CubeTo(176, 108, 150, 96, 128, 98)
	p.z.CubeTo(104, 96, 80, 108, 70, 136)
	p.fill(dark)
	// Eyes.
	p.ellipse(106, 142, 6, 5, ivory)
	p.ellipse(150, 142, 6, 5, ivory)
	// Brows and mouth by mood.
	brow, lift, mouth := 0.0, 0.0, 0.0
	switch mood {
	case Pleased:
		lift, mouth = 4, 9
	case Displeased:
		brow, mouth = 6, -8
	}
	p.stroke(4, ivory, func(t float64) (float64, float64) {
		return 94 + 24*t, 126 - lift - brow*(1-t) + brow*0.2 - 2*math.Sin(t*math.Pi)
	})
	p.stroke(4, ivory, func(t float64) (float64, float64) {
		return 138 + 24*t, 126 - lift - brow*t + brow*0.2 - 2*math.Sin(t*math.Pi)
	})
	p.stroke(3.5, ivory, func(t float64) (float64, float64) {
		return 110 + 36*t, 184 + mouth*math.Sin(t*math.Pi) - mouth*0.4
	})
	return img
}

// pen fills paths into an RGBA image with golang.org/x/image/vector.
type pen struct {
	dst *image.RGBA
	z   *vector.Rasterizer
}

func newPen(dst *image.RGBA) *pen {
	b := dst.Bounds()
	return &pen{dst: dst, z: vector.NewRasterizer(b.Dx(), b.Dy())}
}

func (p *pen) begin() { p.z.Reset(p.dst.Bounds().Dx(), p.dst.Bounds().Dy()) }

func (p *pen) fill(c color.RGBA) {
	p.z.ClosePath()
	p.z.DrawOp = draw.Over
	p.z.Draw(p.dst, p.dst.Bounds(), image.NewUniform(c), image.Point{})
}

// ellipse fills an ellipse centred on (cx, cy) with radii rx, ry.
func (p *pen) ellipse(cx, cy, rx, ry float32, c color.RGBA) {
	const k = 0.5523
	p.begin()
	p.z.MoveTo(cx+rx, cy)
	p.z.CubeTo(cx+rx, cy+k*ry, cx+k*rx, cy+ry, cx, cy+ry)
	p.z.CubeTo(cx-k*rx, cy+ry, cx-rx, cy+k*ry, cx-rx, cy)
	p.z.CubeTo(cx-rx, cy-k*ry, cx-k*rx, cy-ry, cx, cy-ry)
	p.z.CubeTo(cx+k*rx, cy-ry, cx+rx, cy-k*ry, cx+rx, cy)
	p.fill(c)
}

// stroke draws the curve f(t), t from 0 to 1, as a band of width w.
func (p *pen) stroke(w float64, c color.RGBA, f func(t float64) (float64, float64)) {
	const n = 24
	left := make([][2]float64, 0, n+1)
	right := make([][2]float64, 0, n+1)
	for i := 0; i <= n; i++ {
		t := float64(i) / n
		x, y := f(t)
		t0, t1 := math.Max(0, t-0.01), math.Min(1, t+0.01)
		x0, y0 := f(t0)
		x1, y1 := f(t1)
		dx, dy := x1-x0, y1-y0
		l := math.Max(math.Hypot(dx, dy), 1e-9)
		nx, ny := -dy/l*w/2, dx/l*w/2
		left = append(left, [2]float64{x + nx, y + ny})
		right = append(right, [2]float64{x - nx, y - ny})
	}
	p.begin()
	p.z.MoveTo(float32(left[0][0]), float32(left[0][1]))
	for _, q := range left[1:] {
		p.z.LineTo(float32(q[0]), float32(q[1]))
	}
	for i := len(right) - 1; i >= 0; i-- {
		p.z.LineTo(float32(right[i][0]), float32(right[i][1]))
	}
	p.fill(c)
}

func mixRGBA(a, b color.RGBA, t float64) color.RGBA {
	m := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*(1-t) + float64(y)*t)) }
	return color.RGBA{m(a.R, b.R), m(a.G, b.G), m(a.B, b.B), 0xff}
}
