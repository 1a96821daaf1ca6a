package lms_test

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"bigthree/internal/lms"
	"bigthree/internal/rules"
	"bigthree/internal/scenario"
	"bigthree/scenarios"
)

func load(t testing.TB, name string) *scenario.Scenario {
	t.Helper()
	data, err := scenarios.Read(name)
	if err != nil {
		t.Fatal(err)
	}
	s, diags := scenario.Load(name, data)
	if s == nil {
		t.Fatalf("%s: %s", name, diags)
	}
	return s
}

// randomRun plays s to the end with random available replies.
func randomRun(s *scenario.Scenario, seed uint64) *rules.Run {
	rnd := rand.New(rand.NewPCG(seed, 1))
	r := rules.New(s)
	var opts []rules.Option
	for n := 0; !r.Over() && n < 10000; n++ {
		opts = r.Options(opts)
		var open []rules.Option
		for _, o := range opts {
			if !o.Locked {
				open = append(open, o)
			}
		}
		if err := r.ChooseIndex(open[rnd.IntN(len(open))].Index); err != nil {
			panic(err)
		}
	}
	return r
}

func choiceIDs(r *rules.Run) []string {
	var ids []string
	for _, st := range r.Steps() {
		ids = append(ids, r.ChoiceID(st))
	}
	return ids
}

// TestCampaignSaveFits replays random whole playthroughs of the campaign from
// their compact save, and reports the longest save seen.
func TestCampaignSaveFits(t *testing.T) {
	s := load(t, scenarios.Campaign)
	hist, ok := rules.Historical(s, 10000)
	if !ok {
		t.Fatal("the historical path does not reach an ending")
	}
	runs := []*rules.Run{hist}
	for seed := range uint64(50) {
		runs = append(runs, randomRun(s, seed))
	}
	longest := 0
	for i, r := range runs {
		save, err := lms.EncodeSave(r)
		if err != nil {
			t.Fatalf("run %d: %v", i, err)
		}
		if !strings.Contains(save, ":ids:") {
			t.Errorf("run %d: the campaign's save should keep the choice ids: %q", i, save)
		}
		longest = max(longest, len(save))
		back, rs, err := lms.Resume(s, save)
		if err != nil || !rs.Complete() || rs.Changed {
			t.Fatalf("run %d: resume = %+v, %v", i, rs, err)
		}
		if have, want := strings.Join(choiceIDs(back), " "), strings.Join(choiceIDs(r), " "); have != want {
			t.Errorf("run %d: replayed %q, want %q", i, have, want)
		}
		if back.Ending() != r.Ending() {
			t.Errorf("run %d: ending %d, want %d", i, back.Ending(), r.Ending())
		}
	}
	if longest > lms.SuspendLimit {
		t.Errorf("longest save %d characters, over SCORM 1.2's %d", longest, lms.SuspendLimit)
	}
	hs, _ := lms.EncodeSave(hist)
	t.Logf("campaign: historical path %d steps, save %d characters; longest of 50 random playthroughs %d characters (limit %d)", len(hist.Steps()), len(hs), longest, lms.SuspendLimit)
}

// longScenario has one event that loops on itself until a counter runs out,
// with long reply ids, so a playthrough has far more steps than a real one.
func longScenario(t *testing.T, loops int, idLen int) *scenario.Scenario {
	t.Helper()
	id := strings.Repeat("r", idLen)
	src := `format: 1
id: loops
title: Loops
meters:
  count: {label: Count, start: 0, min: 0, max: 100000}
events:
  - id: again
    date: 1941-01-01
    title: Again
    text: Once more.
    choices:
      - id: ` + id + `a
        text: Again
        effects: {count: +1}
        historical: true
        next: again
        if: count < ` + itoa(loops) + `
      - id: ` + id + `b
        text: Stop
        next: end
endings:
  - id: done
    title: Done
    text: Done.
`
	s, diags := scenario.Load("loops.yaml", []byte(src))
	if s == nil {
		t.Fatalf("%s", diags)
	}
	return s
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func playLoops(t *testing.T, s *scenario.Scenario, n int) *rules.Run {
	r := rules.New(s)
	for range n {
		if err := r.ChooseIndex(0); err != nil {
			t.Fatal(err)
		}
	}
	return r
}

func TestLongSavesUseDigitsThenGiveUp(t *testing.T) {
	s := longScenario(t, 5000, 40)
	short := playLoops(t, s, 50)
	save, err := lms.EncodeSave(short)
	if err != nil || !strings.Contains(save, ":ids:") {
		t.Fatalf("50 steps: %q, %v; want the ids form", save, err)
	}
	long := playLoops(t, s, 1000) // 1000 ids of 41 characters: 41 KB
	save, err = lms.EncodeSave(long)
	if err != nil || !strings.Contains(save, ":n:") || len(save) > lms.SuspendLimit {
		t.Fatalf("1000 steps: %d characters, %v; want the digit form within %d", len(save), err, lms.SuspendLimit)
	}
	back, rs, err := lms.Resume(s, save)
	if err != nil || !rs.Complete() || len(back.Steps()) != 1000 {
		t.Fatalf("resume of the digit form: %+v, %v, %d steps", rs, err, len(back.Steps()))
	}
	huge := playLoops(t, s, 4500)
	if save, err := lms.EncodeSave(huge); !errors.Is(err, lms.ErrTooLong) || save != "" {
		t.Errorf("4500 steps: %d characters, %v; want ErrTooLong", len(save), err)
	}
	p := lms.MakeProgress(huge, 0)
	if p.Suspend != "" || p.SuspendProblem == "" {
		t.Errorf("progress of a run too long to save: suspend %d characters, problem %q", len(p.Suspend), p.SuspendProblem)
	}
}

func TestResumeRefusesForeignData(t *testing.T) {
	s := load(t, scenarios.Example)
	for _, data := range []string{"", "hello", "b3:1:other:12345678:ids:a.b", "b3:1:" + s.ID + ":12345678:zip:abc", "b3:1:" + s.ID + ":" + s.Hash[:8] + ":n:12x"} {
		if _, _, err := lms.Resume(s, data); !errors.Is(err, lms.ErrForeign) {
			t.Errorf("Resume(%q) = %v, want ErrForeign", data, err)
		}
	}
	if _, _, err := lms.Resume(s, "b3:9:"+s.ID+":12345678:ids:a"); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("a newer format: %v", err)
	}
}

