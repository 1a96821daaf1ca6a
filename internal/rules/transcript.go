package rules

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"bigthree/internal/scenario"
)

// Transcript is the record of a playthrough a student hands in: every
// choice beside the historical one, the meters, the ending and the sources.
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
	Matches     int               `json:"matches_history"` // replies that match Roosevelt's
	Decisions   int               `json:"decisions"`       // events with a marked historical reply
	Sources     []string          `json:"sources"`
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
}

// MakeTranscript builds the transcript of a run. written is the time shown
// in it; the zero time leaves it out (tests stay deterministic).
func MakeTranscript(r *Run, written time.Time) Transcript {
	s := r.s
	t := Transcript{Scenario: s.ID, Title: s.Title, Hash: s.Hash, FinalMeters: meterMap(s, r.meters), Steps: []TranscriptStep{}, Sources: []string{}}
	if !written.IsZero() {
		t.Written = written.Format(time.RFC3339)
	}
	if r.ending >= 0 {
		e := &s.Endings[r.ending]
		t.Ending = &TranscriptEnding{ID: e.ID, Title: e.Title, Historical: e.Historical}
	}
	for _, m := range s.Meters {
		t.Meters = append(t.Meters, TranscriptMeter{ID: m.ID, Label: m.Label, Hidden: m.Hidden})
	}
	cited := map[int]bool{}
	cite := func(i int) {
		if i >= 0 && !cited[i] {
			cited[i] = true
			t.Sources = append(t.Sources, citation(&s.Sources[i]))
		}
	}
	for i, st := range r.steps {
		ev := &s.Events[st.Event]
		ts := TranscriptStep{
			Date: ev.Date.Format("2006-01-02"), Event: ev.ID, EventTitle: ev.Title,
			Choice: r.ChoiceID(st), ChoiceText: "Continue", History: ev.History,
			MetersBefore: meterMap(s, r.Before(i)), MetersAfter: meterMap(s, r.After(i)),
		}
		if st.Choice >= 0 {
			ts.ChoiceText = ev.Choices[st.Choice].Text
		}
		if h := ev.HistoricalChoice(); h >= 0 {
			t.Decisions++
			ts.Historical = ev.Choices[h].Text
			ts.MatchesHist = h == st.Choice
			if ts.MatchesHist {
				t.Matches++
			}
		}
		if st.Trigger >= 0 {
			ts.TriggerToward = s.TargetName(s.Triggers[st.Trigger].Goto)
		}
		cite(ev.Source)
		cite(s.HistorySourceIndex(st.Event))
		t.Steps = append(t.Steps, ts)
	}
	return t
}

func citation(src *scenario.Source) string {
	if src.URL != "" {
		return src.Text + " — " + src.URL
	}
	return src.Text
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

// Markdown returns the transcript as a Markdown document for reading and printing.
func (t Transcript) Markdown(s *scenario.Scenario) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s — transcript\n\n", t.Title)
	if t.Student != "" {
		fmt.Fprintf(&b, "Student: %s\n\n", strings.Join(strings.Fields(t.Student), " "))
	}
	if t.Written != "" {
		fmt.Fprintf(&b, "Played to %s.\n\n", t.Written)
	}
	if t.Ending != nil {
		e := &s.Endings[s.EndingIndex(t.Ending.ID)]
		fmt.Fprintf(&b, "## Ending: %s\n\n%s\n\n", e.Title, strings.TrimSpace(e.Text))
		if e.Epilogue != "" {
			fmt.Fprintf(&b, "### What really happened\n\n%s\n\n", strings.TrimSpace(e.Epilogue))
		}
	} else {
		b.WriteString("The story is not finished yet.\n\n")
	}
	if t.Decisions > 0 {
		fmt.Fprintf(&b, "Your replies matched Roosevelt's in %d of %d decisions.\n\n", t.Matches, t.Decisions)
	}
	b.WriteString("## Final meters\n\n")
	for _, m := range s.Meters {
		if !m.Hidden {
			fmt.Fprintf(&b, "- %s: %d\n", m.Label, t.FinalMeters[m.ID])
		}
	}
	b.WriteString("\n## Your choices\n\n| Date | Event | Your reply | What Roosevelt did | Meters after |\n|---|---|---|---|---|\n")
	for _, st := range t.Steps {
		hist := st.Historical
		switch {
		case hist == "":
			hist = "—"
		case st.MatchesHist:
			hist = "the same"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", st.Date, cell(st.EventTitle), cell(st.ChoiceText), cell(hist), cell(metersText(s, st.MetersAfter)))
	}
	b.WriteString("\n## In history\n\n")
	for _, st := range t.Steps {
		if st.History != "" {
			fmt.Fprintf(&b, "- **%s, %s.** %s\n", st.Date, st.EventTitle, strings.Join(strings.Fields(st.History), " "))
		}
	}
	if len(t.Sources) > 0 {
		b.WriteString("\n## Sources\n\n")
		for _, src := range t.Sources {
			fmt.Fprintf(&b, "- %s\n", src)
		}
	}
	return []byte(b.String())
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

func cell(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.ReplaceAll(s, "|", "\\|")
}
