package ui

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"bigthree/internal/layout"
	"bigthree/internal/story"
)

// drawChart paints the story's debrief chart into a new image of size w×h:
// every visible meter over the timeline as a labelled solid line, and the
// historical path for each as a dashed line of the same colour.
func drawChart(a *App, ch *story.Chart, w, h int) *ebiten.Image {
	img := ebiten.NewImage(w, h)
	p, u, fo := a.P, a.U, a.Fonts

	img.Fill(colCard.RGBA())
	if len(ch.Lines) == 0 {
		p.TextCentered(img, ch.Empty, stItalic, layout.R(0, 0, float64(w), float64(h)), colInkSoft)
		return img
	}
	vmin, vmax := float64(ch.Min), float64(ch.Max)
	labelW := 0.0
	for _, l := range ch.Lines {
		labelW = math.Max(labelW, fo.Measure(stSmall, l.Label+" 100"))
	}
	legendH := fo.lh[stSmall] + 10*u
	area := layout.R(44*u, 14*u+legendH, float64(w)-44*u-labelW-30*u, float64(h)-14*u-legendH-fo.lh[stSmall]-14*u)
	c := layout.NewChart(area, ch.First, ch.Last, vmin, vmax)
	c.Axis.Knots = layout.DistinctDates(ch.Dates)

	// Legend.
	lx := area.X
	ly := 10 * u
	p.Line(img, lx, ly+fo.lh[stSmall]/2, lx+28*u, ly+fo.lh[stSmall]/2, 3*u, colInk)
	p.Text(img, ch.YourLabel, stSmall, lx+34*u, ly, colInk)
	if ch.HasHistory {
		lx += 34*u + fo.Measure(stSmall, ch.YourLabel) + 24*u
		dashed(p, img, lx, ly+fo.lh[stSmall]/2, lx+28*u, ly+fo.lh[stSmall]/2, 2*u, 6*u, colInkSoft)
		p.Text(img, ch.HistoryLabel, stSmall, lx+34*u, ly, colInkSoft)
	}

	// Grid and axes.
	for _, v := range layout.GridValues(nil, vmin, vmax) {
		y := c.Y(v)
		p.Rect(img, layout.R(area.X, y, area.W, math.Max(1, u*0.8)), Col{0, 0, 0, 0.10})
		p.TextRight(img, itoa(int(v)), stSmall, area.X-8*u, y-fo.lh[stSmall]/2, colInkSoft)
	}
	ticks := c.Axis.Ticks(nil)
	layout.ThinLabelsLatest(ticks, 10*u, func(l string) float64 { return fo.Measure(stSmall, l) })
	for _, t := range ticks {
		p.Rect(img, layout.R(t.X, area.Bottom(), math.Max(1, u), 6*u), colInkSoft)
		if t.Label != "" {
			p.Text(img, t.Label, stSmall, t.X+3*u, area.Bottom()+6*u, colInkSoft)
		}
	}
	p.Rect(img, layout.R(area.X, area.Bottom(), area.W, math.Max(1, u)), colInkSoft)

	// Lines: the historical ones first (beneath), then the player's, then labels.
	var ends []float64
	for k, l := range ch.Lines {
		col := chartColor(k)
		for i := 1; i < len(l.History); i++ {
			x0, y0 := c.Point(l.History[i-1].Date, float64(l.History[i-1].Value))
			x1, y1 := c.Point(l.History[i].Date, float64(l.History[i].Value))
			dashed(p, img, x0, y0, x1, y1, 2*u, 7*u, col.Alpha(0.8))
		}
	}
	for k, l := range ch.Lines {
		col := chartColor(k)
		var path vector.Path
		for i, pt := range l.Yours {
			x, y := c.Point(pt.Date, float64(pt.Value))
			if i == 0 {
				path.MoveTo(float32(x), float32(y))
			} else {
				path.LineTo(float32(x), float32(y))
			}
		}
		strokePath(p, img, &path, float32(3*u), col)
		for _, pt := range l.Yours {
			x, y := c.Point(pt.Date, float64(pt.Value))
			p.Circle(img, x, y, 3.2*u, col)
		}
		ends = append(ends, c.Y(float64(l.Final)))
	}
	lh := fo.lh[stSmall]
	spread := layout.SpreadLabels(ends, lh, area.Y+lh/2, area.Bottom()-lh/2)
	for k, l := range ch.Lines {
		last := l.Yours[len(l.Yours)-1]
		lastX, lastY := c.Point(last.Date, float64(last.Value))
		ly := spread[k]
		x := area.Right() + 14*u
		p.Line(img, lastX+4*u, lastY, x-4*u, ly, math.Max(1, u), chartColor(k).Alpha(0.7))
		p.Text(img, l.Caption(), stSmall, x, ly-lh/2, chartLabel(k))
	}
	return img
}

func dashed(p *Painter, dst *ebiten.Image, x0, y0, x1, y1, w, dash float64, c Col) {
	l := math.Hypot(x1-x0, y1-y0)
	if l == 0 {
		return
	}
	dx, dy := (x1-x0)/l, (y1-y0)/l
	for t := 0.0; t < l; t += 2 * dash {
		e := math.Min(t+dash, l)
		p.Line(dst, x0+dx*t, y0+dy*t, x0+dx*e, y0+dy*e, w, c)
	}
}

func strokePath(p *Painter, dst *ebiten.Image, path *vector.Path, width float32, c Col) {
	op := &vector.StrokeOptions{Width: width, LineJoin: vector.LineJoinRound, LineCap: vector.LineCapRound}
	vs, is := path.AppendVerticesAndIndicesForStroke(nil, nil, op)
	for i := range vs {
		vs[i].SrcX, vs[i].SrcY = 1.5, 1.5
		vs[i].ColorR, vs[i].ColorG, vs[i].ColorB, vs[i].ColorA = c.R*c.A, c.G*c.A, c.B*c.A, c.A
	}
	top := &ebiten.DrawTrianglesOptions{AntiAlias: true}
	dst.DrawTriangles(vs, is, p.white, top)
}
