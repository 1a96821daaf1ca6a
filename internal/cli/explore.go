package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"unicode"

	"bigthree/internal/check"
	"bigthree/internal/scenario"
)

func runExplore(args []string, env Env) int {
	fs := flags("explore", env)
	opts := check.DefaultExplore
	fs.IntVar(&opts.Runs, "runs", opts.Runs, fmt.Sprintf("number of random playthroughs (at most %d)", check.RunsCap))
	fs.Uint64Var(&opts.Seed, "seed", opts.Seed, "seed of the random playthroughs (same seed, same report)")
	fs.IntVar(&opts.MaxStates, "max-states", opts.MaxStates, fmt.Sprintf("walk every path when the story has at most this many states (at most %d; 0 turns the walk off)", check.MaxStatesCap))
	asJSON := fs.Bool("json", false, "print the report as JSON")
	file, ok := oneFile(fs, args, env)
	if !ok {
		return ExitUsage
	}
	if opts.Runs < 0 || opts.MaxStates < 0 {
		fmt.Fprintln(env.Stderr, "b3 explore: -runs and -max-states cannot be negative")
		return ExitUsage
	}
	if opts.Runs == 0 && opts.MaxStates == 0 {
		fmt.Fprintln(env.Stderr, "b3 explore: with -runs 0 and -max-states 0 there is nothing to explore: give one of them a number above 0")
		return ExitUsage
	}
	if opts.Runs > check.RunsCap {
		fmt.Fprintf(env.Stderr, "b3 explore: -runs is at most %s; making %s random playthroughs\n", check.Number(check.RunsCap), check.Number(check.RunsCap))
		opts.Runs = check.RunsCap
	}
	if opts.MaxStates > check.MaxStatesCap {
		fmt.Fprintf(env.Stderr, "b3 explore: -max-states is at most %s (the states must fit in memory); walking at most %s states\n", check.Number(check.MaxStatesCap), check.Number(check.MaxStatesCap))
		opts.MaxStates = check.MaxStatesCap
	}
	s, ok := load(file, env)
	if !ok {
		return ExitProblems
	}
	rep := check.Explore(s, opts)
	if *asJSON {
		writeExploreJSON(env.Stdout, s, rep, opts)
	} else {
		writeExplore(env.Stdout, file, s, rep, opts)
	}
	if len(rep.DeadEnds) > 0 || len(rep.Stuck) > 0 || rep.Circles > 0 {
		return ExitProblems
	}
	return ExitOK
}

func percent(n, of int) string {
	if of == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(n)/float64(of))
}

// walkText says how far the exploration went, for the report's first line.
func walkText(rep *check.Report, opts check.ExploreOptions) string {
	runs := fmt.Sprintf("%s random playthroughs (seed %d)", check.Number(rep.Runs), opts.Seed)
	switch {
	case rep.Exhaustive:
		return fmt.Sprintf("every path was walked (%s); the shares below come from %s", plural(rep.States, "distinct state"), runs)
	case rep.StateLimit == 0:
		return fmt.Sprintf("the walk of every path was turned off (-max-states 0), so %s decide what is never reached", runs)
	case rep.WalkCut == check.CutByMemory:
		return fmt.Sprintf("the story has more than %s states, too many to hold in memory, so %s decide what is never reached", check.Number(rep.StateLimit), runs)
	case rep.WalkCut == check.CutByWork:
		return fmt.Sprintf("the story has more than %s states, too many to walk within the work limit (%s steps), so %s decide what is never reached", check.Number(rep.StateLimit), check.Number(check.WalkWork), runs)
	case rep.StateLimit < check.MaxStatesCap:
		return fmt.Sprintf("the story has more than %s states, too many to walk every path (-max-states %s walks more), so %s decide what is never reached", check.Number(rep.StateLimit), check.Number(min(check.MaxStatesCap, 10*rep.StateLimit)), runs)
	}
	return fmt.Sprintf("the story has more than %s states, too many to walk every path, so %s decide what is never reached", check.Number(rep.StateLimit), runs)
}

// profileName says who plays a profile: "the replies marked historical",
// "raise Khrushchev's trust most".
func profileName(s *scenario.Scenario, p check.Profile) string {
	switch p.Kind {
	case check.RaisePlay:
		return "raise " + clipText(s.Meters[p.Meter].Label, 30) + " most"
	case check.LowerPlay:
		return "lower " + clipText(s.Meters[p.Meter].Label, 30) + " most"
	}
	return "the replies marked historical"
}

