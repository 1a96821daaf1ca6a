package scenario

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Severity tells an error, which stops the scenario from being played, from
// a warning, which points at something that is probably a mistake.
type Severity uint8

// The severities.
const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// MarshalText makes a severity read as "error" or "warning" in JSON.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Diagnostic is one problem found in a scenario file.
type Diagnostic struct {
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Col      int      `json:"column"`
	Severity Severity `json:"severity"`
	// Code names the kind of problem (for example "unknown-key"); the
	// scenario guide lists every code with an example and its fix.
	Code    string `json:"code"`
	Message string `json:"message"`
	// Source is the line of the file the problem is on, as written (without
	// its line end), so that every front end can show it under the message
	// without the file's bytes. Load fills it in for its own problems;
	// Diagnostics.AddSource fills it in for problems found later. It stays
	// out of the JSON, which is the same whoever prints it.
	Source string `json:"-"`
}

// String formats the diagnostic as file:line:col: severity: message [code],
// on one line of its own when the message has one.
func (d Diagnostic) String() string {
	s := fmt.Sprintf("%s:%d:%d: %s: %s", d.File, d.Line, d.Col, d.Severity, printable(d.Message))
	if d.Code != "" {
		s += " [" + d.Code + "]"
	}
	return s
}

// ExcerptWidth is how many columns of a long source line Diagnostics.String
// shows around the problem.
const ExcerptWidth = 100

// tabWidth is how many columns a tab in a source line takes in an excerpt.
const tabWidth = 4

// Excerpt returns the diagnostic's source line as a fixed-width face shows
// it, and a line with a caret under the column: tabs become spaces, control
// and direction-changing characters become U+FFFD, wide characters count
// two columns and combining ones none, and a line wider than width columns
// is clipped around the column, with "…" where text was cut. ok is false
// when there is no source line to show.
func (d Diagnostic) Excerpt(width int) (line, caret string, ok bool) {
	if strings.TrimSpace(d.Source) == "" || d.Col < 1 {
		return "", "", false
	}
	type cell struct {
		r     rune
		width int // 0, 1 or 2 columns; a tab is expanded before this
	}
	var cells []cell
	at := -1 // the column (in display columns) of the problem
	col := 0
	for i, r := range []rune(d.Source) {
		if i == d.Col-1 {
			at = col
		}
		switch {
		case r == '\t':
			for n := tabWidth - col%tabWidth; n > 0; n-- {
				cells = append(cells, cell{' ', 1})
				col++
			}
			continue
		case !safeRune(r):
			r = utf8.RuneError
		}
		w := runeWidth(r)
		cells = append(cells, cell{r, w})
		col += w
	}
	if at < 0 {
		// The column is past the end of the line: the caret goes after it.
		at = col + d.Col - 1 - utf8.RuneCountInString(d.Source)
	}
	// Clip: keep the columns [from, to) of the line.
	from, to := 0, col
	if width > 0 && col > width {
		from = max(0, at-width/3)
		to = min(col, from+width)
		if to-from < width {
			from = max(0, to-width)
		}
	}
	// Text cut at the left or right shows as "…" in the first or last column.
	lo, hi := from, to
	var lb strings.Builder
	if from > 0 {
		lb.WriteString("…")
		lo++
	}
	if to < col {
		hi--
	}
	pos := 0
	for _, c := range cells {
		start := pos
		pos += c.width
		switch {
		case start >= lo && pos <= hi:
			lb.WriteRune(c.r)
		case start < hi && pos > lo:
			// A wide character cut in two: spaces keep the caret aligned.
			lb.WriteString(strings.Repeat(" ", min(pos, hi)-max(start, lo)))
		}
	}
	if to < col {
		lb.WriteString("…")
	}
	caret = strings.Repeat(" ", max(0, at-from)) + "^"
	return strings.TrimRight(lb.String(), " "), caret, true
}

// safeRune reports whether r may be printed as it is: control characters
// could move a terminal's cursor or change its colours, and direction
// overrides could make the line read differently from the file.
func safeRune(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7f && r < 0xa0:
		return false
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return false
	}
	return r != utf8.RuneError
}

// printable replaces the characters safeRune refuses, except line breaks,
// so a message quoting the file cannot act on a terminal.
func printable(s string) string {
	clean := true
	for _, r := range s {
		if r != '\n' && !safeRune(r) && r != utf8.RuneError {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\n' || safeRune(r) {
			return r
		}
		return utf8.RuneError
	}, s)
}

