package check

import (
	"encoding/binary"
	"math/rand/v2"

	"bigthree/internal/rules"
	"bigthree/internal/scenario"
)

// ExploreOptions bound an exploration.
type ExploreOptions struct {
	// MaxStates is how many distinct states the exhaustive walk may visit
	// before it gives up and only random playthroughs are used.
	MaxStates int
	// Runs is the number of random playthroughs; they always run, to tell
	// how often each ending is reached.
	Runs int
	// Seed makes the random playthroughs repeatable: same seed, same report.
	Seed uint64
	// MaxSteps ends a playthrough that goes round in circles.
	MaxSteps int
	// Budget bounds the choices made by all random playthroughs together,
	// so a huge scenario is explored in bounded time (fewer playthroughs).
	// Zero means no bound.
	Budget int
}

// DefaultExplore are the bounds `b3 explore` uses.
var DefaultExplore = ExploreOptions{MaxStates: 200_000, Runs: 10_000, Seed: 1, MaxSteps: 10_000, Budget: 20_000_000}

// Report is what an exploration found.
type Report struct {
	// Exhaustive is true when every path was walked: then "never" means never.
	Exhaustive bool
	States     int // distinct states visited by the exhaustive walk
	Runs       int // random playthroughs made

	EventReached    []bool
	ChoiceAvailable [][]bool     // [event][choice]
	EndingReached   []bool       // by any path
	EndingRuns      []int        // how many random playthroughs ended there
	Arrival         [][][2]int   // [event][meter] = {min, max} on arrival; {0,-1} when never reached
	DeadEnds        []DeadEnd    // events reached with no reply available and no `next`
	Stuck           []StuckState // states from which no ending can be reached (exhaustive only)
	Circles         int          // random playthroughs stopped after MaxSteps
	Steps           struct{ Min, Max, Total int }
}

// DeadEnd is an event reached in a state where every reply is locked or hidden.
type DeadEnd struct {
	Event  int
	Meters []int
	Flags  []bool
}

// StuckState is an event reached in a state from which no ending can be reached.
type StuckState struct {
	Event  int
	Meters []int
	Flags  []bool
}

// Explore walks every path where the state space allows, then makes
// opts.Runs seeded random playthroughs.
func Explore(s *scenario.Scenario, opts ExploreOptions) *Report {
	rep := &Report{
		EventReached:    make([]bool, len(s.Events)),
		ChoiceAvailable: make([][]bool, len(s.Events)),
		EndingReached:   make([]bool, len(s.Endings)),
		EndingRuns:      make([]int, len(s.Endings)),
		Arrival:         make([][][2]int, len(s.Events)),
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
	ex := &explorer{s: s, rep: rep, opts: opts}
	if opts.MaxStates > 0 && ex.exhaustive() {
		rep.Exhaustive = true
	} else {
		// Forget the partial walk: random playthroughs alone decide.
		ex.resetFindings()
	}
	ex.random()
	return rep
}

type explorer struct {
	s    *scenario.Scenario
	rep  *Report
	opts ExploreOptions
	opt  []rules.Option
	dead map[int]bool
}

func (ex *explorer) resetFindings() {
	rep := ex.rep
	for i := range rep.EventReached {
		rep.EventReached[i] = false
		clear(rep.ChoiceAvailable[i])
		for m := range rep.Arrival[i] {
			rep.Arrival[i][m] = [2]int{0, -1}
		}
	}
	clear(rep.EndingReached)
	rep.DeadEnds, rep.Stuck = nil, nil
	ex.dead = nil
}

// visit records what can be seen at the run's current state.
func (ex *explorer) visit(r *rules.Run) {
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
	ex.opt = r.Options(ex.opt)
	open := false
	for _, o := range ex.opt {
		if o.Index >= 0 && !o.Locked {
			rep.ChoiceAvailable[ev][o.Index] = true
			open = true
		}
	}
	if len(e.Choices) > 0 && !open && e.Next.Kind == scenario.TargetDefault {
		if ex.dead == nil {
			ex.dead = map[int]bool{}
		}
		if !ex.dead[ev] {
			ex.dead[ev] = true
			rep.DeadEnds = append(rep.DeadEnds, DeadEnd{Event: ev, Meters: append([]int(nil), r.Meters()...), Flags: append([]bool(nil), r.Flags()...)})
		}
	}
}

// exhaustive walks the whole state graph. It returns false when the graph
// has more than MaxStates states. A state is kept only as its encoded key.
func (ex *explorer) exhaustive() bool {
	s := ex.s
	r := rules.New(s)
	var sn rules.Snapshot
	ids := map[string]int32{}
	var keys []string
	var ending []bool
	var succ [][]int32
	var key []byte
	add := func() (int32, bool) {
		r.Snapshot(&sn)
		key = encode(key[:0], &sn)
		if id, ok := ids[string(key)]; ok {
			return id, false
		}
		id := int32(len(keys))
		k := string(key)
		ids[k] = id
		keys = append(keys, k)
		ending = append(ending, sn.Ending >= 0)
		succ = append(succ, nil)
		return id, true
	}
	root, _ := add()
	ex.visit(r)
	queue := []int32{root}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		if ending[u] {
			continue
		}
		decode(keys[u], &sn)
		r.Restore(&sn)
		ex.opt = r.Options(ex.opt)
		n := len(ex.opt)
		for k := 0; k < n; k++ {
			r.Restore(&sn)
			ex.opt = r.Options(ex.opt)
			o := ex.opt[k]
			if o.Locked {
				continue
			}
			if err := r.ChooseIndex(o.Index); err != nil {
				continue
			}
			v, fresh := add()
			decode(keys[u], &sn) // add reused sn
			succ[u] = append(succ[u], v)
			if fresh {
				if len(keys) > ex.opts.MaxStates {
					return false
				}
				ex.visit(r)
				queue = append(queue, v)
			}
		}
	}
	ex.rep.States = len(keys)
	// States from which no ending can be reached: walk back from the endings.
	pred := make([][]int32, len(keys))
	for u, vs := range succ {
		for _, v := range vs {
			pred[v] = append(pred[v], int32(u))
		}
	}
	canEnd := make([]bool, len(keys))
	var stack []int32
	for u := range keys {
		if ending[u] {
			canEnd[u] = true
			stack = append(stack, int32(u))
		}
	}
	for len(stack) > 0 {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, u := range pred[v] {
			if !canEnd[u] {
				canEnd[u] = true
				stack = append(stack, u)
			}
		}
	}
	// Report the loops themselves, not every state that leads into them:
	// the bottom components of the graph of stuck states.
	comp := sccs(len(keys), func(u int, visit func(int)) {
		if canEnd[u] {
			return
		}
		for _, v := range succ[u] {
			if !canEnd[v] {
				visit(int(v))
			}
		}
	})
	leaves := map[int]bool{}
	for u := range keys {
		if !canEnd[u] {
			leaves[comp[u]] = true
		}
	}
	for u := range keys {
		if canEnd[u] {
			continue
		}
		for _, v := range succ[u] {
			if comp[v] != comp[u] {
				leaves[comp[u]] = false
			}
		}
	}
	seen := map[int]bool{}
	for u := range keys {
		if canEnd[u] || !leaves[comp[u]] {
			continue
		}
		st := rules.Snapshot{Meters: make([]int, len(s.Meters)), Flags: make([]bool, len(s.Flags)), Fired: make([]bool, len(s.Triggers))}
		decode(keys[u], &st)
		if !seen[st.Event] {
			seen[st.Event] = true
			ex.rep.Stuck = append(ex.rep.Stuck, StuckState{Event: st.Event, Meters: st.Meters, Flags: st.Flags})
		}
	}
	return true
}

