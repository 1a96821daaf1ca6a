package ui

import (
	"github.com/hajimehoshi/ebiten/v2"

	"bigthree/internal/layout"
)

// menuScene is the small menu that Esc (or the Menu button) opens over the
// desk: Resume, Settings, the title page and, on the desktop, Quit. The game
// is saved before the menu shows.
type menuScene struct {
	under   Scene
	items   []menuItem
	buttons []button
	rects   []layout.Rect
	panel   layout.Rect
	focus   int
	hover   int
}

type menuItem struct {
	id, label string
	act       func(a *App)
}

func newMenuScene(a *App, under Scene) *menuScene {
	a.autosave()
	m := &menuScene{under: under, hover: -1}
	m.items = []menuItem{
		{"resume", "Resume", func(a *App) { a.GoTo(m.under) }},
		{"settings", "Settings", func(a *App) { a.GoTo(newSettingsScene(m)) }},
		{"title", "Title page", func(a *App) { a.GoTo(newTitleScene(a)) }},
	}
	if !a.Web() {
		m.items = append(m.items, menuItem{"quit", "Save and quit", func(a *App) { a.Quit() }})
	}
	return m
}

func (*menuScene) Name() string { return "menu" }

func (m *menuScene) report() (int, int) { return len(m.items), m.focus }

func (m *menuScene) listButtons(a *App, b *buttonList) {
	for i, it := range m.items {
		b.add(it.id, m.rects[i], true)
	}
}

func (m *menuScene) Layout(a *App) {
	m.under.Layout(a)
	u := a.U
	bh := a.Fonts.lh[stButton] + 22*u
	w := 360 * u
	h := 70*u + float64(len(m.items))*(bh+12*u)
	m.panel = layout.R((a.W-w)/2, (a.H-h)/2, w, h)
	m.buttons = m.buttons[:0]
	m.rects = m.rects[:0]
	y := m.panel.Y + 58*u
	for i, it := range m.items {
		bt := button{R: layout.R(m.panel.X+28*u, y, w-56*u, bh), Label: it.label, Primary: i == 0}
		m.buttons = append(m.buttons, bt)
		m.rects = append(m.rects, bt.R)
		y += bh + 12*u
	}
}

func (m *menuScene) Update(a *App) error {
	in := &a.In
	m.hover = hoverIndex(a, m.rects, m.hover)
	n := len(m.items)
	switch {
	case in.Esc:
		a.GoTo(m.under)
		return nil
	case in.Up || in.BackTab:
		m.focus = layout.Cycle(m.focus, -1, n)
		a.Redraw()
	case in.Down_ || in.Tab:
		m.focus = layout.Cycle(m.focus, 1, n)
		a.Redraw()
	case in.Enter || in.Space:
		m.items[m.focus].act(a)
		return nil
	}
	if i := clicked(a, m.rects); i >= 0 {
		m.items[i].act(a)
		return nil
	}
	if in.Tap && !m.panel.Contains(in.X, in.Y) {
		a.GoTo(m.under)
	}
	return nil
}

func (m *menuScene) Draw(a *App, dst *ebiten.Image) {
	p, u := a.P, a.U
	m.under.Draw(a, dst)
	p.Rect(dst, layout.R(0, 0, a.W, a.H), Col{0.05, 0.03, 0.02, 0.62})
	p.Shadow(dst, m.panel, u)
	p.RoundFrame(dst, m.panel, 8*u, 1.5*u, colBrass, colPanel)
	p.TextCentered(dst, "Menu", stCaps, layout.R(m.panel.X, m.panel.Y+12*u, m.panel.W, a.Fonts.lh[stCaps]), colIvory)
	for i := range m.buttons {
		drawButton(a, dst, &m.buttons[i], i == m.hover, i == m.focus)
	}
}
