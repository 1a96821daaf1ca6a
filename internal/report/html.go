package report

import (
	"bytes"
	"fmt"
	"html/template"
	"math"
	"sort"
	"strings"
	"time"
)

// Options are what the page says about itself.
type Options struct {
	// Generated is when the report was made; the zero time leaves it out.
	Generated time.Time
	// Tool names what made it ("b3 1.2.0 (commit abc)").
	Tool string
}

// The palette of endings: dark enough for 3:1 against the page (WCAG 1.4.11),
// each with its own dash pattern so colour is never the only cue (1.4.1).
var palette = []struct{ color, dash string }{
	{"#1f4e9c", ""}, {"#b0321f", "7 4"}, {"#1b7345", "2 3"}, {"#6f3fa0", "10 3 2 3"},
	{"#8a5300", "4 2"}, {"#0d6c78", "12 4"}, {"#555555", "1 3"}, {"#a0245e", "6 2 1 2"},
}

type style struct{ Color, Dash string }

// HTML renders the report as one self-contained page: inline CSS and SVG,
// no script, nothing fetched.
func (r *Report) HTML(opt Options) []byte {
	v := view{Report: r, Tool: opt.Tool}
	if !opt.Generated.IsZero() {
		v.Generated = opt.Generated.Format("2 January 2006, 15:04")
	}
	for i, g := range r.Groups {
		v.Groups = append(v.Groups, groupView(g, i))
		v.Total += len(g.Transcripts)
	}
	if len(r.Groups) > 0 {
		v.Title = r.Groups[0].Title
	}
	var b bytes.Buffer
	if err := page.Execute(&b, v); err != nil {
		panic(err) // the template is fixed and tested
	}
	return b.Bytes()
}

type view struct {
	*Report
	Title, Generated, Tool string
	Total                  int
	Groups                 []gview
}

type gview struct {
	*Group
	Anchor     string
	KindText   string
	Endings    []endingView
	EndChart   barChart
	Decs       []decisionView
	Charts     []lineChart
	Most       []Student
	Least      []Student
	Rows       []studentRow
	Legend     []legendItem
	Span       string
	MeterNames []string
	// UnfinishedNames lists the students whose story has not ended.
	UnfinishedNames string
}

