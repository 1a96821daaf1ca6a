package cli

import (
	"bytes"
	"encoding/json"

	"bigthree/internal/check"
	"bigthree/internal/rules"
	"bigthree/internal/scenario"
)

// The Studio (web/studio) runs these functions in its checker, a small
// WebAssembly build of the same packages as b3, so that what a teacher sees
// while editing is exactly what `b3 check`, `b3 explore` and `b3 graph` say
// about the same file.

// CheckJSON returns what `b3 check -json NAME` prints for a file named name
// with the given content.
func CheckJSON(name string, data []byte) []byte {
	res, diags := checkOne(nil, name, data)
	var buf bytes.Buffer
	writeCheckJSON(&buf, []fileResult{res}, diags)
	return buf.Bytes()
}

// QuickJSON is what the Studio shows at once after an edit, before the
// exploration of CheckJSON ends: under "check", the loader's and the static
// graph checks' diagnostics in the form of `b3 check -json`; under
// "outline", the ids the scenario defines (empty when it has errors).
func QuickJSON(name string, data []byte) []byte {
	s, diags := scenario.Load(name, data)
	res := fileResult{File: name}
	if s != nil {
		diags = append(diags, check.Static(s)...)
		diags.Sort()
		res.Events, res.Endings = len(s.Events), len(s.Endings)
	}
	res.Errors, res.Warnings = diags.Count()
	var rep bytes.Buffer
	writeCheckJSON(&rep, []fileResult{res}, diags)
	out, _ := json.Marshal(struct {
		Check   json.RawMessage `json:"check"`
		Outline outline         `json:"outline"`
	}{rep.Bytes(), outlineOf(s)})
	return out
}

// ExploreJSON returns what `b3 explore -json NAME` prints with its default
// options. A file with errors cannot be explored: then the object has only
// "error", the summary of its problems.
func ExploreJSON(name string, data []byte) []byte {
	s, diags := scenario.Load(name, data)
	if s == nil {
		out, _ := json.Marshal(struct {
			Error string `json:"error"`
		}{diags.Summary()})
		return out
	}
	var buf bytes.Buffer
	opts := check.DefaultExplore
	writeExploreJSON(&buf, s, check.Explore(s, opts), opts)
	return buf.Bytes()
}

// GraphDOT returns what `b3 graph NAME` prints (Graphviz DOT), or "" when
// the file has errors.
func GraphDOT(name string, data []byte) string {
	s, _ := scenario.Load(name, data)
	if s == nil {
		return ""
	}
	return check.DOT(s)
}

// historyLimit bounds the historical path (a loop of historical replies
// would otherwise never end).
const historyLimit = 10_000

// outline lists what a scenario defines, with the line of each definition.
type outline struct {
	Events     []outlineItem `json:"events"`
	Endings    []outlineItem `json:"endings"`
	Characters []outlineItem `json:"characters"`
	Meters     []outlineItem `json:"meters"`
	Flags      []outlineItem `json:"flags"`
	Sources    []outlineItem `json:"sources"`
	// Keys are the keys each part of a scenario may have ("event",
	// "choice", ...), for completion.
	Keys map[string][]string `json:"keys"`
	// Historical is where the replies marked historical lead.
	Historical *historicalPath `json:"historical,omitempty"`
}

// historicalPath is the ending the historical replies reach, or the event
// where they stop (one with no available reply marked historical).
type historicalPath struct {
	Ending  string `json:"ending,omitempty"`
	Stopped string `json:"stopped,omitempty"`
}

type outlineItem struct {
	ID    string `json:"id"`
	Line  int    `json:"line"`
	Title string `json:"title,omitempty"`
}

func outlineOf(s *scenario.Scenario) outline {
	o := outline{Events: []outlineItem{}, Endings: []outlineItem{}, Characters: []outlineItem{},
		Meters: []outlineItem{}, Flags: []outlineItem{}, Sources: []outlineItem{}, Keys: scenario.KnownKeys()}
	if s == nil {
		return o
	}
	for _, e := range s.Events {
		o.Events = append(o.Events, outlineItem{e.ID, e.Pos.Line, e.Title})
	}
	for _, e := range s.Endings {
		o.Endings = append(o.Endings, outlineItem{e.ID, e.Pos.Line, e.Title})
	}
	for _, c := range s.Characters {
		o.Characters = append(o.Characters, outlineItem{c.ID, c.Pos.Line, c.Name})
	}
	for _, m := range s.Meters {
		o.Meters = append(o.Meters, outlineItem{m.ID, m.Pos.Line, m.Label})
	}
	for _, f := range s.Flags {
		o.Flags = append(o.Flags, outlineItem{f.ID, f.Pos.Line, ""})
	}
	for _, src := range s.Sources {
		o.Sources = append(o.Sources, outlineItem{src.ID, src.Pos.Line, src.Text})
	}
	o.Historical = &historicalPath{}
	if r, ok := rules.Historical(s, historyLimit); ok {
		o.Historical.Ending = s.Endings[r.Ending()].ID
	} else if r.Event() >= 0 {
		o.Historical.Stopped = s.Events[r.Event()].ID
	}
	return o
}
