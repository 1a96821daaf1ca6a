package ui

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"bigthree/assets"
	"bigthree/internal/layout"
	"bigthree/internal/session"
	"bigthree/internal/story"
)

// charLook is how a character is drawn: a consistent colour and a seal.
type charLook struct {
	Col      Col
	Initials string
	Emblem   string
	imgs     map[int]*ebiten.Image
}

// newPlay gives a play of the session the looks of its characters.
func newPlay(sp *session.Play) *Play {
	p := &Play{Play: sp}
	free := 0
	for _, c := range sp.S.Characters {
		col, ok := parseHex(c.Color)
		if !ok {
			col = characterPalette[free%len(characterPalette)]
			free++
		}
		p.chars = append(p.chars, charLook{Col: col, Initials: initials(c.Name), Emblem: c.Emblem, imgs: map[int]*ebiten.Image{}})
	}
	return p
}

// initials returns the first letters of the first and last words of a name.
func initials(name string) string {
	f := strings.Fields(name)
	if len(f) == 0 {
		return "?"
	}
	first := []rune(f[0])[:1]
	if len(f) == 1 {
		return strings.ToUpper(string(first))
	}
	last := []rune(f[len(f)-1])[:1]
	return strings.ToUpper(string(first) + string(last))
}

// emblem returns character ci's seal at a size in pixels, drawing it the
// first time that size is asked for.
func (p *Play) emblem(a *App, ci, size int) *ebiten.Image {
	if ci < 0 || ci >= len(p.chars) {
		return nil
	}
	c := &p.chars[ci]
	if img, ok := c.imgs[size]; ok {
		return img
	}
	img := assets.Emblem(c.Emblem, size, c.Col.RGBA(), c.Initials, a.src.Bold)
	c.imgs[size] = img
	return img
}

// charCol is the colour a character's name is written in on paper: the
// character's own, darkened when needed to read at 4.5:1 (a scenario's
// colours are untrusted).
func (p *Play) charCol(ci int) Col {
	if ci < 0 || ci >= len(p.chars) {
		return colInk
	}
	return readableOn(p.chars[ci].Col, colLetter, colInk)
}

// hoverFill is a button's fill under the pointer.
func hoverFill(primary bool) Col {
	if primary {
		return colPrimaryHover
	}
	return colCardHover
}

// drawEmblem draws a character's seal centred at (cx, cy) with radius r.
func drawEmblem(a *App, dst *ebiten.Image, ci int, cx, cy, r float64) {
	if a.Play == nil {
		return
	}
	size := int(math.Ceil(2 * r))
	img := a.Play.emblem(a, ci, size)
	if img == nil {
		return
	}
	a.P.Image(dst, img, layout.R(cx-float64(size)/2, cy-float64(size)/2, float64(size), float64(size)), 1)
}

// backdrop is the walnut desk, drawn once per screen size into an image.
type backdrop struct {
	img  *ebiten.Image
	w, h int
}

func (b *backdrop) draw(a *App, dst *ebiten.Image) {
	w, h := dst.Bounds().Dx(), dst.Bounds().Dy()
	if b.img == nil || b.w != w || b.h != h {
		if b.img != nil {
			b.img.Deallocate()
		}
		b.img = makeBackdrop(w, h)
		b.w, b.h = w, h
	}
	a.P.op.GeoM.Reset()
	a.P.op.ColorScale.Reset()
	dst.DrawImage(b.img, &a.P.op)
}

