package scenario

import (
	"errors"
	"fmt"
	"path"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Keys known in each part of a scenario, in the order the guide explains them.
var (
	rootKeys      = []string{"format", "id", "title", "period", "summary", "language", "player", "labels", "characters", "meters", "flags", "sources", "glossary", "start", "events", "triggers", "endings"}
	characterKeys = []string{"name", "short", "role", "color", "emblem"}
	labelKeys     = []string{"history", "comparison"}
	meterKeys     = []string{"label", "start", "min", "max", "hidden"}
	sourceKeys    = []string{"text", "url"}
	eventKeys     = []string{"id", "date", "kind", "from", "to", "place", "title", "text", "source", "invented", "if", "history", "history_source", "next", "choices", "effects", "set", "clear"}
	choiceKeys    = []string{"id", "text", "if", "locked", "effects", "set", "clear", "reactions", "historical", "next"}
	triggerKeys   = []string{"if", "goto"}
	endingKeys    = []string{"id", "if", "title", "text", "epilogue", "historical"}
)

// MaxChoices is the most replies an event may offer: the keys 1 to 9 pick them.
const MaxChoices = 9

type loader struct {
	file  string
	diags Diagnostics
	s     *Scenario
	env   *condEnv

	eventIDs  []string
	endingIDs []string
}

// Load reads a scenario from the bytes of a YAML file. name is used in
// messages (normally the path the teacher gave). It returns every problem
// found; the scenario is nil when any of them is an error.
func Load(name string, data []byte) (*Scenario, Diagnostics) {
	l := &loader{file: name, s: &Scenario{File: name, Player: -1}}
	text, ok := l.prepare(data)
	if ok {
		l.s.Hash = hashOf(text)
		if root, ok := l.parseYAML(text); ok {
			l.root(root)
		}
	}
	l.diags.Sort()
	if l.diags.HasErrors() {
		return nil, l.diags
	}
	return l.s, l.diags
}

func (l *loader) at(line, col int, sev Severity, code, msg string) {
	l.diags = append(l.diags, Diagnostic{File: l.file, Line: line, Col: col, Severity: sev, Code: code, Message: msg})
}

func (l *loader) atNode(n *yaml.Node, sev Severity, code, msg string) {
	l.at(n.Line, n.Column, sev, code, msg)
}

func pos(n *yaml.Node) Pos { return Pos{n.Line, n.Column} }

func (l *loader) root(n *yaml.Node) {
	if n.Kind != yaml.MappingNode {
		l.atNode(n, Error, "type", fmt.Sprintf("a scenario file starts with `format: 1` and a `title:`, not %s", describe(n)))
		return
	}
	// The format comes first: a file from a newer bigthree would otherwise
	// bury the one message that matters under unknown-key errors.
	if !l.format(n) {
		return
	}
	f := l.fields(n, "the scenario", rootKeys)
	s := l.s
	s.ID = strings.TrimSuffix(strings.TrimSuffix(path.Base(strings.ReplaceAll(l.file, "\\", "/")), ".yaml"), ".yml")
	if v, ok := f["id"]; ok {
		if id, ok := l.text(v, "`id`"); ok {
			if l.checkID(v.val, id, "the scenario id") {
				s.ID = id
			}
		}
	}
	s.Title = l.required(n, f, "title", "the scenario")
	s.Period = l.optional(f, "period")
	s.Summary = l.optional(f, "summary")
	s.Language = "en"
	if v := l.optional(f, "language"); v != "" {
		s.Language = v
	}
	if v, ok := f["characters"]; ok {
		l.characters(v)
	}
	if v, ok := f["player"]; ok {
		if id, ok := l.text(v, "`player`"); ok {
			s.Player = l.ref(v.val, id, "character", s.characterByID, characterIDs(s))
		}
	}
	l.labels(f)
	if v, ok := f["meters"]; ok {
		l.meters(v)
	}
	if v, ok := f["flags"]; ok {
		l.flags(v)
	}
	if v, ok := f["sources"]; ok {
		l.sources(v)
	}
	if v, ok := f["glossary"]; ok {
		l.glossary(v)
	}
	l.env = newCondEnv(s.Meters, s.Flags)
	ev, hasEvents := f["events"]
	en, hasEndings := f["endings"]
	l.collectIDs(ev.val, en.val)
	if hasEvents {
		l.events(ev)
	} else {
		l.at(n.Line, n.Column, Error, "missing-key", "the scenario has no `events:` list: add at least one event (see docs/scenario-format.md)")
	}
	if hasEndings {
		l.endings(en)
	} else {
		l.at(n.Line, n.Column, Error, "missing-key", "the scenario has no `endings:` list: add at least one ending without `if` (the fallback)")
	}
	if v, ok := f["triggers"]; ok {
		l.triggers(v)
	}
	if v, ok := f["start"]; ok {
		if id, ok := l.text(v, "`start`"); ok {
			if i := l.ref(v.val, id, "event", s.eventByID, l.eventIDs); i >= 0 {
				s.Start = Target{Kind: TargetEvent, Index: i, Pos: pos(v.val)}
			}
		}
	} else if len(s.Events) > 0 {
		s.Start = Target{Kind: TargetEvent, Index: 0, Pos: s.Events[0].Pos}
	}
	l.dateRange()
	if s.Period == "" && !s.FirstDate.IsZero() {
		a, b := s.FirstDate.Year(), s.LastDate.Year()
		if a == b {
			s.Period = fmt.Sprint(a)
		} else {
			s.Period = fmt.Sprintf("%d–%d", a, b)
		}
	}
}

// labels reads the scenario's own words for the historical record and fills
// in the defaults: "In history", and the player's short name.
func (l *loader) labels(f map[string]field) {
	s := l.s
	s.Labels = Labels{History: DefaultHistoryLabel}
	if s.Player >= 0 {
		s.Labels.Comparison = s.Characters[s.Player].Short
	}
	v, ok := f["labels"]
	if !ok {
		return
	}
	ff := l.fields(v.val, "`labels`", labelKeys)
	if h := l.optional(ff, "history"); h != "" {
		s.Labels.History = h
	}
	if c := l.optional(ff, "comparison"); c != "" {
		s.Labels.Comparison = c
	}
}

func (l *loader) format(n *yaml.Node) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Value != "format" {
			continue
		}
		f, ok := l.integer(field{k, v}, "`format`")
		if !ok {
			return false
		}
		switch {
		case f > FormatVersion:
			l.atNode(v, Error, "newer-format", fmt.Sprintf("this file needs a newer bigthree: it is written in scenario format %d, and this program reads format %d and older. Update bigthree to open it", f, FormatVersion))
			return false
		case f < 1:
			l.atNode(v, Error, "range", fmt.Sprintf("`format: %d` is not a format version: write `format: 1`", f))
			return false
		}
		l.s.Format = f
		return true
	}
	l.at(n.Line, n.Column, Error, "missing-key", "the file does not say which format it uses: add `format: 1` as the first line (after any comments)")
	// Go on: every other problem in the file is still worth reporting.
	l.s.Format = FormatVersion
	return true
}

