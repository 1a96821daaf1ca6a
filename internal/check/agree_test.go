package check_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"bigthree/internal/check"
	"bigthree/internal/scenario"
	"bigthree/scenarios"
)

// place is what a diagnostic's position points at.
type place struct {
	kind  string // event, next, choice, ending, trigger
	index int    // event, ending or trigger index
	reply int    // choice index, for kind "choice"
}

func places(s *scenario.Scenario) map[scenario.Pos]place {
	at := map[scenario.Pos]place{}
	for i := range s.Events {
		e := &s.Events[i]
		at[e.Pos] = place{"event", i, -1}
		if e.Next.Pos.Line > 0 {
			at[e.Next.Pos] = place{"next", i, -1}
		}
		for j := range e.Choices {
			at[e.Choices[j].Pos] = place{"choice", i, j}
		}
	}
	for i := range s.Endings {
		at[s.Endings[i].Pos] = place{"ending", i, -1}
	}
	for i := range s.Triggers {
		at[s.Triggers[i].Pos] = place{"trigger", i, -1}
	}
	return at
}

// checkedFiles are every golden fixture and every shipped scenario.
func checkedFiles(t *testing.T) map[string][]byte {
	files := map[string][]byte{}
	paths, _ := filepath.Glob("../cli/testdata/check/*.yaml")
	if len(paths) < 30 {
		t.Fatalf("found %d fixtures", len(paths))
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files[p] = data
	}
	for _, name := range scenarios.Names() {
		data, _ := scenarios.Read(name)
		files[name] = data
	}
	return files
}

