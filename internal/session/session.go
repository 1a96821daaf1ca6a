// Package session is what the game does between the screens, without
// drawing anything: the catalogue of shipped scenarios, opening a scenario
// file or the bytes of one into a game or its diagnostics, and the policy
// of saves (one per scenario, in package store): continuing a game,
// asking before a game in progress would be replaced, starting again.
//
// The game (package ui) asks a Session for the next Step and shows it; a
// Step that asks a question is answered with Answer. Everything here is
// tested without a display.
package session

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"bigthree/internal/check"
	"bigthree/internal/rules"
	"bigthree/internal/scenario"
	"bigthree/internal/store"
	"bigthree/scenarios"
)

// Entry is a shipped scenario as the scenario list shows it: loaded once,
// or its diagnostics when it has errors.
type Entry struct {
	Name  string
	S     *scenario.Scenario
	Diags scenario.Diagnostics
}

// LoadCatalog loads every shipped scenario, in the order of scenarios.Names.
func LoadCatalog() []Entry {
	var out []Entry
	for _, name := range scenarios.Names() {
		data, err := scenarios.Read(name)
		e := Entry{Name: name}
		if err != nil {
			e.Diags = scenario.Diagnostics{scenario.ReadProblem(name, err)}
		} else {
			e.S, e.Diags = scenario.LoadFS(scenarios.FS, name, data)
		}
		out = append(out, e)
	}
	return out
}

// Play is a game being played: its scenario, the engine's run and where the
// scenario came from (which is also where its save goes).
type Play struct {
	S      *scenario.Scenario
	Run    *rules.Run
	Origin store.Origin
	// Notice is shown on the desk until the next reply: how a resume went,
	// or what happened to a damaged save.
	Notice string

	hist    *rules.Run
	histOK  bool
	histSet bool
	// unsaved is set once the desk has been told that this game is not
	// being saved, so the notice is not repeated after every reply.
	unsaved bool
}

// NewPlay returns a play of a run.
func NewPlay(s *scenario.Scenario, run *rules.Run, o store.Origin) *Play {
	return &Play{S: s, Run: run, Origin: o}
}

// Historical returns the run of the historical replies, for the debrief,
// worked out the first time it is asked for.
func (p *Play) Historical() (*rules.Run, bool) {
	if !p.histSet {
		p.hist, p.histOK = rules.Historical(p.S, 10000)
		p.histSet = true
	}
	return p.hist, p.histOK
}

// Progress describes how far the play has gone, for its save.
func (p *Play) Progress() store.Progress { return progressOf(p.Run) }

func progressOf(run *rules.Run) store.Progress {
	s := run.Scenario()
	steps := run.Steps()
	var pr store.Progress
	date := s.FirstDate
	switch {
	case run.Event() >= 0:
		date = s.Events[run.Event()].Date
		pr.Document = len(steps) + 1
	case len(steps) > 0:
		date = s.Events[steps[len(steps)-1].Event].Date
		pr.Document = len(steps)
	}
	if !date.IsZero() {
		pr.Date = date.Format(time.DateOnly)
	}
	if e := run.Ending(); e >= 0 {
		pr.Over, pr.Ending = true, s.Endings[e].Title
	}
	return pr
}

// Opened is a scenario read from somewhere: loaded (S), or the diagnostics
// that say why it could not be. A file opened by the player is checked as
// b3 check checks it, so Diags may hold warnings for a scenario that loaded.
type Opened struct {
	// Name is the file name the diagnostics and the errors screen use.
	Name   string
	Origin store.Origin
	S      *scenario.Scenario
	Diags  scenario.Diagnostics
}

// OpenFile reads and loads a scenario file on disk; its origin is the
// file's absolute path.
func OpenFile(p string) Opened {
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	data, err := scenario.ReadFile(p)
	if err != nil {
		return Opened{Name: p, Origin: store.Origin{File: p}, Diags: scenario.Diagnostics{scenario.ReadProblem(p, err)}}
	}
	s, diags := check.FileIn(scenario.FolderOf(p), p, data)
	return Opened{Name: p, Origin: store.Origin{File: p}, S: s, Diags: diags}
}

// OpenData loads the text of a scenario handed over under a file name (a
// file picked or dropped in the browser, which cannot be read again later):
// its origin is the name and the text.
func OpenData(name string, data []byte) Opened { return OpenDataIn(nil, name, data) }

