package rules_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"bigthree/internal/rules"
	"bigthree/internal/scenario"
	"bigthree/scenarios"
)

func load(t testing.TB, name, text string) *scenario.Scenario {
	t.Helper()
	s, diags := scenario.Load(name, []byte(text))
	if s == nil {
		t.Fatalf("%s does not load:\n%s", name, diags)
	}
	return s
}

func example(t testing.TB) *scenario.Scenario {
	data, err := scenarios.Read(scenarios.Example)
	if err != nil {
		t.Fatal(err)
	}
	return load(t, "example.yaml", string(data))
}

// rulesYAML exercises the order of a choice: effects, flags, triggers, skips, endings.
const rulesYAML = `format: 1
title: Rules
meters:
  a: {start: 50}
  b: {start: 10, min: 0, max: 20}
flags: [f, g]
events:
  - id: one
    date: 1941-01-01
    title: One
    text: One.
    choices:
      - id: up
        text: Up.
        effects: {a: "%+50", b: +100}
        set: [f]
      - id: down
        text: Down.
        effects: {a: "%-50", b: -3}
        set: [g]
        clear: [g]
      - id: locked
        text: Locked.
        if: a > 90
        locked: Only when a is high.
      - id: hidden
        text: Hidden.
        if: a > 90
  - id: skipped-unless-f
    date: 1941-01-02
    title: Two
    if: f
    text: Two.
    effects: {a: "=10"}
  - id: three
    date: 1941-01-03
    title: Three
    text: Three.
    next: four
    choices:
      - id: only-when-low
        text: Only when low.
        if: a < 20
  - id: four
    date: 1941-01-04
    title: Four
    text: Four.
triggers:
  - if: a <= 10
    goto: four
endings:
  - {id: high, if: a >= 70, title: High, text: High.}
  - {id: rest, title: Rest, text: Rest.}
`

func TestOrderOfAChoice(t *testing.T) {
	s := load(t, "rules.yaml", rulesYAML)
	r := rules.New(s)
	var opts []rules.Option
	opts = r.Options(opts)
	var ids []string
	for _, o := range opts {
		ids = append(ids, o.ID)
		if o.ID == "locked" && (!o.Locked || o.Reason != "Only when a is high.") {
			t.Errorf("locked option: %+v", o)
		}
	}
	if !reflect.DeepEqual(ids, []string{"up", "down", "locked"}) {
		t.Errorf("options = %v (a hidden reply must not be listed)", ids)
	}
	if err := r.Choose("locked"); !errors.Is(err, rules.ErrLocked) {
		t.Errorf("choosing a locked reply: %v", err)
	}
	if err := r.Choose("nope"); !errors.Is(err, rules.ErrUnknownChoice) {
		t.Errorf("choosing an unknown reply: %v", err)
	}
	// Up: a moves half the way to 100 (75), b is clamped to its max 20, f is set.
	if err := r.Choose("up"); err != nil {
		t.Fatal(err)
	}
	if r.Meter(0) != 75 || r.Meter(1) != 20 || !r.Flag(0) || r.Change(0) != 25 || r.Change(1) != 10 {
		t.Errorf("after up: meters %v flags %v changes %d %d", r.Meters(), r.Flags(), r.Change(0), r.Change(1))
	}
	// f is set, so the conditional event is shown; it has no choices: Continue.
	if got := s.Events[r.Event()].ID; got != "skipped-unless-f" {
		t.Fatalf("event = %q", got)
	}
	opts = r.Options(opts)
	if len(opts) != 1 || opts[0].ID != rules.ContinueID {
		t.Fatalf("choiceless event options = %+v", opts)
	}
	// Continue applies the event's effects (a = 10), then the trigger a <= 10
	// fires and jumps over `three` to `four`.
	if err := r.Choose(rules.ContinueID); err != nil {
		t.Fatal(err)
	}
	if got := s.Events[r.Event()].ID; got != "four" || r.Steps()[1].Trigger != 0 {
		t.Fatalf("after the trigger: event %q, step %+v", got, r.Steps()[1])
	}
	if err := r.Choose(rules.ContinueID); err != nil {
		t.Fatal(err)
	}
	if !r.Over() || s.Endings[r.Ending()].ID != "rest" {
		t.Errorf("ending = %d", r.Ending())
	}
	if err := r.Choose(rules.ContinueID); !errors.Is(err, rules.ErrOver) {
		t.Errorf("choosing after the end: %v", err)
	}
}

