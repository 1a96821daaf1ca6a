package check

import (
	"math/rand/v2"
	"slices"

	"bigthree/internal/rules"
	"bigthree/internal/scenario"
)

// ExploreOptions bound an exploration. `b3 check` and `b3 explore` walk with
// the same MaxStates, so that whenever one of them walks every path the
// other does too, and what they say about reachability agrees.
type ExploreOptions struct {
	// MaxStates is how many distinct states the walk of every path may hold.
	// When the story has more, the walk stops there and random playthroughs
	// decide what "never" means. Zero turns the walk off. The walk also
	// never holds more than MemoryLimit bytes of states, whatever MaxStates
	// says (Report.StateLimit is the bound that applied).
	MaxStates int
	// Runs is the number of random playthroughs; they always run, to tell
	// how often each ending is reached.
	Runs int
	// Seed makes the random playthroughs repeatable: same seed, same report.
	// Playthrough k depends only on the seed and k, so the first 2,000
	// playthroughs of `b3 explore` are the 2,000 that `b3 check` makes.
	Seed uint64
	// MaxSteps ends a playthrough that goes round in circles: one still
	// going after this many choices is counted as a loop.
	MaxSteps int
	// Work bounds the steps of the random playthroughs and of the play
	// profiles together: every choice is a step, and so is the start of every
	// playthrough (a story that ends without a choice still costs one). When
	// it runs out, the playthroughs stop and the report says so. Zero means
	// DefaultWork. The walk of every path is bounded by MaxStates instead.
	Work int
	// Profiles adds the greedy play profiles (one per visible meter and
	// direction) to the historical one, which is always made.
	Profiles bool
}

// The bounds of an exploration.
const (
	// WalkStates is the number of states both `b3 check` and `b3 explore`
	// walk by default: enough for a short scenario with a few meters, and
	// small enough that giving up on the campaign stays quick.
	WalkStates = 50_000
	// MaxStatesCap is the most states `-max-states` may ask for.
	MaxStatesCap = 4_000_000
	// MemoryLimit bounds the bytes the walk of every path holds (states,
	// their index and their links); wide states (many meters or flags) make
	// the state limit smaller.
	MemoryLimit = 256 << 20
	// WalkWork bounds the steps (choices tried) of the walk of every path,
	// whatever MaxStates says: a few seconds. `check` and `explore` share it,
	// so it never makes them disagree; at the default MaxStates no story
	// comes near it (at most nine replies a state).
	WalkWork = 20_000_000
	// RunsCap is the most random playthroughs `-runs` may ask for.
	RunsCap = 100_000_000
	// DefaultWork is the work limit of `b3 explore`: about ten seconds.
	DefaultWork = 50_000_000
)

// CheckExplore are the bounds of the exploration `check` makes: the same
// walk as `explore`, fewer random playthroughs, so checking stays quick.
var CheckExplore = ExploreOptions{MaxStates: WalkStates, Runs: 2_000, Seed: 1, MaxSteps: 10_000, Work: 200_000}

// DefaultExplore are the bounds `b3 explore` uses.
var DefaultExplore = ExploreOptions{MaxStates: WalkStates, Runs: 10_000, Seed: 1, MaxSteps: 10_000, Work: DefaultWork, Profiles: true}

// Report is what an exploration found.
type Report struct {
	// Exhaustive is true when every path was walked: then "never" means never.
	Exhaustive bool
	// States is how many distinct states the walk held: all of them when
	// Exhaustive, else the limit it stopped at.
	States int
	// StateLimit is the number of states the walk was allowed: MaxStates,
	// or fewer when MemoryLimit or WalkWork stopped it first (WalkCut says
	// which). Zero when the walk was off.
	StateLimit int
	WalkCut    WalkCut
	// Runs is the number of random playthroughs made, RunsWanted the number
	// asked for; WorkLimited says the work limit stopped them early.
	Runs, RunsWanted int
	WorkLimited      bool
	Work             int // steps spent by the playthroughs and the profiles
	WorkLimit        int

	EventReached    []bool
	ChoiceAvailable [][]bool   // [event][choice]
	EndingReached   []bool     // by any path walked or played
	EndingRuns      []int      // how many random playthroughs ended there
	Arrival         [][][2]int // [event][meter] = {min, max} on arrival; {0,-1} when never reached
	DeadEnds        []DeadEnd  // events reached with no reply available and no `next`
	Stuck           []StuckState
	// Loops are where random playthroughs were going round when they were
	// stopped: after MaxSteps choices, or at once when Continue was all
	// they could choose and it changed nothing. Circles counts them.
	Loops   []Loop
	Circles int
	// LockRisks are events whose replies can all be locked at once by their
	// conditions alone, where the walk was not complete and no playthrough
	// showed whether the story gets there in such a state. An exhaustive
	// walk leaves none: it either found the dead end or proved there is none.
	LockRisks []LockRisk
	Steps     struct{ Min, Max, Total int }
	// Profiles are single playthroughs by a rule: the historical replies
	// first, then (with Profiles) the greedy players.
	Profiles []Profile
}

