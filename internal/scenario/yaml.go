package scenario

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// parseYAML parses normalised text into a document node, turning the YAML
// library's errors into messages a teacher can act on.
func (l *loader) parseYAML(data []byte) (root *yaml.Node, ok bool) {
	defer func() {
		// yaml.v3 is well fuzzed, but a scenario loader must never take the
		// game down: a parser panic becomes an ordinary error.
		if r := recover(); r != nil {
			l.at(1, 1, Error, "yaml", fmt.Sprintf("the YAML reader could not read this file (%v)", r))
			root, ok = nil, false
		}
	}()
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		l.yamlError(data, err)
		return nil, false
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		l.at(1, 1, Error, "empty", "the file has no content: a scenario needs at least `format: 1`, a `title`, `events` and `endings`")
		return nil, false
	}
	if !l.checkStructure(doc.Content[0], 1) {
		return nil, false
	}
	return doc.Content[0], true
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlHints explains the YAML library's messages in plain words.
var yamlHints = []struct{ contains, code, hint string }{
	{"mapping values are not allowed", "yaml-colon", "a value contains `: ` (a colon followed by a space), which YAML reads as a new key: put the whole value in double quotes, for example title: \"Stalin: a reply\""},
	{"did not find expected key", "yaml-indent", "this line does not line up with the lines above it: keys of the same thing must start in the same column, and a new list item starts with `- `"},
	{"could not find expected ':'", "yaml-colon-missing", "a key is missing its colon, or a text value runs over several lines: write `key: value`, and use `text: |` for text of several lines"},
	{"did not find expected ',' or '}'", "yaml-brace", "a `{ ... }` is not closed, or a value inside it contains a comma or colon: close the brace, or put the value in double quotes"},
	{"did not find expected ',' or ']'", "yaml-bracket", "a `[ ... ]` is not closed, or a value inside it contains a comma: close the bracket, or put the value in double quotes"},
	{"found unexpected end of stream", "yaml-quote", "a quotation mark is opened but never closed"},
	{"found unknown escape character", "yaml-escape", "a backslash inside double quotes starts an unknown escape: write \\\\ for a backslash, or use single quotes"},
	{"did not find expected node content", "yaml-value", "a value is missing after a `-` or a `:`, or starts with a character YAML reserves: put the value in double quotes"},
	{"block sequence entries are not allowed", "yaml-list", "a `- ` list item is at the wrong indentation, or follows a key that already has a value on the same line"},
	{"found character that cannot start any token", "yaml-char", "a value starts with a character YAML reserves (such as % @ ` or a tab): put the value in double quotes, for example effects: {stalin: \"%-20\"}"},
	{"did not find expected alphabetic or numeric character", "yaml-anchor", "`&` or `*` at the start of a value marks a YAML anchor or alias: put the value in double quotes"},
	{"did not find expected comment or line break", "yaml-quote-end", "there is more text after a closing quotation mark: quote the whole value, and write a quote inside it as \\\" (in double quotes) or '' (in single quotes)"},
	{"found a tab character", "tab-indent", "a tab is used where YAML needs spaces: replace it with spaces"},
	{"exceeded max depth", "too-deep", "the file nests lists and maps far too deeply to be a scenario"},
	{"did not find expected '-' indicator", "yaml-list-indent", "the items of a list must all start with `- ` in the same column"},
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
	if line > len(lines) {
		line = len(lines)
	}
	if line < 1 {
		line = 1
	}
	col := 1
	if line <= len(lines) {
		text := lines[line-1]
		col = len(text) - len(strings.TrimLeft(text, " ")) + 1
	}
	code, hint := "yaml", ""
	for _, h := range yamlHints {
		if strings.Contains(detail, h.contains) {
			code, hint = h.code, h.hint
			break
		}
	}
	if line <= len(lines) {
		code, hint, col = refineYAMLHint(code, hint, col, lines[:line])
	}
	if hint == "" {
		l.at(line, col, Error, code, "this is not valid YAML: "+detail)
		return
	}
	l.at(line, col, Error, code, hint+" (YAML says: "+detail+")")
}

// checkStructure walks the whole tree once, rejecting anchors, aliases and
// merge keys (a scenario never needs them and they allow "billion laughs"
// files) and nesting beyond maxDepth.
func (l *loader) checkStructure(n *yaml.Node, depth int) bool {
	if depth > maxDepth {
		l.atNode(n, Error, "too-deep", fmt.Sprintf("lists and maps are nested more than %d levels deep here: a scenario never needs that", maxDepth))
		return false
	}
	switch {
	case n.Kind == yaml.AliasNode:
		l.atNode(n, Error, "alias", "YAML aliases (`*name`) are not allowed in scenarios: write the value out in full")
		return false
	case n.Anchor != "":
		l.atNode(n, Error, "alias", "YAML anchors (`&name`) are not allowed in scenarios: write each value out in full")
		return false
	case n.Tag == "!!merge":
		l.atNode(n, Error, "alias", "YAML merge keys (`<<`) are not allowed in scenarios: write each key out in full")
		return false
	}
	for _, c := range n.Content {
		if !l.checkStructure(c, depth+1) {
			return false
		}
	}
	return true
}

// field is a key and its value in a YAML mapping.
type field struct {
	key, val *yaml.Node
}

