package scenario_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// emittedCodes finds, in the Go source (tests aside) of the given folders,
// every problem code written as a literal: the argument that follows a
// severity (`Error, "unknown-key"`, `scenario.Warning, "all-locked"`) and
// the value of a `code:` or `Code:` field.
func emittedCodes(t *testing.T, dirs ...string) map[string]string {
	t.Helper()
	codes := map[string]string{} // code -> where first seen
	fset := token.NewFileSet()
	for _, dir := range dirs {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no Go files in %s (%v)", dir, err)
		}
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, name, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			add := func(e ast.Expr) {
				lit, ok := e.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					return
				}
				code, err := strconv.Unquote(lit.Value)
				if err != nil || code == "" {
					return
				}
				if _, seen := codes[code]; !seen {
					codes[code] = fset.Position(lit.Pos()).String()
				}
			}
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CallExpr:
					for i := 0; i+1 < len(n.Args); i++ {
						if isSeverity(n.Args[i]) {
							add(n.Args[i+1])
						}
					}
				case *ast.KeyValueExpr:
					if id, ok := n.Key.(*ast.Ident); ok && (id.Name == "code" || id.Name == "Code") {
						add(n.Value)
					}
				}
				return true
			})
		}
	}
	return codes
}

func isSeverity(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name == "Error" || e.Name == "Warning"
	case *ast.SelectorExpr:
		return e.Sel.Name == "Error" || e.Sel.Name == "Warning"
	}
	return false
}

// guideCodes reads the codes listed in the guide's table of problem codes:
// rows that start with | `code` |.
func guideCodes(t *testing.T) []string {
	t.Helper()
	doc, err := os.ReadFile("../../docs/scenario-format.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(doc), "\n### Problem codes\n")
	if !ok {
		t.Fatal("the guide has no section ### Problem codes")
	}
	if i := strings.Index(section, "\n#"); i >= 0 {
		section = section[:i]
	}
	var out []string
	for _, line := range strings.Split(section, "\n") {
		rest, ok := strings.CutPrefix(line, "| `")
		if !ok {
			continue
		}
		code, _, ok := strings.Cut(rest, "`")
		if !ok {
			t.Errorf("a row of the codes table does not start with a code: %q", line)
			continue
		}
		cells := strings.Split(line, "|")
		if len(cells) < 5 || strings.TrimSpace(cells[2]) == "" || strings.TrimSpace(cells[3]) == "" {
			t.Errorf("the row of `%s` needs an example and a fix: %q", code, line)
		}
		out = append(out, code)
	}
	return out
}

// Every code the loader or the checker emits is in the guide, with an
// example and its fix, and the guide lists no code that nothing emits.
func TestEveryCodeIsInTheGuide(t *testing.T) {
	emitted := emittedCodes(t, ".", "../check")
	if len(emitted) < 30 {
		t.Fatalf("found only %d codes in the source: is the scan still right? %v", len(emitted), emitted)
	}
	listed := guideCodes(t)
	for code, where := range emitted {
		if !slices.Contains(listed, code) {
			t.Errorf("the code %q (%s) is not listed in docs/scenario-format.md, ### Problem codes", code, where)
		}
	}
	seen := map[string]bool{}
	for _, code := range listed {
		if seen[code] {
			t.Errorf("the guide lists %q twice", code)
		}
		seen[code] = true
		if _, ok := emitted[code]; !ok {
			t.Errorf("the guide lists the code %q, which nothing emits", code)
		}
	}
}
