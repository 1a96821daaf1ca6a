package report_test

import (
	"encoding/json"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"time"

	"bigthree/internal/report"
	"bigthree/internal/rules"
	"bigthree/internal/scenario"
	"bigthree/internal/story"
	"bigthree/scenarios"
)

func load(t *testing.T, name string, edit func(string) string) *scenario.Scenario {
	t.Helper()
	data, err := scenarios.Read(name)
	if err != nil {
		t.Fatal(err)
	}
	src := string(data)
	if edit != nil {
		src = edit(src)
	}
	s, diags := scenario.Load(name, []byte(src))
	if s == nil {
		t.Fatalf("%s", diags)
	}
	return s
}

// play makes the transcript of a playthrough that takes reply pick(n) of the
// open ones at each step.
func play(t *testing.T, s *scenario.Scenario, student string, seed uint64) report.Input {
	t.Helper()
	rnd := rand.New(rand.NewPCG(seed, 7))
	r := rules.New(s)
	var opts []rules.Option
	for !r.Over() {
		opts = r.Options(opts)
		var open []rules.Option
		for _, o := range opts {
			if !o.Locked {
				open = append(open, o)
			}
		}
		if err := r.ChooseIndex(open[rnd.IntN(len(open))].Index); err != nil {
			t.Fatal(err)
		}
	}
	tr := story.MakeTranscript(r, rnd2time(seed))
	tr.Student = student
	return report.Input{Name: strings.ToLower(student) + ".json", Data: tr.JSON()}
}

func TestGroupsKeepScenariosApart(t *testing.T) {
	campaign := load(t, scenarios.Example, nil)
	edited := load(t, scenarios.Example, func(s string) string { return strings.Replace(s, "title: ", "title: Edited ", 1) })
	other := load(t, scenarios.Example, func(s string) string {
		return regexp.MustCompile(`(?m)^id: .*$`).ReplaceAllString(s, "id: another")
	})
	var in []report.Input
	for i, n := range []string{"Ada", "Ben", "Chloe", "Dev"} {
		in = append(in, play(t, campaign, n, uint64(i)))
	}
	in = append(in, play(t, edited, "Emma", 10), play(t, edited, "Felix", 11), play(t, other, "Grace", 12))
	in = append(in, report.Input{Name: "notes.md", Data: []byte("# notes")}, report.Input{Name: "save.json", Data: []byte(`{"format":1,"scenario":"x","choices":[]}`)},
		report.Input{Name: "broken.json", Data: []byte(`{"scenario": "x", "steps": [`)}, report.Input{Name: "gone.json", Problem: "it cannot be read: no such file"})
	r := report.Build(in)
	if len(r.Groups) != 3 {
		t.Fatalf("%d groups, want 3 (the class's, the edited version, another scenario)", len(r.Groups))
	}
	kinds := []report.GroupKind{report.MainGroup, report.EditedVersion, report.OtherScenario}
	sizes := []int{4, 2, 1}
	for i, g := range r.Groups {
		if g.Kind != kinds[i] || len(g.Transcripts) != sizes[i] {
			t.Errorf("group %d: kind %d with %d transcripts, want kind %d with %d", i, g.Kind, len(g.Transcripts), kinds[i], sizes[i])
		}
	}
	if len(r.Skipped) != 4 {
		t.Errorf("skipped %v, want the Markdown file, the save, the broken JSON and the unreadable file", r.Skipped)
	}
	page := string(r.HTML(report.Options{}))
	for _, want := range []string{"An edited version of the class", "Another scenario than the class", "4 files left out", "notes.md", "gone.json", "no such file"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page does not say %q", want)
		}
	}
}

func TestCounts(t *testing.T) {
	s := load(t, scenarios.Example, nil)
	var in []report.Input
	for i := range 12 {
		in = append(in, play(t, s, "Student "+string(rune('A'+i)), uint64(i)))
	}
	r := report.Build(in)
	g := r.Groups[0]
	ended := g.Unfinished
	for _, e := range g.Endings {
		ended += e.Count
	}
	if ended != 12 {
		t.Errorf("endings add up to %d, want 12", ended)
	}
	for _, d := range g.Decisions {
		n, hist := 0, 0
		for _, rp := range d.Replies {
			n += rp.Count
			if rp.Historical {
				hist++
			}
			if len(rp.Students) != rp.Count {
				t.Errorf("%s / %q: %d students for a count of %d", d.Event, rp.Text, len(rp.Students), rp.Count)
			}
		}
		if n != d.Reached {
			t.Errorf("%s: replies add up to %d of %d students", d.Event, n, d.Reached)
		}
		if hist > 1 {
			t.Errorf("%s: %d historical replies", d.Event, hist)
		}
	}
	for i := 1; i < len(g.Students); i++ {
		if g.Students[i].Share() > g.Students[i-1].Share() {
			t.Errorf("students not ranked by matches: %v then %v", g.Students[i-1], g.Students[i])
		}
	}
	// Every student is a line in every meter's chart.
	page := string(r.HTML(report.Options{}))
	if n, want := strings.Count(page, "<polyline"), 12*len(g.Meters); n != want {
		t.Errorf("%d lines in the meter charts, want %d", n, want)
	}
}

