package check_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bigthree/internal/check"
	"bigthree/internal/rules"
	"bigthree/internal/scenario"
	"bigthree/scenarios"
)

// FuzzCheckFile feeds arbitrary bytes to the loader and the checker. No
// input may panic; a scenario that loads must also play: every run ends
// or keeps offering a choice, and a save of it resumes.
func FuzzCheckFile(f *testing.F) {
	for _, name := range scenarios.Names() {
		data, _ := scenarios.Read(name)
		f.Add(data)
	}
	bad, _ := filepath.Glob("../cli/testdata/check/*.yaml")
	for _, p := range bad {
		data, _ := os.ReadFile(p)
		f.Add(data)
	}
	// Small bounds keep each input quick even for a mutated copy of the
	// whole campaign; the checks run are the same as `b3 check`'s.
	opts := check.ExploreOptions{MaxStates: 500, Runs: 5, Seed: 1, MaxSteps: 200, Work: 2000, Profiles: true}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, diags := scenario.Load("fuzz.yaml", data)
		if s != nil {
			diags = append(diags, check.Scenario(s, opts)...)
		}
		for _, d := range diags {
			if d.Line < 1 || d.Col < 1 || d.Message == "" {
				t.Fatalf("diagnostic without position or message: %+v", d)
			}
		}
		if s == nil {
			if !diags.HasErrors() {
				t.Fatal("no scenario and no error")
			}
			return
		}
		for _, out := range []string{check.DOT(s), check.Mermaid(s), check.JSON(s)} {
			if strings.ContainsAny(out, "\r\x00\x1b") {
				t.Fatalf("a graph holds a raw control character:\n%q", out)
			}
		}
		if lines := strings.SplitN(check.Mermaid(s), "\n", 5); lines[0] != "---" || !strings.HasPrefix(lines[1], "title: \"") || lines[2] != "---" || lines[3] != "flowchart TD" {
			t.Fatalf("Mermaid front matter broken: %q", lines[:4])
		}
		check.HistoricalSummary(s)
		r := rules.New(s)
		var o []rules.Option
		for n := 0; n < 200 && !r.Over(); n++ {
			o = r.Options(o)
			if len(o) == 0 {
				t.Fatal("an event offers nothing to choose")
			}
			picked := false
			for _, x := range o {
				if !x.Locked {
					if err := r.ChooseIndex(x.Index); err != nil {
						t.Fatalf("choosing an open option: %v", err)
					}
					picked = true
					break
				}
			}
			if !picked {
				t.Fatal("every option is locked, Continue is missing")
			}
		}
		sv := r.Save()
		dec, err := rules.DecodeSave(sv.Encode())
		if err != nil {
			t.Fatalf("own save does not decode: %v", err)
		}
		r2, rep, err := rules.Resume(s, dec)
		if err != nil || !rep.Complete() || r2.Event() != r.Event() {
			t.Fatalf("own save does not resume: %v %+v", err, rep)
		}
	})
}

// FuzzDecodeSave: no save file, however damaged, may panic.
func FuzzDecodeSave(f *testing.F) {
	f.Add([]byte(`{"format": 1, "scenario": "x", "hash": "h", "choices": [{"event": "a", "choice": "b"}]}`))
	f.Add([]byte(`{"format": 1`))
	f.Add([]byte{0, 1, 2})
	data, _ := scenarios.Read(scenarios.Example)
	s, _ := check.File("example.yaml", data)
	f.Fuzz(func(t *testing.T, b []byte) {
		sv, err := rules.DecodeSave(b)
		if err != nil {
			return
		}
		sv.Scenario = s.ID
		rules.Resume(s, sv)
	})
}
