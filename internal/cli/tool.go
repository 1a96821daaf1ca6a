// Package cli is the teachers' command-line tool, b3: check, play, explore
// and graph a scenario file. It never imports ebiten, so it runs on a
// server, in CI and on any machine without a display.
package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"strings"

	"bigthree/internal/atomicfile"
	"bigthree/internal/check"
	"bigthree/internal/scenario"
)

// Exit codes.
const (
	ExitOK       = 0 // no problem
	ExitProblems = 1 // the scenario has errors or warnings, or the story could not be played
	ExitUsage    = 2 // the command line is wrong
)

const usage = `b3 — the bigthree teachers' tool

Usage:
  b3 check [-json] FILE...      check scenario files (- reads standard input); every problem as
                                file:line:col: error: message [code], with its line of the file and a caret under the column
  b3 play [-save SAVE] [-transcript FILE.md [-force]] [-student NAME] FILE
                                play in the terminal (numbered replies; also reads them from standard input)
  b3 explore [-runs N] [-seed N] [-max-states N] [-json] FILE
                                walk the paths of a scenario: unreached events, endings, how a few
                                ways of playing end, meter ranges
  b3 graph [-format dot|mermaid] [-json] FILE
                                print the branching structure (Graphviz DOT, Mermaid or JSON), in date order
  b3 bundle [-o OUT] [-scorm] [-link -base URL] FILE
                                make a class folder or zip (or an LMS package, or a link) that opens FILE first
  b3 report [-o REPORT.html] TRANSCRIPT.json...
                                one HTML page on a whole class's transcripts
  b3 schema [-force] [FOLDER or FILE.yaml]
                                write schema.json (the format, for editors) into the folder or beside the file
  b3 version                    print the version and commit of this b3
  b3 help                       show this text

Exit status: 0 when all is well, 1 when problems were found, 2 when the command line is wrong.
The scenario format is explained in docs/scenario-format.md.
`

// Env is what a command talks to; tests pass buffers.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	ReadFile       func(string) ([]byte, error)
	WriteFile      func(string, []byte) error
	// Schema is the scenario format's JSON Schema, for b3 schema.
	Schema []byte
	// WebGame is the browser game built into a release b3, for b3 bundle; nil otherwise.
	WebGame fs.FS
	// Folder returns the folder of a scenario file, where its pictures are
	// read; scenario.FolderOf by default.
	Folder func(string) fs.FS
}

// Main runs the tool with the given arguments (without the program name)
// and returns the exit status.
func Main(args []string, env Env) int {
	if env.ReadFile == nil {
		env.ReadFile = scenario.ReadFile
	}
	if env.Folder == nil {
		env.Folder = scenario.FolderOf
	}
	// A scenario read from standard input has no folder: its pictures are
	// not read (as in the Studio, which has the text only).
	folder := env.Folder
	env.Folder = func(name string) fs.FS {
		if name == "-" {
			return nil
		}
		return folder(name)
	}
	if env.WriteFile == nil {
		env.WriteFile = writeFileAtomic
	}
	env.Stdout, env.Stderr = safeWriter{env.Stdout}, safeWriter{env.Stderr}
	if len(args) == 0 {
		fmt.Fprint(env.Stderr, usage)
		return ExitUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "check":
		return runCheck(rest, env)
	case "play":
		return runPlay(rest, env)
	case "explore":
		return runExplore(rest, env)
	case "graph":
		return runGraph(rest, env)
	case "bundle":
		return runBundle(rest, env)
	case "report":
		return runReport(rest, env)
	case "schema":
		return runSchema(rest, env)
	case "version", "-version", "--version":
		return runVersion(rest, env)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(env.Stdout, usage)
		return ExitOK
	}
	msg := fmt.Sprintf("b3: unknown command %q", cmd)
	if s := scenario.Nearest(cmd, []string{"check", "play", "explore", "graph", "bundle", "report", "schema", "version", "help"}); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	}
	fmt.Fprintf(env.Stderr, "%s\n\n%s", msg, usage)
	return ExitUsage
}

// flags makes a flag set that reports errors in the tool's own words.
func flags(name string, env Env) *flag.FlagSet {
	fs := flag.NewFlagSet("b3 "+name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	return fs
}

// parse parses flags (also after the file names, as teachers type them) and
// returns the positional arguments, or false after a usage message.
func parse(fs *flag.FlagSet, args []string, env Env, want string) ([]string, bool) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, false
			}
			fmt.Fprintf(env.Stderr, "run `b3 help` for the commands and their options\n")
			return nil, false
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
	if len(pos) == 0 {
		fmt.Fprintf(env.Stderr, "%s: missing %s\nusage: %s\n", fs.Name(), want, fs.Name()+" [options] "+strings.ToUpper(want))
		return nil, false
	}
	return pos, true
}

// oneFile parses flags and the single scenario file play, explore and
// graph take; false means a usage message was printed.
func oneFile(fs *flag.FlagSet, args []string, env Env) (string, bool) {
	files, ok := parse(fs, args, env, "file")
	if !ok {
		return "", false
	}
	if len(files) != 1 {
		fmt.Fprintf(env.Stderr, "%s: give exactly one scenario file\n", fs.Name())
		return "", false
	}
	return files[0], true
}

