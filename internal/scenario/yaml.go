package scenario

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// parseYAML parses normalised text into a document node, turning the YAML
// library's errors into messages a teacher can act on.
func (l *loader) parseYAML(data []byte) (root *yaml.Node, ok bool) {
	defer func() {
		// yaml.v3 is well fuzzed, but a scenario loader must never take the
		// game down: a parser panic becomes an ordinary error.
		if r := recover(); r != nil {
			l.at(Pos{1, 1}, Error, "yaml", fmt.Sprintf("the YAML reader could not read this file (%v)", r))
			root, ok = nil, false
		}
	}()
	l.src = sourceLines{data: data}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		l.yamlError(data, err)
		return nil, false
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		l.at(Pos{1, 1}, Error, "empty", "the file has nothing but comments: a scenario needs at least `format: 1`, a `title`, `events` and `endings` (see docs/scenario-format.md for a complete example)")
		return nil, false
	}
	if !l.checkStructure(doc.Content[0], 1) {
		return nil, false
	}
	return doc.Content[0], true
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlHint explains one of the YAML library's messages in plain words. A
// hint with {example} takes an example, made from the offending line when
// it can be, else the neutral one given.
type yamlHint struct {
	contains, code, hint, example string
}

var yamlHints = []yamlHint{
	{contains: "mapping values are not allowed", code: "yaml-colon", hint: "a value contains `: ` (a colon followed by a space), which YAML reads as a new key: put the whole value in double quotes, for example {example}", example: `title: "Part one: the reply"`},
	{contains: "did not find expected key", code: "yaml-indent", hint: "this line does not line up with the lines above it: keys of the same thing must start in the same column, and a new list item starts with `- `"},
	{contains: "could not find expected ':'", code: "yaml-colon-missing", hint: "a key is missing its colon, or a text value runs over several lines: write `key: value`, and use `text: |` for text of several lines"},
	{contains: "did not find expected ',' or '}'", code: "yaml-brace", hint: "a `{ ... }` is not closed, or a value inside it contains a comma or colon: close the brace, or put the value in double quotes"},
	{contains: "did not find expected ',' or ']'", code: "yaml-bracket", hint: "a `[ ... ]` is not closed, or a value inside it contains a comma: close the bracket, or put the value in double quotes"},
	{contains: "found unexpected end of stream", code: "yaml-quote", hint: "a quotation mark is opened but never closed"},
	{contains: "found unknown escape character", code: "yaml-escape", hint: "a backslash inside double quotes starts an unknown escape: write \\\\ for a backslash, or use single quotes"},
	{contains: "did not find expected hexdecimal number", code: "yaml-escape", hint: "a backslash inside double quotes starts an escape (\\x, \\u and \\U take a number): write \\\\ for a backslash, or use single quotes"},
	{contains: "did not find expected node content", code: "yaml-value", hint: "a value is missing after a `-` or a `:`, or starts with a character YAML reserves: put the value in double quotes"},
	{contains: "block sequence entries are not allowed", code: "yaml-list", hint: "a `- ` list item is at the wrong indentation, or follows a key that already has a value on the same line"},
	{contains: "found character that cannot start any token", code: "yaml-char", hint: "a value starts with a character YAML reserves (such as % @ ` or a tab): put the value in double quotes, for example {example}", example: `effects: {trust: "%-20"}`},
	{contains: "unknown anchor", code: "yaml-anchor", hint: "`*` at the start of a value marks a YAML alias: put the value in double quotes"},
	{contains: "did not find expected alphabetic or numeric character", code: "yaml-anchor", hint: "`&` or `*` at the start of a value marks a YAML anchor or alias: put the value in double quotes"},
	{contains: "did not find expected comment or line break", code: "yaml-quote-end", hint: "there is more text after a closing quotation mark: quote the whole value, and write a quote inside it as \\\" (in double quotes) or '' (in single quotes)"},
	{contains: "found a tab character", code: "tab-indent", hint: "a tab is used where YAML needs spaces: replace it with spaces"},
	{contains: "exceeded max depth", code: "too-deep", hint: "the file nests lists and maps far too deeply to be a scenario"},
	{contains: "did not find expected '-' indicator", code: "yaml-list-indent", hint: "the items of a list must all start with `- ` in the same column"},
}

