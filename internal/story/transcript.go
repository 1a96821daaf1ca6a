package story

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"bigthree/internal/rules"
	"bigthree/internal/scenario"
)

// Transcript is the record of a playthrough a student hands in: every
// choice beside the historical one, the meters, the ending and the sources.
// Its JSON fields are read by teachers' tools and class reports: keep their
// names, and only add new ones.
type Transcript struct {
	// Student is the name the student gave at Save transcript (optional).
	Student     string            `json:"student,omitempty"`
	Scenario    string            `json:"scenario"`
	Title       string            `json:"title"`
	Hash        string            `json:"scenario_hash"`
	Written     string            `json:"written,omitempty"`
	Ending      *TranscriptEnding `json:"ending,omitempty"`
	Steps       []TranscriptStep  `json:"steps"`
	FinalMeters map[string]int    `json:"final_meters"`
	Matches     int               `json:"matches_history"` // replies that were the historical ones
	Decisions   int               `json:"decisions"`       // events with a marked historical reply
	Sources     []string          `json:"sources"`
	// Comparison names whoever made the historical choices ("Kennedy");
	// absent when the scenario compares with history itself.
	Comparison string `json:"comparison,omitempty"`
	// Meters names the scenario's meters, so a class report can label them
	// and leave out the hidden ones.
	Meters []TranscriptMeter `json:"meters,omitempty"`
}

// TranscriptMeter is one meter of the scenario, as a transcript names it.
type TranscriptMeter struct {
	ID     string `json:"id"`
	Label  string `json:"label"`
	Hidden bool   `json:"hidden,omitempty"`
}

// TranscriptEnding is the ending reached.
type TranscriptEnding struct {
	ID         string `json:"id"`
	Title      string `json:"title"`
	Historical bool   `json:"historical"`
	// Paragraphs and Epilogue are the ending's words as the run reached
	// it, for Markdown; a transcript read back from JSON has neither, and
	// Markdown then takes the scenario's text as written.
	Paragraphs []string `json:"-"`
	Epilogue   []string `json:"-"`
}

// TranscriptStep is one choice in a transcript.
type TranscriptStep struct {
	Date          string         `json:"date"`
	Event         string         `json:"event"`
	EventTitle    string         `json:"event_title"`
	Choice        string         `json:"choice"`
	ChoiceText    string         `json:"choice_text"`
	Historical    string         `json:"historical_choice,omitempty"`
	MatchesHist   bool           `json:"matches_history"`
	History       string         `json:"history,omitempty"`
	MetersBefore  map[string]int `json:"meters_before"`
	MetersAfter   map[string]int `json:"meters_after"`
	TriggerToward string         `json:"trigger,omitempty"`
	// Invented marks a document made up for this branch of the story, with
	// the scenario's note on what really happened when it has one.
	Invented     bool   `json:"invented,omitempty"`
	InventedNote string `json:"invented_note,omitempty"`
}

// MakeTranscript builds the transcript of a run from its story. written is
// the time shown in it; the zero time leaves it out (tests stay
// deterministic).
func MakeTranscript(r *rules.Run, written time.Time) Transcript {
	s := r.Scenario()
	end := EndingOf(r)
	t := Transcript{
		Scenario: s.ID, Title: s.Title, Hash: s.Hash, FinalMeters: meterMap(s, r.Meters()), Steps: []TranscriptStep{},
		Matches: end.Matches, Decisions: end.Decisions, Sources: end.Sources, Comparison: end.Voice.Comparison,
	}
	if !written.IsZero() {
		t.Written = written.Format(time.RFC3339)
	}
	if end.Reached {
		t.Ending = &TranscriptEnding{ID: end.ID, Title: end.Title, Historical: end.Historical, Paragraphs: end.Paragraphs, Epilogue: end.Epilogue}
	}
	for _, m := range s.Meters {
		t.Meters = append(t.Meters, TranscriptMeter{ID: m.ID, Label: m.Label, Hidden: m.Hidden})
	}
	for i, st := range r.Steps() {
		ev := &s.Events[st.Event]
		row := rowOf(end.Voice, r, i)
		ts := TranscriptStep{
			Date: ev.Date.Format("2006-01-02"), Event: ev.ID, EventTitle: ev.Title,
			Choice: r.ChoiceID(st), ChoiceText: row.Reply, Historical: row.Historical, MatchesHist: row.Decision && row.Matched,
			History: historyAfter(r, i), MetersBefore: meterMap(s, r.Before(i)), MetersAfter: meterMap(s, r.After(i)),
			Invented: row.Invented, InventedNote: row.InventedNote,
		}
		if st.Trigger >= 0 {
			ts.TriggerToward = s.TargetName(s.Triggers[st.Trigger].Goto)
		}
		t.Steps = append(t.Steps, ts)
	}
	return t
}

// historyAfter is the history note of step i's document, as the state
// after the step shows it.
func historyAfter(r *rules.Run, i int) string {
	meters, flags := stateAfter(r, i)
	return expand(r.Scenario(), r.Scenario().Events[r.Steps()[i].Event].History, meters, flags)
}

