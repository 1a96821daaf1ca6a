package check

import (
	"fmt"

	"gopkg.in/yaml.v3"

	"bigthree/internal/scenario"
)

// usage warns about declarations nothing uses (flags, sources, characters)
// and about documents sent by their own recipient.
func (p *problems) usage() {
	s := p.s
	// Flags: who reads them (conditions), who sets or clears them.
	read := make([]*scenario.Cond, len(s.Flags))
	set := make([]bool, len(s.Flags))
	cond := func(c *scenario.Cond) {
		if c == nil {
			return
		}
		for _, f := range c.FlagsUsed() {
			if read[f] == nil {
				read[f] = c
			}
		}
	}
	changes := func(lists ...[]int) {
		for _, l := range lists {
			for _, f := range l {
				set[f] = true
			}
		}
	}
	sources := make([]bool, len(s.Sources))
	people := make([]bool, len(s.Characters))
	cite := func(i int) {
		if i >= 0 {
			sources[i] = true
		}
	}
	person := func(i int) {
		if i >= 0 {
			people[i] = true
		}
	}
	person(s.Player)
	for i := range s.Events {
		e := &s.Events[i]
		cond(e.If)
		changes(e.Set, e.Clear)
		cite(e.Source)
		cite(e.HistorySource)
		person(e.From)
		for _, ln := range e.Lines {
			person(ln.Speaker)
		}
		person(e.To)
		for j := range e.Choices {
			c := &e.Choices[j]
			cond(c.If)
			changes(c.Set, c.Clear)
			for _, r := range c.Reactions {
				person(r.Character)
			}
		}
		if e.From >= 0 && e.From == e.To {
			p.selfAddressed(i)
		}
	}
	for i := range s.Triggers {
		cond(s.Triggers[i].If)
	}
	// Markers in texts: {if} passages read flags, {name:} and {short:}
	// name characters.
	refs := s.TextRefs()
	for _, c := range refs.Conds {
		cond(c)
	}
	for _, c := range refs.Characters {
		person(c)
	}
	for i := range s.Endings {
		cond(s.Endings[i].If)
	}
	for i, f := range s.Flags {
		switch {
		case read[i] == nil && !set[i]:
			p.add(f.Pos, scenario.Warning, "unused-flag", fmt.Sprintf("the flag `%s` is declared but never used: no reply sets it and no condition reads it. Remove it from `flags:`, or set it in a reply and read it in an `if`", f.ID))
		case read[i] != nil && !set[i]:
			p.add(f.Pos, scenario.Warning, "flag-never-set", fmt.Sprintf("the flag `%s` is read (by the condition `%s` on line %d) but no reply sets it, so it is always false: add `set: [%s]` to the reply that should turn it on", f.ID, read[i].Src, read[i].Pos.Line, f.ID))
		}
	}
	for i, src := range s.Sources {
		if !sources[i] {
			p.add(src.Pos, scenario.Warning, "unused-source", fmt.Sprintf("the source `%s` is declared but no event cites it (as `source` or `history_source`): cite it, or remove it from `sources:`", src.ID))
		}
	}
	for i, c := range s.Characters {
		if !people[i] {
			p.add(c.Pos, scenario.Warning, "unused-character", fmt.Sprintf("the character `%s` is declared but never appears: no event is from or to them, no reaction is theirs and they are not the `player`. Use them, or remove them from `characters:`", c.ID))
		}
	}
}

// selfAddressed warns about a document whose sender is its recipient,
// pointing at `to:` when it is written, else at `from:` (then `to`
// defaulted to the player).
func (p *problems) selfAddressed(ev int) {
	s := p.s
	e := &s.Events[ev]
	who := s.Characters[e.From].ID
	if at, ok := p.eventKey(ev, "to"); ok {
		p.add(at, scenario.Warning, "self-addressed", fmt.Sprintf("the event `%s` is from `%s` and to `%s`: the sender and the recipient are the same character. Change `from` or `to`", e.ID, who, who))
		return
	}
	at, ok := p.eventKey(ev, "from")
	if !ok {
		at = e.Pos
	}
	p.add(at, scenario.Warning, "self-addressed", fmt.Sprintf("the event `%s` is from `%s`, who is also its recipient: without a `to`, a document is addressed to the player, `%s`. Give it a `to:` (the character it is addressed to), or change `from`", e.ID, who, who))
}

// eventKey finds where the value of key is written in event ev, from the
// file's text (parsed again only when a message needs it).
func (p *problems) eventKey(ev int, key string) (scenario.Pos, bool) {
	if p.data == nil {
		return scenario.Pos{}, false
	}
	if p.root == nil {
		p.root = &yaml.Node{}
		if err := yaml.Unmarshal(p.data, p.root); err != nil {
			p.data = nil
			return scenario.Pos{}, false
		}
	}
	doc := p.root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		doc = doc.Content[0]
	}
	events := mapValue(doc, "events")
	if events == nil || events.Kind != yaml.SequenceNode || ev >= len(events.Content) {
		return scenario.Pos{}, false
	}
	v := mapValue(events.Content[ev], key)
	if v == nil {
		return scenario.Pos{}, false
	}
	return scenario.Pos{Line: v.Line, Col: v.Column}, true
}

func mapValue(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}
