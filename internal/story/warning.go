package story

import (
	"math"
	"strconv"
	"strings"

	"bigthree/internal/rules"
	"bigthree/internal/scenario"
)

// Warning says that a trigger is near: one more reply could make its
// condition true and turn the story. The game shows Text before the
// trigger fires and marks each meter in Marks at its threshold.
type Warning struct {
	Trigger int // the trigger's index in the scenario
	// Text is the trigger's `warning:` in the story's voice, or a line
	// built from the meters' labels when the scenario gives none.
	Text  string
	Marks []Mark
}

// Mark is a visible meter's value at which a trigger fires.
type Mark struct {
	Meter     int // the meter's index in the scenario
	Threshold int
}

// Near is how close, in replies, a trigger's condition must be before the
// game warns: within one reply's reach (see scenario.Cond.Gap).
const Near = 1.0

// Warnings returns the triggers that are near firing now, in the
// scenario's order. A trigger is near when its condition is false but
// every comparison it still needs is within one reply's reach: the
// largest change any single reply or document of the scenario makes to
// that meter. A flag in the condition counts as near when an event that
// sets it, not yet seen, has a condition that is near in the same way.
func Warnings(r *rules.Run) []Warning {
	if r.Over() {
		return nil
	}
	s := r.Scenario()
	reach := reaches(s)
	reachOf := func(m int) float64 { return reach[m] }
	flagGap := func(f int) float64 {
		best := math.Inf(1)
		for i := range s.Events {
			e := &s.Events[i]
			if r.Seen(i) || !containsIndex(e.Set, f) {
				continue
			}
			best = math.Min(best, e.If.Gap(r.Meters(), r.Flags(), reachOf, nil))
		}
		return best
	}
	var out []Warning
	for t := range s.Triggers {
		tr := &s.Triggers[t]
		if r.Fired(t) {
			continue
		}
		g := tr.If.Gap(r.Meters(), r.Flags(), reachOf, flagGap)
		if g == 0 || g > Near {
			continue
		}
		w := Warning{Trigger: t, Marks: marksOf(s, r, tr)}
		w.Text = tr.Warning
		if w.Text == "" {
			w.Text = defaultWarning(s, w.Marks)
		}
		out = append(out, w)
	}
	return out
}

// marksOf lists the visible meters the trigger watches, directly or
// through the events that set its flags, with their thresholds.
func marksOf(s *scenario.Scenario, r *rules.Run, tr *scenario.Trigger) []Mark {
	var out []Mark
	add := func(c *scenario.Cond) {
		for m, th := range c.Watched() {
			if s.Meters[m].Hidden {
				continue
			}
			dup := false
			for _, k := range out {
				dup = dup || k.Meter == m
			}
			if !dup {
				out = append(out, Mark{Meter: m, Threshold: th})
			}
		}
	}
	add(tr.If)
	for _, f := range tr.If.FlagsUsed() {
		for i := range s.Events {
			if !r.Seen(i) && containsIndex(s.Events[i].Set, f) {
				add(s.Events[i].If)
			}
		}
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].Meter < out[j-1].Meter; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// defaultWarning says which meters are near their thresholds, with the
// scenario's labels only.
func defaultWarning(s *scenario.Scenario, marks []Mark) string {
	if len(marks) == 0 {
		return Capitalize(DefaultWarning)
	}
	parts := make([]string, len(marks))
	for i, k := range marks {
		parts[i] = s.Meters[k.Meter].Label + " is close to " + strconv.Itoa(k.Threshold)
	}
	return Capitalize(strings.Join(parts, "; ")) + ": " + DefaultWarning
}

// DefaultWarning ends the warning the game builds when the scenario gives
// none.
const DefaultWarning = "one more reply could change the course of events."

// reaches returns, for each meter, the most a single reply or document
// of the scenario moves it (at least 1).
func reaches(s *scenario.Scenario) []float64 {
	out := make([]float64, len(s.Meters))
	for i := range out {
		out[i] = 1
	}
	note := func(effs []scenario.Effect) {
		for _, ef := range effs {
			if ef.Op != scenario.Add {
				continue
			}
			out[ef.Meter] = math.Max(out[ef.Meter], math.Abs(float64(ef.Amount)))
		}
	}
	for i := range s.Events {
		e := &s.Events[i]
		note(e.Effects)
		for j := range e.Choices {
			note(e.Choices[j].Effects)
		}
	}
	return out
}

func containsIndex(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}
