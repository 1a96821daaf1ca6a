package rules

import (
	"fmt"

	"bigthree/internal/scenario"
)

// PlayedStep is one choice as the Studio remembers it across edits of the
// scenario: the event's id, the reply's id and its place in the list (-1
// for Continue).
type PlayedStep struct {
	Event  string `json:"event"`
	Choice string `json:"choice"`
	Index  int    `json:"index"`
}

// Played lists the choices of a run as PlayedSteps.
func (r *Run) Played() []PlayedStep {
	out := make([]PlayedStep, 0, len(r.steps))
	for _, st := range r.steps {
		out = append(out, PlayedStep{Event: r.s.Events[st.Event].ID, Choice: r.ChoiceID(st), Index: st.Choice})
	}
	return out
}

// ReplayEdited replays choices made on an earlier version of the scenario
// being edited, as far as they still fit. A reply is found by its id, or,
// when its text was edited (the id of a reply without `id` comes from its
// text), by its place among the event's replies. The report says where the
// replay stopped and why.
func ReplayEdited(s *scenario.Scenario, steps []PlayedStep) (*Run, ResumeReport) {
	r := New(s)
	rr := ResumeReport{Total: len(steps)}
	for i, st := range steps {
		if p := r.replayEdited(st); p != "" {
			rr.Problem = fmt.Sprintf("choice %d (%s)", i+1, p)
			return r, rr
		}
		rr.Replayed++
	}
	return r, rr
}

func (r *Run) replayEdited(st PlayedStep) string {
	saved := SavedStep{Event: st.Event, Choice: st.Choice}
	if r.Over() || r.s.Events[r.event].ID != st.Event {
		return r.replayStep(saved)
	}
	e := &r.s.Events[r.event]
	if st.Choice == ContinueID || e.ChoiceIndex(st.Choice) >= 0 || st.Index < 0 || st.Index >= len(e.Choices) {
		return r.replayStep(saved)
	}
	// The reply's id is gone: its text changed. Take the reply at the same place.
	if err := r.ChooseIndex(st.Index); err != nil {
		return fmt.Sprintf("the reply %d of %q is now locked", st.Index+1, st.Event)
	}
	return ""
}
