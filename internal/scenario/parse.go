package scenario

import (
	"errors"
	"fmt"
	"path"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// The parse pass turns the YAML nodes into a raw model: each value is
// checked for its own shape (a date is a date, a key is known, an id is
// well formed) and kept with its position. Nothing here looks anything up:
// a reference to a character, a meter, a flag, a source, an event or an
// ending stays a name (a ref) until the resolve pass. Characters, meters,
// sources and the glossary refer to nothing, so they go straight into the
// Scenario.

// ref is a name written in the file that points at something else, with
// where it is written. The zero ref means the file gives none (or gives one
// that is not readable text, which has been reported).
type ref struct {
	id  string
	pos Pos
}

func (r ref) given() bool { return r.id != "" }

// rawCond is a condition as written, with what is needed to turn an offset
// inside it into a column of the file.
type rawCond struct {
	src string
	pos Pos
	set bool // a condition text was given
	// inline is set when the condition is written on one line of the file,
	// so that an offset into it is a column; quoted when it is in quotes.
	inline, quoted bool
}

// rawEffect is one meter change as written.
type rawEffect struct {
	meter  ref
	op     EffectOp
	amount int
	// problem, when set, says what is wrong with the value (at problemPos).
	// It is reported only when the meter is known, so that one mistake gives
	// one error.
	problem    string
	problemPos Pos
}

// rawOutcome is what a reply (or an event without replies) does.
type rawOutcome struct {
	effects    []rawEffect
	set, clear []ref
}

type rawReaction struct {
	who  ref
	text string
	ok   bool // the text is readable
}

// rawDoc is what events and endings have in common: an id, a title and a
// text, and a condition.
type rawDoc struct {
	pos     Pos
	parsed  bool   // the part is a mapping, whose keys were read
	id      string // as written, also when it is not a well-formed id
	idPos   Pos
	idValid bool
	title   string
	text    string
	hasIf   bool // the file gives an `if`, readable or not
	cond    rawCond
}

type rawEvent struct {
	rawDoc
	date                  time.Time
	kind                  Kind
	from, to              ref
	place, history        string
	source, historySource ref
	invented              bool
	inventedNote          string
	next                  ref
	lines                 []rawLine
	image                 *EventImage
	choices               []rawChoice
	outcome               rawOutcome
}

type rawChoice struct {
	pos        Pos
	id         string
	text       string
	cond       rawCond
	locked     string
	outcome    rawOutcome
	reactions  []rawReaction
	historical bool
	next       ref
}

type rawTrigger struct {
	pos     Pos
	cond    rawCond
	target  ref
	warning string
}

type rawEnding struct {
	rawDoc
	epilogue      string
	historical    bool
	historicalKey Pos
}

// raw is the scenario as the parse pass leaves it for resolve.
type raw struct {
	root           Pos
	player         ref
	labels         Labels // as written; resolve fills in the defaults
	flags          []ref
	hasCharacters  bool
	hasSources     bool
	start          ref
	events         []rawEvent
	triggers       []rawTrigger
	endings        []rawEnding
	endingsKey     Pos
	endingsAreList bool
}

// parse reads the top level and every part below it; false means nothing
// more can be said about the file (it is not a scenario, or is in a newer
// format).
func (l *loader) parse(n *yaml.Node) bool {
	if n.Kind != yaml.MappingNode {
		l.at(pos(n), Error, "type", fmt.Sprintf("a scenario file starts with `format: 1` and a `title:`, not %s", describe(n)))
		return false
	}
	// The format comes first: a file from a newer bigthree would otherwise
	// bury the one message that matters under unknown-key errors.
	if !l.format(n) {
		return false
	}
	s, r := l.s, &l.raw
	r.root = pos(n)
	scen := what{fixed: "the scenario"}
	f, _ := l.fields(n, scen, rootPart)
	s.ID = strings.TrimSuffix(strings.TrimSuffix(path.Base(strings.ReplaceAll(l.file, "\\", "/")), ".yaml"), ".yml")
	if f[keyID].given() {
		if id, ok := l.text(f[keyID], keyWhat(keyID)); ok && l.checkID(pos(f[keyID].val), id, "the scenario id") {
			s.ID = id
		}
	}
	s.Title = l.required(r.root, &f, keyTitle, scen)
	s.Period = l.optional(&f, keyPeriod)
	s.Summary = l.optional(&f, keySummary)
	s.Language = "en"
	if v := l.optional(&f, keyLanguage); v != "" {
		s.Language = v
	}
	if f[keyCharacters].given() {
		r.hasCharacters = true
		l.characters(f[keyCharacters])
	}
	r.player = l.name(f[keyPlayer], keyPlayer)
	if f[keyLabels].given() {
		lf, _ := l.fields(f[keyLabels].val, keyWhat(keyLabels), labelsPart)
		r.labels = Labels{History: l.optional(&lf, keyHistory), Comparison: l.optional(&lf, keyComparison)}
	}
	if f[keyMeters].given() {
		l.meters(f[keyMeters])
	}
	if f[keyFlags].given() {
		l.flags(f[keyFlags])
	}
	if f[keySources].given() {
		r.hasSources = true
		l.sources(f[keySources])
	}
	if f[keyGlossary].given() {
		l.glossary(f[keyGlossary])
	}
	l.ex = newExamples(s, r)
	if f[keyEvents].given() {
		l.events(f[keyEvents])
	} else {
		l.at(r.root, Error, "missing-key", "the scenario has no `events:` list: add at least one event (see docs/scenario-format.md)")
	}
	if f[keyEndings].given() {
		l.endings(f[keyEndings])
	} else {
		l.at(r.root, Error, "missing-key", "the scenario has no `endings:` list: add at least one ending without `if` (the fallback)")
	}
	if f[keyTriggers].given() {
		l.triggers(f[keyTriggers])
	}
	r.start = l.name(f[keyStart], keyStart)
	return true
}

func (l *loader) format(n *yaml.Node) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Value != "format" {
			continue
		}
		f, ok := l.integer(field{k, v}, keyWhat(keyFormat))
		if !ok {
			return false
		}
		switch {
		case f > FormatVersion:
			l.at(pos(v), Error, "newer-format", fmt.Sprintf("this file needs a newer bigthree: it is written in scenario format %d, and this program reads format %d and older. Update bigthree to open it", f, FormatVersion))
			return false
		case f < 1:
			l.at(pos(v), Error, "range", fmt.Sprintf("`format: %d` is not a format version: write `format: 1`", f))
			return false
		}
		l.s.Format = f
		return true
	}
	l.at(pos(n), Error, "missing-key", "the file does not say which format it uses: add `format: 1` as the first line (after any comments)")
	// Go on: every other problem in the file is still worth reporting.
	l.s.Format = FormatVersion
	return true
}