// makeBackdrop paints the desk: a wood grain from a small procedural
// texture stretched across, darkened towards the edges.
func makeBackdrop(w, h int) *ebiten.Image {
	const tw, th = 160, 90
	pix := make([]byte, 4*tw*th)
	for y := range th {
		for x := range tw {
			fx, fy := float64(x)/tw, float64(y)/th
			grain := 0.5 + 0.5*math.Sin(fy*70+math.Sin(fx*6+fy*3)*2.2+math.Sin(fx*23)*0.4)
			vx, vy := (fx-0.5)*2, (fy-0.5)*2
			vig := 1 - 0.38*(vx*vx*0.6+vy*vy*0.9)
			base := colDesk.Mix(colDeskDark, float32(0.55-0.25*grain))
			f := float32(vig)
			i := 4 * (y*tw + x)
			pix[i] = uint8(base.R * f * 255)
			pix[i+1] = uint8(base.G * f * 255)
			pix[i+2] = uint8(base.B * f * 255)
			pix[i+3] = 255
		}
	}
	small := ebiten.NewImage(tw, th)
	small.WritePixels(pix)
	img := ebiten.NewImage(w, h)
	op := &ebiten.DrawImageOptions{Filter: ebiten.FilterLinear}
	op.GeoM.Scale(float64(w)/tw, float64(h)/th)
	img.DrawImage(small, op)
	small.Deallocate()
	return img
}

// ribbon is the timeline across the top of the desk.
type ribbon struct {
	R       layout.Rect
	axis    layout.Axis
	ticks   []layout.Tick
	marks   []float64 // x of seen events
	breaks  []float64 // x of the break marks over the quiet years
	curX    float64
	curDate string
	title   string
	has     bool
	mark    float64 // the radius of a seen document's dot
	// knots are the distinct dates of the scenario's documents, made once.
	knots   []time.Time
	knotsOf *session.Play
	// past pins the date of the document just answered rather than the
	// next one (the after-a-reply screen).
	past bool
}

// deskTop lays out what the desk and the after-a-reply screen share: the
// screen's regions, the timeline ribbon and the Menu button at its right.
func deskTop(a *App, d *layout.Desk, rb *ribbon, menu *button) {
	u := a.U
	*d = layout.DeskLayout(a.W, a.H, u, ribbonHeight(a))
	*menu = button{R: layout.R(a.W-96*u, d.Ribbon.Y+(d.Ribbon.H-34*u)/2, 80*u, 34*u), Label: "Menu"}
	rb.layout(a, d.Ribbon, menu.R.X-40*u)
}

// layout places the ribbon in r, its axis ending at x = end.
func (rb *ribbon) layout(a *App, r layout.Rect, end float64) {
	rb.R = r
	if a.Play == nil {
		rb.has = false
		return
	}
	s := a.Play.S
	u := a.U
	rb.title = s.Title
	tw := a.Fonts.Measure(stLabel, rb.title)
	left := r.X + max(24*u+tw+28*u, r.W*0.16)
	if rb.knotsOf != a.Play.Play {
		dates := make([]time.Time, 0, len(s.Events)+2)
		dates = append(dates, s.FirstDate, s.LastDate)
		for i := range s.Events {
			dates = append(dates, s.Events[i].Date)
		}
		rb.knots, rb.knotsOf = layout.DistinctDates(dates), a.Play.Play
	}
	// The busy years get the room: every document's date is a knot (see
	// layout.Axis), and break marks show where the quiet years are folded.
	rb.axis = layout.Axis{First: s.FirstDate, Last: s.LastDate, X0: left, X1: end, Knots: rb.knots}
	rb.ticks = rb.axis.Ticks(rb.ticks)
	layout.ThinLabelsLatest(rb.ticks, 10*u, func(l string) float64 { return a.Fonts.Measure(stSmall, l) })
	rb.breaks = rb.axis.Breaks(rb.breaks)
	// Dots no wider than the room between two documents, so they never merge.
	rb.mark = 4 * u
	if n := len(rb.knots); n > 1 {
		rb.mark = layout.Clamp((end-left)/float64(n-1)*0.4, 1.5*u, 4*u)
	}
	rb.has = true
	rb.refresh(a)
}

