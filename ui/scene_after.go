package ui

import (
	"github.com/hajimehoshi/ebiten/v2"

	"bigthree/internal/layout"
	"bigthree/internal/rules"
)

// afterScene shows what a reply led to: the characters' reactions, the
// meters moving, and what Roosevelt actually did, with its source.
type afterScene struct {
	ev     int
	opt    rules.Option
	rb     ribbon
	d      layout.Desk
	paper  layout.Rect
	text   layout.Rect
	flow   layout.Flow
	scroll layout.Scroll
	blocks []layout.Block
	meters meterPanel
	cont   button
	menu   button
	col    buttonColumn // Continue, then Menu (Tab only)
	clip   clipper
	first  bool
}

func newAfterScene(a *App, ev int, o rules.Option) *afterScene {
	return &afterScene{ev: ev, opt: o, col: newColumn(), first: true}
}

func (*afterScene) Name() string { return "after" }

func (s *afterScene) report() (int, int) { return 1, s.col.Focus }

func (s *afterScene) Layout(a *App) {
	p := a.Play
	u := a.U
	deskTop(a, &s.d, &s.rb, &s.menu)

	e := &p.S.Events[s.ev]
	b := s.blocks[:0]
	if s.opt.Index >= 0 {
		b = append(b, layout.Block{Style: stLabel, Text: "Your reply", Tag: tagSoft})
		b = append(b, layout.Block{Style: stItalic, Text: "“" + s.opt.Text + "”", Space: 4 * u})
		c := &e.Choices[s.opt.Index]
		if len(c.Reactions) > 0 {
			b = append(b, layout.Block{Style: stLabel, Text: "Reactions", Space: 22 * u, Tag: tagSoft})
			for _, r := range c.Reactions {
				b = append(b, layout.Block{Box: boxReaction, Height: 44 * u, Space: 8 * u, Tag: r.Character})
				for i, par := range layout.Paragraphs(r.Text) {
					sp := 2 * u
					if i > 0 {
						sp = 6 * u
					}
					b = append(b, layout.Block{Style: stBody, Text: par, Indent: 56 * u, Space: sp})
				}
			}
		} else {
			b = append(b, layout.Block{Style: stSmallItalic, Text: "No one answers at once.", Space: 14 * u, Tag: tagSoft})
		}
	} else {
		b = append(b, layout.Block{Style: stLabel, Text: "You have read", Tag: tagSoft})
		b = append(b, layout.Block{Style: stItalic, Text: e.Title, Space: 4 * u})
	}
	if e.History != "" {
		b = append(b, layout.Block{Box: boxRule, Height: u, Space: 24 * u})
		b = append(b, layout.Block{Style: stLabel, Text: "In history", Space: 14 * u, Tag: tagRed})
		b = layout.AppendParagraphs(b, e.History, stBody, 6*u, 8*u)
		if h := e.HistoricalChoice(); h >= 0 && s.opt.Index >= 0 {
			verdict := "Roosevelt chose otherwise: “" + e.Choices[h].Text + "”"
			if h == s.opt.Index {
				verdict = "You chose as Roosevelt did."
			}
			b = append(b, layout.Block{Style: stSmallItalic, Text: verdict, Space: 8 * u, Tag: tagSoft})
		}
		if src := p.S.SourceText(p.S.HistorySourceIndex(s.ev)); src != "" {
			b = append(b, layout.Block{Style: stSmallItalic, Text: "Source: " + src, Space: 10 * u, Tag: tagFaint})
		}
	}
	s.blocks = b
	s.paper = s.d.Doc
	s.text = s.paper.InsetXY(34*u, 26*u)
	s.flow.Layout(s.blocks, s.text.W-14*u, a.Fonts)
	if h := s.flow.Height + 64*u; h < s.paper.H && !s.d.Stacked {
		// A short note sits on a sheet of its size, not on a whole page.
		s.paper.H = max(h, s.paper.H*0.45)
		s.text = s.paper.InsetXY(34*u, 26*u)
	}
	s.scroll.Resize(s.flow.Height+12*u, s.text.H)

	side := s.d.Side
	n := 0
	for _, m := range p.S.Meters {
		if !m.Hidden {
			n++
		}
	}
	if n > 0 {
		s.meters.R, side = side.CutTop(s.meters.height(a, n), 20*u)
	}
	// Animate the bars only when the scene is entered, not on a resize.
	s.meters.setup(a, s.first && a.Motion())
	s.first = false
	label := "Continue"
	if p.Run.Over() {
		label = "See how it ended"
	}
	bh := a.Fonts.lh[stButton] + 24*u
	s.cont = button{R: layout.R(side.X, side.Y, side.W, bh), Label: label, Primary: true}
	s.col.Reset()
	s.col.Add("continue", s.cont.R)
	s.col.Items = append(s.col.Items, focusItem{ID: "menu", R: s.menu.R, Row: 1, Enabled: true, TabOnly: true})
	if !s.col.OK(s.col.Focus) {
		s.col.FocusFirst()
	}
}

func (s *afterScene) Update(a *App) error {
	if s.meters.step() {
		a.Redraw()
	}
	if a.In.Back {
		a.GoTo(newMenuScene(a, s))
		return nil
	}
	// One button to act on: the arrows scroll the note instead.
	switch s.col.Update(a, false) {
	case 0:
		s.next(a)
		return nil
	case 1:
		a.GoTo(newMenuScene(a, s))
		return nil
	}
	wheelScroll(a, &s.scroll, s.paper, a.Fonts.lh[stBody], scrollLines)
	return nil
}

func (s *afterScene) next(a *App) {
	if a.Play.Run.Over() {
		a.GoTo(newEndingScene(a))
		return
	}
	a.GoTo(newDeskScene())
}

func (s *afterScene) Draw(a *App, dst *ebiten.Image) {
	p, u := a.P, a.U
	a.back.draw(a, dst)
	s.rb.draw(a, dst)
	hover, focus := s.col.Lit(1)
	drawButton(a, dst, &s.menu, hover, focus)
	p.Shadow(dst, s.paper, u)
	p.Rect(dst, s.paper, colLetter)
	p.Frame(dst, s.paper, u, colLetter.Mix(colInk, 0.18))
	clip := s.clip.get(dst, s.text.InsetXY(-8*u, 0))
	x, y := s.text.X, s.text.Y-s.scroll.Pos
	for i := range s.flow.Boxes {
		bx := &s.flow.Boxes[i]
		r := bx.R.Offset(x, y)
		switch bx.Box {
		case boxRule:
			p.Rect(clip, layout.R(r.X, r.Y, r.W, max(u, 1)), colInkFaint)
		case boxReaction:
			drawEmblem(a, clip, bx.Tag, r.X+22*u, r.Y+22*u, 20*u)
			p.Text(clip, a.Play.charName(bx.Tag), stBold, r.X+56*u, r.Y+(r.H-a.Fonts.lh[stBold])/2, a.Play.charCol(bx.Tag))
		}
	}
	p.Flow(clip, &s.flow, x, y, s.text, lineColor)
	scrollBar(a, dst, &s.scroll, layout.R(s.paper.Right()-12*u, s.text.Y, 5*u, s.text.H), false)
	if !s.meters.R.Empty() {
		s.meters.draw(a, dst)
	}
	hover, focus = s.col.Lit(0)
	drawButton(a, dst, &s.cont, hover, focus)
}

func (s *afterScene) listButtons(a *App, b *buttonList) { s.col.list(b) }