// TestCheckAgreesWithExplore: every finding of `b3 check` that depends on
// reachability or locking is what `b3 explore` (its default bounds) finds,
// for every golden fixture and every shipped scenario. Both walk the same
// states, so when explore walked every path, check did too and says the
// same; when they sampled, check's playthroughs are the first of
// explore's, and it says it sampled.
func TestCheckAgreesWithExplore(t *testing.T) {
	loaded := 0
	for name, data := range checkedFiles(t) {
		s, diags := check.File(name, data)
		if s == nil {
			continue
		}
		loaded++
		rep := check.Explore(s, check.DefaultExplore)
		at := places(s)
		reachable := check.Reachable(s)
		seen := map[string]map[int]bool{}
		mark := func(what string, i int) {
			if seen[what] == nil {
				seen[what] = map[int]bool{}
			}
			seen[what][i] = true
		}
		for _, d := range diags {
			pl, ok := at[scenario.Pos{Line: d.Line, Col: d.Col}]
			fail := func(why string) { t.Errorf("%s: check says %q, but explore %s", name, d.Message, why) }
			if strings.Contains(d.Message, "random playthroughs (") && rep.Exhaustive {
				fail("walked every path")
			}
			if strings.Contains(d.Message, "on any path") && !rep.Exhaustive {
				fail("did not walk every path")
			}
			switch d.Code {
			case "unreachable-event":
				if ok && pl.kind == "event" && rep.EventReached[pl.index] {
					fail("reached the event")
				}
			case "never-reached":
				switch {
				case !ok:
					t.Errorf("%s: %q points at nothing", name, d.Message)
				case pl.kind == "event":
					mark("event", pl.index)
					if rep.Exhaustive && rep.EventReached[pl.index] {
						fail("reached the event")
					}
				case pl.kind == "ending":
					mark("ending", pl.index)
					if rep.Exhaustive && rep.EndingReached[pl.index] {
						fail("reached the ending")
					}
				}
			case "never-available":
				if !ok || pl.kind != "choice" {
					t.Errorf("%s: %q does not point at a reply", name, d.Message)
					continue
				}
				mark("choice", pl.index*16+pl.reply)
				if rep.Exhaustive && rep.ChoiceAvailable[pl.index][pl.reply] {
					fail("found the reply available")
				}
			case "dead-end":
				mark("dead", pl.index)
				if !slices.ContainsFunc(rep.DeadEnds, func(x check.DeadEnd) bool { return x.Event == pl.index }) {
					fail("found no dead end there")
				}
			case "all-locked":
				if rep.Exhaustive {
					fail("walked every path, so it would know")
				}
				if !slices.ContainsFunc(rep.LockRisks, func(x check.LockRisk) bool { return x.Event == pl.index }) && !slices.ContainsFunc(rep.DeadEnds, func(x check.DeadEnd) bool { return x.Event == pl.index }) {
					fail("lists no such risk")
				}
			case "trap-loop":
				if !ok {
					t.Errorf("%s: %q points at nothing", name, d.Message)
					continue
				}
				mark("loop", pl.index)
				stuck := slices.ContainsFunc(rep.Stuck, func(x check.StuckState) bool { return x.Event == pl.index })
				circles := slices.ContainsFunc(rep.Loops, func(x check.Loop) bool { return slices.Contains(x.Events, pl.index) })
				static := strings.Contains(d.Message, "lead only")
				if !stuck && !circles && !static {
					fail("found no loop there")
				}
			case "historical-ending", "historical-trigger", "historical-path":
				h := rep.Profiles[0]
				switch d.Code {
				case "historical-ending":
					if h.Ending < 0 || s.Endings[h.Ending].Historical {
						fail("reaches the ending marked historical")
					}
				case "historical-trigger":
					if !h.TriggerEnded || h.Trigger != pl.index {
						fail("ends the historical path another way")
					}
				case "historical-path":
					if h.Ending >= 0 {
						fail("reaches an ending on the historical path")
					}
				}
				mark("historical", 0)
			}
		}
		// And the other way round: what explore proved, check says.
		if rep.Exhaustive {
			for i := range s.Events {
				if reachable[i] && !rep.EventReached[i] && !seen["event"][i] {
					t.Errorf("%s: explore never reaches %s, check does not say so", name, s.Events[i].ID)
				}
				for j := range s.Events[i].Choices {
					if rep.EventReached[i] && s.Events[i].Choices[j].If != nil && !rep.ChoiceAvailable[i][j] && !seen["choice"][i*16+j] {
						t.Errorf("%s: reply %d of %s is never available, check does not say so", name, j+1, s.Events[i].ID)
					}
				}
			}
			for _, st := range rep.Stuck {
				named := slices.ContainsFunc(diags, func(d scenario.Diagnostic) bool {
					return d.Code == "trap-loop" && strings.Contains(d.Message, "`"+s.Events[st.Event].ID+"`")
				})
				if !seen["loop"][st.Event] && !named {
					t.Errorf("%s: explore finds a trap at %s, check does not say so", name, s.Events[st.Event].ID)
				}
			}
		}
		for _, d := range rep.DeadEnds {
			if rep.Exhaustive && !seen["dead"][d.Event] {
				t.Errorf("%s: explore finds a dead end at %s, check does not say so", name, s.Events[d.Event].ID)
			}
		}
		if h := rep.Profiles[0]; h.Marked {
			hist := -1
			for i := range s.Endings {
				if s.Endings[i].Historical {
					hist = i
				}
			}
			wrong := h.Ending < 0 || h.TriggerEnded || (hist >= 0 && h.Ending != hist)
			if wrong != seen["historical"][0] {
				t.Errorf("%s: explore's historical path ends in %d (trigger %v), check's warning %v", name, h.Ending, h.TriggerEnded, seen["historical"][0])
			}
		}
	}
	if loaded < 20 {
		t.Errorf("only %d scenarios loaded", loaded)
	}
}

// check's random playthroughs are the first of explore's: whatever check
// saw reached, explore saw reached too.
func TestCheckSampleIsAPrefixOfExplore(t *testing.T) {
	for name, data := range checkedFiles(t) {
		s, _ := scenario.Load(name, data)
		if s == nil {
			continue
		}
		c, e := check.Explore(s, check.CheckExplore), check.Explore(s, check.DefaultExplore)
		if c.Exhaustive != e.Exhaustive || c.States != e.States {
			t.Errorf("%s: check walked %d states (all: %v), explore %d (all: %v)", name, c.States, c.Exhaustive, e.States, e.Exhaustive)
		}
		for i := range c.EventReached {
			if c.EventReached[i] && !e.EventReached[i] {
				t.Errorf("%s: check reached %s, explore did not", name, s.Events[i].ID)
			}
		}
		for i := range c.EndingReached {
			if (c.EndingReached[i] || c.EndingRuns[i] > 0) && !(e.EndingReached[i] || e.EndingRuns[i] > 0) {
				t.Errorf("%s: check reached the ending %s, explore did not", name, s.Endings[i].ID)
			}
		}
	}
}
