package layout

import (
	"sort"
	"time"
)

// Axis maps dates to x positions between X0 and X1, first date at X0 and
// last at X1. A scenario spanning a single day puts everything in the middle.
type Axis struct {
	First, Last time.Time
	X0, X1      float64
	// Knots, when set, are the sorted distinct dates of the documents. The
	// gap between two neighbours is one step plus half a step for every
	// year it spans, and time runs evenly inside a gap: a few quiet years
	// then take a little room instead of squeezing a busy war into a corner.
	Knots []time.Time
}

// X returns the x position of date d (clamped to the axis).
func (a Axis) X(d time.Time) float64 {
	if n := len(a.Knots); n >= 2 {
		i := sort.Search(n, func(i int) bool { return a.Knots[i].After(d) }) - 1
		switch {
		case i < 0:
			return a.X0
		case i >= n-1:
			return a.X1
		}
		at, total := 0.0, 0.0
		for j := 0; j+1 < n; j++ {
			w := knotGap(a.Knots[j], a.Knots[j+1])
			if j < i {
				at += w
			}
			total += w
		}
		f := float64(d.Sub(a.Knots[i])) / float64(a.Knots[i+1].Sub(a.Knots[i]))
		return a.X0 + (a.X1-a.X0)*(at+f*knotGap(a.Knots[i], a.Knots[i+1]))/total
	}
	span := a.Last.Sub(a.First)
	if span <= 0 {
		return (a.X0 + a.X1) / 2
	}
	f := float64(d.Sub(a.First)) / float64(span)
	return a.X0 + (a.X1-a.X0)*Clamp(f, 0, 1)
}

// Breaks appends the x in the middle of every gap between knots longer than
// a year: there the axis runs slower than the calendar, and the timeline
// draws a break mark so the compression shows instead of hiding.
func (a Axis) Breaks(dst []float64) []float64 {
	dst = dst[:0]
	for j := 0; j+1 < len(a.Knots); j++ {
		if a.Knots[j+1].Sub(a.Knots[j]) > 366*24*time.Hour {
			mid := a.Knots[j].Add(a.Knots[j+1].Sub(a.Knots[j]) / 2)
			dst = append(dst, a.X(mid))
		}
	}
	return dst
}

// knotGap is the width of the gap between two knots, in steps.
func knotGap(a, b time.Time) float64 {
	return 1 + 0.5*b.Sub(a).Hours()/(24*365.25)
}

// Tick is a labelled mark on the timeline or along the chart's bottom.
type Tick struct {
	X     float64
	Date  time.Time
	Label string
	Major bool // a year boundary (or the first mark)
}

// Ticks returns the marks for the axis: every 1 January when the span covers
// more than about a year and a half, else the first of every month (with
// every third month labelled when there are many). The first mark always
// names the year, so the ribbon reads without guessing.
func (a Axis) Ticks(dst []Tick) []Tick {
	dst = dst[:0]
	first, last := a.First, a.Last
	if !last.After(first) {
		return append(dst, Tick{X: a.X(first), Date: first, Label: first.Format("2 Jan 2006"), Major: true})
	}
	if last.Sub(first) > 548*24*time.Hour {
		y := first.Year()
		dst = append(dst, Tick{X: a.X0, Date: first, Label: first.Format("Jan 2006"), Major: true})
		for d := time.Date(y+1, 1, 1, 0, 0, 0, 0, time.UTC); !d.After(last); d = d.AddDate(1, 0, 0) {
			dst = append(dst, Tick{X: a.X(d), Date: d, Label: d.Format("2006"), Major: true})
		}
		return dst
	}
	months := 0
	for d := monthAfter(first); !d.After(last); d = d.AddDate(0, 1, 0) {
		months++
	}
	every := 1
	if months > 8 {
		every = 3
	}
	dst = append(dst, Tick{X: a.X0, Date: first, Label: first.Format("Jan 2006"), Major: true})
	n := 0
	for d := monthAfter(first); !d.After(last); d = d.AddDate(0, 1, 0) {
		t := Tick{X: a.X(d), Date: d}
		if d.Month() == time.January {
			t.Label, t.Major = d.Format("Jan 2006"), true
		} else if n%every == every-1 || every == 1 {
			t.Label = d.Format("Jan")
		}
		dst = append(dst, t)
		n++
	}
	return dst
}

func monthAfter(d time.Time) time.Time {
	return time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 1, 0)
}

