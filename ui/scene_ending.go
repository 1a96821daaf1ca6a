package ui

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"bigthree/internal/layout"
	"bigthree/internal/story"
)

// endingScene shows the ending reached and the debrief, as the story model
// has them: the meters over time beside the historical path, the player's
// replies beside the historical ones, and the sources. The transcript can
// be saved from here.
type endingScene struct {
	page    layout.Page
	body    layout.Rect
	flow    layout.Flow
	blocks  []layout.Block
	scroll  layout.Scroll
	chart   *ebiten.Image
	chartW  int
	chartH  int
	chartOf *Theme // the theme the chart was drawn in
	buttons []button
	col     buttonColumn
	msg     string
	saved   string // the transcript saved, so Save transcript again does not save a copy
	msgFlow layout.Flow
	msgR    layout.Rect
	clip    clipper
	story   story.Ending
}

func newEndingScene(a *App) *endingScene {
	return &endingScene{col: newColumn(), story: story.EndingOf(a.Play.Run)}
}

func (*endingScene) Name() string { return "ending" }

func (s *endingScene) report() (int, int) { return s.col.focusReport() }

func (s *endingScene) message() string { return s.msg }

const (
	tagHead = 100 + iota
	tagSame
)

func (s *endingScene) Layout(a *App) {
	u := a.U
	m := &s.story
	v := m.Voice
	s.page = layout.PageLayout(a.W, a.H, u, 980)
	s.body = s.page.Body
	if s.msg != "" {
		s.msgFlow.Layout([]layout.Block{{Style: stSmall, Text: s.msg}}, s.body.W-28*u, a.Fonts)
		s.msgR, s.body = s.body.CutBottom(s.msgFlow.Height+20*u, 12*u)
	}
	b := s.blocks[:0]
	b = append(b, layout.Block{Style: stLabel, Text: m.Scenario + " · the end", Tag: tagSoft})
	// The verdict card comes first: which ending, how close to history,
	// and where the meters ended beside the historical path's.
	card := &m.Card
	b = append(b, layout.Block{Style: stLabel, Text: card.Heading, Space: 14 * u, Tag: tagRed})
	if card.Ending != "" {
		b = append(b, layout.Block{Style: stBold, Text: card.Ending, Space: 6 * u})
	}
	if card.Closeness != "" {
		b = append(b, layout.Block{Style: stBody, Text: card.Closeness, Space: 4 * u})
	}
	for k, cm := range card.Meters {
		b = append(b, layout.Block{Style: stSmall, Text: cm.Words, Space: 8 * u})
		b = append(b, layout.Block{Box: boxCardMeter, Height: 14 * u, Space: 2 * u, Tag: k})
	}
	b = append(b, layout.Block{Box: boxRule, Height: u, Space: 18 * u})
	if m.Reached {
		b = append(b, layout.Block{Style: stHeadline, Text: m.Title, Space: 6 * u})
		b = layout.AppendParagraphs(b, m.Paragraphs, stBody, 14*u, 10*u)
		if len(m.Epilogue) > 0 {
			b = append(b, layout.Block{Style: stLabel, Text: story.EpilogueHeading, Space: 22 * u, Tag: tagRed})
			b = layout.AppendParagraphs(b, m.Epilogue, stBody, 6*u, 10*u)
		}
	}
	b = append(b, layout.Block{Style: stLabel, Text: v.PathsHeading(), Space: 26 * u, Tag: tagRed})
	chartH := max(280*u, min(a.H*0.45, 420*u))
	b = append(b, layout.Block{Box: boxChart, Height: chartH, Space: 8 * u})
	if m.Verdict != "" {
		b = append(b, layout.Block{Style: stBold, Text: m.Verdict, Space: 16 * u})
	}
	b = append(b, layout.Block{Style: stLabel, Text: v.RepliesHeading(), Space: 22 * u, Tag: tagRed})
	for _, row := range m.Rows {
		b = append(b, layout.Block{Style: stSmallBold, Text: longDate(row.Date) + " — " + row.Title, Space: 12 * u, Tag: tagHead})
		if row.Invented {
			b = append(b, layout.Block{Style: stSmallItalic, Text: row.InventedLine, Indent: 18 * u, Space: 2 * u, Tag: tagSoft})
		}
		b = append(b, layout.Block{Style: stSmall, Text: "You: " + row.Reply, Indent: 18 * u, Space: 2 * u})
		switch {
		case !row.Decision:
		case row.Matched:
			b = append(b, layout.Block{Style: stSmallItalic, Text: row.Comparison, Indent: 18 * u, Tag: tagSame})
		default:
			b = append(b, layout.Block{Style: stSmallItalic, Text: row.Comparison, Indent: 18 * u, Tag: tagSoft})
		}
	}
	if len(m.Sources) > 0 {
		b = append(b, layout.Block{Style: stLabel, Text: "Sources", Space: 24 * u, Tag: tagRed})
		for _, src := range m.Sources {
			b = append(b, layout.Block{Style: stSmall, Text: src, Space: 4 * u, Indent: 18 * u, Tag: tagSoft})
		}
	}
	s.blocks = b
	s.flow.Layout(b, s.body.W-72*u, a.Fonts)
	s.scroll.Resize(s.flow.Height+56*u, s.body.H)

	for _, bx := range s.flow.Boxes {
		if bx.Box == boxChart {
			w, h := int(bx.R.W), int(bx.R.H)
			if s.chart == nil || s.chartW != w || s.chartH != h || s.chartOf != currentTheme {
				if s.chart != nil {
					s.chart.Deallocate()
				}
				s.chart = drawChart(a, &s.story.Chart, w, h)
				s.chartW, s.chartH, s.chartOf = w, h, currentTheme
			}
		}
	}

	labels := []string{"Save transcript", "Play again", "Title"}
	s.buttons = s.buttons[:0]
	rs := layout.Row(nil, s.page.Bar.InsetXY(0, 4*u), len(labels), 16*u)
	for i, l := range labels {
		s.buttons = append(s.buttons, button{R: rs[i], Label: l, Primary: i == 0})
	}
	s.col.Reset()
	for i := range s.buttons {
		s.col.Items = append(s.col.Items, focusItem{ID: endingIDs[i], R: s.buttons[i].R, Enabled: true})
	}
	if !s.col.OK(s.col.Focus) {
		s.col.FocusFirst()
	}
}

