package layout

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// mono measures every character as 10 pixels wide, like a typewriter.
func mono(s string) float64 { return 10 * float64(utf8.RuneCountInString(s)) }

type fakeFonts struct{}

func (fakeFonts) Measure(style int, s string) float64 { return float64(style+1) * mono(s) }
func (fakeFonts) LineHeight(style int) float64        { return 20 * float64(style+1) }

func TestWrap(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width float64
		want  []string
	}{
		{"empty", "", 100, nil},
		{"spaces only", "  \n ", 100, nil},
		{"fits", "one two", 100, []string{"one two"}},
		{"exact fit", "abcde fghi", 100, []string{"abcde fghi"}},
		{"breaks at spaces", "one two three four", 90, []string{"one two", "three", "four"}},
		{"collapses white space", "one \n two\t\tthree", 200, []string{"one two three"}},
		{"long word split", "abcdefghijkl", 50, []string{"abcde", "fghij", "kl"}},
		{"long word after text", "hi abcdefghijkl yo", 50, []string{"hi", "abcde", "fghij", "kl yo"}},
		{"narrower than a letter", "abc", 5, []string{"a", "b", "c"}},
		{"unicode", "Привет мир ёлка", 70, []string{"Привет", "мир", "ёлка"}},
		{"long unicode word", "ééééé", 30, []string{"ééé", "éé"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Wrap(nil, tt.text, tt.width, mono)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Wrap(%q, %v) = %q, want %q", tt.text, tt.width, got, tt.want)
			}
			for _, l := range got {
				if mono(l) > tt.width && utf8.RuneCountInString(l) > 1 {
					t.Errorf("line %q is %v wide, more than %v", l, mono(l), tt.width)
				}
			}
		})
	}
}

func TestNormalizeKeepsCleanText(t *testing.T) {
	s := "already clean text"
	if got := Normalize(s); got != s {
		t.Errorf("Normalize(%q) = %q", s, got)
	}
	if got := Normalize(" a  b "); got != "a b" {
		t.Errorf("Normalize = %q, want %q", got, "a b")
	}
}

func TestFlowLayout(t *testing.T) {
	blocks := []Block{
		{Style: 0, Text: "one two three", Tag: 7},
		{Box: 3, Height: 50, Space: 10},
		{Style: 1, Text: "ab cde", Space: 5, Align: Right},
		{Style: 0, Text: "mid", Align: Center, Indent: 10, Inset: 10},
	}
	var f Flow
	f.Layout(blocks, 100, fakeFonts{})
	want := []Line{
		{Text: "one two", Style: 0, Tag: 7, Block: 0, X: 0, Y: 0, W: 70, H: 20},
		{Text: "three", Style: 0, Tag: 7, Block: 0, X: 0, Y: 20, W: 50, H: 20},
		{Text: "ab", Style: 1, Block: 2, X: 60, Y: 105, W: 40, H: 40},
		{Text: "cde", Style: 1, Block: 2, X: 40, Y: 145, W: 60, H: 40},
		{Text: "mid", Style: 0, Block: 3, X: 35, Y: 185, W: 30, H: 20},
	}
	if !reflect.DeepEqual(f.Lines, want) {
		t.Errorf("lines:\n got %+v\nwant %+v", f.Lines, want)
	}
	if len(f.Boxes) != 1 || f.Boxes[0].R != (Rect{0, 50, 100, 50}) {
		t.Errorf("boxes = %+v", f.Boxes)
	}
	if f.Height != 205 {
		t.Errorf("height = %v, want 205", f.Height)
	}
	if got := f.BlockTop(2); got != 105 {
		t.Errorf("BlockTop(2) = %v, want 105", got)
	}
	tests := []struct {
		top, bottom float64
		i, j        int
	}{
		{0, 10, 0, 1},
		{0, 21, 0, 2},
		{19, 106, 0, 3},
		{40, 104, 2, 2},
		{180, 500, 3, 5},
		{500, 600, 5, 5},
	}
	for _, tt := range tests {
		if i, j := f.Visible(tt.top, tt.bottom); i != tt.i || j != tt.j {
			t.Errorf("Visible(%v, %v) = %d, %d; want %d, %d", tt.top, tt.bottom, i, j, tt.i, tt.j)
		}
	}
}

