package scenario_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bigthree/internal/scenario"
	"bigthree/scenarios"
)

func loadExample(t testing.TB) *scenario.Scenario {
	t.Helper()
	data, err := scenarios.Read(scenarios.Example)
	if err != nil {
		t.Fatal(err)
	}
	s, diags := scenario.Load("example.yaml", data)
	if s == nil {
		t.Fatalf("example does not load:\n%s", diags)
	}
	return s
}

func TestShippedScenariosLoadClean(t *testing.T) {
	for _, name := range scenarios.Names() {
		data, err := scenarios.Read(name)
		if err != nil {
			t.Fatal(err)
		}
		s, diags := scenario.Load(name, data)
		if s == nil || len(diags) > 0 {
			t.Errorf("%s: want no problems, got:\n%s", name, diags)
		}
	}
}

func TestExampleModel(t *testing.T) {
	s := loadExample(t)
	if s.ID != "example-aid-to-russia" || s.Format != 1 || s.Language != "en" {
		t.Errorf("header: id %q format %d language %q", s.ID, s.Format, s.Language)
	}
	if got := s.Characters[s.Player].ID; got != "roosevelt" {
		t.Errorf("player = %q, want roosevelt", got)
	}
	ev := s.Events[s.EventIndex("stalin-needs")]
	if ev.Kind != scenario.Meeting || len(ev.Lines) != 2 || s.Characters[ev.Lines[0].Speaker].ID != "hopkins" || s.Characters[ev.Lines[1].Speaker].ID != "stalin" {
		t.Errorf("stalin-needs: kind %q, lines %+v", ev.Kind, ev.Lines)
	}
	if ev.Choices[1].Locked == "" || ev.Choices[1].If == nil || ev.HistoricalChoice() != 1 {
		t.Errorf("stalin-needs reply 2 should be locked with a reason and historical")
	}
	// A choice without an id gets one from its first words.
	st := s.Events[s.EventIndex("stimson-warns")]
	if st.Choices[0].ID != "accept-the-army-s-advice" {
		t.Errorf("derived choice id = %q", st.Choices[0].ID)
	}
	// An event without `to` is addressed to the player.
	if s.Events[0].To != s.Player {
		t.Errorf("default recipient = %d, want the player %d", s.Events[0].To, s.Player)
	}
	if s.FirstDate.Format("2006-01-02") != "1941-06-22" || s.LastDate.Format("2006-01-02") != "1941-11-04" {
		t.Errorf("date range %v to %v", s.FirstDate, s.LastDate)
	}
	if m := s.Meters[s.MeterIndex("delay")]; !m.Hidden || m.Max != 20 {
		t.Errorf("delay meter: %+v", m)
	}
}

// Windows Notepad saves with a byte-order mark and CRLF line ends: such a
// file loads exactly like the original, with the same content hash.
func TestNotepadFileLoadsLikeAnyOther(t *testing.T) {
	data, _ := scenarios.Read(scenarios.Example)
	notepad := append([]byte{0xEF, 0xBB, 0xBF}, bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))...)
	a, da := scenario.Load("a.yaml", data)
	b, db := scenario.Load("b.yaml", notepad)
	if a == nil || b == nil {
		t.Fatalf("load failed:\n%s%s", da, db)
	}
	if a.Hash != b.Hash {
		t.Errorf("hash differs: %s vs %s", a.Hash, b.Hash)
	}
	if a.Events[1].Text != b.Events[1].Text {
		t.Errorf("text differs:\n%q\n%q", a.Events[1].Text, b.Events[1].Text)
	}
}

// A file larger than any scenario is read only up to one byte past the
// limit, and then refused as too large; a folder and a missing file are
// each one problem at 1:1, worded as every tool words them.
func TestReadFileRefusesWhatIsNoScenario(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "video.yaml")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse file: large on paper, nothing written to the disk.
	if err := f.Truncate(3 * scenario.MaxFileSize); err != nil {
		t.Fatal(err)
	}
	f.Close()
	data, err := scenario.ReadFile(big)
	if err == nil || len(data) != 0 {
		t.Fatalf("ReadFile read %d bytes (%v), want none", len(data), err)
	}
	s, diags := scenario.LoadFile(big)
	if s != nil || len(diags) != 1 || diags[0].Code != "too-large" || diags[0].Line != 1 || diags[0].Col != 1 ||
		diags[0].Message != "the file is 24 MB, larger than the 8 MB a scenario may be: is this the right file?" {
		t.Errorf("want one too-large error at 1:1, got %v", diags)
	}

	for name, want := range map[string]string{
		dir:                             "this is a folder, not a scenario file",
		filepath.Join(dir, "none.yaml"): "no such file",
	} {
		s, diags := scenario.LoadFile(name)
		if s != nil || len(diags) != 1 || diags[0].Code != "read" || diags[0].Line != 1 || !strings.Contains(diags[0].Message, want) {
			t.Errorf("%s: %v", name, diags)
		}
		if want := scenario.ReadProblem(name, errorOf(name)); diags[0].Message != want.Message {
			t.Errorf("%s: LoadFile says %q, ReadProblem %q", name, diags[0].Message, want.Message)
		}
	}
}