// name reads a reference: the text of f, kept with its position.
func (l *loader) name(f field, k key) ref {
	if !f.given() {
		return ref{}
	}
	id, ok := l.text(f, keyWhat(k))
	if !ok {
		return ref{}
	}
	return ref{id, pos(f.val)}
}

// checkID reports an id that contains characters other than letters, digits, - and _.
func (l *loader) checkID(p Pos, id, whose string) bool {
	if isID(id) {
		return true
	}
	if note, at, ok := l.lookalikeNote(p, id, isID); ok {
		l.at(at, Error, "bad-id", fmt.Sprintf("%s `%s` %s", whose, clip(id, 40), note))
		return false
	}
	l.at(p, Error, "bad-id", fmt.Sprintf("%s `%s` may contain only letters, digits, - and _ (no spaces), for example `%s`", whose, clip(id, 40), suggestID(id, "-")))
	return false
}

func suggestID(s, sep string) string {
	s = slug(s)
	if sep != "-" {
		s = strings.ReplaceAll(s, "-", sep)
	}
	return s
}

// checkName reports a meter or flag id that cannot be used in conditions.
func (l *loader) checkName(p Pos, id, kind string) bool {
	if reservedNames[id] {
		l.at(p, Error, "bad-id", fmt.Sprintf("`%s` cannot be the id of a %s: conditions use that word themselves; pick another name", id, kind))
		return false
	}
	if isName(id) {
		return true
	}
	if note, at, ok := l.lookalikeNote(p, id, isName); ok {
		l.at(at, Error, "bad-id", fmt.Sprintf("the %s id `%s` %s", kind, clip(id, 40), note))
		return false
	}
	l.at(p, Error, "bad-id", fmt.Sprintf("the %s id `%s` is used in conditions, so it may contain only letters, digits and _ and must not start with a digit: try `%s`", kind, clip(id, 40), suggestID(id, "_")))
	return false
}

