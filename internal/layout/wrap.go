package layout

import (
	"strings"
	"unicode/utf8"
)

// Measure returns the width of a string in pixels in one font at one size.
type Measure func(string) float64

// Normalize turns every run of white space into one space and trims the
// ends; it returns s itself when there is nothing to change.
func Normalize(s string) string {
	clean := true
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		sp := c == ' ' || c == '\n' || c == '\t' || c == '\r'
		if sp && (c != ' ' || prevSpace) {
			clean = false
			break
		}
		prevSpace = sp
	}
	if clean && (len(s) == 0 || s[len(s)-1] != ' ') {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// Wrap breaks one paragraph into lines no wider than width, appending them to
// dst. Lines break at spaces; a word wider than the whole line is broken
// between characters. The lines are substrings of the normalised paragraph,
// so wrapping allocates only when dst must grow.
func Wrap(dst []string, text string, width float64, measure Measure) []string {
	text = Normalize(text)
	if text == "" {
		return dst
	}
	space := measure(" ")
	lineStart, lineEnd := 0, 0 // current line is text[lineStart:lineEnd]
	lineW := 0.0
	i := 0
	for i < len(text) {
		j := strings.IndexByte(text[i:], ' ')
		if j < 0 {
			j = len(text)
		} else {
			j += i
		}
		word := text[i:j]
		ww := measure(word)
		switch {
		case lineEnd == lineStart && ww <= width:
			lineEnd, lineW = j, ww
		case lineEnd > lineStart && lineW+space+ww <= width:
			lineEnd, lineW = j, lineW+space+ww
		default:
			if lineEnd > lineStart {
				dst = append(dst, text[lineStart:lineEnd])
			}
			if ww <= width {
				lineStart, lineEnd, lineW = i, j, ww
				break
			}
			// The word alone is too wide: cut it into pieces that fit.
			k := i
			for k < j {
				n := fitPrefix(text[k:j], width, measure)
				if k+n == j {
					break
				}
				dst = append(dst, text[k:k+n])
				k += n
			}
			lineStart, lineEnd, lineW = k, j, measure(text[k:j])
		}
		i = j + 1
	}
	if lineEnd > lineStart {
		dst = append(dst, text[lineStart:lineEnd])
	}
	return dst
}

// fitPrefix returns the length in bytes of the longest prefix of s (at least
// one character) that is no wider than width. Words wider than a line are
// rare (long URLs), so a linear scan is enough.
func fitPrefix(s string, width float64, measure Measure) int {
	_, n := utf8.DecodeRuneInString(s)
	for k := n; k < len(s); {
		_, size := utf8.DecodeRuneInString(s[k:])
		if measure(s[:k+size]) > width {
			break
		}
		k += size
		n = k
	}
	return n
}
