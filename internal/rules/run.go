// Package rules plays a scenario: it starts a run, lists the replies available
// now, applies a choice and moves the story on, records the history and picks
// the ending. It is pure and deterministic (no clock, no randomness, no
// ebiten), so a run is fully replayable from its list of choice ids.
package rules

import (
	"errors"
	"fmt"

	"bigthree/internal/scenario"
)

// ContinueID is the choice id of "Continue" on an event without replies (or
// whose replies are all locked).
const ContinueID = "continue"

// Errors returned by Choose.
var (
	ErrOver          = errors.New("the story has ended")
	ErrUnknownChoice = errors.New("no such reply here")
	ErrLocked        = errors.New("that reply is locked")
)

// Run is one playthrough of a scenario.
type Run struct {
	s      *scenario.Scenario
	event  int // current event, -1 when the story is over
	ending int // the ending reached, -1 until then
	meters []int
	flags  []bool
	fired  []bool
	steps  []Step
	log    []int // meter values before and after each step, len(meters)*2 per step
	seen   []bool
}

// Step is one choice made, in the history of a run.
type Step struct {
	Event   int // event index
	Choice  int // choice index, or -1 for Continue
	Trigger int // index of the trigger that fired after this choice, or -1
	at      int // offset of this step's meter values in Run.log
}

// New starts a run at the scenario's start.
func New(s *scenario.Scenario) *Run {
	r := &Run{
		s:      s,
		event:  -1,
		ending: -1,
		meters: make([]int, len(s.Meters)),
		flags:  make([]bool, len(s.Flags)),
		fired:  make([]bool, len(s.Triggers)),
		seen:   make([]bool, len(s.Events)),
	}
	for i, m := range s.Meters {
		r.meters[i] = m.Start
	}
	r.advance(s.Start)
	return r
}

// Scenario returns the scenario being played.
func (r *Run) Scenario() *scenario.Scenario { return r.s }

// Event returns the index of the current event, or -1 when the story is over.
func (r *Run) Event() int { return r.event }

// Ending returns the index of the ending reached, or -1 while the story goes on.
func (r *Run) Ending() int { return r.ending }

// Over reports whether the story has reached an ending.
func (r *Run) Over() bool { return r.ending >= 0 }

// Meter returns the current value of meter i.
func (r *Run) Meter(i int) int { return r.meters[i] }

// Meters returns the current meter values. The slice belongs to the run: do
// not change it, and copy it to keep it past the next choice.
func (r *Run) Meters() []int { return r.meters }

// Flag returns the current value of flag i.
func (r *Run) Flag(i int) bool { return r.flags[i] }

// Flags returns the current flag values; the slice belongs to the run.
func (r *Run) Flags() []bool { return r.flags }

// Seen reports whether event i has been shown in this run.
func (r *Run) Seen(i int) bool { return r.seen[i] }

// Steps returns the choices made so far; the slice belongs to the run.
func (r *Run) Steps() []Step { return r.steps }

// Before returns the meter values before step i; the slice belongs to the run.
func (r *Run) Before(i int) []int {
	n := len(r.meters)
	at := r.steps[i].at
	return r.log[at : at+n : at+n]
}

// After returns the meter values after step i (before any trigger moved the
// story); the slice belongs to the run.
func (r *Run) After(i int) []int {
	n := len(r.meters)
	at := r.steps[i].at + n
	return r.log[at : at+n : at+n]
}

// Change returns how much meter m moved with the last choice, or 0.
func (r *Run) Change(m int) int {
	if len(r.steps) == 0 {
		return 0
	}
	last := len(r.steps) - 1
	return r.After(last)[m] - r.Before(last)[m]
}

// ChoiceID returns the id a step is saved under.
func (r *Run) ChoiceID(st Step) string {
	if st.Choice < 0 {
		return ContinueID
	}
	return r.s.Events[st.Event].Choices[st.Choice].ID
}

