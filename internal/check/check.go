package check

import (
	"fmt"
	"slices"

	"bigthree/internal/scenario"
)

// CheckExplore are the bounds of the exploration `check` makes: smaller
// than `explore`'s, so checking stays quick while editing.
var CheckExplore = ExploreOptions{MaxStates: 20_000, Runs: 2_000, Seed: 1, MaxSteps: 10_000, Budget: 200_000}

// File loads a scenario and runs every check on it: the loader's, the graph
// checks and an exploration. The scenario is nil when there are errors in
// the file itself (graph problems do not stop a scenario from loading).
func File(name string, data []byte) (*scenario.Scenario, scenario.Diagnostics) {
	s, diags := scenario.Load(name, data)
	if s == nil {
		return nil, diags
	}
	diags = append(diags, Scenario(s, CheckExplore)...)
	diags.Sort()
	return s, diags
}

// Scenario runs the graph checks and an exploration on a loaded scenario.
func Scenario(s *scenario.Scenario, opts ExploreOptions) scenario.Diagnostics {
	p := &problems{s: s}
	reachable := p.static(Edges(s))
	p.allLocked(reachable)
	if !p.diags.HasErrors() {
		p.explored(reachable, Explore(s, opts))
	}
	p.diags.Sort()
	return p.diags
}

// explored turns what an exploration found into diagnostics. Structural
// problems already reported are not repeated.
func (p *problems) explored(reachable []bool, rep *Report) {
	s := p.s
	scope := fmt.Sprintf("in any of %d random playthroughs (there are too many paths to try them all; `b3 explore` tries more)", rep.Runs)
	never := "in any playthrough"
	if rep.Exhaustive {
		scope = "on any path"
		never = "on any path"
	}
	for _, d := range rep.DeadEnds {
		e := &s.Events[d.Event]
		// The error replaces the warning that this could happen.
		p.diags = slices.DeleteFunc(p.diags, func(x scenario.Diagnostic) bool {
			return x.Code == "all-locked" && x.Line == e.Pos.Line && x.Col == e.Pos.Col
		})
		p.add(e.Pos, scenario.Error, "dead-end", fmt.Sprintf("dead end: the story reaches `%s` when %s, and then every reply is locked or hidden and the event has no `next`. Give one reply no `if`, or give the event a `next`", e.ID, stateText(s, d.Meters, d.Flags)))
	}
	for _, st := range rep.Stuck {
		e := &s.Events[st.Event]
		p.add(e.Pos, scenario.Error, "trap-loop", fmt.Sprintf("the story can get stuck in a loop at `%s` (when %s): from there no reply leads towards an ending. Make sure a reply that leaves the loop is available", e.ID, stateText(s, st.Meters, st.Flags)))
	}
	if rep.Circles > 0 && len(rep.Stuck) == 0 {
		p.add(scenario.Pos{Line: 1, Col: 1}, scenario.Error, "trap-loop", fmt.Sprintf("%d of %d random playthroughs were still going after %d choices: some replies lead round in a loop that is hard or impossible to leave", rep.Circles, rep.Runs, CheckExplore.MaxSteps))
	}
	for i := range s.Events {
		e := &s.Events[i]
		if !reachable[i] {
			continue // already reported as unreachable
		}
		if !rep.EventReached[i] {
			why := ""
			if e.If != nil {
				why = fmt.Sprintf(": its condition `%s` is never true when the story gets there", e.If.Src)
			}
			p.add(e.Pos, scenario.Warning, "never-reached", fmt.Sprintf("the event `%s` is never reached %s%s", e.ID, scope, why))
			continue
		}
		for j := range e.Choices {
			c := &e.Choices[j]
			if c.If != nil && !rep.ChoiceAvailable[i][j] {
				p.add(c.Pos, scenario.Warning, "never-available", fmt.Sprintf("reply %d of `%s` is never available %s: its condition `%s` is never true when the story gets there", j+1, e.ID, never, c.If.Src))
			}
		}
	}
	for i := range s.Endings {
		if !rep.EndingReached[i] && rep.EndingRuns[i] == 0 && !p.reported(s.Endings[i].Pos) {
			e := &s.Endings[i]
			why := ""
			if e.If != nil {
				why = fmt.Sprintf(": its condition `%s` is never true at the end, or an ending above it always matches first", e.If.Src)
			}
			p.add(e.Pos, scenario.Warning, "never-reached", fmt.Sprintf("the ending `%s` is never reached %s%s", e.ID, scope, why))
		}
	}
}

func (p *problems) reported(pos scenario.Pos) bool {
	for _, d := range p.diags {
		if d.Line == pos.Line && d.Col == pos.Col {
			return true
		}
	}
	return false
}

// stateText describes meters and the flags that are on, for messages.
func stateText(s *scenario.Scenario, meters []int, flags []bool) string {
	var parts []string
	for i, m := range s.Meters {
		parts = append(parts, fmt.Sprintf("%s = %d", m.ID, meters[i]))
	}
	var on []string
	for i, f := range s.Flags {
		if flags[i] {
			on = append(on, f.ID)
		}
	}
	switch {
	case len(s.Flags) == 0:
	case len(on) == 0:
		parts = append(parts, "no flag is set")
	case len(on) == 1:
		parts = append(parts, "the flag "+on[0]+" is set")
	default:
		parts = append(parts, "the flags "+joinAnd(on)+" are set")
	}
	return joinAnd(parts)
}
