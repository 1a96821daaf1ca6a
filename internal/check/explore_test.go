package check_test

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"bigthree/internal/check"
	"bigthree/internal/rules"
	"bigthree/scenarios"
)

// A story whose playthroughs make no choice at all: the only event is
// always skipped. Its playthroughs once cost nothing against the budget, so
// `-runs 1000000000000` ran for hours.
const noChoice = `format: 1
title: Nothing to choose
meters:
  trust: 50
events:
  - id: never
    date: 1962-10-16
    if: trust > 60
    title: Never shown
    text: Nobody sees this.
endings:
  - id: quiet
    title: Quiet
    text: Nothing happened.
`

func TestExploreWorkLimitCountsPlaythroughsWithoutChoices(t *testing.T) {
	s := load(t, noChoice)
	rep := check.Explore(s, check.ExploreOptions{Runs: 1_000_000_000_000, Seed: 1, Work: 10_000})
	if !rep.WorkLimited || rep.Runs != 10_000 || rep.RunsWanted != 1_000_000_000_000 {
		t.Errorf("runs %d of %d, work limited %v: want the work limit to stop at 10,000", rep.Runs, rep.RunsWanted, rep.WorkLimited)
	}
	if rep.EndingRuns[0] != rep.Runs {
		t.Errorf("%d of %d runs reached the only ending", rep.EndingRuns[0], rep.Runs)
	}
}

func TestExploreCapsStatesAndRuns(t *testing.T) {
	s := example(t)
	rep := check.Explore(s, check.ExploreOptions{MaxStates: 1_000_000_000_000, Runs: 10, Seed: 1})
	if !rep.Exhaustive || rep.StateLimit != check.MaxStatesCap {
		t.Errorf("state limit %d (exhaustive %v), want the cap %d", rep.StateLimit, rep.Exhaustive, check.MaxStatesCap)
	}
	rep = check.Explore(s, check.ExploreOptions{MaxStates: 0, Runs: 10, Seed: 1})
	if rep.Exhaustive || rep.StateLimit != 0 || !strings.Contains(rep.WhySampled(), "turned off") || strings.Contains(rep.Scope(), "more than 0") {
		t.Errorf("with the walk off: %q", rep.Scope())
	}
}

// A story with many wide meters: the memory limit, not -max-states,
// decides how many states the walk may hold.
func TestExploreMemoryLimitOnWideStates(t *testing.T) {
	var b strings.Builder
	b.WriteString("format: 1\ntitle: Wide\nmeters:\n")
	for i := range 600 {
		b.WriteString("  m" + string(rune('a'+i%26)) + strings.Repeat("x", i/26) + ": {start: 0, min: 0, max: 100000}\n")
	}
	b.WriteString("events:\n  - id: one\n    date: 1962-10-16\n    title: One\n    text: One.\n    choices: [Yes, No]\nendings:\n  - {id: done, title: Done, text: Done.}\n")
	s := load(t, b.String())
	rep := check.Explore(s, check.ExploreOptions{MaxStates: check.MaxStatesCap, Runs: 1, Seed: 1})
	if rep.WalkCut != check.CutByMemory || rep.StateLimit >= check.MaxStatesCap || rep.StateLimit*(600*4) > check.MemoryLimit {
		t.Errorf("state limit %d (cut by %d) for 600 four-byte meters", rep.StateLimit, rep.WalkCut)
	}
	if !rep.Exhaustive {
		t.Error("three states should still be walked")
	}
}

// Loops where nothing is left to choose are recognised at once, not after
// 10,000 choices each.
func TestExploreLoopsAreCheap(t *testing.T) {
	data, err := readFixture("trap-loop")
	if err != nil {
		t.Fatal(err)
	}
	s := load(t, data)
	rep := check.Explore(s, check.ExploreOptions{MaxStates: 0, Runs: 1000, Seed: 1, MaxSteps: 10_000})
	if rep.Circles != 1000 || rep.Work > 1000*10 {
		t.Errorf("%d of 1000 runs in loops, %d steps spent", rep.Circles, rep.Work)
	}
	if len(rep.Loops) != 1 || len(rep.Loops[0].Events) != 2 {
		t.Errorf("loops %+v, want one through second and third", rep.Loops)
	}
}

const profiled = `format: 1
title: Profiles
meters:
  a: 50
  b: {start: 50, hidden: true}
events:
  - id: e1
    date: 1962-10-16
    title: First
    text: First.
    choices:
      - {text: A little more., effects: {a: +5}, next: e2}
      - {text: Much more., effects: {a: +10}, next: e3, historical: true}
      - {text: Much more and b., effects: {a: +10, b: +1}, next: e2}
  - id: e2
    date: 1962-10-17
    title: Second
    text: Second.
    next: low
  - id: e3
    date: 1962-10-18
    title: Third
    text: Third.
    choices:
      - {text: Drop., effects: {a: -20}, next: low}
      - {text: Hold., next: end, historical: true}
endings:
  - {id: mid, if: a >= 55, title: Mid, text: Mid., historical: true}
  - {id: low, title: Low, text: Low.}
`

func TestProfiles(t *testing.T) {
	s := load(t, profiled)
	rep := check.Explore(s, check.ExploreOptions{MaxStates: 100, Runs: 10, Seed: 1, Profiles: true})
	if len(rep.Profiles) != 3 {
		t.Fatalf("%d profiles, want the historical one and two for the visible meter", len(rep.Profiles))
	}
	want := []struct {
		kind    check.ProfileKind
		ending  string
		choices int
	}{
		{check.HistoricalPlay, "mid", 2},
		{check.RaisePlay, "mid", 2}, // +10 (the first of the two), then holding (0) beats -20
		{check.LowerPlay, "low", 2}, // +5 is the least raise, then Continue
	}
	for i, w := range want {
		p := rep.Profiles[i]
		if p.Kind != w.kind || p.Ending < 0 || s.Endings[p.Ending].ID != w.ending || p.Choices != w.choices {
			t.Errorf("profile %d: kind %d, ending %d, %d choices; want %s in %d", i, p.Kind, p.Ending, p.Choices, w.ending, w.choices)
		}
	}
	if rep.Profiles[1].Meter != 0 || rep.Profiles[1].Meters[0] != 60 {
		t.Errorf("raise a: %+v", rep.Profiles[1])
	}
}

// The historical profile is the game's own historical path.
func TestHistoricalProfileIsTheGames(t *testing.T) {
	for _, name := range scenarios.Names() {
		data, _ := scenarios.Read(name)
		s := load(t, string(data))
		h := check.HistoricalPath(s, 10_000)
		r, complete := rules.Historical(s, 10_000)
		if !complete || h.Ending != r.Ending() || h.Choices != len(r.Steps()) || !h.Marked {
			t.Errorf("%s: profile ends in %d after %d, the game's historical path in %d after %d", name, h.Ending, h.Choices, r.Ending(), len(r.Steps()))
		}
	}
}

func TestExploreDeterministicWithProfiles(t *testing.T) {
	data, _ := scenarios.Read(scenarios.Campaign)
	s := load(t, string(data))
	opts := check.ExploreOptions{MaxStates: 2000, Runs: 300, Seed: 5, Profiles: true}
	a, b := check.Explore(s, opts), check.Explore(s, opts)
	if !equalReports(a, b) {
		t.Error("two explorations of the campaign with the same seed differ")
	}
}

func readFixture(name string) (string, error) {
	data, err := os.ReadFile("../cli/testdata/check/" + name + ".yaml")
	return string(data), err
}

func equalReports(a, b *check.Report) bool { return reflect.DeepEqual(a, b) }
