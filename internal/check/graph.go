// Package check finds broken branches in a scenario before a class does:
// events nobody can reach, dead ends, loops with no way out, dates that go
// backwards, endings no path reaches and replies that are never available.
// It also explores playthroughs and draws the branching structure. Nothing
// here imports ebiten.
package check

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"bigthree/internal/scenario"
)

// EdgeKind says why the story can move along an edge.
type EdgeKind uint8

// The edge kinds.
const (
	ByChoice  EdgeKind = iota // a reply (or Continue) leads there
	BySkip                    // the event's condition is false, so it is skipped
	ByTrigger                 // a trigger can fire after any choice
	ByStart                   // the scenario starts there
)

// Edge is a possible move of the story from an event.
type Edge struct {
	From    int // event index; -1 for the start
	Choice  int // choice index for ByChoice (-1 = Continue); trigger index for ByTrigger
	Kind    EdgeKind
	To      scenario.Target
	Pos     scenario.Pos // where the move is written in the file
	Implied bool         // the target is a default, not written
}

// Edges lists every move the story can make, in file order.
func Edges(s *scenario.Scenario) []Edge {
	n := 1
	for i := range s.Events {
		n += len(s.Events[i].Choices) + 2 + len(s.Triggers)
	}
	out := make([]Edge, 0, n)
	out = append(out, Edge{From: -1, Kind: ByStart, To: s.Start, Pos: s.Start.Pos})
	for i := range s.Events {
		e := &s.Events[i]
		if len(e.Choices) == 0 || allConditional(e) {
			t := s.Resolve(i, -1)
			out = append(out, Edge{From: i, Choice: -1, Kind: ByChoice, To: t, Pos: posOr(e.Next.Pos, e.Pos), Implied: e.Next.Kind == scenario.TargetDefault})
		}
		for j := range e.Choices {
			c := &e.Choices[j]
			t := s.Resolve(i, j)
			out = append(out, Edge{From: i, Choice: j, Kind: ByChoice, To: t, Pos: posOr(c.Next.Pos, c.Pos), Implied: c.Next.Kind == scenario.TargetDefault})
		}
		if e.If != nil {
			out = append(out, Edge{From: i, Choice: -1, Kind: BySkip, To: s.Skip(i), Pos: e.If.Pos, Implied: e.Next.Kind == scenario.TargetDefault})
		}
		for t := range s.Triggers {
			out = append(out, Edge{From: i, Choice: t, Kind: ByTrigger, To: s.Triggers[t].Goto, Pos: s.Triggers[t].Pos})
		}
	}
	return out
}

func allConditional(e *scenario.Event) bool {
	for i := range e.Choices {
		if e.Choices[i].If == nil {
			return false
		}
	}
	return len(e.Choices) > 0
}

func posOr(p, q scenario.Pos) scenario.Pos {
	if p.Line > 0 {
		return p
	}
	return q
}

// problems collects diagnostics for one scenario.
type problems struct {
	s     *scenario.Scenario
	diags scenario.Diagnostics
	// data is the file's text when known, to point at a key within an
	// event; root is its YAML tree, parsed when first needed.
	data []byte
	root *yaml.Node
	// trapped marks the events of the loops already reported from the
	// structure alone.
	trapped []bool
	steps   int // the exploration's MaxSteps, for messages
}

func (p *problems) add(pos scenario.Pos, sev scenario.Severity, code, msg string) {
	p.diags = append(p.diags, scenario.Diagnostic{File: p.s.File, Line: pos.Line, Col: pos.Col, Severity: sev, Code: code, Message: msg})
}

// outEdges groups the edges by the event they leave: out[i] for event i,
// out[len(s.Events)] for the start. Edges come grouped that way, so each
// event's edges are a slice of the list: nothing is copied.
func outEdges(s *scenario.Scenario, edges []Edge) [][]Edge {
	n := len(s.Events)
	out := make([][]Edge, n+1)
	for lo := 0; lo < len(edges); {
		hi := lo + 1
		for hi < len(edges) && edges[hi].From == edges[lo].From {
			hi++
		}
		from := edges[lo].From
		if from < 0 {
			from = n
		}
		out[from] = edges[lo:hi:hi]
		lo = hi
	}
	return out
}

// Reachable reports, for each event, whether some move of the story leads
// there from the start, conditions aside: an event it says false of is
// never shown, whatever the player does.
func Reachable(s *scenario.Scenario) []bool {
	r, _, _ := reach(s, outEdges(s, Edges(s)))
	return r
}