// refresh places the marks of the documents seen and the pin of today.
func (rb *ribbon) refresh(a *App) {
	if a.Play == nil {
		return
	}
	run, s := a.Play.Run, a.Play.S
	ev := run.Event()
	rb.marks = rb.marks[:0]
	var cur time.Time
	for i := range s.Events {
		if run.Seen(i) {
			rb.marks = append(rb.marks, rb.axis.X(s.Events[i].Date))
		}
	}
	switch {
	case rb.past && len(run.Steps()) > 0:
		cur = s.Events[run.Steps()[len(run.Steps())-1].Event].Date
	case ev >= 0:
		cur = s.Events[ev].Date
	case len(run.Steps()) > 0:
		cur = s.Events[run.Steps()[len(run.Steps())-1].Event].Date
	default:
		cur = s.FirstDate
	}
	rb.curX = rb.axis.X(cur)
	rb.curDate = longDate(cur)
}

func longDate(d time.Time) string { return d.Format("2 January 2006") }

// ribbonHeight is the timeline ribbon's height: the date label above the
// axis and the tick labels below it, at the current text size.
func ribbonHeight(a *App) float64 {
	return 4*a.U + a.Fonts.lh[stSmallBold] + 8*a.U + 4*a.U + a.Fonts.lh[stSmall] + 6*a.U
}

func (rb *ribbon) draw(a *App, dst *ebiten.Image) {
	p, u, r := a.P, a.U, rb.R
	p.Rect(dst, r, colRibbon)
	p.Rect(dst, layout.R(r.X, r.Bottom()-2*u, r.W, 2*u), colBrassDim)
	if !rb.has {
		return
	}
	p.Text(dst, rb.title, stLabel, r.X+24*u, r.Y+(r.H-a.Fonts.lh[stLabel])/2, colIvory)
	y := r.Y + 4*u + a.Fonts.lh[stSmallBold] + 8*u
	p.Rect(dst, layout.R(rb.axis.X0, y-u, rb.axis.X1-rb.axis.X0, 2*u), colBrassDim)
	for i := range rb.ticks {
		t := &rb.ticks[i]
		h := 4 * u
		if t.Major {
			h = 7 * u
		}
		p.Rect(dst, layout.R(t.X-u*0.5, y-h, u, 2*h), colBrassDim)
		if t.Label != "" {
			p.Text(dst, t.Label, stSmall, t.X+3*u, y+4*u, colIvoryDim)
		}
	}
	for _, x := range rb.breaks {
		// Two short slants across the axis: years folded here.
		p.Rect(dst, layout.R(x-3*u, y-2*u, 2*u, 4*u), colRibbon)
		p.Line(dst, x-4*u, y+4*u, x-u, y-4*u, 1.2*u, colIvoryDim)
		p.Line(dst, x, y+4*u, x+3*u, y-4*u, 1.2*u, colIvoryDim)
	}
	for _, x := range rb.marks {
		p.Circle(dst, x, y, rb.mark, colIvoryDim)
	}
	// The current date: a brass pin with its date above.
	p.Circle(dst, rb.curX, y, 8*u, colRibbon)
	p.Circle(dst, rb.curX, y, 6.5*u, colBrass)
	w := a.Fonts.Measure(stSmallBold, rb.curDate)
	// Keep the date over the axis, clear of the title and the Menu button.
	x := layout.Clamp(rb.curX-w/2, rb.axis.X0-20*u, rb.axis.X1+16*u-w)
	p.Text(dst, rb.curDate, stSmallBold, x, r.Y+4*u, colBrass)
}

// meterItem is one row of the meters panel.
type meterItem struct {
	idx        int
	label      string
	col        Col
	min, max   float64
	from, to   float64
	value      float64
	valueText  string
	deltaText  string
	delta      int
	worse      bool // the move is bad news (a fall, or a rise of a meter better low)
	shownValue int
	// warned marks a bar whose meter a near trigger watches, at threshold.
	warned    bool
	threshold float64
}

// meterPanel shows every meter that is not hidden: label, bar, number and
// the change from the last choice.
type meterPanel struct {
	R     layout.Rect
	items []meterItem
	tween layout.Transition
}

func (mp *meterPanel) height(a *App, n int) float64 {
	return 36*a.U + float64(n)*(a.Fonts.lh[stSmall]+18*a.U)
}

