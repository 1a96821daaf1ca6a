package ui

import (
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"bigthree/internal/layout"
	"bigthree/internal/rules"
)

// endingScene shows the ending reached and the debrief: the meters over
// time beside Roosevelt's path, the player's replies beside his, and the
// sources. The transcript can be saved from here.
type endingScene struct {
	page    layout.Page
	body    layout.Rect
	flow    layout.Flow
	blocks  []layout.Block
	scroll  layout.Scroll
	chart   *ebiten.Image
	chartW  int
	chartH  int
	buttons []button
	rects   []layout.Rect
	focus   int
	hover   int
	msg     string
	msgFlow layout.Flow
	msgR    layout.Rect
	clip    clipper
	tr      rules.Transcript
}

func newEndingScene(a *App) *endingScene {
	s := &endingScene{hover: -1}
	s.tr = rules.MakeTranscript(a.Play.Run, time.Time{})
	return s
}

func (*endingScene) Name() string { return "ending" }

func (s *endingScene) report() (int, int) { return len(s.buttons), s.focus }

func (s *endingScene) message() string { return s.msg }

const (
	tagHead = 100 + iota
	tagSame
)

func (s *endingScene) Layout(a *App) {
	u := a.U
	p := a.Play
	sc := p.S
	run := p.Run
	s.page = layout.PageLayout(a.W, a.H, u, 980)
	s.body = s.page.Body
	if s.msg != "" {
		s.msgFlow.Layout([]layout.Block{{Style: stSmall, Text: s.msg}}, s.body.W-28*u, a.Fonts)
		s.msgR, s.body = s.body.CutBottom(s.msgFlow.Height+20*u, 12*u)
	}
	b := s.blocks[:0]
	b = append(b, layout.Block{Style: stLabel, Text: sc.Title + " · the end", Tag: tagSoft})
	if e := run.Ending(); e >= 0 {
		end := &sc.Endings[e]
		b = append(b, layout.Block{Style: stHeadline, Text: end.Title, Space: 6 * u})
		b = layout.AppendParagraphs(b, end.Text, stBody, 14*u, 10*u)
		if end.Epilogue != "" {
			b = append(b, layout.Block{Style: stLabel, Text: "What really happened", Space: 22 * u, Tag: tagRed})
			b = layout.AppendParagraphs(b, end.Epilogue, stBody, 6*u, 10*u)
		}
	}
	b = append(b, layout.Block{Style: stLabel, Text: "Your path and Roosevelt's", Space: 26 * u, Tag: tagRed})
	chartH := max(280*u, min(a.H*0.45, 420*u))
	b = append(b, layout.Block{Box: boxChart, Height: chartH, Space: 8 * u})
	if s.tr.Decisions > 0 {
		b = append(b, layout.Block{Style: stBold, Text: "Your replies matched Roosevelt's in " + itoa(s.tr.Matches) + " of " + itoa(s.tr.Decisions) + " decisions.", Space: 16 * u})
	}
	b = append(b, layout.Block{Style: stLabel, Text: "Your replies and Roosevelt's", Space: 22 * u, Tag: tagRed})
	for _, st := range s.tr.Steps {
		if st.Choice == rules.ContinueID && st.Historical == "" {
			continue
		}
		date, _ := time.Parse("2006-01-02", st.Date)
		b = append(b, layout.Block{Style: stSmallBold, Text: longDate(date) + " — " + st.EventTitle, Space: 12 * u, Tag: tagHead})
		b = append(b, layout.Block{Style: stSmall, Text: "You: " + st.ChoiceText, Indent: 18 * u, Space: 2 * u})
		switch {
		case st.Historical == "":
		case st.MatchesHist:
			b = append(b, layout.Block{Style: stSmallItalic, Text: "Roosevelt: the same.", Indent: 18 * u, Tag: tagSame})
		default:
			b = append(b, layout.Block{Style: stSmallItalic, Text: "Roosevelt: " + st.Historical, Indent: 18 * u, Tag: tagSoft})
		}
	}
	if len(s.tr.Sources) > 0 {
		b = append(b, layout.Block{Style: stLabel, Text: "Sources", Space: 24 * u, Tag: tagRed})
		for _, src := range s.tr.Sources {
			b = append(b, layout.Block{Style: stSmall, Text: src, Space: 4 * u, Indent: 18 * u, Tag: tagSoft})
		}
	}
	s.blocks = b
	s.flow.Layout(b, s.body.W-72*u, a.Fonts)
	s.scroll.Resize(s.flow.Height+56*u, s.body.H)

	for _, bx := range s.flow.Boxes {
		if bx.Box == boxChart {
			w, h := int(bx.R.W), int(bx.R.H)
			if s.chart == nil || s.chartW != w || s.chartH != h {
				if s.chart != nil {
					s.chart.Deallocate()
				}
				s.chart = drawChart(a, w, h)
				s.chartW, s.chartH = w, h
			}
		}
	}

	labels := []string{"Save transcript", "Play again", "Title"}
	s.buttons = s.buttons[:0]
	rs := layout.Row(nil, s.page.Bar.InsetXY(0, 4*u), len(labels), 16*u)
	for i, l := range labels {
		s.buttons = append(s.buttons, button{R: rs[i], Label: l, Primary: i == 0})
	}
	s.rects = rs
}

