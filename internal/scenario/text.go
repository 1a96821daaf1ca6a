package scenario

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"regexp"
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
		l.at(1, 1, Error, "too-large", fmt.Sprintf("the file is %s; a scenario may be at most %s: is this the right file?", sizeText(len(data)), sizeText(MaxFileSize)))
		return nil, false
	}
	data = bytes.TrimPrefix(data, bom)
	if len(bytes.TrimSpace(data)) == 0 {
		l.at(1, 1, Error, "empty", "the file is empty: a scenario needs at least `format: 1`, a `title`, `events` and `endings` (see docs/scenario-format.md for a complete example)")
		return nil, false
	}
	if line, col, ok := findBinary(data); ok {
		l.at(line, col, Error, "binary", "this is not a text file (it contains control characters used by programs, not by text): a scenario must be plain text saved as UTF-8")
		return nil, false
	}
	if line, col, ok := findInvalidUTF8(data); ok {
		l.at(line, col, Error, "encoding", "this is not valid UTF-8 text (the file was probably saved as Latin-1 or Windows-1252): save it again as UTF-8 in your editor (Notepad: Save As, Encoding: UTF-8)")
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
	lines := bytes.Split(data, []byte("\n"))
	first, count := 0, 0
	firstCol := 0
	for i, ln := range lines {
		for j, c := range ln {
			if c == ' ' {
				continue
			}
			if c == '\t' {
				if count == 0 {
					first, firstCol = i+1, j+1
				}
				count++
			}
			break
		}
	}
	if count == 0 {
		return true
	}
	msg := "this line is indented with a tab: YAML indentation must use spaces. Replace the tab with spaces (in most editors: Find and Replace, or turn on \"insert spaces\" for tabs)"
	if count > 1 {
		msg += fmt.Sprintf("; %d lines in this file start with tabs", count)
	}
	l.at(first, firstCol, Error, "tab-indent", msg)
	return false
}

var (
	idPattern     = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]*$`)
	namePattern   = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	colorPattern  = regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`)
	effectPattern = regexp.MustCompile(`^\s*(%?)\s*([+-]?)\s*([0-9]+)\s*$`)
)

// reservedNames cannot be meter or flag ids because conditions give them a meaning.
var reservedNames = map[string]bool{
	"and": true, "or": true, "not": true, "true": true, "false": true, "nil": true,
	"in": true, "matches": true, "contains": true, "startsWith": true, "endsWith": true,
	"let": true, "if": true, "else": true, "end": true,
}

// slug makes a choice id from the first words of its text.
func slug(text string) string {
	var words []string
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		words = append(words, w)
		if len(words) == 5 {
			break
		}
	}
	s := strings.Join(words, "-")
	for len(s) > 40 {
		i := strings.LastIndexByte(s, '-')
		if i <= 0 {
			s = string([]rune(s)[:20])
			break
		}
		s = s[:i]
	}
	if s == "" {
		s = "reply"
	}
	return s
}

// parseEffect reads an effect value: 15, +15, -10, "%+20", "%-20" or "=50".
func parseEffect(v string) (EffectOp, int, bool) {
	v = strings.TrimSpace(v)
	if strings.HasPrefix(v, "=") {
		n, err := strconv.Atoi(strings.TrimSpace(v[1:]))
		return SetTo, n, err == nil
	}
	m := effectPattern.FindStringSubmatch(v)
	if m == nil {
		return 0, 0, false
	}
	n, err := strconv.Atoi(m[3])
	if err != nil || n > 1_000_000 {
		return 0, 0, false
	}
	if m[1] == "%" {
		if m[2] == "" || n > 100 {
			return 0, 0, false
		}
		if m[2] == "+" {
			return FairUp, n, true
		}
		return FairDown, n, true
	}
	if m[2] == "-" {
		n = -n
	}
	return Add, n, true
}

// ReadFile reads a scenario file from disk, at most one byte more than
// MaxFileSize, so that a huge file is refused without being read whole
// (Load then reports it as too large).
func ReadFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, errors.New("this is a folder, not a scenario file")
	}
	return io.ReadAll(io.LimitReader(f, MaxFileSize+1))
}

// ReadProblem is the diagnostic every tool shows for a scenario file that
// could not be read at all: at 1:1 of the file, with the code "read".
func ReadProblem(name string, err error) Diagnostic {
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