// entries checks that f's value is a mapping of id -> something and
// returns its pairs, reporting duplicate ids.
func (l *loader) entries(f field, w what, example string) [][2]*yaml.Node {
	v := f.val
	if isNull(v) {
		return nil
	}
	if v.Kind != yaml.MappingNode {
		l.at(pos(v), Error, "type", fmt.Sprintf("%s should be a set of `id: ...` lines, for example:\n    %s", w, example))
		return nil
	}
	seen := make(map[string]int, len(v.Content)/2)
	out := make([][2]*yaml.Node, 0, len(v.Content)/2)
	for i := 0; i+1 < len(v.Content); i += 2 {
		k := v.Content[i]
		if k.Kind != yaml.ScalarNode {
			l.at(pos(k), Error, "type", fmt.Sprintf("an id in %s should be a plain word, not %s", w, describe(k)))
			continue
		}
		if line, dup := seen[k.Value]; dup {
			l.at(pos(k), Error, "duplicate-id", fmt.Sprintf("`%s` is defined twice in %s (first on line %d)", k.Value, w, line))
			continue
		}
		seen[k.Value] = k.Line
		out = append(out, [2]*yaml.Node{k, v.Content[i+1]})
	}
	return out
}

func (l *loader) characters(f field) {
	s := l.s
	for _, kv := range l.entries(f, keyWhat(keyCharacters), "envoy: {name: The Envoy, role: Ambassador, color: \"#a0202a\"}") {
		k, v := kv[0], kv[1]
		if !l.checkID(pos(k), k.Value, "the character id") {
			continue
		}
		c := Character{ID: k.Value, Emblem: Emblems[0], Pos: pos(k)}
		w := what{noun: "character", id: k.Value}
		if v.Kind == yaml.ScalarNode && v.Tag != "!!null" {
			// Shorthand: `envoy: The Envoy`.
			c.Name = v.Value
			if v.LineComment != "" && v.Style == 0 {
				l.commentCut(field{k, v}, w)
			}
		} else {
			ff, _ := l.fields(v, w, characterPart)
			c.Name = l.required(pos(k), &ff, keyName, w)
			c.Short = l.optional(&ff, keyShort)
			c.Role = l.optional(&ff, keyRole)
			if cv := ff[keyColor]; cv.given() {
				if isNull(cv.val) {
					// `color: #a0202a` without quotes: the # starts a comment.
					l.at(pos(cv.key), Error, "bad-color", "the colour must be in quotes, like color: \"#a0202a\": without quotes, # starts a comment and the colour is lost")
				} else if col, ok := l.text(cv, keyWhat(keyColor)); ok {
					if isColor(col) {
						c.Color = strings.ToLower(col)
					} else {
						l.at(pos(cv.val), Error, "bad-color", fmt.Sprintf("the colour `%s` should be written as # and six hex digits, in quotes, for example color: \"#a0202a\"", clip(col, 20)))
					}
				}
			}
			if ev := ff[keyEmblem]; ev.given() {
				if em, ok := l.text(ev, keyWhat(keyEmblem)); ok {
					if contains(Emblems, em) {
						c.Emblem = em
					} else {
						l.at(pos(ev.val), Error, "bad-emblem", unknownMsg("emblem", em, Emblems))
					}
				}
			}
			if pv := ff[keyPortrait]; pv.given() {
				c.Portrait = l.portrait(pv)
			}
		}
		if c.Short == "" {
			c.Short = c.Name
		}
		s.Characters = append(s.Characters, c)
	}
}

