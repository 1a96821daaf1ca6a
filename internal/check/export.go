package check

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"bigthree/internal/scenario"
)

type graphView struct {
	events []int // event indices in date order (stable for equal dates)
	edges  []Edge
	// picks are the endings the story can reach by `end`, with the
	// condition that picks each: the list down to the first fallback.
	// Empty when no move leads to `end`.
	picks []endPick
}

type endPick struct {
	ending int
	label  string
}

func view(s *scenario.Scenario) graphView {
	v := graphView{edges: Edges(s)}
	for i := range s.Events {
		v.events = append(v.events, i)
	}
	slices.SortStableFunc(v.events, func(a, b int) int {
		return s.Events[a].Date.Compare(s.Events[b].Date)
	})
	if slices.ContainsFunc(v.edges, func(e Edge) bool { return e.To.Kind == scenario.TargetEnd }) {
		for i := range s.Endings {
			e := &s.Endings[i]
			if e.If == nil {
				v.picks = append(v.picks, endPick{i, "otherwise"})
				break
			}
			v.picks = append(v.picks, endPick{i, "if " + e.If.Src})
		}
	}
	return v
}

func edgeLabel(s *scenario.Scenario, e Edge) string {
	switch e.Kind {
	case BySkip:
		return "skipped if false"
	case ByTrigger:
		return "trigger: " + s.Triggers[e.Choice].If.Src
	case ByStart:
		return ""
	}
	if e.Choice < 0 {
		return "Continue"
	}
	c := &s.Events[e.From].Choices[e.Choice]
	l := fmt.Sprintf("%d. %s", e.Choice+1, clipWords(c.Text, 36))
	if c.If != nil {
		l += " [if " + c.If.Src + "]"
	}
	if c.Historical {
		l += " ★"
	}
	return l
}

func clipWords(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return cut + "…"
}

func eventLabel(e *scenario.Event) string {
	l := e.Date.Format("2006-01-02") + "\n" + clipWords(e.Title, 40)
	if e.If != nil {
		l += "\nif " + e.If.Src
	}
	return l
}

func endingLabel(e *scenario.Ending) string {
	l := "ENDING\n" + clipWords(e.Title, 40)
	if e.If != nil {
		l += "\nif " + e.If.Src
	} else {
		l += "\n(fallback)"
	}
	return l
}

// DOT returns the branching structure as a Graphviz graph, events ranked in
// date order. Render it with `dot -Tsvg`.
func DOT(s *scenario.Scenario) string {
	v := view(s)
	var b strings.Builder
	q := func(x string) string {
		return "\"" + strings.NewReplacer("\\", "\\\\", "\"", "\\\"", "\n", "\\n").Replace(x) + "\""
	}
	fmt.Fprintf(&b, "digraph %s {\n", q(s.ID))
	fmt.Fprintf(&b, "  label=%s;\n  labelloc=t;\n  rankdir=TB;\n", q(s.Title))
	b.WriteString("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#f6f0e1\", fontname=\"Helvetica\", fontsize=10];\n")
	b.WriteString("  edge [fontname=\"Helvetica\", fontsize=9];\n")
	b.WriteString("  \"start\" [shape=circle, label=\"start\", fillcolor=\"#d9d2c0\"];\n")
	// One rank per date, in date order.
	for i := 0; i < len(v.events); {
		j := i
		d := s.Events[v.events[i]].Date
		for j < len(v.events) && s.Events[v.events[j]].Date.Equal(d) {
			j++
		}
		b.WriteString("  { rank=same;")
		for _, ev := range v.events[i:j] {
			fmt.Fprintf(&b, " %s;", q(s.Events[ev].ID))
		}
		b.WriteString(" }\n")
		for _, ev := range v.events[i:j] {
			fmt.Fprintf(&b, "  %s [label=%s];\n", q(s.Events[ev].ID), q(eventLabel(&s.Events[ev])))
		}
		i = j
	}
	if len(v.picks) > 0 {
		b.WriteString("  \"end\" [shape=diamond, label=\"end:\\nfirst ending\\nwhose if holds\", fillcolor=\"#d9d2c0\"];\n")
	}
	b.WriteString("  { rank=sink;")
	for en := range s.Endings {
		fmt.Fprintf(&b, " %s;", q("ending:"+s.Endings[en].ID))
	}
	b.WriteString(" }\n")
	for en := range s.Endings {
		fmt.Fprintf(&b, "  %s [shape=doubleoctagon, fillcolor=\"#e8d9b0\", label=%s];\n", q("ending:"+s.Endings[en].ID), q(endingLabel(&s.Endings[en])))
	}
	target := func(t scenario.Target) string {
		switch t.Kind {
		case scenario.TargetEvent:
			return q(s.Events[t.Index].ID)
		case scenario.TargetEnding:
			return q("ending:" + s.Endings[t.Index].ID)
		}
		return q("end")
	}
	for _, e := range v.edges {
		from := q("start")
		if e.From >= 0 {
			from = q(s.Events[e.From].ID)
		}
		if e.Kind == ByTrigger {
			continue // drawn once per trigger below
		}
		style := ""
		if e.Kind == BySkip {
			style = ", style=dotted"
		}
		fmt.Fprintf(&b, "  %s -> %s [label=%s%s];\n", from, target(e.To), q(edgeLabel(s, e)), style)
	}
	for t := range s.Triggers {
		tr := &s.Triggers[t]
		id := q(fmt.Sprintf("trigger:%d", t+1))
		fmt.Fprintf(&b, "  %s [shape=note, fillcolor=\"#f2c9c0\", label=%s];\n", id, q(fmt.Sprintf("trigger %d (after any reply)\nif %s", t+1, tr.If.Src)))
		fmt.Fprintf(&b, "  %s -> %s [style=dashed];\n", id, target(tr.Goto))
	}
	for _, p := range v.picks {
		fmt.Fprintf(&b, "  \"end\" -> %s [label=%s, style=dashed];\n", q("ending:"+s.Endings[p.ending].ID), q(p.label))
	}
	b.WriteString("}\n")
	return b.String()
}

