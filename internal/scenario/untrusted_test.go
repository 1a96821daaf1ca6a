package scenario_test

import (
	"os"
	"strings"
	"testing"

	"bigthree/internal/scenario"
)

func example(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("../../scenarios/example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestEscapedLineEndsNormalised (issue 14, item 14): a carriage return
// written as an escape becomes a line feed, as the file's own line ends do.
func TestEscapedLineEndsNormalised(t *testing.T) {
	src := strings.Replace(example(t), `title: "Aid to Russia, 1941"`, `title: "Aid\r\n---\rtitle: pwned"`, 1)
	s, diags := scenario.Load("cr.yaml", []byte(src))
	if s == nil {
		t.Fatal(diags)
	}
	if s.Title != "Aid\n---\ntitle: pwned" {
		t.Errorf("title %q", s.Title)
	}
}

// TestControlCharactersRefusedEverywhere (item 12): in a value, a key or a
// list item, an escaped control character is an error at its text.
func TestControlCharactersRefusedEverywhere(t *testing.T) {
	for _, tc := range []struct{ old, new string }{
		{`title: "Aid to Russia, 1941"`, `title: "Aid\e[2J"`},
		{`period: "Summer and autumn 1941"`, `"period\x07": "Summer"`},
		{`flags: [envoy_sent, promised_aid]`, `flags: [envoy_sent, "promised\u009b"]`},
		{`title: "Aid to Russia, 1941"`, `title: "Aid\x7f"`},
	} {
		src := strings.Replace(example(t), tc.old, tc.new, 1)
		s, diags := scenario.Load("esc.yaml", []byte(src))
		if s != nil || len(diags) != 1 || diags[0].Code != "control-char" || diags[0].Line < 5 {
			t.Errorf("%s: %v", tc.new, diags)
		}
	}
}

// TestSourceURLs (item 13): only http: and https: addresses with a host.
func TestSourceURLs(t *testing.T) {
	const url = `"https://history.state.gov/historicaldocuments/frus1941v01/d751"`
	for u, ok := range map[string]bool{
		`"http://example.org/x"`: true, `"javascript:alert(1)"`: false, `"data:text/html,x"`: false,
		`"file:///etc/passwd"`: false, `"https:nohost"`: false, `"vbscript:x"`: false, `"//example.org"`: false,
	} {
		s, diags := scenario.Load("url.yaml", []byte(strings.Replace(example(t), url, u, 1)))
		if (s != nil) != ok || !ok && diags[0].Code != "bad-url" {
			t.Errorf("%s: %v", u, diags)
		}
	}
}