// runeWidth returns how many columns a fixed-width face gives r: none for
// combining marks and invisible format characters, two for the wide
// characters of East Asian scripts and for emoji, one otherwise.
func runeWidth(r rune) int {
	if r < 0x300 {
		return 1
	}
	if unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf) {
		return 0
	}
	for _, w := range wideRanges {
		if r < w[0] {
			return 1
		}
		if r <= w[1] {
			return 2
		}
	}
	return 1
}

// wideRanges are the main blocks of characters a terminal draws two columns
// wide (East Asian Wide and Fullwidth, and emoji), in order.
var wideRanges = [][2]rune{
	{0x1100, 0x115f},   // Hangul Jamo initials
	{0x231a, 0x231b},   // watch, hourglass
	{0x2329, 0x232a},   // angle brackets
	{0x23e9, 0x23ec},   // media buttons
	{0x23f0, 0x23f0},   // alarm clock
	{0x23f3, 0x23f3},   // hourglass
	{0x25fd, 0x25fe},   // squares
	{0x2614, 0x2615},   // umbrella, hot beverage
	{0x2648, 0x2653},   // zodiac
	{0x267f, 0x267f},   // wheelchair
	{0x2693, 0x2693},   // anchor
	{0x26a1, 0x26a1},   // high voltage
	{0x26aa, 0x26ab},   // circles
	{0x26bd, 0x26be},   // balls
	{0x26c4, 0x26c5},   // snowman, sun
	{0x26ce, 0x26ce},   // ophiuchus
	{0x26d4, 0x26d4},   // no entry
	{0x26ea, 0x26ea},   // church
	{0x26f2, 0x26f3},   // fountain, flag
	{0x26f5, 0x26f5},   // sailboat
	{0x26fa, 0x26fa},   // tent
	{0x26fd, 0x26fd},   // fuel pump
	{0x2705, 0x2705},   // check mark
	{0x270a, 0x270b},   // fists
	{0x2728, 0x2728},   // sparkles
	{0x274c, 0x274c},   // cross mark
	{0x274e, 0x274e},   // cross mark
	{0x2753, 0x2755},   // question marks
	{0x2757, 0x2757},   // exclamation mark
	{0x2795, 0x2797},   // plus, minus, division
	{0x27b0, 0x27b0},   // curly loop
	{0x27bf, 0x27bf},   // double curly loop
	{0x2b1b, 0x2b1c},   // large squares
	{0x2b50, 0x2b50},   // star
	{0x2b55, 0x2b55},   // circle
	{0x2e80, 0x303e},   // CJK radicals, symbols and punctuation
	{0x3041, 0x33ff},   // Hiragana, Katakana, Bopomofo, Hangul compatibility, CJK compatibility
	{0x3400, 0x4dbf},   // CJK extension A
	{0x4e00, 0x9fff},   // CJK unified ideographs
	{0xa000, 0xa4cf},   // Yi
	{0xa960, 0xa97f},   // Hangul Jamo extended A
	{0xac00, 0xd7a3},   // Hangul syllables
	{0xf900, 0xfaff},   // CJK compatibility ideographs
	{0xfe10, 0xfe19},   // vertical forms
	{0xfe30, 0xfe6f},   // CJK compatibility forms, small forms
	{0xff00, 0xff60},   // fullwidth forms
	{0xffe0, 0xffe6},   // fullwidth signs
	{0x16fe0, 0x18cff}, // Tangut and others
	{0x1b000, 0x1b2ff}, // Kana supplement and extensions
	{0x1f004, 0x1f004}, // mahjong tile
	{0x1f0cf, 0x1f0cf}, // playing card
	{0x1f18e, 0x1f18e}, // AB button
	{0x1f191, 0x1f19a}, // squared words
	{0x1f200, 0x1f2ff}, // enclosed ideographic supplement
	{0x1f300, 0x1f64f}, // pictographs, emoticons
	{0x1f680, 0x1f6ff}, // transport and map symbols
	{0x1f7e0, 0x1f7eb}, // coloured circles and squares
	{0x1f90c, 0x1f9ff}, // supplemental symbols and pictographs
	{0x1fa70, 0x1faff}, // symbols and pictographs extended A
	{0x20000, 0x3fffd}, // CJK extensions B and beyond
}