func meterMap(s *scenario.Scenario, v []int) map[string]int {
	m := make(map[string]int, len(v))
	for i, mt := range s.Meters {
		m[mt.ID] = v[i]
	}
	return m
}

// JSON returns the transcript as indented JSON.
func (t Transcript) JSON() []byte {
	b, err := json.MarshalIndent(t, "", "  ")
	if err != nil {
		panic(err) // only strings, ints and maps of them
	}
	return append(b, '\n')
}

// Markdown returns the transcript as a Markdown document for reading and
// printing. s is the scenario it was made from: the transcript records ids,
// and the scenario gives their words.
func (t Transcript) Markdown(s *scenario.Scenario) []byte {
	var b strings.Builder
	v := VoiceOf(s)
	fmt.Fprintf(&b, "# %s — transcript\n\n", md(oneLine(t.Title)))
	if t.Student != "" {
		fmt.Fprintf(&b, "Student: %s\n\n", md(oneLine(t.Student)))
	}
	if t.Written != "" {
		fmt.Fprintf(&b, "Played to %s.\n\n", t.Written)
	}
	if i := endingIndex(s, t.Ending); i >= 0 {
		e := &s.Endings[i]
		text, epilogue := t.Ending.Paragraphs, t.Ending.Epilogue
		if text == nil {
			text, epilogue = Paragraphs(e.Text), Paragraphs(e.Epilogue)
		}
		fmt.Fprintf(&b, "## Ending: %s\n\n%s\n\n", md(oneLine(e.Title)), mdParagraphs(text))
		if len(epilogue) > 0 {
			fmt.Fprintf(&b, "### %s\n\n%s\n\n", EpilogueHeading, mdParagraphs(epilogue))
		}
	} else {
		b.WriteString("The story is not finished yet.\n\n")
	}
	if verdict := v.Matched(t.Matches, t.Decisions); verdict != "" {
		fmt.Fprintf(&b, "%s\n\n", md(verdict))
	}
	b.WriteString("## Final meters\n\n")
	for _, m := range s.Meters {
		if !m.Hidden {
			fmt.Fprintf(&b, "- %s: %d\n", md(oneLine(m.Label)), t.FinalMeters[m.ID])
		}
	}
	fmt.Fprintf(&b, "\n## Your choices\n\n| Date | Event | Your reply | %s | Meters after |\n|---|---|---|---|---|\n", cell(v.WhatTheyDid()))
	for _, st := range t.Steps {
		hist := st.Historical
		switch {
		case hist == "":
			hist = "—"
		case st.MatchesHist:
			hist = SameCell
		}
		title := st.EventTitle
		if st.Invented {
			title += " (" + lowerFirst(InventedLabel) + ")"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", cell(st.Date), cell(title), cell(st.ChoiceText), cell(hist), cell(metersText(s, st.MetersAfter)))
	}
	fmt.Fprintf(&b, "\n## %s\n\n", md(oneLine(v.History)))
	for _, st := range t.Steps {
		note := strings.Join(Paragraphs(st.History), " ")
		if st.Invented {
			note = strings.TrimSpace(inventedLine(st.InventedNote) + " " + note)
		}
		if note != "" {
			fmt.Fprintf(&b, "- **%s, %s.** %s\n", md(st.Date), md(oneLine(st.EventTitle)), md(oneLine(note)))
		}
	}
	if len(t.Sources) > 0 {
		b.WriteString("\n## Sources\n\n")
		for _, src := range t.Sources {
			fmt.Fprintf(&b, "- %s\n", md(oneLine(src)))
		}
	}
	return []byte(b.String())
}

// endingIndex returns the index of the transcript's ending in s, or -1.
func endingIndex(s *scenario.Scenario, e *TranscriptEnding) int {
	if e == nil {
		return -1
	}
	return s.EndingIndex(e.ID)
}

func metersText(s *scenario.Scenario, m map[string]int) string {
	var parts []string
	for _, mt := range s.Meters {
		if !mt.Hidden {
			parts = append(parts, fmt.Sprintf("%s %d", mt.Label, m[mt.ID]))
		}
	}
	return strings.Join(parts, ", ")
}

// cell is a text in one cell of a Markdown table: one line, escaped.
func cell(s string) string { return md(oneLine(s)) }

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// mdSpecial holds the characters that Markdown or HTML could read as
// markup in a transcript: tags and entities (< > &), links and images
// ([ ] !), emphasis, code, headings, tables and strike-through.
const mdSpecial = "\\`*_[]<>!#|~&"

// md writes scenario text (untrusted: a scenario may come from anyone) so
// that a Markdown viewer shows it as written: no raw HTML such as <script>
// or <img onerror>, no links or images (no javascript: link, no tracking
// pixel). Every character that could start markup gets a backslash, which
// CommonMark allows before any ASCII punctuation.
func md(s string) string {
	if !strings.ContainsAny(s, mdSpecial) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if r < 0x80 && strings.ContainsRune(mdSpecial, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// mdParagraphs writes paragraphs, each escaped on one line.
func mdParagraphs(ps []string) string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = md(oneLine(p))
	}
	return strings.Join(out, "\n\n")
}