func TestFlowRelayoutDoesNotAllocate(t *testing.T) {
	blocks := AppendParagraphs(nil, paragraphs(letter(300)), 0, 0, 10)
	var f Flow
	f.Layout(blocks, 400, fakeFonts{})
	allocs := testing.AllocsPerRun(10, func() { f.Layout(blocks, 400, fakeFonts{}) })
	if allocs > 0 {
		t.Errorf("relayout allocated %v times, want 0", allocs)
	}
}

func TestRectCuts(t *testing.T) {
	r := R(0, 0, 100, 50)
	top, rest := r.CutTop(10, 5)
	if top != R(0, 0, 100, 10) || rest != R(0, 15, 100, 35) {
		t.Errorf("CutTop = %v, %v", top, rest)
	}
	bottom, rest := r.CutBottom(10, 5)
	if bottom != R(0, 40, 100, 10) || rest != R(0, 0, 100, 35) {
		t.Errorf("CutBottom = %v, %v", bottom, rest)
	}
	left, rest := r.CutLeft(30, 10)
	if left != R(0, 0, 30, 50) || rest != R(40, 0, 60, 50) {
		t.Errorf("CutLeft = %v, %v", left, rest)
	}
	right, rest := r.CutRight(30, 10)
	if right != R(70, 0, 30, 50) || rest != R(0, 0, 60, 50) {
		t.Errorf("CutRight = %v, %v", right, rest)
	}
	if got := r.Inset(30); got.W != 40 || got.H != 0 {
		t.Errorf("Inset beyond size = %v", got)
	}
	if got := R(0, 0, 10, 10).Intersect(R(5, 5, 10, 10)); got != R(5, 5, 5, 5) {
		t.Errorf("Intersect = %v", got)
	}
	if got := R(0, 0, 10, 10).Intersect(R(20, 20, 5, 5)); !got.Empty() {
		t.Errorf("disjoint Intersect = %v, want empty", got)
	}
}

func TestHit(t *testing.T) {
	rs := Column(nil, 10, 10, 100, []float64{20, 30, 20}, 5)
	tests := []struct {
		x, y float64
		want int
	}{
		{15, 15, 0},
		{15, 30, -1}, // exactly the bottom edge of the first: not inside
		{15, 32, -1}, // in the gap
		{15, 35, 1},
		{109, 70, 2},
		{110, 70, -1},
		{5, 15, -1},
	}
	for _, tt := range tests {
		if got := Hit(rs, tt.x, tt.y); got != tt.want {
			t.Errorf("Hit(%v, %v) = %d, want %d", tt.x, tt.y, got, tt.want)
		}
	}
	row := Row(nil, R(0, 0, 100, 10), 3, 5)
	if len(row) != 3 || row[2].Right() != 100 || row[1].X != 35 {
		t.Errorf("Row = %v", row)
	}
}

func TestCycle(t *testing.T) {
	tests := []struct{ i, d, n, want int }{
		{0, 1, 3, 1}, {2, 1, 3, 0}, {0, -1, 3, 2}, {-1, 1, 3, 0}, {1, -5, 3, 2}, {0, 1, 0, -1},
	}
	for _, tt := range tests {
		if got := Cycle(tt.i, tt.d, tt.n); got != tt.want {
			t.Errorf("Cycle(%d, %d, %d) = %d, want %d", tt.i, tt.d, tt.n, got, tt.want)
		}
	}
}

