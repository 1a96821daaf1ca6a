package scenario

import (
	"fmt"
)

// Loading runs in passes over one file:
//
//  1. prepare (text.go): the bytes themselves: size, encoding, line ends, tabs;
//  2. parseYAML (yaml.go): the YAML text into nodes, with the YAML library's
//     errors explained;
//  3. parse (parse.go): the nodes into a raw model, every value checked for
//     its own shape and kept with its position, every reference still a name;
//  4. resolve (resolve.go): the ids of each kind indexed once, then the
//     references, conditions and effects resolved against them.
//
// The graph checks (package check) run after, on the loaded Scenario.

// MaxChoices is the most replies an event may offer: the keys 1 to 9 pick them.
const MaxChoices = 9

// loader carries one load through its passes.
type loader struct {
	file  string
	diags Diagnostics
	s     *Scenario
	raw   raw
	ix    indexes
	ex    examples
	env   *condEnv
	src   sourceLines // the normalised text, for messages that look at a line again
	// The texts with markers, and the normalised file text with its line
	// starts, to place a problem inside a text (markers.go).
	marked    []rawText
	srcText   string
	textLines []int
}

// Load reads a scenario from the bytes of a YAML file. name is used in
// messages (normally the path the teacher gave). It returns every problem
// found, each with its source line; the scenario is nil when any of them is
// an error.
func Load(name string, data []byte) (*Scenario, Diagnostics) {
	l := &loader{file: name, s: &Scenario{File: name, Player: -1}}
	text, ok := l.prepare(data)
	if ok {
		l.s.Hash = hashOf(text)
		l.srcText = string(text)
		if root, ok := l.parseYAML(text); ok && l.checkUntrusted(root) && l.parse(root) {
			l.resolve()
		}
	}
	l.diags.Sort()
	l.diags.AddSource(data)
	if l.diags.HasErrors() {
		return nil, l.diags
	}
	return l.s, l.diags
}

func (l *loader) at(p Pos, sev Severity, code, msg string) {
	l.diags = append(l.diags, Diagnostic{File: l.file, Line: p.Line, Col: p.Col, Severity: sev, Code: code, Message: msg})
}

// key names one key of a scenario file. All parts of a file share one set of
// keys, so that what events, endings and replies have in common (an id, a
// title and text, a condition, effects) is read by the same code.
type key uint8

// The keys, in no particular order; each part lists its own in the order the
// guide explains them.
const (
	keyFormat key = iota
	keyID
	keyTitle
	keyPeriod
	keySummary
	keyLanguage
	keyPlayer
	keyLabels
	keyCharacters
	keyMeters
	keyFlags
	keySources
	keyGlossary
	keyStart
	keyEvents
	keyTriggers
	keyEndings
	keyName
	keyShort
	keyRole
	keyColor
	keyEmblem
	keyHistory
	keyComparison
	keyLabel
	keyMin
	keyMax
	keyHidden
	keyText
	keyURL
	keyDate
	keyKind
	keyFrom
	keyTo
	keyPlace
	keySource
	keyInvented
	keyIf
	keyHistorySource
	keyNext
	keyChoices
	keyEffects
	keySet
	keyClear
	keyLocked
	keyReactions
	keyHistorical
	keyGoto
	keyEpilogue
	keyWarning
	keyGood
	keyLines
	keySpeaker
	keyPortrait
	keyImage
	keyFile
	keyAlt
	keyCaption
	keyNeutral
	keyPleased
	keyDispleased
	numKeys
)

var keyNames = [numKeys]string{
	keyFormat: "format", keyID: "id", keyTitle: "title", keyPeriod: "period", keySummary: "summary",
	keyLanguage: "language", keyPlayer: "player", keyLabels: "labels", keyCharacters: "characters",
	keyMeters: "meters", keyFlags: "flags", keySources: "sources", keyGlossary: "glossary",
	keyStart: "start", keyEvents: "events", keyTriggers: "triggers", keyEndings: "endings",
	keyName: "name", keyShort: "short", keyRole: "role", keyColor: "color", keyEmblem: "emblem",
	keyHistory: "history", keyComparison: "comparison", keyLabel: "label", keyMin: "min",
	keyMax: "max", keyHidden: "hidden", keyText: "text", keyURL: "url", keyDate: "date",
	keyKind: "kind", keyFrom: "from", keyTo: "to", keyPlace: "place", keySource: "source",
	keyInvented: "invented", keyIf: "if", keyHistorySource: "history_source", keyNext: "next",
	keyChoices: "choices", keyEffects: "effects", keySet: "set", keyClear: "clear",
	keyLocked: "locked", keyReactions: "reactions", keyHistorical: "historical", keyGoto: "goto",
	keyEpilogue: "epilogue", keyWarning: "warning", keyGood: "good",
	keyLines: "lines", keySpeaker: "speaker", keyPortrait: "portrait", keyImage: "image", keyFile: "file",
	keyAlt: "alt", keyCaption: "caption", keyNeutral: "neutral", keyPleased: "pleased", keyDispleased: "displeased",
}

