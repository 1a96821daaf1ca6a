package scenario

import "strings"

// examples are the ids that the examples inside messages use: the
// scenario's own meters, flags and characters when it has them, neutral
// names otherwise, so that a message never speaks of people or things the
// teacher's file does not have.
type examples struct {
	meters, flags, people []string // at most two of each
}

// The neutral names used when a scenario has no ids of its own of a kind.
var (
	neutralMeters = []string{"trust", "support"}
	neutralFlags  = []string{"letter_sent", "treaty_signed"}
	neutralPeople = []string{"envoy", "minister"}
)

func newExamples(s *Scenario, r *raw) examples {
	var x examples
	for _, m := range s.Meters {
		if len(x.meters) < 2 {
			x.meters = append(x.meters, m.ID)
		}
	}
	for _, f := range r.flags {
		if len(x.flags) < 2 {
			x.flags = append(x.flags, f.id)
		}
	}
	for _, c := range s.Characters {
		if c.ID != r.player.id && len(x.people) < 2 {
			x.people = append(x.people, c.ID)
		}
	}
	return x
}

func pick(own, neutral []string, i int) string {
	if len(own) == 0 {
		return neutral[i]
	}
	return own[min(i, len(own)-1)]
}

// meter returns the i-th meter id for an example (i is 0 or 1).
func (x *examples) meter(i int) string { return pick(x.meters, neutralMeters, i) }

// flag returns the i-th flag id for an example (i is 0 or 1).
func (x *examples) flag(i int) string { return pick(x.flags, neutralFlags, i) }

// condition is a condition such as `trust >= 60 and not letter_sent`.
func (x *examples) condition() string {
	switch {
	case len(x.meters) > 0 && len(x.flags) == 0:
		return x.meter(0) + " >= 60"
	case len(x.meters) == 0 && len(x.flags) > 0:
		return "not " + x.flag(0)
	}
	return x.meter(0) + " >= 60 and not " + x.flag(0)
}

// effects is a set of effects such as {trust: +15, support: -10}.
func (x *examples) effects() string {
	if len(x.meters) == 1 {
		return "{" + x.meters[0] + ": +15}"
	}
	return "{" + x.meter(0) + ": +15, " + x.meter(1) + ": -10}"
}

// flagList is a list of flags such as [letter_sent, treaty_signed].
func (x *examples) flagList() string {
	if len(x.flags) == 1 {
		return "[" + x.flags[0] + "]"
	}
	return "[" + x.flag(0) + ", " + x.flag(1) + "]"
}

// reactions is a set of reactions such as {envoy: "...", minister: "..."}.
func (x *examples) reactions() string {
	people := x.people
	if len(people) == 0 {
		people = neutralPeople
	}
	parts := make([]string, len(people))
	for i, p := range people {
		parts[i] = p + `: "..."`
	}
	return "{" + strings.Join(parts, ", ") + "}"
}
