package check

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"bigthree/internal/scenario"
)

// Arrow is one arrow of the drawn graph: every move of one kind between the
// same two places, with the replies it carries.
type Arrow struct {
	From int // event index; -1 for the start
	To   scenario.Target
	Kind EdgeKind // ByStart, ByChoice or BySkip; triggers are drawn apart
	// Choices are the replies (choice indices, -1 for Continue) that move
	// the story along this arrow, in file order. Empty for ByStart and BySkip.
	Choices []int
}

type graphView struct {
	events []int // event indices in date order (stable for equal dates)
	arrows []Arrow
	// picks are the endings the story can reach by `end`, with the
	// condition that picks each: the list down to the first fallback.
	// Empty when no move leads to `end`.
	picks []endPick
}

type endPick struct {
	ending int
	label  string
}

// Arrows groups the moves of the story (Edges, without the triggers) into
// one arrow per pair of places and kind, in the order of their first move.
func Arrows(s *scenario.Scenario) []Arrow {
	type key struct {
		from int
		kind EdgeKind
		to   scenario.TargetKind
		idx  int
	}
	at := map[key]int{}
	var out []Arrow
	for _, e := range Edges(s) {
		if e.Kind == ByTrigger {
			continue
		}
		idx := e.To.Index
		if e.To.Kind == scenario.TargetEnd {
			idx = 0
		}
		k := key{e.From, e.Kind, e.To.Kind, idx}
		i, ok := at[k]
		if !ok {
			i = len(out)
			at[k] = i
			out = append(out, Arrow{From: e.From, To: e.To, Kind: e.Kind})
		}
		if e.Kind == ByChoice {
			out[i].Choices = append(out[i].Choices, e.Choice)
		}
	}
	return out
}

func view(s *scenario.Scenario) graphView {
	v := graphView{arrows: Arrows(s)}
	for i := range s.Events {
		v.events = append(v.events, i)
	}
	slices.SortStableFunc(v.events, func(a, b int) int {
		return s.Events[a].Date.Compare(s.Events[b].Date)
	})
	if slices.ContainsFunc(v.arrows, func(a Arrow) bool { return a.To.Kind == scenario.TargetEnd }) {
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

// replyLabel is one reply as an arrow shows it: number, clipped text, its
// condition, a star when it is the historical reply.
func replyLabel(s *scenario.Scenario, ev, choice int) string {
	if choice < 0 {
		return "Continue"
	}
	c := &s.Events[ev].Choices[choice]
	l := fmt.Sprintf("%d. %s", choice+1, clipWords(c.Text, 36))
	if c.If != nil {
		l += " [if " + c.If.Src + "]"
	}
	if c.Historical {
		l += " ★"
	}
	return l
}

// arrowLabel is an arrow's label: its replies one to a line.
func arrowLabel(s *scenario.Scenario, a Arrow) string {
	switch a.Kind {
	case BySkip:
		return "skipped if false"
	case ByStart:
		return ""
	}
	lines := make([]string, len(a.Choices))
	for i, c := range a.Choices {
		lines[i] = replyLabel(s, a.From, c)
	}
	return strings.Join(lines, "\n")
}

// cleanText makes scenario text safe to write into another format: line
// ends of every kind become "\n", tabs spaces, and other control
// characters (terminal escapes, NUL) are dropped.
func cleanText(x string) string {
	x = strings.ReplaceAll(x, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch r {
		case '\n', '\r', '\u0085', '\u2028', '\u2029':
			return '\n'
		case '\t':
			return ' '
		}
		if unicode.IsControl(r) || r == '\u200e' || r == '\u200f' || (r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069') {
			return -1
		}
		return r
	}, x)
}

// oneLine is cleanText on a single line: every run of spaces and line ends
// becomes one space.
func oneLine(x string) string { return strings.Join(strings.Fields(cleanText(x)), " ") }

func clipWords(s string, n int) string {
	s = oneLine(s)
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
		l += "\nif " + oneLine(e.If.Src)
	}
	return l
}