// Option is a reply as the player sees it now.
type Option struct {
	Index      int // choice index, or -1 for Continue
	ID         string
	Text       string
	Locked     bool   // shown greyed; cannot be chosen
	Reason     string // why it is locked
	Historical bool
}

// Options appends the replies the player sees at the current event to dst
// and returns it: available replies, locked ones with their reason, but not
// hidden ones. An event without replies, or whose replies are all locked or
// hidden, offers Continue. Passing a reused dst avoids allocation.
func (r *Run) Options(dst []Option) []Option {
	dst = dst[:0]
	if r.event < 0 {
		return dst
	}
	e := &r.s.Events[r.event]
	open := false
	for i := range e.Choices {
		c := &e.Choices[i]
		ok := c.If.Eval(r.meters, r.flags)
		if !ok && c.Locked == "" {
			continue
		}
		open = open || ok
		dst = append(dst, Option{Index: i, ID: c.ID, Text: c.Text, Locked: !ok, Reason: lockReason(ok, c), Historical: c.Historical})
	}
	if !open {
		dst = append(dst, Option{Index: -1, ID: ContinueID, Text: "Continue"})
	}
	return dst
}

func lockReason(ok bool, c *scenario.Choice) string {
	if ok {
		return ""
	}
	return c.Locked
}

// available reports whether choice i of the current event may be chosen now;
// i < 0 asks about Continue.
func (r *Run) available(i int) bool {
	e := &r.s.Events[r.event]
	if i >= 0 {
		return e.Choices[i].If.Eval(r.meters, r.flags)
	}
	for j := range e.Choices {
		if e.Choices[j].If.Eval(r.meters, r.flags) {
			return false
		}
	}
	return true
}

// Choose picks the reply with the given id (ContinueID for Continue).
func (r *Run) Choose(id string) error {
	if r.event < 0 {
		return ErrOver
	}
	e := &r.s.Events[r.event]
	i := e.ChoiceIndex(id)
	if i < 0 && id != ContinueID {
		return fmt.Errorf("%w: %q is not a reply of the event %q", ErrUnknownChoice, id, e.ID)
	}
	if i >= 0 && id == ContinueID && !r.available(i) {
		i = -1 // a locked reply named "continue": the player means Continue
	}
	return r.ChooseIndex(i)
}

// ChooseIndex picks choice i of the current event, or Continue when i < 0.
// It applies the choice in the documented order: effects (each clamped),
// flags set then cleared, the history record, the first trigger that holds,
// then the move to the next event (skipping those whose condition is false)
// or to an ending.
func (r *Run) ChooseIndex(i int) error {
	if r.event < 0 {
		return ErrOver
	}
	e := &r.s.Events[r.event]
	if i >= len(e.Choices) {
		return fmt.Errorf("%w: the event %q has %d replies", ErrUnknownChoice, e.ID, len(e.Choices))
	}
	if !r.available(i) {
		if i < 0 {
			return fmt.Errorf("%w: the event %q has replies to choose from", ErrUnknownChoice, e.ID)
		}
		return fmt.Errorf("%w: %q", ErrLocked, e.Choices[i].ID)
	}
	at := len(r.log)
	r.log = append(r.log, r.meters...)
	effects, set, clear := e.Effects, e.Set, e.Clear
	if i >= 0 {
		c := &e.Choices[i]
		effects, set, clear = c.Effects, c.Set, c.Clear
	}
	for _, ef := range effects {
		r.meters[ef.Meter] = Apply(&r.s.Meters[ef.Meter], r.meters[ef.Meter], ef)
	}
	for _, f := range set {
		r.flags[f] = true
	}
	for _, f := range clear {
		r.flags[f] = false
	}
	r.log = append(r.log, r.meters...)
	st := Step{Event: r.event, Choice: i, Trigger: -1, at: at}
	next := r.s.Resolve(r.event, i)
	for t := range r.s.Triggers {
		tr := &r.s.Triggers[t]
		if !r.fired[t] && tr.If.Eval(r.meters, r.flags) {
			r.fired[t] = true
			st.Trigger = t
			next = tr.Goto
			break
		}
	}
	r.steps = append(r.steps, st)
	r.advance(next)
	return nil
}

