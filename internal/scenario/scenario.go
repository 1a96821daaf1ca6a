// Package scenario holds the scenario model of bigthree and its loader.
//
// A scenario is one YAML file written by a teacher. Load turns it into a
// Scenario and a list of Diagnostics (file:line:col: message) that say exactly
// where and what is wrong. Nothing here imports ebiten: the loader runs in the
// teachers' command-line tool, in tests without a display and in the game.
package scenario

import (
	"time"
)

// FormatVersion is the newest scenario format this program understands.
const FormatVersion = 1

// Pos is a position in the scenario file, 1-based.
type Pos struct {
	Line, Col int
}

// Scenario is a loaded, cross-referenced and type-checked scenario.
type Scenario struct {
	File     string // the name the scenario was loaded under, for messages
	Format   int
	ID       string
	Title    string
	Period   string
	Summary  string
	Language string
	Player   int // character index, or -1
	// Labels are the scenario's own words for what the game calls the
	// historical record; Load fills in every default.
	Labels Labels

	Characters []Character
	Meters     []Meter
	Flags      []Flag
	Sources    []Source
	// Glossary explains the words a student may not know, in file order.
	Glossary []GlossaryEntry
	Start    Target
	Events   []Event
	Triggers []Trigger
	Endings  []Ending

	// Hash is the hex FNV-1a 128-bit hash of the normalised file content (BOM
	// removed, CRLF turned into LF). Saves carry it so a changed scenario is
	// noticed. It guards against edits, not forgery, so a cryptographic hash
	// (and the crypto code it would add to the browser build) is not needed.
	Hash string

	// FirstDate and LastDate bound the events' dates, for the timeline ribbon.
	FirstDate, LastDate time.Time

	eventByID     map[string]int
	endingByID    map[string]int
	meterByID     map[string]int
	flagByID      map[string]int
	characterByID map[string]int
	sourceByID    map[string]int

	// texts holds the compiled texts that have markers, by their text;
	// textRefs what their markers refer to (markers.go).
	texts    map[string]*markedText
	textRefs TextRefs
}

// Labels are how a scenario names the historical record in the game, the
// terminal player and the transcripts, so that nothing in the code assumes
// who the player is.
type Labels struct {
	// History heads the note on what really happened, shown after each
	// reply ("In history").
	History string
	// Comparison names whoever made the historical choices, in phrases such
	// as "You chose as Kennedy did" and "Kennedy's path". Load defaults
	// it to the player character's short name; it stays empty when the
	// scenario has no player, and the game then speaks of "history".
	Comparison string
}

// DefaultHistoryLabel is the heading of the history note when a scenario
// does not choose its own.
const DefaultHistoryLabel = "In history"

// Character is someone who writes or receives documents.
type Character struct {
	ID   string
	Name string
	// Short is the name used in running text ("Kennedy"); Load sets it to
	// Name when the scenario gives none.
	Short  string
	Role   string
	Color  string // "#rrggbb"; empty means the game picks one from its palette
	Emblem string // one of Emblems
	// Portrait is the character's picture by mood; its zero value means
	// none (the emblem stands in).
	Portrait Portrait
	Pos      Pos
}

// Emblems lists the emblem names a character may use; the first is the default.
var Emblems = []string{"monogram", "star", "eagle", "lion", "shield", "dove"}

// Meter is a bounded whole number the player's replies move, such as a trust meter.
type Meter struct {
	ID     string
	Label  string
	Start  int
	Min    int
	Max    int
	Hidden bool
	// LowIsGood is set by `good: low`: the meter measures something bad
	// (pressure, danger), so a fall is good news and a rise bad, in the
	// bars, the arrows and the debrief.
	LowIsGood bool
	Pos       Pos
}

// Flag is a yes/no fact of the story, false at the start.
type Flag struct {
	ID  string
	Pos Pos
}

// Source is a citation that events and history notes refer to.
type Source struct {
	ID   string
	Text string
	URL  string
	Pos  Pos
}

// GlossaryEntry is one term of the glossary and what it means.
type GlossaryEntry struct {
	Term       string
	Definition string
	Pos        Pos
}

// Kind is the kind of document an event is drawn as.
type Kind string

// The document kinds.
const (
	Letter   Kind = "letter"
	Telegram Kind = "telegram"
	Meeting  Kind = "meeting"
	Report   Kind = "report"
	News     Kind = "news"
)

// Kinds lists the document kinds, the default first.
var Kinds = []Kind{Letter, Telegram, Meeting, Report, News}

// TargetKind says what a Target points at.
type TargetKind uint8

// The target kinds. TargetDefault means "not given": the default applies.
const (
	TargetDefault TargetKind = iota
	TargetEvent
	TargetEnding
	TargetEnd // pick the ending by the endings' conditions
)

// Target is where the story goes next.
type Target struct {
	Kind  TargetKind
	Index int // event or ending index
	Pos   Pos
}

// EndName is the `next` value that means "go to the endings".
const EndName = "end"

