package ui

import (
	"github.com/hajimehoshi/ebiten/v2"

	"bigthree/internal/layout"
	"bigthree/internal/session"
)

// confirmScene asks what to do with a scenario's saved game before it
// could be replaced (package session decides when to ask and words the
// question): continue it, start again or cancel; for a finished game, see
// the ending, play again or cancel. It shows over the screen it was asked
// from; Esc and Cancel go back there.
type confirmScene struct {
	under   Scene
	step    session.Step
	q       session.Question
	buttons []button
	col     buttonColumn
	panel   layout.Rect
	titleY  float64
	text    layout.Flow
	textR   layout.Rect
}

func newConfirmScene(a *App, st session.Step, under Scene) *confirmScene {
	if _, loading := under.(*loadingScene); loading || under == nil {
		under = newTitleScene(a)
	}
	if c, ok := under.(*confirmScene); ok {
		under = c.under
	}
	return &confirmScene{under: under, step: st, q: st.Question(), col: newColumn()}
}

func (*confirmScene) Name() string { return "confirm" }

func (c *confirmScene) report() (int, int) { return c.col.focusReport() }

func (c *confirmScene) message() string { return c.q.Text }

func (c *confirmScene) listButtons(a *App, b *buttonList) { c.col.list(b) }

func (c *confirmScene) Layout(a *App) {
	c.under.Layout(a)
	u, f := a.U, a.Fonts
	w := min(a.W-48*u, 600*u)
	pad := 32 * u
	c.text.Layout([]layout.Block{{Style: stBody, Text: c.q.Text}}, w-2*pad, f)
	bh := f.lh[stButton] + 22*u
	h := 26*u + f.lh[stTitle] + 14*u + c.text.Height + 26*u + float64(len(c.q.Choices))*(bh+12*u) + 16*u
	c.panel = layout.R((a.W-w)/2, max(16*u, (a.H-h)/2), w, h)
	c.titleY = c.panel.Y + 26*u
	c.textR = layout.R(c.panel.X+pad, c.titleY+f.lh[stTitle]+14*u, w-2*pad, c.text.Height)
	c.buttons = c.buttons[:0]
	c.col.Reset()
	y := c.textR.Bottom() + 26*u
	for i, ch := range c.q.Choices {
		bt := button{R: layout.R(c.panel.X+pad, y, w-2*pad, bh), Label: ch.Label, Primary: i == 0}
		c.buttons = append(c.buttons, bt)
		c.col.Add(ch.ID, bt.R)
		y += bh + 12*u
	}
	if !c.col.OK(c.col.Focus) {
		c.col.FocusFirst()
	}
}

func (c *confirmScene) Update(a *App) error {
	if a.In.Back {
		a.GoTo(c.under)
		return nil
	}
	if i := c.col.Update(a, true); i >= 0 {
		ans := c.q.Choices[i].Answer
		st := a.Session.Answer(c.step, ans)
		if st.Kind == session.Stay {
			a.addMessage(st.Message)
			a.GoTo(c.under)
			return nil
		}
		a.follow(st)
	}
	return nil
}

func (c *confirmScene) Draw(a *App, dst *ebiten.Image) {
	p, u := a.P, a.U
	c.under.Draw(a, dst)
	p.Rect(dst, layout.R(0, 0, a.W, a.H), Col{0.05, 0.03, 0.02, 0.66})
	p.Shadow(dst, c.panel, u)
	p.RoundFrame(dst, c.panel, 8*u, 1.5*u, colBrass, colPanel)
	p.TextCentered(dst, c.q.Title, stTitle, layout.R(c.panel.X, c.titleY, c.panel.W, a.Fonts.lh[stTitle]), colIvory)
	p.Flow(dst, &c.text, c.textR.X, c.textR.Y, c.textR, func(*layout.Line) Col { return colIvory })
	for i := range c.buttons {
		hover, focus := c.col.Lit(i)
		drawButton(a, dst, &c.buttons[i], hover, focus)
	}
}