// profileNote says what is worth knowing about how a profile ended.
func profileNote(s *scenario.Scenario, p check.Profile) string {
	var notes []string
	if p.Kind == check.HistoricalPlay && p.Ending >= 0 {
		if s.Endings[p.Ending].Historical {
			notes = append(notes, "the ending marked historical")
		} else {
			for _, e := range s.Endings {
				if e.Historical {
					notes = append(notes, "NOT the ending marked historical ("+e.ID+")")
				}
			}
		}
	}
	if p.Trigger >= 0 {
		after := fmt.Sprintf("reply %d of %s", p.TriggerChoice+1, s.Events[p.TriggerEvent].ID)
		if p.TriggerChoice < 0 {
			after = "Continue at " + s.Events[p.TriggerEvent].ID
		}
		verb := "leads to " + s.TargetName(s.Triggers[p.Trigger].Goto)
		if p.TriggerEnded {
			verb = "ends the story"
		}
		notes = append(notes, fmt.Sprintf("trigger %d (line %d) %s after %s", p.Trigger+1, s.Triggers[p.Trigger].Pos.Line, verb, after))
	}
	return strings.Join(notes, "; ")
}

// profileEnd names where a profile's playthrough ended.
func profileEnd(s *scenario.Scenario, p check.Profile) string {
	if p.Ending >= 0 {
		return s.Endings[p.Ending].ID
	}
	e := s.Events[p.StopEvent].ID
	switch p.Stop {
	case check.NotMarked:
		return "stops at " + e + " (no reply marked historical)"
	case check.MarkLocked:
		return "stops at " + e + " (its historical reply is locked)"
	}
	return "goes round in a loop at " + e
}

func writeExplore(out io.Writer, name string, s *scenario.Scenario, rep *check.Report, opts check.ExploreOptions) {
	var buf strings.Builder
	w := &buf
	defer func() {
		// tabwriter pads the last column too: trim the lines for clean diffs.
		for _, line := range strings.SplitAfter(buf.String(), "\n") {
			if line != "" {
				fmt.Fprint(out, strings.TrimRight(line, " \n")+"\n")
			}
		}
	}()
	fmt.Fprintf(w, "Explored %s: %s.\n", clipText(name, 200), walkText(rep, opts))
	if rep.WorkLimited {
		fmt.Fprintf(w, "The random playthroughs stopped after %s of %s: the work limit (%s steps) was reached.\n", check.Number(rep.Runs), check.Number(rep.RunsWanted), check.Number(rep.WorkLimit))
	}

	fmt.Fprintln(w, "\nEndings (share of random playthroughs that end there):")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for i, e := range s.Endings {
		reached := rep.EndingReached[i] || rep.EndingRuns[i] > 0
		status := percent(rep.EndingRuns[i], rep.Runs)
		if !reached {
			status = "NEVER REACHED"
		} else if rep.EndingRuns[i] == 0 {
			status = "reachable, but rare (0 random playthroughs)"
		}
		mark := ""
		if e.Historical {
			mark = "(historical)"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", e.ID, clipText(e.Title, 44), status, mark)
	}
	tw.Flush()

	if len(rep.Profiles) > 0 {
		fmt.Fprintln(w, "\nHow a few ways of playing end (one playthrough each; ties go to the reply listed first):")
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for _, p := range rep.Profiles {
			if p.Kind == check.HistoricalPlay && !p.Marked {
				fmt.Fprintf(tw, "  %s\t-\t\tno reply is marked historical\n", profileName(s, p))
				continue
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", profileName(s, p), profileEnd(s, p), plural(p.Choices, "choice"), profileNote(s, p))
		}
		tw.Flush()
	}

	list := func(title string, items []string) {
		if len(items) == 0 {
			fmt.Fprintf(w, "\n%s: none\n", title)
			return
		}
		fmt.Fprintf(w, "\n%s (%d):\n", title, len(items))
		for _, it := range items {
			fmt.Fprintf(w, "  %s\n", it)
		}
	}
	var never, unavailable, dead []string
	for i, e := range s.Events {
		if !rep.EventReached[i] {
			never = append(never, fmt.Sprintf("%s (line %d)", e.ID, e.Pos.Line))
			continue
		}
		for j, c := range e.Choices {
			if !rep.ChoiceAvailable[i][j] {
				unavailable = append(unavailable, fmt.Sprintf("%s, reply %d %q (line %d)", e.ID, j+1, clipText(c.Text, 40), c.Pos.Line))
			}
		}
	}
	for _, d := range rep.DeadEnds {
		dead = append(dead, fmt.Sprintf("%s: every reply locked or hidden, no next (line %d)", s.Events[d.Event].ID, s.Events[d.Event].Pos.Line))
	}
	for _, st := range rep.Stuck {
		dead = append(dead, fmt.Sprintf("%s: no ending can be reached from here (line %d)", s.Events[st.Event].ID, s.Events[st.Event].Pos.Line))
	}
	for _, l := range rep.Loops {
		if slices.ContainsFunc(rep.Stuck, func(st check.StuckState) bool { return slices.Contains(l.Events, st.Event) }) {
			continue // the walk already found this trap
		}
		var ids []string
		for _, ev := range l.Events {
			ids = append(ids, s.Events[ev].ID)
		}
		dead = append(dead, fmt.Sprintf("%s: %s random playthroughs went round here and never reached an ending (line %d)", strings.Join(ids, ", "), check.Number(l.Runs), s.Events[l.Events[0]].Pos.Line))
	}
	for _, l := range rep.LockRisks {
		dead = append(dead, fmt.Sprintf("%s: every reply can be locked or hidden at once (for example when %s); no playthrough got there so, but not every path was walked (line %d)", s.Events[l.Event].ID, l.Example, s.Events[l.Event].Pos.Line))
	}
	list("Events never reached", never)
	list("Replies never available", unavailable)
	list("Dead ends and loops", dead)

	if len(s.Meters) > 0 {
		fmt.Fprintln(w, "\nMeters on arrival at each event (lowest-highest):")
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		head := []string{"date", "event"}
		for _, m := range s.Meters {
			head = append(head, m.ID)
		}
		fmt.Fprintf(tw, "%s\t\n", strings.Join(head, "\t"))
		for i, e := range s.Events {
			row := []string{e.Date.Format("2006-01-02"), e.ID}
			for m := range s.Meters {
				a := rep.Arrival[i][m]
				if a[1] < a[0] {
					row = append(row, "-")
				} else if a[0] == a[1] {
					row = append(row, fmt.Sprint(a[0]))
				} else {
					row = append(row, fmt.Sprintf("%d-%d", a[0], a[1]))
				}
			}
			fmt.Fprintf(tw, "%s\t\n", strings.Join(row, "\t"))
		}
		tw.Flush()
	}
	if done := rep.Runs - rep.Circles; done > 0 {
		fmt.Fprintf(w, "\nA playthrough takes %d to %d choices (%.1f on average).\n", rep.Steps.Min, rep.Steps.Max, float64(rep.Steps.Total)/float64(done))
	}
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return check.Number(n) + " " + word + "s"
}

// clipText shortens scenario text to n characters on one line, without
// control characters, for the terminal.
func clipText(s string, n int) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && !unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n-1]) + "…"
}

