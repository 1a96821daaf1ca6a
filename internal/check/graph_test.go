package check_test

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"bigthree/internal/check"
	"bigthree/internal/scenario"
)

// hostile is a scenario whose texts hold everything that could break out of
// a label or a file: quotes, a backslash, HTML, entities, Mermaid's own
// codes and directives, and line ends of every kind (a carriage return in
// the title once injected Mermaid front matter).
const hostile = `format: 1
id: hostile
title: "Crisis\r---\rtitle: pwned\n%%{init: {'theme':'dark'}}%%"
meters:
  trust: 50
events:
  - id: first
    date: 1962-10-16
    title: "<b>\"no\"</b> &amp; & #quot; \\N\u2028x"
    text: Missile sites.
    choices:
      - text: "Blockade | the \"island\"; ` + "`code`" + ` #35; &amp;"
        effects: {trust: -10}
      - text: "Talk\r\nfirst"
        effects: {trust: +10}
      - text: Wait.
        next: end
  - id: second
    date: 1962-10-27
    title: Second
    text: More.
triggers:
  - {if: trust < 0, goto: calm}
endings:
  - id: calm
    title: "Calm\rend"
    text: It ended.
`

func load(t *testing.T, src string) *scenario.Scenario {
	t.Helper()
	s, diags := scenario.Load("test.yaml", []byte(src))
	if s == nil {
		t.Fatal(diags)
	}
	return s
}

func TestGraphArrowPerPairOfEvents(t *testing.T) {
	s := example(t)
	byPair := map[[2]string]int{}
	for _, a := range check.Arrows(s) {
		if a.From < 0 {
			continue
		}
		key := [2]string{s.Events[a.From].ID + "/" + map[check.EdgeKind]string{check.ByChoice: "reply", check.BySkip: "skip"}[a.Kind], s.TargetName(a.To)}
		byPair[key]++
		if byPair[key] > 1 {
			t.Errorf("two arrows from %s to %s", key[0], key[1])
		}
	}
	dot := check.DOT(s)
	if n := strings.Count(dot, `"hopkins-cable" -> "stimson-warns"`); n != 1 {
		t.Errorf("%d DOT arrows from hopkins-cable to stimson-warns, want 1 carrying both replies", n)
	}
	if !strings.Contains(dot, `"hopkins-cable" -> "stimson-warns" [label="1. Send Hopkins on to Moscow as your… ★\l2. Wait for the War Department's…\l"];`) {
		t.Errorf("the arrow does not list its replies:\n%s", dot)
	}
	mmd := check.Mermaid(s)
	if n := strings.Count(mmd, "e1 -->"); n != 1 {
		t.Errorf("%d Mermaid arrows from hopkins-cable, want 1:\n%s", n, mmd)
	}
}

func TestGraphJSON(t *testing.T) {
	s := example(t)
	var g check.GraphJSON
	if err := json.Unmarshal([]byte(check.JSON(s)), &g); err != nil {
		t.Fatal(err)
	}
	nodes := map[string]check.GraphNode{}
	for _, n := range g.Nodes {
		if _, dup := nodes[n.ID]; dup {
			t.Errorf("node %s twice", n.ID)
		}
		nodes[n.ID] = n
	}
	if n := nodes["stimson-warns"]; n.Type != "event" || n.Kind != "report" || n.Date != "1941-07-30" || n.Title != "The Army's estimate" || n.If != "not envoy_sent" {
		t.Errorf("event node: %+v", n)
	}
	if n := nodes["promise-kept"]; n.Type != "ending" || !n.Historical || n.Date != "" {
		t.Errorf("ending node: %+v", n)
	}
	var replies, triggers, skips int
	for _, e := range g.Edges {
		if _, ok := nodes[e.From]; !ok {
			t.Errorf("edge from unknown node %q", e.From)
		}
		if _, ok := nodes[e.To]; !ok {
			t.Errorf("edge to unknown node %q", e.To)
		}
		switch e.Kind {
		case "replies":
			replies++
			if e.From == "stalin-needs" && e.To == "the-credit" {
				if len(e.Replies) != 3 || e.Replies[1].If != "envoy_sent" || !e.Replies[1].Historical || e.Replies[1].Number != 2 || e.Replies[1].ID == "" {
					t.Errorf("replies of stalin-needs: %+v", e.Replies)
				}
			}
		case "trigger":
			triggers++
			if e.Trigger != 1 || e.To != "alliance-stillborn" || e.If != "stalin <= 5" || nodes[e.From].Type != "trigger" {
				t.Errorf("trigger edge: %+v", e)
			}
		case "skip":
			skips++
		}
	}
	if replies != 7 || triggers != 1 || skips != 1 {
		t.Errorf("%d reply edges, %d trigger edges, %d skip edges", replies, triggers, skips)
	}
}

