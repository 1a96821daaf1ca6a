// Package story works out what the player sees: after a reply (the
// reactions, the history note and its source, whether the reply matched the
// historical one, the meters moving) and at the end (the ending, the
// comparison with history, the series of the debrief chart, the sources).
// The game, the terminal player and the transcripts render this model;
// none of them computes it. It is pure: no ebiten, no clock.
package story

import (
	"strconv"

	"bigthree/internal/rules"
	"bigthree/internal/scenario"
)

// After is what the player sees after a reply, or after Continue on a
// document without replies.
type After struct {
	Event      int    // the event's index
	EventTitle string // the document's title
	// Continued is true when the player pressed Continue (the document had
	// no replies, or none was open); Reply is then empty.
	Continued bool
	Reply     string
	Reactions []Reaction
	// Note is what really happened; nil when the document has no note and
	// no historical reply to compare with.
	Note *Note
	// Meters are the visible meters, moved by the reply.
	Meters []Meter
	// Warnings are the triggers one reply from firing, said before they
	// fire; empty when none is near or the story is over.
	Warnings []Warning
	// Over is true when the reply ended the story; Next is the label of the
	// button that moves on ("Continue", "See how it ended").
	Over bool
	Next string
	// NoteOnDesk is true when the note was already shown under the
	// document on the desk (a document without replies).
	NoteOnDesk bool
}

// Empty reports whether the after screen would show nothing the desk has
// not: a Continue with no reactions, no warning, no note beyond the one
// the desk showed, and the story not over. Every front end then moves
// straight on to the next document; the meters' moves show on its desk.
func (a After) Empty() bool {
	return a.Continued && len(a.Reactions) == 0 && len(a.Warnings) == 0 && !a.Over && (a.Note == nil || a.NoteOnDesk)
}

// noteOnDesk reports whether the event's history note is shown under the
// document on the desk rather than after the reply: true for a document
// without replies, where there is no choice for the note to give away.
func noteOnDesk(e *scenario.Event) bool { return len(e.Choices) == 0 }

// Reaction is what a character says after the reply.
type Reaction struct {
	Character  int // character index, for the seal and colour
	Name       string
	Paragraphs []string
	// Mood is Pleased when the reply raised the meter with the character's
	// id, Displeased when it lowered it, else Neutral; Portrait is the
	// character's portrait in that mood, or nil.
	Mood     scenario.Mood
	Portrait *scenario.Picture
}

// Note is the history note after a reply.
type Note struct {
	Heading    string   // the scenario's label, "In history" by default
	Paragraphs []string // may be empty when only the verdict is to be said
	Source     string   // the citation, or ""
	// Verdict compares the reply with the historical one; nil when the
	// document has no historical reply or the player pressed Continue.
	Verdict *Verdict
}

// Verdict says whether the player's reply was the historical one.
type Verdict struct {
	Matched    bool
	Historical string // the historical reply's text
	Sentence   string // "You chose as Kennedy did." / "Kennedy chose otherwise: “…”"
	// Aside is the shorter form the terminal prints: "Your reply matches
	// Kennedy's." / "Kennedy's reply: …".
	Aside string
}

// Meter is a visible meter with its move on the last reply.
type Meter struct {
	Index    int // meter index in the scenario
	ID       string
	Label    string
	Min, Max int
	// Before and After are the values before and after the last reply
	// (both the current value before the first); Delta is After - Before.
	Before, After, Delta int
	// Warned is true when a trigger that is near firing watches this
	// meter; Threshold is then the value where it fires, for the bar's mark.
	Warned    bool
	Threshold int
	// LowIsGood is true for a meter whose scenario says `good: low`: a
	// rise is bad news (Worse), a fall good news.
	LowIsGood bool
}

// LowerIsBetter is said beside a meter whose scenario says `good: low`.
const LowerIsBetter = "lower is better"

// Worse reports whether the last move of the meter was bad news: a fall,
// or a rise of a meter that is better low.
func (m Meter) Worse() bool { return m.Delta != 0 && (m.Delta < 0) != m.LowIsGood }

// Button labels for moving on from the after screen.
const (
	NextContinue = "Continue"
	NextEnding   = "See how it ended"
)

// AfterLast returns what the player sees after the run's latest step. The
// run must have made at least one step.
func AfterLast(r *rules.Run) After {
	steps := r.Steps()
	return afterStep(r, steps[len(steps)-1])
}