var keyByName = func() map[string]key {
	m := make(map[string]key, numKeys)
	for k, name := range keyNames {
		m[name] = key(k)
	}
	return m
}()

func (k key) String() string { return keyNames[k] }

// part is one part of a scenario file (the top level, a character, an
// event...) and the keys it accepts.
type part struct {
	keys    []key
	names   []string // the keys' names, in the same order, for messages
	allowed [numKeys]bool
}

func newPart(keys ...key) *part {
	p := &part{keys: keys}
	for _, k := range keys {
		p.names = append(p.names, k.String())
		p.allowed[k] = true
	}
	return p
}

// The parts of a scenario, each with its keys in the order the guide explains them.
var (
	rootPart      = newPart(keyFormat, keyID, keyTitle, keyPeriod, keySummary, keyLanguage, keyPlayer, keyLabels, keyCharacters, keyMeters, keyFlags, keySources, keyGlossary, keyStart, keyEvents, keyTriggers, keyEndings)
	characterPart = newPart(keyName, keyShort, keyRole, keyColor, keyEmblem, keyPortrait)
	labelsPart    = newPart(keyHistory, keyComparison)
	meterPart     = newPart(keyLabel, keyStart, keyMin, keyMax, keyGood, keyHidden)
	sourcePart    = newPart(keyText, keyURL)
	eventPart     = newPart(keyID, keyDate, keyKind, keyFrom, keyTo, keyPlace, keyTitle, keyText, keyLines, keyImage, keySource, keyInvented, keyIf, keyHistory, keyHistorySource, keyNext, keyChoices, keyEffects, keySet, keyClear)
	choicePart    = newPart(keyID, keyText, keyIf, keyLocked, keyEffects, keySet, keyClear, keyReactions, keyHistorical, keyNext)
	triggerPart   = newPart(keyIf, keyGoto, keyWarning)
	endingPart    = newPart(keyID, keyIf, keyTitle, keyText, keyEpilogue, keyHistorical)
)

// KnownKeys returns the keys each part of a scenario accepts, by part:
// scenario, labels, character, meter, source, event, choice, trigger,
// ending. The JSON Schema test compares them with scenarios/schema.json so
// the two cannot drift apart.
func KnownKeys() map[string][]string {
	return map[string][]string{
		"scenario": rootPart.names, "labels": labelsPart.names, "character": characterPart.names, "meter": meterPart.names, "source": sourcePart.names,
		"event": eventPart.names, "choice": choicePart.names, "trigger": triggerPart.names, "ending": endingPart.names,
		"line": linePart.names, "image": imagePart.names, "portrait": portraitPart.names,
	}
}

// what names the part of a file a message is about: "the scenario",
// "`title`", "the event `venue`", "event 3", "reply 2 of the event `venue`".
// It is formatted only when a message needs it, so a clean file costs no
// formatting at all.
type what struct {
	fixed string // a name as it is, such as "the scenario"
	key   string // a key, named as `key`
	noun  string // with id: "the <noun> `<id>`"; without: "<noun> <n>"
	id    string
	n     int
	// A reply names its event: "reply 2 of the event `venue`".
	event  string
	eventN int
}

func (w what) String() string {
	switch {
	case w.key != "":
		return "`" + w.key + "`"
	case w.fixed != "":
		return w.fixed
	case w.eventN > 0:
		of := fmt.Sprintf("event %d", w.eventN)
		if w.event != "" {
			of = "the event `" + clip(w.event, 40) + "`"
		}
		return fmt.Sprintf("%s %d of %s", w.noun, w.n, of)
	case w.id != "":
		return "the " + w.noun + " `" + clip(w.id, 40) + "`"
	}
	return fmt.Sprintf("%s %d", w.noun, w.n)
}

func keyWhat(k key) what { return what{key: k.String()} }
