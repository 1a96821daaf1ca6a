package story

import "strconv"

// Card is the verdict that opens the ending screen, before the ending's
// text: which ending, how close to history the replies were, and where
// each visible meter ended beside the historical path's end.
type Card struct {
	Heading string // VerdictHeading
	// Ending names the ending reached and whether it is the historical
	// one: "Ending: Victory in Europe (the historical ending)".
	Ending string
	// Closeness says how close to history the replies were, in words:
	// "Close to history: matched 9 of 12 decisions." Empty when there was no
	// decision to compare.
	Closeness string
	Meters    []CardMeter
}

// CardMeter is one visible meter at the end, beside the historical path's
// value at its end (HasHistory false when the scenario has none).
type CardMeter struct {
	Label            string
	Yours, History   int
	HasHistory       bool
	Min, Max         int
	Words            string // "Khrushchev's trust: you 40, history 62"
	ChartLine, Meter int    // the chart line's and the scenario meter's index
}

// VerdictHeading heads the verdict card.
const VerdictHeading = "The verdict"

// cardOf builds the verdict card from the rest of the ending.
func cardOf(e *Ending) Card {
	c := Card{Heading: VerdictHeading}
	if e.Reached {
		c.Ending = "Ending: " + e.Title
		if e.Historical {
			c.Ending += " (the historical ending)"
		}
	}
	if e.Decisions > 0 {
		share := float64(e.Matches) / float64(e.Decisions)
		word := "Far from history"
		switch {
		case share >= 0.75:
			word = "Close to history"
		case share >= 0.4:
			word = "Partly as in history"
		}
		c.Closeness = word + ": matched " + strconv.Itoa(e.Matches) + " of " + Plural(e.Decisions, "decision") + "."
	}
	theirs := "history"
	if e.Voice.Comparison != "" {
		theirs = e.Voice.Comparison
	}
	for k, l := range e.Chart.Lines {
		m := CardMeter{Label: l.Label, Yours: l.Final, Min: e.Chart.Min, Max: e.Chart.Max, ChartLine: k, Meter: l.Meter}
		m.Words = l.Label + ": you " + strconv.Itoa(l.Final)
		if n := len(l.History); n > 0 {
			m.History, m.HasHistory = l.History[n-1].Value, true
			m.Words += ", " + theirs + " " + strconv.Itoa(m.History)
		}
		c.Meters = append(c.Meters, m)
	}
	return c
}
