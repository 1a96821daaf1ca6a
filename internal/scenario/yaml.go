package scenario

import (
	"fmt"
	"regexp"
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
			} else {
				msg += fmt.Sprintf("; the keys of %s are: %s", w, strings.Join(quoteAll(p.names), ", "))
			}
			l.at(pos(k), Error, "unknown-key", msg)
			continue
		}
		if prev := f[kk]; prev.given() {
			l.at(pos(k), Error, "duplicate-key", fmt.Sprintf("`%s` appears twice in %s (first on line %d): keep one", k.Value, w, prev.key.Line))
			continue
		}
		f[kk] = field{k, v}
	}
	return f, true
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
	return strings.TrimRight(v.Value, "\n"), true
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