func (l *loader) required(parent *yaml.Node, f map[string]field, key, what string) string {
	v, ok := f[key]
	if !ok {
		l.atNode(parent, Error, "missing-key", fmt.Sprintf("%s has no `%s:`", what, key))
		return ""
	}
	s, _ := l.text(v, "`"+key+"`")
	return s
}

func (l *loader) optional(f map[string]field, key string) string {
	v, ok := f[key]
	if !ok {
		return ""
	}
	s, _ := l.text(v, "`"+key+"`")
	return s
}

// checkID reports an id that contains characters other than letters, digits, - and _.
func (l *loader) checkID(n *yaml.Node, id, what string) bool {
	if idPattern.MatchString(id) {
		return true
	}
	l.atNode(n, Error, "bad-id", fmt.Sprintf("%s `%s` may contain only letters, digits, - and _ (no spaces), for example `%s`", what, clip(id, 40), suggestID(id, "-")))
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
func (l *loader) checkName(n *yaml.Node, id, what string) bool {
	if reservedNames[id] {
		l.atNode(n, Error, "bad-id", fmt.Sprintf("`%s` cannot be the id of a %s: conditions use that word themselves; pick another name", id, what))
		return false
	}
	if namePattern.MatchString(id) {
		return true
	}
	l.atNode(n, Error, "bad-id", fmt.Sprintf("the %s id `%s` is used in conditions, so it may contain only letters, digits and _ and must not start with a digit: try `%s`", what, clip(id, 40), suggestID(id, "_")))
	return false
}

// ref resolves a reference to a character, meter, flag or source and reports
// an unknown id with the nearest existing one.
func (l *loader) ref(n *yaml.Node, id, kind string, index map[string]int, all []string) int {
	if i, ok := index[id]; ok {
		return i
	}
	l.atNode(n, Error, "unknown-"+strings.ReplaceAll(kind, " ", "-"), unknownMsg(kind, id, all))
	return -1
}

func unknownMsg(kind, id string, all []string) string {
	msg := fmt.Sprintf("unknown %s `%s`", kind, clip(id, 40))
	switch {
	case len(all) == 0:
		msg += fmt.Sprintf(": this scenario defines no %ss", kind)
	case Nearest(id, all) != "":
		msg += fmt.Sprintf("; did you mean `%s`?", Nearest(id, all))
	case len(all) <= 12:
		msg += fmt.Sprintf("; the %ss are: %s", kind, strings.Join(quoteAll(all), ", "))
	}
	return msg
}

func characterIDs(s *Scenario) []string {
	out := make([]string, len(s.Characters))
	for i, c := range s.Characters {
		out[i] = c.ID
	}
	return out
}

// entries checks that v is a mapping of id -> something and yields its pairs,
// reporting duplicate ids.
func (l *loader) entries(f field, what, example string) [][2]*yaml.Node {
	v := f.val
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return nil
	}
	if v.Kind != yaml.MappingNode {
		l.atNode(v, Error, "type", fmt.Sprintf("`%s` should be a set of `id: ...` lines, for example:\n    %s", what, example))
		return nil
	}
	seen := map[string]int{}
	var out [][2]*yaml.Node
	for i := 0; i+1 < len(v.Content); i += 2 {
		k := v.Content[i]
		if k.Kind != yaml.ScalarNode {
			l.atNode(k, Error, "type", fmt.Sprintf("an id in `%s` should be a plain word, not %s", what, describe(k)))
			continue
		}
		if line, dup := seen[k.Value]; dup {
			l.atNode(k, Error, "duplicate-id", fmt.Sprintf("`%s` is defined twice in `%s` (first on line %d)", k.Value, what, line))
			continue
		}
		seen[k.Value] = k.Line
		out = append(out, [2]*yaml.Node{k, v.Content[i+1]})
	}
	return out
}