func errorOf(name string) error {
	_, err := scenario.ReadFile(name)
	return err
}

// A file of nothing (or of white space only) and a file of comments only
// are both empty, each said in its own words.
func TestEmptyFiles(t *testing.T) {
	for src, want := range map[string]string{
		"":                        "the file is empty",
		"\n\n  \n":                "the file is empty",
		"\xEF\xBB\xBF":            "the file is empty",
		"# a scenario, one day\n": "the file has nothing but comments",
		"# one\n\n# two\n":        "the file has nothing but comments",
	} {
		s, diags := scenario.Load("x.yaml", []byte(src))
		if s != nil || len(diags) != 1 || diags[0].Code != "empty" || !strings.HasPrefix(diags[0].Message, want) || diags[0].Line != 1 || diags[0].Col != 1 {
			t.Errorf("%q: %v", src, diags)
		}
	}
}

func TestIDDefaultsToFileName(t *testing.T) {
	data, _ := scenarios.Read(scenarios.Example)
	data = bytes.Replace(data, []byte("id: example-aid-to-russia\n"), nil, 1)
	s, diags := scenario.Load(`C:\Users\teacher\My Yalta.yaml`, data)
	if s == nil {
		t.Fatal(diags)
	}
	if s.ID != "My Yalta" {
		t.Errorf("id = %q", s.ID)
	}
}

func TestEveryProblemInOneRun(t *testing.T) {
	data, _ := scenarios.Read(scenarios.Example)
	text := string(data)
	for _, r := range [][2]string{
		{"effects: {churchill: +5}", "effects: {churchil: +5}"},
		{"if: not envoy_sent", "if: not envoy_snet"},
		{"next: stimson-warns", "next: stimson-warn"},
		{"date: 1941-10-30", "date: 1941-13-30"},
	} {
		text = strings.Replace(text, r[0], r[1], 1)
	}
	s, diags := scenario.Load("x.yaml", []byte(text))
	if s != nil {
		t.Fatal("broken scenario loaded")
	}
	if n, _ := diags.Count(); n != 4 {
		t.Errorf("want 4 errors in one run, got %d:\n%s", n, diags)
	}
	for _, d := range diags {
		if d.Line == 0 || d.Col == 0 {
			t.Errorf("problem without a position: %v", d)
		}
	}
}

