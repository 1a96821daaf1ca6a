package e2e

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"bigthree/e2e/harness"
	"bigthree/internal/rules"
	"bigthree/internal/scenario"
	"bigthree/scenarios"
)

// wait is how long any one step may take to show on screen.
const wait = 20 * time.Second

// player plays a scenario through a Driver and checks every step against a rules.Run that
// replays the same choices: event, meters and ending must match what the game reports.
type player struct {
	t     *testing.T
	d     harness.Driver
	s     *scenario.Scenario
	r     *rules.Run
	mouse bool // click buttons instead of pressing keys
	shots *shots
	step  int
}

func loadExample(t *testing.T) *scenario.Scenario {
	t.Helper()
	data, err := scenarios.Read(scenarios.Example)
	if err != nil {
		t.Fatal(err)
	}
	s, diags := scenario.Load(scenarios.Example, data)
	if s == nil {
		t.Fatalf("example.yaml does not load:\n%s", diags)
	}
	return s
}

func newPlayer(t *testing.T, d harness.Driver, s *scenario.Scenario) *player {
	return &player{t: t, d: d, s: s, r: rules.New(s), shots: newShots(t, d)}
}

// wait polls the state until cond holds; it fails the test with a screenshot otherwise.
func (p *player) wait(what string, cond func(harness.State) bool) harness.State {
	p.t.Helper()
	st, err := harness.Wait(p.d, wait, what, cond)
	if err != nil {
		p.shots.take("timeout")
		p.t.Fatal(err)
	}
	return st
}

// key presses a key and holds it until the game shows it saw it (harness.PressUntil).
func (p *player) key(name string) {
	p.t.Helper()
	if err := harness.PressUntil(p.d, name); err != nil {
		p.t.Fatal(err)
	}
}

// press clicks the button id when playing with the mouse, else presses the key.
func (p *player) press(id, key string) {
	p.t.Helper()
	if !p.mouse {
		p.key(key)
		return
	}
	st := p.wait("button "+id, func(s harness.State) bool { _, ok := s.Button(id); return ok })
	if err := harness.ClickButton(p.d, st, id); err != nil {
		p.t.Fatal(err)
	}
}

// expectEvent is the id of the oracle's current event, or "".
func (p *player) expectEvent() string {
	if e := p.r.Event(); e >= 0 {
		return p.s.Events[e].ID
	}
	return ""
}

func (p *player) expectEnding() string {
	if e := p.r.Ending(); e >= 0 {
		return p.s.Endings[e].ID
	}
	return ""
}

// checkMeters compares the game's meters with the oracle's.
func (p *player) checkMeters(st harness.State, when string) {
	p.t.Helper()
	for i, m := range p.s.Meters {
		got, ok := st.Meters[m.ID]
		if !ok {
			if !m.Hidden {
				p.t.Errorf("%s: the state has no meter %q: %s", when, m.ID, st.Raw)
			}
			continue
		}
		if want := p.r.Meter(i); got != want {
			p.t.Errorf("%s: meter %q = %d, want %d", when, m.ID, got, want)
		}
	}
}

// onDesk waits for the desk showing the oracle's current event and checks the meters.
func (p *player) onDesk() harness.State {
	p.t.Helper()
	want := p.expectEvent()
	st := p.wait("the desk with event "+strconv.Quote(want), func(s harness.State) bool {
		return s.Scene == "desk" && s.Event == want
	})
	if st.Scenario != p.s.ID {
		p.t.Errorf("scenario %q on the desk, want %q", st.Scenario, p.s.ID)
	}
	p.checkMeters(st, "on the desk at "+want)
	return st
}

// startNewGame goes from the title to the first event of the scenario at position index of
// the scenario list, which has no game saved.
func (p *player) startNewGame(index int, file string) {
	p.t.Helper()
	p.openList(index, file)
	p.onDesk()
	p.shots.take("desk-" + p.expectEvent())
}

