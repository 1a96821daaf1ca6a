package check

import (
	"fmt"
	"io/fs"

	"bigthree/internal/scenario"
)

// File loads a scenario and runs every check on it: the loader's, the graph
// checks and an exploration. The scenario is nil when there are errors in
// the file itself (graph problems do not stop a scenario from loading).
// Every problem carries its line of the file, for the excerpt under it.
func File(name string, data []byte) (*scenario.Scenario, scenario.Diagnostics) {
	return FileIn(nil, name, data)
}

// FileIn is File for a scenario whose folder is dir: the pictures it names
// are read from there and checked too (see scenario.LoadFS).
func FileIn(dir fs.FS, name string, data []byte) (*scenario.Scenario, scenario.Diagnostics) {
	s, diags := scenario.LoadFS(dir, name, data)
	if s == nil {
		return nil, diags
	}
	p := &problems{s: s, data: data}
	p.run(CheckExplore)
	diags = append(diags, p.diags...)
	diags.AddSource(data)
	diags.Sort()
	return s, diags
}

// Scenario runs the graph checks and an exploration on a loaded scenario.
// Without the file's text, a few warnings point at the event rather than
// at the key within it.
func Scenario(s *scenario.Scenario, opts ExploreOptions) scenario.Diagnostics {
	p := &problems{s: s}
	p.run(opts)
	p.diags.Sort()
	return p.diags
}

func (p *problems) run(opts ExploreOptions) {
	p.steps = opts.MaxSteps
	reachable := p.static(Edges(p.s))
	p.usage()
	p.explored(reachable, Explore(p.s, opts))
}

// Scope says how far an exploration went, in the words the checker uses
// for "never": "on any path" after a complete walk, else how many random
// playthroughs and why there were not more.
func (rep *Report) Scope() string {
	if rep.Exhaustive {
		return "on any path"
	}
	return fmt.Sprintf("in any of %s random playthroughs (%s)", Number(rep.Runs), rep.WhySampled())
}

// WhySampled says why not every path was walked, and why there were not
// more playthroughs when the work limit stopped them; "" when every path
// was walked.
func (rep *Report) WhySampled() string {
	var why string
	switch {
	case rep.Exhaustive:
		return ""
	case rep.StateLimit == 0:
		why = "the walk of every path was turned off"
	case rep.WalkCut == CutByMemory:
		why = fmt.Sprintf("the story has more than %s states, too many to hold in memory", Number(rep.StateLimit))
	case rep.WalkCut == CutByWork:
		why = fmt.Sprintf("the story has more than %s states, too many to walk within the work limit", Number(rep.StateLimit))
	default:
		why = fmt.Sprintf("the story has more than %s states, too many to walk every path", Number(rep.StateLimit))
	}
	if rep.WorkLimited {
		why += fmt.Sprintf("; the work limit stopped the playthroughs after %s of %s", Number(rep.Runs), Number(rep.RunsWanted))
	}
	return why
}

// explored turns what an exploration found into diagnostics. Structural
// problems already reported are not repeated.
func (p *problems) explored(reachable []bool, rep *Report) {
	s := p.s
	scope := rep.Scope()
	for _, d := range rep.DeadEnds {
		e := &s.Events[d.Event]
		p.add(e.Pos, scenario.Error, "dead-end", fmt.Sprintf("dead end: the story reaches `%s` when %s, and then every reply is locked or hidden and the event has no `next`. Give one reply no `if`, or give the event a `next`", e.ID, stateText(s, d.Meters, d.Flags)))
	}
	for _, l := range rep.LockRisks {
		e := &s.Events[l.Event]
		p.add(e.Pos, scenario.Warning, "all-locked", fmt.Sprintf("every reply of `%s` can be locked or hidden at once (for example when %s): the player could then only press Continue. None of %s random playthroughs got there in such a state, but %s, so it may still happen. Give one reply no `if`, or give the event a `next` for that case", e.ID, l.Example, Number(rep.Runs), rep.WhySampled()))
	}
	stuck := make([]bool, len(s.Events))
	for _, st := range rep.Stuck {
		stuck[st.Event] = true
		if p.trapped[st.Event] {
			continue // the loop is already reported, with its events
		}
		e := &s.Events[st.Event]
		p.add(e.Pos, scenario.Error, "trap-loop", fmt.Sprintf("the story can get stuck in a loop at `%s` (when %s): from there no reply leads towards an ending. Make sure a reply that leaves the loop is available", e.ID, stateText(s, st.Meters, st.Flags)))
	}
	for _, l := range rep.Loops {
		known := false
		for _, ev := range l.Events {
			known = known || p.trapped[ev] || stuck[ev]
		}
		if known {
			continue
		}
		var ids []string
		for _, ev := range l.Events {
			ids = append(ids, "`"+s.Events[ev].ID+"`")
		}
		e := &s.Events[l.Events[0]]
		at := e.Pos
		if len(l.Events) == 1 && e.Next.Kind == scenario.TargetEvent && e.Next.Index == l.Events[0] {
			at = e.Next.Pos
		}
		where := "round " + joinAnd(ids)
		if len(ids) == 1 {
			where = "round and round " + ids[0]
		}
		if rep.Exhaustive {
			p.add(at, scenario.Warning, "long-loop", fmt.Sprintf("%s of %s random playthroughs went %s and were still going after %s choices. Every path was walked and a way out exists, but it is hard to find: make a reply that leaves the loop easier to reach", Number(l.Runs), Number(rep.Runs), where, Number(p.maxSteps())))
			continue
		}
		p.add(at, scenario.Error, "trap-loop", fmt.Sprintf("%s of %s random playthroughs went %s and never reached an ending: the story can get stuck there. Make sure a reply (or a `next`) that leaves the loop is available", Number(l.Runs), Number(rep.Runs), where))
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
				p.add(c.Pos, scenario.Warning, "never-available", fmt.Sprintf("reply %d of `%s` is never available %s: its condition `%s` is never true when the story gets there", j+1, e.ID, scope, c.If.Src))
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
	p.historical(rep)
}

func (p *problems) maxSteps() int {
	if p.steps > 0 {
		return p.steps
	}
	return DefaultExplore.MaxSteps
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

// metersText describes meter values, for messages.
func metersText(s *scenario.Scenario, meters []int) string {
	var parts []string
	for i, m := range s.Meters {
		parts = append(parts, fmt.Sprintf("%s = %d", m.ID, meters[i]))
	}
	return joinAnd(parts)
}

// Number writes n with thousands separators (10,000), as every report and
// message of the checker does.
func Number(n int) string {
	str := fmt.Sprint(n)
	neg := n < 0
	if neg {
		str = str[1:]
	}
	var out []byte
	for i := range len(str) {
		if i > 0 && (len(str)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, str[i])
	}
	if neg {
		return "-" + string(out)
	}
	return string(out)
}
