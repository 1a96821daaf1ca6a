package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestExploreWalkOffSaysSo(t *testing.T) {
	code, out, _ := run(t, "", "explore", "-max-states", "0", "-runs", "50", example)
	if code != ExitOK || strings.Contains(out, "more than 0 states") || !strings.Contains(out, "the walk of every path was turned off (-max-states 0), so 50 random playthroughs (seed 1) decide") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	if code, _, stderr := run(t, "", "explore", "-max-states", "0", "-runs", "0", example); code != ExitUsage || !strings.Contains(stderr, "nothing to explore") {
		t.Errorf("-runs 0 -max-states 0: exit %d, %q", code, stderr)
	}
}

func TestExploreCapsFlags(t *testing.T) {
	code, out, stderr := run(t, "", "explore", "-max-states", "1000000000000", "-runs", "20", example)
	if code != ExitOK || !strings.Contains(stderr, "-max-states is at most 4,000,000") || !strings.Contains(out, "every path was walked") {
		t.Errorf("exit %d, stderr %q:\n%s", code, stderr, out)
	}
}

func TestExploreProfilesInJSON(t *testing.T) {
	code, out, _ := run(t, "", "explore", "-json", "-runs", "100", example)
	var rep struct {
		Exhaustive bool
		StateLimit int `json:"state_limit"`
		Profiles   []struct {
			Player  string
			Meter   string
			Ending  *string
			Choices int
			Trigger *struct {
				Number     int
				AfterEvent string `json:"after_event"`
				EndedStory bool   `json:"ended_story"`
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || code != ExitOK {
		t.Fatalf("exit %d, %v:\n%s", code, err, out)
	}
	// The historical replies, then raise and lower for each of the four
	// visible meters (the hidden delay has none).
	if len(rep.Profiles) != 9 || rep.Profiles[0].Player != "historical" || *rep.Profiles[0].Ending != "promise-kept" {
		t.Fatalf("profiles: %+v", rep.Profiles)
	}
	low := rep.Profiles[2]
	if low.Player != "lower" || low.Meter != "stalin" || *low.Ending != "alliance-stillborn" || low.Trigger == nil || !low.Trigger.EndedStory || low.Trigger.AfterEvent != "the-credit" {
		t.Errorf("lower stalin: %+v", low)
	}
	for _, p := range rep.Profiles {
		if p.Meter == "delay" {
			t.Error("a hidden meter has a profile")
		}
	}
}

func TestCheckSaysWhereTheHistoricalRepliesLead(t *testing.T) {
	_, out, _ := run(t, "", "check", example)
	want := example + ": the replies marked historical lead to the ending `promise-kept` in 5 choices, the ending marked historical\n" + example + ": ok (6 events, 3 endings)\n"
	if out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	_, out, _ = run(t, "", "check", "-json", example)
	var res struct {
		Files []struct {
			History string `json:"historical_path"`
		}
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || len(res.Files) != 1 || !strings.Contains(res.Files[0].History, "`promise-kept`") {
		t.Errorf("-json: %v %+v", err, res)
	}
}

func TestGraphJSONFlag(t *testing.T) {
	code, out, _ := run(t, "", "graph", "-json", example)
	var g struct {
		Nodes []struct{ ID, Type string }
		Edges []struct{ From, To, Kind string }
	}
	if err := json.Unmarshal([]byte(out), &g); err != nil || code != ExitOK || len(g.Nodes) < 9 || len(g.Edges) < 10 {
		t.Errorf("exit %d, %v: %d nodes, %d edges", code, err, len(g.Nodes), len(g.Edges))
	}
	if _, again, _ := run(t, "", "graph", "-format", "json", example); again != out {
		t.Error("-format json and -json differ")
	}
}