func (l *loader) characters(f field) {
	s := l.s
	s.characterByID = map[string]int{}
	for _, kv := range l.entries(f, "characters", "stalin: {name: Joseph Stalin, role: Soviet leader, color: \"#a0202a\"}") {
		k, v := kv[0], kv[1]
		if !l.checkID(k, k.Value, "the character id") {
			continue
		}
		c := Character{ID: k.Value, Emblem: Emblems[0], Pos: pos(k)}
		what := fmt.Sprintf("the character `%s`", k.Value)
		if v.Kind == yaml.ScalarNode && v.Tag != "!!null" {
			// Shorthand: `stalin: Joseph Stalin`.
			c.Name = v.Value
		} else {
			ff := l.fields(v, what, characterKeys)
			c.Name = l.required(k, ff, "name", what)
			c.Short = l.optional(ff, "short")
			c.Role = l.optional(ff, "role")
			if cv, ok := ff["color"]; ok {
				if cv.val.Tag == "!!null" {
					// `color: #a0202a` without quotes: the # starts a comment.
					l.atNode(cv.key, Error, "bad-color", "the colour must be in quotes, like color: \"#a0202a\": without quotes, # starts a comment and the colour is lost")
				} else if col, ok := l.text(cv, "`color`"); ok {
					if colorPattern.MatchString(col) {
						c.Color = strings.ToLower(col)
					} else {
						l.atNode(cv.val, Error, "bad-color", fmt.Sprintf("the colour `%s` should be written as # and six hex digits, in quotes, for example color: \"#a0202a\"", clip(col, 20)))
					}
				}
			}
			if ev, ok := ff["emblem"]; ok {
				if em, ok := l.text(ev, "`emblem`"); ok {
					if contains(Emblems, em) {
						c.Emblem = em
					} else {
						l.atNode(ev.val, Error, "bad-emblem", unknownMsg("emblem", em, Emblems))
					}
				}
			}
		}
		if c.Short == "" {
			c.Short = c.Name
		}
		s.characterByID[c.ID] = len(s.Characters)
		s.Characters = append(s.Characters, c)
	}
}

func (l *loader) meters(f field) {
	s := l.s
	s.meterByID = map[string]int{}
	for _, kv := range l.entries(f, "meters", "stalin: {label: Stalin's trust, start: 30}") {
		k, v := kv[0], kv[1]
		if !l.checkName(k, k.Value, "meter") {
			continue
		}
		m := Meter{ID: k.Value, Label: k.Value, Min: 0, Max: 100, Start: -1, Pos: pos(k)}
		what := fmt.Sprintf("the meter `%s`", k.Value)
		if v.Kind == yaml.ScalarNode && v.Tag == "!!int" {
			// Shorthand: `stalin: 30`.
			m.Start, _ = l.integer(field{k, v}, "the start of "+what)
		} else {
			ff := l.fields(v, what, meterKeys)
			if lv, ok := ff["label"]; ok {
				m.Label, _ = l.text(lv, "`label`")
			}
			if mv, ok := ff["min"]; ok {
				m.Min, _ = l.integer(mv, "`min`")
			}
			if mv, ok := ff["max"]; ok {
				m.Max, _ = l.integer(mv, "`max`")
			}
			if hv, ok := ff["hidden"]; ok {
				m.Hidden, _ = l.boolean(hv, "`hidden`")
			}
			if m.Min >= m.Max {
				l.atNode(k, Error, "range", fmt.Sprintf("%s has min %d and max %d: min must be smaller than max", what, m.Min, m.Max))
				m.Max = m.Min + 1
			}
			m.Start = m.Min + (m.Max-m.Min)/2
			if sv, ok := ff["start"]; ok {
				if n, ok := l.integer(sv, "`start`"); ok {
					if n < m.Min || n > m.Max {
						l.atNode(sv.val, Error, "range", fmt.Sprintf("%s starts at %d, outside its bounds %d to %d", what, n, m.Min, m.Max))
					} else {
						m.Start = n
					}
				}
			}
		}
		if m.Start < m.Min || m.Start > m.Max {
			l.atNode(v, Error, "range", fmt.Sprintf("%s starts at %d, outside its bounds %d to %d", what, m.Start, m.Min, m.Max))
			m.Start = m.Min
		}
		s.meterByID[m.ID] = len(s.Meters)
		s.Meters = append(s.Meters, m)
	}
}

