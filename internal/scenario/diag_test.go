package scenario_test

import (
	"encoding/json"
	"strings"
	"testing"

	"bigthree/internal/scenario"
)

func TestDiagnosticString(t *testing.T) {
	d := scenario.Diagnostic{File: "a.yaml", Line: 3, Col: 7, Severity: scenario.Warning, Code: "unknown-key", Message: "say \x1b[31mred"}
	if got, want := d.String(), "a.yaml:3:7: warning: say \uFFFD[31mred [unknown-key]"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	d.Code = ""
	if got := d.String(); strings.Contains(got, "[") && strings.HasSuffix(got, "]") {
		t.Errorf("a diagnostic without a code ends in brackets: %q", got)
	}
}

// The caret sits under the character the column counts, whatever comes
// before it on the line.
func TestExcerptCaret(t *testing.T) {
	for _, tc := range []struct {
		name, source string
		col          int
		line, caret  string
	}{
		{"plain", "  title: The answer", 10, "  title: The answer", "         ^"},
		{"tab before", "\tx: 1", 2, "    x: 1", "    ^"},
		{"tab after text", "ab\tc", 4, "ab  c", "    ^"},
		{"on a tab", "\tx", 1, "    x", "^"},
		{"wide characters", "标题: 答复 x", 8, "标题: 答复 x", "           ^"},
		{"combining accent", "cafe\u0301: x", 8, "cafe\u0301: x", "      ^"},
		{"control character", "a\x1bb: c", 5, "a\uFFFDb: c", "    ^"},
		{"direction override", "a\u202eb c", 5, "a\uFFFDb c", "    ^"},
		{"past the end", "key:", 6, "key:", "     ^"},
		{"trailing spaces", "key: x   ", 6, "key: x", "     ^"},
	} {
		d := scenario.Diagnostic{Line: 1, Col: tc.col, Source: tc.source}
		line, caret, ok := d.Excerpt(80)
		if !ok || line != tc.line || caret != tc.caret {
			t.Errorf("%s: got %v\n%q\n%q\nwant\n%q\n%q", tc.name, ok, line, caret, tc.line, tc.caret)
		}
	}
}

func TestExcerptClipsLongLines(t *testing.T) {
	long := strings.Repeat("a", 200) + "X" + strings.Repeat("b", 200)
	d := scenario.Diagnostic{Line: 1, Col: 201, Source: long}
	line, caret, ok := d.Excerpt(60)
	if !ok || len([]rune(line)) != 60 || !strings.HasPrefix(line, "…") || !strings.HasSuffix(line, "…") {
		t.Fatalf("clipped line %q (%d characters)", line, len([]rune(line)))
	}
	if i := len(caret) - 1; []rune(line)[i] != 'X' {
		t.Errorf("the caret at %d is under %q, not X:\n%s\n%s", i, string([]rune(line)[i]), line, caret)
	}
	// Near the start, nothing is cut on the left.
	d.Col = 3
	line, caret, _ = d.Excerpt(60)
	if strings.HasPrefix(line, "…") || caret != "  ^" || !strings.HasSuffix(line, "…") {
		t.Errorf("start of a long line: %q %q", line, caret)
	}
	// A wide character cut at the edge keeps the caret aligned.
	d = scenario.Diagnostic{Line: 1, Col: 80, Source: strings.Repeat("字", 100)}
	line, caret, _ = d.Excerpt(41)
	if w := displayWidth(line); w > 41 {
		t.Errorf("clipped wide line is %d columns: %q", w, line)
	}
	if !strings.HasSuffix(caret, "^") {
		t.Errorf("caret %q", caret)
	}
}

func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x4e00 && r <= 0x9fff {
			n += 2
		} else {
			n++
		}
	}
	return n
}

func TestNoExcerptWithoutSource(t *testing.T) {
	for _, d := range []scenario.Diagnostic{
		{Line: 1, Col: 1},
		{Line: 1, Col: 1, Source: "   "},
		{Line: 1, Col: 0, Source: "x"},
	} {
		if _, _, ok := d.Excerpt(80); ok {
			t.Errorf("%+v has an excerpt", d)
		}
	}
}

// Load keeps each problem's line of the file, as written (a CRLF file
// included); the JSON of a diagnostic has exactly its six documented fields.
func TestLoadKeepsTheSourceLine(t *testing.T) {
	src := "format: 1\r\ntitle: X\r\nevents:\r\n  - {id: a, date: 1919-01-18, title: A, text: T, efects: 1}\r\nendings:\r\n  - {id: e, title: E, text: T}\r\n"
	_, diags := scenario.Load("x.yaml", []byte("\xEF\xBB\xBF"+src))
	if len(diags) != 1 || diags[0].Code != "unknown-key" {
		t.Fatalf("diags = %v", diags)
	}
	if want := "  - {id: a, date: 1919-01-18, title: A, text: T, efects: 1}"; diags[0].Source != want {
		t.Errorf("Source = %q, want %q", diags[0].Source, want)
	}
	if !strings.Contains(diags.String(), "\n    4 |   - {id: a") {
		t.Errorf("the listing does not show the line:\n%s", diags)
	}
	b, err := json.Marshal(diags[0])
	if err != nil {
		t.Fatal(err)
	}
	var fields map[string]any
	if err := json.Unmarshal(b, &fields); err != nil {
		t.Fatal(err)
	}
	if len(fields) != 6 {
		t.Errorf("JSON fields %v, want file, line, column, severity, code, message", fields)
	}
	for _, k := range []string{"file", "line", "column", "severity", "code", "message"} {
		if _, ok := fields[k]; !ok {
			t.Errorf("JSON lacks %q: %s", k, b)
		}
	}
}

// Problems found after loading (the graph checks) get their lines from
// the same bytes; problems about the file as a whole get none.
func TestAddSource(t *testing.T) {
	data := []byte("\xEF\xBB\xBFa: 1\r\nb: caf\xe9\rc: 3\n")
	ds := scenario.Diagnostics{
		{Line: 1, Col: 1, Code: "x"},
		{Line: 2, Col: 1, Code: "x"},
		{Line: 3, Col: 1, Code: "x"},
		{Line: 4, Col: 1, Code: "x"},
		{Line: 9, Col: 1, Code: "x"},
		{Line: 1, Col: 1, Code: "binary"},
		{Line: 1, Col: 1, Code: "x", Source: "kept"},
	}
	ds.AddSource(data)
	for i, want := range []string{"a: 1", "b: caf\uFFFD", "c: 3", "", "", "", "kept"} {
		if ds[i].Source != want {
			t.Errorf("line %d (%s): Source %q, want %q", ds[i].Line, ds[i].Code, ds[i].Source, want)
		}
	}
}