// noSource lists the codes of problems that are about the file as a whole
// (or its bytes), where a line of it would show nothing useful.
var noSource = map[string]bool{"read": true, "too-large": true, "binary": true, "empty": true}

// AddSource fills in the Source of every problem that has none from the
// bytes of the file they are about, read as Load reads them (a byte-order
// mark dropped; CRLF, CR and LF all end a line; a byte that is not UTF-8
// shown as U+FFFD). Load does this for its own problems; a tool that adds
// problems of its own, such as the graph checks, calls it with the same
// bytes so that every problem can show its line.
func (ds Diagnostics) AddSource(data []byte) {
	need := false
	for _, d := range ds {
		if d.Source == "" && !noSource[d.Code] && d.Line >= 1 {
			need = true
			break
		}
	}
	if !need {
		return
	}
	data = bytes.TrimPrefix(data, bom)
	var starts []int // the offset of each line's first byte
	starts = append(starts, 0)
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '\n':
			starts = append(starts, i+1)
		case '\r':
			if i+1 < len(data) && data[i+1] == '\n' {
				i++
			}
			starts = append(starts, i+1)
		}
	}
	for i := range ds {
		d := &ds[i]
		if d.Source != "" || noSource[d.Code] || d.Line < 1 || d.Line > len(starts) {
			continue
		}
		end := len(data)
		if d.Line < len(starts) {
			end = starts[d.Line]
		}
		d.Source = validText(strings.TrimRight(string(data[starts[d.Line-1]:end]), "\r\n"))
	}
}

// validText returns s with each byte that is not part of valid UTF-8
// replaced by U+FFFD, one for one, so that columns still count right.
func validText(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		b.WriteRune(r)
		i += size
	}
	return b.String()
}

// Diagnostics is a list of problems.
type Diagnostics []Diagnostic

// HasErrors reports whether any of the problems is an error.
func (ds Diagnostics) HasErrors() bool {
	for _, d := range ds {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Count returns the number of errors and of warnings.
func (ds Diagnostics) Count() (errors, warnings int) {
	for _, d := range ds {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// Sort orders the problems errors first, then warnings, each by file position.
func (ds Diagnostics) Sort() {
	slices.SortStableFunc(ds, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Severity, b.Severity),
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
		)
	})
}

// ExcerptLines returns the excerpt as it is shown under the message: the
// line number, a bar and the source line, then the caret under the column,
// with at most width columns of the source line; nil when there is no
// source line to show. Every front end shows these same two lines.
func (d Diagnostic) ExcerptLines(width int) []string {
	line, caret, ok := d.Excerpt(width)
	if !ok {
		return nil
	}
	return []string{fmt.Sprintf("%5d | %s", d.Line, line), fmt.Sprintf("%5s | %s", "", caret)}
}

// ExcerptGutter is how many columns ExcerptLines puts before the source
// line (the line number and the bar), for a front end that fits the
// excerpt into a given width.
const ExcerptGutter = 8

// String formats the problems as a terminal shows them, errors first: each
// on its own line as file:line:col: severity: message [code], followed by
// its source line and a caret under the column when it has one.
func (ds Diagnostics) String() string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString(d.String())
		b.WriteByte('\n')
		for _, l := range d.ExcerptLines(ExcerptWidth) {
			b.WriteString(l)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// Summary says in words how many errors and warnings there are.
func (ds Diagnostics) Summary() string {
	return SummaryOf(ds.Count())
}

// SummaryOf says "2 errors, 1 warning".
func SummaryOf(errors, warnings int) string {
	return fmt.Sprintf("%s, %s", plural(errors, "error"), plural(warnings, "warning"))
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// sourceLines gives the lines of the text being loaded, for the few
// messages that look at a line again (to find a character's column); the
// line starts are found on first use.
type sourceLines struct {
	data   []byte
	starts []int
}

// line returns line n (1-based) without its line end, or "".
func (s *sourceLines) line(n int) string {
	if s.starts == nil {
		s.starts = append(s.starts, 0)
		for i, c := range s.data {
			if c == '\n' {
				s.starts = append(s.starts, i+1)
			}
		}
	}
	if n < 1 || n > len(s.starts) {
		return ""
	}
	end := len(s.data)
	if n < len(s.starts) {
		end = s.starts[n] - 1
	}
	return string(s.data[s.starts[n-1]:end])
}