func (l *loader) flags(f field) {
	s := l.s
	s.flagByID = map[string]int{}
	for _, n := range l.idList(f, "`flags`") {
		if !l.checkName(n, n.Value, "flag") {
			continue
		}
		if _, dup := s.flagByID[n.Value]; dup {
			l.atNode(n, Error, "duplicate-id", fmt.Sprintf("the flag `%s` is listed twice", n.Value))
			continue
		}
		if _, clash := s.meterByID[n.Value]; clash {
			l.atNode(n, Error, "duplicate-id", fmt.Sprintf("`%s` is both a meter and a flag: conditions could not tell them apart; rename one", n.Value))
			continue
		}
		s.flagByID[n.Value] = len(s.Flags)
		s.Flags = append(s.Flags, Flag{ID: n.Value, Pos: pos(n)})
	}
}

func (l *loader) sources(f field) {
	s := l.s
	s.sourceByID = map[string]int{}
	for _, kv := range l.entries(f, "sources", "frus1943-163: \"FRUS 1943, Conferences at Washington and Quebec, doc. 163\"") {
		k, v := kv[0], kv[1]
		if !l.checkID(k, k.Value, "the source id") {
			continue
		}
		src := Source{ID: k.Value, Pos: pos(k)}
		what := fmt.Sprintf("the source `%s`", k.Value)
		if v.Kind == yaml.MappingNode {
			ff := l.fields(v, what, sourceKeys)
			src.Text = l.required(k, ff, "text", what)
			src.URL = l.optional(ff, "url")
		} else {
			src.Text, _ = l.text(field{k, v}, what)
		}
		s.sourceByID[src.ID] = len(s.Sources)
		s.Sources = append(s.Sources, src)
	}
}

// glossary reads the terms a student may look up: `term: definition` lines.
func (l *loader) glossary(f field) {
	s := l.s
	for _, kv := range l.entries(f, "glossary", "Lend-Lease: \"The 1941 law that let the United States lend war supplies to its allies.\"") {
		k, v := kv[0], kv[1]
		def, ok := l.text(field{k, v}, fmt.Sprintf("the glossary entry `%s`", clip(k.Value, 40)))
		if ok {
			s.Glossary = append(s.Glossary, GlossaryEntry{Term: k.Value, Definition: def, Pos: pos(k)})
		}
	}
}

// invented reads `invented: true`, or the note on what really happened
// written in its place (`invented: "In fact, ..."`).
func (l *loader) invented(e *Event, f field) {
	v := f.val
	if v.Kind == yaml.ScalarNode && v.Tag == "!!bool" {
		e.Invented, _ = l.boolean(f, "`invented`")
		return
	}
	if v.Kind == yaml.ScalarNode && v.Tag != "!!null" && strings.TrimSpace(v.Value) != "" {
		e.Invented = true
		e.InventedNote = strings.TrimRight(v.Value, "\n")
		return
	}
	l.atNode(v, Error, "type", fmt.Sprintf("`invented` should be true, or a note on what really happened instead, such as invented: \"No such letter was sent; compare ...\", not %s", describe(v)))
}

// collectIDs gathers event and ending ids first, so that a `next` may point
// forward to an event defined further down.
func (l *loader) collectIDs(events, endings *yaml.Node) {
	s := l.s
	s.eventByID, s.endingByID = map[string]int{}, map[string]int{}
	if events != nil && events.Kind == yaml.SequenceNode {
		for i, e := range events.Content {
			if id := idOf(e); id != "" {
				if _, dup := s.eventByID[id]; !dup {
					s.eventByID[id] = i
				}
				l.eventIDs = append(l.eventIDs, id)
			}
		}
	}
	if endings != nil && endings.Kind == yaml.SequenceNode {
		for i, e := range endings.Content {
			if id := idOf(e); id != "" {
				if _, dup := s.endingByID[id]; !dup {
					s.endingByID[id] = i
				}
				l.endingIDs = append(l.endingIDs, id)
			}
		}
	}
}

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