// ThinLabels clears the labels of ticks that would overlap the label before
// them; width reports a label's width. Major ticks win over minor ones.
func ThinLabels(ticks []Tick, gap float64, width func(string) float64) {
	lastEnd := -1e18
	for i := range ticks {
		t := &ticks[i]
		if t.Label == "" {
			continue
		}
		w := width(t.Label)
		if t.X < lastEnd+gap {
			t.Label = ""
			continue
		}
		lastEnd = t.X + w
	}
}

// ThinLabelsLatest is ThinLabels for an axis with Knots, where the early,
// quiet years crowd together: it keeps the first label (the start of the
// story), then prefers the later labels, which mark the busy years.
func ThinLabelsLatest(ticks []Tick, gap float64, width func(string) float64) {
	if len(ticks) == 0 {
		return
	}
	firstEnd := -1e18
	if ticks[0].Label != "" {
		firstEnd = ticks[0].X + width(ticks[0].Label)
	}
	nextStart := 1e18
	for i := len(ticks) - 1; i >= 1; i-- {
		t := &ticks[i]
		if t.Label == "" {
			continue
		}
		if t.X+width(t.Label)+gap > nextStart || t.X < firstEnd+gap {
			t.Label = ""
			continue
		}
		nextStart = t.X
	}
}

// DistinctDates returns the sorted distinct dates among ds, for Axis.Knots.
func DistinctDates(ds []time.Time) []time.Time {
	out := append([]time.Time(nil), ds...)
	sort.Slice(out, func(i, j int) bool { return out[i].Before(out[j]) })
	k := 0
	for i, d := range out {
		if i == 0 || !d.Equal(out[k-1]) {
			out[k] = d
			k++
		}
	}
	return out[:k]
}

// Chart maps a run's meter values over time into a plot area.
type Chart struct {
	Area       Rect
	Axis       Axis
	VMin, VMax float64
}

// NewChart makes a chart of values in [vmin, vmax] over the dates of the axis
// in the plot area.
func NewChart(area Rect, first, last time.Time, vmin, vmax float64) Chart {
	if vmax <= vmin {
		vmax = vmin + 1
	}
	return Chart{Area: area, Axis: Axis{First: first, Last: last, X0: area.X, X1: area.Right()}, VMin: vmin, VMax: vmax}
}

// Y returns the y position of value v (higher values higher up).
func (c Chart) Y(v float64) float64 {
	f := Clamp((v-c.VMin)/(c.VMax-c.VMin), 0, 1)
	return c.Area.Bottom() - f*c.Area.H
}

// Point returns the position of value v on date d.
func (c Chart) Point(d time.Time, v float64) (x, y float64) { return c.Axis.X(d), c.Y(v) }

// GridValues returns round values for horizontal grid lines between vmin and
// vmax: the ends and three or four steps between.
func GridValues(dst []float64, vmin, vmax float64) []float64 {
	dst = dst[:0]
	span := vmax - vmin
	if span <= 0 {
		return append(dst, vmin)
	}
	step := 1.0
	for _, s := range []float64{1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000} {
		step = s
		if span/s <= 4 {
			break
		}
	}
	start := vmin
	if r := mod(vmin, step); r != 0 {
		start = vmin - r + step
	}
	dst = append(dst, vmin)
	for v := start; v < vmax; v += step {
		if v > vmin {
			dst = append(dst, v)
		}
	}
	return append(dst, vmax)
}

func mod(a, b float64) float64 {
	r := a - b*float64(int(a/b))
	if r < 0 {
		r += b
	}
	return r
}

// SpreadLabels moves label positions ys apart so that neighbours are at
// least gap apart, keeping them inside [lo, hi] and as near their wish as it
// can. It returns the positions in the original order.
func SpreadLabels(ys []float64, gap, lo, hi float64) []float64 {
	n := len(ys)
	out := make([]float64, n)
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return ys[idx[a]] < ys[idx[b]] })
	pos := make([]float64, n)
	for k, i := range idx {
		pos[k] = Clamp(ys[i], lo, hi)
		if k > 0 && pos[k] < pos[k-1]+gap {
			pos[k] = pos[k-1] + gap
		}
	}
	// Push back up from the bottom when the stack ran past hi.
	for k := n - 1; k >= 0; k-- {
		limit := hi
		if k < n-1 {
			limit = pos[k+1] - gap
		}
		if pos[k] > limit {
			pos[k] = limit
		}
	}
	for k, i := range idx {
		out[i] = pos[k]
	}
	return out
}
