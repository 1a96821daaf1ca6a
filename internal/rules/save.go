package rules

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"bigthree/internal/scenario"
)

// SaveFormat is the newest save format this program writes and reads.
const SaveFormat = 1

// MaxSaveSize bounds what DecodeSave reads; a real save is a few kilobytes.
const MaxSaveSize = 4 << 20

// Save is a playthrough as written to disk: enough to replay it.
type Save struct {
	Format   int    `json:"format"`
	Scenario string `json:"scenario"`
	// Hash is the scenario's content hash when the save was made.
	Hash    string      `json:"hash"`
	Title   string      `json:"title,omitempty"`
	Choices []SavedStep `json:"choices"`
	// Event and Meters describe where the player was, for display only;
	// the replay is what counts.
	Event  string         `json:"event,omitempty"`
	Meters map[string]int `json:"meters,omitempty"`
}

// SavedStep is one choice: the event it was made at and the reply's id.
type SavedStep struct {
	Event  string `json:"event"`
	Choice string `json:"choice"`
}

// Save returns the save record of the run.
func (r *Run) Save() Save {
	sv := Save{Format: SaveFormat, Scenario: r.s.ID, Hash: r.s.Hash, Title: r.s.Title, Choices: []SavedStep{}}
	for _, st := range r.steps {
		sv.Choices = append(sv.Choices, SavedStep{Event: r.s.Events[st.Event].ID, Choice: r.ChoiceID(st)})
	}
	if r.event >= 0 {
		sv.Event = r.s.Events[r.event].ID
	} else if r.ending >= 0 {
		sv.Event = r.s.Endings[r.ending].ID
	}
	sv.Meters = map[string]int{}
	for i, m := range r.s.Meters {
		sv.Meters[m.ID] = r.meters[i]
	}
	return sv
}

// Encode returns the save as indented JSON.
func (sv Save) Encode() []byte {
	b, err := json.MarshalIndent(sv, "", "  ")
	if err != nil {
		panic(err) // a Save holds only strings, ints and slices of them
	}
	return append(b, '\n')
}

// ErrCorruptSave wraps every reason a save file cannot be read.
var ErrCorruptSave = errors.New("the save file is damaged")

// DecodeSave reads a save file. A truncated, corrupt or foreign file is an
// error that says what is wrong; it never panics.
func DecodeSave(data []byte) (*Save, error) {
	if len(data) > MaxSaveSize {
		return nil, fmt.Errorf("%w: it is %d bytes, far larger than any save", ErrCorruptSave, len(data))
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("%w: it is empty", ErrCorruptSave)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	var sv Save
	if err := dec.Decode(&sv); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.Is(err, io.ErrUnexpectedEOF):
			return nil, fmt.Errorf("%w: it stops in the middle (it was cut short)", ErrCorruptSave)
		case errors.As(err, &se):
			return nil, fmt.Errorf("%w: it is not valid JSON at byte %d (%v)", ErrCorruptSave, se.Offset, se)
		case errors.As(err, &te):
			return nil, fmt.Errorf("%w: the field %q has the wrong type at byte %d", ErrCorruptSave, te.Field, te.Offset)
		}
		return nil, fmt.Errorf("%w: %v", ErrCorruptSave, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("%w: there is extra data after the save", ErrCorruptSave)
	}
	switch {
	case sv.Format > SaveFormat:
		return nil, fmt.Errorf("this save was written by a newer bigthree (save format %d; this program reads %d)", sv.Format, SaveFormat)
	case sv.Format < 1:
		return nil, fmt.Errorf("%w: it has no save format number", ErrCorruptSave)
	case sv.Scenario == "":
		return nil, fmt.Errorf("%w: it does not say which scenario it belongs to", ErrCorruptSave)
	}
	for i, st := range sv.Choices {
		if st.Event == "" || st.Choice == "" {
			return nil, fmt.Errorf("%w: choice %d is incomplete", ErrCorruptSave, i+1)
		}
	}
	return &sv, nil
}

