package ui

import (
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"bigthree/internal/layout"
	"bigthree/internal/store"
)

// settingsScene lets the player choose the text size, full screen (on the
// desktop) and reduced motion. Changes apply at once and are saved.
type settingsScene struct {
	from    Scene
	rows    []settingRow
	page    layout.Page
	sample  layout.Flow
	sampleR layout.Rect
	back    button
	rects   []layout.Rect // every clickable option, then Back
	owners  []int         // row of each rect (-1 for Back)
	values  []int         // value of each rect
	ids     []string      // state ids of the rects
	focus   int           // row with the focus (len(rows) = Back)
	hover   int
	titleY  float64
	note    string
}

type settingRow struct {
	id      string
	label   string
	choices []string
	get     func(a *App) int
	set     func(a *App, v int)
	y       float64
	rects   []layout.Rect
}

func newSettingsScene(from Scene) *settingsScene {
	s := &settingsScene{from: from, hover: -1}
	var sizes []string
	for _, t := range store.TextSizes {
		sizes = append(sizes, t.Name)
	}
	s.rows = append(s.rows, settingRow{id: "text-size", label: "Text size", choices: sizes,
		get: func(a *App) int { return a.Settings.TextSize },
		set: func(a *App, v int) {
			a.Settings.TextSize = v
			a.relayout()
		}})
	s.rows = append(s.rows, settingRow{id: "fullscreen", label: "Full screen", choices: []string{"Off", "On"},
		get: func(a *App) int { return b2i(a.Settings.Fullscreen) },
		set: func(a *App, v int) {
			a.Settings.Fullscreen = v == 1
			ebiten.SetFullscreen(a.Settings.Fullscreen)
		}})
	s.rows = append(s.rows, settingRow{id: "reduced-motion", label: "Reduced motion", choices: []string{"Off", "On"},
		get: func(a *App) int { return b2i(a.Settings.ReducedMotion) },
		set: func(a *App, v int) { a.Settings.ReducedMotion = v == 1 }})
	return s
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (*settingsScene) Name() string { return "settings" }

func (s *settingsScene) report() (int, int) { return len(s.rects), s.focus }

func (s *settingsScene) visibleRows(a *App) []int {
	var out []int
	for i, r := range s.rows {
		if r.id == "fullscreen" && a.Web() {
			continue
		}
		out = append(out, i)
	}
	return out
}

func (s *settingsScene) Layout(a *App) {
	u, f := a.U, a.Fonts
	s.page = layout.PageLayout(a.W, a.H, u, 820)
	body := s.page.Body
	s.titleY = body.Y + 28*u
	y := s.titleY + f.lh[stHeadline] + 24*u
	s.rects, s.owners, s.values, s.ids = s.rects[:0], s.owners[:0], s.values[:0], s.ids[:0]
	bh := f.lh[stButton] + 18*u
	for _, i := range s.visibleRows(a) {
		r := &s.rows[i]
		r.y = y
		y += f.lh[stLabel] + 8*u
		r.rects = layout.Row(r.rects, layout.R(body.X+36*u, y, body.W-72*u, bh), len(r.choices), 10*u)
		for v, rr := range r.rects {
			s.rects = append(s.rects, rr)
			s.owners = append(s.owners, i)
			s.values = append(s.values, v)
			s.ids = append(s.ids, r.id+":"+strings.ToLower(strings.ReplaceAll(r.choices[v], " ", "-")))
		}
		y += bh + 26*u
	}
	text := "Dear Mr. President, I have received your message of the 26th and thank you for it. This sample shows the size of the text in letters and telegrams."
	s.sample.Layout([]layout.Block{{Style: stBody, Text: text}}, body.W-96*u, f)
	s.sampleR = layout.R(body.X+36*u, y, body.W-72*u, s.sample.Height+24*u)
	s.note = "Settings are kept in " + a.Store.Where() + "."
	if a.Store.Off != "" {
		s.note = a.Store.Off
	}
	bw := 220 * u
	s.back = button{R: layout.R(s.page.Bar.X+(s.page.Bar.W-bw)/2, s.page.Bar.Y+4*u, bw, s.page.Bar.H-8*u), Label: "Back", Primary: true}
	s.rects = append(s.rects, s.back.R)
	s.ids = append(s.ids, "back")
	s.owners = append(s.owners, -1)
	s.values = append(s.values, 0)
	if s.focus > len(s.visibleRows(a)) {
		s.focus = 0
	}
}

func (s *settingsScene) leave(a *App) {
	a.saveSettings()
	a.GoTo(s.from)
}

func (s *settingsScene) change(a *App, row, v int) {
	r := &s.rows[row]
	v = min(max(v, 0), len(r.choices)-1)
	if r.get(a) == v {
		return
	}
	r.set(a, v)
	a.saveSettings()
	s.Layout(a)
	a.Redraw()
}

func (s *settingsScene) Update(a *App) error {
	in := &a.In
	vis := s.visibleRows(a)
	n := len(vis)
	s.hover = hoverIndex(a, s.rects, s.hover)
	switch {
	case in.Esc:
		s.leave(a)
		return nil
	case in.Up || in.BackTab:
		s.focus = layout.Cycle(s.focus, -1, n+1)
		a.Redraw()
	case in.Down_ || in.Tab:
		s.focus = layout.Cycle(s.focus, 1, n+1)
		a.Redraw()
	case (in.Left || in.Right) && s.focus < n:
		row := vis[s.focus]
		d := 1
		if in.Left {
			d = -1
		}
		s.change(a, row, s.rows[row].get(a)+d)
	case in.Enter || in.Space:
		if s.focus == n {
			s.leave(a)
			return nil
		}
		row := vis[s.focus]
		r := &s.rows[row]
		s.change(a, row, (r.get(a)+1)%len(r.choices))
	}
	if i := clicked(a, s.rects); i >= 0 {
		if s.owners[i] < 0 {
			s.leave(a)
			return nil
		}
		for k, row := range vis {
			if row == s.owners[i] {
				s.focus = k
			}
		}
		s.change(a, s.owners[i], s.values[i])
	}
	return nil
}

func (s *settingsScene) Draw(a *App, dst *ebiten.Image) {
	p, u := a.P, a.U
	a.back.draw(a, dst)
	body := s.page.Body
	p.Shadow(dst, body, u)
	p.Rect(dst, body, colLetter)
	p.Text(dst, "Settings", stHeadline, body.X+36*u, s.titleY, colInk)
	vis := s.visibleRows(a)
	for k, i := range vis {
		r := &s.rows[i]
		p.Text(dst, r.label, stLabel, body.X+36*u, r.y, colInkSoft)
		cur := r.get(a)
		for v, rr := range r.rects {
			b := button{R: rr, Label: r.choices[v], Primary: v == cur}
			drawButton(a, dst, &b, s.hoverIs(i, v), k == s.focus && v == cur)
		}
	}
	p.RoundFrame(dst, s.sampleR, 4*u, u, colInkFaint, colCard)
	p.Flow(dst, &s.sample, s.sampleR.X+12*u, s.sampleR.Y+12*u, s.sampleR, func(*layout.Line) Col { return colInk })
	p.Text(dst, s.note, stSmallItalic, body.X+36*u, s.sampleR.Bottom()+14*u, colInkSoft)
	drawButton(a, dst, &s.back, s.hover == len(s.rects)-1, s.focus == len(vis))
}

func (s *settingsScene) hoverIs(row, v int) bool {
	return s.hover >= 0 && s.hover < len(s.owners) && s.owners[s.hover] == row && s.values[s.hover] == v
}

func (s *settingsScene) listButtons(a *App, b *buttonList) {
	for i, r := range s.rects {
		b.add(s.ids[i], r, true)
	}
}