// Apply returns meter m's value v after effect ef, clamped to its bounds.
// Fair-math changes move a percentage of the distance to the bound, rounded
// to the nearest whole number.
func Apply(m *scenario.Meter, v int, ef scenario.Effect) int {
	switch ef.Op {
	case scenario.Add:
		v += ef.Amount
	case scenario.FairUp:
		if v < m.Max {
			v += ((m.Max-v)*ef.Amount + 50) / 100
		}
	case scenario.FairDown:
		if v > m.Min {
			v -= ((v-m.Min)*ef.Amount + 50) / 100
		}
	case scenario.SetTo:
		v = ef.Amount
	}
	return min(max(v, m.Min), m.Max)
}

// advance moves the story to t, skipping events whose condition is false.
func (r *Run) advance(t scenario.Target) {
	// A chain of skipped events can only be as long as the list of events; a
	// longer one goes round in circles, and the story ends rather than hang.
	for range len(r.s.Events) + 1 {
		switch t.Kind {
		case scenario.TargetEvent:
			e := &r.s.Events[t.Index]
			if !e.If.Eval(r.meters, r.flags) {
				t = r.s.Skip(t.Index)
				continue
			}
			r.event = t.Index
			r.seen[t.Index] = true
			return
		case scenario.TargetEnding:
			r.finish(t.Index)
			return
		default:
			r.finish(r.pickEnding())
			return
		}
	}
	r.finish(r.pickEnding())
}

func (r *Run) finish(ending int) {
	r.event = -1
	r.ending = ending
}

// pickEnding returns the first ending whose condition holds.
func (r *Run) pickEnding() int {
	for i := range r.s.Endings {
		if r.s.Endings[i].If.Eval(r.meters, r.flags) {
			return i
		}
	}
	// The loader guarantees a fallback; the last ending stands in for one.
	return len(r.s.Endings) - 1
}

// Clone returns an independent copy of the run, for exploring what-ifs.
func (r *Run) Clone() *Run {
	c := *r
	c.meters = append([]int(nil), r.meters...)
	c.flags = append([]bool(nil), r.flags...)
	c.fired = append([]bool(nil), r.fired...)
	c.steps = append([]Step(nil), r.steps...)
	c.log = append([]int(nil), r.log...)
	c.seen = append([]bool(nil), r.seen...)
	return &c
}

// Fired reports whether trigger t has fired in this run.
func (r *Run) Fired(t int) bool { return r.fired[t] }

// Reset puts the run back at the start of its scenario, keeping its memory.
func (r *Run) Reset() {
	for i, m := range r.s.Meters {
		r.meters[i] = m.Start
	}
	clear(r.flags)
	clear(r.fired)
	clear(r.seen)
	r.steps = r.steps[:0]
	r.log = r.log[:0]
	r.event, r.ending = -1, -1
	r.advance(r.s.Start)
}

// Snapshot is the part of a run's state that decides its future: where it
// is, the meters, the flags and the triggers already fired. The explorer
// walks snapshots instead of whole runs.
type Snapshot struct {
	Event, Ending int
	Meters        []int
	Flags, Fired  []bool
}

// Snapshot copies the run's state into dst, reusing its slices.
func (r *Run) Snapshot(dst *Snapshot) {
	dst.Event, dst.Ending = r.event, r.ending
	dst.Meters = append(dst.Meters[:0], r.meters...)
	dst.Flags = append(dst.Flags[:0], r.flags...)
	dst.Fired = append(dst.Fired[:0], r.fired...)
}

// Restore puts the run in the state sn and forgets its history.
func (r *Run) Restore(sn *Snapshot) {
	r.event, r.ending = sn.Event, sn.Ending
	copy(r.meters, sn.Meters)
	copy(r.flags, sn.Flags)
	copy(r.fired, sn.Fired)
	r.steps = r.steps[:0]
	r.log = r.log[:0]
}
