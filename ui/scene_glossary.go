package ui

import (
	"github.com/hajimehoshi/ebiten/v2"

	"bigthree/internal/layout"
	"bigthree/internal/story"
)

// glossaryScene shows the scenario's glossary (story.Glossary): each term
// in bold, then what it means, in a scrolling page with a Back button that
// returns to the screen it was opened from (the menu).
type glossaryScene struct {
	from   Scene
	terms  []story.Term
	page   layout.Page
	flow   layout.Flow
	scroll layout.Scroll
	back   button
	col    buttonColumn
	clip   clipper
}

func newGlossaryScene(from Scene, terms []story.Term) *glossaryScene {
	return &glossaryScene{from: from, terms: terms, col: newColumn()}
}

func (*glossaryScene) Name() string { return "glossary" }

func (s *glossaryScene) report() (int, int) { return 1, 0 }

func (s *glossaryScene) listButtons(a *App, b *buttonList) { s.col.list(b) }

// glossaryIntro is the screen's first line, under its title.
const glossaryIntro = "The words of the documents that a reader may not know, and what they mean."

func (s *glossaryScene) Layout(a *App) {
	u := a.U
	s.page = layout.PageLayout(a.W, a.H, u, 1000)
	var b []layout.Block
	b = append(b, layout.Block{Style: stTitle, Text: "Glossary", Space: 4 * u})
	b = append(b, layout.Block{Style: stBody, Text: glossaryIntro, Space: 10 * u, Tag: tagSoft})
	b = append(b, layout.Block{Box: boxRule, Height: u, Space: 14 * u})
	for _, t := range s.terms {
		b = append(b, layout.Block{Style: stBold, Text: t.Term, Space: 12 * u})
		for i, p := range t.Paragraphs {
			sp := 2 * u
			if i > 0 {
				sp = 6 * u
			}
			b = append(b, layout.Block{Style: stBody, Text: p, Space: sp, Indent: 16 * u})
		}
	}
	s.flow.Layout(b, s.page.Body.W-72*u, a.Fonts)
	s.scroll.Resize(s.flow.Height+56*u, s.page.Body.H)
	bw := 260 * u
	bar := s.page.Bar
	s.back = button{R: layout.R(bar.X+(bar.W-bw)/2, bar.Y+4*u, bw, bar.H-8*u), Label: "Back", Primary: true}
	s.col.Reset()
	s.col.Add("back", s.back.R)
	if !s.col.OK(s.col.Focus) {
		s.col.FocusFirst()
	}
}

func (s *glossaryScene) Update(a *App) error {
	if c := s.col.Update(a, false); a.In.Back || c == 0 {
		a.GoTo(s.from)
		return nil
	}
	// One button: the arrows scroll the terms.
	wheelScroll(a, &s.scroll, s.page.Body, a.Fonts.lh[stBody], scrollLines)
	return nil
}

func (s *glossaryScene) Draw(a *App, dst *ebiten.Image) {
	p, u := a.P, a.U
	a.back.draw(a, dst)
	body := s.page.Body
	p.Shadow(dst, body, u)
	p.Rect(dst, body, colMeeting)
	clip := s.clip.get(dst, body)
	x, y := body.X+36*u, body.Y+28*u-s.scroll.Pos
	for i := range s.flow.Boxes {
		r := s.flow.Boxes[i].R.Offset(x, y)
		p.Rect(clip, layout.R(r.X, r.Y, r.W, max(u, 1)), colInkFaint)
	}
	i, j := s.flow.Visible(body.Y-y, body.Bottom()-y)
	for k := i; k < j; k++ {
		l := &s.flow.Lines[k]
		col := colInk
		if l.Tag == tagSoft {
			col = colInkSoft
		}
		p.Text(clip, l.Text, l.Style, x+l.X, y+l.Y, col)
	}
	scrollBar(a, dst, &s.scroll, layout.R(body.Right()-12*u, body.Y+10*u, 5*u, body.H-20*u), false)
	hover, focus := s.col.Lit(0)
	drawButton(a, dst, &s.back, hover, focus)
}
