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
	s.rows = append(s.rows, settingRow{id: "contrast", label: "Colours", choices: []string{"Standard", "High contrast"},
		get: func(a *App) int { return b2i(a.Settings.HighContrast) },
		set: func(a *App, v int) {
			a.Settings.HighContrast = v == 1
			a.applyTheme()
		}})
	// The browser page's text of the game, for screen readers always; a
	// plain-text view to read, zoom or have read aloud beside the game or
	// in its place.
	s.rows = append(s.rows, settingRow{id: "text-view", label: "Plain-text view", choices: []string{"Hidden", "Beside the game", "Instead of the game"},
		get: func(a *App) int { return a.Settings.TextView },
		set: func(a *App, v int) { a.Settings.TextView = v }})
	return s
}

// choiceID is the button id of the row's choice v: "text-size:large".
func (r *settingRow) choiceID(v int) string {
	return r.id + ":" + strings.ToLower(strings.ReplaceAll(r.choices[v], " ", "-"))
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
		if r.id == "fullscreen" && a.Web() || r.id == "text-view" && !a.Web() {
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
	// Each label beside its choices when there is room, so that every row
	// fits at the largest text size; else above them.
	rowW := body.W - 72*u
	labelW := 0.0
	for _, i := range s.visibleRows(a) {
		labelW = max(labelW, f.Measure(stLabel, s.rows[i].label)+20*u)
	}
	inline := labelW <= rowW*0.3
	for k, i := range s.visibleRows(a) {
		r := &s.rows[i]
		x, w := body.X+36*u, rowW
		if inline {
			r.y = y + (bh-f.lh[stLabel])/2
			x, w = x+labelW, w-labelW
		} else {
			r.y = y
			y += f.lh[stLabel] + 8*u
		}
		r.rects = layout.Row(r.rects, layout.R(x, y, w, bh), len(r.choices), 10*u)
		cur := r.get(a)
		for v, rr := range r.rects {
			s.col.Items = append(s.col.Items, focusItem{ID: r.choiceID(v), R: rr, Row: k, Enabled: true, Current: v == cur})
			s.owners = append(s.owners, i)
			s.values = append(s.values, v)
		}
		if inline {
			y += bh + 16*u
		} else {
			y += bh + 26*u
		}
	}
	s.sample.Layout([]layout.Block{{Style: stBody, Text: sampleText}}, body.W-96*u, f)
	s.sampleR = layout.R(body.X+36*u, y, body.W-72*u, s.sample.Height+24*u)
	if s.sampleR.Bottom()+f.lh[stSmallItalic]+20*u > body.Bottom() {
		// No room for the sample: the text of the screen itself shows the size.
		s.sampleR = layout.R(body.X+36*u, y-14*u, 0, 0)
	}
	// A student sees the kind of place, not a file-system path (the docs
	// for teachers give the path).
	where := "the game's data folder on this computer"
	if a.Web() {
		where = a.Store.Where()
	}
	s.note = "Settings are kept in " + where + "."
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

// sampleText shows the text size on the Settings screen.
const sampleText = "Dear Mr. President, I have received your message of the 26th and thank you for it. This sample shows the size of the text in letters and telegrams."

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
	if !s.sampleR.Empty() {
		p.RoundFrame(dst, s.sampleR, 4*u, max(u, 1), colInkFaint, colCard)
		p.Flow(dst, &s.sample, s.sampleR.X+12*u, s.sampleR.Y+12*u, s.sampleR, func(*layout.Line) Col { return colInk })
	}
	p.Text(dst, s.note, stSmallItalic, body.X+36*u, s.sampleR.Bottom()+14*u, colInkSoft)
	hover, focus := s.col.Lit(k)
	drawButton(a, dst, &s.back, hover, focus)
}

func (s *settingsScene) listButtons(a *App, b *buttonList) { s.col.list(b) }
