package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"bigthree/internal/atomicfile"
	"bigthree/internal/rules"
	"bigthree/internal/scenario"
)

const lineWidth = 78

func writeFileAtomic(name string, data []byte) error { return atomicfile.WriteFile(name, data, 0o644) }

// player plays a scenario in the terminal: plain text, no colours or cursor
// tricks, so it also works with a screen reader and from a script.
type player struct {
	s    *scenario.Scenario
	r    *rules.Run
	in   *bufio.Scanner
	out  io.Writer
	env  Env
	save string
	opts []rules.Option
}

func runPlay(args []string, env Env) int {
	fs := flags("play", env)
	save := fs.String("save", "", "keep the game in this save file after every reply, and resume from it if it exists")
	transcript := fs.String("transcript", "", "at the end, write the transcript to this Markdown file (and a .json beside it)")
	student := fs.String("student", "", "the student's name, written in the transcript")
	file, ok := oneFile(fs, args, env)
	if !ok {
		return ExitUsage
	}
	s, ok := load(file, env)
	if !ok {
		return ExitProblems
	}
	p := &player{s: s, r: rules.New(s), in: bufio.NewScanner(env.Stdin), out: env.Stdout, env: env, save: *save}
	p.in.Buffer(make([]byte, 4096), 1<<20)
	p.intro()
	if p.save != "" && !p.resume() {
		return ExitProblems
	}
	shown := -2
	for !p.r.Over() {
		if ev := p.r.Event(); ev != shown {
			p.showEvent(ev)
			shown = ev
		}
		pick, ok := p.ask()
		if !ok {
			fmt.Fprintln(p.out, "\n(The input ended before the story did.)")
			return ExitProblems
		}
		if pick == nil {
			fmt.Fprintln(p.out, "Goodbye.")
			return ExitOK
		}
		before := p.r.Event()
		if err := p.r.ChooseIndex(pick.Index); err != nil {
			fmt.Fprintf(p.out, "%v\n", err)
			continue
		}
		p.afterChoice(before, pick.Index)
		if p.save != "" {
			sv := p.r.Save()
			if err := p.env.WriteFile(p.save, sv.Encode()); err != nil {
				fmt.Fprintf(env.Stderr, "could not save to %s: %v\n", p.save, err)
			}
		}
	}
	p.showEnding()
	if *transcript != "" {
		t := rules.MakeTranscript(p.r, time.Now())
		t.Student = *student
		jsonName := strings.TrimSuffix(*transcript, ".md") + ".json"
		if err := env.WriteFile(*transcript, t.Markdown(s)); err != nil {
			fmt.Fprintf(env.Stderr, "could not write the transcript: %v\n", err)
			return ExitProblems
		}
		if err := env.WriteFile(jsonName, t.JSON()); err != nil {
			fmt.Fprintf(env.Stderr, "could not write the transcript: %v\n", err)
			return ExitProblems
		}
		fmt.Fprintf(p.out, "Transcript written to %s and %s.\n", *transcript, jsonName)
	}
	return ExitOK
}

func (p *player) intro() {
	s := p.s
	fmt.Fprintf(p.out, "%s\n%s\n", s.Title, strings.Repeat("=", min(lineWidth, len([]rune(s.Title)))))
	if s.Period != "" {
		fmt.Fprintln(p.out, s.Period)
	}
	if s.Summary != "" {
		p.wrap(s.Summary, "")
	}
	fmt.Fprintln(p.out, "\nType the number of a reply and press Enter. Type q to stop, m to see the meters.")
	p.meters(false)
}

func (p *player) resume() bool {
	data, err := os.ReadFile(p.save)
	if errors.Is(err, os.ErrNotExist) {
		return true
	}
	if err != nil {
		fmt.Fprintf(p.env.Stderr, "cannot read the save %s: %s\n", p.save, readError(err))
		return false
	}
	sv, err := rules.DecodeSave(data)
	if err != nil {
		fmt.Fprintf(p.env.Stderr, "%s: %v\n", p.save, err)
		return false
	}
	r, rep, err := rules.Resume(p.s, sv)
	if err != nil {
		fmt.Fprintf(p.env.Stderr, "%s: %v\n", p.save, err)
		return false
	}
	p.r = r
	fmt.Fprintf(p.out, "\n(Save %s: %s.)\n", p.save, rep)
	return true
}

func (p *player) wrap(text, indent string) {
	for i, para := range paragraphs(text) {
		if i > 0 {
			fmt.Fprintln(p.out)
		}
		line := indent
		for _, w := range strings.Fields(para) {
			if len([]rune(line))+len([]rune(w))+1 > lineWidth && strings.TrimSpace(line) != "" {
				fmt.Fprintln(p.out, strings.TrimRight(line, " "))
				line = indent
			}
			line += w + " "
		}
		if strings.TrimSpace(line) != "" {
			fmt.Fprintln(p.out, strings.TrimRight(line, " "))
		}
	}
}