func encode(dst []byte, sn *rules.Snapshot) []byte {
	dst = binary.AppendVarint(dst, int64(sn.Event))
	dst = binary.AppendVarint(dst, int64(sn.Ending))
	for _, m := range sn.Meters {
		dst = binary.AppendVarint(dst, int64(m))
	}
	dst = appendBits(dst, sn.Flags)
	return appendBits(dst, sn.Fired)
}

// decode is the inverse of encode; sn's slices must have the scenario's lengths
// or be empty (they are sized from the run's own when empty).
func decode(key string, sn *rules.Snapshot) {
	b := []byte(key)
	ev, n := binary.Varint(b)
	b = b[n:]
	en, n := binary.Varint(b)
	b = b[n:]
	sn.Event, sn.Ending = int(ev), int(en)
	for i := range sn.Meters {
		v, n := binary.Varint(b)
		b = b[n:]
		sn.Meters[i] = int(v)
	}
	b = readBits(b, sn.Flags)
	readBits(b, sn.Fired)
}

func readBits(b []byte, bits []bool) []byte {
	for i := range bits {
		bits[i] = b[i/8]>>(i%8)&1 == 1
	}
	return b[len(bits)/8+1:]
}

func appendBits(dst []byte, bits []bool) []byte {
	var b byte
	for i, v := range bits {
		if v {
			b |= 1 << (i % 8)
		}
		if i%8 == 7 {
			dst = append(dst, b)
			b = 0
		}
	}
	return append(dst, b)
}

// random makes the seeded random playthroughs: at each event a reply is
// picked uniformly among those available, as a student clicking at random would.
func (ex *explorer) random() {
	s, rep := ex.s, ex.rep
	rng := rand.New(rand.NewPCG(ex.opts.Seed, ex.opts.Seed^0x9e3779b97f4a7c15))
	r := rules.New(s)
	var open []int
	rep.Steps.Min = -1
	spent := 0
	for run := 0; run < ex.opts.Runs && (ex.opts.Budget <= 0 || spent < ex.opts.Budget); run++ {
		r.Reset()
		ex.visit(r)
		steps := 0
		for !r.Over() && steps < ex.opts.MaxSteps {
			ex.opt = r.Options(ex.opt)
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
			ex.visit(r)
			if len(r.Steps()) > 4096 {
				// Keep memory flat in long loops; the history is not needed here.
				var sn rules.Snapshot
				r.Snapshot(&sn)
				r.Restore(&sn)
			}
		}
		rep.Runs++
		spent += steps
		if !r.Over() {
			rep.Circles++
			continue
		}
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
}
