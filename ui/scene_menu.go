package ui

import (
	"github.com/hajimehoshi/ebiten/v2"

	"bigthree/internal/layout"
	"bigthree/internal/story"
)

// menuScene is the small menu that Esc (or the Menu button) opens over the
// desk: Resume, Settings, the Glossary (when the scenario has one), the title page and, on the desktop, Quit. The game
// is saved before the menu shows.
type menuScene struct {
	under   Scene
	items   []menuItem
	buttons []button
	col     buttonColumn
	panel   layout.Rect
}

type menuItem struct {
	id, label string
	act       func(a *App)
}

func newMenuScene(a *App, under Scene) *menuScene {
	a.autosave()
	m := &menuScene{under: under, col: newColumn()}
	m.items = []menuItem{
		{"resume", "Resume", func(a *App) { a.GoTo(m.under) }},
		{"settings", "Settings", func(a *App) { a.GoTo(newSettingsScene(m)) }},
	}
	if a.Play != nil {
		if terms := story.Glossary(a.Play.S); len(terms) > 0 {
			m.items = append(m.items, menuItem{"glossary", "Glossary", func(a *App) { a.GoTo(newGlossaryScene(m, terms)) }})
		}
	}
	m.items = append(m.items, menuItem{"title", "Title page", func(a *App) { a.GoTo(newTitleScene(a)) }})
	if !a.Web() {
		m.items = append(m.items, menuItem{"quit", "Save and quit", func(a *App) { a.Quit() }})
	}
	return m
}

func (*menuScene) Name() string { return "menu" }

func (m *menuScene) report() (int, int) { return m.col.focusReport() }

func (m *menuScene) listButtons(a *App, b *buttonList) { m.col.list(b) }

func (m *menuScene) Layout(a *App) {
	m.under.Layout(a)
	u := a.U
	bh := a.Fonts.lh[stButton] + 22*u
	w := 360 * u
	h := 70*u + float64(len(m.items))*(bh+12*u)
	m.panel = layout.R((a.W-w)/2, (a.H-h)/2, w, h)
	m.buttons = m.buttons[:0]
	m.col.Reset()
	y := m.panel.Y + 58*u
	for i, it := range m.items {
		bt := button{R: layout.R(m.panel.X+28*u, y, w-56*u, bh), Label: it.label, Primary: i == 0}
		m.buttons = append(m.buttons, bt)
		m.col.Add(it.id, bt.R)
		y += bh + 12*u
	}
	if !m.col.OK(m.col.Focus) {
		m.col.FocusFirst()
	}
}

func (m *menuScene) Update(a *App) error {
	in := &a.In
	if in.Back {
		a.GoTo(m.under)
		return nil
	}
	if i := m.col.Update(a, true); i >= 0 {
		m.items[i].act(a)
		return nil
	}
	if in.Pointer.Tap && !m.panel.Contains(in.Pointer.X, in.Pointer.Y) {
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
		hover, focus := m.col.Lit(i)
		drawButton(a, dst, &m.buttons[i], hover, focus)
	}
}