func (l *loader) yamlError(data []byte, err error) {
	msg := err.Error()
	line, detail := 1, msg
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		detail = m[2]
	} else {
		detail = strings.TrimPrefix(detail, "yaml: ")
	}
	lines := strings.Split(string(data), "\n")
	if name, ok := strings.CutPrefix(detail, "unknown anchor '"); ok {
		// The library does not say where: find the alias in the text.
		name, _, _ = strings.Cut(name, "'")
		for i, text := range lines {
			if strings.Contains(text, "*"+name) {
				line = i + 1
				break
			}
		}
	}
	line = min(max(line, 1), len(lines))
	text := lines[line-1]
	col := len(text) - len(strings.TrimLeft(text, " ")) + 1
	h := yamlHint{code: "yaml"}
	for _, c := range yamlHints {
		if strings.Contains(detail, c.contains) {
			h = c
			break
		}
	}
	if c, ok := findYAMLCause(lines, line); ok {
		l.at(Pos{c.line, c.col}, Error, c.code, c.msg)
		return
	}
	h, col = refineYAMLHint(h, col, lines[:line])
	if h.hint == "" {
		l.at(Pos{line, col}, Error, h.code, "this is not valid YAML: "+detail)
		return
	}
	hint := strings.Replace(h.hint, "{example}", h.example, 1)
	l.at(Pos{line, col}, Error, h.code, hint+" (YAML says: "+detail+")")
}

// refineYAMLHint looks at the offending line (the last of lines) to tell
// apart mistakes the YAML library reports with the same words, to point at
// the right column, and to make the hint's example from the line itself.
func refineYAMLHint(h yamlHint, col int, lines []string) (yamlHint, int) {
	text := lines[len(lines)-1]
	indent := len(text) - len(strings.TrimLeft(text, " "))
	switch h.code {
	case "yaml-colon":
		rest := strings.TrimLeft(text, " -")
		if i := strings.Index(rest, ": "); i >= 0 {
			if j := strings.Index(rest[i+2:], ": "); j >= 0 {
				// The value itself holds a colon: point at it, and quote it.
				if value := strings.TrimSpace(rest[i+2:]); len(value) <= 60 && !strings.ContainsAny(value, "\"\\") {
					h.example = rest[:i] + ": \"" + value + "\""
				}
				return h, utf8.RuneCountInString(text[:len(text)-len(rest)+i+2+j]) + 1
			}
		}
		// No second colon: the line is indented more than its neighbours.
		for k := len(lines) - 2; k >= 0; k-- {
			prev := lines[k]
			if strings.TrimSpace(prev) == "" || strings.HasPrefix(strings.TrimSpace(prev), "#") {
				continue
			}
			pi := len(prev) - len(strings.TrimLeft(prev, " "))
			if strings.HasPrefix(strings.TrimLeft(prev, " "), "- ") {
				pi += 2
			}
			if pi != indent {
				return yamlHint{code: "yaml-indent", hint: fmt.Sprintf("this line is indented by %d spaces but the line above by %d: keys of the same thing must start in the same column", indent, pi)}, col
			}
			break
		}
	case "yaml-quote-end":
		// `text: | The letter`: the text of a block must start on the next line.
		rest := strings.TrimLeft(text, " -")
		if i := strings.Index(rest, ": "); i >= 0 {
			if v := strings.TrimLeft(rest[i+2:], " "); v != "" && (v[0] == '|' || v[0] == '>') {
				return yamlHint{code: "yaml-block", hint: fmt.Sprintf("the text of `%s: %c` starts on the next line: leave `%s: %c` alone on its line and write the text below it, indented", rest[:i], v[0], rest[:i], v[0])}, col
			}
		}
	case "yaml-anchor":
		if i := strings.IndexAny(text, "*&"); i >= 0 {
			return h, utf8.RuneCountInString(text[:i]) + 1
		}
	case "yaml-char":
		if i := strings.IndexAny(text, "%@`"); i >= 0 {
			// Quote the value that starts there, up to the end of its item.
			end := strings.IndexAny(text[i:], ",}]")
			if end < 0 {
				end = len(text) - i
			}
			value := strings.TrimSpace(text[i : i+end])
			if fixed := strings.TrimSpace(text[:i]) + " \"" + value + "\"" + text[i+end:]; len(fixed) <= 70 && !strings.ContainsAny(value, "\"\\") {
				h.example = fixed
			}
			return h, utf8.RuneCountInString(text[:i]) + 1
		}
	case "yaml-escape":
		if i := strings.IndexByte(text, '\\'); i >= 0 {
			return h, utf8.RuneCountInString(text[:i]) + 1
		}
	}
	return h, col
}