// OpenDataIn is OpenData for a scenario handed over with its folder (the
// files picked or dropped with it, or a zip's): its pictures are read from
// dir. Its origin keeps only the text, so a game continued later plays
// without the pictures.
func OpenDataIn(dir fs.FS, name string, data []byte) Opened {
	s, diags := check.FileIn(dir, name, data)
	return Opened{Name: name, Origin: store.Origin{Name: name, Text: string(data)}, S: s, Diags: diags}
}

// OpenDropped opens the first scenario file (.yaml or .yml) among files
// dropped on the window; ok is false when there is none. A file of the
// disk is opened by its path, so its game continues from the same file.
func OpenDropped(files fs.FS) (op Opened, ok bool) {
	var found string
	_ = fs.WalkDir(files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || found != "" {
			return nil
		}
		ext := strings.ToLower(path.Ext(p))
		if !d.IsDir() && (ext == ".yaml" || ext == ".yml") {
			found = p
		}
		return nil
	})
	if found == "" {
		return Opened{}, false
	}
	f, err := files.Open(found)
	if err != nil {
		return Opened{Name: found, Diags: scenario.Diagnostics{scenario.ReadProblem(found, err)}}, true
	}
	defer f.Close()
	if osf, isFile := f.(*os.File); isFile {
		return OpenFile(osf.Name()), true
	}
	data, err := io.ReadAll(io.LimitReader(f, scenario.MaxFileSize+1))
	if err != nil {
		return Opened{Name: found, Diags: scenario.Diagnostics{scenario.ReadProblem(found, err)}}, true
	}
	dir, err := fs.Sub(files, path.Dir(found))
	if err != nil {
		dir = nil
	}
	return OpenDataIn(dir, found, data), true
}

// NotDropped is what the game says when files without a scenario among them
// are dropped on it.
const NotDropped = "Only scenario files (.yaml) can be dropped on the game."

// Kind says what a Step shows.
type Kind int

// The kinds of Step.
const (
	// Stay keeps the screen on display; Message says why, when it is not empty.
	Stay Kind = iota
	// Errors shows the diagnostics of Opened.
	Errors
	// Show plays Play: the desk, or the ending when its run is over.
	Show
	// Ask asks what to do with the saved game Saved of the scenario
	// Opened; its Question says how, and Answer takes the reply.
	Ask
)

// Step is what the game shows next.
type Step struct {
	Kind    Kind
	Opened  Opened
	Play    *Play
	Saved   *store.Autosave
	Message string
}

// Answer is the player's reply to an Ask step.
type Answer int

// The answers to a question about a saved game.
const (
	// Resume continues the game in progress, or shows the ending of a
	// finished one.
	Resume Answer = iota
	// Restart starts the scenario again, replacing the saved game.
	Restart
	// Cancel leaves everything as it was.
	Cancel
)

// Choice is one answer as a button shows it.
type Choice struct {
	Answer Answer
	ID     string // the button's id in the state hook
	Label  string
}

// Question is an Ask step in words.
type Question struct {
	Title   string
	Text    string
	Choices []Choice
}

// Session holds what outlasts one game: the store of saves and settings and
// the catalogue of shipped scenarios.
type Session struct {
	Store   *store.Store
	Catalog []Entry
}

// New returns a session over a store, with the shipped scenarios loaded.
func New(st *store.Store) *Session { return &Session{Store: st, Catalog: LoadCatalog()} }

// Entry returns the shipped scenario of a file name, or nil.
func (s *Session) Entry(name string) *Entry {
	for i := range s.Catalog {
		if s.Catalog[i].Name == name {
			return &s.Catalog[i]
		}
	}
	return nil
}

// OpenShipped opens a shipped scenario.
func (s *Session) OpenShipped(name string) Opened {
	op := Opened{Name: name, Origin: store.Origin{Embedded: name}}
	if e := s.Entry(name); e != nil {
		op.S, op.Diags = e.S, e.Diags
	}
	return op
}

// errGone says that a shipped scenario is no longer shipped.
var errGone = errors.New("it is no longer part of the game")

// open opens the scenario of an origin again (to continue its game). A
// scenario that cannot be opened at all is an error; one with mistakes is
// returned with its diagnostics.
func (s *Session) open(o store.Origin) (Opened, error) {
	switch {
	case o.Embedded != "":
		if s.Entry(o.Embedded) == nil {
			return Opened{}, errGone
		}
		return s.OpenShipped(o.Embedded), nil
	case o.File != "":
		op := OpenFile(o.File)
		if op.S == nil && len(op.Diags) == 1 && op.Diags[0].Code == "read" {
			return op, errors.New(op.Diags[0].Message)
		}
		return op, nil
	}
	return OpenData(o.Name, []byte(o.Text)), nil
}