func TestScroll(t *testing.T) {
	var s Scroll
	s.Resize(1000, 300)
	if s.Max() != 700 || !s.Scrollable() {
		t.Fatalf("Max = %v", s.Max())
	}
	s.By(100)
	if s.Target != 100 || s.Pos != 0 {
		t.Fatalf("By: pos %v target %v", s.Pos, s.Target)
	}
	steps := 0
	for s.Step(false) {
		steps++
		if steps > 100 {
			t.Fatal("Step never settles")
		}
	}
	if s.Pos != 100 || steps < 3 {
		t.Errorf("glide: pos %v after %d steps", s.Pos, steps)
	}
	s.By(10000)
	s.Step(true)
	if s.Pos != 700 {
		t.Errorf("instant step to clamped end: %v", s.Pos)
	}
	s.Jump(s.Pos - 100) // a drag 100 px down: the content follows, the position goes up
	if s.Pos != 600 || s.Target != 600 {
		t.Errorf("drag: %v (target %v)", s.Pos, s.Target)
	}
	s.Resize(200, 300)
	if s.Pos != 0 || s.Scrollable() {
		t.Errorf("after shrinking content: pos %v", s.Pos)
	}
	if _, ok := s.Thumb(R(0, 0, 5, 300)); ok {
		t.Error("thumb shown for content that fits")
	}
	s.Resize(1200, 300)
	s.Jump(900)
	th, ok := s.Thumb(R(0, 0, 5, 300))
	if !ok || th.H != 75 || th.Bottom() != 300 {
		t.Errorf("thumb at end = %v", th)
	}
	s.Jump(0)
	s.Reveal(250, 350)
	if s.Target != 50 {
		t.Errorf("Reveal below: %v", s.Target)
	}
	s.Jump(500)
	s.Reveal(100, 150)
	if s.Target != 100 {
		t.Errorf("Reveal above: %v", s.Target)
	}
}

func TestTransition(t *testing.T) {
	var tr Transition
	tr.Start(0)
	if tr.Active() || tr.Progress() != 1 {
		t.Error("reduced-motion transition should be finished at once")
	}
	tr.Start(4)
	var ps []float64
	for tr.Step() {
		ps = append(ps, tr.Progress())
	}
	if len(ps) != 4 || ps[3] != 1 || ps[0] <= 0 || ps[1] <= ps[0] {
		t.Errorf("progress = %v", ps)
	}
}

func date(s string) time.Time {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestAxis(t *testing.T) {
	a := Axis{First: date("1941-01-01"), Last: date("1945-01-01"), X0: 100, X1: 500}
	tests := []struct {
		d    string
		want float64
	}{
		{"1941-01-01", 100}, {"1945-01-01", 500}, {"1940-01-01", 100}, {"1946-01-01", 500},
	}
	for _, tt := range tests {
		if got := a.X(date(tt.d)); got != tt.want {
			t.Errorf("X(%s) = %v, want %v", tt.d, got, tt.want)
		}
	}
	if mid := a.X(date("1943-01-01")); math.Abs(mid-300) > 0.5 {
		t.Errorf("middle = %v", mid)
	}
	one := Axis{First: date("1941-06-22"), Last: date("1941-06-22"), X0: 0, X1: 100}
	if one.X(date("1941-06-22")) != 50 {
		t.Error("single-day axis should centre")
	}
}

func TestTicks(t *testing.T) {
	tests := []struct {
		first, last string
		labels      []string
	}{
		{"1941-06-22", "1945-04-12", []string{"Jun 1941", "1942", "1943", "1944", "1945"}},
		{"1941-06-22", "1941-11-04", []string{"Jun 1941", "Jul", "Aug", "Sep", "Oct", "Nov"}},
		{"1941-06-22", "1941-06-22", []string{"22 Jun 1941"}},
		{"1941-11-10", "1942-03-01", []string{"Nov 1941", "Dec", "Jan 1942", "Feb", "Mar"}},
	}
	for _, tt := range tests {
		a := Axis{First: date(tt.first), Last: date(tt.last), X0: 0, X1: 1000}
		var got []string
		for _, tk := range a.Ticks(nil) {
			if tk.Label != "" {
				got = append(got, tk.Label)
			}
		}
		if !reflect.DeepEqual(got, tt.labels) {
			t.Errorf("Ticks(%s..%s) labels = %q, want %q", tt.first, tt.last, got, tt.labels)
		}
	}
	ticks := []Tick{{X: 0, Label: "Jan 1941", Major: true}, {X: 30, Label: "Feb"}, {X: 100, Label: "Mar"}}
	ThinLabels(ticks, 5, func(s string) float64 { return 60 })
	if ticks[1].Label != "" || ticks[2].Label != "Mar" {
		t.Errorf("ThinLabels = %+v", ticks)
	}
}

func TestChart(t *testing.T) {
	c := NewChart(R(0, 0, 400, 100), date("1941-01-01"), date("1942-01-01"), 0, 100)
	if y := c.Y(0); y != 100 {
		t.Errorf("Y(0) = %v", y)
	}
	if y := c.Y(100); y != 0 {
		t.Errorf("Y(100) = %v", y)
	}
	if y := c.Y(150); y != 0 {
		t.Errorf("Y clamps: %v", y)
	}
	x, y := c.Point(date("1942-01-01"), 50)
	if x != 400 || y != 50 {
		t.Errorf("Point = %v, %v", x, y)
	}
	tests := []struct {
		lo, hi float64
		want   []float64
	}{
		{0, 100, []float64{0, 25, 50, 75, 100}},
		{0, 20, []float64{0, 5, 10, 15, 20}},
		{-10, 10, []float64{-10, -5, 0, 5, 10}},
		{5, 5, []float64{5}},
	}
	for _, tt := range tests {
		if got := GridValues(nil, tt.lo, tt.hi); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("GridValues(%v, %v) = %v, want %v", tt.lo, tt.hi, got, tt.want)
		}
	}
}

