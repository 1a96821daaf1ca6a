package scenario

import (
	"fmt"
	"strings"
)

// The resolve pass indexes the ids of each kind once, then turns every
// reference of the raw model into an index, compiles the conditions against
// the meters and flags, and checks what needs more than one part of the file
// (a flag named like a meter, an event named like an ending, the fallback
// ending, two replies marked historical).

// index maps the ids of one kind of thing to their places in the model. It
// is built once per kind; its ids, in file order, are the candidates for
// "did you mean" and the list of known ids in messages.
type index struct {
	kind string // what the things are called in messages: "character"
	code string // the code of a reference to an unknown one
	byID map[string]int
	ids  []string
}

// add gives id the place i, unless it has one: then it returns the first.
func (x *index) add(id string, i int) (first int, dup bool) {
	if j, ok := x.byID[id]; ok {
		return j, true
	}
	x.byID[id] = i
	x.ids = append(x.ids, id)
	return i, false
}

// indexes are the ids of a scenario by kind.
type indexes struct {
	characters, meters, flags, sources, events, endings *index
	// targets lists what `next` and `goto` may name, for suggestions; it is
	// made the first time one names something unknown.
	targets []string
}

// find returns the place of the thing r names, or -1 after reporting it
// unknown.
func (l *loader) find(x *index, r ref) int {
	if i, ok := x.byID[r.id]; ok {
		return i
	}
	at, msg := l.withLookalike(r, unknownMsg(x.kind, r.id, x.ids))
	l.at(at, Error, x.code, msg)
	return -1
}

// withLookalike adds to the message about the unknown name r which of its
// characters is not the plain one it looks like, when one is: the name
// and the known id it should be look the same in the message.
// It returns where to point: at that character, when there is one.
func (l *loader) withLookalike(r ref, msg string) (Pos, string) {
	note, at, ok := l.lookalikeNote(r.pos, r.id, isID)
	if !ok {
		return r.pos, msg
	}
	if !strings.HasSuffix(msg, "?") {
		msg += "."
	}
	return at, fmt.Sprintf("%s Look closely: `%s` %s", msg, clip(r.id, 40), note)
}

func unknownMsg(kind, id string, all []string) string {
	msg := fmt.Sprintf("unknown %s `%s`", kind, clip(id, 40))
	switch near := Nearest(id, all); {
	case len(all) == 0:
		msg += fmt.Sprintf(": this scenario defines no %ss", kind)
	case near != "":
		msg += fmt.Sprintf("; did you mean `%s`?", near)
	case len(all) <= 12:
		msg += fmt.Sprintf("; the %ss are: %s", kind, strings.Join(quoteAll(all), ", "))
	}
	return msg
}

func (l *loader) resolve() {
	s, r := l.s, &l.raw
	x := &l.ix
	x.characters = &index{kind: "character", code: "unknown-character", byID: make(map[string]int, len(s.Characters))}
	for i, c := range s.Characters {
		x.characters.add(c.ID, i)
	}
	x.meters = &index{kind: "meter", code: "unknown-meter", byID: make(map[string]int, len(s.Meters))}
	for i, m := range s.Meters {
		x.meters.add(m.ID, i)
	}
	x.flags = &index{kind: "flag", code: "unknown-flag", byID: make(map[string]int, len(r.flags))}
	for _, f := range r.flags {
		if _, dup := x.flags.byID[f.id]; dup {
			l.at(f.pos, Error, "duplicate-id", fmt.Sprintf("the flag `%s` is listed twice", f.id))
			continue
		}
		if _, clash := x.meters.byID[f.id]; clash {
			l.at(f.pos, Error, "duplicate-id", fmt.Sprintf("`%s` is both a meter and a flag: conditions could not tell them apart; rename one", f.id))
			continue
		}
		x.flags.add(f.id, len(s.Flags))
		s.Flags = append(s.Flags, Flag{ID: f.id, Pos: f.pos})
	}
	x.sources = &index{kind: "source", code: "unknown-source", byID: make(map[string]int, len(s.Sources))}
	for i, src := range s.Sources {
		x.sources.add(src.ID, i)
	}
	l.indexDocs()
	s.characterByID, s.meterByID, s.flagByID, s.sourceByID = x.characters.byID, x.meters.byID, x.flags.byID, x.sources.byID
	s.eventByID, s.endingByID = x.events.byID, x.endings.byID

	if r.player.given() {
		s.Player = l.find(x.characters, r.player)
	}
	s.Labels = Labels{History: DefaultHistoryLabel}
	if s.Player >= 0 {
		s.Labels.Comparison = s.Characters[s.Player].Short
	}
	if r.labels.History != "" {
		s.Labels.History = r.labels.History
	}
	if r.labels.Comparison != "" {
		s.Labels.Comparison = r.labels.Comparison
	}

	l.env = newCondEnv(x.meters, x.flags, &l.ex)
	l.resolveEvents()
	l.resolveEndings()
	l.resolveTexts()
	for _, t := range r.triggers {
		tr := Trigger{Pos: t.pos, Warning: t.warning}
		if t.cond.set {
			tr.If = l.compile(t.cond)
		}
		if t.target.given() {
			tr.Goto = l.target(t.target, keyGoto)
		}
		if tr.If != nil && tr.Goto.Kind != TargetDefault {
			s.Triggers = append(s.Triggers, tr)
		}
	}
	if r.start.given() {
		if i := l.find(x.events, r.start); i >= 0 {
			s.Start = Target{Kind: TargetEvent, Index: i, Pos: r.start.pos}
		}
	} else if len(s.Events) > 0 {
		s.Start = Target{Kind: TargetEvent, Index: 0, Pos: s.Events[0].Pos}
	}
	l.dateRange()
}

