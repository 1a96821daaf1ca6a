package story

import (
	"strconv"
	"strings"
	"time"

	"bigthree/internal/rules"
	"bigthree/internal/scenario"
)

// Ending is what the player sees at the end: the ending reached, the
// comparison with history, the debrief chart and the sources.
type Ending struct {
	Voice Voice
	// Scenario is the scenario's title.
	Scenario string
	// Reached is false while the story goes on (a transcript of a game in
	// progress); the ending's fields are then empty.
	Reached    bool
	ID         string
	Title      string
	Paragraphs []string
	Epilogue   []string // what really happened, under EpilogueHeading
	Historical bool     // the ending is marked as the historical one

	// Matches and Decisions count the player's replies that were the
	// historical ones, over the documents that have a historical reply.
	Matches, Decisions int
	// Verdict says so in a sentence; empty when there was no decision.
	Verdict string
	// Rows are the replies the debrief lists beside the historical ones:
	// every reply, and every decision (a Continue where history chose is
	// one); a Continue on a document without replies is left out.
	Rows []Row
	// Chart is the debrief chart.
	Chart Chart
	// Sources are the citations of the documents and notes shown, in the
	// order they first appeared.
	Sources []string
	// Final are the visible meters at the end.
	Final []Meter
	// Card is the verdict that opens the ending screen.
	Card Card
}

// Row is one step of the player's path beside the historical one.
type Row struct {
	Step      int // index in the run's steps
	Date      time.Time
	Event     string // the event's id
	Title     string
	Continued bool   // the player pressed Continue
	Reply     string // the reply's text, or "Continue"
	// Decision is true when the document has a historical reply; Historical
	// is then its text and Matched says whether the player gave it.
	Decision   bool
	Historical string
	Matched    bool
	// Comparison is the debrief's line under the reply: "Kennedy: the
	// same." or "Kennedy: …"; empty when there was no decision.
	Comparison string
	// Invented is true when the document was made up for this branch of
	// the story; InventedLine then says so, with the scenario's note on
	// what really happened when it has one.
	Invented     bool
	InventedNote string
	InventedLine string
}

// InventedLabel marks a document made up for a branch of the story.
const InventedLabel = "Invented for this branch"

// inventedLine says that a document was invented, with the scenario's note
// on what really happened when it has one.
func inventedLine(note string) string {
	if note = strings.Join(Paragraphs(note), " "); note != "" {
		return InventedLabel + ": " + note
	}
	return InventedLabel + "."
}

// ContinueText is how a Continue is written where a reply would be.
const ContinueText = "Continue"

// Chart is the debrief chart: every visible meter over the timeline, along
// the player's path and along the historical one.
type Chart struct {
	// First and Last bound the time axis; Dates are every document's date,
	// for spacing the axis where the documents are.
	First, Last time.Time
	Dates       []time.Time
	// Min and Max bound the value axis: the widest range of the meters.
	Min, Max int
	// YourLabel and HistoryLabel are the legend's words for the two paths.
	YourLabel, HistoryLabel string
	// Empty is what the chart says when there is no meter to draw.
	Empty string
	// HasHistory is false when the scenario marks no historical path.
	HasHistory bool
	Lines      []Line
}

// Line is one meter in the chart.
type Line struct {
	Meter int // meter index in the scenario
	Label string
	// Yours is the player's path: the meter at the start, then after each
	// step, on the date of that step's document. History is the same along
	// the historical replies (empty without a historical path).
	Yours, History []Point
	// Final is the player's last value, shown beside the line's end.
	Final int
	// LowIsGood is true for a meter whose scenario says `good: low`: the
	// chart's label says "lower is better", and the words name the path's
	// worst point, its highest.
	LowIsGood bool
}

// Caption is the line's label in the chart: the meter's label and final
// value, with "lower is better" for a meter that is better low.
func (l *Line) Caption() string {
	s := l.Label + " " + strconv.Itoa(l.Final)
	if l.LowIsGood {
		s += " (" + LowerIsBetter + ")"
	}
	return s
}