func TestSkipAndContinueWhenAllLocked(t *testing.T) {
	s := load(t, "rules.yaml", rulesYAML)
	r := rules.New(s)
	// Down: a loses half its distance to 0 (25); g is set then cleared.
	if err := r.Choose("down"); err != nil {
		t.Fatal(err)
	}
	if r.Meter(0) != 25 || r.Meter(1) != 7 || r.Flag(1) {
		t.Errorf("after down: %v %v", r.Meters(), r.Flags())
	}
	// f is not set: `skipped-unless-f` is skipped; `three`'s only reply needs
	// a < 20, so the player gets Continue, which follows the event's next.
	if got := s.Events[r.Event()].ID; got != "three" {
		t.Fatalf("event = %q", got)
	}
	opts := r.Options(nil)
	if len(opts) != 1 || opts[0].Index != -1 {
		t.Fatalf("options = %+v", opts)
	}
	if err := r.Choose(rules.ContinueID); err != nil {
		t.Fatal(err)
	}
	if got := s.Events[r.Event()].ID; got != "four" {
		t.Errorf("event = %q", got)
	}
}

func TestTriggersFireOnce(t *testing.T) {
	s := load(t, "t.yaml", `format: 1
title: T
meters: {a: {start: 5}}
events:
  - {id: e1, date: 1941-01-01, title: E1, text: E1.}
  - {id: e2, date: 1941-01-02, title: E2, text: E2.}
  - {id: e3, date: 1941-01-03, title: E3, text: E3.}
triggers:
  - {if: a < 10, goto: e3}
endings:
  - {id: x, title: X, text: X.}
`)
	r := rules.New(s)
	for _, want := range []string{"e3", ""} {
		if err := r.Choose(rules.ContinueID); err != nil {
			t.Fatal(err)
		}
		got := ""
		if !r.Over() {
			got = s.Events[r.Event()].ID
		}
		if got != want {
			t.Errorf("event %q, want %q", got, want)
		}
	}
}

func TestApplyFairMath(t *testing.T) {
	m := &scenario.Meter{Min: 0, Max: 100}
	for _, tc := range []struct {
		v    int
		op   scenario.EffectOp
		n    int
		want int
	}{
		{50, scenario.FairUp, 20, 60},
		{90, scenario.FairUp, 20, 92},
		{99, scenario.FairUp, 20, 99}, // 0.2 rounds to 0
		{97, scenario.FairUp, 20, 98}, // 0.6 rounds to 1
		{50, scenario.FairDown, 20, 40},
		{10, scenario.FairDown, 50, 5},
		{0, scenario.FairDown, 50, 0},
		{95, scenario.Add, 10, 100},
		{5, scenario.Add, -10, 0},
		{5, scenario.SetTo, 150, 100},
	} {
		if got := rules.Apply(m, tc.v, scenario.Effect{Op: tc.op, Amount: tc.n}); got != tc.want {
			t.Errorf("Apply(%d, op %d, %d) = %d, want %d", tc.v, tc.op, tc.n, got, tc.want)
		}
	}
}