func (l *loader) meters(f field) {
	s := l.s
	example := "trust: {label: Trust, start: 30}"
	for _, c := range s.Characters {
		if c.ID != l.raw.player.id && isName(c.ID) {
			example = fmt.Sprintf("%s: {label: %s's trust, start: 30}", c.ID, c.Short)
			break
		}
	}
	for _, kv := range l.entries(f, keyWhat(keyMeters), example) {
		k, v := kv[0], kv[1]
		if !l.checkName(pos(k), k.Value, "meter") {
			continue
		}
		m := Meter{ID: k.Value, Label: k.Value, Min: 0, Max: 100, Start: -1, Pos: pos(k)}
		w := what{noun: "meter", id: k.Value}
		if v.Kind == yaml.ScalarNode && v.Tag == "!!int" {
			// Shorthand: `trust: 30`.
			m.Start, _ = l.integer(field{k, v}, what{fixed: "the start of " + w.String()})
		} else {
			ff, _ := l.fields(v, w, meterPart)
			if lv := ff[keyLabel]; lv.given() {
				m.Label, _ = l.text(lv, keyWhat(keyLabel))
			}
			if mv := ff[keyMin]; mv.given() {
				m.Min, _ = l.integer(mv, keyWhat(keyMin))
			}
			if mv := ff[keyMax]; mv.given() {
				m.Max, _ = l.integer(mv, keyWhat(keyMax))
			}
			if hv := ff[keyHidden]; hv.given() {
				m.Hidden, _ = l.boolean(hv, keyWhat(keyHidden))
			}
			if gv := ff[keyGood]; gv.given() {
				if g, ok := l.text(gv, keyWhat(keyGood)); ok {
					switch g {
					case "high":
					case "low":
						m.LowIsGood = true
					default:
						l.at(pos(gv.val), Error, "bad-good", fmt.Sprintf("`good` says which way %s is good: write `good: high` (the default: more is better, like trust) or `good: low` (less is better, like pressure or danger), not `%s`", w, clip(g, 20)))
					}
				}
			}
			if m.Min >= m.Max {
				l.at(pos(k), Error, "range", fmt.Sprintf("%s has min %d and max %d: min must be smaller than max", w, m.Min, m.Max))
				m.Max = m.Min + 1
			}
			m.Start = m.Min + (m.Max-m.Min)/2
			if sv := ff[keyStart]; sv.given() {
				if n, ok := l.integer(sv, keyWhat(keyStart)); ok {
					if n < m.Min || n > m.Max {
						l.at(pos(sv.val), Error, "range", fmt.Sprintf("%s starts at %d, outside its bounds %d to %d", w, n, m.Min, m.Max))
					} else {
						m.Start = n
					}
				}
			}
		}
		if m.Start < m.Min || m.Start > m.Max {
			l.at(pos(v), Error, "range", fmt.Sprintf("%s starts at %d, outside its bounds %d to %d", w, m.Start, m.Min, m.Max))
			m.Start = m.Min
		}
		s.Meters = append(s.Meters, m)
	}
}

// flags reads the flag names; resolve indexes them, since a flag must not
// share its name with a meter.
func (l *loader) flags(f field) {
	for _, r := range l.idList(f, keyWhat(keyFlags), "[letter_sent, treaty_signed]") {
		if l.checkName(r.pos, r.id, "flag") {
			l.raw.flags = append(l.raw.flags, r)
		}
	}
}

func (l *loader) sources(f field) {
	s := l.s
	for _, kv := range l.entries(f, keyWhat(keySources), "frus1943-163: \"FRUS 1943, Conferences at Washington and Quebec, doc. 163\"") {
		k, v := kv[0], kv[1]
		if !l.checkID(pos(k), k.Value, "the source id") {
			continue
		}
		src := Source{ID: k.Value, Pos: pos(k)}
		w := what{noun: "source", id: k.Value}
		if v.Kind == yaml.MappingNode {
			ff, _ := l.fields(v, w, sourcePart)
			src.Text = l.required(pos(k), &ff, keyText, w)
			src.URL = l.optional(&ff, keyURL)
		} else {
			src.Text, _ = l.text(field{k, v}, w)
		}
		s.Sources = append(s.Sources, src)
	}
}

// glossary reads the terms a student may look up: `term: definition` lines.
func (l *loader) glossary(f field) {
	s := l.s
	for _, kv := range l.entries(f, keyWhat(keyGlossary), "Lend-Lease: \"The 1941 law that let the United States lend war supplies to its allies.\"") {
		k, v := kv[0], kv[1]
		if def, ok := l.text(field{k, v}, what{noun: "glossary entry", id: k.Value}); ok {
			s.Glossary = append(s.Glossary, GlossaryEntry{Term: k.Value, Definition: def, Pos: pos(k)})
		}
	}
}