// checkStructure walks the whole tree once, rejecting anchors, aliases and
// merge keys (a scenario never needs them and they allow "billion laughs"
// files) and nesting beyond maxDepth.
func (l *loader) checkStructure(n *yaml.Node, depth int) bool {
	if depth > maxDepth {
		l.at(pos(n), Error, "too-deep", fmt.Sprintf("lists and maps are nested more than %d levels deep here: a scenario never needs that", maxDepth))
		return false
	}
	switch {
	case n.Kind == yaml.AliasNode:
		l.at(pos(n), Error, "alias", "YAML aliases (`*name`) are not allowed in scenarios: write the value out in full")
		return false
	case n.Anchor != "":
		l.at(pos(n), Error, "alias", "YAML anchors (`&name`) are not allowed in scenarios: write each value out in full")
		return false
	case n.Tag == "!!merge":
		l.at(pos(n), Error, "alias", "YAML merge keys (`<<`) are not allowed in scenarios: write each key out in full")
		return false
	}
	for _, c := range n.Content {
		if !l.checkStructure(c, depth+1) {
			return false
		}
	}
	return true
}

func pos(n *yaml.Node) Pos { return Pos{n.Line, n.Column} }

// field is a key and its value in a YAML mapping; key is nil when the
// mapping does not have it.
type field struct {
	key, val *yaml.Node
}

func (f field) given() bool { return f.key != nil }

// fieldSet holds the values of a mapping by key.
type fieldSet [numKeys]field

// fields checks that n is a mapping whose keys are all known to part p,
// reports unknown and repeated keys, and returns the values by key; ok is
// false when n is not a mapping.
func (l *loader) fields(n *yaml.Node, w what, p *part) (f fieldSet, ok bool) {
	if n.Kind != yaml.MappingNode {
		l.at(pos(n), Error, "type", fmt.Sprintf("%s should be a set of `key: value` lines, not %s", w, describe(n)))
		return f, false
	}
	// misspelt holds the values of unknown top-level keys that are close to
	// a key the scenario allows: when the file lacks that key, the section
	// is read as if it were spelt right, so that one slip (`charaters:`)
	// gives one error and not one for every reference to what it defines.
	var misspelt []field
	var misspeltAs []key
	dashMissing := false
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			l.at(pos(k), Error, "type", fmt.Sprintf("a key in %s should be a plain word, not %s", w, describe(k)))
			continue
		}
		kk, known := keyByName[k.Value]
		if !known || !p.allowed[kk] {
			msg := fmt.Sprintf("unknown key `%s` in %s", k.Value, w)
			if s := Nearest(k.Value, p.names); s != "" {
				msg += fmt.Sprintf("; did you mean `%s`?", s)
				if p == rootPart {
					misspelt, misspeltAs = append(misspelt, field{k, v}), append(misspeltAs, keyByName[s])
				}
			} else {
				msg += fmt.Sprintf("; the keys of %s are: %s", w, strings.Join(quoteAll(p.names), ", "))
			}
			l.at(pos(k), Error, "unknown-key", msg)
			continue
		}
		if prev := f[kk]; prev.given() {
			switch {
			case dashMissing:
				// Reported once: the rest belongs to the item without its `- `.
			case w.n > 0 && n.Style&yaml.FlowStyle == 0 && startsItem(n, i):
				dashMissing = true
				l.at(pos(k), Error, "missing-dash", missingDashMsg(k, v, w, prev.key.Line))
			default:
				l.at(pos(k), Error, "duplicate-key", fmt.Sprintf("`%s` appears twice in %s (first on line %d): keep one", k.Value, w, prev.key.Line))
			}
			continue
		}
		f[kk] = field{k, v}
	}
	for i, m := range misspelt {
		if kk := misspeltAs[i]; !f[kk].given() {
			f[kk] = m
		}
	}
	return f, true
}