func TestNearest(t *testing.T) {
	known := []string{"effects", "text", "if", "locked", "next", "historical"}
	for _, tc := range []struct{ in, want string }{
		{"efects", "effects"},
		{"Effects", "effects"},
		{"histrical", "historical"},
		{"nxt", "next"},
		{"zzz", ""},
		{"colour", ""},
	} {
		if got := scenario.Nearest(tc.in, known); got != tc.want {
			t.Errorf("Nearest(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestLabelsInventedAndGlossary(t *testing.T) {
	const src = `format: 1
title: Cuba
player: jfk
labels: {history: What really happened}
characters:
  jfk: {name: John F. Kennedy, short: Kennedy}
  nsk: Nikita Khrushchev
glossary:
  ExComm: The Executive Committee of the National Security Council.
events:
  - id: a
    date: 1962-10-27
    title: A letter that was never sent
    text: Text.
    invented: "Khrushchev sent no such letter; compare his message of 26 October."
  - id: b
    date: 1962-10-28
    title: B
    text: Text.
    invented: true
  - id: c
    date: 1962-10-29
    title: C
    text: Text.
endings:
  - {id: e, title: E, text: T}
`
	s, diags := scenario.Load("cuba.yaml", []byte(src))
	if s == nil {
		t.Fatalf("does not load:\n%s", diags)
	}
	if s.Labels != (scenario.Labels{History: "What really happened", Comparison: "Kennedy"}) {
		t.Errorf("labels = %+v", s.Labels)
	}
	if got := s.Characters[1].Short; got != "Nikita Khrushchev" {
		t.Errorf("short name defaults to the name, got %q", got)
	}
	if len(s.Glossary) != 1 || s.Glossary[0].Term != "ExComm" || !strings.HasPrefix(s.Glossary[0].Definition, "The Executive") {
		t.Errorf("glossary = %+v", s.Glossary)
	}
	for i, want := range []struct {
		invented bool
		note     string
	}{{true, "Khrushchev sent no such letter; compare his message of 26 October."}, {true, ""}, {false, ""}} {
		if e := s.Events[i]; e.Invented != want.invented || e.InventedNote != want.note {
			t.Errorf("event %s: invented %v %q, want %v %q", e.ID, e.Invented, e.InventedNote, want.invented, want.note)
		}
	}

	noPlayer, diags := scenario.Load("x.yaml", []byte("format: 1\ntitle: X\nevents:\n  - {id: a, date: 1919-01-18, title: A, text: T}\nendings:\n  - {id: e, title: E, text: T}\n"))
	if noPlayer == nil {
		t.Fatalf("does not load:\n%s", diags)
	}
	if noPlayer.Labels != (scenario.Labels{History: scenario.DefaultHistoryLabel}) {
		t.Errorf("labels without a player = %+v", noPlayer.Labels)
	}

	_, diags = scenario.Load("x.yaml", []byte("format: 1\ntitle: X\nevents:\n  - {id: a, date: 1919-01-18, title: A, text: T, invented: [1]}\nendings:\n  - {id: e, title: E, text: T}\n"))
	if len(diags) != 1 || diags[0].Code != "type" || !strings.Contains(diags[0].Message, "`invented` should be true, or a note") {
		t.Errorf("invented: [1] gives %v", diags)
	}
}

// The checks that need more than one part of the file: each gives one
// problem, at the right place, in the scenario's own words.
func TestResolveChecks(t *testing.T) {
	const head = "format: 1\ntitle: X\n"
	const ending = "endings:\n  - {id: e, title: E, text: T}\n"
	for _, tc := range []struct {
		name, src, code, want string
		line, col             int
	}{
		{"two endings with one id", head + "events:\n  - {id: a, date: 1919-01-18, title: A, text: T}\nendings:\n  - {id: e, title: E, text: T}\n  - {id: e, title: F, text: T}\n",
			"duplicate-id", "two endings have the id `e` (the other is on line 6): ids must be unique", 7, 10},
		{"an event named like an ending", head + "events:\n  - {id: e, date: 1919-01-18, title: A, text: T}\n" + ending,
			"duplicate-id", "`e` is the id of an event and of an ending (line 6)", 4, 10},
		{"a flag listed twice", head + "flags: [f, f]\nevents:\n  - {id: a, date: 1919-01-18, title: A, text: T}\n" + ending,
			"duplicate-id", "the flag `f` is listed twice", 3, 12},
		{"a flag named like a meter", head + "meters: {m: 5}\nflags: [m]\nevents:\n  - {id: a, date: 1919-01-18, title: A, text: T}\n" + ending,
			"duplicate-id", "`m` is both a meter and a flag", 4, 9},
		{"start names no event", head + "start: b\nevents:\n  - {id: a, date: 1919-01-18, title: A, text: T}\n" + ending,
			"unknown-event", "unknown event `b`; did you mean `a`?", 3, 8},
		{"player names no character", head + "player: jfk\ncharacters: {nsk: Nikita Khrushchev}\nevents:\n  - {id: a, date: 1919-01-18, title: A, text: T}\n" + ending,
			"unknown-character", "unknown character `jfk`; the characters are: `nsk`", 3, 9},
		{"a flag used as a meter", head + "flags: [f]\nevents:\n  - {id: a, date: 1919-01-18, title: A, text: T, effects: {f: +1}}\n" + ending,
			"unknown-meter", "`f` is a flag, not a meter: turn it on with `set: [f]`", 5, 60},
		{"a meter with a bad value and an unknown name", head + "meters: {trust: 5}\nevents:\n  - {id: a, date: 1919-01-18, title: A, text: T, effects: {x: lots}}\n" + ending,
			"unknown-meter", "unknown meter `x`; the meters are: `trust`", 5, 60},
		{"a source without sources", head + "events:\n  - {id: a, date: 1919-01-18, title: A, text: T, source: s1}\n" + ending,
			"unknown-source", "list it under `sources:` at the top of the file", 4, 58},
		{"a reaction of nobody", head + "characters: {nsk: Nikita Khrushchev}\nevents:\n  - id: a\n    date: 1919-01-18\n    title: A\n    text: T\n    choices:\n      - {text: Go, reactions: {jfk: Fine.}}\n" + ending,
			"unknown-character", "unknown character `jfk`; the characters are: `nsk`", 10, 32},
		{"a trigger to nowhere", head + "meters: {m: 5}\nevents:\n  - {id: a, date: 1919-01-18, title: A, text: T}\ntriggers:\n  - {if: m > 9, goto: ee}\n" + ending,
			"unknown-target", "`goto` points to `ee`, but there is no event or ending with that id; did you mean `e`?", 7, 23},
		{"every ending with an if", head + "meters: {m: 5}\nevents:\n  - {id: a, date: 1919-01-18, title: A, text: T}\nendings:\n  - {id: e, if: m > 1, title: E, text: T}\n",
			"no-fallback", "every ending has an `if`", 6, 1},
		{"two historical endings", head + "events:\n  - {id: a, date: 1919-01-18, title: A, text: T}\nendings:\n  - {id: e, historical: true, title: E, text: T}\n  - {id: f, historical: true, title: F, text: T}\n",
			"two-historical", "two endings are marked `historical: true` (the other is on line 6): mark only the one that happened", 7, 13},
	} {
		s, diags := scenario.Load("x.yaml", []byte(tc.src))
		if s != nil || len(diags) != 1 {
			t.Errorf("%s: want one error, got %d:\n%s", tc.name, len(diags), diags)
			continue
		}
		d := diags[0]
		if d.Code != tc.code || !strings.Contains(d.Message, tc.want) || d.Line != tc.line || d.Col != tc.col {
			t.Errorf("%s: got %d:%d %s %q\nwant %d:%d %s %q", tc.name, d.Line, d.Col, d.Code, d.Message, tc.line, tc.col, tc.code, tc.want)
		}
	}
}
