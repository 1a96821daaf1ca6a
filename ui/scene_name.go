package ui

import (
	"time"
	"unicode"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"

	"bigthree/internal/contract"
	"bigthree/internal/layout"
	"bigthree/internal/store"
	"bigthree/internal/story"
)

// maxStudentName is the longest name the transcript keeps, in characters.
const maxStudentName = 60

// nameScene asks, at Save transcript, for the name the teacher will see on
// the transcript and in the class report. It starts with the name given last
// time (kept in the settings); an empty name is allowed.
type nameScene struct {
	ending  *endingScene
	name    []rune
	typed   []rune
	card    layout.Rect
	field   layout.Rect
	titleY  float64
	prompt  layout.Flow
	promptY float64
	buttons []button
	rects   []layout.Rect
	col     buttonColumn
}

func newNameScene(a *App, from *endingScene) *nameScene {
	return &nameScene{ending: from, name: []rune(a.Settings.StudentName), col: newColumn()}
}

func (*nameScene) Name() string { return "name" }

func (s *nameScene) input() string { return string(s.name) }

// namePrompt says what the name is for.
const namePrompt = "Your name, as your teacher will see it on the transcript. You may leave it empty. Type it, then press Enter."

func (s *nameScene) screenText(a *App, sc *contract.Screen) {
	t := textBuilder{sc}
	sc.Title = "Save transcript"
	t.block("p", namePrompt)
	sc.Field = &contract.Field{ID: "student-name", Label: "Your name", Value: string(s.name), Max: maxStudentName}
	t.button("save-name", "Save transcript")
	t.button("cancel", "Cancel")
}

func (s *nameScene) report() (int, int) { return s.col.focusReport() }

func (s *nameScene) Layout(a *App) {
	u := a.U
	f := a.Fonts
	w := min(a.W-80*u, 640*u)
	s.prompt.Layout([]layout.Block{{Style: stBody, Text: namePrompt}}, w-64*u, f)
	bh := f.lh[stButton] + 22*u
	fh := f.lh[stBody] + 20*u
	h := 32*u + f.lh[stTitle] + 14*u + s.prompt.Height + 18*u + fh + 28*u + bh + 32*u
	s.card = layout.R((a.W-w)/2, (a.H-h)/2, w, h)
	s.titleY = s.card.Y + 32*u
	s.promptY = s.titleY + f.lh[stTitle] + 14*u
	s.field = layout.R(s.card.X+32*u, s.promptY+s.prompt.Height+18*u, w-64*u, fh)
	s.rects = layout.Row(s.rects[:0], layout.R(s.card.X+32*u, s.field.Bottom()+28*u, w-64*u, bh), 2, 16*u)
	s.buttons = append(s.buttons[:0], button{R: s.rects[0], Label: "Save transcript", Primary: true}, button{R: s.rects[1], Label: "Cancel"})
	s.col.Reset()
	// Side by side: Left, Right and Tab move between them.
	s.col.Add("save-name", s.rects[0])
	s.col.Items[s.col.Add("cancel", s.rects[1])].Row = 0
	if !s.col.OK(s.col.Focus) {
		s.col.FocusFirst()
	}
}

// editName applies what was typed in one tick to a name: printable
// characters are added up to maxStudentName, Backspace removes the last one.
func editName(name, typed []rune, backspace bool) []rune {
	if backspace && len(name) > 0 {
		name = name[:len(name)-1]
	}
	for _, r := range typed {
		if len(name) < maxStudentName && unicode.IsPrint(r) && (r != ' ' || len(name) > 0) {
			name = append(name, r)
		}
	}
	return name
}

// readTyping reads the characters typed this tick and whether Backspace
// was pressed (with key repeat). Text is the one input no intent carries,
// so this scene reads it itself.
func (s *nameScene) readTyping(a *App) ([]rune, bool) {
	if a.feed != nil {
		return nil, false
	}
	s.typed = ebiten.AppendInputChars(s.typed[:0])
	d := inpututil.KeyPressDuration(ebiten.KeyBackspace)
	return s.typed, d == 1 || d >= 24 && (d-24)%4 == 0
}

func (s *nameScene) Update(a *App) error {
	typed, back := s.readTyping(a)
	if len(typed) > 0 || back {
		s.name = editName(s.name, typed, back)
		a.Redraw()
	}
	if a.In.SetText {
		// The whole value of the page's text box (the text mirror).
		s.name = editName(nil, []rune(a.In.Text), false)
		a.Redraw()
	}
	if a.In.Back {
		a.GoTo(s.ending)
		return nil
	}
	in := a.In
	for _, r := range typed {
		if r == ' ' {
			// A space typed into the name does not press the button.
			in.Activate = false
		}
	}
	saved := a.In
	a.In = in
	i := s.col.Update(a, true)
	a.In = saved
	if i >= 0 {
		s.act(a, i)
	}
	return nil
}

func (s *nameScene) act(a *App, i int) {
	if i == 0 {
		name := string(editName(nil, s.name, false))
		if name != a.Settings.StudentName {
			a.Settings.StudentName = name
			a.saveSettings()
		}
		s.ending.saveTranscript(a, name)
	}
	a.GoTo(s.ending)
}

func (s *nameScene) Draw(a *App, dst *ebiten.Image) {
	p, u := a.P, a.U
	a.back.draw(a, dst)
	p.Shadow(dst, s.card, u)
	p.Rect(dst, s.card, colLetter)
	p.Text(dst, "Save transcript", stTitle, s.card.X+32*u, s.titleY, colInk)
	p.Flow(dst, &s.prompt, s.card.X+32*u, s.promptY, s.card, func(*layout.Line) Col { return colInkSoft })
	p.RoundFrame(dst, s.field, 4*u, 2*u, colInk, colCard)
	text := fitTail(a, string(s.name), stBody, s.field.W-28*u)
	ty := s.field.Y + (s.field.H-a.Fonts.lh[stBody])/2
	p.Text(dst, text, stBody, s.field.X+12*u, ty, colInk)
	cx := s.field.X + 12*u + a.Fonts.Measure(stBody, text) + 2*u
	p.Rect(dst, layout.R(cx, ty+3*u, 2*u, a.Fonts.lh[stBody]-6*u), colInk) // the caret
	for i := range s.buttons {
		hover, focus := s.col.Lit(i)
		drawButton(a, dst, &s.buttons[i], hover, focus)
	}
}

func (s *nameScene) listButtons(a *App, b *buttonList) { s.col.list(b) }

// fitTail keeps the end of s (where the caret is) and drops its start
// behind an ellipsis until it fits in width.
func fitTail(a *App, s string, style int, width float64) string {
	if a.Fonts.Measure(style, s) <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 1 && a.Fonts.Measure(style, "…"+string(r)) > width {
		r = r[1:]
	}
	return "…" + string(r)
}

// saveTranscript writes the transcript with the student's name and shows
// where it went.
func (s *endingScene) saveTranscript(a *App, student string) {
	p := a.Play
	t := story.MakeTranscript(p.Run, time.Now())
	t.Student = student
	name := store.TranscriptName(p.S.ID, time.Now().Format("20060102-150405"))
	msg, err := store.Export(name, t.Markdown(p.S), t.JSON())
	if err != nil {
		msg = "The transcript could not be saved: " + err.Error()
	} else {
		s.saved = msg
	}
	s.msg = msg
	pos := s.scroll.Pos
	s.Layout(a)
	s.scroll.Jump(pos)
	a.Redraw()
}
