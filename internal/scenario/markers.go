package scenario

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Texts that change with the story. A document's text may show a meter's
// value ({meter:trust}), a character's name ({name:envoy}, {short:envoy})
// and passages that depend on a condition ({if trust >= 60}...{else}...{end}).
// Only these words after a brace make a marker; every other brace is text,
// so a format-1 file that wrote braces keeps its meaning. A doubled brace
// before a marker word writes the marker literally: {{meter:trust} shows
// "{meter:trust}".
//
// Markers are checked when the file loads, like conditions, and a text with
// markers is compiled once; Expand then costs one pass over its parts.

// markerWords are what may follow a brace to make a marker.
var markerWords = []string{"meter:", "name:", "short:", "if ", "if}", "else}", "end}"}

// markerAt reports whether a marker starts at s[i] (a brace followed by a
// marker word).
func markerAt(s string, i int) bool {
	if i >= len(s) || s[i] != '{' {
		return false
	}
	rest := s[i+1:]
	for _, w := range markerWords {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

// hasMarkers reports whether s has a marker or an escaped one, that is,
// whether Expand could show it differently from how it is written.
func hasMarkers(s string) bool {
	for i := strings.IndexByte(s, '{'); i >= 0; {
		if markerAt(s, i) || markerAt(s, i+1) {
			return true
		}
		j := strings.IndexByte(s[i+1:], '{')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

type partKind uint8

const (
	partLiteral partKind = iota
	partMeter
	partName
	partShort
	partIf
)

// textPart is one piece of a compiled text: words as written, a value, or
// a conditional passage with its two branches.
type textPart struct {
	kind      partKind
	lit       string
	index     int // meter or character index
	cond      *Cond
	then, els []textPart
}

// markedText is a text with markers, compiled.
type markedText struct {
	parts []textPart
}

// TextRefs are what the scenario's texts refer to through markers, so that
// the checker counts them as uses.
type TextRefs struct {
	Meters     []int   // meters whose value a text shows
	Characters []int   // characters a text names
	Conds      []*Cond // the conditions of {if} passages
}

// TextRefs returns what the scenario's texts refer to through markers.
func (s *Scenario) TextRefs() TextRefs { return s.textRefs }

// Expand returns text (an event's text or history, a reply, a reaction, an
// ending's text or epilogue, as the model holds it) as the story shows it
// for the given meter values and flags: markers replaced by values and
// names, the passages whose condition fails left out. A text without
// markers comes back as it is.
func (s *Scenario) Expand(text string, meters []int, flags []bool) string {
	t := s.texts[text]
	if t == nil {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	s.expandParts(&b, t.parts, meters, flags)
	return b.String()
}

func (s *Scenario) expandParts(b *strings.Builder, parts []textPart, meters []int, flags []bool) {
	for i := range parts {
		p := &parts[i]
		switch p.kind {
		case partLiteral:
			b.WriteString(p.lit)
		case partMeter:
			v := s.Meters[p.index].Start
			if p.index < len(meters) {
				v = meters[p.index]
			}
			b.WriteString(strconv.Itoa(v))
		case partName:
			b.WriteString(s.Characters[p.index].Name)
		case partShort:
			b.WriteString(s.Characters[p.index].Short)
		case partIf:
			if p.cond.Eval(meters, flags) {
				s.expandParts(b, p.then, meters, flags)
			} else {
				s.expandParts(b, p.els, meters, flags)
			}
		}
	}
}

// rawText is a document text that has markers, with the node it was read
// from, compiled by the resolve pass.
type rawText struct {
	src  string
	node *yaml.Node
}

// markText remembers the text read from f for the resolve pass when it has
// markers. Only document texts are marked: titles, ids and labels never
// change with the story.
func (l *loader) markText(f field, text string) {
	if !f.given() || strings.IndexByte(text, '{') < 0 || !hasMarkers(text) {
		return
	}
	l.marked = append(l.marked, rawText{src: text, node: f.val})
}

// resolveTexts compiles the marked texts against the meters, characters
// and flags.
func (l *loader) resolveTexts() {
	if len(l.marked) == 0 {
		return
	}
	s := l.s
	s.texts = make(map[string]*markedText, len(l.marked))
	meterSeen := make(map[int]bool)
	charSeen := make(map[int]bool)
	for _, rt := range l.marked {
		if _, done := s.texts[rt.src]; done {
			continue
		}
		c := textCompiler{l: l, src: rt.src, node: rt.node}
		parts, ok := c.compile()
		if !ok {
			continue
		}
		s.texts[rt.src] = &markedText{parts: parts}
		walkParts(parts, func(p *textPart) {
			switch p.kind {
			case partMeter:
				if !meterSeen[p.index] {
					meterSeen[p.index] = true
					s.textRefs.Meters = append(s.textRefs.Meters, p.index)
				}
			case partName, partShort:
				if !charSeen[p.index] {
					charSeen[p.index] = true
					s.textRefs.Characters = append(s.textRefs.Characters, p.index)
				}
			case partIf:
				s.textRefs.Conds = append(s.textRefs.Conds, p.cond)
			}
		})
	}
}

func walkParts(parts []textPart, f func(*textPart)) {
	for i := range parts {
		f(&parts[i])
		walkParts(parts[i].then, f)
		walkParts(parts[i].els, f)
	}
}

// textCompiler compiles one text, reporting each problem at its line and
// column in the file.
type textCompiler struct {
	l    *loader
	src  string
	node *yaml.Node
	// cursor is the byte offset in the file after the last marker found,
	// so that the same marker written twice is found at each place.
	cursor   int
	cursorOK bool
	ok       bool
}

// frame is an {if} being read: the parts before it, and where it is.
type frame struct {
	outer  []textPart
	part   textPart
	at     Pos
	inElse bool
}

func (c *textCompiler) compile() ([]textPart, bool) {
	c.ok = true
	s := c.src
	var parts []textPart
	var stack []frame
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			parts = append(parts, textPart{kind: partLiteral, lit: lit.String()})
			lit.Reset()
		}
	}
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '{')
		if j < 0 {
			lit.WriteString(s[i:])
			break
		}
		lit.WriteString(s[i : i+j])
		i += j
		if markerAt(s, i+1) {
			// {{meter:... is the marker's text, written literally.
			lit.WriteByte('{')
			i += 2
			continue
		}
		if !markerAt(s, i) {
			lit.WriteByte('{')
			i++
			continue
		}
		end := strings.IndexAny(s[i:], "}\n")
		if end < 0 || s[i+end] != '}' {
			word, _, _ := strings.Cut(s[i+1:], ":")
			word, _, _ = strings.Cut(word, " ")
			c.report(c.find(s[i:min(len(s), i+len(word)+2)]), Error, "bad-marker", fmt.Sprintf("this `{%s` marker is not closed: close it with `}` on the same line, as in %s", word, markerExample(word)))
			lit.WriteString(s[i:])
			break
		}
		marker := s[i : i+end+1]
		at := c.find(marker)
		i += end + 1
		body := marker[1 : len(marker)-1]
		switch {
		case body == "else":
			if len(stack) == 0 {
				c.report(at, Error, "bad-marker", "`{else}` has no `{if ...}` before it in this text: write {if CONDITION}...{else}...{end}")
				continue
			}
			top := &stack[len(stack)-1]
			if top.inElse {
				c.report(at, Error, "bad-marker", fmt.Sprintf("this `{if}` (line %d, column %d) already has an `{else}`: end it with `{end}` first", top.at.Line, top.at.Col))
				continue
			}
			flush()
			top.part.then, parts = parts, nil
			top.inElse = true
		case body == "end":
			if len(stack) == 0 {
				c.report(at, Error, "bad-marker", "`{end}` has no `{if ...}` to close in this text: remove it, or add the {if CONDITION} that starts the passage")
				continue
			}
			flush()
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if top.inElse {
				top.part.els = parts
			} else {
				top.part.then = parts
			}
			parts = append(top.outer, top.part)
		case body == "if" || strings.HasPrefix(body, "if "):
			flush()
			fr := frame{outer: parts, at: at, part: textPart{kind: partIf}}
			src := strings.TrimPrefix(body, "if")
			lead := len(src) - len(strings.TrimLeft(src, " "))
			cond := strings.TrimSpace(src)
			if cond == "" {
				c.report(at, Error, "bad-condition", fmt.Sprintf("`{if}` needs a condition, such as {if %s}...{end}", c.l.ex.condition()))
			} else {
				cp := Pos{at.Line, at.Col + 3 + lead}
				if !c.cursorOK {
					cp = at
				}
				fr.part.cond = c.l.compile(rawCond{src: cond, pos: cp, set: true, inline: c.cursorOK})
				if fr.part.cond == nil {
					c.ok = false
				}
			}
			parts = nil
			stack = append(stack, fr)
		default:
			word, id, _ := strings.Cut(body, ":")
			idAt := at
			if c.cursorOK {
				idAt.Col += 1 + utf8.RuneCountInString(word) + 1 + len(id) - len(strings.TrimLeft(id, " "))
			}
			id = strings.TrimSpace(id)
			if p, ok := c.ref(word, id, idAt); ok {
				flush()
				parts = append(parts, p)
			}
		}
	}
	flush()
	for k := len(stack) - 1; k >= 0; k-- {
		c.report(stack[k].at, Error, "bad-marker", "this `{if ...}` passage is never closed: end it with `{end}` (write {if CONDITION}...{end}, or {if CONDITION}...{else}...{end})")
	}
	return parts, c.ok
}

// ref resolves the id of a {meter:}, {name:} or {short:} marker.
func (c *textCompiler) ref(word, id string, at Pos) (textPart, bool) {
	x := &c.l.ix
	if id == "" {
		c.report(at, Error, "bad-marker", fmt.Sprintf("`{%s:}` names no %s: write %s", word, map[bool]string{true: "meter", false: "character"}[word == "meter"], markerExample(word)))
		return textPart{}, false
	}
	if word == "meter" {
		if i, ok := x.meters.byID[id]; ok {
			return textPart{kind: partMeter, index: i}, true
		}
		if _, isFlag := x.flags.byID[id]; isFlag {
			c.report(at, Error, "unknown-meter", fmt.Sprintf("`%s` is a flag, not a meter: a text shows a meter's value with {meter:ID}; to change the words with a flag, write {if %s}...{else}...{end}", id, id))
			return textPart{}, false
		}
		c.report(at, Error, "unknown-meter", unknownMsg("meter", id, x.meters.ids))
		return textPart{}, false
	}
	i, ok := x.characters.byID[id]
	if !ok {
		c.report(at, Error, "unknown-character", unknownMsg("character", id, x.characters.ids))
		return textPart{}, false
	}
	kind := partName
	if word == "short" {
		kind = partShort
	}
	return textPart{kind: kind, index: i}, true
}

func markerExample(word string) string {
	switch word {
	case "meter":
		return "{meter:trust}"
	case "name", "short":
		return "{" + word + ":envoy}"
	}
	return "{if CONDITION}...{end}"
}

func (c *textCompiler) report(p Pos, sev Severity, code, msg string) {
	c.ok = false
	c.l.at(p, sev, code, msg)
}

// find returns where marker is written in the file: the next place after
// the text's start (or the last marker found) where it appears. A marker
// the YAML reader changed (folded over two lines, or written with escapes)
// is not found; it is then reported at the text's own position.
func (c *textCompiler) find(marker string) Pos {
	l := c.l
	if c.cursor == 0 {
		c.cursor = l.offsetOf(pos(c.node))
	}
	if k := strings.Index(l.srcText[c.cursor:], marker); k >= 0 {
		at := c.cursor + k
		c.cursor = at + len(marker)
		c.cursorOK = true
		return l.posOf(at)
	}
	c.cursorOK = false
	return pos(c.node)
}

// offsetOf returns the byte offset of a position in the file.
func (l *loader) offsetOf(p Pos) int {
	l.lineStarts()
	if p.Line < 1 || p.Line > len(l.textLines) {
		return 0
	}
	off := l.textLines[p.Line-1]
	for col := 1; col < p.Col && off < len(l.srcText) && l.srcText[off] != '\n'; col++ {
		_, size := utf8.DecodeRuneInString(l.srcText[off:])
		off += size
	}
	return off
}

// posOf returns the line and column of a byte offset in the file.
func (l *loader) posOf(off int) Pos {
	l.lineStarts()
	lo, hi := 0, len(l.textLines)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if l.textLines[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return Pos{lo + 1, utf8.RuneCountInString(l.srcText[l.textLines[lo]:off]) + 1}
}

func (l *loader) lineStarts() {
	if l.textLines != nil {
		return
	}
	l.textLines = append(l.textLines, 0)
	for i := 0; i < len(l.srcText); i++ {
		if l.srcText[i] == '\n' {
			l.textLines = append(l.textLines, i+1)
		}
	}
}
