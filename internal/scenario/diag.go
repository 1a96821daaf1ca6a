package scenario

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Severity tells an error, which stops the scenario from being played, from
// a warning, which points at something that is probably a mistake.
type Severity uint8

// The severities.
const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// MarshalText makes a severity read as "error" or "warning" in JSON.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Diagnostic is one problem found in a scenario file.
type Diagnostic struct {
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Col      int      `json:"column"`
	Severity Severity `json:"severity"`
	// Code names the kind of problem (for example "unknown-key"); the
	// scenario guide lists them with their fixes.
	Code    string `json:"code"`
	Message string `json:"message"`
}

// String formats the diagnostic as file:line:col: severity: message.
func (d Diagnostic) String() string {
	return fmt.Sprintf("%s:%d:%d: %s: %s", d.File, d.Line, d.Col, d.Severity, d.Message)
}

// Diagnostics is a list of problems.
type Diagnostics []Diagnostic

// HasErrors reports whether any of the problems is an error.
func (ds Diagnostics) HasErrors() bool {
	for _, d := range ds {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Count returns the number of errors and of warnings.
func (ds Diagnostics) Count() (errors, warnings int) {
	for _, d := range ds {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// Sort orders the problems errors first, then warnings, each by file position.
func (ds Diagnostics) Sort() {
	slices.SortStableFunc(ds, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Severity, b.Severity),
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
		)
	})
}

// String formats every problem on its own line, errors first.
func (ds Diagnostics) String() string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// Summary says in words how many errors and warnings there are.
func (ds Diagnostics) Summary() string {
	return SummaryOf(ds.Count())
}

// SummaryOf says "2 errors, 1 warning".
func SummaryOf(errors, warnings int) string {
	return fmt.Sprintf("%s, %s", plural(errors, "error"), plural(warnings, "warning"))
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