// target resolves a `next` or `goto` value.
func (l *loader) target(f field, what string, allowEnd bool) Target {
	name, ok := l.text(f, what)
	if !ok {
		return Target{}
	}
	p := pos(f.val)
	if name == EndName && allowEnd {
		return Target{Kind: TargetEnd, Pos: p}
	}
	if i, ok := l.s.eventByID[name]; ok {
		return Target{Kind: TargetEvent, Index: i, Pos: p}
	}
	if i, ok := l.s.endingByID[name]; ok {
		return Target{Kind: TargetEnding, Index: i, Pos: p}
	}
	all := append(append([]string{}, l.eventIDs...), l.endingIDs...)
	if allowEnd {
		all = append(all, EndName)
	}
	msg := fmt.Sprintf("%s points to `%s`, but there is no event or ending with that id", what, clip(name, 40))
	if s := Nearest(name, all); s != "" {
		msg += fmt.Sprintf("; did you mean `%s`?", s)
	}
	l.atNode(f.val, Error, "unknown-target", msg)
	return Target{}
}

func (l *loader) events(f field) {
	v := f.val
	if v.Kind != yaml.SequenceNode {
		l.atNode(v, Error, "type", "`events` should be a list: each event starts with `- id: ...` on its own line")
		return
	}
	if len(v.Content) == 0 {
		l.atNode(f.key, Error, "empty-value", "`events` is empty: add at least one event")
		return
	}
	s := l.s
	s.Events = make([]Event, len(v.Content))
	firstLine := map[string]int{}
	for i, n := range v.Content {
		l.event(i, n, firstLine)
	}
}

func (l *loader) event(i int, n *yaml.Node, firstLine map[string]int) {
	s := l.s
	e := &s.Events[i]
	*e = Event{From: -1, To: s.Player, Source: -1, HistorySource: -1, Kind: Letter, Pos: pos(n)}
	what := fmt.Sprintf("event %d", i+1)
	if id := idOf(n); id != "" {
		what = fmt.Sprintf("the event `%s`", id)
	}
	f := l.fields(n, what, eventKeys)
	if f == nil {
		return
	}
	if v, ok := f["id"]; ok {
		if id, ok := l.text(v, "`id`"); ok && l.checkID(v.val, id, "the event id") {
			e.ID = id
			if line, dup := firstLine[id]; dup {
				l.atNode(v.val, Error, "duplicate-id", fmt.Sprintf("two events have the id `%s` (the other is on line %d): ids must be unique", id, line))
			} else if j, clash := s.endingByID[id]; clash {
				l.atNode(v.val, Error, "duplicate-id", fmt.Sprintf("`%s` is the id of an event and of an ending (line %d): `next` could not tell them apart; rename one", id, l.endingLine(j)))
			}
			firstLine[id] = v.val.Line
		}
	} else {
		l.atNode(n, Error, "missing-key", fmt.Sprintf("%s has no `id:`: give it a short name such as `hopkins-in-moscow`, used by `next` and in saves", what))
	}
	if v, ok := f["date"]; ok {
		e.Date = l.date(v)
	} else {
		l.atNode(n, Error, "missing-key", fmt.Sprintf("%s has no `date:` (written YYYY-MM-DD, for example 1941-07-30)", what))
	}
	if v, ok := f["kind"]; ok {
		if k, ok := l.text(v, "`kind`"); ok {
			names := make([]string, len(Kinds))
			for j, kk := range Kinds {
				names[j] = string(kk)
			}
			if contains(names, k) {
				e.Kind = Kind(k)
			} else {
				l.atNode(v.val, Error, "bad-kind", unknownMsg("document kind", k, names))
			}
		}
	}
	if v, ok := f["from"]; ok {
		if id, ok := l.text(v, "`from`"); ok {
			e.From = l.ref(v.val, id, "character", s.characterByID, characterIDs(s))
		}
	}
	if v, ok := f["to"]; ok {
		if id, ok := l.text(v, "`to`"); ok {
			e.To = l.ref(v.val, id, "character", s.characterByID, characterIDs(s))
		}
	}
	e.Place = l.optional(f, "place")
	e.Title = l.required(n, f, "title", what)
	e.Text = l.required(n, f, "text", what)
	if v, ok := f["source"]; ok {
		e.Source = l.sourceRef(v)
	}
	if v, ok := f["invented"]; ok {
		l.invented(e, v)
	}
	if v, ok := f["history"]; ok {
		e.History, _ = l.text(v, "`history`")
	}
	if v, ok := f["history_source"]; ok {
		e.HistorySource = l.sourceRef(v)
	}
	if v, ok := f["if"]; ok {
		e.If = l.cond(v)
	}
	if v, ok := f["next"]; ok {
		e.Next = l.target(v, "`next`", true)
	}
	if v, ok := f["choices"]; ok {
		l.choices(e, v)
	}
	for _, key := range []string{"effects", "set", "clear"} {
		v, ok := f[key]
		if !ok {
			continue
		}
		if len(e.Choices) > 0 {
			l.atNode(v.key, Error, "event-effects", fmt.Sprintf("`%s` on an event with choices would apply whatever the player answers: move it into each choice it belongs to", key))
			continue
		}
		switch key {
		case "effects":
			e.Effects = l.effects(v)
		case "set":
			e.Set = l.flagRefs(v, "`set`")
		case "clear":
			e.Clear = l.flagRefs(v, "`clear`")
		}
	}
}