// idOf returns the id a mapping gives itself, as written, for naming it in
// messages before its keys are read.
func idOf(n *yaml.Node) string {
	if n.Kind != yaml.MappingNode {
		return ""
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == "id" && n.Content[i+1].Kind == yaml.ScalarNode {
			return n.Content[i+1].Value
		}
	}
	return ""
}

// list checks that f's value is a list, with message saying what it should be.
func (l *loader) list(f field, message string) ([]*yaml.Node, bool) {
	if f.val.Kind != yaml.SequenceNode {
		l.at(pos(f.val), Error, "type", message)
		return nil, false
	}
	return f.val.Content, true
}

// docKind says how events and endings differ where they share code.
type docKind struct {
	noun    string // "event"
	usedBy  string // what the id is for, in the message that asks for one
	example string // an id to suggest when the title gives none
}

var (
	eventDoc  = docKind{noun: "event", usedBy: "used by `next` and in saves", example: "first-letter"}
	endingDoc = docKind{noun: "ending", usedBy: "used by `next` and `goto`", example: "peace"}
)

// docID reads the id events and endings share.
func (l *loader) docID(d *rawDoc, f *fieldSet, w what, kind docKind) {
	d.parsed = true
	if f[keyID].given() {
		if id, ok := l.text(f[keyID], keyWhat(keyID)); ok {
			d.id, d.idPos = id, pos(f[keyID].val)
			d.idValid = l.checkID(d.idPos, id, "the "+kind.noun+" id")
		}
		return
	}
	example := kind.example
	if t := f[keyTitle]; t.given() && t.val.Kind == yaml.ScalarNode && slug(t.val.Value) != "reply" {
		example = slug(t.val.Value)
	}
	l.at(d.pos, Error, "missing-key", fmt.Sprintf("%s has no `id:`: give it a short name such as `%s`, %s", w, example, kind.usedBy))
}

// docText reads the title and the text events and endings share.
func (l *loader) docText(d *rawDoc, f *fieldSet, w what) {
	d.title = l.required(d.pos, f, keyTitle, w)
	d.text = l.required(d.pos, f, keyText, w)
}

// docCond reads the condition events and endings share.
func (l *loader) docCond(d *rawDoc, f *fieldSet) {
	if f[keyIf].given() {
		d.hasIf = true
		d.cond = l.cond(f[keyIf])
	}
}

func (l *loader) events(f field) {
	nodes, ok := l.list(f, "`events` should be a list: each event starts with `- id: ...` on its own line")
	if !ok {
		return
	}
	if len(nodes) == 0 {
		l.at(pos(f.key), Error, "empty-value", "`events` is empty: add at least one event")
		return
	}
	l.raw.events = make([]rawEvent, len(nodes))
	for i, n := range nodes {
		l.event(i, n, &l.raw.events[i])
	}
}