// reach follows the moves from the start. It also says whether the story
// can get to `end` and which endings a move names.
func reach(s *scenario.Scenario, out [][]Edge) (reachable []bool, endReached bool, endingTargeted []bool) {
	n := len(s.Events)
	reachable = make([]bool, n)
	endingTargeted = make([]bool, len(s.Endings))
	stack := []int{n}
	visited := make([]bool, n+1)
	visited[n] = true
	for len(stack) > 0 {
		u := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, e := range out[u] {
			switch e.To.Kind {
			case scenario.TargetEvent:
				if !visited[e.To.Index] {
					visited[e.To.Index] = true
					reachable[e.To.Index] = true
					stack = append(stack, e.To.Index)
				}
			case scenario.TargetEnding:
				endingTargeted[e.To.Index] = true
			case scenario.TargetEnd:
				endReached = true
			}
		}
	}
	return reachable, endReached, endingTargeted
}

// static runs the checks that need only the structure of the story.
func (p *problems) static(edges []Edge) (reachable []bool) {
	s := p.s
	out := outEdges(s, edges)
	reachable, endReached, endingTargeted := reach(s, out)
	for i := range s.Events {
		if !reachable[i] {
			p.add(s.Events[i].Pos, scenario.Warning, "unreachable-event", fmt.Sprintf("the event `%s` can never be reached: no `start`, `next` or `goto` leads to it, and the event before it always moves elsewhere", s.Events[i].ID))
		}
	}
	// Endings: picked by condition when the story reaches `end`, or named directly.
	fallback := -1
	for i := range s.Endings {
		if s.Endings[i].If == nil {
			fallback = i
			break
		}
	}
	for i := range s.Endings {
		e := &s.Endings[i]
		byEnd := endReached && (fallback < 0 || i <= fallback)
		if byEnd || endingTargeted[i] {
			continue
		}
		switch {
		case endReached && fallback >= 0 && i > fallback:
			p.add(e.Pos, scenario.Warning, "unreachable-ending", fmt.Sprintf("the ending `%s` comes after the fallback ending `%s` (the first without `if`), so it is never picked, and no `next` or `goto` names it: move it above `%s`", e.ID, s.Endings[fallback].ID, s.Endings[fallback].ID))
		default:
			p.add(e.Pos, scenario.Warning, "unreachable-ending", fmt.Sprintf("no path can reach the ending `%s`: the story never gets to `end` and no `next` or `goto` names it", e.ID))
		}
	}
	p.loops(out, reachable)
	p.dates(edges)
	return reachable
}

// loops reports groups of events that lead only to each other: once the
// story enters one, it can never reach an ending. It marks their events in
// p.trapped, so the explorer does not report the same loop again.
func (p *problems) loops(out [][]Edge, reachable []bool) {
	s := p.s
	n := len(s.Events)
	first := make([]int32, n+1)
	var succ []int32
	for u := 0; u < n; u++ {
		for _, e := range out[u] {
			if e.To.Kind == scenario.TargetEvent {
				succ = append(succ, int32(e.To.Index))
			}
		}
		first[u+1] = int32(len(succ))
	}
	comp := components(n, first, succ, func(int32) bool { return true })
	members := map[int32][]int{}
	for u := 0; u < n; u++ {
		members[comp[u]] = append(members[comp[u]], u)
	}
	p.trapped = make([]bool, n)
	reported := map[int32]bool{}
	for u := 0; u < n; u++ {
		c := comp[u]
		if reported[c] || !reachable[u] {
			continue
		}
		group := members[c]
		exits, cycle := false, len(group) > 1
		for _, v := range group {
			for _, e := range out[v] {
				if e.To.Kind != scenario.TargetEvent || comp[e.To.Index] != c {
					exits = true
				}
				if e.To.Kind == scenario.TargetEvent && e.To.Index == v {
					cycle = true
				}
			}
		}
		if !cycle || exits {
			continue
		}
		reported[c] = true
		for _, v := range group {
			p.trapped[v] = true
		}
		first := &s.Events[group[0]]
		if len(group) == 1 {
			at := first.Pos
			if first.Next.Kind == scenario.TargetEvent && first.Next.Index == group[0] {
				at = first.Next.Pos
			}
			p.add(at, scenario.Error, "trap-loop", fmt.Sprintf("the event `%s` leads only back to itself: once the story gets there it can never reach an ending. Give it (or one of its replies) a `next` to another event", first.ID))
			continue
		}
		var ids []string
		for _, v := range group {
			ids = append(ids, "`"+s.Events[v].ID+"`")
		}
		p.add(first.Pos, scenario.Error, "trap-loop", fmt.Sprintf("the events %s lead only to each other: once the story gets there it can never reach an ending. Give one of their replies a `next` out of the loop", joinAnd(ids)))
	}
}

