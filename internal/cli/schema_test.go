package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSchemaCommand: b3 schema writes the schema into a folder or beside a
// scenario, leaves an equal one alone, and replaces a different one only
// with -force.
func TestSchemaCommand(t *testing.T) {
	dir := t.TempDir()
	scen := filepath.Join(dir, "cuba.yaml")
	if err := os.WriteFile(scen, []byte("title: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	schema := []byte(`{"title": "bigthree scenario"}` + "\n")
	want := filepath.Join(dir, SchemaFile)
	schemaRun := func(args ...string) (int, string, string) {
		var out, errb bytes.Buffer
		code := Main(append([]string{"schema"}, args...), Env{Stdout: &out, Stderr: &errb, Schema: schema})
		return code, out.String(), errb.String()
	}
	for _, tc := range []struct {
		name   string
		before []byte // the schema.json there before, or nil
		args   []string
		code   int
		says   string
		after  []byte
	}{
		{"beside a scenario", nil, []string{scen}, ExitOK, "$schema=./schema.json", schema},
		{"into a folder, already there", schema, []string{dir}, ExitOK, "already", schema},
		{"a different file is kept", []byte("{}"), []string{dir}, ExitProblems, "-force", []byte("{}")},
		{"replaced with -force", []byte("{}"), []string{"-force", dir}, ExitOK, "wrote", schema},
		{"a file that does not exist", nil, []string{filepath.Join(dir, "none", "x.yaml")}, ExitProblems, "does not exist", nil},
		{"two targets", nil, []string{dir, dir}, ExitUsage, "usage", nil},
	} {
		os.Remove(want)
		if tc.before != nil {
			if err := os.WriteFile(want, tc.before, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		code, out, errs := schemaRun(tc.args...)
		if code != tc.code || !strings.Contains(out+errs, tc.says) {
			t.Errorf("%s: exit %d, said %q%q; want %d and %q", tc.name, code, out, errs, tc.code, tc.says)
		}
		got, err := os.ReadFile(want)
		if tc.after == nil && err == nil || tc.after != nil && !bytes.Equal(got, tc.after) {
			t.Errorf("%s: schema.json is %q (%v), want %q", tc.name, got, err, tc.after)
		}
	}
}