// ResumeReport tells how far a save could be replayed.
type ResumeReport struct {
	Replayed int  // choices replayed
	Total    int  // choices in the save
	Changed  bool // the scenario's content differs from when the save was made
	// Problem says where and why the replay stopped; empty when it completed.
	Problem string
}

// Complete reports whether every saved choice was replayed.
func (rr ResumeReport) Complete() bool { return rr.Replayed == rr.Total }

// String describes the outcome for the player.
func (rr ResumeReport) String() string {
	switch {
	case rr.Complete() && !rr.Changed:
		return fmt.Sprintf("resumed after %d choices", rr.Total)
	case rr.Complete():
		return fmt.Sprintf("the scenario has changed since this save, but all %d choices still fit: resumed where you were", rr.Total)
	}
	return fmt.Sprintf("the scenario has changed since this save: resumed after choice %d of %d, because %s", rr.Replayed, rr.Total, rr.Problem)
}

// Resume replays a save on a scenario. When the scenario changed, it replays
// as far as the saved choices still exist and the report says where it stopped.
func Resume(s *scenario.Scenario, sv *Save) (*Run, ResumeReport, error) {
	if sv.Scenario != s.ID {
		return nil, ResumeReport{}, fmt.Errorf("this save belongs to the scenario %q, not %q", sv.Scenario, s.ID)
	}
	r := New(s)
	rr := ResumeReport{Total: len(sv.Choices), Changed: sv.Hash != s.Hash}
	for i, st := range sv.Choices {
		if p := r.replayStep(st); p != "" {
			rr.Problem = fmt.Sprintf("choice %d (%s)", i+1, p)
			return r, rr, nil
		}
		rr.Replayed++
	}
	return r, rr, nil
}

// Replay plays a list of choice ids from the start. It stops at the first
// id that does not fit and says which.
func Replay(s *scenario.Scenario, ids []string) (*Run, error) {
	r := New(s)
	for i, id := range ids {
		if r.Over() {
			return r, fmt.Errorf("choice %d (%q): the story had already ended", i+1, id)
		}
		if err := r.Choose(id); err != nil {
			return r, fmt.Errorf("choice %d: %w", i+1, err)
		}
	}
	return r, nil
}

func (r *Run) replayStep(st SavedStep) string {
	if r.Over() {
		return fmt.Sprintf("the story now ends before the event %q", st.Event)
	}
	cur := r.s.Events[r.event].ID
	if cur != st.Event {
		if r.s.EventIndex(st.Event) < 0 {
			return fmt.Sprintf("the event %q no longer exists", st.Event)
		}
		return fmt.Sprintf("the story now reaches %q where the save had %q", cur, st.Event)
	}
	if err := r.Choose(st.Choice); err != nil {
		switch {
		case errors.Is(err, ErrLocked):
			return fmt.Sprintf("the reply %q of %q is now locked", st.Choice, st.Event)
		case st.Choice == ContinueID:
			return fmt.Sprintf("the event %q now asks for a reply", st.Event)
		}
		return fmt.Sprintf("the reply %q no longer exists in %q", st.Choice, st.Event)
	}
	return ""
}

// Historical plays the replies marked historical from the start: at each
// event the marked reply (or Continue where there is no choice). It stops
// at an event with choices but no available marked reply, or after limit
// steps, and reports whether it reached an ending.
func Historical(s *scenario.Scenario, limit int) (*Run, bool) {
	r := New(s)
	for n := 0; !r.Over() && n < limit; n++ {
		e := &s.Events[r.event]
		h := e.HistoricalChoice()
		if len(e.Choices) > 0 && (h < 0 || !r.available(h)) {
			if !r.available(-1) {
				return r, false
			}
			h = -1
		}
		if err := r.ChooseIndex(h); err != nil {
			return r, false
		}
	}
	return r, r.Over()
}
