//go:build unix

package cli

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestNonRegularFilesRefused (issue 14, items 15 and 6): check, play and
// play -save refuse a named pipe and /dev/zero at once, with a message,
// instead of waiting forever or reading without end.
func TestNonRegularFilesRefused(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no named pipes:", err)
	}
	for _, args := range [][]string{
		{"check", fifo}, {"play", fifo}, {"check", "/dev/zero"},
	} {
		code, out, errs := run(t, "q\n", args...)
		if code != ExitProblems || !strings.Contains(out+errs, "not a scenario file") {
			t.Errorf("b3 %s: %d\n%s%s", strings.Join(args, " "), code, out, errs)
		}
	}
	for _, save := range []string{fifo, "/dev/zero"} {
		code, out, errs := run(t, "q\n", "play", "-save", save, exampleFile)
		if code != ExitProblems || !strings.Contains(errs, "cannot read the save "+save+": this is a") || !strings.Contains(errs, "not a file") {
			t.Errorf("b3 play -save %s: %d\n%s%s", save, code, out, errs)
		}
	}
}
