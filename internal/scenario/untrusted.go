package scenario

import (
	"errors"
	"fmt"
	"net/url"
	"strings"

	"gopkg.in/yaml.v3"

	"bigthree/internal/atomicfile"
)

// readLimited reads a scenario file through a limit of MaxFileSize, refusing
// what is not a plain file before opening it (a named pipe would block b3
// and the game forever; /dev/zero never ends).
func readLimited(path string) ([]byte, error) { return atomicfile.ReadFile(path, MaxFileSize) }

// tooLargeText words a file refused for its size, with its real size when
// it is known.
func tooLargeText(err error) (string, bool) {
	var tl *atomicfile.TooLargeError
	if !errors.As(err, &tl) {
		return "", false
	}
	size := "larger than " + atomicfile.SizeText(tl.Limit)
	if tl.Size >= 0 {
		size = atomicfile.SizeText(tl.Size) + ", larger than the " + atomicfile.SizeText(tl.Limit)
	}
	return "the file is " + size + " a scenario may be: is this the right file?", true
}

// notRegularText words a path that is not a plain file.
func notRegularText(err error) (string, bool) {
	var nr *atomicfile.NotRegularError
	if !errors.As(err, &nr) {
		return "", false
	}
	return "this is " + nr.Kind + ", not a scenario file", true
}

// A scenario shared by another teacher is untrusted input: its text reaches
// terminals (b3 play), pages and Markdown transcripts. checkUntrusted runs on
// the YAML tree before anything is read from it, so that no text of the
// model holds what a terminal or a page would obey:
//
//   - line ends written as escapes ("\r", "\r\n") become "\n", as the file's
//     own line ends already have (prepare);
//   - any other control character (C0 but tab and line feed, DEL, C1), which
//     only YAML escapes such as "\e" or "\x9b" can put there, is an error:
//     it could set a window title, write the clipboard or hide text;
//   - a source url must be an http: or https: address with a host.
func (l *loader) checkUntrusted(n *yaml.Node) bool {
	ok := true
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n == nil {
			return
		}
		if n.Kind == yaml.ScalarNode {
			if strings.IndexByte(n.Value, '\r') >= 0 {
				n.Value = strings.ReplaceAll(strings.ReplaceAll(n.Value, "\r\n", "\n"), "\r", "\n")
			}
			if r, found := controlChar(n.Value); found {
				l.at(pos(n), Error, "control-char", fmt.Sprintf("this text holds the control character %U, which text never needs: a terminal or a page could obey it (set a window title, write the clipboard, hide text). Remove the escape that makes it (like \\e or \\x1b)", r))
				ok = false
			}
		}
		for i, c := range n.Content {
			walk(c)
			if n.Kind == yaml.MappingNode && i%2 == 1 && n.Content[i-1].Value == "url" && c.Kind == yaml.ScalarNode {
				if msg := badURL(c.Value); msg != "" {
					l.at(pos(c), Error, "bad-url", msg)
					ok = false
				}
			}
		}
	}
	walk(n)
	return ok
}

// controlChar returns the first control character of s other than tab and
// line feed.
func controlChar(s string) (rune, bool) {
	for _, r := range s {
		if r < 0x20 && r != '\t' && r != '\n' || r >= 0x7f && r < 0xa0 {
			return r, true
		}
	}
	return 0, false
}

// badURL says what is wrong with a source's url, or "".
func badURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return fmt.Sprintf("the url %q is not a web address: a source's url must start with https:// or http:// (other kinds, like javascript: or data:, could run code in a transcript)", s)
	}
	return ""
}
