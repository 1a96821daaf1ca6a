package story_test

import (
	"strings"
	"testing"
	"time"

	"bigthree/internal/story"
)

// TestTranscriptEscapesScenarioMarkup (issue 14, item 13): HTML, links and
// images written in a scenario reach the Markdown transcript as text.
func TestTranscriptEscapesScenarioMarkup(t *testing.T) {
	s := edited(t, `title: "Thirteen Days: Cuba, 1962"`, `title: "Days <script>alert(1)</script> ![x](https://evil.example/pixel.gif) [click](javascript:alert(1)) <img src=x onerror=alert(1)>"`)
	r := historical(t, s)
	tr := story.MakeTranscript(r, time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	tr.Student = "<b>Ann</b> [me](https://x.example)"
	md := string(tr.Markdown(s))
	// What is left once every escaped character is taken out.
	var raw strings.Builder
	for i := 0; i < len(md); i++ {
		if md[i] == '\\' {
			i++
			continue
		}
		raw.WriteByte(md[i])
	}
	for _, bad := range []string{"<script>", "<img", "![x](", "[click](", "<b>", "[me]("} {
		if strings.Contains(raw.String(), bad) {
			t.Errorf("the transcript holds %q:\n%s", bad, md[:min(len(md), 400)])
		}
	}
	if !strings.Contains(md, `\<script\>alert(1)\</script\>`) || !strings.Contains(md, `\!\[x\](https://evil.example/pixel.gif)`) {
		t.Errorf("the title is not shown escaped:\n%s", md[:min(len(md), 400)])
	}
}
