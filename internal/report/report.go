package report

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
)

// Input is one file given to the report.
type Input struct {
	Name string
	Data []byte
	// Problem, when set, says why the file could not be read.
	Problem string
}

// Report is the class report: the transcripts grouped by the scenario (and
// the version of it) they were played on.
type Report struct {
	// Groups holds one group per scenario version, the largest first.
	Groups []*Group
	// Skipped lists the files that are not transcripts, with the reason.
	Skipped []Skipped
}

// Skipped is a file left out of the report.
type Skipped struct {
	File, Reason string
}

// Group is the transcripts of one version of one scenario.
type Group struct {
	Scenario, Title, Hash string
	// Kind says how the group relates to the first (largest) group.
	Kind        GroupKind
	Transcripts []*Transcript
	Endings     []EndingCount
	Unfinished  int
	Decisions   []*Decision
	Meters      []Meter // the meters charted: not hidden, in the scenario's order
	Students    []Student
}

// GroupKind says whether a group is the class's scenario, an edited
// version of it, or another scenario.
type GroupKind int

// The group kinds.
const (
	MainGroup GroupKind = iota
	EditedVersion
	OtherScenario
)

// EndingCount is how many students reached one ending.
type EndingCount struct {
	ID, Title  string
	Historical bool
	Count      int
}

// Decision is one document with replies, and how the class replied.
type Decision struct {
	Event, Title, Date string
	// Reached is how many students had this document.
	Reached int
	Replies []*Reply
}

// Reply is one reply to a decision and the students who chose it.
type Reply struct {
	ID, Text   string
	Historical bool
	Count      int
	Students   []string
}

// Student is one student's line in the comparison with history.
type Student struct {
	Name       string
	Transcript *Transcript
	Matches    int
	Decisions  int
	Ending     string
}

// Share is the part of the decisions that matched history, 0 to 1.
func (s Student) Share() float64 {
	if s.Decisions == 0 {
		return 0
	}
	return float64(s.Matches) / float64(s.Decisions)
}

// Build reads the files and makes the report; files that are not
// transcripts are listed in Skipped, never mixed in.
func Build(inputs []Input) *Report {
	r := &Report{}
	byKey := map[string]*Group{}
	var order []*Group
	for _, in := range inputs {
		if in.Problem != "" {
			r.Skipped = append(r.Skipped, Skipped{File: in.Name, Reason: in.Problem})
			continue
		}
		t, err := Decode(in.Name, in.Data)
		if err != nil {
			r.Skipped = append(r.Skipped, Skipped{File: in.Name, Reason: err.Error()})
			continue
		}
		key := t.Scenario + "\x00" + t.Hash
		g := byKey[key]
		if g == nil {
			g = &Group{Scenario: t.Scenario, Title: t.Title, Hash: t.Hash}
			byKey[key] = g
			order = append(order, g)
		}
		g.Transcripts = append(g.Transcripts, t)
	}
	sort.SliceStable(order, func(i, j int) bool { return len(order[i].Transcripts) > len(order[j].Transcripts) })
	for i, g := range order {
		switch {
		case i == 0:
			g.Kind = MainGroup
		case g.Scenario == order[0].Scenario:
			g.Kind = EditedVersion
		default:
			g.Kind = OtherScenario
		}
		g.analyse()
	}
	r.Groups = order
	return r
}