// startsItem reports whether the repeated key at n.Content[i] looks like
// the first key of another list item whose `- ` is missing: it is the
// item's first key again, or the keys from it on repeat at least one more
// key of the item.
func startsItem(n *yaml.Node, i int) bool {
	if n.Content[i].Value == n.Content[0].Value {
		return true
	}
	seen := make(map[string]bool, i/2)
	for j := 0; j < i; j += 2 {
		seen[n.Content[j].Value] = true
	}
	for j := i + 2; j+1 < len(n.Content); j += 2 {
		if seen[n.Content[j].Value] {
			return true
		}
	}
	return false
}

// missingDashMsg says that a list item lost its `- `, with the line that
// starts it written right.
func missingDashMsg(k, v *yaml.Node, w what, first int) string {
	line := "- " + k.Value + ":"
	if v.Kind == yaml.ScalarNode && v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0 && len(v.Value) <= 30 && !strings.ContainsAny(v.Value, "\n\"'") {
		line += " " + v.Value
	}
	return fmt.Sprintf("`%s` appears again in %s (first on line %d): this looks like the start of the next %s, whose `- ` is missing; write `%s` with its `- ` in the column of the `- ` above. If it is all one %s, keep one `%s` line",
		k.Value, w, first, w.noun, line, w.noun, k.Value)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// describe names the kind of a node for messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a set of `key: value` lines"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "nothing"
		}
		return fmt.Sprintf("`%s`", clip(n.Value, 40))
	}
	return "this"
}

