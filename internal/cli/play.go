package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"bigthree/internal/atomicfile"
	"bigthree/internal/rules"
	"bigthree/internal/scenario"
	"bigthree/internal/story"
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
}

func runPlay(args []string, env Env) int {
	fs := flags("play", env)
	save := fs.String("save", "", "keep the game in this save file after every reply, and resume from it if it exists")
	transcript := fs.String("transcript", "", "at the end, write the transcript to this Markdown file (and a .json beside it)")
	student := fs.String("student", "", "the student's name, written in the transcript")
	force := fs.Bool("force", false, "let -transcript replace a file that is not a transcript")
	file, ok := oneFile(fs, args, env)
	if !ok {
		return ExitUsage
	}
	if *transcript != "" {
		if msg := transcriptRefused(*transcript, file, *save, *force); msg != "" {
			fmt.Fprintf(env.Stderr, "b3 play: %s\n", msg)
			return ExitUsage
		}
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
			p.showEvent()
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
		if err := p.r.ChooseIndex(pick.Index); err != nil {
			fmt.Fprintf(p.out, "%v\n", err)
			continue
		}
		p.afterChoice(story.AfterLast(p.r))
		if p.save != "" {
			sv := p.r.Save()
			data := sv.Encode()
			if len(data) > rules.MaxSaveSize {
				// Never write a save that resuming would refuse.
				fmt.Fprintf(env.Stderr, "not saved to %s: the game has grown past the %s a save may hold; the save keeps the game as it was before\n", p.save, atomicfile.SizeText(rules.MaxSaveSize))
			} else if err := p.env.WriteFile(p.save, data); err != nil {
				fmt.Fprintf(env.Stderr, "could not save to %s: %v\n", p.save, err)
			}
		}
	}
	p.showEnding()
	if *transcript != "" {
		t := story.MakeTranscript(p.r, time.Now())
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

// transcriptRefused says why -transcript may not write to name, or "": never
// over the scenario or the save being played (or the .json beside the
// transcript over them), and over an existing file that is not a
// transcript only with -force.
func transcriptRefused(name, scenarioFile, save string, force bool) string {
	jsonName := strings.TrimSuffix(name, ".md") + ".json"
	for _, out := range []string{name, jsonName} {
		for _, in := range []string{scenarioFile, save} {
			if in != "" && in != "-" && sameFile(out, in) {
				return fmt.Sprintf("-transcript %s would write over %s, the file being played: give the transcript another name", name, in)
			}
		}
		if force {
			continue
		}
		if st, err := os.Stat(out); err == nil {
			if !st.Mode().IsRegular() || !isTranscript(out) {
				return fmt.Sprintf("%s already exists and is not a transcript: give another name, or add -force to replace it", out)
			}
		}
	}
	return ""
}

// sameFile reports whether two paths name one file (also through links).
func sameFile(a, b string) bool {
	if filepath.Clean(a) == filepath.Clean(b) {
		return true
	}
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(sa, sb)
}

// isTranscript reports whether a file is one b3 play or the game wrote: a
// Markdown transcript's first line is "# TITLE — transcript", its JSON has
// the fields scenario_hash and steps.
func isTranscript(name string) bool {
	data, err := atomicfile.ReadFile(name, 64<<20)
	if err != nil {
		return false
	}
	if strings.HasSuffix(name, ".json") {
		var probe struct {
			Hash  *string         `json:"scenario_hash"`
			Steps json.RawMessage `json:"steps"`
		}
		return json.Unmarshal(data, &probe) == nil && probe.Hash != nil && probe.Steps != nil
	}
	first, _, _ := bytes.Cut(data, []byte("\n"))
	return bytes.HasPrefix(first, []byte("# ")) && bytes.HasSuffix(bytes.TrimSpace(first), []byte(" — transcript"))
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
	data, err := atomicfile.ReadFile(p.save, rules.MaxSaveSize)
	if errors.Is(err, os.ErrNotExist) {
		return true
	}
	if errors.Is(err, atomicfile.ErrNotRegular) || errors.As(err, new(*atomicfile.TooLargeError)) {
		fmt.Fprintf(p.env.Stderr, "cannot read the save %s: %v\n", p.save, err)
		return false
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

// wrap prints text, paragraph by paragraph, in lines of at most lineWidth.
func (p *player) wrap(text, indent string) { p.wrapParagraphs(story.Paragraphs(text), indent) }

func (p *player) wrapParagraphs(paragraphs []string, indent string) {
	for i, para := range paragraphs {
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

func (p *player) showEvent() {
	d, ok := story.DocumentOf(p.r)
	if !ok {
		return
	}
	fmt.Fprintf(p.out, "\n--- %s ---\n", d.Heading())
	if ft := d.FromTo(); ft != "" {
		fmt.Fprintln(p.out, ft)
	}
	fmt.Fprintf(p.out, "%s\n\n", strings.ToUpper(d.Title))
	p.wrapParagraphs(d.Paragraphs, "")
	for _, l := range d.Lines {
		fmt.Fprintln(p.out)
		pars := append([]string(nil), l.Paragraphs...)
		if len(pars) > 0 {
			pars[0] = l.Name + ": " + pars[0]
		}
		p.wrapParagraphs(pars, "  ")
	}
	if d.Image != nil {
		fmt.Fprintln(p.out)
		p.wrapParagraphs([]string{"[" + d.Image.Words() + "]"}, "")
	}
	if d.Invented {
		fmt.Fprintf(p.out, "\n(%s)\n", d.InventedLine)
	}
	if src := d.SourceLine(); src != "" {
		fmt.Fprintf(p.out, "\n[%s]\n", src)
	}
	if d.Note != nil {
		p.note(d.Note)
	}
}

// note prints a history note: heading, text, source and verdict.
func (p *player) note(n *story.Note) {
	fmt.Fprintf(p.out, "\n%s\n", strings.ToUpper(n.Heading))
	p.wrapParagraphs(n.Paragraphs, "")
	if n.Source != "" {
		fmt.Fprintf(p.out, "[Source: %s]\n", n.Source)
	}
	if n.Verdict != nil {
		fmt.Fprintf(p.out, "(%s)\n", n.Verdict.Aside)
	}
}

// ask shows the replies and reads one. It returns nil to quit, and false when
// the input has ended.
func (p *player) ask() (*story.Reply, bool) {
	d, _ := story.DocumentOf(p.r)
	replies := d.Replies
	fmt.Fprintln(p.out)
	for _, o := range replies {
		if o.Locked {
			fmt.Fprintf(p.out, "  %d. (%s) %s\n", o.Number, strings.ToLower(o.LockedLine[:1])+o.LockedLine[1:], o.Text)
		} else {
			fmt.Fprintf(p.out, "  %d. %s\n", o.Number, o.Text)
		}
	}
	for {
		fmt.Fprintf(p.out, "Your reply (1-%d): ", len(replies))
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
			if len(replies) == 1 && !replies[0].Locked {
				return &replies[0], true
			}
		}
		n, err := strconv.Atoi(line)
		switch {
		case err != nil || n < 1 || n > len(replies):
			fmt.Fprintf(p.out, "Please type a number from 1 to %d (or q to stop).\n", len(replies))
		case replies[n-1].Locked:
			fmt.Fprintln(p.out, replies[n-1].LockedMessage())
		default:
			return &replies[n-1], true
		}
	}
}

// afterChoice prints what the reply led to.
func (p *player) afterChoice(a story.After) {
	if !a.Continued {
		fmt.Fprintf(p.out, "\nYou chose: %s\n", a.Reply)
		for _, re := range a.Reactions {
			fmt.Fprintln(p.out)
			pars := append([]string(nil), re.Paragraphs...)
			if len(pars) > 0 {
				pars[0] = re.Name + ": " + pars[0]
			}
			p.wrapParagraphs(pars, "")
		}
	}
	if n := a.Note; n != nil && !a.NoteOnDesk {
		// A note the desk showed under the document is not said again.
		p.note(n)
	}
	for _, w := range a.Warnings {
		fmt.Fprintf(p.out, "\n%s\n", strings.ToUpper(story.WarningHeading))
		p.wrapParagraphs([]string{w.Text}, "")
	}
	p.meters(true)
}

// meters prints the visible meters, with their move on the last reply
// when changes is set.
func (p *player) meters(changes bool) {
	var parts []string
	for _, m := range story.Meters(p.r) {
		part := fmt.Sprintf("%s %d", m.Label, m.After)
		switch {
		case changes && m.Delta != 0 && m.LowIsGood:
			word := "better"
			if m.Worse() {
				word = "worse"
			}
			part += fmt.Sprintf(" (%+d, %s)", m.Delta, word)
		case changes && m.Delta != 0:
			part += fmt.Sprintf(" (%+d)", m.Delta)
		case m.LowIsGood:
			part += " (" + story.LowerIsBetter + ")"
		}
		if m.Warned {
			part += fmt.Sprintf(" [near %d]", m.Threshold)
		}
		parts = append(parts, part)
	}
	if len(parts) > 0 {
		fmt.Fprintf(p.out, "\nMeters: %s\n", strings.Join(parts, ", "))
	}
}

func (p *player) showEnding() {
	e := story.EndingOf(p.r)
	fmt.Fprintf(p.out, "\n=== THE END: %s ===\n\n", e.Title)
	p.wrapParagraphs(e.Paragraphs, "")
	if len(e.Epilogue) > 0 {
		fmt.Fprintf(p.out, "\n%s\n", strings.ToUpper(story.EpilogueHeading))
		p.wrapParagraphs(e.Epilogue, "")
	}
	if e.Verdict != "" {
		fmt.Fprintf(p.out, "\n%s\n", e.Verdict)
	}
	fmt.Fprintf(p.out, "\n%s\n", strings.ToUpper(e.Voice.PathsHeading()))
	for _, w := range e.Chart.Words() {
		p.wrap(w, "")
	}
	p.meters(false)
}