// Point is a meter's value on a date.
type Point struct {
	Date  time.Time
	Value int
}

// NoMeters is what the chart says for a scenario without visible meters.
const NoMeters = "This scenario has no meters to chart."

// historicalLimit bounds the historical run, against a scenario that loops.
const historicalLimit = 10000

// EndingOf returns what the player sees at the end of a run (or so far,
// for a run still going on).
func EndingOf(r *rules.Run) Ending {
	s := r.Scenario()
	v := VoiceOf(s)
	out := Ending{Voice: v, Scenario: s.Title, Sources: []string{}, Final: Meters(r)}
	if i := r.Ending(); i >= 0 {
		e := &s.Endings[i]
		out.Reached, out.ID, out.Title, out.Historical = true, e.ID, Typeset(e.Title), e.Historical
		out.Paragraphs, out.Epilogue = Paragraphs(expand(s, e.Text, r.Meters(), r.Flags())), Paragraphs(expand(s, e.Epilogue, r.Meters(), r.Flags()))
	}
	var c citations
	for i, st := range r.Steps() {
		ev := &s.Events[st.Event]
		row := rowOf(v, r, i)
		if row.Decision {
			out.Decisions++
			if row.Matched {
				out.Matches++
			}
		}
		if !row.Continued || row.Decision {
			out.Rows = append(out.Rows, row)
		}
		// An invented document's own source is only to compare with; the
		// source of its note on what really happened is cited as usual.
		c.cite(ev.Source, !ev.Invented)
		c.cite(ev.HistorySource, true)
	}
	out.Sources = c.list(s)
	out.Verdict = v.Matched(out.Matches, out.Decisions)
	out.Chart = chartOf(v, r)
	out.Card = cardOf(&out)
	return out
}

func rowOf(v Voice, r *rules.Run, i int) Row {
	s := r.Scenario()
	st := r.Steps()[i]
	e := &s.Events[st.Event]
	row := Row{Step: i, Date: e.Date, Event: e.ID, Title: e.Title, Continued: st.Choice < 0, Reply: ContinueText}
	if e.Invented {
		row.Invented, row.InventedNote, row.InventedLine = true, e.InventedNote, inventedLine(e.InventedNote)
	}
	meters, flags := stateBefore(r, i)
	if st.Choice >= 0 {
		row.Reply = expand(s, e.Choices[st.Choice].Text, meters, flags)
	}
	if h := e.HistoricalChoice(); h >= 0 {
		row.Decision, row.Historical, row.Matched = true, expand(s, e.Choices[h].Text, meters, flags), h == st.Choice
		if row.Matched {
			row.Comparison = v.Same()
		} else {
			row.Comparison = v.Theirs(row.Historical)
		}
	}
	return row
}

// citations lists sources once each, in the order they are first cited. A
// source cited only by invented documents is given as one to compare with.
type citations struct {
	order []int
	plain map[int]bool // index -> cited at least once as a real source
}

func (c *citations) cite(i int, plain bool) {
	if i < 0 {
		return
	}
	if c.plain == nil {
		c.plain = map[int]bool{}
	}
	was, seen := c.plain[i]
	if !seen {
		c.order = append(c.order, i)
	}
	c.plain[i] = was || plain
}

func (c *citations) list(s *scenario.Scenario) []string {
	out := []string{}
	for _, i := range c.order {
		if i >= len(s.Sources) {
			continue
		}
		text := Citation(&s.Sources[i])
		if !c.plain[i] {
			text = ComparePrefix + text
		}
		out = append(out, text)
	}
	return out
}

// ComparePrefix marks a source cited only by invented documents.
const ComparePrefix = "Compare: "

// Citation is a source as the debrief and the transcripts cite it: its text,
// then its address when it has one.
func Citation(src *scenario.Source) string {
	if src.URL != "" {
		return src.Text + " — " + src.URL
	}
	return src.Text
}

