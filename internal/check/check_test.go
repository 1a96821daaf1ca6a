package check_test

import (
	"flag"
	"os"
	"reflect"
	"strings"
	"testing"

	"bigthree/internal/check"
	"bigthree/internal/scenario"
	"bigthree/scenarios"
)

var update = flag.Bool("update", false, "rewrite golden files")

func example(t testing.TB) *scenario.Scenario {
	t.Helper()
	data, err := scenarios.Read(scenarios.Example)
	if err != nil {
		t.Fatal(err)
	}
	s, diags := scenario.Load("example.yaml", data)
	if s == nil {
		t.Fatal(diags)
	}
	return s
}

func TestShippedScenariosCheckClean(t *testing.T) {
	for _, name := range scenarios.Names() {
		data, _ := scenarios.Read(name)
		if _, diags := check.File(name, data); len(diags) > 0 {
			t.Errorf("%s:\n%s", name, diags)
		}
	}
}

func TestExploreExample(t *testing.T) {
	s := example(t)
	rep := check.Explore(s, check.ExploreOptions{MaxStates: 10000, Runs: 500, Seed: 7})
	if !rep.Exhaustive || rep.States == 0 {
		t.Fatalf("the example's state space is small enough to walk: %+v", rep.States)
	}
	for i, ok := range rep.EventReached {
		if !ok {
			t.Errorf("event %s not reached", s.Events[i].ID)
		}
	}
	for i, ok := range rep.EndingReached {
		if !ok {
			t.Errorf("ending %s not reached", s.Endings[i].ID)
		}
	}
	total := 0
	for _, n := range rep.EndingRuns {
		total += n
	}
	if total != 500 || rep.Runs != 500 || rep.Circles != 0 {
		t.Errorf("runs %d, endings %d, circles %d", rep.Runs, total, rep.Circles)
	}
	// On arrival at the first event the meters are at their start values.
	for m, mt := range s.Meters {
		if a := rep.Arrival[0][m]; a != [2]int{mt.Start, mt.Start} {
			t.Errorf("arrival range of %s at the start: %v", mt.ID, a)
		}
	}
}

func TestExploreSameSeedSameReport(t *testing.T) {
	s := example(t)
	opts := check.ExploreOptions{Runs: 300, Seed: 42}
	a, b := check.Explore(s, opts), check.Explore(s, opts)
	if !reflect.DeepEqual(a, b) {
		t.Error("two explorations with the same seed differ")
	}
	opts.Seed = 43
	if c := check.Explore(s, opts); reflect.DeepEqual(a.EndingRuns, c.EndingRuns) {
		t.Error("a different seed gave exactly the same counts (suspicious)")
	}
}

func TestGraphsGolden(t *testing.T) {
	s := example(t)
	for name, got := range map[string]string{"example.dot": check.DOT(s), "example.mmd": check.Mermaid(s)} {
		path := "testdata/" + name
		if *update {
			os.WriteFile(path, []byte(got), 0o644)
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if got != string(want) {
			t.Errorf("%s differs (run with -update and review):\n%s", path, got)
		}
	}
}

func TestGraphInDateOrder(t *testing.T) {
	dot := check.DOT(example(t))
	last := -1
	for _, id := range []string{"barbarossa", "hopkins-cable", "stimson-warns", "stalin-needs", "the-credit", "stalin-thanks"} {
		i := strings.Index(dot, "\""+id+"\" [label=")
		if i < last {
			t.Errorf("%s is declared out of date order", id)
		}
		last = i
	}
}