// studentsWith lists the students who reached the ending id ("" for none), in name order.
func studentsWith(g *Group, id string) string {
	var names []string
	for _, t := range g.Transcripts {
		if t.Ending == nil && id == "" || t.Ending != nil && t.Ending.ID == id {
			names = append(names, t.Name())
		}
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

type endingView struct {
	EndingCount
	Share string
	Style style
	Names string
}

type legendItem struct {
	Label string
	Style style
}

type barChart struct {
	Height int
	Bars   []bar
}

type bar struct {
	Y, W, TextX  float64
	Label, Value string
	Style        style
}

// The ending chart: labels on the left, bars from barX, at most barMax long.
const (
	barX   = 380
	barMax = 470
)

type decisionView struct {
	*Decision
	Anchor string
	Rows   []replyRow
	Hist   string
}

type replyRow struct {
	*Reply
	Share string
	W     float64
}

type studentRow struct {
	Student
	Share  string
	W      float64
	Anchor string
	Steps  []stepRow
}

type stepRow struct {
	Step
	Same   bool
	Meters string
}

type lineChart struct {
	Meter        Meter
	ID           string
	W, H         int
	Left, Bottom float64
	Right, Top   float64
	YTicks       []tick
	XTicks       []tick
	Lines        []line
	Summary      string
	Data         []dataRow
}

type tick struct {
	Pos   float64
	Label string
}

type line struct {
	Points, Name string
	Style        style
}

type dataRow struct {
	Name, Ending     string
	Start, Low, High string
	Final            string
}

func groupView(g *Group, i int) gview {
	v := gview{Group: g, Anchor: fmt.Sprintf("g%d", i+1)}
	switch g.Kind {
	case EditedVersion:
		v.KindText = "An edited version of the class's scenario: the scenario file changed between these playthroughs and the others, so they are reported on their own."
	case OtherScenario:
		v.KindText = "Another scenario than the class's: reported on its own."
	}
	styles := map[string]style{}
	for j, e := range g.Endings {
		p := palette[j%len(palette)]
		st := style{p.color, p.dash}
		styles[e.ID] = st
		v.Endings = append(v.Endings, endingView{EndingCount: e, Share: percent(e.Count, len(g.Transcripts)), Style: st, Names: studentsWith(g, e.ID)})
		v.Legend = append(v.Legend, legendItem{Label: e.Title, Style: st})
	}
	unfinished := style{"#555555", "1 3"}
	if g.Unfinished > 0 {
		v.Legend = append(v.Legend, legendItem{Label: "not finished", Style: unfinished})
	}
	v.UnfinishedNames = studentsWith(g, "")
	v.EndChart = endingBars(v.Endings, g.Unfinished, len(g.Transcripts), unfinished)
	for j, d := range g.Decisions {
		dv := decisionView{Decision: d, Anchor: fmt.Sprintf("%s-d%d", v.Anchor, j+1)}
		for _, rp := range d.Replies {
			dv.Rows = append(dv.Rows, replyRow{Reply: rp, Share: percent(rp.Count, d.Reached), W: width(rp.Count, d.Reached)})
		}
		if h := d.HistoricalReply(); h != nil {
			dv.Hist = percent(h.Count, d.Reached)
		}
		v.Decs = append(v.Decs, dv)
	}
	lineStyle := func(t *Transcript) style {
		if t.Ending == nil {
			return unfinished
		}
		return styles[t.Ending.ID]
	}
	for j, m := range g.Meters {
		v.Charts = append(v.Charts, meterChart(g, m, fmt.Sprintf("%s-m%d", v.Anchor, j+1), lineStyle))
		v.MeterNames = append(v.MeterNames, m.Label)
	}
	v.Most, v.Least = extremes(g.Students)
	for j, s := range g.Students {
		row := studentRow{Student: s, Share: percent(s.Matches, s.Decisions), W: width(s.Matches, s.Decisions), Anchor: fmt.Sprintf("%s-s%d", v.Anchor, j+1)}
		for _, st := range s.Transcript.Steps {
			if !st.decision() {
				continue
			}
			row.Steps = append(row.Steps, stepRow{Step: st, Same: st.Matches, Meters: meterText(g.Meters, st.MetersAfter)})
		}
		v.Rows = append(v.Rows, row)
	}
	v.Span = span(g.Transcripts)
	return v
}

// extremes returns the students who matched history most and least (all
// of those tied), unless everyone is tied.
func extremes(ss []Student) (most, least []Student) {
	if len(ss) < 2 || ss[0].Share() == ss[len(ss)-1].Share() {
		return nil, nil
	}
	for _, s := range ss {
		if s.Share() == ss[0].Share() {
			most = append(most, s)
		}
	}
	for i := len(ss) - 1; i >= 0; i-- {
		if ss[i].Share() == ss[len(ss)-1].Share() {
			least = append(least, ss[i])
		}
	}
	return most, least
}

func width(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return math.Round(1000*float64(n)/float64(of)) / 10
}

func meterText(ms []Meter, values map[string]int) string {
	var parts []string
	for _, m := range ms {
		if v, ok := values[m.ID]; ok {
			parts = append(parts, fmt.Sprintf("%s %d", m.Label, v))
		}
	}
	return strings.Join(parts, ", ")
}

// span describes when the transcripts were written.
func span(ts []*Transcript) string {
	var dates []time.Time
	for _, t := range ts {
		if at, err := time.Parse(time.RFC3339, t.Written); err == nil {
			dates = append(dates, at)
		}
	}
	if len(dates) == 0 {
		return ""
	}
	sort.Slice(dates, func(i, j int) bool { return dates[i].Before(dates[j]) })
	a, b := dates[0].Format("2 January 2006"), dates[len(dates)-1].Format("2 January 2006")
	if a == b {
		return "saved on " + a
	}
	return "saved between " + a + " and " + b
}

const barRow = 34

func endingBars(es []endingView, unfinished, total int, st style) barChart {
	c := barChart{}
	add := func(label string, n int, st style) {
		w := math.Round(barMax*width(n, total)) / 100
		c.Bars = append(c.Bars, bar{Y: float64(len(c.Bars) * barRow), W: w, TextX: barX + w + 8, Label: label, Value: fmt.Sprintf("%d (%s)", n, percent(n, total)), Style: st})
	}
	for _, e := range es {
		add(e.Title, e.Count, e.Style)
	}
	if unfinished > 0 {
		add("not finished", unfinished, st)
	}
	c.Height = len(c.Bars) * barRow
	return c
}

// The line charts' geometry, in SVG units.
const (
	chartW      = 960
	chartH      = 320
	chartLeft   = 48
	chartRight  = 16
	chartTop    = 14
	chartBottom = 34
)

func meterChart(g *Group, m Meter, id string, styleOf func(*Transcript) style) lineChart {
	c := lineChart{Meter: m, ID: id, W: chartW, H: chartH, Left: chartLeft, Top: chartTop, Right: chartW - chartRight, Bottom: chartH - chartBottom}
	type run struct {
		t   *Transcript
		pts []point
	}
	var runs []run
	var first, lastAt time.Time
	lo, hi := math.MaxInt, math.MinInt
	for _, t := range g.Transcripts {
		pts := series(t, m.ID)
		if len(pts) == 0 {
			continue
		}
		runs = append(runs, run{t, pts})
		for _, p := range pts {
			if first.IsZero() || p.at.Before(first) {
				first = p.at
			}
			if p.at.After(lastAt) {
				lastAt = p.at
			}
			lo, hi = min(lo, p.value), max(hi, p.value)
		}
	}
	if len(runs) == 0 {
		c.Summary = "No transcript has values of this meter."
		return c
	}
	// The value axis: 0 to 100 when the values fit, else rounded out to tens.
	y0, y1 := 0, 100
	if lo < 0 || hi > 100 {
		y0, y1 = int(math.Floor(float64(lo)/10))*10, int(math.Ceil(float64(hi)/10))*10
	}
	if y1 == y0 {
		y1 = y0 + 10
	}
	// The time axis gives every date with a document the same room, so the
	// busy war years are not squeezed by a quiet prologue.
	var dates []time.Time
	rank := map[time.Time]int{}
	for _, rn := range runs {
		for _, p := range rn.pts {
			if _, ok := rank[p.at]; !ok {
				rank[p.at] = 0
				dates = append(dates, p.at)
			}
		}
	}
	sort.Slice(dates, func(i, j int) bool { return dates[i].Before(dates[j]) })
	for i, d := range dates {
		rank[d] = i
	}
	steps := float64(max(len(dates)-1, 1))
	xOf := func(at time.Time) float64 {
		return c.Left + (c.Right-c.Left)*float64(rank[at])/steps
	}
	yOf := func(v int) float64 {
		return c.Bottom - (c.Bottom-c.Top)*float64(v-y0)/float64(y1-y0)
	}
	for k := 0; k <= 4; k++ {
		v := y0 + (y1-y0)*k/4
		c.YTicks = append(c.YTicks, tick{Pos: yOf(v), Label: fmt.Sprint(v)})
	}
	c.XTicks = timeTicks(dates, xOf)
	// Each student's steps share a date when several replies come at once:
	// spread them over the gap to the next date so no step is hidden.
	for _, rn := range runs {
		var b strings.Builder
		for i, p := range rn.pts {
			x := xOf(p.at)
			j := i
			for j > 0 && rn.pts[j-1].at.Equal(p.at) {
				j--
			}
			k := i
			for k+1 < len(rn.pts) && rn.pts[k+1].at.Equal(p.at) {
				k++
			}
			if k > j && k+1 < len(rn.pts) {
				x += (xOf(rn.pts[k+1].at) - x) * 0.8 * float64(i-j) / float64(k-j+1)
			}
			fmt.Fprintf(&b, "%.1f,%.1f ", x, yOf(p.value))
		}
		c.Lines = append(c.Lines, line{Points: strings.TrimSpace(b.String()), Name: rn.t.Name(), Style: styleOf(rn.t)})
		low, high := rn.pts[0].value, rn.pts[0].value
		for _, p := range rn.pts {
			low, high = min(low, p.value), max(high, p.value)
		}
		ending := "not finished"
		if rn.t.Ending != nil {
			ending = rn.t.Ending.Title
		}
		c.Data = append(c.Data, dataRow{Name: rn.t.Name(), Ending: ending, Start: fmt.Sprint(rn.pts[0].value), Low: fmt.Sprint(low), High: fmt.Sprint(high), Final: fmt.Sprint(rn.pts[len(rn.pts)-1].value)})
	}
	sort.SliceStable(c.Data, func(i, j int) bool { return c.Data[i].Name < c.Data[j].Name })
	finals := make([]int, 0, len(runs))
	lowName, highName := "", ""
	lowV, highV := math.MaxInt, math.MinInt
	for _, rn := range runs {
		v := rn.pts[len(rn.pts)-1].value
		finals = append(finals, v)
		if v < lowV {
			lowV, lowName = v, rn.t.Name()
		}
		if v > highV {
			highV, highName = v, rn.t.Name()
		}
	}
	sort.Ints(finals)
	c.Summary = fmt.Sprintf("%s of %d students from %s to %s (each date with a document gets the same room on the time axis). At the end: lowest %d (%s), median %d, highest %d (%s).",
		m.Label, len(runs), first.Format("January 2006"), lastAt.Format("January 2006"), lowV, lowName, finals[len(finals)/2], highV, highName)
	return c
}

// timeTicks marks where each year (or, over two years or less, each
// month) begins among the dates of the axis, at most ten of them.
func timeTicks(dates []time.Time, xOf func(time.Time) float64) []tick {
	label := func(t time.Time) string { return fmt.Sprint(t.Year()) }
	if dates[len(dates)-1].Sub(dates[0]) <= 2*366*24*time.Hour {
		label = func(t time.Time) string { return t.Format("Jan 2006") }
	}
	var out []tick
	prev := ""
	for _, d := range dates {
		l := label(d)
		if l == prev {
			continue
		}
		prev = l
		// Labels closer than this would overlap: the later one is left out.
		if len(out) > 0 && xOf(d)-out[len(out)-1].Pos < 56 {
			continue
		}
		out = append(out, tick{Pos: xOf(d), Label: l})
	}
	if len(out) > 10 {
		var thin []tick
		every := (len(out) + 9) / 10
		for i, t := range out {
			if i%every == 0 {
				thin = append(thin, t)
			}
		}
		out = thin
	}
	return out
}

var page = template.Must(template.New("report").Funcs(template.FuncMap{
	"plural": func(n int, word string) string {
		if n == 1 {
			return "1 " + word
		}
		return fmt.Sprintf("%d %ss", n, word)
	},
	"longDate": func(d string) string {
		if at, err := time.Parse("2006-01-02", d); err == nil {
			return at.Format("2 January 2006")
		}
		return d
	},
	"names": func(ss []Student) string {
		var n []string
		for _, s := range ss {
			n = append(n, fmt.Sprintf("%s (%d of %d)", s.Name, s.Matches, s.Decisions))
		}
		return strings.Join(n, "; ")
	},
}).Parse(pageTemplate))
