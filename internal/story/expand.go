package story

import (
	"bigthree/internal/rules"
	"bigthree/internal/scenario"
)

// Texts that change with the story (a meter's value, a character's name,
// passages under a condition) are expanded here, from the run's state, so
// that every front end shows the same words. A document and its replies read
// as the state is when the document is on the desk; the reactions and the
// history note after a reply as the state is after it; an ending as the
// state is at the end.

// stateBefore returns the meters and flags before step i of the run. The run
// logs the meters of every step; the flags are replayed from the start,
// where every flag is false.
func stateBefore(r *rules.Run, i int) ([]int, []bool) {
	return r.Before(i), flagsAt(r, i)
}

// stateAfter returns the meters and flags after step i of the run, before
// any trigger moved the story.
func stateAfter(r *rules.Run, i int) ([]int, []bool) {
	return r.After(i), flagsAt(r, i+1)
}

// flagsAt returns the flags after the first n steps of the run.
func flagsAt(r *rules.Run, n int) []bool {
	s := r.Scenario()
	steps := r.Steps()
	if n >= len(steps) {
		return r.Flags()
	}
	flags := make([]bool, len(s.Flags))
	for _, st := range steps[:n] {
		e := &s.Events[st.Event]
		set, clear := e.Set, e.Clear
		if st.Choice >= 0 {
			c := &e.Choices[st.Choice]
			set, clear = c.Set, c.Clear
		}
		for _, f := range set {
			flags[f] = true
		}
		for _, f := range clear {
			flags[f] = false
		}
	}
	return flags
}

// expand returns a text of the scenario as the given state shows it.
func expand(s *scenario.Scenario, text string, meters []int, flags []bool) string {
	return s.Expand(text, meters, flags)
}