func TestSpreadLabels(t *testing.T) {
	tests := []struct {
		ys   []float64
		gap  float64
		want []float64
	}{
		{[]float64{10, 50, 90}, 10, []float64{10, 50, 90}},
		{[]float64{50, 52, 54}, 10, []float64{50, 60, 70}},
		{[]float64{98, 99, 100}, 10, []float64{80, 90, 100}},
		{[]float64{60, 10, 61}, 10, []float64{60, 10, 70}},
	}
	for _, tt := range tests {
		if got := SpreadLabels(tt.ys, tt.gap, 0, 100); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("SpreadLabels(%v) = %v, want %v", tt.ys, got, tt.want)
		}
	}
}

func TestScreens(t *testing.T) {
	sizes := []struct{ w, h, dpr float64 }{
		{1280, 720, 1}, {1366, 768, 1}, {1920, 1080, 1}, {2560, 1440, 2}, {800, 1200, 1}, {640, 480, 1},
	}
	for _, sz := range sizes {
		t.Run(fmt.Sprintf("%vx%v@%v", sz.w, sz.h, sz.dpr), func(t *testing.T) {
			u := Scale(sz.w, sz.h, sz.dpr)
			if u < MinUnit*sz.dpr || u > MaxUnit*sz.dpr {
				t.Fatalf("Scale = %v", u)
			}
			d := DeskLayout(sz.w, sz.h, u, 64*u)
			screen := R(0, 0, sz.w, sz.h)
			for name, r := range map[string]Rect{"ribbon": d.Ribbon, "doc": d.Doc, "side": d.Side} {
				if r.Empty() || !inside(r, screen) {
					t.Errorf("%s %v is empty or off the screen", name, r)
				}
			}
			if !d.Doc.Intersect(d.Side).Empty() || !d.Doc.Intersect(d.Ribbon).Empty() {
				t.Errorf("regions overlap: %+v", d)
			}
			if d.Stacked != (sz.w/u < StackedBelow || sz.h > sz.w) {
				t.Errorf("stacked = %v", d.Stacked)
			}
			p := PageLayout(sz.w, sz.h, u, 860)
			if !p.Body.Intersect(p.Bar).Empty() || !inside(p.Body, screen) || !inside(p.Bar, screen) {
				t.Errorf("page %+v", p)
			}
		})
	}
	if u := Scale(1280, 720, 1); u != 1 {
		t.Errorf("Scale(1280x720) = %v, want 1", u)
	}
	if u := Scale(1920, 1080, 1); u != 1.5 {
		t.Errorf("Scale(1920x1080) = %v, want 1.5", u)
	}
}