func (l *loader) endingLine(j int) int {
	if j < len(l.s.Endings) && l.s.Endings[j].Pos.Line > 0 {
		return l.s.Endings[j].Pos.Line
	}
	return 0
}

func (l *loader) sourceRef(f field) int {
	id, ok := l.text(f, "`"+f.key.Value+"`")
	if !ok {
		return -1
	}
	var all []string
	for _, src := range l.s.Sources {
		all = append(all, src.ID)
	}
	if l.s.sourceByID == nil {
		l.atNode(f.val, Error, "unknown-source", fmt.Sprintf("unknown source `%s`: list it under `sources:` at the top of the file, for example\n    sources:\n      %s: \"Full citation\"", clip(id, 40), clip(id, 40)))
		return -1
	}
	return l.ref(f.val, id, "source", l.s.sourceByID, all)
}

func (l *loader) date(f field) time.Time {
	v := f.val
	if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
		l.atNode(v, Error, "bad-date", fmt.Sprintf("`date` should be a date written YYYY-MM-DD, for example 1941-07-30, not %s", describe(v)))
		return time.Time{}
	}
	t, err := time.Parse("2006-01-02", strings.TrimSpace(v.Value))
	if err == nil {
		if t.Year() < 1 {
			l.atNode(v, Error, "bad-date", fmt.Sprintf("`%s` is not a usable date", v.Value))
			return time.Time{}
		}
		return t
	}
	var pe *time.ParseError
	if errors.As(err, &pe) && strings.Contains(pe.Message, "out of range") {
		l.atNode(v, Error, "bad-date", fmt.Sprintf("`%s` is not a real date (%s)", v.Value, strings.TrimPrefix(pe.Message, ": ")))
		return time.Time{}
	}
	l.atNode(v, Error, "bad-date", fmt.Sprintf("the date `%s` should be written YYYY-MM-DD, for example 1941-07-30", clip(v.Value, 30)))
	return time.Time{}
}

// cond compiles a condition and maps a problem inside it to its column in the file.
func (l *loader) cond(f field) *Cond {
	v := f.val
	if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
		l.atNode(v, Error, "bad-condition", fmt.Sprintf("`if` should be a condition such as `stalin >= 60 and not bomb_secret`, not %s", describe(v)))
		return nil
	}
	root, err := compileCond(v.Value, l.env)
	if err != nil {
		var ce *condError
		off := 0
		msg := err.Error()
		if errors.As(err, &ce) {
			off = ce.Offset
		}
		line, col := v.Line, v.Column
		if !strings.Contains(v.Value, "\n") && v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0 {
			if v.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
				col++
			}
			col += off
		}
		l.at(line, col, Error, "bad-condition", msg)
		return nil
	}
	return &Cond{Src: v.Value, Pos: pos(v), root: root}
}

func (l *loader) effects(f field) []Effect {
	v := f.val
	if v.Kind != yaml.MappingNode {
		l.atNode(v, Error, "type", fmt.Sprintf("`effects` should list meter changes such as {stalin: +15, home: -10}, not %s", describe(v)))
		return nil
	}
	var out []Effect
	var names []string
	for _, m := range l.s.Meters {
		names = append(names, m.ID)
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			l.atNode(k, Error, "type", "each effect starts with a meter id, such as `stalin: +15`")
			continue
		}
		if seen[k.Value] {
			l.atNode(k, Error, "duplicate-key", fmt.Sprintf("the meter `%s` appears twice in these effects: add the changes together", k.Value))
			continue
		}
		seen[k.Value] = true
		mi := l.s.MeterIndex(k.Value)
		if mi < 0 {
			if fi := l.s.FlagIndex(k.Value); fi >= 0 {
				l.atNode(k, Error, "unknown-meter", fmt.Sprintf("`%s` is a flag, not a meter: turn it on with `set: [%s]` or off with `clear: [%s]`", k.Value, k.Value, k.Value))
				continue
			}
			l.atNode(k, Error, "unknown-meter", unknownMsg("meter", k.Value, names))
			continue
		}
		if val.Kind != yaml.ScalarNode || val.Tag == "!!null" {
			l.atNode(val, Error, "bad-effect", fmt.Sprintf("the change to `%s` should be a number like +15 or -10, or \"%%+20\" / \"%%-20\" (in quotes), not %s", k.Value, describe(val)))
			continue
		}
		op, n, ok := parseEffect(val.Value)
		if !ok {
			l.atNode(val, Error, "bad-effect", fmt.Sprintf("`%s` is not a change: write +15 or -10 to add or subtract, \"%%+20\" or \"%%-20\" (in quotes) to move 20%% of the way to the top or bottom, or \"=50\" to set", clip(val.Value, 30)))
			continue
		}
		out = append(out, Effect{Meter: mi, Op: op, Amount: n})
	}
	return out
}