// openList goes from the title to the scenario list and picks the scenario at position index
// (file is its name): by keys, Down to it and Enter, or by clicking its card.
func (p *player) openList(index int, file string) {
	p.t.Helper()
	st := p.wait("the title screen", titleReady)
	p.shots.take("title")
	if _, ok := st.Button("continue"); ok && !p.mouse {
		p.key("Down") // from Continue to New game
	}
	p.press("new-game", "Return")
	p.wait("the scenario list", func(s harness.State) bool { return s.Scene == "scenarios" && len(s.Buttons) > 0 })
	p.shots.take("scenarios")
	if p.mouse {
		p.press("scenario:"+file, "")
		return
	}
	for range index {
		p.key("Down")
	}
	p.key("Return")
}

// toTitle goes from a game to the title page through the Esc menu.
func (p *player) toTitle() {
	p.t.Helper()
	p.key("Escape")
	st := p.wait("the menu", func(s harness.State) bool { _, ok := s.Button("title"); return s.Menu && ok })
	if err := harness.ClickButton(p.d, st, "title"); err != nil {
		p.t.Fatal(err)
	}
	p.wait("the title page", titleReady)
}

// choose picks the reply at position pos of the current options, checks the "after" screen and
// the next event or ending, and returns the state there.
func (p *player) choose(pos int) harness.State {
	p.t.Helper()
	opts := p.r.Options(nil)
	if pos >= len(opts) || opts[pos].Locked {
		p.t.Fatalf("route error: option %d of %v", pos, opts)
	}
	from := p.expectEvent()
	o := opts[pos]
	if o.Index < 0 {
		p.press("continue", "Return")
	} else {
		n := strconv.Itoa(pos + 1)
		p.press("reply:"+n, n)
	}
	if err := p.r.ChooseIndex(o.Index); err != nil {
		p.t.Fatal(err)
	}
	p.step++
	next, ending := p.expectEvent(), p.expectEnding()
	arrived := func(s harness.State) bool {
		return (s.Scene == "desk" && s.Event == next && next != from) || (s.Scene == "ending" && ending != "")
	}
	st := p.wait("the reply's outcome after "+from+"/"+o.ID, func(s harness.State) bool { return s.Scene == "after" || arrived(s) })
	if st.Scene == "after" {
		p.shots.take("after-" + from)
		p.checkMeters(st, "after "+from+"/"+o.ID)
		p.press("continue", "Return")
		st = p.wait("the next event after "+from, arrived)
	}
	if st.Scene == "ending" {
		st = p.wait("the ending "+strconv.Quote(ending), func(s harness.State) bool { return s.Scene == "ending" && s.Ending == ending })
		p.checkMeters(st, "at the ending")
		p.shots.take("ending-" + ending)
		return st
	}
	p.checkMeters(st, "on the desk at "+next)
	p.shots.take("desk-" + next)
	return st
}

// firstOpen and lastOpen are the routes the tests take: positions of the first or the last
// reply that is not locked.
func firstOpen(opts []rules.Option) int {
	for i, o := range opts {
		if !o.Locked {
			return i
		}
	}
	return 0
}

func lastOpen(opts []rules.Option) int {
	for i := len(opts) - 1; i >= 0; i-- {
		if !opts[i].Locked {
			return i
		}
	}
	return 0
}

// playToEnd plays the route until an ending and checks it.
func (p *player) playToEnd(route func([]rules.Option) int) harness.State {
	p.t.Helper()
	var st harness.State
	for !p.r.Over() {
		if p.step > 50 {
			p.t.Fatal("no ending after 50 steps")
		}
		st = p.choose(route(p.r.Options(nil)))
	}
	return st
}

// listIndex is the position of a shipped scenario in the game's scenario list.
func listIndex(t *testing.T, name string) int {
	i := slices.Index(scenarios.Names(), name)
	if i < 0 {
		t.Fatalf("%s is not shipped", name)
	}
	return i
}

// files reads every regular file of dir.
func files(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err == nil {
			out[path] = string(data)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
