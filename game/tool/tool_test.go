package tool

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden .out files")

func run(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Main(args, Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb})
	return code, out.String(), errb.String()
}

// TestCheckGolden runs `b3 check` on each file in testdata/check, a
// collection of mistakes teachers make, and compares the output with the
// .out file beside it. Run `go test ./game/tool -update` after changing a
// message, and read the new .out files as a teacher would.
func TestCheckGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/check/*.yaml")
	if err != nil || len(files) < 25 {
		t.Fatalf("want at least 25 golden cases, found %d (%v)", len(files), err)
	}
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".yaml"), func(t *testing.T) {
			code, out, errOut := run(t, "", "check", filepath.ToSlash(f))
			if errOut != "" {
				t.Errorf("unexpected stderr: %s", errOut)
			}
			golden := strings.TrimSuffix(f, ".yaml") + ".out"
			if *update {
				if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("missing golden file (run with -update): %v", err)
			}
			if out != string(want) {
				t.Errorf("output differs from %s\n--- got\n%s--- want\n%s", golden, out, want)
			}
			clean := strings.HasSuffix(strings.TrimSpace(out), "endings)")
			if clean != (code == ExitOK) {
				t.Errorf("exit code %d does not match the output", code)
			}
		})
	}
}
