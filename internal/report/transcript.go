// Package report makes the class report: one self-contained HTML page on
// the transcripts of a whole class (endings reached, the share of the class
// behind each reply, everyone's meters over time, who matched history most
// and least, and a table per student). b3 report writes it; the Studio can
// call the same code, since it is pure (no files, no ebiten).
//
// Transcripts are untrusted input: they are decoded here, field by field,
// from the JSON the game writes, and every text is escaped in the page.
package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"strings"
)

// MaxTranscriptSize bounds what Decode reads; a real transcript is tens of kilobytes.
const MaxTranscriptSize = 8 << 20

// Transcript is one student's transcript, as the game writes it
// (story.Transcript): only the fields the report uses.
type Transcript struct {
	// File is the name the transcript was read under.
	File     string         `json:"-"`
	Student  string         `json:"student"`
	Scenario string         `json:"scenario"`
	Title    string         `json:"title"`
	Hash     string         `json:"scenario_hash"`
	Written  string         `json:"written"`
	Ending   *Ending        `json:"ending"`
	Steps    []Step         `json:"steps"`
	Final    map[string]int `json:"final_meters"`
	Matches  int            `json:"matches_history"`
	Choices  int            `json:"decisions"`
	Meters   []Meter        `json:"meters"`
}

// Ending is the ending a transcript reached.
type Ending struct {
	ID         string `json:"id"`
	Title      string `json:"title"`
	Historical bool   `json:"historical"`
}

// Step is one reply in a transcript.
type Step struct {
	Date         string         `json:"date"`
	Event        string         `json:"event"`
	EventTitle   string         `json:"event_title"`
	Choice       string         `json:"choice"`
	ChoiceText   string         `json:"choice_text"`
	Historical   string         `json:"historical_choice"`
	Matches      bool           `json:"matches_history"`
	MetersBefore map[string]int `json:"meters_before"`
	MetersAfter  map[string]int `json:"meters_after"`
}

// Meter names a meter of the scenario (transcripts from before meters
// were named carry none).
type Meter struct {
	ID     string `json:"id"`
	Label  string `json:"label"`
	Hidden bool   `json:"hidden"`
}

// continueID is the choice id of Continue (rules.ContinueID).
const continueID = "continue"

// ErrNotTranscript wraps every reason a file is not a transcript.
var ErrNotTranscript = errors.New("not a bigthree transcript")

// Decode reads one transcript. A file that is not one (a save, a scenario,
// the Markdown transcript, damaged JSON) is an error that says so.
func Decode(name string, data []byte) (*Transcript, error) {
	if len(data) > MaxTranscriptSize {
		return nil, fmt.Errorf("%w: it is %d MB, far larger than any transcript", ErrNotTranscript, len(data)>>20)
	}
	if ext := strings.ToLower(path.Ext(name)); ext == ".md" || ext == ".yaml" || ext == ".yml" {
		return nil, fmt.Errorf("%w: give the .json file the game saved beside the %s", ErrNotTranscript, ext)
	}
	var t Transcript
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&t); err != nil {
		return nil, fmt.Errorf("%w: it is not valid transcript JSON (%v)", ErrNotTranscript, err)
	}
	switch {
	case t.Scenario == "":
		return nil, fmt.Errorf("%w: it does not say which scenario it belongs to", ErrNotTranscript)
	case t.Steps == nil:
		return nil, fmt.Errorf("%w: it has no steps (is it a save file?)", ErrNotTranscript)
	}
	for i, st := range t.Steps {
		if st.Event == "" || st.Choice == "" {
			return nil, fmt.Errorf("%w: step %d is incomplete", ErrNotTranscript, i+1)
		}
	}
	t.File = name
	t.Student = strings.Join(strings.Fields(t.Student), " ")
	return &t, nil
}

// Name is how the report names the student: the name given at Save
// transcript, else the file's name.
func (t *Transcript) Name() string {
	if t.Student != "" {
		return t.Student
	}
	base := path.Base(strings.ReplaceAll(t.File, `\`, "/"))
	return strings.TrimSuffix(base, path.Ext(base))
}

// decision reports whether a step is a decision: a reply the student chose
// (not Continue), or an event with a historical reply.
func (s *Step) decision() bool { return s.Choice != continueID || s.Historical != "" }