// Start is opening a scenario to play it (from the scenario list, a file
// dropped or picked): a new game, unless the scenario already has a saved
// game, which is never replaced without asking.
func (s *Session) Start(op Opened) Step {
	if op.S == nil {
		return Step{Kind: Errors, Opened: op}
	}
	sv, problem := s.Store.Autosave(op.Origin)
	if sv != nil {
		return Step{Kind: Ask, Opened: op, Saved: sv}
	}
	st := s.startNew(op)
	st.Play.Notice = problem
	return st
}

// StartOrResume is opening the scenario given on the command line: its game
// in progress continues at once (that is what starting the game with the
// file means); a finished one asks whether to see the ending or play again.
func (s *Session) StartOrResume(op Opened) Step {
	if op.S == nil {
		return Step{Kind: Errors, Opened: op}
	}
	sv, problem := s.Store.Autosave(op.Origin)
	switch {
	case sv == nil:
		st := s.startNew(op)
		st.Play.Notice = problem
		return st
	case sv.Progress.Over || !fits(op, sv):
		return Step{Kind: Ask, Opened: op, Saved: sv}
	}
	if st := s.resume(op, sv); st.Kind == Show {
		return st
	}
	return Step{Kind: Ask, Opened: op, Saved: sv}
}

// fits reports whether a save belongs to the opened scenario (a file's
// content may since have been replaced by another scenario).
func fits(op Opened, sv *store.Autosave) bool { return op.S != nil && sv.Save.Scenario == op.S.ID }

// Question puts an Ask step in words.
func (st Step) Question() Question {
	sv := st.Saved
	title := st.Opened.S.Title
	switch {
	case !fits(st.Opened, sv):
		return Question{
			Title: "A saved game that no longer fits",
			Text: fmt.Sprintf("The saved game of %s belongs to another scenario (%q), so it cannot be continued with this one. Starting this scenario replaces that saved game.",
				st.Opened.Origin, sv.Save.Scenario),
			Choices: []Choice{{Restart, "start-again", "Start " + title}, {Cancel, "cancel", "Cancel"}},
		}
	case sv.Progress.Over:
		return Question{
			Title:   "You have finished this scenario",
			Text:    finishedText(title, sv.Progress.Ending),
			Choices: []Choice{{Resume, "see-ending", "See the ending"}, {Restart, "play-again", "Play again"}, {Cancel, "cancel", "Cancel"}},
		}
	}
	return Question{
		Title:   "A game in progress",
		Text:    fmt.Sprintf("You have a game of “%s” in progress: %s. Starting again replaces it with a new game.", title, Where(sv)),
		Choices: []Choice{{Resume, "continue", "Continue it"}, {Restart, "start-again", "Start again"}, {Cancel, "cancel", "Cancel"}},
	}
}

func finishedText(title, ending string) string {
	if ending == "" {
		return fmt.Sprintf("Your game of “%s” has ended. Playing again replaces it with a new game.", title)
	}
	return fmt.Sprintf("Your game of “%s” ended: “%s”. Playing again replaces it with a new game.", title, ending)
}

// Answer carries out the player's reply to an Ask step.
func (s *Session) Answer(q Step, a Answer) Step {
	switch a {
	case Resume:
		if !fits(q.Opened, q.Saved) {
			return Step{Kind: Stay}
		}
		return s.resume(q.Opened, q.Saved)
	case Restart:
		return s.startNew(q.Opened)
	}
	return Step{Kind: Stay}
}

// Continue continues a saved game from the Continue list: it opens the
// game's scenario again and replays the saved replies.
func (s *Session) Continue(sv *store.Autosave) Step {
	op, err := s.open(sv.Origin)
	if err != nil {
		return Step{Kind: Stay, Message: fmt.Sprintf("The scenario of your saved game (%s) cannot be opened: %v.", sv.Origin, strings.TrimSuffix(err.Error(), "."))}
	}
	if op.S == nil {
		return Step{Kind: Errors, Opened: op}
	}
	return s.resume(op, sv)
}

// Restart is Play again at the end of a game: the same scenario from the
// start, replacing the finished game's save.
func (s *Session) Restart(p *Play) Step {
	return s.startNew(Opened{Name: p.Origin.String(), Origin: p.Origin, S: p.S})
}

