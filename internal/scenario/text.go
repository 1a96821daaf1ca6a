package scenario

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxFileSize is the largest scenario file accepted. The full campaign is
// well under 1 MB; the cap keeps a wrong file (a video, a dump) from eating
// memory.
const MaxFileSize = 8 << 20

// maxDepth bounds how deeply YAML may nest. The format itself nests six
// levels deep; anything far beyond that is a broken or hostile file.
const maxDepth = 40

var bom = []byte{0xEF, 0xBB, 0xBF}

// prepare checks the raw bytes of a file before the YAML parser sees them and
// returns the normalised text (no byte-order mark, LF line ends). It reports
// problems the YAML parser would explain badly or not at all.
func (l *loader) prepare(data []byte) ([]byte, bool) {
	if len(data) > MaxFileSize {
		l.at(Pos{1, 1}, Error, "too-large", fmt.Sprintf("the file is larger than %s, the most a scenario may be: is this the right file?", sizeText(MaxFileSize)))
		return nil, false
	}
	data = bytes.TrimPrefix(data, bom)
	if len(bytes.TrimSpace(data)) == 0 {
		l.at(Pos{1, 1}, Error, "empty", "the file is empty: a scenario needs at least `format: 1`, a `title`, `events` and `endings` (see docs/scenario-format.md for a complete example)")
		return nil, false
	}
	if line, col, ok := findBinary(data); ok {
		l.at(Pos{line, col}, Error, "binary", "this is not a text file (it contains control characters used by programs, not by text): a scenario must be plain text saved as UTF-8")
		return nil, false
	}
	if line, col, ok := findInvalidUTF8(data); ok {
		l.at(Pos{line, col}, Error, "encoding", "this is not valid UTF-8 text (the file was probably saved as Latin-1 or Windows-1252): save it again as UTF-8 in your editor (Notepad: Save As, Encoding: UTF-8)")
		return nil, false
	}
	if bytes.IndexByte(data, '\r') >= 0 {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
		data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
	}
	if !l.checkTabs(data) {
		return nil, false
	}
	return data, true
}

func hashOf(data []byte) string {
	h := fnv.New128a()
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil))
}

func sizeText(n int) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KB", (n+1023)/1024)
}

// findBinary returns the position of the first control character that text
// files never contain (tab, line feed and carriage return are fine).
func findBinary(data []byte) (line, col int, found bool) {
	clean := true
	for _, c := range data {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f {
			clean = false
			break
		}
	}
	if clean {
		return 0, 0, false
	}
	line, col = 1, 1
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case c == '\n':
			line, col = line+1, 1
			continue
		case c < 0x20 && c != '\t' && c != '\r' || c == 0x7f:
			return line, col, true
		}
		if c < 0x80 || utf8.RuneStart(c) {
			col++
		}
	}
	return 0, 0, false
}

func findInvalidUTF8(data []byte) (line, col int, found bool) {
	if utf8.Valid(data) {
		return 0, 0, false
	}
	line, col = 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return line, col, true
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	return 0, 0, false
}

// checkTabs reports lines indented with tabs. YAML forbids them and the
// parser's own message ("found character that cannot start any token") does
// not tell a teacher what to do.
func (l *loader) checkTabs(data []byte) bool {
	first, firstCol, count := 0, 0, 0
	line := 1
	for i := 0; i < len(data); line++ {
		j := i
		for j < len(data) && data[j] == ' ' {
			j++
		}
		if j < len(data) && data[j] == '\t' {
			if count == 0 {
				first, firstCol = line, j-i+1
			}
			count++
		}
		next := bytes.IndexByte(data[j:], '\n')
		if next < 0 {
			break
		}
		i = j + next + 1
	}
	if count == 0 {
		return true
	}
	msg := "this line is indented with a tab: YAML indentation must use spaces. Replace the tab with spaces (in most editors: Find and Replace, or turn on \"insert spaces\" for tabs)"
	if count > 1 {
		msg += fmt.Sprintf("; %d lines in this file start with tabs", count)
	}
	l.at(Pos{first, firstCol}, Error, "tab-indent", msg)
	return false
}

// isID reports whether s is a well-formed id: ASCII letters, digits, - and
// _, starting with a letter or digit.
func isID(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isAlnum(c) && (i == 0 || c != '-' && c != '_') {
			return false
		}
	}
	return s != ""
}