func chartOf(v Voice, r *rules.Run) Chart {
	s := r.Scenario()
	c := Chart{First: s.FirstDate, Last: s.LastDate, YourLabel: v.YourPath(), HistoryLabel: v.HistoricalPath()}
	for i := range s.Events {
		c.Dates = append(c.Dates, s.Events[i].Date)
	}
	hist, _ := rules.Historical(s, historicalLimit)
	c.HasHistory = hasHistoricalReplies(s)
	first := true
	for i, m := range s.Meters {
		if m.Hidden {
			continue
		}
		if first || m.Min < c.Min {
			c.Min = m.Min
		}
		if first || m.Max > c.Max {
			c.Max = m.Max
		}
		first = false
		l := Line{Meter: i, Label: m.Label, Yours: pathOf(r, i), Final: r.Meter(i), LowIsGood: m.LowIsGood}
		if c.HasHistory {
			l.History = pathOf(hist, i)
		}
		c.Lines = append(c.Lines, l)
	}
	if len(c.Lines) == 0 {
		c.Empty = NoMeters
	}
	return c
}

// hasHistoricalReplies reports whether any document marks a historical
// reply: without one, the "historical path" would only be the story's
// Continues and says nothing.
func hasHistoricalReplies(s *scenario.Scenario) bool {
	for i := range s.Events {
		if s.Events[i].HistoricalChoice() >= 0 {
			return true
		}
	}
	return false
}

// pathOf returns meter m's values over a run: its start on the date of
// the first document, then its value after each reply on the date of the
// next document (the value the meter stands at when that document
// arrives), and after the last reply on the last document's date. So the
// line has no vertical jump at the start: it moves between documents
// (only the last reply's move, and replies on one date, stand upright).
func pathOf(r *rules.Run, m int) []Point {
	s := r.Scenario()
	steps := r.Steps()
	if len(steps) == 0 {
		return []Point{{Date: s.FirstDate, Value: r.Meter(m)}}
	}
	out := make([]Point, 0, len(steps)+1)
	out = append(out, Point{Date: s.Events[steps[0].Event].Date, Value: r.Before(0)[m]})
	for i := range steps {
		d := s.Events[steps[min(i+1, len(steps)-1)].Event].Date
		out = append(out, Point{Date: d, Value: r.After(i)[m]})
	}
	return out
}

// Words describes the chart in words, one sentence per meter: where the
// player's path started, ended and was lowest, beside the historical
// path's, for readers who cannot see the chart.
func (c *Chart) Words() []string {
	if len(c.Lines) == 0 {
		return []string{c.Empty}
	}
	out := make([]string, 0, len(c.Lines))
	for _, l := range c.Lines {
		label := l.Label
		if l.LowIsGood {
			label += " (" + LowerIsBetter + ")"
		}
		s := label + ": " + pathWords(c.YourLabel, l.Yours, l.LowIsGood)
		if len(l.History) > 0 {
			s += "; " + pathWords(c.HistoryLabel, l.History, l.LowIsGood)
		}
		out = append(out, s+".")
	}
	return out
}

// pathWords says one path: "your path started at 50, ended at 62, lowest
// 40 on 3 March 1943"; for a meter that is better low, its highest point
// instead, the worst.
func pathWords(name string, pts []Point, lowIsGood bool) string {
	if len(pts) == 0 {
		return name + " has no points"
	}
	worst, word := pts[0], ", lowest "
	if lowIsGood {
		word = ", highest "
	}
	for _, p := range pts[1:] {
		if p.Value < worst.Value != lowIsGood && p.Value != worst.Value {
			worst = p
		}
	}
	return name + " started at " + strconv.Itoa(pts[0].Value) + ", ended at " + strconv.Itoa(pts[len(pts)-1].Value) +
		word + strconv.Itoa(worst.Value) + " on " + LongDate(worst.Date)
}