// startNew starts a new game of a loaded scenario and saves it at once (so
// it shows under Continue even before the first reply).
func (s *Session) startNew(op Opened) Step {
	p := NewPlay(op.S, rules.New(op.S), op.Origin)
	st := Step{Kind: Show, Play: p}
	st.Message = s.Autosave(p)
	return st
}

// resume replays a saved game on its scenario.
func (s *Session) resume(op Opened, sv *store.Autosave) Step {
	run, report, err := rules.Resume(op.S, sv.Save)
	if err != nil {
		return Step{Kind: Stay, Message: "Your saved game could not be continued: " + err.Error() + "."}
	}
	p := NewPlay(op.S, run, op.Origin)
	if report.Changed || !report.Complete() {
		p.Notice = "Resumed: " + report.String() + "."
	}
	return Step{Kind: Show, Play: p}
}

// Autosave writes the play's save (its scenario's own, replacing only that).
// It returns a sentence for the player when that failed; nothing when saves
// are off (the player has been told so already).
func (s *Session) Autosave(p *Play) (problem string) {
	if p == nil || s.Store == nil {
		return ""
	}
	if err := s.Store.WriteAutosave(p.Origin, p.Run.Save(), p.Progress()); err != nil && s.Store.Off == "" {
		problem = "The game could not be saved: " + err.Error() + "."
		if !p.unsaved {
			// On the desk too: the title page's message is not seen while
			// playing, and the player must not believe the game is kept.
			p.unsaved = true
			p.Notice = strings.TrimSpace(p.Notice + " " + problem)
		}
		return problem
	}
	p.unsaved = false
	return ""
}

// Saved returns the saved game of a scenario, or nil; problem says what
// happened to a damaged one.
func (s *Session) Saved(o store.Origin) (sv *store.Autosave, problem string) {
	return s.Store.Autosave(o)
}

// InProgress lists the games in progress for Continue, the most recently
// played first (finished games are offered when their scenario is chosen
// again); problems say what happened to damaged saves.
func (s *Session) InProgress() (list []*store.Autosave, problems []string) {
	all, problems := s.Store.Autosaves()
	for _, sv := range all {
		if !sv.Progress.Over {
			list = append(list, sv)
		}
	}
	return list, problems
}

// Migrate moves a save of the old single-slot layout into the new one (see
// store.Store.Migrate), working out its progress from its scenario when the
// scenario can still be opened.
func (s *Session) Migrate() string {
	return s.Store.Migrate(func(sv *store.Autosave) store.Progress {
		pr := store.Progress{Document: len(sv.Save.Choices) + 1}
		op, err := s.open(sv.Origin)
		if err != nil || op.S == nil {
			return pr
		}
		run, _, err := rules.Resume(op.S, sv.Save)
		if err != nil {
			return pr
		}
		return progressOf(run)
	})
}

// Describe sums up a saved game for the Continue list: the scenario's
// title, the date in the story and how far the player is ("The Big Three,
// 19 August 1943, document 23"), or the ending of a finished game.
func Describe(sv *store.Autosave) string {
	title := sv.Save.Title
	if title == "" {
		title = sv.Origin.String()
	}
	if w := Where(sv); w != "" {
		return title + ", " + w
	}
	return title
}

// Where is how far a saved game has gone: "19 August 1943, document 23", or
// "finished (The ending's title)".
func Where(sv *store.Autosave) string {
	if sv.Progress.Over {
		if sv.Progress.Ending != "" {
			return "finished (" + sv.Progress.Ending + ")"
		}
		return "finished"
	}
	var parts []string
	if d, err := time.Parse(time.DateOnly, sv.Progress.Date); err == nil {
		parts = append(parts, d.Format("2 January 2006"))
	}
	if sv.Progress.Document > 0 {
		parts = append(parts, fmt.Sprintf("document %d", sv.Progress.Document))
	}
	return strings.Join(parts, ", ")
}

// Bench starts the performance-measurement mode: a new game of the file
// given (or the default shipped scenario), with saves off.
func Bench(catalog []Entry, file string) (*Session, Step) {
	s := &Session{Store: store.New(store.NewMemory(), "Saves are off in bench mode."), Catalog: catalog}
	op := s.OpenShipped(scenarios.Default())
	if file != "" {
		op = OpenFile(file)
	}
	if op.S == nil {
		return s, Step{Kind: Errors, Opened: op}
	}
	return s, Step{Kind: Show, Play: NewPlay(op.S, rules.New(op.S), op.Origin)}
}