// WalkCut says what stopped a walk that could not visit every state.
type WalkCut uint8

// What stops a walk.
const (
	CutByStates WalkCut = iota // more states than MaxStates
	CutByMemory                // their records and links would not fit in MemoryLimit
	CutByWork                  // WalkWork steps were not enough
)

// DeadEnd is an event reached in a state where every reply is locked or hidden.
type DeadEnd struct {
	Event  int
	Meters []int
	Flags  []bool
}

// StuckState is an event reached in a state from which no ending can be
// reached (found only by a complete walk).
type StuckState struct {
	Event  int
	Meters []int
	Flags  []bool
}

// Loop is a set of events random playthroughs went round until they were
// stopped, in file order.
type Loop struct {
	Events []int
	Runs   int
}

// LockRisk is an event whose replies can all be locked or hidden at once,
// with an example of meters and flags that does it.
type LockRisk struct {
	Event   int
	Example string
}

// Explore walks every path where the state space allows, then makes
// opts.Runs seeded random playthroughs and the play profiles.
func Explore(s *scenario.Scenario, opts ExploreOptions) *Report {
	rep := &Report{
		EventReached:    make([]bool, len(s.Events)),
		ChoiceAvailable: make([][]bool, len(s.Events)),
		EndingReached:   make([]bool, len(s.Endings)),
		EndingRuns:      make([]int, len(s.Endings)),
		Arrival:         make([][][2]int, len(s.Events)),
		RunsWanted:      opts.Runs,
	}
	for i := range s.Events {
		rep.ChoiceAvailable[i] = make([]bool, len(s.Events[i].Choices))
		rep.Arrival[i] = make([][2]int, len(s.Meters))
		for m := range rep.Arrival[i] {
			rep.Arrival[i][m] = [2]int{0, -1}
		}
	}
	if opts.MaxSteps <= 0 {
		opts.MaxSteps = DefaultExplore.MaxSteps
	}
	if opts.Work <= 0 {
		opts.Work = DefaultWork
	}
	opts.MaxStates = min(max(opts.MaxStates, 0), MaxStatesCap)
	opts.Runs = min(max(opts.Runs, 0), RunsCap)
	rep.WorkLimit = opts.Work
	ex := &explorer{s: s, rep: rep, opts: opts, r: rules.New(s)}
	if opts.MaxStates > 0 {
		rep.Exhaustive = ex.walk()
	}
	ex.random()
	if !rep.Exhaustive {
		ex.lockRisks()
	}
	ex.profiles()
	return rep
}

type explorer struct {
	s    *scenario.Scenario
	rep  *Report
	opts ExploreOptions
	r    *rules.Run
	opt  []rules.Option
	dead []bool // events already reported as dead ends
	keep []int  // the loop's events, kept when a long run's history is cut
}

// visit records what can be seen at the run's current state; opt are its
// options (from r.Options).
func (ex *explorer) visit(r *rules.Run, opt []rules.Option) {
	rep := ex.rep
	if r.Over() {
		rep.EndingReached[r.Ending()] = true
		return
	}
	ev := r.Event()
	rep.EventReached[ev] = true
	for m, v := range r.Meters() {
		a := &rep.Arrival[ev][m]
		if a[1] < a[0] {
			*a = [2]int{v, v}
		} else {
			a[0], a[1] = min(a[0], v), max(a[1], v)
		}
	}
	e := &ex.s.Events[ev]
	open := false
	for _, o := range opt {
		if o.Index >= 0 && !o.Locked {
			rep.ChoiceAvailable[ev][o.Index] = true
			open = true
		}
	}
	if len(e.Choices) > 0 && !open && e.Next.Kind == scenario.TargetDefault {
		if ex.dead == nil {
			ex.dead = make([]bool, len(ex.s.Events))
		}
		if !ex.dead[ev] {
			ex.dead[ev] = true
			rep.DeadEnds = append(rep.DeadEnds, DeadEnd{Event: ev, Meters: slices.Clone(r.Meters()), Flags: slices.Clone(r.Flags())})
		}
	}
}