// read reads one scenario file; a file that cannot be read is one problem,
// worded as in the game (scenario.ReadProblem).
func read(name string, env Env) ([]byte, scenario.Diagnostics) {
	var data []byte
	var err error
	if name == "-" {
		data, err = readStdin(env.Stdin)
	} else {
		data, err = env.ReadFile(name)
	}
	if err != nil {
		return nil, scenario.Diagnostics{scenario.ReadProblem(name, err)}
	}
	return data, nil
}

// load reads and loads one scenario for play, explore and graph, printing
// its problems. It returns nil when the scenario has errors.
func load(name string, env Env) (*scenario.Scenario, bool) {
	data, problem := read(name, env)
	if problem != nil {
		fmt.Fprint(env.Stderr, problem.String())
		return nil, false
	}
	s, diags := scenario.LoadFS(env.Folder(name), name, data)
	if s == nil {
		fmt.Fprint(env.Stderr, diags.String())
		fmt.Fprintf(env.Stderr, "%s: %s; fix the errors, then try again (b3 check %s)\n", name, diags.Summary(), name)
		return nil, false
	}
	return s, true
}

// readStdin reads a scenario from standard input (the file name "-"),
// through the same limit as a file.
func readStdin(in io.Reader) ([]byte, error) {
	if in == nil {
		return nil, errors.New("there is no standard input")
	}
	data, err := io.ReadAll(io.LimitReader(in, scenario.MaxFileSize+1))
	if err == nil && len(data) > scenario.MaxFileSize {
		return nil, &atomicfile.TooLargeError{Size: -1, Limit: scenario.MaxFileSize}
	}
	return data, err
}

// safeWriter writes what b3 prints with every control character but line
// feed and tab shown as an escape (\x1b, \u009b), so that no text of a
// scenario, file name or save can drive the terminal: set its title, write
// the clipboard, clear or hide text.
type safeWriter struct{ w io.Writer }

func (s safeWriter) Write(p []byte) (int, error) {
	clean := true
	for _, r := range string(p) {
		if r < 0x20 && r != '\n' && r != '\t' || r >= 0x7f && r < 0xa0 {
			clean = false
			break
		}
	}
	if clean {
		return s.w.Write(p)
	}
	var b strings.Builder
	for _, r := range string(p) {
		switch {
		case r < 0x20 && r != '\n' && r != '\t' || r == 0x7f:
			fmt.Fprintf(&b, "\\x%02x", r)
		case r >= 0x80 && r < 0xa0:
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			b.WriteRune(r)
		}
	}
	if _, err := io.WriteString(s.w, b.String()); err != nil {
		return 0, err
	}
	return len(p), nil
}

func readError(err error) string { return scenario.ReadErrorText(err) }

// fileResult is one file's line in `b3 check -json`.
type fileResult struct {
	File     string `json:"file"`
	Errors   int    `json:"errors"`
	Warnings int    `json:"warnings"`
	Events   int    `json:"events"`
	Endings  int    `json:"endings"`
	// History says where the replies marked historical lead.
	History string `json:"historical_path,omitempty"`
}

// checkOne checks the content of one file, as `b3 check` does for each file.
func checkOne(dir fs.FS, name string, data []byte) (fileResult, scenario.Diagnostics) {
	s, diags := check.FileIn(dir, name, data)
	e, w := diags.Count()
	res := fileResult{File: name, Errors: e, Warnings: w}
	if s != nil {
		res.Events, res.Endings = len(s.Events), len(s.Endings)
		res.History = check.HistoricalSummary(s)
	}
	return res, diags
}

// writeCheckJSON prints the report of `b3 check -json`.
func writeCheckJSON(w io.Writer, results []fileResult, all scenario.Diagnostics) {
	errs, warns := all.Count()
	out := struct {
		Files       []fileResult         `json:"files"`
		Errors      int                  `json:"errors"`
		Warnings    int                  `json:"warnings"`
		Diagnostics scenario.Diagnostics `json:"diagnostics"`
	}{results, errs, warns, all}
	if out.Diagnostics == nil {
		out.Diagnostics = scenario.Diagnostics{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(out)
}

func runCheck(args []string, env Env) int {
	fs := flags("check", env)
	asJSON := fs.Bool("json", false, "print the problems as JSON")
	files, ok := parse(fs, args, env, "file")
	if !ok {
		return ExitUsage
	}
	var all scenario.Diagnostics
	var results []fileResult
	for _, name := range files {
		data, problem := read(name, env)
		if problem != nil {
			all = append(all, problem...)
			results = append(results, fileResult{File: name, Errors: 1})
			continue
		}
		res, diags := checkOne(env.Folder(name), name, data)
		results = append(results, res)
		all = append(all, diags...)
	}
	errs, warns := all.Count()
	if *asJSON {
		writeCheckJSON(env.Stdout, results, all)
	} else {
		fmt.Fprint(env.Stdout, all.String())
		for _, r := range results {
			if r.History != "" {
				fmt.Fprintf(env.Stdout, "%s: %s\n", r.File, r.History)
			}
			switch {
			case r.Errors == 0 && r.Warnings == 0:
				fmt.Fprintf(env.Stdout, "%s: ok (%s, %s)\n", r.File, count(r.Events, "event"), count(r.Endings, "ending"))
			default:
				fmt.Fprintf(env.Stdout, "%s: %s\n", r.File, scenario.SummaryOf(r.Errors, r.Warnings))
			}
		}
	}
	if errs+warns > 0 {
		return ExitProblems
	}
	return ExitOK
}

func count(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
