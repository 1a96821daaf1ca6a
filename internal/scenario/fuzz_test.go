package scenario_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"bigthree/internal/scenario"
	"bigthree/scenarios"
)

// FuzzLoad feeds arbitrary bytes to the loader, starting from the shipped
// scenarios and the golden collection of mistakes. No input may panic;
// every problem has a position and a message; a scenario comes back
// exactly when there is no error; and every problem prints, with its
// excerpt, as text a terminal shows as it is.
func FuzzLoad(f *testing.F) {
	for _, name := range scenarios.Names() {
		data, _ := scenarios.Read(name)
		f.Add(data)
	}
	fixtures, _ := filepath.Glob("../cli/testdata/check/*.yaml")
	if len(fixtures) == 0 {
		f.Fatal("no fixtures to seed from")
	}
	for _, p := range fixtures {
		data, _ := os.ReadFile(p)
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, diags := scenario.Load("fuzz.yaml", data)
		if (s == nil) != diags.HasErrors() {
			t.Fatalf("scenario %v with problems:\n%s", s != nil, diags)
		}
		for _, d := range diags {
			if d.Line < 1 || d.Col < 1 || d.Message == "" || d.Code == "" {
				t.Fatalf("problem without position, code or message: %+v", d)
			}
			line, caret, ok := d.Excerpt(scenario.ExcerptWidth)
			if !ok {
				continue
			}
			if strings.Trim(caret, " ") != "^" || !strings.HasSuffix(caret, "^") {
				t.Fatalf("caret line %q", caret)
			}
			for _, r := range line {
				if r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 {
					t.Fatalf("control character %U in the excerpt %q", r, line)
				}
			}
			if !utf8.ValidString(line) {
				t.Fatalf("excerpt is not UTF-8: %q", line)
			}
			if n := utf8.RuneCountInString(line); n > 2*scenario.ExcerptWidth+2 {
				t.Fatalf("excerpt of %d characters: %q", n, line)
			}
		}
		_ = diags.String()
	})
}