// indexDocs indexes the ids of the events and the endings. An id that is
// not well formed is indexed too (it has been reported), so that the
// references to it do not add errors of their own.
func (l *loader) indexDocs() {
	r, x := &l.raw, &l.ix
	x.endings = &index{kind: "ending", code: "unknown-target", byID: make(map[string]int, len(r.endings))}
	for i := range r.endings {
		l.indexDoc(x.endings, i, &r.endings[i].rawDoc, func(j int) *rawDoc { return &r.endings[j].rawDoc })
	}
	x.events = &index{kind: "event", code: "unknown-event", byID: make(map[string]int, len(r.events))}
	for i := range r.events {
		d := &r.events[i].rawDoc
		if !l.indexDoc(x.events, i, d, func(j int) *rawDoc { return &r.events[j].rawDoc }) {
			continue
		}
		if k, clash := x.endings.byID[d.id]; clash {
			l.at(d.idPos, Error, "duplicate-id", fmt.Sprintf("`%s` is the id of an event and of an ending (line %d): `next` could not tell them apart; rename one", d.id, r.endings[k].idPos.Line))
		}
	}
}

// indexDoc gives the i-th event or ending its place in x, reporting an id
// given twice; it reports whether d has a well-formed id of its own.
func (l *loader) indexDoc(x *index, i int, d *rawDoc, doc func(int) *rawDoc) bool {
	if d.id == "" {
		return false
	}
	j, dup := x.add(d.id, i)
	if !d.idValid {
		return false
	}
	if dup {
		l.at(d.idPos, Error, "duplicate-id", fmt.Sprintf("two %ss have the id `%s` (the other is on line %d): ids must be unique", x.kind, d.id, doc(j).idPos.Line))
		return false
	}
	return true
}

func (l *loader) resolveEvents() {
	s, r, x := l.s, &l.raw, &l.ix
	s.Events = make([]Event, len(r.events))
	for i := range r.events {
		re, e := &r.events[i], &s.Events[i]
		*e = Event{
			Date: re.date, Kind: re.kind, From: -1, To: s.Player, Place: re.place,
			Title: re.title, Text: re.text, Source: -1, Invented: re.invented, InventedNote: re.inventedNote,
			History: re.history, HistorySource: -1, Pos: re.pos,
		}
		if re.idValid {
			e.ID = re.id
		}
		if re.from.given() {
			e.From = l.find(x.characters, re.from)
		}
		if re.to.given() {
			e.To = l.find(x.characters, re.to)
		}
		e.Lines = l.resolveLines(re.lines)
		e.Image = re.image
		if re.source.given() {
			e.Source = l.source(re.source)
		}
		if re.historySource.given() {
			e.HistorySource = l.source(re.historySource)
		}
		if re.cond.set {
			e.If = l.compile(re.cond)
		}
		if re.next.given() {
			e.Next = l.target(re.next, keyNext)
		}
		if len(re.choices) > 0 {
			e.Choices = make([]Choice, len(re.choices))
		}
		historical := -1
		for j := range re.choices {
			rc, c := &re.choices[j], &e.Choices[j]
			*c = Choice{ID: rc.id, Text: rc.text, Locked: rc.locked, Historical: rc.historical, Pos: rc.pos}
			if rc.cond.set {
				c.If = l.compile(rc.cond)
			}
			c.Effects, c.Set, c.Clear = l.resolveOutcome(&rc.outcome)
			c.Reactions = l.resolveReactions(rc.reactions)
			if rc.next.given() {
				c.Next = l.target(rc.next, keyNext)
			}
			if c.Historical {
				if historical >= 0 {
					l.at(c.Pos, Error, "two-historical", fmt.Sprintf("two replies are marked `historical: true` (the other is on line %d): %s", historical, l.markOnlyOne()))
				}
				historical = c.Pos.Line
			}
		}
		e.Effects, e.Set, e.Clear = l.resolveOutcome(&re.outcome)
	}
}