// setup shows the visible meters of the story model with their move on the
// last reply; with animate, the bars glide from before to after.
func (mp *meterPanel) setup(meters []story.Meter, animate bool) {
	mp.items = mp.items[:0]
	for _, m := range meters {
		it := meterItem{idx: m.Index, label: m.Label, col: meterColor(len(mp.items)), min: float64(m.Min), max: float64(m.Max)}
		it.from, it.to = float64(m.After), float64(m.After)
		it.warned, it.threshold = m.Warned, float64(m.Threshold)
		it.delta, it.worse = m.Delta, m.Worse()
		if m.LowIsGood {
			it.label += " (" + story.LowerIsBetter + ")"
		}
		if animate {
			it.from = float64(m.Before)
		}
		it.value = it.from
		it.shownValue = math.MinInt
		if it.delta != 0 {
			sign := "▲ +"
			if it.delta < 0 {
				sign = "▼ −"
			}
			it.deltaText = sign + strconv.Itoa(abs(it.delta))
		}
		mp.items = append(mp.items, it)
	}
	n := 0
	if animate {
		n = 40
	}
	mp.tween.Start(n)
	mp.step()
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// step advances the bars' animation; it reports whether anything moved.
func (mp *meterPanel) step() bool {
	moving := mp.tween.Step()
	p := mp.tween.Progress()
	changed := false
	for i := range mp.items {
		it := &mp.items[i]
		it.value = layout.Lerp(it.from, it.to, p)
		if v := int(math.Round(it.value)); v != it.shownValue {
			it.shownValue = v
			it.valueText = strconv.Itoa(v)
			changed = true
		}
	}
	return moving || changed
}

func (mp *meterPanel) draw(a *App, dst *ebiten.Image) {
	p, u, r := a.P, a.U, mp.R
	p.Shadow(dst, r, u)
	p.RoundFrame(dst, r, 6*u, 1.5*u, colPanelEdge, colPanel)
	p.Text(dst, "Standing", stLabel, r.X+16*u, r.Y+8*u, colBrass)
	y := r.Y + 36*u
	lh := a.Fonts.lh[stSmall]
	for i := range mp.items {
		it := &mp.items[i]
		x0, x1 := r.X+16*u, r.Right()-16*u
		p.Text(dst, it.label, stSmall, x0, y, colIvory)
		nx := x1
		if it.deltaText != "" && mp.tween.Tick > 0 || it.deltaText != "" && mp.tween.Len == 0 {
			dc := colUp
			if it.worse {
				dc = colDown
			}
			p.TextRight(dst, it.deltaText, stSmallBold, nx, y, dc)
			nx -= a.Fonts.Measure(stSmallBold, it.deltaText) + 10*u
		}
		p.TextRight(dst, it.valueText, stSmallBold, nx, y, colIvory)
		bar := layout.R(x0, y+lh+2*u, x1-x0, 7*u)
		p.Round(dst, bar, 3.5*u, Col{0, 0, 0, 0.35})
		f := (it.value - it.min) / math.Max(1, it.max-it.min)
		if f > 0 {
			p.Round(dst, layout.R(bar.X, bar.Y, math.Max(bar.H, bar.W*layout.Clamp(f, 0, 1)), bar.H), 3.5*u, it.col)
		}
		if it.warned {
			// The trigger's threshold: a tall mark across the bar, with the
			// stretch beyond it hatched in the warning colour.
			tf := layout.Clamp((it.threshold-it.min)/math.Max(1, it.max-it.min), 0, 1)
			tx := bar.X + bar.W*tf
			if tf <= f {
				p.Rect(dst, layout.R(bar.X, bar.Bottom()+1.5*u, tx-bar.X, 3*u), colOverlayWarning)
			} else {
				p.Rect(dst, layout.R(tx, bar.Bottom()+1.5*u, bar.Right()-tx, 3*u), colOverlayWarning)
			}
			p.Rect(dst, layout.R(tx-2*u, bar.Y-5*u, 4*u, bar.H+10*u), colOverlayWarning)
		}
		y += lh + 18*u
	}
}

// button is a clickable label.
type button struct {
	R        layout.Rect
	Label    string
	Primary  bool
	Disabled bool
}

func drawButton(a *App, dst *ebiten.Image, b *button, hover, focus bool) {
	p, u := a.P, a.U
	fill, edge, ink := colCard, colBrassDim, colInk
	if b.Primary {
		fill, edge, ink = colBrass, colPrimaryEdge, colInk
	}
	edgeW := 1.5 * u
	if hover && !b.Disabled {
		// Under the pointer: a lighter fill and a heavy frame, seen at a glance.
		fill, edge, edgeW = hoverFill(b.Primary), colHoverEdge, 3*u
		p.Round(dst, b.R.Inset(-3*u), 8*u, colHover)
	}
	if b.Disabled {
		fill, ink = colLocked, colInkSoft
	}
	if focus {
		p.Round(dst, b.R.Inset(-4*u), 9*u, colFocusOuter)
		p.Round(dst, b.R.Inset(-2*u), 7*u, colFocusInner)
	}
	p.RoundFrame(dst, b.R, 6*u, edgeW, edge, fill)
	p.TextCentered(dst, b.Label, stButton, b.R, ink)
}

// scrollBar draws a thin bar for a scrolling pane when its content overflows.
func scrollBar(a *App, dst *ebiten.Image, s *layout.Scroll, track layout.Rect, light bool) {
	th, ok := s.Thumb(track)
	if !ok {
		return
	}
	c := Col{0, 0, 0, 0.18}
	t := Col{0, 0, 0, 0.45}
	if light {
		c, t = Col{1, 1, 1, 0.12}, colBrassDim
	}
	a.P.Round(dst, track, track.W/2, c)
	a.P.Round(dst, th, track.W/2, t)
}

// scrollKeys says which keys scroll a pane, besides the wheel and a drag.
type scrollKeys int

const (
	scrollPointer scrollKeys = iota // the wheel and a drag only
	scrollPages                     // also Page Up/Down, Home and End
	scrollLines                     // also Up/Down by lines: a screen without buttons to move between
)

// wheelScroll applies the scrolling intents to a pane: the wheel and a drag
// over it, and the keys that keys allows.
func wheelScroll(a *App, s *layout.Scroll, pane layout.Rect, line float64, keys scrollKeys) {
	in := &a.In
	pt := &in.Pointer
	if pt.Wheel != 0 && pane.Contains(pt.X, pt.Y) {
		s.By(pt.Wheel * line * 3)
	}
	if pt.Drag && pt.DragDY != 0 && pane.Contains(pt.PressX, pt.PressY) {
		s.Jump(s.Pos - pt.DragDY)
	}
	if keys >= scrollPages {
		switch {
		case in.Page != 0:
			s.By(float64(in.Page) * s.Page(line))
		case in.Home:
			s.To(0)
		case in.End:
			s.To(s.Max())
		}
	}
	if keys >= scrollLines && in.Move != 0 {
		s.By(float64(in.Move) * 2 * line)
	}
	if s.Step(!a.Motion()) {
		a.Redraw()
	}
}

// scrollPart is wheelScroll for a pane the scene can redraw on its own
// (see App.RedrawPart).
func scrollPart(a *App, s *layout.Scroll, pane layout.Rect, line float64, keys scrollKeys) {
	before := a.dirty
	wheelScroll(a, s, pane, line, keys)
	if a.dirty && !before {
		a.dirty = false
		a.RedrawPart()
	}
}

// noticeBox draws a message on a dark slip.
func noticeBox(a *App, dst *ebiten.Image, r layout.Rect, f *layout.Flow) {
	p, u := a.P, a.U
	p.RoundFrame(dst, r, 6*u, 1.5*u, colBrass, colNotice)
	p.Flow(dst, f, r.X+14*u, r.Y+10*u, r, func(*layout.Line) Col { return colIvory })
}