// random makes the seeded random playthroughs: at each event a reply is
// picked uniformly among those available, as a student clicking at random would.
func (ex *explorer) random() {
	rep, r := ex.rep, ex.r
	var pcg rand.PCG
	rng := rand.New(&pcg)
	var open []int
	rep.Steps.Min = -1
	loops := map[int]int{} // first event of a loop -> index in rep.Loops
	var sn, anchor rules.Snapshot
	for run := 0; run < ex.opts.Runs; run++ {
		if rep.Work >= ex.opts.Work {
			rep.WorkLimited = true
			break
		}
		pcg.Seed(ex.opts.Seed, uint64(run)^0x9e3779b97f4a7c15)
		r.Reset()
		rep.Work++
		steps := 0
		anchored, cycled, power, lam := false, false, 1, 0
		for {
			ex.opt = r.Options(ex.opt)
			ex.visit(r, ex.opt)
			if r.Over() || steps >= ex.opts.MaxSteps {
				break
			}
			open = open[:0]
			for k, o := range ex.opt {
				if !o.Locked {
					open = append(open, k)
				}
			}
			pick := ex.opt[open[rng.IntN(len(open))]]
			if err := r.ChooseIndex(pick.Index); err != nil {
				break
			}
			steps++
			// A run that only ever has one thing to choose is a fixed
			// sequence: once it comes back to a state, it will go round
			// for ever (Brent's cycle detection, with no extra memory).
			switch {
			case len(open) > 1:
				anchored = false
			case !anchored:
				r.Snapshot(&anchor)
				anchored, power, lam = true, 1, 0
			default:
				lam++
				if sameState(&anchor, r) {
					ex.keep = ex.recent(r, lam)
					cycled = true
				} else if lam == power {
					r.Snapshot(&anchor)
					power, lam = 2*power, 0
				}
			}
			if cycled {
				break
			}
			if len(r.Steps()) > 4096 {
				// Keep memory flat in long loops, with enough history left
				// to tell where the loop is.
				ev := ex.recent(r, 256)
				r.Snapshot(&sn)
				r.Restore(&sn)
				ex.keep = ev
			}
		}
		rep.Runs++
		rep.Work += steps
		if !r.Over() {
			rep.Circles++
			evs := ex.keep
			if steps >= ex.opts.MaxSteps {
				if recent := ex.recent(r, 256); len(recent) > 0 {
					evs = recent
				}
			}
			if len(evs) == 0 {
				evs = []int{r.Event()}
			}
			if i, ok := loops[evs[0]]; ok {
				rep.Loops[i].Runs++
			} else {
				loops[evs[0]] = len(rep.Loops)
				rep.Loops = append(rep.Loops, Loop{Events: evs, Runs: 1})
			}
			ex.keep = nil
			continue
		}
		ex.keep = nil
		rep.EndingRuns[r.Ending()]++
		if rep.Steps.Min < 0 || steps < rep.Steps.Min {
			rep.Steps.Min = steps
		}
		rep.Steps.Max = max(rep.Steps.Max, steps)
		rep.Steps.Total += steps
	}
	if rep.Steps.Min < 0 {
		rep.Steps.Min = 0
	}
	slices.SortFunc(rep.Loops, func(a, b Loop) int { return a.Events[0] - b.Events[0] })
}

// sameState reports whether the run is in the state sn.
func sameState(sn *rules.Snapshot, r *rules.Run) bool {
	return r.Event() == sn.Event && r.Ending() == sn.Ending && slices.Equal(r.Meters(), sn.Meters) && slices.Equal(r.Flags(), sn.Flags) && firedEqual(r, sn.Fired)
}

func firedEqual(r *rules.Run, fired []bool) bool {
	for t, f := range fired {
		if r.Fired(t) != f {
			return false
		}
	}
	return true
}

// recent returns the events of the last n steps of the run, in file order,
// each once, with the current event.
func (ex *explorer) recent(r *rules.Run, n int) []int {
	st := r.Steps()
	if len(st) == 0 {
		return nil
	}
	var evs []int
	if r.Event() >= 0 {
		evs = append(evs, r.Event())
	}
	for _, x := range st[max(0, len(st)-n):] {
		evs = append(evs, x.Event)
	}
	slices.Sort(evs)
	return slices.Compact(evs)
}

// lockRisks lists the events a partial exploration could not clear: every
// reply can be locked at once by the conditions alone, and no dead end was
// seen there.
func (ex *explorer) lockRisks() {
	s := ex.s
	var reachable []bool // worked out only when some event could lock
	for i := range s.Events {
		e := &s.Events[i]
		if !allConditional(e) || e.Next.Kind != scenario.TargetDefault || (ex.dead != nil && ex.dead[i]) {
			continue
		}
		if reachable == nil {
			reachable = Reachable(s)
		}
		if !reachable[i] {
			continue
		}
		if example, ok := lockExample(s, e); ok {
			ex.rep.LockRisks = append(ex.rep.LockRisks, LockRisk{Event: i, Example: example})
		}
	}
}
