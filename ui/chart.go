package ui

import (
	"math"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"bigthree/internal/layout"
	"bigthree/internal/rules"
)

// series is one meter's path through a run: a value on each date.
type series struct {
	dates  []time.Time
	values []float64
}

// pathOf returns meter m's values over a run: its start, then its value
// after each step, on the date of that step's document.
func pathOf(run *rules.Run, m int) series {
	s := run.Scenario()
	var out series
	steps := run.Steps()
	if len(steps) == 0 {
		out.dates = append(out.dates, s.FirstDate)
		out.values = append(out.values, float64(run.Meter(m)))
		return out
	}
	out.dates = append(out.dates, s.Events[steps[0].Event].Date)
	out.values = append(out.values, float64(run.Before(0)[m]))
	for i, st := range steps {
		out.dates = append(out.dates, s.Events[st.Event].Date)
		out.values = append(out.values, float64(run.After(i)[m]))
	}
	return out
}

// drawChart paints the debrief chart into a new image of size w×h: every
// visible meter over the timeline as a labelled solid line, and Roosevelt's
// historical path for each as a dashed line of the same colour.
func drawChart(a *App, w, h int) *ebiten.Image {
	img := ebiten.NewImage(w, h)
	p, u, fo := a.P, a.U, a.Fonts
	play := a.Play
	s := play.S
	run := play.Run
	hist, _ := play.Historical()

	img.Fill(colCard.RGBA())
	vmin, vmax := math.Inf(1), math.Inf(-1)
	var meters []int
	for i, m := range s.Meters {
		if m.Hidden {
			continue
		}
		meters = append(meters, i)
		vmin = math.Min(vmin, float64(m.Min))
		vmax = math.Max(vmax, float64(m.Max))
	}
	if len(meters) == 0 {
		p.TextCentered(img, "This scenario has no meters to chart.", stItalic, layout.R(0, 0, float64(w), float64(h)), colInkSoft)
		return img
	}
	labelW := 0.0
	for _, m := range meters {
		labelW = math.Max(labelW, fo.Measure(stSmall, s.Meters[m].Label+" 100"))
	}
	legendH := fo.lh[stSmall] + 10*u
	area := layout.R(44*u, 14*u+legendH, float64(w)-44*u-labelW-30*u, float64(h)-14*u-legendH-fo.lh[stSmall]-14*u)
	c := layout.NewChart(area, s.FirstDate, s.LastDate, vmin, vmax)
	dates := make([]time.Time, len(s.Events))
	for i := range s.Events {
		dates[i] = s.Events[i].Date
	}
	c.Axis.Knots = layout.DistinctDates(dates)

	// Legend.
	lx := area.X
	ly := 10 * u
	p.Line(img, lx, ly+fo.lh[stSmall]/2, lx+28*u, ly+fo.lh[stSmall]/2, 3*u, colInk)
	p.Text(img, "your path", stSmall, lx+34*u, ly, colInk)
	lx += 34*u + fo.Measure(stSmall, "your path") + 24*u
	dashed(p, img, lx, ly+fo.lh[stSmall]/2, lx+28*u, ly+fo.lh[stSmall]/2, 2*u, 6*u, colInkSoft)
	p.Text(img, "Roosevelt's path (what happened)", stSmall, lx+34*u, ly, colInkSoft)

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

	// Lines: Roosevelt's first (beneath), then the player's, then labels.
	var ends []float64
	for k, m := range meters {
		col := meterColor(k)
		if hist != nil {
			hs := pathOf(hist, m)
			for i := 1; i < len(hs.dates); i++ {
				x0, y0 := c.Point(hs.dates[i-1], hs.values[i-1])
				x1, y1 := c.Point(hs.dates[i], hs.values[i])
				dashed(p, img, x0, y0, x1, y1, 2*u, 7*u, col.Alpha(0.8))
			}
		}
	}
	for k, m := range meters {
		col := meterColor(k)
		ps := pathOf(run, m)
		var path vector.Path
		for i := range ps.dates {
			x, y := c.Point(ps.dates[i], ps.values[i])
			if i == 0 {
				path.MoveTo(float32(x), float32(y))
			} else {
				path.LineTo(float32(x), float32(y))
			}
		}
		strokePath(p, img, &path, float32(3*u), col)
		for i := range ps.dates {
			x, y := c.Point(ps.dates[i], ps.values[i])
			p.Circle(img, x, y, 3.2*u, col)
		}
		ends = append(ends, c.Y(ps.values[len(ps.values)-1]))
	}
	lh := fo.lh[stSmall]
	centres := make([]float64, len(ends))
	copy(centres, ends)
	spread := layout.SpreadLabels(centres, lh, area.Y+lh/2, area.Bottom()-lh/2)
	for k, m := range meters {
		ps := pathOf(run, m)
		lastX, lastY := c.Point(ps.dates[len(ps.dates)-1], ps.values[len(ps.values)-1])
		ly := spread[k]
		x := area.Right() + 14*u
		p.Line(img, lastX+4*u, lastY, x-4*u, ly, math.Max(1, u), meterColor(k).Alpha(0.7))
		p.Text(img, s.Meters[m].Label+" "+itoa(int(ps.values[len(ps.values)-1])), stSmall, x, ly-lh/2, darken(meterColor(k)))
	}
	return img
}

// darken makes a meter colour dark enough to read as text on paper.
func darken(c Col) Col { return c.Mix(colInk, 0.35) }

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