// letter returns a text of n words in paragraphs of about 60 words.
func letter(n int) string {
	words := strings.Fields("the president believes that the most effective aid to the soviet union " +
		"must reach archangel before the ice closes and he has asked mr hopkins to say so plainly")
	var b strings.Builder
	for i := range n {
		if i > 0 {
			if i%60 == 0 {
				b.WriteString("\n\n")
			} else if i%13 == 0 {
				b.WriteString("\n")
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(words[i%len(words)])
	}
	return b.String()
}

// proportional measures like a real font: a width per character from a table.
func proportional(s string) float64 {
	w := 0.0
	for _, r := range s {
		switch {
		case r == ' ':
			w += 4.4
		case r == 'm' || r == 'w':
			w += 13.1
		case r == 'i' || r == 'l' || r == 'j':
			w += 4.2
		default:
			w += 8.6
		}
	}
	return w
}

type propFonts struct{}

func (propFonts) Measure(style int, s string) float64 { return proportional(s) }
func (propFonts) LineHeight(style int) float64        { return 25 }

// BenchmarkWrapLetter wraps and lays out a 3,000-word letter, as the desk does
// when a document arrives or the window is resized. The goal is under 1 ms.
func BenchmarkWrapLetter(b *testing.B) {
	blocks := AppendParagraphs(nil, paragraphs(letter(3000)), 0, 0, 12)
	var f Flow
	b.ReportAllocs()
	for b.Loop() {
		f.Layout(blocks, 640, propFonts{})
	}
	if len(f.Lines) < 100 {
		b.Fatalf("only %d lines", len(f.Lines))
	}
}

func BenchmarkWrap(b *testing.B) {
	text := Normalize(letter(3000))
	var lines []string
	b.ReportAllocs()
	for b.Loop() {
		lines = Wrap(lines[:0], text, 640, proportional)
	}
}

func inside(r, outer Rect) bool {
	const e = 1e-6
	return r.X >= outer.X-e && r.Y >= outer.Y-e && r.Right() <= outer.Right()+e && r.Bottom() <= outer.Bottom()+e
}

func TestAxisKnotsGiveEachDocumentRoom(t *testing.T) {
	d := func(y, m, day int) time.Time { return time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC) }
	knots := DistinctDates([]time.Time{d(1945, 1, 1), d(1941, 1, 1), d(1943, 1, 1), d(1943, 1, 1), d(1943, 1, 11)})
	if len(knots) != 4 || !knots[0].Equal(d(1941, 1, 1)) {
		t.Fatalf("knots %v", knots)
	}
	// Gaps of about 2 years, 10 days and 2 years: 2, 1 and 2 steps wide.
	a := Axis{First: knots[0], Last: knots[3], X0: 0, X1: 500, Knots: knots}
	for _, tc := range []struct {
		date time.Time
		want float64
	}{
		{d(1941, 1, 1), 0},
		{d(1943, 1, 1), 200},
		{d(1943, 1, 11), 300},
		{d(1945, 1, 1), 500},
		{d(1920, 1, 1), 0},
		{d(1950, 1, 1), 500},
	} {
		if got := a.X(tc.date); math.Abs(got-tc.want) > 3 {
			t.Errorf("X(%s) = %v, want %v", tc.date.Format("2006-01-02"), got, tc.want)
		}
	}
	// A ten-day gap gets half the width of a two-year one, not 1/73 of it.
	if x := a.X(d(1943, 1, 6)); x < 240 || x > 260 {
		t.Errorf("X in the middle of the short gap = %v", x)
	}
}

func TestThinLabelsLatestKeepsTheStartAndTheBusyYears(t *testing.T) {
	ticks := []Tick{{X: 0, Label: "Nov 1933"}, {X: 10, Label: "1934"}, {X: 20, Label: "1935"}, {X: 70, Label: "1940"}, {X: 80, Label: "1941"}, {X: 150, Label: "1942"}}
	ThinLabelsLatest(ticks, 5, func(l string) float64 { return float64(len(l)) * 6 })
	var kept []string
	for _, tk := range ticks {
		if tk.Label != "" {
			kept = append(kept, tk.Label)
		}
	}
	if strings.Join(kept, " ") != "Nov 1933 1941 1942" {
		t.Errorf("kept %v", kept)
	}
}

// paragraphs splits letter's text at its blank lines (story.Paragraphs does
// this for the game; layout takes paragraphs ready made).
func paragraphs(text string) []string {
	var out []string
	for _, p := range strings.Split(text, "\n\n") {
		out = append(out, strings.ReplaceAll(p, "\n", " "))
	}
	return out
}

// TestTextNeverShrinksBelowReadable holds the unit to at least one CSS pixel
// on every window from 1024×640 up (so body text at 17 units is at least 16
// CSS pixels and labels at 13 units at least 13), and checks which screens
// stack the desk's columns.
func TestTextNeverShrinksBelowReadable(t *testing.T) {
	const body, label = 17, 13 // the ui package's sizes, in units
	tests := []struct {
		w, h, dpr float64
		stacked   bool
	}{
		{1024, 640, 1, false},
		{1024, 768, 1, false},
		{1280, 720, 1, false},
		{1366, 768, 1, false},
		{1920, 1080, 1, false},
		{2048, 1280, 2, false}, // 1024x640 CSS on a high-DPI screen
		{2560, 1440, 2, false},
		{768, 1024, 1, true},  // a tablet held upright
		{1536, 2048, 2, true}, // the same at DPR 2
		{1080, 1920, 1, true}, // a tall window wide enough for two columns
		{1100, 640, 1, false},
		{880, 640, 1, true}, // narrower than two columns need
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%vx%v@%v", tt.w, tt.h, tt.dpr), func(t *testing.T) {
			css := Scale(tt.w, tt.h, tt.dpr) / tt.dpr
			if b := body * css; b < 16 {
				t.Errorf("body text %.2f CSS px, want at least 16", b)
			}
			if l := label * css; l < 13 {
				t.Errorf("labels %.2f CSS px, want at least 13", l)
			}
			u := Scale(tt.w, tt.h, tt.dpr)
			d := DeskLayout(tt.w, tt.h, u, 64*u)
			if d.Stacked != tt.stacked {
				t.Errorf("stacked = %v, want %v", d.Stacked, tt.stacked)
			}
			// Either way the document keeps a readable measure.
			if w := d.Doc.W / u; w < 560 {
				t.Errorf("the document is %.0f units wide, want at least 560", w)
			}
			if d.Stacked && d.Side.Y < d.Doc.Bottom() {
				t.Errorf("stacked side %v is not below the document %v", d.Side, d.Doc)
			}
		})
	}
}

// TestAxisBreaksMarkTheQuietYears puts a break mark in each gap of more than
// a year, and none in the busy ones.
func TestAxisBreaksMarkTheQuietYears(t *testing.T) {
	d := func(y, m, day int) time.Time { return time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC) }
	knots := DistinctDates([]time.Time{d(1933, 11, 16), d(1939, 7, 1), d(1941, 6, 22), d(1941, 7, 30), d(1942, 5, 1), d(1945, 4, 12)})
	a := Axis{First: knots[0], Last: knots[len(knots)-1], X0: 0, X1: 1000, Knots: knots}
	br := a.Breaks(nil)
	if len(br) != 3 {
		t.Fatalf("breaks %v, want three (1933-39, 1939-41, 1942-45)", br)
	}
	for i, x := range br {
		if x <= 0 || x >= 1000 || i > 0 && x <= br[i-1] {
			t.Errorf("breaks %v not inside the axis in order", br)
		}
	}
	// 1941 to 1945 takes more than a third of the axis though it is a third of the years.
	if w := a.X(d(1945, 4, 12)) - a.X(d(1941, 6, 22)); w < 400 {
		t.Errorf("the war years take %.0f of 1000", w)
	}
}