func (l *loader) flagRefs(f field, what string) []int {
	var out []int
	var names []string
	for _, fl := range l.s.Flags {
		names = append(names, fl.ID)
	}
	for _, n := range l.idList(f, what) {
		i := l.s.FlagIndex(n.Value)
		if i < 0 {
			if l.s.MeterIndex(n.Value) >= 0 {
				l.atNode(n, Error, "unknown-flag", fmt.Sprintf("`%s` is a meter, not a flag: change it under `effects`", n.Value))
				continue
			}
			msg := unknownMsg("flag", n.Value, names)
			if len(names) > 0 && Nearest(n.Value, names) == "" || len(names) == 0 {
				msg += fmt.Sprintf(" (add it to the `flags:` list at the top: flags: [%s])", n.Value)
			}
			l.atNode(n, Error, "unknown-flag", msg)
			continue
		}
		out = append(out, i)
	}
	return out
}

func (l *loader) choices(e *Event, f field) {
	v := f.val
	if v.Kind != yaml.SequenceNode {
		l.atNode(v, Error, "type", "`choices` should be a list: each reply starts with `- text: ...` on its own line")
		return
	}
	if len(v.Content) == 0 {
		l.atNode(f.key, Error, "empty-value", "`choices` is empty: give at least one reply, or remove `choices:` so the event shows Continue")
		return
	}
	if len(v.Content) > MaxChoices {
		l.atNode(f.key, Error, "too-many-choices", fmt.Sprintf("this event has %d replies; at most %d fit on the screen and on the keys 1 to 9", len(v.Content), MaxChoices))
	}
	ids := map[string]int{}
	historical := -1
	for i, n := range v.Content {
		c := l.choice(e, i, n)
		if c == nil {
			continue
		}
		if line, dup := ids[c.ID]; dup {
			if c.Pos.Line != 0 && hasKey(n, "id") {
				l.atNode(n, Error, "duplicate-id", fmt.Sprintf("two replies of this event have the id `%s` (the other is on line %d)", c.ID, line))
			} else {
				// Two replies start with the same words: number the later one.
				for k := 2; ; k++ {
					id := fmt.Sprintf("%s-%d", c.ID, k)
					if _, taken := ids[id]; !taken {
						c.ID = id
						break
					}
				}
			}
		}
		ids[c.ID] = c.Pos.Line
		if c.Historical {
			if historical >= 0 {
				l.atNode(n, Error, "two-historical", fmt.Sprintf("two replies are marked `historical: true` (the other is on line %d): mark only the one Roosevelt actually chose", historical))
			}
			historical = c.Pos.Line
		}
		e.Choices = append(e.Choices, *c)
	}
}

func hasKey(n *yaml.Node, key string) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return true
		}
	}
	return false
}

func (l *loader) choice(e *Event, i int, n *yaml.Node) *Choice {
	what := fmt.Sprintf("reply %d of the event `%s`", i+1, e.ID)
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		// Shorthand: `- Promise aid at once.`
		return &Choice{ID: slug(n.Value), Text: n.Value, Pos: pos(n)}
	}
	f := l.fields(n, what, choiceKeys)
	if f == nil {
		return nil
	}
	c := &Choice{Pos: pos(n)}
	c.Text = l.required(n, f, "text", what)
	c.ID = slug(c.Text)
	if v, ok := f["id"]; ok {
		if id, ok := l.text(v, "`id`"); ok && l.checkID(v.val, id, "the reply id") {
			c.ID = id
		}
	}
	if v, ok := f["if"]; ok {
		c.If = l.cond(v)
	}
	if v, ok := f["locked"]; ok {
		c.Locked, _ = l.text(v, "`locked`")
		if _, hasIf := f["if"]; !hasIf {
			l.atNode(v.key, Warning, "locked-without-if", "`locked` has no effect without an `if`: the reply is always available. Add the condition that unlocks it")
		}
	}
	if v, ok := f["effects"]; ok {
		c.Effects = l.effects(v)
	}
	if v, ok := f["set"]; ok {
		c.Set = l.flagRefs(v, "`set`")
	}
	if v, ok := f["clear"]; ok {
		c.Clear = l.flagRefs(v, "`clear`")
	}
	if v, ok := f["reactions"]; ok {
		c.Reactions = l.reactions(v)
	}
	if v, ok := f["historical"]; ok {
		c.Historical, _ = l.boolean(v, "`historical`")
	}
	if v, ok := f["next"]; ok {
		c.Next = l.target(v, "`next`", true)
	}
	return c
}