func (s *endingScene) Update(a *App) error {
	in := &a.In
	s.hover = hoverIndex(a, s.rects, s.hover)
	n := len(s.buttons)
	switch {
	case in.Esc:
		a.GoTo(newTitleScene(a))
		return nil
	case in.Left || in.BackTab:
		s.focus = layout.Cycle(s.focus, -1, n)
		a.Redraw()
	case in.Right || in.Tab:
		s.focus = layout.Cycle(s.focus, 1, n)
		a.Redraw()
	case in.Enter:
		s.act(a, s.focus)
		return nil
	}
	if i := clicked(a, s.rects); i >= 0 {
		s.focus = i
		s.act(a, i)
		return nil
	}
	wheelScroll(a, &s.scroll, s.body, a.Fonts.lh[stBody], true)
	if in.Down_ {
		s.scroll.By(a.Fonts.lh[stBody] * 2)
	}
	if in.Up {
		s.scroll.By(-a.Fonts.lh[stBody] * 2)
	}
	if in.Space {
		s.scroll.By(s.scroll.Page(a.Fonts.lh[stBody]))
	}
	return nil
}

func (s *endingScene) act(a *App, i int) {
	p := a.Play
	switch i {
	case 0:
		a.GoTo(newNameScene(a, s))
	case 1:
		a.startNew(p.S, p.Origin)
	case 2:
		a.GoTo(newTitleScene(a))
	}
}

func (s *endingScene) Draw(a *App, dst *ebiten.Image) {
	p, u := a.P, a.U
	a.back.draw(a, dst)
	p.Shadow(dst, s.body, u)
	p.Rect(dst, s.body, colLetter)
	clip := s.clip.get(dst, s.body)
	x, y := s.body.X+36*u, s.body.Y+28*u-s.scroll.Pos
	for i := range s.flow.Boxes {
		bx := &s.flow.Boxes[i]
		if bx.Box == boxChart && s.chart != nil {
			r := bx.R.Offset(x, y)
			p.Image(clip, s.chart, r, 1)
		}
	}
	p.Flow(clip, &s.flow, x, y, s.body, func(l *layout.Line) Col {
		switch l.Tag {
		case tagSoft:
			return colInkSoft
		case tagRed:
			return colRed
		case tagSame:
			return hex(0x1f6b4a)
		}
		return colInk
	})
	scrollBar(a, dst, &s.scroll, layout.R(s.body.Right()-12*u, s.body.Y+10*u, 5*u, s.body.H-20*u), false)
	if s.msg != "" {
		noticeBox(a, dst, s.msgR, &s.msgFlow)
	}
	for i := range s.buttons {
		drawButton(a, dst, &s.buttons[i], i == s.hover, i == s.focus)
	}
}

var endingIDs = [...]string{"save-transcript", "play-again", "title"}

func (s *endingScene) listButtons(a *App, b *buttonList) {
	for i := range s.buttons {
		b.add(endingIDs[i], s.buttons[i].R, true)
	}
}