func endingLabel(e *scenario.Ending) string {
	l := "ENDING\n" + clipWords(e.Title, 40)
	if e.If != nil {
		l += "\nif " + oneLine(e.If.Src)
	} else {
		l += "\n(fallback)"
	}
	return l
}

// Node ids of the drawn graph that are not events or endings. Scenario ids
// hold only letters, digits, - and _, so these cannot clash with them.
const (
	startNode = "(start)"
	endNode   = "(end)"
)

func triggerNode(t int) string { return fmt.Sprintf("(trigger %d)", t+1) }

// dotQuote writes x as a Graphviz quoted string. Graphviz reads `\` escapes
// and HTML entities in labels, so both are escaped to show x as written.
func dotQuote(x string) string { return dotString(x, `\n`) }

// dotLeft is dotQuote for a label of several lines, each aligned left.
func dotLeft(x string) string {
	if !strings.Contains(x, "\n") {
		return dotQuote(x)
	}
	q := dotString(x, `\l`)
	return q[:len(q)-1] + `\l"`
}

func dotString(x, newline string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range cleanText(x) {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case '"':
			b.WriteString(`\"`)
		case '\n':
			b.WriteString(newline)
		case '&':
			b.WriteString("&amp;")
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// DOT returns the branching structure as a Graphviz graph, events ranked in
// date order, one arrow per pair of events labelled with its replies.
// Render it with `dot -Tsvg`.
func DOT(s *scenario.Scenario) string {
	v := view(s)
	var b strings.Builder
	q := dotQuote
	fmt.Fprintf(&b, "digraph %s {\n", q(s.ID))
	fmt.Fprintf(&b, "  label=%s;\n  labelloc=t;\n  rankdir=TB;\n", q(oneLine(s.Title)))
	b.WriteString("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#f6f0e1\", fontname=\"Helvetica\", fontsize=10];\n")
	b.WriteString("  edge [fontname=\"Helvetica\", fontsize=9];\n")
	fmt.Fprintf(&b, "  %s [shape=circle, label=\"start\", fillcolor=\"#d9d2c0\"];\n", q(startNode))
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
		fmt.Fprintf(&b, "  %s [shape=diamond, label=\"end:\\nfirst ending\\nwhose if holds\", fillcolor=\"#d9d2c0\"];\n", q(endNode))
	}
	b.WriteString("  { rank=sink;")
	for en := range s.Endings {
		fmt.Fprintf(&b, " %s;", q(s.Endings[en].ID))
	}
	b.WriteString(" }\n")
	for en := range s.Endings {
		fmt.Fprintf(&b, "  %s [shape=doubleoctagon, fillcolor=\"#e8d9b0\", label=%s];\n", q(s.Endings[en].ID), q(endingLabel(&s.Endings[en])))
	}
	target := func(t scenario.Target) string { return q(nodeID(s, t)) }
	for _, a := range v.arrows {
		from := q(startNode)
		if a.From >= 0 {
			from = q(s.Events[a.From].ID)
		}
		attrs := ""
		switch a.Kind {
		case BySkip:
			attrs = fmt.Sprintf(" [label=%s, style=dotted]", q(arrowLabel(s, a)))
		case ByChoice:
			attrs = fmt.Sprintf(" [label=%s]", dotLeft(arrowLabel(s, a)))
		}
		fmt.Fprintf(&b, "  %s -> %s%s;\n", from, target(a.To), attrs)
	}
	for t := range s.Triggers {
		tr := &s.Triggers[t]
		id := q(triggerNode(t))
		fmt.Fprintf(&b, "  %s [shape=note, fillcolor=\"#f2c9c0\", label=%s];\n", id, q(fmt.Sprintf("trigger %d (after any reply)\nif %s", t+1, oneLine(tr.If.Src))))
		fmt.Fprintf(&b, "  %s -> %s [style=dashed];\n", id, target(tr.Goto))
	}
	for _, p := range v.picks {
		fmt.Fprintf(&b, "  %s -> %s [label=%s, style=dashed];\n", q(endNode), q(s.Endings[p.ending].ID), q(p.label))
	}
	b.WriteString("}\n")
	return b.String()
}

// nodeID names a target as the DOT and JSON graphs do.
func nodeID(s *scenario.Scenario, t scenario.Target) string {
	switch t.Kind {
	case scenario.TargetEvent:
		return s.Events[t.Index].ID
	case scenario.TargetEnding:
		return s.Endings[t.Index].ID
	}
	return endNode
}

// mermaidText writes x for a quoted Mermaid label. Mermaid reads `#name;`
// entity codes, `%%` directives, Markdown strings between backticks and
// HTML in labels, so every character that could start one of them is
// written as an entity code; line ends become <br/>.
func mermaidText(x string) string {
	var b strings.Builder
	for _, r := range cleanText(x) {
		switch r {
		case '\n':
			b.WriteString("<br/>")
		case '"', '#', '&', '<', '>', '%', '`', '|', ':':
			fmt.Fprintf(&b, "#%d;", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// yamlLine writes x as a one-line double-quoted YAML string, for Mermaid's
// front matter: nothing in it can end the line or the front matter.
func yamlLine(x string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range oneLine(x) {
		switch r {
		case '"', '\\':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	b.WriteByte('"')
	return b.String()
}

// Mermaid returns the branching structure as a Mermaid flowchart, events
// declared in date order, one arrow per pair of events labelled with its
// replies. Paste it into any Markdown viewer that draws Mermaid.
func Mermaid(s *scenario.Scenario) string {
	v := view(s)
	var b strings.Builder
	esc := func(x string) string { return "\"" + mermaidText(x) + "\"" }
	evID := func(i int) string { return fmt.Sprintf("e%d", i) }
	enID := func(i int) string { return fmt.Sprintf("x%d", i) }
	fmt.Fprintf(&b, "---\ntitle: %s\n---\nflowchart TD\n", yamlLine(s.Title))
	b.WriteString("  start((start))\n")
	for _, ev := range v.events {
		fmt.Fprintf(&b, "  %s[%s]\n", evID(ev), esc(eventLabel(&s.Events[ev])))
	}
	if len(v.picks) > 0 {
		fmt.Fprintf(&b, "  end_{%s}\n", esc("end: first ending whose if holds"))
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
	arrows := slices.Clone(v.arrows)
	rank := make([]int, len(s.Events))
	for r, ev := range v.events {
		rank[ev] = r
	}
	slices.SortStableFunc(arrows, func(a, b Arrow) int {
		ra, rb := -1, -1
		if a.From >= 0 {
			ra = rank[a.From]
		}
		if b.From >= 0 {
			rb = rank[b.From]
		}
		return cmp.Compare(ra, rb)
	})
	for _, a := range arrows {
		from := "start"
		if a.From >= 0 {
			from = evID(a.From)
		}
		arrow := "-->"
		if a.Kind == BySkip {
			arrow = "-.->"
		}
		if l := arrowLabel(s, a); l != "" {
			fmt.Fprintf(&b, "  %s %s|%s| %s\n", from, arrow, esc(l), target(a.To))
		} else {
			fmt.Fprintf(&b, "  %s %s %s\n", from, arrow, target(a.To))
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

// GraphJSON is the branching structure for tools: nodes and arrows, with
// every text as written in the scenario (JSON escapes it).
type GraphJSON struct {
	ID    string      `json:"id"`
	Title string      `json:"title"`
	Nodes []GraphNode `json:"nodes"`
	Edges []GraphEdge `json:"edges"`
}

// GraphNode is an event, an ending, or one of the places that are neither:
// the start, `end` (where the first ending whose `if` holds is picked) and
// each trigger.
type GraphNode struct {
	ID         string `json:"id"`
	Type       string `json:"type"`           // event, ending, start, end or trigger
	Kind       string `json:"kind,omitempty"` // an event's document kind
	Date       string `json:"date,omitempty"` // an event's date, YYYY-MM-DD
	Title      string `json:"title,omitempty"`
	If         string `json:"if,omitempty"`
	Historical bool   `json:"historical,omitempty"` // the ending marked historical
	Line       int    `json:"line"`                 // where it is written in the file; 0 for start and end
}

// GraphEdge is one arrow. Kind is "start", "replies" (Replies lists them),
// "skip" (the event's `if` is false, so the story passes it by), "trigger"
// (from the trigger's node; Trigger is its number) or "end" (from `end` to
// an ending; If is the condition that picks it, "otherwise" for the
// fallback).
type GraphEdge struct {
	From    string       `json:"from"`
	To      string       `json:"to"`
	Kind    string       `json:"kind"`
	Replies []GraphReply `json:"replies,omitempty"`
	Trigger int          `json:"trigger,omitempty"`
	If      string       `json:"if,omitempty"`
}

// GraphReply is a reply an arrow carries.
type GraphReply struct {
	ID         string `json:"id"`
	Number     int    `json:"number"` // 1-based; 0 for Continue
	Text       string `json:"text"`
	If         string `json:"if,omitempty"`
	Historical bool   `json:"historical,omitempty"`
}

// Graph returns the branching structure as GraphJSON, events in date order.
func Graph(s *scenario.Scenario) GraphJSON {
	v := view(s)
	g := GraphJSON{ID: s.ID, Title: s.Title, Nodes: []GraphNode{{ID: startNode, Type: "start"}}, Edges: []GraphEdge{}}
	src := func(c *scenario.Cond) string {
		if c == nil {
			return ""
		}
		return c.Src
	}
	for _, ev := range v.events {
		e := &s.Events[ev]
		g.Nodes = append(g.Nodes, GraphNode{ID: e.ID, Type: "event", Kind: string(e.Kind), Date: e.Date.Format("2006-01-02"), Title: e.Title, If: src(e.If), Line: e.Pos.Line})
	}
	if len(v.picks) > 0 {
		g.Nodes = append(g.Nodes, GraphNode{ID: endNode, Type: "end", Title: "first ending whose if holds"})
	}
	for i := range s.Endings {
		e := &s.Endings[i]
		g.Nodes = append(g.Nodes, GraphNode{ID: e.ID, Type: "ending", Title: e.Title, If: src(e.If), Historical: e.Historical, Line: e.Pos.Line})
	}
	for t := range s.Triggers {
		tr := &s.Triggers[t]
		g.Nodes = append(g.Nodes, GraphNode{ID: triggerNode(t), Type: "trigger", Title: fmt.Sprintf("trigger %d (after any reply)", t+1), If: tr.If.Src, Line: tr.Pos.Line})
	}
	for _, a := range v.arrows {
		ge := GraphEdge{From: startNode, To: nodeID(s, a.To), Kind: "start"}
		if a.From >= 0 {
			ge.From = s.Events[a.From].ID
		}
		switch a.Kind {
		case BySkip:
			ge.Kind = "skip"
			ge.If = s.Events[a.From].If.Src
		case ByChoice:
			ge.Kind = "replies"
			for _, c := range a.Choices {
				if c < 0 {
					ge.Replies = append(ge.Replies, GraphReply{ID: "continue", Text: "Continue"})
					continue
				}
				ch := &s.Events[a.From].Choices[c]
				ge.Replies = append(ge.Replies, GraphReply{ID: ch.ID, Number: c + 1, Text: ch.Text, If: src(ch.If), Historical: ch.Historical})
			}
		}
		g.Edges = append(g.Edges, ge)
	}
	for t := range s.Triggers {
		g.Edges = append(g.Edges, GraphEdge{From: triggerNode(t), To: nodeID(s, s.Triggers[t].Goto), Kind: "trigger", Trigger: t + 1, If: s.Triggers[t].If.Src})
	}
	for _, p := range v.picks {
		g.Edges = append(g.Edges, GraphEdge{From: endNode, To: s.Endings[p.ending].ID, Kind: "end", If: strings.TrimPrefix(p.label, "if ")})
	}
	return g
}

// JSON returns Graph as indented JSON.
func JSON(s *scenario.Scenario) string {
	out, _ := json.MarshalIndent(Graph(s), "", "  ")
	return string(out) + "\n"
}