// TestUntrustedTextIsEscaped writes markup and script into every text a
// transcript carries: none of it may reach the page as markup.
func TestUntrustedTextIsEscaped(t *testing.T) {
	s := load(t, scenarios.Example, nil)
	in := play(t, s, `<script>alert("name")</script>`, 1)
	var tr map[string]any
	if err := json.Unmarshal(in.Data, &tr); err != nil {
		t.Fatal(err)
	}
	evil := `<img src=x onerror=alert(1)>"'&`
	tr["title"] = evil
	tr["ending"].(map[string]any)["title"] = evil
	for _, st := range tr["steps"].([]any) {
		m := st.(map[string]any)
		m["event_title"], m["choice_text"], m["date"] = evil, evil, `1941-01-01"><script>`
		if m["historical_choice"] != nil {
			m["historical_choice"] = evil
		}
	}
	tr["meters"] = []any{map[string]any{"id": "x", "label": evil}}
	data, _ := json.Marshal(tr)
	page := string(report.Build([]report.Input{{Name: `<b>file</b>.json`, Data: data}}).HTML(report.Options{Tool: evil}))
	for _, bad := range []string{"<script>", "<img", "<b>file"} {
		if strings.Contains(page, bad) {
			t.Errorf("the page contains %q unescaped", bad)
		}
	}
	if !strings.Contains(page, "&lt;img src=x onerror=alert(1)&gt;") {
		t.Error("the escaped title is missing")
	}
	if strings.Contains(page, "http://") || strings.Contains(page, "https://") || strings.Contains(page, "<script") || strings.Contains(page, "<link") {
		t.Error("the page must fetch nothing and run nothing")
	}
}

func TestAccessibleStructure(t *testing.T) {
	s := load(t, scenarios.Example, nil)
	var in []report.Input
	for i := range 3 {
		in = append(in, play(t, s, "S"+string(rune('1'+i)), uint64(i)))
	}
	page := string(report.Build(in).HTML(report.Options{}))
	if !strings.Contains(page, `<html lang="en">`) || strings.Count(page, "<h1") != 1 {
		t.Error("one h1 and a language, please")
	}
	// Every chart is an image with a text equivalent; every table has a caption and column headers.
	for _, svg := range regexp.MustCompile(`<svg [^>]*>`).FindAllString(page, -1) {
		if !strings.Contains(svg, `role="img" aria-labelledby=`) && !strings.Contains(svg, `aria-hidden="true"`) {
			t.Errorf("a chart without a text equivalent: %s", svg)
		}
	}
	if tables, captions := strings.Count(page, "<table"), strings.Count(page, "<caption>"); tables != captions {
		t.Errorf("%d tables, %d captions", tables, captions)
	}
	if strings.Count(page, "<thead>") != strings.Count(page, "<table") {
		t.Error("a table without column headers")
	}
	// Headings never skip a level.
	last := 1
	for _, h := range regexp.MustCompile(`<h([1-6])`).FindAllStringSubmatch(page, -1) {
		n := int(h[1][0] - '0')
		if n > last+1 {
			t.Errorf("a heading h%d after h%d", n, last)
		}
		last = n
	}
}

func TestDecodeRefusesWhatIsNotATranscript(t *testing.T) {
	for name, data := range map[string]string{
		"a.md":      "# x",
		"a.json":    "[]",
		"b.json":    `{"steps": []}`,
		"c.json":    `{"scenario": "x"}`,
		"d.json":    `{"scenario": "x", "steps": [{"event": "", "choice": "a"}]}`,
		"e.yaml":    "format: 1",
		"huge.json": strings.Repeat(" ", report.MaxTranscriptSize+1),
	} {
		if _, err := report.Decode(name, []byte(data)); err == nil {
			t.Errorf("Decode(%s) accepted", name)
		}
	}
}

func rnd2time(seed uint64) (t0 time.Time) {
	return time.Date(2026, 3, 1+int(seed%20), 10, 0, 0, 0, time.UTC)
}
