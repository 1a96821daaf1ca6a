package check

import "bigthree/internal/scenario"

// Static runs the checks that need only the structure of a loaded scenario
// (reachability, loops, dates, replies that can all be locked), without an
// exploration. The Studio shows these at once while an exploration runs;
// File adds the exploration's findings to the same list.
func Static(s *scenario.Scenario) scenario.Diagnostics {
	p := &problems{s: s}
	reachable := p.static(Edges(s))
	p.allLocked(reachable)
	p.diags.Sort()
	return p.diags
}
