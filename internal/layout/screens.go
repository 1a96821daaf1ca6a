package layout

// Scale returns the size of one layout unit in device pixels for a screen of
// w×h device pixels at the given device scale factor: 1 unit is 1 pixel on a
// 1280×720 window at scale 1, and the unit grows with larger windows (up to
// 1.6) and shrinks a little with smaller ones (down to 0.75), so the game
// reads the same at 1280×720, 1366×768 and 1920×1080.
func Scale(w, h, deviceScale float64) float64 {
	if deviceScale <= 0 {
		deviceScale = 1
	}
	lw, lh := w/deviceScale, h/deviceScale
	s := Clamp(min(lw/1280, lh/720), 0.75, 1.6)
	return s * deviceScale
}

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
	if w/u < 900 {
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