func (s *endingScene) Update(a *App) error {
	if a.In.Back {
		a.GoTo(newTitleScene(a))
		return nil
	}
	if i := s.col.Update(a, true); i >= 0 {
		s.act(a, i)
		return nil
	}
	wheelScroll(a, &s.scroll, s.body, a.Fonts.lh[stBody], scrollPages)
	return nil
}

func (s *endingScene) act(a *App, i int) {
	p := a.Play
	switch i {
	case 0:
		if s.saved != "" {
			s.msg = "This transcript is saved already. " + s.saved
			s.Layout(a)
			a.Redraw()
			return
		}
		a.GoTo(newNameScene(a, s))
	case 1:
		a.follow(a.Session.Restart(p.Play))
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
		r := bx.R.Offset(x, y)
		switch {
		case bx.Box == boxChart && s.chart != nil:
			p.Image(clip, s.chart, r, 1)
		case bx.Box == boxRule:
			p.Rect(clip, layout.R(r.X, r.Y, r.W, max(u, 1)), colInkFaint)
		case bx.Box == boxCardMeter:
			s.drawCardMeter(a, clip, &s.story.Card.Meters[bx.Tag], r)
		}
	}
	p.Flow(clip, &s.flow, x, y, s.body, func(l *layout.Line) Col {
		switch l.Tag {
		case tagSoft:
			return colInkSoft
		case tagRed:
			return colRed
		case tagSame:
			return colSame
		}
		return colInk
	})
	scrollBar(a, dst, &s.scroll, layout.R(s.body.Right()-12*u, s.body.Y+10*u, 5*u, s.body.H-20*u), false)
	if s.msg != "" {
		noticeBox(a, dst, s.msgR, &s.msgFlow)
	}
	for i := range s.buttons {
		hover, focus := s.col.Lit(i)
		drawButton(a, dst, &s.buttons[i], hover, focus)
	}
}

// drawCardMeter draws one meter of the verdict card: a bar filled to the
// player's final value in the meter's chart colour, with a hollow mark
// where the historical path ended.
func (s *endingScene) drawCardMeter(a *App, dst *ebiten.Image, cm *story.CardMeter, r layout.Rect) {
	p, u := a.P, a.U
	bar := layout.R(r.X, r.Y+3*u, math.Min(r.W, 420*u), 8*u)
	span := math.Max(1, float64(cm.Max-cm.Min))
	p.Round(dst, bar, 4*u, colInkFaint.Alpha(0.35))
	f := layout.Clamp(float64(cm.Yours-cm.Min)/span, 0, 1)
	p.Round(dst, layout.R(bar.X, bar.Y, math.Max(bar.H, bar.W*f), bar.H), 4*u, chartColor(cm.ChartLine))
	if cm.HasHistory {
		hx := bar.X + bar.W*layout.Clamp(float64(cm.History-cm.Min)/span, 0, 1)
		p.Rect(dst, layout.R(hx-2*u, r.Y, 4*u, r.H), colInk)
		p.Rect(dst, layout.R(hx-u, r.Y+u, 2*u, r.H-2*u), colLetter)
	}
}

var endingIDs = [...]string{"save-transcript", "play-again", "title"}

func (s *endingScene) listButtons(a *App, b *buttonList) { s.col.list(b) }