func (l *loader) event(i int, n *yaml.Node, e *rawEvent) {
	e.pos = pos(n)
	e.kind = Letter
	w := what{noun: "event", id: idOf(n), n: i + 1}
	f, ok := l.fields(n, w, eventPart)
	if !ok {
		return
	}
	l.docID(&e.rawDoc, &f, w, eventDoc)
	if v := f[keyDate]; v.given() {
		e.date = l.date(v)
	} else {
		l.at(e.pos, Error, "missing-key", fmt.Sprintf("%s has no `date:` (written YYYY-MM-DD, for example 1941-07-30)", w))
	}
	if v := f[keyKind]; v.given() {
		if k, ok := l.text(v, keyWhat(keyKind)); ok {
			if contains(kindNames, k) {
				e.kind = Kind(k)
			} else {
				l.at(pos(v.val), Error, "bad-kind", unknownMsg("document kind", k, kindNames))
			}
		}
	}
	e.from = l.name(f[keyFrom], keyFrom)
	e.to = l.name(f[keyTo], keyTo)
	e.place = l.optional(&f, keyPlace)
	if v := f[keyLines]; v.given() {
		l.lines(e, v, f[keyKind].given())
	}
	if e.lines != nil && !f[keyText].given() {
		// A meeting's record may be its lines alone.
		e.title = l.required(e.pos, &f, keyTitle, w)
	} else {
		l.docText(&e.rawDoc, &f, w)
		l.markText(f[keyText], e.text)
	}
	if v := f[keyImage]; v.given() {
		e.image = l.eventImage(v)
	}
	e.source = l.name(f[keySource], keySource)
	if v := f[keyInvented]; v.given() {
		l.invented(e, v)
	}
	e.history = l.optional(&f, keyHistory)
	l.markText(f[keyHistory], e.history)
	e.historySource = l.name(f[keyHistorySource], keyHistorySource)
	l.docCond(&e.rawDoc, &f)
	e.next = l.name(f[keyNext], keyNext)
	if v := f[keyChoices]; v.given() {
		l.choices(i, e, v)
	}
	for _, k := range [...]key{keyEffects, keySet, keyClear} {
		if f[k].given() && len(e.choices) > 0 {
			l.at(pos(f[k].key), Error, "event-effects", fmt.Sprintf("`%s` on an event with choices would apply whatever the player answers: move it into each choice it belongs to", k))
			f[k] = field{}
		}
	}
	e.outcome = l.outcome(&f)
}

var kindNames = func() []string {
	out := make([]string, len(Kinds))
	for i, k := range Kinds {
		out[i] = string(k)
	}
	return out
}()

// invented reads `invented: true`, or the note on what really happened
// written in its place (`invented: "In fact, ..."`).
func (l *loader) invented(e *rawEvent, f field) {
	v := f.val
	if v.Kind == yaml.ScalarNode && v.Tag == "!!bool" {
		e.invented, _ = l.boolean(f, keyWhat(keyInvented))
		return
	}
	if v.Kind == yaml.ScalarNode && v.Tag != "!!null" && strings.TrimSpace(v.Value) != "" {
		e.invented = true
		e.inventedNote = strings.TrimRight(v.Value, "\n")
		if v.LineComment != "" && v.Style == 0 {
			l.commentCut(f, keyWhat(keyInvented))
		}
		return
	}
	l.at(pos(v), Error, "type", fmt.Sprintf("`invented` should be true, or a note on what really happened instead, such as invented: \"No such letter was sent; compare ...\", not %s", describe(v)))
}

func (l *loader) date(f field) time.Time {
	v := f.val
	if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
		l.at(pos(v), Error, "bad-date", fmt.Sprintf("`date` should be a date written YYYY-MM-DD, for example 1941-07-30, not %s", describe(v)))
		return time.Time{}
	}
	t, err := time.Parse("2006-01-02", strings.TrimSpace(v.Value))
	if err == nil {
		if t.Year() < 1 {
			l.at(pos(v), Error, "bad-date", fmt.Sprintf("`%s` is not a usable date", v.Value))
			return time.Time{}
		}
		return t
	}
	var pe *time.ParseError
	if errors.As(err, &pe) && strings.Contains(pe.Message, "out of range") {
		l.at(pos(v), Error, "bad-date", fmt.Sprintf("`%s` is not a real date (%s)", v.Value, strings.TrimPrefix(pe.Message, ": ")))
		return time.Time{}
	}
	l.at(pos(v), Error, "bad-date", fmt.Sprintf("the date `%s` should be written YYYY-MM-DD, for example 1941-07-30", clip(v.Value, 30)))
	return time.Time{}
}

// cond reads a condition's text; resolve compiles it against the meters and flags.
func (l *loader) cond(f field) rawCond {
	v := f.val
	if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
		l.at(pos(v), Error, "bad-condition", fmt.Sprintf("`if` should be a condition such as `%s`, not %s", l.ex.condition(), describe(v)))
		return rawCond{}
	}
	return rawCond{
		src:    v.Value,
		pos:    pos(v),
		set:    true,
		inline: !strings.Contains(v.Value, "\n") && v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0,
		quoted: v.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0,
	}
}