// markOnlyOne says which reply to leave marked historical, in the
// scenario's own words for whoever made the historical choices.
func (l *loader) markOnlyOne() string {
	if c := l.s.Labels.Comparison; c != "" {
		return fmt.Sprintf("mark only the reply %s actually chose", c)
	}
	return "mark only the reply that was actually chosen"
}

func (l *loader) resolveEndings() {
	s, r := l.s, &l.raw
	s.Endings = make([]Ending, len(r.endings))
	fallback, historical := false, -1
	for i := range r.endings {
		re, e := &r.endings[i], &s.Endings[i]
		*e = Ending{Title: re.title, Text: re.text, Epilogue: re.epilogue, Historical: re.historical, Pos: re.pos}
		if re.idValid {
			e.ID = re.id
		}
		if re.historical {
			if historical >= 0 {
				l.at(re.historicalKey, Error, "two-historical", fmt.Sprintf("two endings are marked `historical: true` (the other is on line %d): mark only the one that happened", historical))
			}
			historical = re.pos.Line
		}
		if re.cond.set {
			e.If = l.compile(re.cond)
		}
		// An ending with a broken condition counts as the fallback too, so
		// that it does not also cause a missing-fallback error.
		if re.parsed && (!re.hasIf || e.If == nil) {
			fallback = true
		}
	}
	switch {
	case !r.endingsAreList:
	case len(r.endings) == 0:
		l.at(r.endingsKey, Error, "empty-value", "`endings` is empty: add at least one ending without `if` (the fallback)")
	case !fallback:
		l.at(r.endingsKey, Error, "no-fallback", "every ending has an `if`, so a playthrough that matches none would have no ending: remove the `if` from the last ending to make it the fallback")
	}
}

// source resolves a reference to a source.
func (l *loader) source(r ref) int {
	if !l.raw.hasSources {
		l.at(r.pos, Error, "unknown-source", fmt.Sprintf("unknown source `%s`: list it under `sources:` at the top of the file, for example\n    sources:\n      %s: \"Full citation\"", clip(r.id, 40), clip(r.id, 40)))
		return -1
	}
	return l.find(l.ix.sources, r)
}

// target resolves a `next` or `goto` (the key k).
func (l *loader) target(r ref, k key) Target {
	if r.id == EndName {
		return Target{Kind: TargetEnd, Pos: r.pos}
	}
	x := &l.ix
	if i, ok := x.events.byID[r.id]; ok {
		return Target{Kind: TargetEvent, Index: i, Pos: r.pos}
	}
	if i, ok := x.endings.byID[r.id]; ok {
		return Target{Kind: TargetEnding, Index: i, Pos: r.pos}
	}
	if x.targets == nil {
		x.targets = make([]string, 0, len(x.events.ids)+len(x.endings.ids)+1)
		x.targets = append(append(append(x.targets, x.events.ids...), x.endings.ids...), EndName)
	}
	msg := fmt.Sprintf("`%s` points to `%s`, but there is no event or ending with that id", k, clip(r.id, 40))
	if s := Nearest(r.id, x.targets); s != "" {
		msg += fmt.Sprintf("; did you mean `%s`?", s)
	}
	at, msg := l.withLookalike(r, msg)
	l.at(at, Error, "unknown-target", msg)
	return Target{}
}

