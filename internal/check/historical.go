package check

import (
	"fmt"

	"bigthree/internal/scenario"
)

// historicalEnding returns the ending marked historical, or -1.
func historicalEnding(s *scenario.Scenario) int {
	for i := range s.Endings {
		if s.Endings[i].Historical {
			return i
		}
	}
	return -1
}

// replyName names the reply a step took: "reply 2 of `yalta`", or
// "Continue at `yalta`".
func replyName(s *scenario.Scenario, ev, choice int) string {
	if choice < 0 {
		return fmt.Sprintf("Continue at `%s`", s.Events[ev].ID)
	}
	return fmt.Sprintf("reply %d of `%s`", choice+1, s.Events[ev].ID)
}

// historical warns when the replies marked historical do not lead where
// the scenario says history went: to another ending than the one marked
// historical, out early through a trigger, or nowhere.
func (p *problems) historical(rep *Report) {
	s := p.s
	if len(rep.Profiles) == 0 || !rep.Profiles[0].Marked {
		return
	}
	h := rep.Profiles[0]
	hist := historicalEnding(s)
	notMarked := ""
	if hist >= 0 && h.Ending != hist {
		notMarked = fmt.Sprintf(", not in `%s`, the ending marked historical", s.Endings[hist].ID)
	}
	switch {
	case h.Ending >= 0 && h.Trigger >= 0 && h.TriggerEnded:
		tr := &s.Triggers[h.Trigger]
		p.add(tr.Pos, scenario.Warning, "historical-trigger", fmt.Sprintf("the replies marked historical end the story early: after %s, this trigger (`%s`) fires and the story ends in `%s`%s. The meters then are %s: change the effects along the historical path, or this trigger's condition", replyName(s, h.TriggerEvent, h.TriggerChoice), tr.If.Src, s.Endings[h.Ending].ID, notMarked, metersText(s, h.Meters)))
	case h.Ending >= 0 && hist >= 0 && h.Ending != hist:
		via := ""
		if h.Trigger >= 0 {
			via = fmt.Sprintf(" (after %s, the trigger on line %d took them to `%s`)", replyName(s, h.TriggerEvent, h.TriggerChoice), s.Triggers[h.Trigger].Pos.Line, s.TargetName(s.Triggers[h.Trigger].Goto))
		}
		p.add(s.Endings[hist].Pos, scenario.Warning, "historical-ending", fmt.Sprintf("the ending `%s` is marked historical, but the replies marked historical lead to the ending `%s`%s, with %s at the end. Mark the ending they reach, or change the effects or conditions along the historical path", s.Endings[hist].ID, s.Endings[h.Ending].ID, via, metersText(s, h.Meters)))
	case h.Ending < 0:
		e := &s.Events[h.StopEvent]
		switch h.Stop {
		case NotMarked:
			p.add(e.Pos, scenario.Warning, "historical-path", fmt.Sprintf("the replies marked historical stop at `%s`: none of its replies is marked `historical: true`, so the comparison with history ends there. Mark the reply chosen in history", e.ID))
		case MarkLocked:
			j := e.HistoricalChoice()
			p.add(e.Choices[j].Pos, scenario.Warning, "historical-path", fmt.Sprintf("the replies marked historical stop at `%s`: its reply marked historical (reply %d) is locked or hidden when they get there (with %s) and the event offers no Continue. Loosen the reply's `if`, or change the effects before it", e.ID, j+1, metersText(s, h.Meters)))
		case GoesRound:
			p.add(e.Pos, scenario.Warning, "historical-path", fmt.Sprintf("the replies marked historical go round in a loop through `%s` and never reach an ending (still going after %s choices). Give one of them a `next` out of the loop", e.ID, Number(h.Choices)))
		}
	}
}

// HistoricalSummary says where the replies marked historical lead, in a
// sentence `b3 check` prints; "" when no reply is marked historical.
func HistoricalSummary(s *scenario.Scenario) string {
	h := HistoricalPath(s, DefaultExplore.MaxSteps)
	if !h.Marked {
		return ""
	}
	return "the replies marked historical " + h.Outcome(s)
}

// Outcome says where a profile's playthrough went, as the end of a
// sentence: "lead to the ending `x` in 12 choices, the ending marked historical".
func (p Profile) Outcome(s *scenario.Scenario) string {
	if p.Ending < 0 {
		e := s.Events[p.StopEvent].ID
		switch p.Stop {
		case NotMarked:
			return fmt.Sprintf("stop after %s at `%s`, which has no reply marked historical", choices(p.Choices), e)
		case MarkLocked:
			return fmt.Sprintf("stop after %s at `%s`, whose reply marked historical is locked", choices(p.Choices), e)
		}
		return fmt.Sprintf("go round in a loop through `%s` (still going after %s)", e, choices(p.Choices))
	}
	out := fmt.Sprintf("lead to the ending `%s` in %s", s.Endings[p.Ending].ID, choices(p.Choices))
	if p.Trigger >= 0 {
		out += fmt.Sprintf(", through the trigger on line %d after %s", s.Triggers[p.Trigger].Pos.Line, replyName(s, p.TriggerEvent, p.TriggerChoice))
	}
	if hist := historicalEnding(s); hist >= 0 {
		if hist == p.Ending {
			out += ", the ending marked historical"
		} else {
			out += fmt.Sprintf(", not to `%s`, the ending marked historical", s.Endings[hist].ID)
		}
	}
	return out
}

func choices(n int) string {
	if n == 1 {
		return "1 choice"
	}
	return Number(n) + " choices"
}
