package ui

import (
	"strconv"
	"strings"
	"sync"

	"bigthree/internal/contract"
	"bigthree/internal/scenario"
	"bigthree/internal/story"
)

// The text of every screen, for the browser page's text mirror
// (web/mirror.js): the state hook publishes it as contract.Screen, and the
// page writes it as headings, paragraphs and real buttons. Each scene says
// what it shows from the same model it draws (the story's document, after
// and ending; its own button labels), so the mirror never says more or less
// than the canvas.

// screenTexter is implemented by every scene.
type screenTexter interface {
	screenText(a *App, s *contract.Screen)
}

// screenOf returns the text of the screen on display.
func screenOf(a *App) *contract.Screen {
	s := &contract.Screen{Scene: a.scene.Name(), Blocks: []contract.Block{}, Buttons: []contract.ScreenButton{}}
	if t, ok := a.scene.(screenTexter); ok {
		t.screenText(a, s)
	}
	return s
}

func (s *textBuilder) block(kind, text string) {
	if text != "" {
		s.Blocks = append(s.Blocks, contract.Block{Kind: kind, Text: text})
	}
}

// footer adds text after the buttons.
func (s *textBuilder) footer(kind, text string) {
	if text != "" {
		s.Footer = append(s.Footer, contract.Block{Kind: kind, Text: text})
	}
}

func (s *textBuilder) paragraphs(kind string, pars []string) {
	for _, p := range pars {
		s.block(kind, p)
	}
}

func (s *textBuilder) button(id, label string) {
	s.Buttons = append(s.Buttons, contract.ScreenButton{ID: id, Label: label, Enabled: true})
}

// textBuilder adds to a screen's text.
type textBuilder struct{ *contract.Screen }

func meterTexts(meters []story.Meter) []contract.Meter {
	out := make([]contract.Meter, 0, len(meters))
	for _, m := range meters {
		out = append(out, contract.Meter{Label: m.Label, Value: m.After, Min: m.Min, Max: m.Max, Delta: m.Delta, Text: m.Words()})
	}
	return out
}

func (*loadingScene) screenText(a *App, s *contract.Screen) { s.Title = "Loading…" }

func (t *titleScene) screenText(a *App, s *contract.Screen) {
	b := textBuilder{s}
	s.Title = gameName
	s.Notice = a.Message
	b.block("p", t.subtitle)
	switch t.mode {
	case titleMain:
		for _, it := range t.items {
			s.Buttons = append(s.Buttons, contract.ScreenButton{ID: it.id, Label: it.label, Detail: it.detail, Enabled: true})
		}
	default:
		s.Prompt = "Choose a scenario"
		if t.mode == titleSaves {
			s.Prompt = "Choose a game to continue"
		}
		for i, c := range t.cards {
			s.Buttons = append(s.Buttons, contract.ScreenButton{ID: c.id, Label: c.label, Detail: c.detail, Key: keyName(i + 1), Enabled: true})
		}
		b.button("back", "Back")
	}
	b.footer("p", t.hintText)
}

// keyName is the number key of item n (1 to 9), or "".
func keyName(n int) string {
	if n < 1 || n > 9 {
		return ""
	}
	return strconv.Itoa(n)
}

func (c *confirmScene) screenText(a *App, s *contract.Screen) {
	b := textBuilder{s}
	s.Title = c.q.Title
	b.block("p", c.q.Text)
	for _, ch := range c.q.Choices {
		b.button(ch.ID, ch.Label)
	}
}

func (m *menuScene) screenText(a *App, s *contract.Screen) {
	b := textBuilder{s}
	s.Scene, s.Title = "menu", "Menu"
	for _, it := range m.items {
		b.button(it.id, it.label)
	}
}

func (d *deskScene) screenText(a *App, s *contract.Screen) {
	if d.ev < 0 {
		return
	}
	b := textBuilder{s}
	m := &d.doc.model
	s.Title = m.Title
	s.Notice = d.shownAt
	b.block("meta", m.Heading())
	b.block("meta", m.FromTo())
	if m.Kind == scenario.Letter && m.Sender != "" && m.SenderRole != "" {
		b.block("meta", m.Sender+", "+m.SenderRole)
	}
	b.paragraphs("p", m.Paragraphs)
	for _, l := range m.Lines {
		b.block("p", l.Words())
	}
	if m.Image != nil {
		b.block("note", m.Image.Words())
	}
	if m.Invented {
		b.block("note", m.InventedLine)
	}
	b.block("source", m.SourceLine())
	if n := m.Note; n != nil {
		b.block("h2", n.Heading)
		b.paragraphs("p", n.Paragraphs)
		if n.Source != "" {
			b.block("source", story.SourcePrefix+n.Source)
		}
	}
	s.Meters = meterTexts(story.Meters(a.Play.Run))
	s.Prompt = m.Prompt
	for _, r := range m.Replies {
		bt := contract.ScreenButton{ID: replyID(r), Label: r.Name(), Key: keyName(r.Number), Enabled: !r.Locked}
		if r.Locked {
			bt.Reason = r.LockedLine
		}
		s.Buttons = append(s.Buttons, bt)
	}
	b.button("menu", "Menu")
}

