package check

import "bigthree/internal/scenario"

// Static runs the checks that need only the structure of a loaded scenario
// (reachability, loops, dates, declarations nothing uses), without an
// exploration: whether every reply of an event can be locked at once, and
// what the historical path reaches, are the exploration's to say. The Studio shows these at once while an exploration runs;
// File adds the exploration's findings to the same list.
func Static(s *scenario.Scenario) scenario.Diagnostics {
	p := &problems{s: s}
	p.static(Edges(s))
	p.usage()
	p.diags.Sort()
	return p.diags
}
