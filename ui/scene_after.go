package ui

import (
	"github.com/hajimehoshi/ebiten/v2"

	"bigthree/internal/layout"
	"bigthree/internal/story"
)

// afterScene shows what a reply led to, as the story model has it: the
// characters' reactions, the meters moving, and the history note with its
// source and whether the reply was the historical one.
type afterScene struct {
	story  story.After
	rb     ribbon
	d      layout.Desk
	paper  layout.Rect
	text   layout.Rect
	flow   layout.Flow
	scroll layout.Scroll
	blocks []layout.Block
	meters meterPanel
	// The history note, in its own sheet in the side column below the
	// meters when the desk has two columns (in the one flow when stacked).
	notePaper, noteText layout.Rect
	noteFlow            layout.Flow
	noteScroll          layout.Scroll
	noteBlocks          []layout.Block
	noteClip            clipper
	cont                button
	menu                button
	col                 buttonColumn // Continue, then Menu (Tab only)
	clip                clipper
	first               bool
}

// newAfterScene shows what the run's latest step led to.
func newAfterScene(a *App) *afterScene {
	return &afterScene{story: story.AfterLast(a.Play.Run), col: newColumn(), first: true}
}

func (*afterScene) Name() string { return "after" }

func (s *afterScene) report() (int, int) { return 1, s.col.Focus }

func (s *afterScene) Layout(a *App) {
	u := a.U
	s.rb.past = true
	deskTop(a, &s.d, &s.rb, &s.menu)

	m := &s.story
	b := s.blocks[:0]
	if !m.Continued {
		b = append(b, layout.Block{Style: stLabel, Text: story.YourReplyHeading, Tag: tagSoft})
		b = append(b, layout.Block{Style: stItalic, Text: "“" + m.Reply + "”", Space: 4 * u})
		if len(m.Reactions) > 0 {
			b = append(b, layout.Block{Style: stLabel, Text: story.ReactionsHeading, Space: 22 * u, Tag: tagSoft})
			for i, r := range m.Reactions {
				// The box's tag is the reaction's index, for its seal and name.
				b = append(b, layout.Block{Box: boxReaction, Height: 44 * u, Space: 8 * u, Tag: i})
				for j, par := range r.Paragraphs {
					sp := 2 * u
					if j > 0 {
						sp = 6 * u
					}
					b = append(b, layout.Block{Style: stBody, Text: par, Indent: 56 * u, Space: sp})
				}
			}
		} else {
			b = append(b, layout.Block{Style: stSmallItalic, Text: story.NoReaction, Space: 14 * u, Tag: tagSoft})
		}
	} else {
		b = append(b, layout.Block{Style: stLabel, Text: story.ReadHeading, Tag: tagSoft})
		b = append(b, layout.Block{Style: stItalic, Text: m.EventTitle, Space: 4 * u})
	}
	for _, w := range m.Warnings {
		// Before it fires, the story says a trigger is near, in its voice.
		b = append(b, layout.Block{Box: boxRule, Height: u, Space: 24 * u})
		b = append(b, layout.Block{Style: stLabel, Text: story.WarningHeading, Space: 14 * u, Tag: tagRed})
		b = append(b, layout.Block{Style: stItalic, Text: w.Text, Space: 6 * u})
	}
	// Two columns: the note goes on a sheet of its own in the side column,
	// so both columns use the height; stacked, it follows the reactions.
	split := m.Note != nil && !s.d.Stacked
	nb := s.noteBlocks[:0]
	if n := m.Note; n != nil {
		if !split {
			b = append(b, layout.Block{Box: boxRule, Height: u, Space: 24 * u})
			nb = b
		}
		sp := 14 * u
		if split {
			sp = 0
		}
		nb = append(nb, layout.Block{Style: stLabel, Text: n.Heading, Space: sp, Tag: tagRed})
		nb = layout.AppendParagraphs(nb, n.Paragraphs, stBody, 6*u, 8*u)
		if n.Verdict != nil {
			nb = append(nb, layout.Block{Style: stSmallItalic, Text: n.Verdict.Sentence, Space: 8 * u, Tag: tagSoft})
		}
		if n.Source != "" {
			nb = append(nb, layout.Block{Style: stSmallItalic, Text: story.SourcePrefix + n.Source, Space: 10 * u, Tag: tagFaint})
		}
		if !split {
			b, nb = nb, s.noteBlocks[:0]
		}
	}
	s.blocks, s.noteBlocks = b, nb
	s.paper = s.d.Doc
	s.text = s.paper.InsetXY(34*u, 26*u)
	s.flow.Layout(s.blocks, s.text.W-14*u, a.Fonts)
	if h := s.flow.Height + 64*u; h < s.paper.H && !s.d.Stacked {
		// Short reactions sit on a sheet of their size, not on a whole page.
		s.paper.H = max(h, s.paper.H*0.45)
		s.text = s.paper.InsetXY(34*u, 26*u)
	}
	s.scroll.Resize(s.flow.Height+12*u, s.text.H)

	side := s.d.Side
	if len(m.Meters) > 0 {
		s.meters.R, side = side.CutTop(s.meters.height(a, len(m.Meters)), 20*u)
	} else {
		s.meters.R = layout.Rect{}
	}
	// Animate the bars only when the scene is entered, not on a resize.
	s.meters.setup(m.Meters, s.first && a.Motion())
	s.first = false
	bh := a.Fonts.lh[stButton] + 24*u
	s.notePaper, s.noteText = layout.Rect{}, layout.Rect{}
	if split {
		// Continue at the foot of the column, the note above it.
		var cont layout.Rect
		cont, side = side.CutBottom(bh, 16*u)
		s.cont = button{R: cont, Label: m.Next, Primary: true}
		pad := 24 * u
		s.noteFlow.Layout(s.noteBlocks, side.W-2*pad-14*u, a.Fonts)
		s.notePaper = side
		if h := s.noteFlow.Height + 2*pad + 12*u; h < side.H {
			// A short note: its sheet is its size, and Continue follows it.
			s.notePaper.H = h
			s.cont.R.Y = s.notePaper.Bottom() + 16*u
		}
		s.noteText = s.notePaper.InsetXY(pad, pad)
		s.noteScroll.Resize(s.noteFlow.Height+12*u, s.noteText.H)
	} else {
		s.noteFlow.Layout(nil, 1, a.Fonts)
		s.cont = button{R: layout.R(side.X, side.Y, side.W, bh), Label: m.Next, Primary: true}
	}
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
	if !s.notePaper.Empty() {
		wheelScroll(a, &s.noteScroll, s.notePaper, a.Fonts.lh[stBody], scrollLines)
	}
	return nil
}

