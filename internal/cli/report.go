package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"bigthree/internal/report"
	"bigthree/internal/version"
)

func runReport(args []string, env Env) int {
	fs := flags("report", env)
	out := fs.String("o", "class-report.html", "the HTML page to write")
	files, ok := parse(fs, args, env, "transcript.json")
	if !ok {
		return ExitUsage
	}
	var inputs []report.Input
	for _, name := range expandFolders(files) {
		data, err := env.ReadFile(name)
		if err != nil {
			inputs = append(inputs, report.Input{Name: name, Problem: "it cannot be read: " + readError(err)})
			continue
		}
		inputs = append(inputs, report.Input{Name: name, Data: data})
	}
	r := report.Build(inputs)
	for _, sk := range r.Skipped {
		fmt.Fprintf(env.Stderr, "%s: left out: %s\n", sk.File, sk.Reason)
	}
	if len(r.Groups) == 0 {
		fmt.Fprintln(env.Stderr, "b3 report: no transcript to report on (give the .json files the game saved)")
		return ExitProblems
	}
	page := r.HTML(report.Options{Generated: time.Now(), Tool: "b3 " + version.Get().String()})
	if err := env.WriteFile(*out, page); err != nil {
		fmt.Fprintf(env.Stderr, "b3 report: could not write %s: %v\n", *out, err)
		return ExitProblems
	}
	var parts []string
	for _, g := range r.Groups {
		what := fmt.Sprintf("%s of %q", count(len(g.Transcripts), "transcript"), g.Title)
		switch g.Kind {
		case report.EditedVersion:
			what += " (an edited version of the scenario, reported on its own)"
		case report.OtherScenario:
			what += " (another scenario, reported on its own)"
		}
		parts = append(parts, what)
	}
	fmt.Fprintf(env.Stdout, "Wrote %s: %s.\n", *out, strings.Join(parts, "; "))
	if len(r.Skipped) > 0 {
		fmt.Fprintf(env.Stdout, "%s left out (see above).\n", count(len(r.Skipped), "file"))
		return ExitProblems
	}
	return ExitOK
}

// expandFolders replaces each folder named by the .json files in it, so a
// teacher can give the folder the class's transcripts were collected in.
func expandFolders(names []string) []string {
	var out []string
	for _, n := range names {
		fi, err := os.Stat(n)
		if err != nil || !fi.IsDir() {
			out = append(out, n)
			continue
		}
		found, _ := filepath.Glob(filepath.Join(n, "*.json"))
		sort.Strings(found)
		out = append(out, found...)
	}
	return out
}
