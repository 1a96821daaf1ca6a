package ui

import (
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"bigthree/internal/layout"
	"bigthree/internal/scenario"
)

// errorsScene shows why a scenario could not be loaded: every diagnostic
// as b3 prints it (file:line:col: error: message [code], then its line of
// the file and a caret under the column), readable and scrollable, with a
// way back. With play set it lists the warnings of a scenario that can be
// played, and offers to play it.
type errorsScene struct {
	name   string
	diags  scenario.Diagnostics
	play   func()
	page   layout.Page
	flow   layout.Flow
	scroll layout.Scroll
	back   button
	col    buttonColumn
	playB  button
	clip   clipper
	// heading and intro are the screen's title and its first paragraph;
	// msg is the state hook's message (worked out once: the hook asks
	// every tick).
	heading, intro, msg string
}

func newErrorsScene(name string, diags scenario.Diagnostics) *errorsScene {
	return &errorsScene{name: name, diags: diags, col: newColumn()}
}

// newWarningsScene lists the problems of a scenario that loaded, then
// play starts it.
func newWarningsScene(name string, diags scenario.Diagnostics, play func()) *errorsScene {
	return &errorsScene{name: name, diags: diags, play: play, col: newColumn()}
}

func (s *errorsScene) Name() string {
	if s.play != nil {
		return "warnings"
	}
	return "errors"
}

func (s *errorsScene) report() (int, int) {
	if s.play != nil {
		return 2, 0
	}
	return 1, 0
}

func (s *errorsScene) message() string {
	if s.msg == "" {
		s.msg = s.name + ": " + s.diags.Summary()
	}
	return s.msg
}

const (
	tagError = 200 + iota
	tagWarning
)

func (s *errorsScene) Layout(a *App) {
	u := a.U
	s.page = layout.PageLayout(a.W, a.H, u, 1000)
	var b []layout.Block
	b = append(b, layout.Block{Style: stLabel, Text: "Scenario file", Tag: tagSoft})
	summary := s.diags.Summary()
	if len(s.diags) == 0 {
		summary = "no details were given"
	}
	if s.play != nil {
		s.heading = "This scenario has problems, but it can be played"
		s.intro = "The file has " + summary + ". Each problem below says where it is (file:line:column) and what is probably a mistake (parts of the story that nobody can reach, or where a game can get stuck), then shows that line of the file with a ^ under the place. Tell your teacher; you can play it anyway."
	} else {
		s.heading = "This scenario could not be opened"
		s.intro = "The file has " + summary + ". Each problem below says where it is (file:line:column) and what is wrong, then shows that line of the file with a ^ under the place; fix them in a text editor and open the file again. Teachers can check a file without the game with the b3 check command, or in the Studio."
	}
	b = append(b, layout.Block{Style: stTitle, Text: s.heading, Space: 4 * u})
	b = append(b, layout.Block{Style: stMono, Text: s.name, Space: 6 * u, Tag: tagSoft})
	b = append(b, layout.Block{Style: stBody, Text: s.intro, Space: 10 * u})
	b = append(b, layout.Block{Box: boxRule, Height: u, Space: 14 * u})
	width := s.page.Body.W - 72*u
	// The excerpt under each problem is as wide as the panel allows, in
	// columns of the mono face.
	excerptIndent := 32 * u
	cols := int((width-excerptIndent)/a.Fonts.Measure(stMono, "0")) - scenario.ExcerptGutter
	for _, d := range s.diags {
		tag := tagError
		if d.Severity == scenario.Warning {
			tag = tagWarning
		}
		b = append(b, layout.Block{Style: stMono, Text: d.String(), Space: 8 * u, Tag: tag, Indent: 16 * u})
		for i, line := range d.ExcerptLines(max(cols, 20)) {
			// No-break spaces keep the indentation and the caret's place:
			// the flow would fold ordinary spaces together.
			sp := 0.0
			if i == 0 {
				sp = 4 * u
			}
			b = append(b, layout.Block{Style: stMono, Text: strings.ReplaceAll(line, " ", "\u00a0"), Space: sp, Indent: excerptIndent})
		}
	}
	s.flow.Layout(b, width, a.Fonts)
	s.scroll.Resize(s.flow.Height+56*u, s.page.Body.H)
	bw := 260 * u
	bar := s.page.Bar
	s.col.Reset()
	if s.play != nil {
		gap := 16 * u
		x := bar.X + (bar.W-2*bw-gap)/2
		s.playB = button{R: layout.R(x, bar.Y+4*u, bw, bar.H-8*u), Label: "Play anyway", Primary: true}
		s.back = button{R: layout.R(x+bw+gap, bar.Y+4*u, bw, bar.H-8*u), Label: "Back to the title page"}
		// Side by side on one row: Left and Right move between them, Up
		// and Down scroll the problems.
		s.col.Add("play", s.playB.R)
		s.col.Items[s.col.Add("back", s.back.R)].Row = 0
	} else {
		s.back = button{R: layout.R(bar.X+(bar.W-bw)/2, bar.Y+4*u, bw, bar.H-8*u), Label: "Back to the title page", Primary: true}
		s.col.Add("back", s.back.R)
	}
	if !s.col.OK(s.col.Focus) {
		s.col.FocusFirst()
	}
}

func (s *errorsScene) Update(a *App) error {
	c := s.col.Update(a, s.play != nil)
	if s.play != nil && c == 0 {
		s.play()
		return nil
	}
	if a.In.Back || (s.play == nil && c == 0) || (s.play != nil && c == 1) {
		a.GoTo(newTitleScene(a))
		return nil
	}
	// One button: the arrows scroll the list of problems.
	wheelScroll(a, &s.scroll, s.page.Body, a.Fonts.lh[stMono], scrollLines)
	return nil
}

func (s *errorsScene) Draw(a *App, dst *ebiten.Image) {
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
		switch l.Tag {
		case tagSoft:
			col = colInkSoft
		case tagError, tagWarning:
			// A coloured mark at the start of each problem's first line.
			if k == 0 || s.flow.Lines[k-1].Block != l.Block {
				m := colRed
				if l.Tag == tagWarning {
					m = colWarningMark
				}
				p.Rect(clip, layout.R(x, y+l.Y+4*u, 5*u, l.H-8*u), m)
			}
		}
		p.Text(clip, l.Text, l.Style, x+l.X, y+l.Y, col)
	}
	scrollBar(a, dst, &s.scroll, layout.R(body.Right()-12*u, body.Y+10*u, 5*u, body.H-20*u), false)
	if s.play != nil {
		hover, focus := s.col.Lit(0)
		drawButton(a, dst, &s.playB, hover, focus)
		hover, focus = s.col.Lit(1)
		drawButton(a, dst, &s.back, hover, focus)
		return
	}
	hover, focus := s.col.Lit(0)
	drawButton(a, dst, &s.back, hover, focus)
}

func (s *errorsScene) listButtons(a *App, b *buttonList) { s.col.list(b) }