func TestResumeOnAnEditedScenario(t *testing.T) {
	s := load(t, scenarios.Example)
	r := randomRun(s, 3)
	save, _ := lms.EncodeSave(r)
	data, _ := scenarios.Read(scenarios.Example)
	// Rename the reply chosen at the second decision: the replay stops there.
	ids := choiceIDs(r)
	k := -1
	for i, id := range ids {
		if i > 0 && id != rules.ContinueID {
			k = i
			break
		}
	}
	if k < 0 {
		t.Skip("this playthrough has only one reply")
	}
	edited := strings.Replace(string(data), "id: "+ids[k]+"\n", "id: "+ids[k]+"-renamed\n", 1)
	s2, diags := scenario.Load("example.yaml", []byte(edited))
	if s2 == nil {
		t.Fatalf("%s", diags)
	}
	back, rs, err := lms.Resume(s2, save)
	if err != nil || !rs.Changed || rs.Replayed != k || rs.Complete() {
		t.Fatalf("resume on the edited scenario: %+v, %v; want %d choices replayed", rs, err, k)
	}
	if len(back.Steps()) != k || !strings.Contains(rs.String(), "resumed after choice") {
		t.Errorf("%d steps, %q", len(back.Steps()), rs)
	}
}

// The patterns of SCORM 1.2 itself (RTE 3.4), stricter than scorm-again.
var (
	cmiIdentifier  = regexp.MustCompile(`^[A-Za-z0-9_-]{1,255}$`)
	choiceResponse = regexp.MustCompile(`^[0-9a-z]$`)
	results        = map[string]bool{"correct": true, "wrong": true, "unanticipated": true, "neutral": true}
)

func TestProgressValuesAreValidSCORM12(t *testing.T) {
	s := load(t, scenarios.Campaign)
	for seed := range uint64(20) {
		r := randomRun(s, seed)
		p := lms.MakeProgress(r, 0)
		if p.Status != "completed" || !strings.HasPrefix(p.Location, "ending:") || len(p.Location) > 255 {
			t.Errorf("seed %d: status %q, location %q", seed, p.Status, p.Location)
		}
		if len(p.Suspend) == 0 || len(p.Suspend) > lms.SuspendLimit {
			t.Errorf("seed %d: suspend_data of %d characters", seed, len(p.Suspend))
		}
		replies := 0
		for _, st := range r.Steps() {
			if st.Choice >= 0 {
				replies++
			}
		}
		if len(p.Interactions) != replies+1 {
			t.Errorf("seed %d: %d interactions for %d replies and an ending", seed, len(p.Interactions), replies)
		}
		for _, in := range p.Interactions {
			if !cmiIdentifier.MatchString(in.ID) || !results[in.Result] {
				t.Errorf("seed %d: interaction %+v: bad id or result", seed, in)
			}
			switch in.Type {
			case "choice":
				if !choiceResponse.MatchString(in.Response) || in.Correct != "" && !choiceResponse.MatchString(in.Correct) {
					t.Errorf("seed %d: choice interaction %+v: bad response", seed, in)
				}
				if (in.Result == "correct") != (in.Correct == in.Response) {
					t.Errorf("seed %d: %+v: result does not follow the historical reply", seed, in)
				}
			case "performance":
				if in.ID != lms.EndingInteraction || s.EndingIndex(in.Response) < 0 {
					t.Errorf("seed %d: ending interaction %+v", seed, in)
				}
			default:
				t.Errorf("seed %d: type %q", seed, in.Type)
			}
		}
	}
	mid := rules.New(s)
	_ = mid.ChooseIndex(0)
	p := lms.MakeProgress(mid, 1)
	if p.Status != "incomplete" || p.Location != "event:"+s.Events[mid.Event()].ID || p.Resumed != 1 {
		t.Errorf("after one reply: %+v", p)
	}
	var back lms.Progress
	if err := json.Unmarshal([]byte(p.JSON()), &back); err != nil || back.Location != p.Location {
		t.Errorf("JSON round trip: %v", err)
	}
}

func TestIdentifier(t *testing.T) {
	for in, want := range map[string]string{"1941-hopkins": "1941-hopkins", "a b.c": "a_b_c", "": "_", strings.Repeat("x", 300): strings.Repeat("x", 255)} {
		if have := lms.Identifier(in); have != want {
			t.Errorf("Identifier(%q) = %q, want %q", in, have, want)
		}
	}
}
