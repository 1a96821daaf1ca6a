package layout

// MinUnit and MaxUnit bound the layout unit in CSS pixels (device pixels
// divided by the device scale factor). The unit never shrinks below one CSS
// pixel, so body text set at 17 units stays at least 16 CSS pixels and
// labels at 13 units stay 13 on every window from 1024×640 up: a smaller
// window shows less (the panes scroll, the desk stacks), never smaller text.
const (
	MinUnit = 1.0
	MaxUnit = 1.6
)

// Scale returns the size of one layout unit in device pixels for a screen of
// w×h device pixels at the given device scale factor: 1 unit is 1 pixel on a
// 1280×720 window at scale 1, and the unit grows with larger windows (up to
// MaxUnit), so the game reads the same at 1280×720, 1366×768 and 1920×1080.
func Scale(w, h, deviceScale float64) float64 {
	if deviceScale <= 0 {
		deviceScale = 1
	}
	lw, lh := w/deviceScale, h/deviceScale
	s := Clamp(min(lw/1280, lh/720), MinUnit, MaxUnit)
	return s * deviceScale
}

// StackedBelow is the width, in units, under which the desk puts its side
// column below the document instead of beside it.
const StackedBelow = 900

// Stacks reports whether a w×h screen with unit u stacks the desk's columns:
// when two columns would be cramped (narrower than StackedBelow units), and
// on every portrait screen (taller than wide), where a column below the
// document has the room a column beside it lacks.
func Stacks(w, h, u float64) bool { return w/u < StackedBelow || h > w }

// Desk is the geometry of the reading desk: the timeline ribbon across the
// top, the document on the left and the side column (meters and replies) on
// the right. On a narrow (portrait) screen the side column goes below the
// document.
type Desk struct {
	Ribbon, Doc, Side Rect
	Stacked           bool
}

// DeskLayout lays the desk out on a w×h screen with unit u and a ribbon
// ribbon pixels tall (it grows with the text size).
func DeskLayout(w, h, u, ribbon float64) Desk {
	m := 20 * u
	var d Desk
	screen := Rect{0, 0, w, h}
	d.Ribbon, _ = screen.CutTop(max(ribbon, 40*u), 0)
	body := Rect{m, d.Ribbon.Bottom() + m*0.8, w - 2*m, h - d.Ribbon.Bottom() - m*1.8}
	if Stacks(w, h, u) {
		d.Stacked = true
		d.Doc, d.Side = body.CutTop(body.H*0.55, m)
		return d
	}
	side := Clamp(body.W*0.36, 340*u, 560*u)
	d.Side, d.Doc = body.CutRight(side, m)
	return d
}

// Page is the geometry of a full-screen reading page (ending, debrief, scenario
// errors): a centred column with a bar of buttons at the bottom.
type Page struct {
	Body, Bar Rect
}

// PageLayout lays a page out on a w×h screen with unit u; the column is at
// most maxW units wide.
func PageLayout(w, h, u, maxW float64) Page {
	m := 24 * u
	cw := min(w-2*m, maxW*u)
	col := Rect{(w - cw) / 2, m, cw, h - 2*m}
	var p Page
	p.Bar, p.Body = col.CutBottom(56*u, 16*u)
	return p
}