func (l *loader) reactions(f field) []Reaction {
	v := f.val
	if v.Kind != yaml.MappingNode {
		l.atNode(v, Error, "type", fmt.Sprintf("`reactions` should list what characters say, such as {stalin: \"...\", churchill: \"...\"}, not %s", describe(v)))
		return nil
	}
	var out []Reaction
	ids := characterIDs(l.s)
	seen := map[string]bool{}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		if seen[k.Value] {
			l.atNode(k, Error, "duplicate-key", fmt.Sprintf("`%s` reacts twice to this reply: keep one", k.Value))
			continue
		}
		seen[k.Value] = true
		ci := l.ref(k, k.Value, "character", l.s.characterByID, ids)
		text, ok := l.text(field{k, val}, fmt.Sprintf("the reaction of `%s`", k.Value))
		if ci >= 0 && ok {
			out = append(out, Reaction{Character: ci, Text: text})
		}
	}
	return out
}

func (l *loader) triggers(f field) {
	v := f.val
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return
	}
	if v.Kind != yaml.SequenceNode {
		l.atNode(v, Error, "type", "`triggers` should be a list: each trigger starts with `- if: ...` and has a `goto:`")
		return
	}
	for i, n := range v.Content {
		what := fmt.Sprintf("trigger %d", i+1)
		ff := l.fields(n, what, triggerKeys)
		if ff == nil {
			continue
		}
		t := Trigger{Pos: pos(n)}
		if c, ok := ff["if"]; ok {
			t.If = l.cond(c)
		} else {
			l.atNode(n, Error, "missing-key", fmt.Sprintf("%s has no `if:`: a trigger needs the condition that fires it", what))
		}
		if g, ok := ff["goto"]; ok {
			t.Goto = l.target(g, "`goto`", true)
		} else {
			l.atNode(n, Error, "missing-key", fmt.Sprintf("%s has no `goto:`: say which event or ending it jumps to", what))
		}
		if t.If != nil && t.Goto.Kind != TargetDefault {
			l.s.Triggers = append(l.s.Triggers, t)
		}
	}
}

func (l *loader) endings(f field) {
	v := f.val
	if v.Kind != yaml.SequenceNode {
		l.atNode(v, Error, "type", "`endings` should be a list: each ending starts with `- id: ...`")
		return
	}
	s := l.s
	firstLine := map[string]int{}
	fallback, historical := false, -1
	s.Endings = make([]Ending, 0, len(v.Content))
	for i, n := range v.Content {
		what := fmt.Sprintf("ending %d", i+1)
		if id := idOf(n); id != "" {
			what = fmt.Sprintf("the ending `%s`", id)
		}
		ff := l.fields(n, what, endingKeys)
		e := Ending{Pos: pos(n)}
		if ff == nil {
			s.Endings = append(s.Endings, e)
			continue
		}
		if iv, ok := ff["id"]; ok {
			if id, ok := l.text(iv, "`id`"); ok && l.checkID(iv.val, id, "the ending id") {
				e.ID = id
				if line, dup := firstLine[id]; dup {
					l.atNode(iv.val, Error, "duplicate-id", fmt.Sprintf("two endings have the id `%s` (the other is on line %d)", id, line))
				}
				firstLine[id] = iv.val.Line
			}
		} else {
			l.atNode(n, Error, "missing-key", fmt.Sprintf("%s has no `id:`", what))
		}
		e.Title = l.required(n, ff, "title", what)
		e.Text = l.required(n, ff, "text", what)
		if ev, ok := ff["epilogue"]; ok {
			e.Epilogue, _ = l.text(ev, "`epilogue`")
		}
		if hv, ok := ff["historical"]; ok {
			e.Historical, _ = l.boolean(hv, "`historical`")
			if e.Historical {
				if historical >= 0 {
					l.atNode(hv.key, Error, "two-historical", fmt.Sprintf("two endings are marked `historical: true` (the other is on line %d)", historical))
				}
				historical = n.Line
			}
		}
		if c, ok := ff["if"]; ok {
			e.If = l.cond(c)
			if e.If == nil {
				// Keep a broken condition from making this the fallback.
				fallback = true
			}
		} else {
			fallback = true
		}
		s.Endings = append(s.Endings, e)
	}
	if len(v.Content) == 0 {
		l.atNode(f.key, Error, "empty-value", "`endings` is empty: add at least one ending without `if` (the fallback)")
	} else if !fallback {
		l.atNode(f.key, Error, "no-fallback", "every ending has an `if`, so a playthrough that matches none would have no ending: remove the `if` from the last ending to make it the fallback")
	}
}

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
}

// KnownKeys returns the keys each part of a scenario accepts, by part:
// scenario, character, meter, source, event, choice, trigger, ending. The
// JSON Schema test compares them with scenarios/schema.json so the two
// cannot drift apart.
func KnownKeys() map[string][]string {
	return map[string][]string{
		"scenario": rootKeys, "labels": labelKeys, "character": characterKeys, "meter": meterKeys, "source": sourceKeys,
		"event": eventKeys, "choice": choiceKeys, "trigger": triggerKeys, "ending": endingKeys,
	}
}