func (s *afterScene) next(a *App) {
	if s.story.Over {
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
			re := &s.story.Reactions[bx.Tag]
			if !drawPicture(clip, re.Portrait, layout.R(r.X, r.Y, 44*u, 44*u)) {
				drawEmblem(a, clip, re.Character, r.X+22*u, r.Y+22*u, 20*u)
			}
			p.Text(clip, re.Name, stBold, r.X+56*u, r.Y+(r.H-a.Fonts.lh[stBold])/2, a.Play.charCol(re.Character))
		}
	}
	p.Flow(clip, &s.flow, x, y, s.text, lineColor)
	scrollBar(a, dst, &s.scroll, layout.R(s.paper.Right()-12*u, s.text.Y, 5*u, s.text.H), false)
	if !s.notePaper.Empty() {
		p.Shadow(dst, s.notePaper, u)
		p.Rect(dst, s.notePaper, colLetter)
		p.Frame(dst, s.notePaper, u, colLetter.Mix(colInk, 0.18))
		nclip := s.noteClip.get(dst, s.noteText.InsetXY(-8*u, 0))
		p.Flow(nclip, &s.noteFlow, s.noteText.X, s.noteText.Y-s.noteScroll.Pos, s.noteText, lineColor)
		scrollBar(a, dst, &s.noteScroll, layout.R(s.notePaper.Right()-10*u, s.noteText.Y, 5*u, s.noteText.H), false)
	}
	if !s.meters.R.Empty() {
		s.meters.draw(a, dst)
	}
	hover, focus = s.col.Lit(0)
	drawButton(a, dst, &s.cont, hover, focus)
}

func (s *afterScene) listButtons(a *App, b *buttonList) { s.col.list(b) }