func clip(s string, n int) string {
	s = strings.ReplaceAll(s, "\n", " ")
	r := []rune(s)
	if len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// text returns a scalar value as text. Numbers and dates are accepted as
// text (a title of 1943 is fine); lists, maps and empty values are not.
func (l *loader) text(f field, w what) (string, bool) {
	v := f.val
	if v.Kind != yaml.ScalarNode {
		l.at(pos(v), Error, "type", fmt.Sprintf("%s should be text, not %s", w, describe(v)))
		return "", false
	}
	if v.Tag == "!!null" || strings.TrimSpace(v.Value) == "" {
		l.at(pos(f.key), Error, "empty-value", fmt.Sprintf("%s is empty: write its text after the colon, or remove the line", w))
		return "", false
	}
	if v.LineComment != "" && v.Style == 0 && (w.key == "" || proseKeys[w.key]) {
		l.commentCut(f, w)
	}
	return strings.TrimRight(v.Value, "\n"), true
}

// proseKeys are the keys whose values are text for the player to read,
// where a `#` is more likely part of the text than a comment. (Values
// named by what.key == "", such as reactions and citations, are prose too.)
var proseKeys = map[string]bool{
	"title": true, "text": true, "summary": true, "period": true, "name": true, "short": true,
	"role": true, "label": true, "history": true, "comparison": true, "place": true,
	"locked": true, "epilogue": true, "invented": true, "note": true,
}

// commentCut warns (for the value of f; f.key is nil for a list item) that a `#` after a space cut a plain (unquoted) text
// short: YAML takes the rest of the line as a comment, so `title:
// Khrushchev's letter #1` is the title "Khrushchev's letter".
func (l *loader) commentCut(f field, w what) {
	v := f.val
	comment := v.LineComment
	at := pos(v)
	// The comment is on the value's last line: find its column there.
	for n := v.Line; n <= v.Line+strings.Count(v.Value, " ")+1; n++ {
		text := l.src.line(n)
		if k := strings.LastIndex(text, comment); k >= 0 && strings.TrimSpace(text[k:]) == strings.TrimSpace(comment) {
			at = Pos{n, colOf(text, k)}
			break
		}
	}
	whole := v.Value + " " + comment
	fix := "put the whole text in double quotes"
	switch {
	case strings.ContainsAny(whole, "\"\\\n") || len(whole) > 60:
		fix += ", or write it under `|` on the lines below"
	case f.key == nil:
		fix += fmt.Sprintf(", as in - \"%s\"", whole)
	case v.Line == f.key.Line:
		fix += fmt.Sprintf(", as in %s: \"%s\"", clip(f.key.Value, 30), whole)
	default:
		fix += ", or write it under `|` on the lines below"
	}
	l.at(at, Warning, "hash-comment", fmt.Sprintf("`#` after a space starts a comment, so %s ends before `%s`, which the player will not see: if it is part of the text, %s; if it is a note for yourself, put it on a line of its own", w, clip(comment, 30), fix))
}

// optional returns the text of key k when the mapping has it, else "".
func (l *loader) optional(f *fieldSet, k key) string {
	if !f[k].given() {
		return ""
	}
	s, _ := l.text(f[k], keyWhat(k))
	return s
}

// required returns the text of key k, reporting at the mapping's position
// when it is missing.
func (l *loader) required(at Pos, f *fieldSet, k key, w what) string {
	if !f[k].given() {
		l.at(at, Error, "missing-key", fmt.Sprintf("%s has no `%s:`", w, k))
		return ""
	}
	s, _ := l.text(f[k], keyWhat(k))
	return s
}

// integer returns a whole number.
func (l *loader) integer(f field, w what) (int, bool) {
	v := f.val
	if v.Kind == yaml.ScalarNode && v.Tag == "!!int" {
		n, err := strconv.ParseInt(strings.ReplaceAll(v.Value, "_", ""), 0, 64)
		if err == nil && n >= -1_000_000 && n <= 1_000_000 {
			return int(n), true
		}
		l.at(pos(v), Error, "range", fmt.Sprintf("%s is out of range: use a whole number between -1000000 and 1000000", w))
		return 0, false
	}
	if v.Kind == yaml.ScalarNode && v.Tag == "!!float" {
		l.at(pos(v), Error, "type", fmt.Sprintf("%s should be a whole number, not %s", w, describe(v)))
		return 0, false
	}
	l.at(pos(v), Error, "type", fmt.Sprintf("%s should be a whole number like 30, not %s", w, describe(v)))
	return 0, false
}

// boolean returns true or false.
func (l *loader) boolean(f field, w what) (bool, bool) {
	v := f.val
	if v.Kind == yaml.ScalarNode && v.Tag == "!!bool" {
		b, _ := strconv.ParseBool(strings.ToLower(v.Value))
		return b, true
	}
	l.at(pos(v), Error, "type", fmt.Sprintf("%s should be true or false, not %s", w, describe(v)))
	return false, false
}

// idList reads a list of names such as `[letter_sent, treaty_signed]`; a
// single name is accepted as a list of one. example is such a list in the
// scenario's own ids.
func (l *loader) idList(f field, w what, example string) []ref {
	v := f.val
	switch v.Kind {
	case yaml.ScalarNode:
		if v.Tag == "!!null" {
			l.at(pos(f.key), Error, "empty-value", fmt.Sprintf("%s is empty: list names in brackets, for example %s, or remove the line", w, example))
			return nil
		}
		return []ref{{v.Value, pos(v)}}
	case yaml.SequenceNode:
		out := make([]ref, 0, len(v.Content))
		for _, c := range v.Content {
			if c.Kind != yaml.ScalarNode || c.Tag == "!!null" {
				l.at(pos(c), Error, "type", fmt.Sprintf("each item of %s should be a name, not %s", w, describe(c)))
				continue
			}
			out = append(out, ref{c.Value, pos(c)})
		}
		return out
	}
	l.at(pos(v), Error, "type", fmt.Sprintf("%s should be a list of names like %s, not %s", w, example, describe(v)))
	return nil
}

// yamlCause is a mistake found on one line of the file that the YAML
// library reports in words naming another cause (or on another line).
// fixed is the line with the mistake mended, which proves it is the cause.
type yamlCause struct {
	line, col int // line is 0-based until findYAMLCause returns it
	code, msg string
	fixed     string
}

// maxCauseTries bounds how many lines that look wrong are tried; each try
// reads the file again up to that line, but only for a file that is not
// valid YAML.
const maxCauseTries = 4

// findYAMLCause looks for the mistakes the YAML library names wrongly: text
// after a closing quotation mark, an apostrophe inside single quotes, a key
// without a space after its colon, the text of `text: |` not indented, a
// `#` inside `{ ... }`. The library names the line where the part it was
// reading began, often well above the mistake, so the search starts a
// little above that line and goes on down the file. A line that looks
// wrong counts only when it is where the file stops being YAML: the file
// up to it does not parse, and does once the line is mended. So a line
// that merely looks odd (inside a text, say) is never blamed.
func findYAMLCause(lines []string, from int) (yamlCause, bool) {
	tries := 0
	for i := max(0, from-3); i < len(lines) && tries < maxCauseTries; i++ {
		c, ok := lineCause(lines, i)
		if !ok {
			continue
		}
		tries++
		upTo := slices.Clone(lines[:c.line+1])
		if parses(upTo) {
			continue
		}
		upTo[c.line] = c.fixed
		if parses(upTo) {
			c.line++
			return c, true
		}
	}
	return yamlCause{}, false
}

// parses reports whether lines are valid YAML.
func parses(lines []string) bool {
	var doc yaml.Node
	return yaml.Unmarshal([]byte(strings.Join(lines, "\n")), &doc) == nil
}

// lineCause looks at line i (0-based) for one of the mistakes
// findYAMLCause knows.
func lineCause(lines []string, i int) (yamlCause, bool) {
	text := lines[i]
	if strings.ContainsAny(text, `"'`) {
		if c, ok := quoteCause(text); ok {
			c.line = i
			return c, true
		}
	}
	if c, ok := colonSpaceCause(text); ok {
		c.line = i
		return c, true
	}
	if strings.ContainsAny(text, "|>") {
		if c, ok := blockIndentCause(lines, i); ok {
			return c, true
		}
	}
	if strings.Contains(text, " #") && strings.ContainsAny(text, "{[") {
		if c, ok := flowCommentCause(text); ok {
			c.line = i
			return c, true
		}
	}
	return yamlCause{}, false
}

// colOf returns the 1-based column of the byte offset i of text.
func colOf(text string, i int) int { return utf8.RuneCountInString(text[:i]) + 1 }

// closingQuote returns the offset of the quotation mark that closes the
// one opened at open, or -1 when the value goes on to the next line.
func closingQuote(text string, open int) int {
	q := text[open]
	for j := open + 1; j < len(text); j++ {
		switch {
		case q == '"' && text[j] == '\\':
			j++
		case text[j] == q && q == '\'' && j+1 < len(text) && text[j+1] == '\'':
			j++ // '' is an apostrophe inside single quotes
		case text[j] == q:
			return j
		}
	}
	return -1
}

// valueStart reports whether a quotation mark at offset i of text opens a
// quoted value: it comes first on the line, after `- ` or `: `, or after
// `{`, `[` or `,` inside braces or brackets.
func valueStart(text string, i, prev, depth int) bool {
	if prev < 0 {
		return true
	}
	switch text[prev] {
	case ':', '-':
		return prev+1 < i // followed by a space
	case '{', '[':
		return true
	case ',':
		return depth > 0
	}
	return false
}

// quoteCause finds a quoted value that closes before the value does:
// `text: "No," he says.` or `title: 'Khrushchev's reply'`.
func quoteCause(text string) (yamlCause, bool) {
	depth, prev := 0, -1
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == ' ':
			continue
		case c == '#' && (i == 0 || text[i-1] == ' '):
			return yamlCause{}, false
		case (c == '"' || c == '\'') && valueStart(text, i, prev, depth):
			end := closingQuote(text, i)
			if end < 0 {
				return yamlCause{}, false
			}
			j := end + 1
			for j < len(text) && text[j] == ' ' {
				j++
			}
			if j == len(text) || text[j] == '#' && j > end+1 || text[j] == ':' || depth > 0 && strings.IndexByte(",}]", text[j]) >= 0 {
				i, prev = end, end
				continue
			}
			return quoteCauseAt(text, i, end, j, depth), true
		case c == '{' || c == '[':
			if valueStart(text, i, prev, depth) {
				depth++
			}
		case (c == '}' || c == ']') && depth > 0:
			depth--
		}
		prev = i
	}
	return yamlCause{}, false
}

