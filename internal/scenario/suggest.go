package scenario

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/agnivade/levenshtein"
)

// Nearest returns the candidate closest to name when it is close enough to
// be a likely misspelling, else "". Case differences count as small.
func Nearest(name string, candidates []string) string {
	best, bestDist := "", -1
	lname := strings.ToLower(name)
	for _, c := range candidates {
		d := levenshtein.ComputeDistance(lname, strings.ToLower(c))
		if strings.EqualFold(name, c) {
			d = 0
		}
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	if bestDist < 0 {
		return ""
	}
	limit := 2
	if n := len([]rune(name)); n > 8 {
		limit = n / 3
	}
	if bestDist > limit || (len([]rune(name)) <= 3 && bestDist > 1) {
		return ""
	}
	return best
}

// lookalike is a character that word processors and web pages put in
// place of one an id is written with, and what to type instead ("" for an
// invisible character, which is deleted).
type lookalike struct {
	name, as string
}

var lookalikes = map[rune]lookalike{
	0x00a0: {"NO-BREAK SPACE", " "},
	0x00ad: {"SOFT HYPHEN", ""},
	0x2007: {"FIGURE SPACE", " "},
	0x2009: {"THIN SPACE", " "},
	0x200a: {"HAIR SPACE", " "},
	0x200b: {"ZERO WIDTH SPACE", ""},
	0x200c: {"ZERO WIDTH NON-JOINER", ""},
	0x200d: {"ZERO WIDTH JOINER", ""},
	0x2010: {"HYPHEN", "-"},
	0x2011: {"NON-BREAKING HYPHEN", "-"},
	0x2012: {"FIGURE DASH", "-"},
	0x2013: {"EN DASH", "-"},
	0x2014: {"EM DASH", "-"},
	0x2015: {"HORIZONTAL BAR", "-"},
	0x2018: {"LEFT SINGLE QUOTATION MARK", "'"},
	0x2019: {"RIGHT SINGLE QUOTATION MARK", "'"},
	0x201a: {"SINGLE LOW-9 QUOTATION MARK", "'"},
	0x201c: {"LEFT DOUBLE QUOTATION MARK", "\""},
	0x201d: {"RIGHT DOUBLE QUOTATION MARK", "\""},
	0x201e: {"DOUBLE LOW-9 QUOTATION MARK", "\""},
	0x2032: {"PRIME", "'"},
	0x2033: {"DOUBLE PRIME", "\""},
	0x2060: {"WORD JOINER", ""},
	0x202f: {"NARROW NO-BREAK SPACE", " "},
	0x2212: {"MINUS SIGN", "-"},
	0x2024: {"ONE DOT LEADER", "."},
	0x00ab: {"LEFT-POINTING DOUBLE ANGLE QUOTATION MARK", "\""},
	0x00bb: {"RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK", "\""},
	0xfeff: {"ZERO WIDTH NO-BREAK SPACE", ""},
	0xff0d: {"FULLWIDTH HYPHEN-MINUS", "-"},
	0xff3f: {"FULLWIDTH LOW LINE", "_"},
	0xfe63: {"SMALL HYPHEN-MINUS", "-"},
}

// scripts are the alphabets whose letters most often pass for Latin ones
// (a Cyrillic а, a Greek ο).
var scripts = []struct {
	name  string
	table *unicode.RangeTable
}{{"Cyrillic", unicode.Cyrillic}, {"Greek", unicode.Greek}, {"Armenian", unicode.Armenian}, {"Cherokee", unicode.Cherokee}}

// firstNonASCII returns the first character of s that is not printable
// ASCII and its index in characters (not bytes).
func firstNonASCII(s string) (r rune, at int, ok bool) {
	at = 0
	for _, r := range s {
		if r < 0x20 || r > 0x7e {
			return r, at, true
		}
		at++
	}
	return 0, 0, false
}

// lookalikeNote explains, in words that follow the id in a sentence
// ("`first‑letter` contains ..."), the first character of id (written at p in the
// file) that is not plain ASCII: which one it is, in its Unicode name, at
// which column, and what to type in its place. Such a character looks like
// the right one in a message and in most fonts, so naming it is the only
// way to show the teacher what is wrong; the id with the plain characters
// follows when valid accepts it. at is the character's position; ok is
// false when id is plain ASCII.
func (l *loader) lookalikeNote(p Pos, id string, valid func(string) bool) (note string, at Pos, ok bool) {
	r, i, ok := firstNonASCII(id)
	if !ok {
		return "", p, false
	}
	at = Pos{p.Line, p.Col + i}
	if line := []rune(l.src.line(p.Line)); p.Col >= 1 && p.Col-1 <= len(line) {
		// Quotes around the value, or an escape, move the character: find it.
		if k := slices.Index(line[p.Col-1:], r); k >= 0 {
			at.Col = p.Col + k
		}
	}
	name := fmt.Sprintf("U+%04X", r)
	la, known := lookalikes[r]
	switch {
	case known:
		name += " " + la.name
	case unicode.IsLetter(r):
		name += " (a letter of another alphabet"
		for _, sc := range scripts {
			if unicode.Is(sc.table, r) {
				name += ", " + sc.name
				break
			}
		}
		name += ")"
	}
	var mapped strings.Builder
	for _, c := range id {
		if m, ok := lookalikes[c]; ok {
			mapped.WriteString(m.as)
		} else {
			mapped.WriteRune(c)
		}
	}
	fixed := strings.Trim(strings.TrimSpace(mapped.String()), "\"'")
	switch {
	case known && la.as == "":
		note = fmt.Sprintf("contains %s at column %d, an invisible character (copied from a word processor or a web page): delete it", name, at.Col)
	case known && la.as == " ":
		note = fmt.Sprintf("contains %s at column %d, which looks like a space (copied from a word processor or a web page)", name, at.Col)
	case known && (la.as == "\"" || la.as == "'"):
		note = fmt.Sprintf("contains %s at column %d, a curly quotation mark as word processors type it: YAML reads only straight quotes, and an id needs none", name, at.Col)
	case known:
		note = fmt.Sprintf("contains %s at column %d, which looks like `%s` but is another character (word processors put it in): type `%s` in its place", name, at.Col, la.as, la.as)
	default:
		note = fmt.Sprintf("contains %s at column %d, which may look like a plain letter but is another character: type it again", name, at.Col)
	}
	switch {
	case !valid(fixed):
	case known && (la.as == "\"" || la.as == "'"):
		note += fmt.Sprintf(": write `%s`", fixed)
	default:
		note += fmt.Sprintf(", so that it reads `%s`", fixed)
	}
	return note, at, true
}