// quoted returns the contents of every "..." string of a line, honouring
// backslash escapes, and whether the line's quotes are balanced.
func quoted(line string) ([]string, bool) {
	var out []string
	for i := 0; i < len(line); i++ {
		if line[i] != '"' {
			continue
		}
		var b strings.Builder
		i++
		for ; i < len(line) && line[i] != '"'; i++ {
			if line[i] == '\\' && i+1 < len(line) {
				i++
			}
			b.WriteByte(line[i])
		}
		if i >= len(line) {
			return out, false
		}
		out = append(out, b.String())
	}
	return out, true
}

func TestGraphEscapesWhatItWrites(t *testing.T) {
	s := load(t, hostile)
	for name, out := range map[string]string{"dot": check.DOT(s), "mermaid": check.Mermaid(s), "json": check.JSON(s)} {
		if strings.ContainsAny(out, "\r\u2028\u2029\x00") {
			t.Errorf("%s output holds a raw line end or control character", name)
		}
	}

	mmd := check.Mermaid(s)
	lines := strings.Split(mmd, "\n")
	if lines[0] != "---" || lines[2] != "---" || lines[3] != "flowchart TD" {
		t.Fatalf("front matter broken:\n%s", mmd)
	}
	if lines[1] != `title: "Crisis --- title: pwned %%{init: {'theme':'dark'}}%%"` {
		t.Errorf("front matter title: %s", lines[1])
	}
	label := regexp.MustCompile(`"([^"]*)"`)
	for _, l := range lines[4:] {
		for _, m := range label.FindAllStringSubmatch(l, -1) {
			if text := strings.ReplaceAll(m[1], "<br/>", ""); strings.ContainsAny(text, "<>&%`|:") {
				t.Errorf("unescaped character in Mermaid label %q", m[1])
			}
			if regexp.MustCompile(`#[^0-9]`).MatchString(m[1]) {
				t.Errorf("a # that is not an entity code in %q", m[1])
			}
		}
		if strings.Count(l, `"`)%2 != 0 {
			t.Errorf("unbalanced quotes in Mermaid line %q", l)
		}
	}
	if !strings.Contains(mmd, `#60;b#62;#34;no#34;#60;/b#62; #38;amp; #38; #35;quot; \N x`) {
		t.Errorf("event title not escaped as expected:\n%s", mmd)
	}

	dot := check.DOT(s)
	for _, l := range strings.Split(dot, "\n") {
		strs, ok := quoted(l)
		if !ok {
			t.Errorf("unbalanced DOT string in %q", l)
		}
		for _, q := range strs {
			if strings.Contains(strings.ReplaceAll(q, "&amp;", ""), "&") {
				t.Errorf("a raw & in DOT string %q", q)
			}
		}
	}
	if !strings.Contains(dot, `<b>\"no\"</b> &amp;amp; &amp; #quot; \\N x`) {
		t.Errorf("event title not escaped as expected:\n%s", dot)
	}
	if path, err := exec.LookPath("dot"); err == nil {
		cmd := exec.Command(path, "-Tsvg")
		cmd.Stdin = strings.NewReader(dot)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Run(); err != nil {
			t.Fatalf("Graphviz refuses the graph: %v\n%s", err, errb.String())
		}
		if !strings.Contains(out.String(), "&lt;b&gt;&quot;no&quot;&lt;/b&gt; &amp;amp; &amp; #quot; \\N x") {
			t.Errorf("Graphviz does not draw the title as written:\n%s", out.String())
		}
	}

	var g check.GraphJSON
	if err := json.Unmarshal([]byte(check.JSON(s)), &g); err != nil {
		t.Fatal(err)
	}
	if g.Nodes[1].Title != s.Events[0].Title {
		t.Errorf("JSON changes the title: %q", g.Nodes[1].Title)
	}
}