func writeExploreJSON(w io.Writer, s *scenario.Scenario, rep *check.Report, opts check.ExploreOptions) {
	type ending struct {
		ID         string  `json:"id"`
		Reachable  bool    `json:"reachable"`
		Runs       int     `json:"runs"`
		Share      float64 `json:"share"`
		Historical bool    `json:"historical"`
	}
	type rng struct {
		Min int `json:"min"`
		Max int `json:"max"`
	}
	type event struct {
		ID           string         `json:"id"`
		Reached      bool           `json:"reached"`
		Unavailable  []string       `json:"replies_never_available"`
		MetersOnSeen map[string]rng `json:"meters_on_arrival,omitempty"`
	}
	type trigger struct {
		Number     int    `json:"number"`
		Line       int    `json:"line"`
		If         string `json:"if"`
		AfterEvent string `json:"after_event"`
		AfterReply string `json:"after_reply"`
		EndedStory bool   `json:"ended_story"`
	}
	type profile struct {
		Player    string         `json:"player"` // historical, raise or lower
		Meter     string         `json:"meter,omitempty"`
		Ending    *string        `json:"ending"`
		Stopped   string         `json:"stopped,omitempty"` // not-marked, historical-reply-locked, loop
		StoppedAt string         `json:"stopped_at,omitempty"`
		Choices   int            `json:"choices"`
		Trigger   *trigger       `json:"trigger,omitempty"`
		Meters    map[string]int `json:"meters"`
	}
	type loop struct {
		Events []string `json:"events"`
		Runs   int      `json:"runs"`
	}
	type lockRisk struct {
		Event   string `json:"event"`
		Example string `json:"example"`
	}
	out := struct {
		Exhaustive  bool       `json:"exhaustive"`
		States      int        `json:"states"`
		StateLimit  int        `json:"state_limit"`
		WalkCut     string     `json:"walk_stopped_by,omitempty"` // states, memory or work`
		Runs        int        `json:"runs"`
		RunsWanted  int        `json:"runs_requested"`
		WorkLimited bool       `json:"work_limit_reached"`
		Work        int        `json:"work_steps"`
		WorkLimit   int        `json:"work_limit"`
		Seed        uint64     `json:"seed"`
		Endings     []ending   `json:"endings"`
		Profiles    []profile  `json:"profiles"`
		Events      []event    `json:"events"`
		DeadEnds    []string   `json:"dead_ends"`
		Stuck       []string   `json:"stuck"`
		Loops       []loop     `json:"loops"`
		LockRisks   []lockRisk `json:"lock_risks"`
		Circles     int        `json:"runs_in_loops"`
		MinSteps    int        `json:"min_choices"`
		MaxSteps    int        `json:"max_choices"`
	}{Exhaustive: rep.Exhaustive, States: rep.States, StateLimit: rep.StateLimit,
		Runs: rep.Runs, RunsWanted: rep.RunsWanted, WorkLimited: rep.WorkLimited, Work: rep.Work, WorkLimit: rep.WorkLimit,
		Seed: opts.Seed, Circles: rep.Circles, MinSteps: rep.Steps.Min, MaxSteps: rep.Steps.Max,
		Profiles: []profile{}, DeadEnds: []string{}, Stuck: []string{}, Loops: []loop{}, LockRisks: []lockRisk{}}
	if !rep.Exhaustive && rep.StateLimit > 0 {
		out.WalkCut = map[check.WalkCut]string{check.CutByStates: "states", check.CutByMemory: "memory", check.CutByWork: "work"}[rep.WalkCut]
	}
	for i, e := range s.Endings {
		share := 0.0
		if rep.Runs > 0 {
			share = float64(rep.EndingRuns[i]) / float64(rep.Runs)
		}
		out.Endings = append(out.Endings, ending{e.ID, rep.EndingReached[i] || rep.EndingRuns[i] > 0, rep.EndingRuns[i], share, e.Historical})
	}
	for _, p := range rep.Profiles {
		if p.Kind == check.HistoricalPlay && !p.Marked {
			continue
		}
		pr := profile{Player: "historical", Choices: p.Choices, Meters: map[string]int{}}
		switch p.Kind {
		case check.RaisePlay:
			pr.Player, pr.Meter = "raise", s.Meters[p.Meter].ID
		case check.LowerPlay:
			pr.Player, pr.Meter = "lower", s.Meters[p.Meter].ID
		}
		if p.Ending >= 0 {
			id := s.Endings[p.Ending].ID
			pr.Ending = &id
		} else {
			pr.StoppedAt = s.Events[p.StopEvent].ID
			pr.Stopped = map[check.StopReason]string{check.NotMarked: "not-marked", check.MarkLocked: "historical-reply-locked", check.GoesRound: "loop"}[p.Stop]
		}
		if p.Trigger >= 0 {
			tr := &s.Triggers[p.Trigger]
			t := &trigger{Number: p.Trigger + 1, Line: tr.Pos.Line, If: tr.If.Src, AfterEvent: s.Events[p.TriggerEvent].ID, AfterReply: "continue", EndedStory: p.TriggerEnded}
			if p.TriggerChoice >= 0 {
				t.AfterReply = s.Events[p.TriggerEvent].Choices[p.TriggerChoice].ID
			}
			pr.Trigger = t
		}
		for m, mt := range s.Meters {
			pr.Meters[mt.ID] = p.Meters[m]
		}
		out.Profiles = append(out.Profiles, pr)
	}
	for i, e := range s.Events {
		ev := event{ID: e.ID, Reached: rep.EventReached[i], Unavailable: []string{}}
		if ev.Reached {
			ev.MetersOnSeen = map[string]rng{}
			for m, mt := range s.Meters {
				a := rep.Arrival[i][m]
				ev.MetersOnSeen[mt.ID] = rng{a[0], a[1]}
			}
			for j, c := range e.Choices {
				if !rep.ChoiceAvailable[i][j] {
					ev.Unavailable = append(ev.Unavailable, c.ID)
				}
			}
		}
		out.Events = append(out.Events, ev)
	}
	for _, d := range rep.DeadEnds {
		out.DeadEnds = append(out.DeadEnds, s.Events[d.Event].ID)
	}
	for _, st := range rep.Stuck {
		out.Stuck = append(out.Stuck, s.Events[st.Event].ID)
	}
	for _, l := range rep.Loops {
		lp := loop{Runs: l.Runs}
		for _, ev := range l.Events {
			lp.Events = append(lp.Events, s.Events[ev].ID)
		}
		out.Loops = append(out.Loops, lp)
	}
	for _, l := range rep.LockRisks {
		out.LockRisks = append(out.LockRisks, lockRisk{s.Events[l.Event].ID, l.Example})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(out)
}