// Mermaid returns the branching structure as a Mermaid flowchart, events
// declared in date order. Paste it into any Markdown viewer that draws Mermaid.
func Mermaid(s *scenario.Scenario) string {
	v := view(s)
	var b strings.Builder
	esc := func(x string) string {
		x = strings.NewReplacer("\"", "#quot;", "\n", "<br/>", "<", "#lt;", ">", "#gt;").Replace(x)
		return "\"" + x + "\""
	}
	evID := func(i int) string { return fmt.Sprintf("e%d", i) }
	enID := func(i int) string { return fmt.Sprintf("x%d", i) }
	fmt.Fprintf(&b, "---\ntitle: %s\n---\nflowchart TD\n", strings.ReplaceAll(s.Title, "\n", " "))
	b.WriteString("  start((start))\n")
	for _, ev := range v.events {
		fmt.Fprintf(&b, "  %s[%s]\n", evID(ev), esc(eventLabel(&s.Events[ev])))
	}
	if len(v.picks) > 0 {
		b.WriteString("  end_{\"end: first ending whose if holds\"}\n")
	}
	for en := range s.Endings {
		fmt.Fprintf(&b, "  %s{{%s}}\n", enID(en), esc(endingLabel(&s.Endings[en])))
	}
	target := func(t scenario.Target) string {
		switch t.Kind {
		case scenario.TargetEvent:
			return evID(t.Index)
		case scenario.TargetEnding:
			return enID(t.Index)
		}
		return "end_"
	}
	edges := slices.Clone(v.edges)
	rank := make([]int, len(s.Events))
	for r, ev := range v.events {
		rank[ev] = r
	}
	slices.SortStableFunc(edges, func(a, b Edge) int {
		ra, rb := -1, -1
		if a.From >= 0 {
			ra = rank[a.From]
		}
		if b.From >= 0 {
			rb = rank[b.From]
		}
		return cmp.Compare(ra, rb)
	})
	for _, e := range edges {
		if e.Kind == ByTrigger {
			continue
		}
		from := "start"
		if e.From >= 0 {
			from = evID(e.From)
		}
		arrow := "-->"
		if e.Kind == BySkip {
			arrow = "-.->"
		}
		if l := edgeLabel(s, e); l != "" {
			fmt.Fprintf(&b, "  %s %s|%s| %s\n", from, arrow, esc(l), target(e.To))
		} else {
			fmt.Fprintf(&b, "  %s %s %s\n", from, arrow, target(e.To))
		}
	}
	for t := range s.Triggers {
		tr := &s.Triggers[t]
		fmt.Fprintf(&b, "  t%d>%s]\n", t, esc(fmt.Sprintf("trigger %d (after any reply): if %s", t+1, tr.If.Src)))
		fmt.Fprintf(&b, "  t%d -.-> %s\n", t, target(tr.Goto))
	}
	for _, p := range v.picks {
		fmt.Fprintf(&b, "  end_ -.->|%s| %s\n", esc(p.label), enID(p.ending))
	}
	return b.String()
}