// outcome reads the effects and flags of a reply or an event.
func (l *loader) outcome(f *fieldSet) rawOutcome {
	var o rawOutcome
	if f[keyEffects].given() {
		o.effects = l.effects(f[keyEffects])
	}
	if f[keySet].given() {
		o.set = l.idList(f[keySet], keyWhat(keySet), l.ex.flagList())
	}
	if f[keyClear].given() {
		o.clear = l.idList(f[keyClear], keyWhat(keyClear), l.ex.flagList())
	}
	return o
}

func (l *loader) effects(f field) []rawEffect {
	v := f.val
	if v.Kind != yaml.MappingNode {
		l.at(pos(v), Error, "type", fmt.Sprintf("`effects` should list meter changes such as %s, not %s", l.ex.effects(), describe(v)))
		return nil
	}
	out := make([]rawEffect, 0, len(v.Content)/2)
next:
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			l.at(pos(k), Error, "type", fmt.Sprintf("each effect starts with a meter id, such as `%s: +15`", l.ex.meter(0)))
			continue
		}
		for _, e := range out {
			if e.meter.id == k.Value {
				l.at(pos(k), Error, "duplicate-key", fmt.Sprintf("the meter `%s` appears twice in these effects: add the changes together", k.Value))
				continue next
			}
		}
		e := rawEffect{meter: ref{k.Value, pos(k)}}
		if val.Kind != yaml.ScalarNode || val.Tag == "!!null" {
			e.problem, e.problemPos = fmt.Sprintf("the change to `%s` should be a number like +15 or -10, or \"%%+20\" / \"%%-20\" (in quotes), not %s", k.Value, describe(val)), pos(val)
		} else if op, n, ok := parseEffect(val.Value); ok {
			e.op, e.amount = op, n
		} else {
			e.problem, e.problemPos = fmt.Sprintf("`%s` is not a change: write +15 or -10 to add or subtract, \"%%+20\" or \"%%-20\" (in quotes) to move 20%% of the way to the top or bottom, or \"=50\" to set", clip(val.Value, 30)), pos(val)
		}
		out = append(out, e)
	}
	return out
}

func (l *loader) choices(ev int, e *rawEvent, f field) {
	nodes, ok := l.list(f, "`choices` should be a list: each reply starts with `- text: ...` on its own line")
	if !ok {
		return
	}
	if len(nodes) == 0 {
		l.at(pos(f.key), Error, "empty-value", "`choices` is empty: give at least one reply, or remove `choices:` so the event shows Continue")
		return
	}
	if len(nodes) > MaxChoices {
		l.at(pos(f.key), Error, "too-many-choices", fmt.Sprintf("this event has %d replies; at most %d fit on the screen and on the keys 1 to 9", len(nodes), MaxChoices))
	}
	e.choices = make([]rawChoice, 0, len(nodes))
	for i, n := range nodes {
		w := what{noun: "reply", n: i + 1, event: e.id, eventN: ev + 1}
		c, explicitID, ok := l.choice(n, w)
		if !ok {
			continue
		}
		for j := range e.choices {
			if e.choices[j].id != c.id {
				continue
			}
			if explicitID {
				l.at(c.pos, Error, "duplicate-id", fmt.Sprintf("two replies of this event have the id `%s` (the other is on line %d)", c.id, e.choices[j].pos.Line))
				break
			}
			// Two replies start with the same words: number the later one.
			c.id = numbered(e.choices, c.id)
			break
		}
		e.choices = append(e.choices, c)
	}
}

// numbered returns id with the first number from 2 that no reply has yet.
func numbered(choices []rawChoice, id string) string {
	for k := 2; ; k++ {
		try := fmt.Sprintf("%s-%d", id, k)
		taken := false
		for _, c := range choices {
			taken = taken || c.id == try
		}
		if !taken {
			return try
		}
	}
}