// quoteCauseAt explains the quoted value opened at open and closed at end,
// with more text from rest on: an apostrophe that ends single quotes, or a
// text that starts with a quotation mark.
func quoteCauseAt(text string, open, end, rest, depth int) yamlCause {
	stop := len(text) // where the value ends
	if depth > 0 {
		if k := strings.IndexAny(text[rest:], ",}]"); k >= 0 {
			stop = rest + k
		}
	} else if k := strings.Index(text[rest:], " #"); k >= 0 {
		stop = rest + k
	}
	value := strings.TrimRight(text[open:stop], " ")
	lead := strings.TrimSpace(text[:open]) // "title:" or "- text:" or "{label:"
	if depth > 0 {
		lead = strings.TrimSpace(text[max(strings.LastIndexAny(text[:open], "{[,")+1, 0):open])
	}
	for strings.HasPrefix(lead, "-") {
		lead = strings.TrimLeft(lead[1:], " ")
	}
	example := func(v string) string {
		if lead == "" {
			return v
		}
		return lead + " " + v
	}
	c := yamlCause{col: colOf(text, rest), fixed: text[:end+1] + text[stop:]}
	if text[open] == '\'' && rest == end+1 && isAlnum(text[rest]) {
		// `'Khrushchev's reply'`: the apostrophe closed the quotes.
		inner := strings.TrimSuffix(value[1:], "'")
		from := strings.LastIndexByte(text[:end], ' ') + 1
		to := end + 1 + strings.IndexAny(text[end+1:]+" ", " ,}]")
		word := strings.Trim(text[max(from, open+1):to], "'")
		c = yamlCause{code: "yaml-apostrophe", col: colOf(text, end), fixed: c.fixed}
		c.msg = fmt.Sprintf("the apostrophe in `%s` ends the text in single quotes: inside single quotes write an apostrophe twice, as in %s, or use double quotes, as in %s",
			clip(word, 30), example("'"+strings.ReplaceAll(inner, "'", "''")+"'"), example(`"`+strings.ReplaceAll(strings.ReplaceAll(inner, `\`, `\\`), `"`, `\"`)+`"`))
		return c
	}
	q := text[open]
	quoted := text[open : end+1]
	left := strings.TrimSpace(text[rest:stop])
	c.code = "yaml-quote-end" // the code the YAML library's own words get
	var fix string
	if q == '"' && !strings.Contains(value, "'") {
		fix = "put the whole text in single quotes, as in " + example("'"+value+"'")
	} else {
		fix = "put the whole text in double quotes and write each quotation mark inside as \\\", as in " + example(`"`+strings.ReplaceAll(strings.ReplaceAll(value, `\`, `\\`), `"`, `\"`)+`"`)
	}
	c.msg = fmt.Sprintf("the value starts with a quotation mark, so YAML takes `%s` as the whole value and cannot read `%s` after it: %s",
		clip(quoted, 30), clip(left, 30), fix)
	if len(value) > 60 {
		c.msg = fmt.Sprintf("the value starts with a quotation mark, so YAML takes `%s` as the whole value and cannot read `%s` after it: put the whole text in quotes (writing a double quotation mark inside double quotes as \\\"), or write it under `text: |` on the lines below",
			clip(quoted, 30), clip(left, 30))
	}
	return c
}

// colonSpaceCause finds a known key with no space after its colon:
// `title:Radio`.
func colonSpaceCause(text string) (yamlCause, bool) {
	rest := strings.TrimLeft(text, " ")
	for strings.HasPrefix(rest, "- ") {
		rest = strings.TrimLeft(rest[2:], " ")
	}
	k := 0
	for k < len(rest) && (isAlnum(rest[k]) || rest[k] == '_') {
		k++
	}
	if k == 0 || k+1 >= len(rest) || rest[k] != ':' || rest[k+1] == ' ' || rest[k+1] == ':' {
		return yamlCause{}, false
	}
	if _, known := keyByName[rest[:k]]; !known {
		return yamlCause{}, false
	}
	at := len(text) - len(rest) + k // the colon
	value := strings.TrimSpace(rest[k+1:])
	return yamlCause{
		col:   colOf(text, at),
		code:  "yaml-colon-space",
		msg:   fmt.Sprintf("`%s:%s` needs a space after the colon: write `%s: %s` (YAML sees a key only where its colon is followed by a space)", rest[:k], clip(value, 30), rest[:k], clip(value, 30)),
		fixed: text[:at+1] + " " + text[at+1:],
	}, true
}

// blockIndentCause finds the text of `key: |` (or `>`) written at the
// key's own indentation or less, on the line after the key (line i).
func blockIndentCause(lines []string, i int) (yamlCause, bool) {
	text := lines[i]
	if k := strings.Index(text, " #"); k >= 0 {
		text = text[:k]
	}
	text = strings.TrimRight(text, " ")
	rest := strings.TrimLeft(text, " ")
	for strings.HasPrefix(rest, "- ") {
		rest = strings.TrimLeft(rest[2:], " ")
	}
	keyIndent := len(text) - len(rest)
	name, ind, ok := strings.Cut(rest, ":")
	ind = strings.TrimLeft(ind, " ")
	if !ok || name == "" || strings.ContainsAny(name, " \"'{[") || ind == "" || ind[0] != '|' && ind[0] != '>' || strings.Trim(ind[1:], "+-0123456789") != "" {
		return yamlCause{}, false
	}
	j := i + 1
	for j < len(lines) && strings.TrimSpace(lines[j]) == "" {
		j++
	}
	if j == len(lines) {
		return yamlCause{}, false
	}
	body := lines[j]
	body0 := strings.TrimLeft(body, " ")
	indent := len(body) - len(body0)
	if indent > keyIndent || strings.HasPrefix(body0, "- ") || strings.HasPrefix(body0, "#") || looksLikeKey(body0) {
		return yamlCause{}, false
	}
	return yamlCause{
		line:  j,
		col:   indent + 1,
		code:  "yaml-block-indent",
		msg:   fmt.Sprintf("the text under `%s: %s` (line %d) must be indented further than `%s:` itself: put %d more spaces before each of its lines", name, ind, i+1, name, keyIndent+2-indent),
		fixed: strings.Repeat(" ", keyIndent+2-indent) + body,
	}, true
}

// looksLikeKey reports whether a line (without its indentation) starts
// with `word:` followed by a space or nothing.
func looksLikeKey(s string) bool {
	k := 0
	for k < len(s) && (isAlnum(s[k]) || s[k] == '_' || s[k] == '-') {
		k++
	}
	return k > 0 && k < len(s) && s[k] == ':' && (k+1 == len(s) || s[k+1] == ' ')
}

// flowCommentCause finds a `#` after a space inside `{ ... }` or `[ ... ]`,
// which YAML reads as a comment that hides the closing brace:
// `{label: Khrushchev's #1, start: 30}`.
func flowCommentCause(text string) (yamlCause, bool) {
	depth := 0
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == '"' || c == '\'':
			if end := closingQuote(text, i); end >= 0 && (i == 0 || strings.IndexByte(" {[,:", text[i-1]) >= 0) {
				i = end
			}
		case c == '{' || c == '[':
			depth++
		case (c == '}' || c == ']') && depth > 0:
			depth--
		case c == '#' && i > 0 && text[i-1] == ' ':
			if depth == 0 {
				return yamlCause{}, false
			}
			from := max(strings.LastIndexAny(text[:i], "{[,")+1, 0)
			to := len(text)
			if k := strings.IndexAny(text[i:], ",}]"); k >= 0 {
				to = i + k
			}
			item := strings.TrimSpace(text[from:to])
			example := `label: "Part #1"`
			if name, value, ok := strings.Cut(item, ": "); ok && !strings.ContainsAny(value, `"\`) && len(item) < 60 {
				example = name + `: "` + strings.TrimSpace(value) + `"`
			}
			return yamlCause{
				col:   colOf(text, i),
				code:  "yaml-hash",
				msg:   fmt.Sprintf("`#` after a space starts a comment, which hides the rest of the line and the closing `%c` with it: put the value with the `#` in double quotes, as in %s", closer(text[from-1:i]), example),
				fixed: text[:i] + "n" + text[i+1:],
			}, true
		}
	}
	return yamlCause{}, false
}

// closer returns the bracket that closes the last one opened in s.
func closer(s string) byte {
	if strings.LastIndexByte(s, '[') > strings.LastIndexByte(s, '{') {
		return ']'
	}
	return '}'
}
