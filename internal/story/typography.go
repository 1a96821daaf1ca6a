package story

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Typeset gives a scenario text the marks of print: straight quotes become
// curly ones by their context, apostrophes become ’, "---" an em dash,
// "--" an en dash, a hyphen with a space on each side a spaced en dash,
// and "..." an ellipsis. The scenario file keeps what the teacher typed;
// every front end shows the story model's typeset words. A text without
// any of these marks is returned as it is, without allocating.
//
// The rules for quotes: a quote at the start, after white space or after
// an opening bracket or a dash opens, unless white space or the end of the
// text follows it; anywhere else it closes. A single
// quote after a letter or a digit is an apostrophe (don't, Kennedy's),
// and so is one before a digit that starts a word ('45).
func Typeset(s string) string {
	if !strings.ContainsAny(s, "'\"-.") {
		return s
	}
	if !strings.ContainsAny(s, "'\"") && !strings.Contains(s, "--") && !strings.Contains(s, " - ") && !strings.Contains(s, "...") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	prev := rune(-1) // the last rune written; -1 at the start
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		next := rune(-1)
		if i+n < len(s) {
			next, _ = utf8.DecodeRuneInString(s[i+n:])
		}
		out := r
		switch {
		case strings.HasPrefix(s[i:], "---"):
			out, n = '—', 3
		case strings.HasPrefix(s[i:], "--"):
			out, n = '–', 2
		case r == '-' && prev == ' ' && next == ' ':
			out = '–'
		case strings.HasPrefix(s[i:], "..."):
			out, n = '…', 3
		case r == '"':
			out = '”'
			if opens(prev) && !ends(next) {
				out = '“'
			}
		case r == '\'':
			out = '’'
			if opens(prev) && !ends(next) && !unicode.IsDigit(next) {
				out = '‘'
			}
		}
		b.WriteRune(out)
		prev = out
		i += n
	}
	return b.String()
}

// ends reports whether a quote before next must close: at the end or
// before white space.
func ends(next rune) bool { return next == -1 || unicode.IsSpace(next) }

// opens reports whether a quote after prev opens a quotation.
func opens(prev rune) bool {
	switch prev {
	case -1, '(', '[', '{', '—', '–', '/', '“', '‘':
		return true
	}
	return unicode.IsSpace(prev)
}
