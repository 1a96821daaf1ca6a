package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const exampleFile = "../../scenarios/example.yaml"

// TestBigFileSize (item 17): a 100 MB file is reported with its size.
func TestBigFileSize(t *testing.T) {
	big := filepath.Join(t.TempDir(), "video.yaml")
	f, _ := os.Create(big)
	f.Truncate(100 << 20)
	f.Close()
	_, out, _ := run(t, "", "check", big)
	if !strings.Contains(out, "the file is 100 MB, larger than the 8 MB a scenario may be") {
		t.Errorf("b3 check of 100 MB:\n%s", out)
	}
}

// TestCheckStdin (item 17): b3 check - reads standard input.
func TestCheckStdin(t *testing.T) {
	data, err := os.ReadFile(exampleFile)
	if err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, string(data), "check", "-")
	if code != ExitOK || !strings.Contains(out, "-: ok (6 events, 3 endings)") {
		t.Errorf("b3 check -: %d\n%s%s", code, out, errs)
	}
}

// TestTranscriptNeverOverwritesInput (item 11).
func TestTranscriptNeverOverwritesInput(t *testing.T) {
	dir := t.TempDir()
	victim := filepath.Join(dir, "victim.yaml")
	data, _ := os.ReadFile("../story/testdata/cuba-1962.yaml") // a scenario without pictures
	os.WriteFile(victim, data, 0o644)
	notes := filepath.Join(dir, "notes.md")
	os.WriteFile(notes, []byte("my notes\n"), 0o644)
	for _, tr := range []string{victim, notes} {
		code, _, errs := run(t, "q\n", "play", "-transcript", tr, victim)
		if code != ExitUsage || errs == "" {
			t.Errorf("-transcript %s: %d %q", tr, code, errs)
		}
	}
	if got, _ := os.ReadFile(victim); string(got) != string(data) {
		t.Error("the scenario was overwritten")
	}
	if got, _ := os.ReadFile(notes); string(got) != "my notes\n" {
		t.Error("the notes were overwritten")
	}
	// With -force, a file that is not a transcript is replaced; an older
	// transcript always is.
	out := filepath.Join(dir, "t.md")
	for _, args := range [][]string{{"-force", "-transcript", notes}, {"-transcript", out}, {"-transcript", out}} {
		if code, stdout, errs := run(t, strings.Repeat("1\n", 50), append(append([]string{"play"}, args...), victim)...); code != ExitOK {
			t.Fatalf("b3 play %v: %d\n%s%s", args, code, stdout[max(0, len(stdout)-300):], errs)
		}
	}
}

// TestNoTerminalEscapesPrinted (item 12): control characters that reach
// b3's output (a file name here) are printed as escapes.
func TestNoTerminalEscapesPrinted(t *testing.T) {
	_, out, errs := run(t, "", "check", "evil\x1b]0;title\a\u009b2J.yaml")
	if strings.ContainsAny(out+errs, "\x1b\a\u009b") || !strings.Contains(out, `evil\x1b]0;title\x07\u009b2J.yaml`) {
		t.Errorf("escapes printed: %q %q", out, errs)
	}
}