// paragraphs splits text at blank lines.
func paragraphs(text string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(text, "\r", ""), "\n\n") {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return out
}

func (p *player) name(c int) string {
	if c < 0 {
		return ""
	}
	return p.s.Characters[c].Name
}

func (p *player) showEvent(ev int) {
	e := &p.s.Events[ev]
	head := []string{e.Date.Format("2 January 2006"), titleCase(string(e.Kind))}
	if e.Place != "" {
		head = append(head, e.Place)
	}
	fmt.Fprintf(p.out, "\n--- %s ---\n", strings.Join(head, ", "))
	switch {
	case e.From >= 0 && e.To >= 0:
		fmt.Fprintf(p.out, "From %s to %s\n", p.name(e.From), p.name(e.To))
	case e.From >= 0:
		fmt.Fprintf(p.out, "From %s\n", p.name(e.From))
	}
	fmt.Fprintf(p.out, "%s\n\n", strings.ToUpper(e.Title))
	p.wrap(e.Text, "")
	if src := p.s.SourceText(e.Source); src != "" {
		fmt.Fprintf(p.out, "\n[Source: %s]\n", src)
	}
}

func titleCase(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// ask shows the replies and reads one. It returns nil to quit, and false when
// the input has ended.
func (p *player) ask() (*rules.Option, bool) {
	p.opts = p.r.Options(p.opts)
	fmt.Fprintln(p.out)
	for i, o := range p.opts {
		if o.Locked {
			fmt.Fprintf(p.out, "  %d. (locked: %s) %s\n", i+1, o.Reason, o.Text)
		} else {
			fmt.Fprintf(p.out, "  %d. %s\n", i+1, o.Text)
		}
	}
	for {
		fmt.Fprintf(p.out, "Your reply (1-%d): ", len(p.opts))
		if !p.in.Scan() {
			return nil, false
		}
		line := strings.TrimSpace(p.in.Text())
		switch strings.ToLower(line) {
		case "q", "quit", "exit":
			return nil, true
		case "m", "meters":
			p.meters(false)
			continue
		case "":
			if len(p.opts) == 1 && !p.opts[0].Locked {
				return &p.opts[0], true
			}
		}
		n, err := strconv.Atoi(line)
		switch {
		case err != nil || n < 1 || n > len(p.opts):
			fmt.Fprintf(p.out, "Please type a number from 1 to %d (or q to stop).\n", len(p.opts))
		case p.opts[n-1].Locked:
			fmt.Fprintf(p.out, "That reply is locked: %s\n", p.opts[n-1].Reason)
		default:
			return &p.opts[n-1], true
		}
	}
}

func (p *player) afterChoice(ev, choice int) {
	e := &p.s.Events[ev]
	if choice >= 0 {
		c := &e.Choices[choice]
		fmt.Fprintf(p.out, "\nYou chose: %s\n", c.Text)
		for _, re := range c.Reactions {
			fmt.Fprintln(p.out)
			p.wrap(p.name(re.Character)+": "+re.Text, "")
		}
	}
	if e.History != "" {
		fmt.Fprintln(p.out, "\nIN HISTORY")
		p.wrap(e.History, "")
		if src := p.s.SourceText(p.s.HistorySourceIndex(ev)); src != "" {
			fmt.Fprintf(p.out, "[Source: %s]\n", src)
		}
		if h := e.HistoricalChoice(); h >= 0 && choice >= 0 {
			if h == choice {
				fmt.Fprintln(p.out, "(Your reply matches Roosevelt's.)")
			} else {
				fmt.Fprintf(p.out, "(Roosevelt's reply: %s)\n", e.Choices[h].Text)
			}
		}
	}
	p.meters(true)
}

func (p *player) meters(changes bool) {
	var parts []string
	for i, m := range p.s.Meters {
		if m.Hidden {
			continue
		}
		part := fmt.Sprintf("%s %d", m.Label, p.r.Meter(i))
		if d := p.r.Change(i); changes && d != 0 {
			part += fmt.Sprintf(" (%+d)", d)
		}
		parts = append(parts, part)
	}
	if len(parts) > 0 {
		fmt.Fprintf(p.out, "\nMeters: %s\n", strings.Join(parts, ", "))
	}
}

func (p *player) showEnding() {
	e := &p.s.Endings[p.r.Ending()]
	fmt.Fprintf(p.out, "\n=== THE END: %s ===\n\n", e.Title)
	p.wrap(e.Text, "")
	if e.Epilogue != "" {
		fmt.Fprintln(p.out, "\nWHAT REALLY HAPPENED")
		p.wrap(e.Epilogue, "")
	}
	t := rules.MakeTranscript(p.r, time.Time{})
	if t.Decisions > 0 {
		fmt.Fprintf(p.out, "\nYour replies matched Roosevelt's in %d of %d decisions.\n", t.Matches, t.Decisions)
	}
	p.meters(false)
}