// choice reads one reply; explicitID says whether the file gives its id
// (else it comes from the first words of its text).
func (l *loader) choice(n *yaml.Node, w what) (c rawChoice, explicitID, ok bool) {
	c.pos = pos(n)
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		// Shorthand: `- Promise aid at once.`
		c.text, c.id = n.Value, slug(n.Value)
		if n.LineComment != "" && n.Style == 0 {
			l.commentCut(field{nil, n}, w)
		}
		l.markText(field{n, n}, c.text)
		return c, false, true
	}
	f, ok := l.fields(n, w, choicePart)
	if !ok {
		return c, false, false
	}
	c.text = l.required(c.pos, &f, keyText, w)
	l.markText(f[keyText], c.text)
	c.id = slug(c.text)
	if v := f[keyID]; v.given() {
		if id, ok := l.text(v, keyWhat(keyID)); ok && l.checkID(pos(v.val), id, "the reply id") {
			c.id, explicitID = id, true
		}
	}
	if v := f[keyIf]; v.given() {
		c.cond = l.cond(v)
	}
	if v := f[keyLocked]; v.given() {
		c.locked, _ = l.text(v, keyWhat(keyLocked))
		if !f[keyIf].given() {
			l.at(pos(v.key), Warning, "locked-without-if", "`locked` has no effect without an `if`: the reply is always available. Add the condition that unlocks it")
		}
	}
	c.outcome = l.outcome(&f)
	if v := f[keyReactions]; v.given() {
		c.reactions = l.reactions(v)
	}
	if v := f[keyHistorical]; v.given() {
		c.historical, _ = l.boolean(v, keyWhat(keyHistorical))
	}
	c.next = l.name(f[keyNext], keyNext)
	return c, explicitID, true
}

func (l *loader) reactions(f field) []rawReaction {
	v := f.val
	if v.Kind != yaml.MappingNode {
		l.at(pos(v), Error, "type", fmt.Sprintf("`reactions` should list what characters say, such as %s, not %s", l.ex.reactions(), describe(v)))
		return nil
	}
	out := make([]rawReaction, 0, len(v.Content)/2)
next:
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		for _, r := range out {
			if r.who.id == k.Value {
				l.at(pos(k), Error, "duplicate-key", fmt.Sprintf("`%s` reacts twice to this reply: keep one", k.Value))
				continue next
			}
		}
		text, ok := l.text(field{k, val}, what{noun: "reaction of", id: k.Value})
		l.markText(field{k, val}, text)
		out = append(out, rawReaction{who: ref{k.Value, pos(k)}, text: text, ok: ok})
	}
	return out
}

func (l *loader) triggers(f field) {
	if isNull(f.val) {
		return
	}
	nodes, ok := l.list(f, "`triggers` should be a list: each trigger starts with `- if: ...` and has a `goto:`")
	if !ok {
		return
	}
	for i, n := range nodes {
		w := what{noun: "trigger", n: i + 1}
		ff, ok := l.fields(n, w, triggerPart)
		if !ok {
			continue
		}
		t := rawTrigger{pos: pos(n)}
		if c := ff[keyIf]; c.given() {
			t.cond = l.cond(c)
		} else {
			l.at(t.pos, Error, "missing-key", fmt.Sprintf("%s has no `if:`: a trigger needs the condition that fires it", w))
		}
		if g := ff[keyGoto]; g.given() {
			t.target = l.name(g, keyGoto)
		} else {
			l.at(t.pos, Error, "missing-key", fmt.Sprintf("%s has no `goto:`: say which event or ending it jumps to", w))
		}
		t.warning = l.optional(&ff, keyWarning)
		l.raw.triggers = append(l.raw.triggers, t)
	}
}

func (l *loader) endings(f field) {
	r := &l.raw
	r.endingsKey = pos(f.key)
	nodes, ok := l.list(f, "`endings` should be a list: each ending starts with `- id: ...`")
	if !ok {
		return
	}
	r.endingsAreList = true
	r.endings = make([]rawEnding, len(nodes))
	for i, n := range nodes {
		e := &r.endings[i]
		e.pos = pos(n)
		w := what{noun: "ending", id: idOf(n), n: i + 1}
		ff, ok := l.fields(n, w, endingPart)
		if !ok {
			continue
		}
		l.docID(&e.rawDoc, &ff, w, endingDoc)
		l.docText(&e.rawDoc, &ff, w)
		e.epilogue = l.optional(&ff, keyEpilogue)
		l.markText(ff[keyText], e.text)
		l.markText(ff[keyEpilogue], e.epilogue)
		if hv := ff[keyHistorical]; hv.given() {
			e.historical, _ = l.boolean(hv, keyWhat(keyHistorical))
			e.historicalKey = pos(hv.key)
		}
		l.docCond(&e.rawDoc, &ff)
	}
}
