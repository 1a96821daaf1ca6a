package cli

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
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
// .out file beside it. Run `go test ./internal/cli -update` after changing a
// message, and read the new .out files as a teacher would.
//
// Each file says on its first line which problem it was written for
// (`# expect: unknown-key`, or `# expect: ok` for a clean file): -update
// cannot make a fixture pass that no longer shows its problem.
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
			expect, err := expectedCodes(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range expect {
				switch {
				case c == "ok" && code != ExitOK:
					t.Errorf("written to check clean, but b3 check finds problems:\n%s", out)
				case c != "ok" && !strings.Contains(out, "["+c+"]\n"):
					t.Errorf("written for the problem %q, which b3 check no longer reports:\n%s", c, out)
				}
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
			clean := strings.HasSuffix(strings.TrimSpace(out), "endings)") || strings.HasSuffix(strings.TrimSpace(out), "1 ending)")
			if clean != (code == ExitOK) {
				t.Errorf("exit code %d does not match the output", code)
			}
		})
	}
}

// expectedCodes reads the codes a fixture names on its first line,
// `# expect: code[, code...]`.
func expectedCodes(file string) ([]string, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	first, _, _ := strings.Cut(string(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))), "\n")
	list, ok := strings.CutPrefix(strings.TrimSpace(first), "# expect:")
	if !ok {
		return nil, fmt.Errorf("%s: the first line must say which problem the file shows, as # expect: code", file)
	}
	var codes []string
	for _, c := range strings.Split(list, ",") {
		if c = strings.TrimSpace(c); c != "" {
			codes = append(codes, c)
		}
	}
	if len(codes) == 0 {
		return nil, fmt.Errorf("%s: # expect: names no code", file)
	}
	return codes, nil
}

// The complete example at the top of the scenario guide must check clean
// and play to an ending, so the guide never shows a broken file.
func TestGuideExampleChecksClean(t *testing.T) {
	doc, err := os.ReadFile("../../docs/scenario-format.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(doc)
	start := strings.Index(text, "```yaml\n# yaml-language-server")
	if start < 0 {
		t.Fatal("the guide has no complete example")
	}
	body := text[start+len("```yaml\n"):]
	body = body[:strings.Index(body, "```")]
	env := Env{
		Stdin:    strings.NewReader("1\n"),
		Stdout:   &bytes.Buffer{},
		Stderr:   &bytes.Buffer{},
		ReadFile: func(string) ([]byte, error) { return []byte(body), nil },
	}
	if code := Main([]string{"check", "guide.yaml"}, env); code != ExitOK {
		t.Fatalf("the guide's example does not check clean:\n%s%s", env.Stdout, env.Stderr)
	}
	if code := Main([]string{"play", "guide.yaml"}, env); code != ExitOK || !strings.Contains(env.Stdout.(*bytes.Buffer).String(), "THE END") {
		t.Fatalf("the guide's example does not play to an ending:\n%s", env.Stdout)
	}
}

const example = "../../scenarios/example.yaml"

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"chekc", example},
		{"check"},
		{"check", "-bogus", example},
		{"graph", "-format", "png", example},
		{"graph", example, example},
		{"play"},
		{"explore", "-runs", "-5", example},
	} {
		code, _, stderr := run(t, "", args...)
		if code != ExitUsage || stderr == "" {
			t.Errorf("b3 %v: exit %d, stderr %q; want exit 2 and a message", args, code, stderr)
		}
	}
	if _, _, stderr := run(t, "", "chekc", example); !strings.Contains(stderr, `did you mean "check"?`) {
		t.Errorf("misspelled command: %s", stderr)
	}
	if code, out, _ := run(t, "", "help"); code != ExitOK || !strings.Contains(out, "b3 check") {
		t.Errorf("help: %d %s", code, out)
	}
}

func TestCheckMissingFileAndFlagsAfterFiles(t *testing.T) {
	code, out, _ := run(t, "", "check", "nowhere.yaml", example, "-json")
	if code != ExitProblems {
		t.Errorf("exit %d", code)
	}
	var res struct {
		Errors      int
		Diagnostics []struct {
			File, Code, Message string
			Line, Column        int
			Severity            string
		}
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("-json output is not JSON: %v\n%s", err, out)
	}
	if res.Errors != 1 || len(res.Diagnostics) != 1 || res.Diagnostics[0].Severity != "error" || !strings.Contains(res.Diagnostics[0].Message, "no such file") {
		t.Errorf("json: %+v", res)
	}
}

func TestPlayScriptedToAnEnding(t *testing.T) {
	// Continue, send Hopkins, a wrong entry, the locked-free conference, the credit, a warm reply.
	code, out, stderr := run(t, "1\n1\n7\n2\n1\n1\n", "play", example)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"--- 22 June 1941, Newspaper, Washington ---",
		"Please type a number from 1 to 3",
		"IN HISTORY",
		"(Your reply matches Roosevelt’s.)",
		"Meters: Stalin’s trust 40 (+10), Churchill’s trust 80 (+5), Support at home 55",
		"=== THE END: A promise kept ===",
		"matched Roosevelt’s in 4 of 4 decisions",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("play output lacks %q", want)
		}
	}
	if strings.Contains(out, "delay") {
		t.Error("a hidden meter is shown")
	}
}

func TestPlayShowsLockedReplies(t *testing.T) {
	// Waiting for the Army, then holding back the guns: no envoy, so the conference is locked.
	_, out, _ := run(t, "1\n2\n1\n2\nq\n", "play", example)
	if !strings.Contains(out, "2. (locked: Only after an envoy has gone to Moscow.) Agree to a supply conference") {
		t.Errorf("locked reply not shown:\n%s", out)
	}
	if !strings.Contains(out, "Reply 2 is locked: Only after an envoy has gone to Moscow.") {
		t.Error("choosing a locked reply is not refused")
	}
}