// compile compiles a condition and maps a problem inside it to its column
// in the file.
func (l *loader) compile(c rawCond) *Cond {
	root, err := compileCond(c.src, l.env)
	if err != nil {
		if pe := percentInCond(c.src); pe != nil {
			err = pe
		}
		p := c.pos
		if c.inline {
			if c.quoted {
				p.Col++
			}
			p.Col += err.Offset
		}
		l.at(p, Error, "bad-condition", err.Msg)
		return nil
	}
	return &Cond{Src: c.src, Pos: c.pos, root: root}
}

// percentInCond finds a number written with % in a condition (`hawks >=
// 40%`), which the condition language reads as the start of a remainder and
// reports as the condition stopping too early.
func percentInCond(src string) *condError {
	for i := 1; i < len(src); i++ {
		if src[i] != '%' {
			continue
		}
		j := i
		for j > 0 && src[j-1] == ' ' {
			j--
		}
		if j == 0 || src[j-1] < '0' || src[j-1] > '9' {
			continue
		}
		fixed := strings.Join(strings.Fields(src[:j]+src[i+1:]), " ")
		return &condError{runeOffset(src, i), fmt.Sprintf("a condition compares with a plain number, without %%: write `%s` (a meter holds a number between its min and max, 0 to 100 unless it says otherwise)", clip(fixed, 60))}
	}
	return nil
}

// resolveOutcome resolves the meters of effects and the flags set and cleared.
func (l *loader) resolveOutcome(o *rawOutcome) (effects []Effect, set, clear []int) {
	return l.resolveEffects(o.effects), l.resolveFlags(o.set), l.resolveFlags(o.clear)
}

func (l *loader) resolveEffects(raw []rawEffect) []Effect {
	if len(raw) == 0 {
		return nil
	}
	x := &l.ix
	out := make([]Effect, 0, len(raw))
	for _, e := range raw {
		mi, ok := x.meters.byID[e.meter.id]
		if !ok {
			if _, isFlag := x.flags.byID[e.meter.id]; isFlag {
				l.at(e.meter.pos, Error, "unknown-meter", fmt.Sprintf("`%s` is a flag, not a meter: turn it on with `set: [%s]` or off with `clear: [%s]`", e.meter.id, e.meter.id, e.meter.id))
			} else {
				l.find(x.meters, e.meter)
			}
			continue
		}
		if e.problem != "" {
			l.at(e.problemPos, Error, "bad-effect", e.problem)
			continue
		}
		out = append(out, Effect{Meter: mi, Op: e.op, Amount: e.amount})
	}
	return out
}

func (l *loader) resolveFlags(refs []ref) []int {
	if len(refs) == 0 {
		return nil
	}
	x := &l.ix
	out := make([]int, 0, len(refs))
	for _, r := range refs {
		if i, ok := x.flags.byID[r.id]; ok {
			out = append(out, i)
			continue
		}
		if _, isMeter := x.meters.byID[r.id]; isMeter {
			l.at(r.pos, Error, "unknown-flag", fmt.Sprintf("`%s` is a meter, not a flag: change it under `effects`", r.id))
			continue
		}
		msg := unknownMsg("flag", r.id, x.flags.ids)
		if Nearest(r.id, x.flags.ids) == "" {
			msg += fmt.Sprintf(" (add it to the `flags:` list at the top: flags: [%s])", r.id)
		}
		at, msg := l.withLookalike(r, msg)
		l.at(at, Error, "unknown-flag", msg)
	}
	return out
}

func (l *loader) resolveReactions(raw []rawReaction) []Reaction {
	if len(raw) == 0 {
		return nil
	}
	out := make([]Reaction, 0, len(raw))
	for _, r := range raw {
		if ci := l.find(l.ix.characters, r.who); ci >= 0 && r.ok {
			out = append(out, Reaction{Character: ci, Text: r.text})
		}
	}
	return out
}

// dateRange sets the first and last dates of the events, and the period
// when the file gives none.
func (l *loader) dateRange() {
	s := l.s
	for i := range s.Events {
		d := s.Events[i].Date
		if d.IsZero() {
			continue
		}
		if s.FirstDate.IsZero() || d.Before(s.FirstDate) {
			s.FirstDate = d
		}
		if d.After(s.LastDate) {
			s.LastDate = d
		}
	}
	if s.Period == "" && !s.FirstDate.IsZero() {
		a, b := s.FirstDate.Year(), s.LastDate.Year()
		if a == b {
			s.Period = fmt.Sprint(a)
		} else {
			s.Period = fmt.Sprintf("%d–%d", a, b)
		}
	}
}