func (g *Group) analyse() {
	g.names()
	endings := map[string]*EndingCount{}
	var endOrder []*EndingCount
	decisions := map[string]*Decision{}
	for _, t := range g.Transcripts {
		if t.Title != "" && g.Title == "" {
			g.Title = t.Title
		}
		if t.Ending == nil {
			g.Unfinished++
		} else {
			e := endings[t.Ending.ID]
			if e == nil {
				e = &EndingCount{ID: t.Ending.ID, Title: t.Ending.Title, Historical: t.Ending.Historical}
				endings[t.Ending.ID] = e
				endOrder = append(endOrder, e)
			}
			e.Count++
		}
		seen := map[string]bool{}
		for _, st := range t.Steps {
			if !st.decision() || seen[st.Event] {
				continue // a document met twice counts once per student: the first reply
			}
			seen[st.Event] = true
			d := decisions[st.Event]
			if d == nil {
				d = &Decision{Event: st.Event, Title: st.EventTitle, Date: st.Date}
				decisions[st.Event] = d
				g.Decisions = append(g.Decisions, d)
			}
			d.Reached++
			d.reply(st.Choice, st.ChoiceText, st.Matches).add(t.Name())
			if st.Historical != "" && !st.Matches {
				d.historical(st.Historical)
			}
		}
	}
	sort.SliceStable(endOrder, func(i, j int) bool { return endOrder[i].Count > endOrder[j].Count })
	for _, e := range endOrder {
		g.Endings = append(g.Endings, *e)
	}
	sort.SliceStable(g.Decisions, func(i, j int) bool { return g.Decisions[i].Date < g.Decisions[j].Date })
	for _, d := range g.Decisions {
		sort.SliceStable(d.Replies, func(i, j int) bool { return d.Replies[i].Count > d.Replies[j].Count })
	}
	g.Meters = g.meters()
	for _, t := range g.Transcripts {
		s := Student{Name: t.Name(), Transcript: t, Matches: t.Matches, Decisions: t.Choices, Ending: "not finished"}
		if t.Ending != nil {
			s.Ending = t.Ending.Title
		}
		g.Students = append(g.Students, s)
	}
	sort.SliceStable(g.Students, func(i, j int) bool {
		a, b := g.Students[i], g.Students[j]
		if a.Share() != b.Share() {
			return a.Share() > b.Share()
		}
		return a.Name < b.Name
	})
}

// names makes every student's name unique within the group: two students
// who gave the same name are told apart by their files.
func (g *Group) names() {
	count := map[string]int{}
	for _, t := range g.Transcripts {
		count[t.Name()]++
	}
	for _, t := range g.Transcripts {
		if count[t.Name()] > 1 && t.Student != "" {
			t.Student = fmt.Sprintf("%s (%s)", t.Student, t.File)
		}
	}
}

func (d *Decision) reply(id, text string, historical bool) *Reply {
	for _, r := range d.Replies {
		if r.ID == id || r.ID == "" && r.Text == text {
			r.ID = id
			r.Historical = r.Historical || historical
			return r
		}
	}
	r := &Reply{ID: id, Text: text, Historical: historical}
	if id == continueID {
		r.Text = "(no reply open: continued)"
	}
	d.Replies = append(d.Replies, r)
	return r
}

// historical makes sure the historical reply is listed, even when nobody chose it.
func (d *Decision) historical(text string) {
	for _, r := range d.Replies {
		if r.Text == text {
			r.Historical = true
			return
		}
	}
	d.Replies = append(d.Replies, &Reply{Text: text, Historical: true})
}

func (r *Reply) add(student string) {
	r.Count++
	r.Students = append(r.Students, student)
}

// HistoricalReply returns the decision's historical reply, or nil.
func (d *Decision) HistoricalReply() *Reply {
	for _, r := range d.Replies {
		if r.Historical {
			return r
		}
	}
	return nil
}

// meters lists the meters to chart: those the transcripts name, without the
// hidden ones; for older transcripts, every meter id they hold.
func (g *Group) meters() []Meter {
	for _, t := range g.Transcripts {
		if len(t.Meters) > 0 {
			var out []Meter
			for _, m := range t.Meters {
				if !m.Hidden {
					if m.Label == "" {
						m.Label = m.ID
					}
					out = append(out, m)
				}
			}
			return out
		}
	}
	ids := map[string]bool{}
	for _, t := range g.Transcripts {
		for id := range t.Final {
			ids[id] = true
		}
	}
	var out []Meter
	for id := range ids {
		out = append(out, Meter{ID: id, Label: strings.ReplaceAll(id, "_", " ")})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// point is one value of a meter at a date.
type point struct {
	at    time.Time
	value int
}

// series returns a student's values of meter m over time: the value before
// the first step, then after each step.
func series(t *Transcript, m string) []point {
	var out []point
	for i, st := range t.Steps {
		at, err := time.Parse("2006-01-02", st.Date)
		if err != nil {
			continue
		}
		if i == 0 {
			if v, ok := st.MetersBefore[m]; ok {
				out = append(out, point{at, v})
			}
		}
		if v, ok := st.MetersAfter[m]; ok {
			out = append(out, point{at, v})
		}
	}
	return out
}

// percent formats a share as a whole percentage.
func percent(n, of int) string {
	if of == 0 {
		return "0%"
	}
	return fmt.Sprintf("%d%%", int(math.Round(100*float64(n)/float64(of))))
}