// dates warns where a move goes back in time.
func (p *problems) dates(edges []Edge) {
	s := p.s
	implied := map[[2]int]bool{}
	for _, e := range edges {
		if e.From < 0 || e.To.Kind != scenario.TargetEvent || e.Kind == ByTrigger {
			continue
		}
		a, b := &s.Events[e.From], &s.Events[e.To.Index]
		if a.Date.IsZero() || b.Date.IsZero() || !b.Date.Before(a.Date) {
			continue
		}
		if e.Implied {
			// Every reply without its own `next` goes to the same place:
			// say it once, at the event.
			key := [2]int{e.From, e.To.Index}
			if implied[key] {
				continue
			}
			implied[key] = true
			p.add(a.Pos, scenario.Warning, "date-backwards", fmt.Sprintf("the story goes on from `%s` (%s) to the event after it in the file, `%s`, which is earlier (%s): put the events in date order, or give the replies a `next`", a.ID, a.Date.Format("2006-01-02"), b.ID, b.Date.Format("2006-01-02")))
			continue
		}
		how := fmt.Sprintf("reply %d", e.Choice+1)
		switch {
		case e.Kind == BySkip:
			how = "skipping it"
		case e.Choice < 0:
			how = "continuing"
		}
		p.add(e.Pos, scenario.Warning, "date-backwards", fmt.Sprintf("from `%s` (%s), %s goes back in time to `%s` (%s)", a.ID, a.Date.Format("2006-01-02"), how, b.ID, b.Date.Format("2006-01-02")))
	}
}

// lockExample looks for meter values and flags that lock or hide every
// reply of e at once. It tries the values around every number the
// conditions compare a meter with; only an exploration can say whether the
// story ever arrives at e in such a state.
func lockExample(s *scenario.Scenario, e *scenario.Event) (string, bool) {
	var meters, flags []int
	values := map[int][]int{}
	arith := false
	for j := range e.Choices {
		c := e.Choices[j].If
		for _, m := range c.Meters() {
			if !slices.Contains(meters, m) {
				meters = append(meters, m)
			}
		}
		for _, f := range c.FlagsUsed() {
			if !slices.Contains(flags, f) {
				flags = append(flags, f)
			}
		}
		for m, ts := range c.Thresholds() {
			for _, t := range ts {
				v := int(t)
				values[m] = append(values[m], v-1, v, v+1)
			}
		}
		arith = arith || c.Arithmetic()
	}
	slices.Sort(meters)
	slices.Sort(flags)
	mv := make([]int, len(s.Meters))
	for i, m := range s.Meters {
		mv[i] = m.Start
	}
	fv := make([]bool, len(s.Flags))
	cands := make([][]int, len(meters))
	total := 1 << len(flags)
	for k, m := range meters {
		mt := &s.Meters[m]
		vs := append([]int{mt.Min, mt.Max}, values[m]...)
		if arith {
			for v := mt.Min; v <= mt.Max; v += max(1, (mt.Max-mt.Min)/10) {
				vs = append(vs, v)
			}
		}
		var clamped []int
		for _, v := range vs {
			v = min(max(v, mt.Min), mt.Max)
			if !slices.Contains(clamped, v) {
				clamped = append(clamped, v)
			}
		}
		slices.Sort(clamped)
		cands[k] = clamped
		total *= len(clamped)
		if total > 1<<20 {
			break
		}
	}
	allLocked := func() bool {
		for j := range e.Choices {
			if e.Choices[j].If.Eval(mv, fv) {
				return false
			}
		}
		return true
	}
	describe := func() string {
		var parts []string
		for _, m := range meters {
			parts = append(parts, fmt.Sprintf("%s = %d", s.Meters[m].ID, mv[m]))
		}
		for _, f := range flags {
			parts = append(parts, fmt.Sprintf("%s is %v", s.Flags[f].ID, fv[f]))
		}
		return joinAnd(parts)
	}
	try := func(idx int) {
		for k, m := range meters {
			c := cands[k]
			mv[m] = c[idx%len(c)]
			idx /= len(c)
		}
		for k, f := range flags {
			fv[f] = idx>>k&1 == 1
		}
	}
	if total <= 1<<16 {
		for idx := 0; idx < total; idx++ {
			try(idx)
			if allLocked() {
				return describe(), true
			}
		}
		return "", false
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 1 << 16 {
		try(rng.IntN(1 << 30))
		if allLocked() {
			return describe(), true
		}
	}
	return "", false
}

func joinAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}