// fields checks that n is a mapping whose keys are all known, reports unknown
// and repeated keys, and returns the values by key.
func (l *loader) fields(n *yaml.Node, what string, known []string) map[string]field {
	out := map[string]field{}
	if n.Kind != yaml.MappingNode {
		l.atNode(n, Error, "type", fmt.Sprintf("%s should be a set of `key: value` lines, not %s", what, describe(n)))
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			l.atNode(k, Error, "type", fmt.Sprintf("a key in %s should be a plain word, not %s", what, describe(k)))
			continue
		}
		name := k.Value
		if prev, dup := out[name]; dup {
			l.atNode(k, Error, "duplicate-key", fmt.Sprintf("`%s` appears twice in %s (first on line %d): keep one", name, what, prev.key.Line))
			continue
		}
		if !contains(known, name) {
			msg := fmt.Sprintf("unknown key `%s` in %s", name, what)
			if s := Nearest(name, known); s != "" {
				msg += fmt.Sprintf("; did you mean `%s`?", s)
			} else {
				msg += fmt.Sprintf("; the keys of %s are: %s", what, strings.Join(quoteAll(known), ", "))
			}
			l.atNode(k, Error, "unknown-key", msg)
			continue
		}
		out[name] = field{k, v}
	}
	return out
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

// text returns a scalar value as text. Numbers and dates are accepted as
// text (a title of 1943 is fine); lists, maps and empty values are not.
func (l *loader) text(f field, what string) (string, bool) {
	v := f.val
	if v.Kind != yaml.ScalarNode {
		l.atNode(v, Error, "type", fmt.Sprintf("%s should be text, not %s", what, describe(v)))
		return "", false
	}
	if v.Tag == "!!null" || strings.TrimSpace(v.Value) == "" {
		l.atNode(f.key, Error, "empty-value", fmt.Sprintf("%s is empty: write its text after the colon, or remove the line", what))
		return "", false
	}
	return strings.TrimRight(v.Value, "\n"), true
}

// integer returns a whole number.
func (l *loader) integer(f field, what string) (int, bool) {
	v := f.val
	if v.Kind == yaml.ScalarNode && v.Tag == "!!int" {
		n, err := strconv.ParseInt(strings.ReplaceAll(v.Value, "_", ""), 0, 64)
		if err == nil && n >= -1_000_000 && n <= 1_000_000 {
			return int(n), true
		}
		l.atNode(v, Error, "range", fmt.Sprintf("%s is out of range: use a whole number between -1000000 and 1000000", what))
		return 0, false
	}
	if v.Kind == yaml.ScalarNode && v.Tag == "!!float" {
		l.atNode(v, Error, "type", fmt.Sprintf("%s should be a whole number, not %s", what, describe(v)))
		return 0, false
	}
	l.atNode(v, Error, "type", fmt.Sprintf("%s should be a whole number like 30, not %s", what, describe(v)))
	return 0, false
}

// boolean returns true or false.
func (l *loader) boolean(f field, what string) (bool, bool) {
	v := f.val
	if v.Kind == yaml.ScalarNode && v.Tag == "!!bool" {
		b, _ := strconv.ParseBool(strings.ToLower(v.Value))
		return b, true
	}
	l.atNode(v, Error, "type", fmt.Sprintf("%s should be true or false, not %s", what, describe(v)))
	return false, false
}

// idList reads a list of names such as `[hopkins_sent, bomb_secret]`; a
// single name is accepted as a list of one.
func (l *loader) idList(f field, what string) []*yaml.Node {
	v := f.val
	switch v.Kind {
	case yaml.ScalarNode:
		if v.Tag == "!!null" {
			l.atNode(f.key, Error, "empty-value", fmt.Sprintf("%s is empty: list names in brackets, for example [hopkins_sent], or remove the line", what))
			return nil
		}
		return []*yaml.Node{v}
	case yaml.SequenceNode:
		var out []*yaml.Node
		for _, c := range v.Content {
			if c.Kind != yaml.ScalarNode || c.Tag == "!!null" {
				l.atNode(c, Error, "type", fmt.Sprintf("each item of %s should be a name, not %s", what, describe(c)))
				continue
			}
			out = append(out, c)
		}
		return out
	}
	l.atNode(v, Error, "type", fmt.Sprintf("%s should be a list of names like [hopkins_sent, bomb_secret], not %s", what, describe(v)))
	return nil
}

// refineYAMLHint looks at the offending line (the last of lines) to tell
// apart mistakes the YAML library reports with the same words.
func refineYAMLHint(code, hint string, col int, lines []string) (string, string, int) {
	text := lines[len(lines)-1]
	indent := len(text) - len(strings.TrimLeft(text, " "))
	switch code {
	case "yaml-colon":
		rest := strings.TrimLeft(text, " -")
		if i := strings.Index(rest, ": "); i >= 0 {
			if j := strings.Index(rest[i+2:], ": "); j >= 0 {
				// The value itself holds a colon: point at it.
				return code, hint, len(text) - len(rest) + i + 2 + j + 1
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
				return "yaml-indent", fmt.Sprintf("this line is indented by %d spaces but the line above by %d: keys of the same thing must start in the same column", indent, pi), col
			}
			break
		}
	case "yaml-char":
		if i := strings.IndexAny(text, "%@`"); i >= 0 {
			return code, hint, i + 1
		}
	}
	return code, hint, col
}