func TestReplayIsDeterministic(t *testing.T) {
	s := example(t)
	ids := []string{"continue", "wait-for-army", "send-hopkins-after-all", "promise-all", "billion-credit", "reply-warmly-and-promise-speedy"}
	a, err := rules.Replay(s, ids)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := rules.Replay(s, ids)
	if !a.Over() || !reflect.DeepEqual(a.Meters(), b.Meters()) || a.Ending() != b.Ending() {
		t.Errorf("replays differ or did not end: %v %v", a.Meters(), b.Meters())
	}
	for i := range a.Steps() {
		if !reflect.DeepEqual(a.Before(i), b.Before(i)) || !reflect.DeepEqual(a.After(i), b.After(i)) {
			t.Errorf("step %d history differs", i)
		}
	}
	if _, err := rules.Replay(s, append(ids, "continue")); err == nil || !strings.Contains(err.Error(), "already ended") {
		t.Errorf("replaying past the end: %v", err)
	}
}

func TestHistoricalPathReachesHistoricalEnding(t *testing.T) {
	s := example(t)
	r, ok := rules.Historical(s, 1000)
	if !ok || !s.Endings[r.Ending()].Historical {
		t.Errorf("historical path: complete %v, ending %d", ok, r.Ending())
	}
}

func TestSaveRoundTrip(t *testing.T) {
	s := example(t)
	r, err := rules.Replay(s, []string{"continue", "send-hopkins", "promise-all"})
	if err != nil {
		t.Fatal(err)
	}
	data := r.Save().Encode()
	sv, err := rules.DecodeSave(data)
	if err != nil {
		t.Fatal(err)
	}
	r2, rep, err := rules.Resume(s, sv)
	if err != nil || !rep.Complete() || rep.Changed {
		t.Fatalf("resume: %v %+v", err, rep)
	}
	if r2.Event() != r.Event() || !reflect.DeepEqual(r2.Meters(), r.Meters()) {
		t.Errorf("resumed at %d %v, want %d %v", r2.Event(), r2.Meters(), r.Event(), r.Meters())
	}
}

func TestResumeChangedScenario(t *testing.T) {
	s := example(t)
	r, _ := rules.Replay(s, []string{"continue", "send-hopkins", "promise-all", "billion-credit"})
	sv := r.Save()
	// The teacher removes the reply "promise-all" from the scenario.
	data, _ := scenarios.Read(scenarios.Example)
	text := strings.Replace(string(data), "      - id: promise-all\n", "      - id: promise-everything\n", 1)
	changed := load(t, "example.yaml", text)
	r2, rep, err := rules.Resume(changed, &sv)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Changed || rep.Complete() || rep.Replayed != 2 {
		t.Errorf("report %+v", rep)
	}
	if !strings.Contains(rep.String(), `the reply "promise-all" no longer exists in "stalin-needs"`) {
		t.Errorf("report says %q", rep.String())
	}
	if got := changed.Events[r2.Event()].ID; got != "stalin-needs" {
		t.Errorf("resumed at %q", got)
	}
	// Another scenario's save is refused.
	sv.Scenario = "other"
	if _, _, err := rules.Resume(s, &sv); err == nil {
		t.Error("a save of another scenario was accepted")
	}
}

func TestDecodeCorruptSaves(t *testing.T) {
	good := `{"format": 1, "scenario": "x", "hash": "h", "choices": [{"event": "a", "choice": "b"}]}`
	for _, tc := range []struct {
		name, data, want string
	}{
		{"empty", "", "empty"},
		{"truncated", good[:40], "cut short"},
		{"garbage", "\x00\x01garbage", "not valid JSON"},
		{"wrong type", `{"format": "one"}`, "wrong type"},
		{"newer", `{"format": 9, "scenario": "x", "choices": []}`, "newer bigthree"},
		{"no scenario", `{"format": 1, "choices": []}`, "which scenario"},
		{"incomplete step", `{"format": 1, "scenario": "x", "choices": [{"event": "a"}]}`, "incomplete"},
		{"trailing", good + "{}", "extra data"},
		{"huge", strings.Repeat(" ", rules.MaxSaveSize+1), "larger than any save"},
	} {
		_, err := rules.DecodeSave([]byte(tc.data))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want it to mention %q", tc.name, err, tc.want)
		}
	}
	if _, err := rules.DecodeSave([]byte(good)); err != nil {
		t.Errorf("good save: %v", err)
	}
}