func TestPlaySaveResumeAndTranscript(t *testing.T) {
	dir := t.TempDir()
	save := filepath.Join(dir, "game.json")
	tr := filepath.Join(dir, "out.md")
	if code, _, stderr := run(t, "1\n1\n", "play", "-save", save, example); code != ExitProblems || stderr != "" {
		t.Fatalf("first session: exit %d (input ended early), %s", code, stderr)
	}
	code, out, stderr := run(t, "2\n1\n1\n", "play", "-save", save, "-transcript", tr, example)
	if code != ExitOK {
		t.Fatalf("second session: %d %s", code, stderr)
	}
	if !strings.Contains(out, "resumed after 2 choices") || !strings.Contains(out, "THE END: A promise kept") {
		t.Errorf("resume output:\n%s", out)
	}
	md, err := os.ReadFile(tr)
	if err != nil || !strings.Contains(string(md), "## Ending: A promise kept") {
		t.Errorf("transcript: %v\n%s", err, md)
	}
	if _, err := os.Stat(filepath.Join(dir, "out.json")); err != nil {
		t.Errorf("JSON transcript: %v", err)
	}
	os.WriteFile(save, []byte(`{"format": 1, "scen`), 0o644)
	if code, _, stderr := run(t, "", "play", "-save", save, example); code != ExitProblems || !strings.Contains(stderr, "cut short") {
		t.Errorf("corrupt save: %d %s", code, stderr)
	}
}

func TestPlayRefusesABrokenScenario(t *testing.T) {
	code, _, stderr := run(t, "", "play", "testdata/check/misspelled-key.yaml")
	if code != ExitProblems || !strings.Contains(stderr, "did you mean `effects`") || !strings.Contains(stderr, "b3 check") {
		t.Errorf("exit %d: %s", code, stderr)
	}
}

func TestExploreGoldenAndRepeatable(t *testing.T) {
	code, out, _ := run(t, "", "explore", "-runs", "2000", "-seed", "3", example)
	if code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	_, again, _ := run(t, "", "explore", "-seed", "3", "-runs", "2000", example)
	if out != again {
		t.Error("same seed, different report")
	}
	golden := "testdata/explore-example.out"
	if *update {
		os.WriteFile(golden, []byte(out), 0o644)
	}
	want, _ := os.ReadFile(golden)
	if out != string(want) {
		t.Errorf("explore output differs from %s:\n%s", golden, out)
	}
	code, out, _ = run(t, "", "explore", "-json", "-max-states", "0", example)
	var rep struct {
		Exhaustive bool
		Runs       int
		Endings    []struct{ ID string }
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || code != ExitOK || rep.Exhaustive || rep.Runs != 10000 || len(rep.Endings) != 3 {
		t.Errorf("explore -json: %v %+v", err, rep)
	}
}

func TestGraphFormats(t *testing.T) {
	_, dot, _ := run(t, "", "graph", example)
	_, mmd, _ := run(t, "", "graph", "-format", "mermaid", example)
	if !strings.HasPrefix(dot, "digraph ") || !strings.Contains(mmd, "flowchart TD") {
		t.Errorf("graph outputs:\n%s\n%s", dot, mmd)
	}
}

// cuba is the Cuban Missile Crisis played as Kennedy, the story model's test
// scenario: another player than the campaign's.
const cuba = "../story/testdata/cuba-1962.yaml"

// TestPlayGoldenAsKennedy plays the Cuban scenario in the terminal, once
// away from history, and compares the whole output with
// testdata/play-cuba-1962.out: everything reads as Kennedy’s. Read the file
// as a student would after go test -update.
func TestPlayGoldenAsKennedy(t *testing.T) {
	dir := t.TempDir()
	tr := filepath.Join(dir, "cuba.md")
	// Convene, confront Gromyko (not what Kennedy did), the quarantine, Enter
	// on the address, then Kennedy’s replies to the end.
	code, out, stderr := run(t, "1\n2\n1\n\n1\n1\n1\n", "play", "-transcript", tr, cuba)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	out = strings.ReplaceAll(out, dir, "DIR")
	golden := "testdata/play-cuba-1962.out"
	if *update {
		if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("missing golden file (run with -update): %v", err)
	}
	if out != string(want) {
		t.Errorf("output differs from %s:\n%s", golden, out)
	}
	for _, phrase := range []string{"(Your reply matches Kennedy’s.)", "(Kennedy’s reply: Say nothing of the photographs", "Your replies matched Kennedy’s in 5 of 6 decisions."} {
		if !strings.Contains(out, phrase) {
			t.Errorf("play output lacks %q", phrase)
		}
	}
	md, err := os.ReadFile(tr)
	if err != nil || !strings.Contains(string(md), "| What Kennedy did |") || !strings.Contains(string(md), "Your replies matched Kennedy’s in 5 of 6 decisions.") {
		t.Errorf("Markdown transcript: %v\n%s", err, md)
	}
	js, err := os.ReadFile(filepath.Join(dir, "cuba.json"))
	if err != nil || !strings.Contains(string(js), `"comparison": "Kennedy"`) || !strings.Contains(string(js), `"matches_history": 5`) {
		t.Errorf("JSON transcript: %v\n%s", err, js)
	}
	if strings.Contains(out+string(md)+string(js), "Roosevelt") {
		t.Error("the Cuban scenario speaks of Roosevelt")
	}
}
