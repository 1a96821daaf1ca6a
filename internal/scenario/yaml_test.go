package scenario_test

import (
	"fmt"
	"strings"
	"testing"

	"bigthree/internal/scenario"
)

// scenarioWith returns a small valid scenario whose first event has the
// given lines in place of its title (each indented as a key of the event).
func scenarioWith(lines ...string) string {
	return "format: 1\ntitle: T\nplayer: a\ncharacters:\n  a: {name: A}\n  b: {name: B}\nmeters:\n  m: {label: M, start: 30}\nflags: [f]\nevents:\n" +
		"  - id: first\n    date: 1941-07-30\n    from: b\n" + strings.Join(lines, "\n") + "\n" +
		"    choices:\n      - text: Yes.\n        set: [f]\n        effects: {m: +10}\n      - text: No.\n        if: f or m > 10\n" +
		"endings:\n  - id: good\n    if: m >= 40\n    title: Good\n    text: Well.\n  - id: other\n    title: Other\n    text: Otherwise.\n"
}

// The mistakes the YAML library reports in words that name another cause
// (or on another line) are found on their own line, with their own code.
func TestYAMLMistakesNamed(t *testing.T) {
	const title = "    title: A letter"
	const text = "    text: Some words."
	tests := []struct {
		name      string
		lines     []string
		code      string
		line, col int
		says      string
	}{
		{"text after a closing quote", []string{title, `    text: "No," he says.`}, "yaml-quote-end", 15, 17, `text: '"No," he says.'`},
		{"apostrophe in single quotes", []string{`    title: 'Stalin's reply'`, text}, "yaml-apostrophe", 14, 19, `title: 'Stalin''s reply'`},
		{"apostrophe in braces", []string{`    title: {x: 'Stalin's reply'}`, text}, "yaml-apostrophe", 14, 23, `x: 'Stalin''s reply'`},
		{"block text not indented", []string{title, "    text: |", "    Dear Sir,", "    we ask."}, "yaml-block-indent", 16, 5, "2 more spaces"},
		{"no space after a colon", []string{"    title:Radio", text}, "yaml-colon-space", 14, 10, "`title: Radio`"},
		{"after a line that only looks wrong", []string{"    text: |", `      "No," he says.`, "    title:Radio"}, "yaml-colon-space", 16, 10, "`title: Radio`"},
		{"hash in braces", []string{title, text, "    effects: {m: +1, x: Part #1}"}, "yaml-hash", 16, 30, `x: "Part #1"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := scenario.Load("x.yaml", []byte(scenarioWith(tt.lines...)))
			if len(diags) != 1 {
				t.Fatalf("want one problem, got:\n%s", diags)
			}
			d := diags[0]
			if d.Code != tt.code || d.Line != tt.line || d.Col != tt.col || !strings.Contains(d.Message, tt.says) {
				t.Errorf("got %s\nwant [%s] at %d:%d saying %q", d, tt.code, tt.line, tt.col, tt.says)
			}
		})
	}
}

// Lines that only look like those mistakes are valid YAML and load clean.
func TestYAMLLookalikeLinesLoad(t *testing.T) {
	for _, lines := range [][]string{
		{`    title: "Quoted" # a note`, `    text: 'It''s fine'`},
		{`    title: He said "no" twice`, "    text: |", "      Dear Sir,", "      title:of a sort"},
		{`    title: "Part #1"`, `    text: a:b and c`},
		{`    title: 'A "quote"'`, "    text: |", `      "No," he says.`, "      Dear Sir,", "    place: x:y"},
	} {
		src := scenarioWith(lines...)
		if s, diags := scenario.Load("x.yaml", []byte(src)); s == nil || len(diags) > 0 {
			t.Errorf("%q: want no problems, got:\n%s", lines, diags)
		}
	}
}

// A # after a space in a plain text is a comment: the loader warns for
// prose (titles, texts, replies, reactions) but not for ids or conditions.
func TestHashCommentInProse(t *testing.T) {
	src := scenarioWith("    title: Letter #1", "    text: Words.", "    next: good # the happy end")
	src = strings.Replace(src, "        if: f or m > 10", "        if: f or m > 10 # only after Yes\n        reactions: {b: Fine}\n      - Maybe #3", 1)
	s, diags := scenario.Load("x.yaml", []byte(src))
	if s == nil {
		t.Fatalf("want the scenario to load, got:\n%s", diags)
	}
	var got []string
	for _, d := range diags {
		got = append(got, fmt.Sprintf("%d:%d %s", d.Line, d.Col, d.Code))
	}
	if want := "14:19 hash-comment,24:15 hash-comment"; strings.Join(got, ",") != want {
		t.Errorf("got %v, want %s\n%s", got, want, diags)
	}
	if s.Events[0].Title != "Letter" {
		t.Errorf("title %q: YAML should still read the comment as a comment", s.Events[0].Title)
	}
}

// A reply whose `- ` is missing is reported once, as such, not as every
// key of it given twice.
func TestMissingDash(t *testing.T) {
	src := scenarioWith("    title: T", "    text: Words.")
	src = strings.Replace(src, "      - text: No.\n", "        text: No.\n        set: [f]\n", 1)
	_, diags := scenario.Load("x.yaml", []byte(src))
	if len(diags) != 1 || diags[0].Code != "missing-dash" || diags[0].Line != 20 {
		t.Errorf("want one missing-dash on line 20, got:\n%s", diags)
	}
}

// A misspelt section is read as the section it resembles: its misspelling
// is the only error, not one per reference to what it defines.
func TestMisspeltSectionOneError(t *testing.T) {
	for _, tt := range []struct{ from, to string }{{"characters:", "charaters:"}, {"flags:", "flag:"}, {"meters:", "meter:"}} {
		src := strings.Replace(scenarioWith("    title: T", "    text: Words."), "\n"+tt.from, "\n"+tt.to, 1)
		_, diags := scenario.Load("x.yaml", []byte(src))
		if len(diags) != 1 || diags[0].Code != "unknown-key" || !strings.Contains(diags[0].Message, "did you mean `"+strings.TrimSuffix(tt.from, ":")+"`") {
			t.Errorf("%s: want one unknown-key with the right spelling, got:\n%s", tt.to, diags)
		}
	}
}

// A look-alike character in an id is named, with its column.
func TestLookalikeCharacterNamed(t *testing.T) {
	tests := []struct{ id, says string }{
		{"first\u2011letter", "U+2011 NON-BREAKING HYPHEN at column 14"},
		{"first\u00a0letter", "U+00A0 NO-BREAK SPACE at column 14"},
		{"fir\u0455t", "U+0455 (a letter of another alphabet, Cyrillic) at column 12"},
		{"first\u200b", "U+200B ZERO WIDTH SPACE at column 14"},
	}
	for _, tt := range tests {
		src := strings.Replace(scenarioWith("    title: T", "    text: Words."), "  - id: first\n", "  - id: "+tt.id+"\n", 1)
		_, diags := scenario.Load("x.yaml", []byte(src))
		if len(diags) != 1 || diags[0].Code != "bad-id" || !strings.Contains(diags[0].Message, tt.says) {
			t.Errorf("%q: want a bad-id saying %q, got:\n%s", tt.id, tt.says, diags)
		}
	}
}
