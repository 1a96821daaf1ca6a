package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"bigthree/internal/check"
	"bigthree/internal/scenario"
)

func runExplore(args []string, env Env) int {
	fs := flags("explore", env)
	opts := check.DefaultExplore
	fs.IntVar(&opts.Runs, "runs", opts.Runs, "number of random playthroughs")
	fs.Uint64Var(&opts.Seed, "seed", opts.Seed, "seed of the random playthroughs (same seed, same report)")
	fs.IntVar(&opts.MaxStates, "max-states", opts.MaxStates, "walk every path when there are at most this many states (0: random playthroughs only)")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	file, ok := oneFile(fs, args, env)
	if !ok {
		return ExitUsage
	}
	if opts.Runs < 0 || opts.MaxStates < 0 {
		fmt.Fprintln(env.Stderr, "b3 explore: -runs and -max-states cannot be negative")
		return ExitUsage
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
	how := fmt.Sprintf("there are too many paths to walk them all (more than %d states), so %d random playthroughs (seed %d) decide", opts.MaxStates, rep.Runs, opts.Seed)
	if rep.Exhaustive {
		how = fmt.Sprintf("every path was walked (%d distinct states); the shares below come from %d random playthroughs (seed %d)", rep.States, rep.Runs, opts.Seed)
	}
	fmt.Fprintf(w, "Explored %s: %s.\n", name, how)

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
	if rep.Circles > 0 {
		dead = append(dead, fmt.Sprintf("%d random playthroughs were still going after %d choices (a loop)", rep.Circles, opts.MaxSteps))
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

func clipText(s string, n int) string {
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
	out := struct {
		Exhaustive bool     `json:"exhaustive"`
		States     int      `json:"states"`
		Runs       int      `json:"runs"`
		Seed       uint64   `json:"seed"`
		Endings    []ending `json:"endings"`
		Events     []event  `json:"events"`
		DeadEnds   []string `json:"dead_ends"`
		Stuck      []string `json:"stuck"`
		Circles    int      `json:"runs_in_loops"`
		MinSteps   int      `json:"min_choices"`
		MaxSteps   int      `json:"max_choices"`
	}{Exhaustive: rep.Exhaustive, States: rep.States, Runs: rep.Runs, Seed: opts.Seed, Circles: rep.Circles,
		MinSteps: rep.Steps.Min, MaxSteps: rep.Steps.Max, DeadEnds: []string{}, Stuck: []string{}}
	for i, e := range s.Endings {
		share := 0.0
		if rep.Runs > 0 {
			share = float64(rep.EndingRuns[i]) / float64(rep.Runs)
		}
		out.Endings = append(out.Endings, ending{e.ID, rep.EndingReached[i] || rep.EndingRuns[i] > 0, rep.EndingRuns[i], share, e.Historical})
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
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(out)
}