// Event is one document the player reads, with the replies they may give.
type Event struct {
	ID    string
	Date  time.Time
	Kind  Kind
	From  int // character index or -1
	To    int // character index or -1
	Place string
	Title string
	Text  string
	// Lines are the speakers' lines of a meeting's record, in order.
	Lines []Line
	// Image is a photograph or map shown with the document, or nil.
	Image  *EventImage
	Source int // source index or -1
	// Invented marks a document made up for a branch of the story, one that
	// no archive holds; the game labels it so, and cites Source only as
	// "compare". InventedNote, when given, says what really happened instead.
	Invented      bool
	InventedNote  string
	If            *Cond
	History       string
	HistorySource int // source index or -1
	Next          Target
	Choices       []Choice
	// Effects, Set and Clear apply when the player continues from an event
	// without choices.
	Effects []Effect
	Set     []int
	Clear   []int
	Pos     Pos
}

// Choice is one reply the player may pick.
type Choice struct {
	ID         string
	Text       string
	If         *Cond
	Locked     string // when non-empty and If is false, the reply is shown greyed with this reason
	Effects    []Effect
	Set        []int
	Clear      []int
	Reactions  []Reaction
	Historical bool
	Next       Target
	Pos        Pos
}

// Reaction is what a character says after a reply.
type Reaction struct {
	Character int
	Text      string
}

// EffectOp is how an effect changes a meter.
type EffectOp uint8

// The effect operations.
const (
	Add      EffectOp = iota // +N or -N
	FairUp                   // %+N: N percent of the distance to the maximum
	FairDown                 // %-N: N percent of the distance to the minimum
	SetTo                    // =N
)

// Effect changes one meter.
type Effect struct {
	Meter  int
	Op     EffectOp
	Amount int
}

// Trigger jumps the story when its condition becomes true after a choice.
type Trigger struct {
	If   *Cond
	Goto Target
	// Warning is what the game says, in the story's voice, when the
	// trigger is one reply from firing; "" means the game builds a line
	// from the meters' labels.
	Warning string
	Pos     Pos
}

// Ending closes the story.
type Ending struct {
	ID         string
	If         *Cond // nil for a fallback ending
	Title      string
	Text       string
	Epilogue   string
	Historical bool
	Pos        Pos
}

// EventIndex returns the index of the event with the given id, or -1.
func (s *Scenario) EventIndex(id string) int { return lookup(s.eventByID, id) }

// EndingIndex returns the index of the ending with the given id, or -1.
func (s *Scenario) EndingIndex(id string) int { return lookup(s.endingByID, id) }

// MeterIndex returns the index of the meter with the given id, or -1.
func (s *Scenario) MeterIndex(id string) int { return lookup(s.meterByID, id) }

// FlagIndex returns the index of the flag with the given id, or -1.
func (s *Scenario) FlagIndex(id string) int { return lookup(s.flagByID, id) }

// CharacterIndex returns the index of the character with the given id, or -1.
func (s *Scenario) CharacterIndex(id string) int { return lookup(s.characterByID, id) }

// SourceIndex returns the index of the source with the given id, or -1.
func (s *Scenario) SourceIndex(id string) int { return lookup(s.sourceByID, id) }

func lookup(m map[string]int, id string) int {
	if i, ok := m[id]; ok {
		return i
	}
	return -1
}

// ChoiceIndex returns the index of the choice with the given id in event e, or -1.
func (e *Event) ChoiceIndex(id string) int {
	for i := range e.Choices {
		if e.Choices[i].ID == id {
			return i
		}
	}
	return -1
}

// HistoricalChoice returns the index of the reply marked historical, or -1.
func (e *Event) HistoricalChoice() int {
	for i := range e.Choices {
		if e.Choices[i].Historical {
			return i
		}
	}
	return -1
}

// Resolve returns where a choice (or, with choice < 0, the event itself) leads
// when the story moves on from event ev without a trigger: the choice's next,
// else the event's next, else the following event, else the endings.
func (s *Scenario) Resolve(ev, choice int) Target {
	e := &s.Events[ev]
	if choice >= 0 && e.Choices[choice].Next.Kind != TargetDefault {
		return e.Choices[choice].Next
	}
	if e.Next.Kind != TargetDefault {
		return e.Next
	}
	return s.following(ev)
}

// Skip returns where the story goes when event ev is skipped because its
// condition is false: its next, else the following event.
func (s *Scenario) Skip(ev int) Target {
	if n := s.Events[ev].Next; n.Kind != TargetDefault {
		return n
	}
	return s.following(ev)
}

func (s *Scenario) following(ev int) Target {
	if ev+1 < len(s.Events) {
		return Target{Kind: TargetEvent, Index: ev + 1}
	}
	return Target{Kind: TargetEnd}
}

// TargetName names a target as a scenario writer would: an event or ending id, or "end".
func (s *Scenario) TargetName(t Target) string {
	switch t.Kind {
	case TargetEvent:
		return s.Events[t.Index].ID
	case TargetEnding:
		return s.Endings[t.Index].ID
	case TargetEnd:
		return EndName
	}
	return ""
}

// SourceText returns the citation of source i, or "" when i < 0.
func (s *Scenario) SourceText(i int) string {
	if i < 0 || i >= len(s.Sources) {
		return ""
	}
	return s.Sources[i].Text
}

// HistorySourceIndex returns the source of event ev's history note: its own
// history_source, else the event's source.
func (s *Scenario) HistorySourceIndex(ev int) int {
	e := &s.Events[ev]
	if e.HistorySource >= 0 {
		return e.HistorySource
	}
	return e.Source
}
