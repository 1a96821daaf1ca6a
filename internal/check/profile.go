package check

import (
	"bigthree/internal/rules"
	"bigthree/internal/scenario"
)

// ProfileKind is the rule a play profile follows.
type ProfileKind uint8

// The play profiles.
const (
	// HistoricalPlay picks the reply marked historical at every event, as
	// the game's comparison with history does (rules.Historical).
	HistoricalPlay ProfileKind = iota
	// RaisePlay picks the reply that raises one meter most.
	RaisePlay
	// LowerPlay picks the reply that lowers one meter most.
	LowerPlay
)

// StopReason says why a profile's playthrough ended without an ending.
type StopReason uint8

// The reasons a profile stops early.
const (
	Ended      StopReason = iota // it reached an ending
	NotMarked                    // an event with replies, none marked historical, and no Continue
	MarkLocked                   // the reply marked historical is locked there, and no Continue
	GoesRound                    // still going after MaxSteps choices
)

// Profile is one playthrough that follows a rule. Ties between replies go
// to the one listed first, so a profile is always the same playthrough.
type Profile struct {
	Kind  ProfileKind
	Meter int // the meter RaisePlay and LowerPlay follow; -1 for HistoricalPlay
	// Ending is the ending reached, or -1 when the playthrough stopped (Stop
	// says why, at the event StopEvent).
	Ending    int
	Stop      StopReason
	StopEvent int
	Choices   int
	Meters    []int // at the end
	// Trigger is the first trigger that fired on the way, or -1; it fired
	// after reply TriggerChoice (-1: Continue) of event TriggerEvent.
	Trigger                     int
	TriggerEvent, TriggerChoice int
	// TriggerEnded says that trigger took the story straight to an ending.
	TriggerEnded bool
	// Marked is true for HistoricalPlay when some reply of the scenario is
	// marked historical: without one there is no historical path to speak of.
	Marked bool
}

// HistoricalPath plays the replies marked historical, as the game's
// comparison with history does, and says where that leads.
func HistoricalPath(s *scenario.Scenario, maxSteps int) Profile {
	marked := false
	for i := range s.Events {
		if s.Events[i].HistoricalChoice() >= 0 {
			marked = true
			break
		}
	}
	if maxSteps <= 0 {
		maxSteps = DefaultExplore.MaxSteps
	}
	r, complete := rules.Historical(s, maxSteps)
	p := Profile{Kind: HistoricalPlay, Meter: -1, Ending: -1, StopEvent: -1, Marked: marked}
	switch {
	case complete:
		p.Ending = r.Ending()
	case len(r.Steps()) >= maxSteps:
		p.Stop, p.StopEvent = GoesRound, r.Event()
	case s.Events[r.Event()].HistoricalChoice() < 0:
		p.Stop, p.StopEvent = NotMarked, r.Event()
	default:
		p.Stop, p.StopEvent = MarkLocked, r.Event()
	}
	p.finish(s, r)
	return p
}

// finish fills in what the profile's run shows at its end.
func (p *Profile) finish(s *scenario.Scenario, r *rules.Run) {
	p.Choices = len(r.Steps())
	p.Meters = append([]int(nil), r.Meters()...)
	p.Trigger = -1
	for _, st := range r.Steps() {
		if st.Trigger >= 0 {
			p.Trigger, p.TriggerEvent, p.TriggerChoice = st.Trigger, st.Event, st.Choice
			t := s.Triggers[st.Trigger].Goto
			p.TriggerEnded = t.Kind == scenario.TargetEnding || t.Kind == scenario.TargetEnd
			break
		}
	}
}

// greedy plays one meter up (or down) as far as each reply takes it.
func (ex *explorer) greedy(kind ProfileKind, meter int) Profile {
	s, rep := ex.s, ex.rep
	r := rules.New(s)
	rep.Work++
	p := Profile{Kind: kind, Meter: meter, Ending: -1, StopEvent: -1}
	mt := &s.Meters[meter]
	// The player picks by the state alone, so once a state comes back the
	// playthrough goes round for ever (Brent's cycle detection).
	var anchor rules.Snapshot
	r.Snapshot(&anchor)
	power, lam := 1, 0
	for !r.Over() {
		if len(r.Steps()) >= ex.opts.MaxSteps {
			p.Stop, p.StopEvent = GoesRound, r.Event()
			break
		}
		if lam > 0 && sameState(&anchor, r) {
			p.Stop, p.StopEvent = GoesRound, r.Event()
			break
		}
		if lam == power {
			r.Snapshot(&anchor)
			power, lam = 2*power, 0
		}
		lam++
		ex.opt = r.Options(ex.opt)
		e := &s.Events[r.Event()]
		best, bestGain := -2, 0
		for _, o := range ex.opt {
			if o.Locked {
				continue
			}
			effects := e.Effects
			if o.Index >= 0 {
				effects = e.Choices[o.Index].Effects
			}
			v := r.Meter(meter)
			for _, ef := range effects {
				if ef.Meter == meter {
					v = rules.Apply(mt, v, ef)
				}
			}
			gain := v - r.Meter(meter)
			if kind == LowerPlay {
				gain = -gain
			}
			if best == -2 || gain > bestGain {
				best, bestGain = o.Index, gain
			}
		}
		if err := r.ChooseIndex(best); err != nil {
			// Cannot happen for an option the run offered; stop rather
			// than loop, and say where.
			p.Stop, p.StopEvent = GoesRound, r.Event()
			break
		}
		rep.Work++
	}
	if r.Over() {
		p.Ending = r.Ending()
	}
	p.finish(s, r)
	return p
}

// profiles makes the historical playthrough and, when asked, one greedy
// playthrough per visible meter and direction.
func (ex *explorer) profiles() {
	s, rep := ex.s, ex.rep
	h := HistoricalPath(s, ex.opts.MaxSteps)
	rep.Work += h.Choices + 1
	rep.Profiles = append(rep.Profiles, h)
	if !ex.opts.Profiles {
		return
	}
	for m := range s.Meters {
		if s.Meters[m].Hidden {
			continue
		}
		for _, kind := range []ProfileKind{RaisePlay, LowerPlay} {
			rep.Profiles = append(rep.Profiles, ex.greedy(kind, m))
		}
	}
}