// isName reports whether s can name a meter or flag in a condition: ASCII
// letters, digits and _, not starting with a digit.
func isName(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isAlnum(c) && c != '_' || i == 0 && c >= '0' && c <= '9' {
			return false
		}
	}
	return s != ""
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// isColor reports whether s is # and six hex digits.
func isColor(s string) bool {
	if len(s) != 7 || s[0] != '#' {
		return false
	}
	for i := 1; i < 7; i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

// reservedNames cannot be meter or flag ids because conditions give them a meaning.
var reservedNames = map[string]bool{
	"and": true, "or": true, "not": true, "true": true, "false": true, "nil": true,
	"in": true, "matches": true, "contains": true, "startsWith": true, "endsWith": true,
	"let": true, "if": true, "else": true, "end": true,
}

// slug makes a choice id from the first words of its text.
func slug(text string) string {
	var buf [64]byte
	b := buf[:0]
	words, inWord := 0, false
	for _, r := range text {
		r = unicode.ToLower(r)
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			inWord = false
			continue
		}
		if !inWord {
			if words == 5 {
				break
			}
			if words > 0 {
				b = append(b, '-')
			}
			words++
			inWord = true
		}
		b = utf8.AppendRune(b, r)
	}
	for len(b) > 40 {
		i := bytes.LastIndexByte(b, '-')
		if i <= 0 {
			// One long word: its first 20 characters (saves hold these
			// ids, so the rule stays), or fewer when they are wide.
			if r := []rune(string(b)); len(r) >= 20 {
				return string(r[:20])
			}
			for i = 40; !utf8.RuneStart(b[i]); i-- {
			}
		}
		b = b[:i]
	}
	if len(b) == 0 {
		return "reply"
	}
	return string(b)
}

// parseEffect reads an effect value: 15, +15, -10, "%+20", "%-20" or "=50".
func parseEffect(v string) (EffectOp, int, bool) {
	v = strings.TrimSpace(v)
	if strings.HasPrefix(v, "=") {
		n, err := strconv.Atoi(strings.TrimSpace(v[1:]))
		return SetTo, n, err == nil
	}
	i := 0
	space := func() {
		for i < len(v) && (v[i] == ' ' || v[i] == '\t' || v[i] == '\n' || v[i] == '\f' || v[i] == '\r') {
			i++
		}
	}
	percent := i < len(v) && v[i] == '%'
	if percent {
		i++
	}
	space()
	sign := byte(0)
	if i < len(v) && (v[i] == '+' || v[i] == '-') {
		sign = v[i]
		i++
	}
	space()
	start := i
	for i < len(v) && v[i] >= '0' && v[i] <= '9' {
		i++
	}
	digits := v[start:i]
	space()
	if digits == "" || i != len(v) {
		return 0, 0, false
	}
	n, err := strconv.Atoi(digits)
	if err != nil || n > 1_000_000 {
		return 0, 0, false
	}
	if percent {
		if sign == 0 || n > 100 {
			return 0, 0, false
		}
		if sign == '+' {
			return FairUp, n, true
		}
		return FairDown, n, true
	}
	if sign == '-' {
		n = -n
	}
	return Add, n, true
}

// ReadFile reads a scenario file from disk through a limit of MaxFileSize
// (see untrusted.go): a folder, a named pipe or a device is refused before
// it is opened, a larger file by its size.
func ReadFile(path string) ([]byte, error) { return readLimited(path) }

// ReadProblem is the diagnostic every tool shows for a scenario file that
// could not be read at all: at 1:1 of the file, with the code "read" (or
// "too-large").
func ReadProblem(name string, err error) Diagnostic {
	if msg, ok := tooLargeText(err); ok {
		return Diagnostic{File: name, Line: 1, Col: 1, Severity: Error, Code: "too-large", Message: msg}
	}
	return Diagnostic{File: name, Line: 1, Col: 1, Severity: Error, Code: "read", Message: "cannot read the file: " + ReadErrorText(err)}
}

// ReadErrorText says in words why a file could not be read, without the
// path that the message already names.
func ReadErrorText(err error) string {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "no such file (check the name and the folder you are in)"
	case errors.Is(err, os.ErrPermission):
		return "not allowed to read this file"
	}
	if msg, ok := notRegularText(err); ok {
		return msg
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// LoadFile reads a scenario file from disk and loads it; a file that cannot
// be read is one diagnostic, worded as ReadProblem words it.
func LoadFile(path string) (*Scenario, Diagnostics) {
	data, err := ReadFile(path)
	if err != nil {
		return nil, Diagnostics{ReadProblem(path, err)}
	}
	return Load(path, data)
}