func (sc *afterScene) screenText(a *App, s *contract.Screen) {
	b := textBuilder{s}
	m := &sc.story
	if m.Continued {
		s.Title = story.ReadHeading
		b.block("quote", m.EventTitle)
	} else {
		s.Title = story.YourReplyHeading
		b.block("quote", "“"+m.Reply+"”")
		if len(m.Reactions) > 0 {
			b.block("h2", story.ReactionsHeading)
			for _, r := range m.Reactions {
				b.block("h3", r.Name)
				b.paragraphs("p", r.Paragraphs)
			}
		} else {
			b.block("note", story.NoReaction)
		}
	}
	for _, w := range m.Warnings {
		b.block("h2", story.WarningHeading)
		b.block("p", w.Text)
	}
	if n := m.Note; n != nil && !m.NoteOnDesk {
		b.block("h2", n.Heading)
		b.paragraphs("p", n.Paragraphs)
		if n.Verdict != nil {
			b.block("note", n.Verdict.Sentence)
		}
		if n.Source != "" {
			b.block("source", story.SourcePrefix+n.Source)
		}
	}
	s.Meters = meterTexts(m.Meters)
	b.button("continue", m.Next)
	b.button("menu", "Menu")
}

func (sc *endingScene) screenText(a *App, s *contract.Screen) {
	b := textBuilder{s}
	m := &sc.story
	v := m.Voice
	s.Title = m.Scenario + " · the end"
	if m.Reached {
		b.block("meta", s.Title)
		s.Title = m.Title
	}
	s.Notice = sc.msg
	b.block("h2", m.Card.Heading)
	if m.Card.Ending != "" {
		b.block("p", m.Card.Ending)
	}
	if m.Card.Closeness != "" {
		b.block("p", m.Card.Closeness)
	}
	for _, cm := range m.Card.Meters {
		b.block("p", cm.Words)
	}
	b.paragraphs("p", m.Paragraphs)
	if len(m.Epilogue) > 0 {
		b.block("h2", story.EpilogueHeading)
		b.paragraphs("p", m.Epilogue)
	}
	b.block("h2", v.PathsHeading())
	b.paragraphs("p", m.Chart.Words())
	b.block("p", m.Verdict)
	b.block("h2", v.RepliesHeading())
	for _, row := range m.Rows {
		b.block("h3", longDate(row.Date)+" — "+row.Title)
		if row.Invented {
			b.block("note", row.InventedLine)
		}
		b.block("p", "You: "+row.Reply)
		if row.Decision {
			b.block("note", row.Comparison)
		}
	}
	if len(m.Sources) > 0 {
		b.block("h2", "Sources")
		b.paragraphs("item", m.Sources)
	}
	s.Meters = meterTexts(m.Final)
	for i := range sc.buttons {
		b.button(endingIDs[i], sc.buttons[i].Label)
	}
}

func (e *errorsScene) screenText(a *App, s *contract.Screen) {
	b := textBuilder{s}
	s.Title = e.heading
	b.block("meta", "Scenario file: "+e.name)
	b.block("p", e.intro)
	for _, d := range e.diags {
		text := d.String()
		if ex := d.ExcerptLines(100); len(ex) > 0 {
			text += "\n" + strings.Join(ex, "\n")
		}
		b.block("pre", text)
	}
	if e.play != nil {
		b.button("play", e.playB.Label)
	}
	b.button("back", e.back.Label)
}

func (g *glossaryScene) screenText(a *App, s *contract.Screen) {
	b := textBuilder{s}
	s.Title = "Glossary"
	b.block("p", glossaryIntro)
	for _, t := range g.terms {
		b.block("h2", t.Term)
		b.paragraphs("p", t.Paragraphs)
	}
	b.button("back", g.back.Label)
}

func (st *settingsScene) screenText(a *App, s *contract.Screen) {
	b := textBuilder{s}
	s.Title = "Settings"
	for _, i := range st.visibleRows(a) {
		r := &st.rows[i]
		cur := r.get(a)
		for v, c := range r.choices {
			s.Buttons = append(s.Buttons, contract.ScreenButton{ID: r.choiceID(v), Label: c, Group: r.label, Pressed: v == cur, Enabled: true})
		}
	}
	b.button("back", "Back")
	if !st.sampleR.Empty() {
		b.footer("p", sampleText)
	}
	b.footer("note", st.note)
}

// acts are the intents the page's text mirror hands in
// (window.bigthree.act), taken one per tick.
type acts struct {
	mu    sync.Mutex
	queue []act
}

// act is one intent from the mirror, for the screen it was shown on (its
// Screen.Seq; 0 for whatever screen is on display): an act meant for a
// screen that has gone since is dropped, so a late click never acts on the
// next screen's button of the same id.
type act struct {
	in  Intent
	seq int
}

func (q *acts) push(in Intent, seq int) {
	q.mu.Lock()
	q.queue = append(q.queue, act{in, seq})
	q.mu.Unlock()
}

// apply adds the oldest act waiting, if any, to this tick's intents.
func (q *acts) apply(in *Intent, seq int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.queue) == 0 {
		return
	}
	ac := q.queue[0]
	q.queue = q.queue[1:]
	if ac.seq != 0 && ac.seq != seq {
		return
	}
	if ac.in.Choose != 0 {
		in.Choose = ac.in.Choose
	}
	if ac.in.Button != "" {
		in.Button = ac.in.Button
	}
	if ac.in.SetText {
		in.Text, in.SetText = ac.in.Text, true
	}
}