func afterStep(r *rules.Run, st rules.Step) After {
	s := r.Scenario()
	e := &s.Events[st.Event]
	a := After{Event: st.Event, EventTitle: Typeset(e.Title), Continued: st.Choice < 0, Over: r.Over(), Next: NextContinue}
	a.Meters, a.Warnings = MetersWarned(r)
	if a.Over {
		a.Next = NextEnding
	}
	i := len(r.Steps()) - 1
	meters, flags := stateBefore(r, i)
	afterMeters, afterFlags := stateAfter(r, i)
	if st.Choice >= 0 {
		c := &e.Choices[st.Choice]
		a.Reply = Typeset(expand(s, c.Text, meters, flags))
		for _, re := range c.Reactions {
			mood := moodOf(r, st, re.Character)
			a.Reactions = append(a.Reactions, Reaction{Character: re.Character, Name: characterName(s, re.Character), Paragraphs: Paragraphs(expand(s, re.Text, afterMeters, afterFlags)),
				Mood: mood, Portrait: s.Characters[re.Character].Portrait.For(mood)})
		}
	}
	v := VoiceOf(s)
	verdict := verdictOf(v, e, st.Choice, func(text string) string { return expand(s, text, meters, flags) })
	if e.History != "" || verdict != nil {
		a.Note = &Note{Heading: v.History, Paragraphs: Paragraphs(expand(s, e.History, afterMeters, afterFlags)), Verdict: verdict}
		if e.History != "" {
			a.Note.Source = s.SourceText(s.HistorySourceIndex(st.Event))
		}
		a.NoteOnDesk = st.Choice < 0 && noteOnDesk(e) && e.History != ""
	}
	return a
}

// verdictOf compares choice (or Continue, below 0) with the event's
// historical reply, whose text words expands; nil when there is nothing to
// compare.
func verdictOf(v Voice, e *scenario.Event, choice int, words func(string) string) *Verdict {
	h := e.HistoricalChoice()
	if h < 0 || choice < 0 {
		return nil
	}
	out := &Verdict{Matched: h == choice, Historical: Typeset(words(e.Choices[h].Text))}
	if out.Matched {
		out.Sentence, out.Aside = v.ChoseAs(), v.ReplyMatches()
	} else {
		out.Sentence, out.Aside = v.ChoseOtherwise(out.Historical), v.HistoricalReply(out.Historical)
	}
	return out
}

func characterName(s *scenario.Scenario, c int) string {
	if c < 0 || c >= len(s.Characters) {
		return ""
	}
	return s.Characters[c].Name
}

// Meters returns the visible meters of a run now, each with its move on the
// last reply.
func Meters(r *rules.Run) []Meter {
	m, _ := MetersWarned(r)
	return m
}

// MetersWarned returns the visible meters as Meters does, each marked
// when a near trigger watches it, and the warnings.
func MetersWarned(r *rules.Run) ([]Meter, []Warning) {
	ws := Warnings(r)
	s := r.Scenario()
	steps := r.Steps()
	var out []Meter
	for i, m := range s.Meters {
		if m.Hidden {
			continue
		}
		mt := Meter{Index: i, ID: m.ID, Label: Typeset(m.Label), Min: m.Min, Max: m.Max, Before: r.Meter(i), After: r.Meter(i), LowIsGood: m.LowIsGood}
		if len(steps) > 0 {
			mt.Before = r.Before(len(steps) - 1)[i]
			mt.Delta = mt.After - mt.Before
		}
		for _, w := range ws {
			for _, k := range w.Marks {
				if k.Meter == i && !mt.Warned {
					mt.Warned, mt.Threshold = true, k.Threshold
				}
			}
		}
		out = append(out, mt)
	}
	return out, ws
}

// Words says a meter in words, with its move on the last reply: "Support
// at home: 55 (from 0 to 100), up 5"; for a meter that is better low,
// "Pressure: 60 (from 0 to 100, lower is better), up 5, worse". The change is said with a sign and a
// word, never by colour alone.
func (m Meter) Words() string {
	s := m.Label + ": " + strconv.Itoa(m.After) + " (from " + strconv.Itoa(m.Min) + " to " + strconv.Itoa(m.Max)
	if m.LowIsGood {
		s += ", " + LowerIsBetter
	}
	s += ")"
	switch {
	case m.Delta > 0:
		s += ", up " + strconv.Itoa(m.Delta)
	case m.Delta < 0:
		s += ", down " + strconv.Itoa(-m.Delta)
	}
	if m.Warned {
		s += "; warning: near " + strconv.Itoa(m.Threshold)
	}
	if m.LowIsGood && m.Delta != 0 {
		// Said for these meters only: for the others, up is better.
		if m.Worse() {
			s += ", worse"
		} else {
			s += ", better"
		}
	}
	return s
}

// Headings and lines of the after-a-reply screen, in every front end.
const (
	YourReplyHeading = "Your reply"
	ReactionsHeading = "Reactions"
	NoReaction       = "No one answers at once."
	ReadHeading      = "You have read"
	WarningHeading   = "A warning"
)

// moodOf is how character c takes step st: by the move of the meter that
// has the character's id, if there is one (a rise pleases, unless the
// meter says `good: low`).
func moodOf(r *rules.Run, st rules.Step, c int) scenario.Mood {
	s := r.Scenario()
	m := s.MeterIndex(s.Characters[c].ID)
	if m < 0 {
		return scenario.Neutral
	}
	steps := r.Steps()
	for i := range steps {
		if steps[i] != st {
			continue
		}
		before, after := r.Before(i)[m], r.After(i)[m]
		if s.Meters[m].LowIsGood {
			before, after = after, before
		}
		switch {
		case after > before:
			return scenario.Pleased
		case after < before:
			return scenario.Displeased
		}
	}
	return scenario.Neutral
}
