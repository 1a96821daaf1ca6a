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
	// col holds every choice of every setting, row by row, then Back.
	col    buttonColumn
	owners []int // setting of each button (-1 for Back)
	values []int // value of each button
	titleY float64
	note   string
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
	s := &settingsScene{from: from, col: newColumn()}
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

func (s *settingsScene) report() (int, int) { return s.col.focusReport() }

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
	s.col.Reset()
	s.owners, s.values = s.owners[:0], s.values[:0]
	bh := f.lh[stButton] + 18*u
	for k, i := range s.visibleRows(a) {
		r := &s.rows[i]
		r.y = y
		y += f.lh[stLabel] + 8*u
		r.rects = layout.Row(r.rects, layout.R(body.X+36*u, y, body.W-72*u, bh), len(r.choices), 10*u)
		cur := r.get(a)
		for v, rr := range r.rects {
			id := r.id + ":" + strings.ToLower(strings.ReplaceAll(r.choices[v], " ", "-"))
			s.col.Items = append(s.col.Items, focusItem{ID: id, R: rr, Row: k, Enabled: true, Current: v == cur})
			s.owners = append(s.owners, i)
			s.values = append(s.values, v)
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
	s.col.Items = append(s.col.Items, focusItem{ID: "back", R: s.back.R, Row: len(s.rows), Enabled: true})
	s.owners = append(s.owners, -1)
	s.values = append(s.values, 0)
	if !s.col.OK(s.col.Focus) {
		// On the first setting's current value.
		for i, it := range s.col.Items {
			if it.Current {
				s.col.Focus = i
				break
			}
		}
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
	if a.In.Back {
		s.leave(a)
		return nil
	}
	i := s.col.Update(a, true)
	switch {
	case i < 0:
	case s.owners[i] < 0:
		s.leave(a)
	default:
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
	k := 0
	for _, i := range s.visibleRows(a) {
		r := &s.rows[i]
		p.Text(dst, r.label, stLabel, body.X+36*u, r.y, colInkSoft)
		cur := r.get(a)
		for v, rr := range r.rects {
			b := button{R: rr, Label: r.choices[v], Primary: v == cur}
			hover, focus := s.col.Lit(k)
			drawButton(a, dst, &b, hover, focus)
			k++
		}
	}
	p.RoundFrame(dst, s.sampleR, 4*u, u, colInkFaint, colCard)
	p.Flow(dst, &s.sample, s.sampleR.X+12*u, s.sampleR.Y+12*u, s.sampleR, func(*layout.Line) Col { return colInk })
	p.Text(dst, s.note, stSmallItalic, body.X+36*u, s.sampleR.Bottom()+14*u, colInkSoft)
	hover, focus := s.col.Lit(k)
	drawButton(a, dst, &s.back, hover, focus)
}

func (s *settingsScene) listButtons(a *App, b *buttonList) { s.col.list(b) }
