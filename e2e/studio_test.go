package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"bigthree/e2e/harness"
	"bigthree/internal/cli"
)

// openStudio builds the web folder, serves it and opens studio.html in headless Chromium.
func openStudio(t *testing.T, w, h int) (*harness.Browser, string) {
	t.Helper()
	needChromium(t)
	srv := serve(t, webDir(t, false))
	b, err := harness.StartBrowser(harness.BrowserOptions{Width: w, Height: h})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("browser console:\n%s", b.Logs())
		}
		b.Close()
	})
	if err := b.Navigate(srv.URL + "/studio.html"); err != nil {
		t.Fatal(err)
	}
	if err := harness.StudioReady(b); err != nil {
		t.Fatal(err)
	}
	return b, srv.URL
}

// b3CheckJSON runs `b3 check -json NAME` (the tool's own code, in this process) on a file's bytes.
func b3CheckJSON(t *testing.T, name string, data []byte) []harness.Diagnostic {
	t.Helper()
	var out, errb bytes.Buffer
	read := func(string) ([]byte, error) { return data, nil }
	// The Studio has the text only, not the folder: b3 checks the same
	// text without reading pictures (as `b3 check -` does).
	noFolder := func(string) fs.FS { return nil }
	cli.Main([]string{"check", "-json", name}, cli.Env{Stdout: &out, Stderr: &errb, ReadFile: read, Folder: noFolder})
	var rep struct {
		Diagnostics []harness.Diagnostic `json:"diagnostics"`
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("b3 check -json %s: %v\n%s%s", name, err, out.String(), errb.String())
	}
	return rep.Diagnostics
}

// TestBrowserStudioMatchesB3 gives the Studio every golden file of b3 check, byte for byte, and
// asserts that diagnostics() equals what `b3 check -json` says about the same file.
func TestBrowserStudioMatchesB3(t *testing.T) {
	b, _ := openStudio(t, 1366, 768)
	if err := harness.CloseDialogs(b); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, "internal", "cli", "testdata", "check")
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil || len(files) < 25 {
		t.Fatalf("want the golden files of b3 check, found %d (%v)", len(files), err)
	}
	files = append(files, filepath.Join(root, "scenarios", "example.yaml"), filepath.Join(root, "scenarios", "big-three.yaml"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(f)
		t.Run(strings.TrimSuffix(name, ".yaml"), func(t *testing.T) {
			want := b3CheckJSON(t, name, data)
			if err := harness.SetStudioBytes(b, name, data); err != nil {
				t.Fatal(err)
			}
			got, err := harness.StudioDiagnostics(b)
			if err != nil {
				t.Fatal(err)
			}
			if want == nil {
				want = []harness.Diagnostic{}
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("the Studio's diagnostics differ from b3 check -json\n got: %+v\nwant: %+v", got, want)
			}
		})
	}
}

// studioShot saves a screenshot of the Studio page into e2e/screenshots/<test name>/.
type studioShot struct {
	t   *testing.T
	b   *harness.Browser
	dir string
	n   int
}

func newStudioShot(t *testing.T, b *harness.Browser) *studioShot {
	// Beside the game's own screenshots of the test (newShots), which it clears.
	dir := filepath.Join(root, "e2e", "screenshots", unsafeChars.ReplaceAllString(t.Name(), "_")+"_studio")
	os.RemoveAll(dir)
	return &studioShot{t: t, b: b, dir: dir}
}

// take saves a screenshot of the Studio's state, and checks it with axe-core: every state of the
// Studio has no violation.
func (s *studioShot) take(name string) {
	s.t.Helper()
	s.n++
	path := filepath.Join(s.dir, fmt.Sprintf("%02d-%s.png", s.n, name))
	if err := s.b.Screenshot(path); err != nil {
		s.t.Logf("screenshot %s: %v", name, err)
	}
	axeClean(s.t, s.b, "the Studio, "+name)
}

// lineOf is the 1-based number of the first line of text that contains sub.
func lineOf(t *testing.T, text, sub string) int {
	t.Helper()
	for i, l := range strings.Split(text, "\n") {
		if strings.Contains(l, sub) {
			return i + 1
		}
	}
	t.Fatalf("no line contains %q", sub)
	return 0
}

func eval[T any](t *testing.T, b *harness.Browser, expr string) T {
	t.Helper()
	v, err := harness.Await[T](b, 60*time.Second, expr)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestBrowserStudio is a teacher's session in the Studio, at the two screen sizes of school
// laptops and desktops: start from the example, type mistakes and see each one where it is,
// fix them, play to an ending in the Try it pane, edit a reply's text and keep the place, see
// the exploration and the graph, close the tab and get the work back.
func TestBrowserStudio(t *testing.T) {
	for _, size := range [][2]int{{1366, 768}, {1920, 1080}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) { studioSession(t, size[0], size[1]) })
	}
}

func studioSession(t *testing.T, w, h int) {
	b, _ := openStudio(t, w, h)
	shot := newStudioShot(t, b)
	studio := func(js string) string { return "window.bigthree.studio." + js }

	// A first visit: the start dialog offers the example, the campaign and a file.
	if open := eval[bool](t, b, `document.getElementById("start-dialog").open && document.getElementById("start-draft").hidden`); !open {
		t.Fatal("a first visit does not show the start dialog without a draft")
	}
	shot.take("start")
	if err := harness.ClickSelector(b, "#start-example"); err != nil {
		t.Fatal(err)
	}
	example, err := os.ReadFile(filepath.Join(root, "scenarios", "example.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, b, "the example in the editor", studio(`text()`)+` === `+jsString(string(example)))
	if d := diagnostics(t, b); len(d) != 0 {
		t.Fatalf("the example has problems in the Studio: %+v", d)
	}
	shot.take("example")

	// Two mistakes typed at the keyboard: a misspelled meter in a condition and a misspelled key.
	text := string(example)
	condLine := lineOf(t, text, "if: stalin >= 60 and promised_aid")
	keyLine := lineOf(t, text, "effects: {stalin: +15, home: -12, churchill: -5, isolationists: +15}")
	condCol := strings.Index(strings.Split(text, "\n")[condLine-1], "stalin") + 1
	keyCol := strings.Index(strings.Split(text, "\n")[keyLine-1], "effects") + 1
	eval[bool](t, b, studio(fmt.Sprintf("goTo(%d, %d)", condLine, condCol+6))+`, true`)
	if err := harness.TypeText(b, "\bi"); err != nil { // stalin -> stali + i = stalii
		t.Fatal(err)
	}
	eval[bool](t, b, studio(fmt.Sprintf("goTo(%d, %d)", keyLine, keyCol+1))+`, true`)
	if err := harness.TypeText(b, "\b"); err != nil { // effects -> ffects
		t.Fatal(err)
	}
	got := diagnostics(t, b)
	want := []struct {
		line, col  int
		code, says string
	}{
		{keyLine, keyCol, "unknown-key", "did you mean `effects`?"},
		{condLine, condCol, "bad-condition", "`stalii`"},
	}
	if len(got) != len(want) {
		t.Fatalf("after typing two mistakes: %d problems, want %d: %+v", len(got), len(want), got)
	}
	for i, wd := range want {
		g := got[i]
		if g.Line != wd.line || g.Column != wd.col || g.Severity != "error" || g.Code != wd.code || !strings.Contains(g.Message, wd.says) {
			t.Errorf("problem %d = %+v, want an error at %d:%d saying %s", i+1, g, wd.line, wd.col, wd.says)
		}
	}
	// The Problems list says where, and each problem is underlined in the text.
	where := eval[[]string](t, b, `[...document.querySelectorAll("#problems-list .where")].map((e) => e.textContent)`)
	if len(where) != 2 || where[0] != fmt.Sprintf("Line %d, column %d", keyLine, keyCol) || where[1] != fmt.Sprintf("Line %d, column %d", condLine, condCol) {
		t.Errorf("the Problems list shows %q", where)
	}
	marks := eval[[]map[string]any](t, b, studio("underlines()"))
	if len(marks) != 2 || marks[0]["line"] != float64(keyLine) || marks[0]["text"] != "ffects:" || marks[1]["line"] != float64(condLine) || marks[1]["text"] != "stalii" {
		t.Errorf("the editor underlines %v, want ffects: on line %d and stalii on line %d", marks, keyLine, condLine)
	}
	if n := eval[int](t, b, `document.querySelectorAll(".cm-lintRange-error").length`); n < 1 {
		t.Errorf("%d underlined errors drawn in the editor, want at least the one in view", n)
	}
	shot.take("mistakes")

	// A click on a problem jumps to it; fix both.
	if err := harness.ClickSelector(b, "#problems-list li:nth-child(1) button"); err != nil {
		t.Fatal(err)
	}
	if c := eval[map[string]int](t, b, studio("cursor()")); c["line"] != keyLine || c["column"] != keyCol {
		t.Errorf("after a click on the first problem the cursor is at %v, want %d:%d", c, keyLine, keyCol)
	}
	if err := harness.TypeText(b, "e"); err != nil {
		t.Fatal(err)
	}
	eval[bool](t, b, studio(fmt.Sprintf("goTo(%d, %d)", condLine, condCol+6))+`, true`)
	if err := harness.TypeText(b, "\bn"); err != nil {
		t.Fatal(err)
	}
	if d := diagnostics(t, b); len(d) != 0 {
		t.Fatalf("after fixing both mistakes: %+v", d)
	}
	if txt := eval[string](t, b, studio("text()")); txt != text {
		t.Fatal("the fixed text differs from the example")
	}
	shot.take("fixed")

	// Try it: the game plays the text in the pane.
	eval[bool](t, b, studio("play()")+`.then(() => true)`)
	frame := &harness.Frame{Browser: b, Selector: "#play-frame"}
	if err := frame.FocusFrame(); err != nil {
		t.Fatal(err)
	}
	p := newPlayer(t, frame, loadExample(t))
	p.onDesk()
	shot.take("play-desk")
	p.choose(firstOpen(p.r.Options(nil)))
	p.choose(firstOpen(p.r.Options(nil)))
	at, _, _ := frame.State()

	// Edit the text of a reply already chosen: the game reloads and replays to the same place.
	replyLine := lineOf(t, text, "Send Hopkins on to Moscow as your")
	eval[bool](t, b, studio(fmt.Sprintf("goTo(%d, %d)", replyLine, len(strings.Split(text, "\n")[replyLine-1])+1))+`, true`)
	loads := eval[int](t, b, studio("playState().draft.loads"))
	if err := harness.TypeText(b, " Now."); err != nil {
		t.Fatal(err)
	}
	if d := diagnostics(t, b); len(d) != 0 {
		t.Fatalf("after editing a reply: %+v", d)
	}
	waitFor(t, b, "the game to reload the edited text", studio("playState().draft.loads")+fmt.Sprintf(" > %d", loads))
	notice := eval[string](t, b, studio("playState().draft.notice"))
	if !strings.Contains(notice, "replayed your 2 choices") {
		t.Errorf("the replay notice says %q, want all 2 choices replayed", notice)
	}
	if err := frame.FocusFrame(); err != nil {
		t.Fatal(err)
	}
	st := p.onDesk()
	if st.Event != at.Event {
		t.Errorf("after the edit the game is at %q, want %q", st.Event, at.Event)
	}
	shot.take("play-after-edit")
	p.playToEnd(firstOpen)
	shot.take("play-ending")

	// Explore and graph.
	if err := harness.ClickSelector(b, "#tab-explore"); err != nil {
		t.Fatal(err)
	}
	exp := eval[map[string]any](t, b, studio("explore()"))
	if ends, _ := exp["endings"].([]any); len(ends) != 3 {
		t.Errorf("explore() has %d endings, want the example's 3: %v", len(ends), exp)
	}
	waitFor(t, b, "the endings table", `document.querySelectorAll("#explore-out table.endings tbody tr").length === 3`)
	shot.take("explore")
	if err := harness.ClickSelector(b, "#tab-graph"); err != nil {
		t.Fatal(err)
	}
	// Graphviz is fetched when the graph is first shown: wait for it to draw.
	waitFor(t, b, "the graph drawn", `document.querySelector("#graph-out svg") !== null`)
	g := eval[map[string]any](t, b, studio("graph()"))
	if g["drawn"] != true || !strings.HasPrefix(g["dot"].(string), "digraph") {
		t.Fatalf("graph() = %v", g)
	}
	waitFor(t, b, "the graph's nodes", `document.querySelectorAll("#graph-out g.node[data-id]").length >= 9`)
	shot.take("graph")
	if err := harness.ClickSelector(b, `#graph-out g.node[data-id="the-credit"]`); err != nil {
		t.Fatal(err)
	}
	if c := eval[map[string]int](t, b, studio("cursor()")); c["line"] != lineOf(t, text, "- id: the-credit") {
		t.Errorf("a click on the graph's node the-credit puts the cursor on line %d, want %d", c["line"], lineOf(t, text, "- id: the-credit"))
	}

	// Close the tab and come back: the draft is offered, with the edit.
	edited := eval[string](t, b, studio("text()"))
	eval[bool](t, b, `new Promise((r) => setTimeout(() => r(true), 600))`) // the draft is written 0.4 s after the last change
	if err := b.Reload(); err != nil {
		t.Fatal(err)
	}
	if err := harness.StudioReady(b); err != nil {
		t.Fatal(err)
	}
	if offered := eval[bool](t, b, `document.getElementById("start-dialog").open && !document.getElementById("start-draft").hidden`); !offered {
		t.Error("after a reload the Studio does not offer the draft")
	}
	if txt := eval[string](t, b, studio("text()")); txt != edited {
		t.Error("after a reload the text is not the draft")
	}
	shot.take("draft-offered")
	if err := harness.ClickSelector(b, "#start-continue"); err != nil {
		t.Fatal(err)
	}
	if vs := eval[[]map[string]any](t, b, studio("versions()")); len(vs) == 0 {
		t.Error("no earlier version is kept")
	}
	if err := harness.ClickSelector(b, "#versions"); err != nil {
		t.Fatal(err)
	}
	shot.take("versions")
}

func diagnostics(t *testing.T, b *harness.Browser) []harness.Diagnostic {
	t.Helper()
	d, err := harness.StudioDiagnostics(b)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// waitFor polls a JavaScript condition until it is true.
func waitFor(t *testing.T, b *harness.Browser, what, cond string) {
	t.Helper()
	deadline := time.Now().Add(wait)
	for {
		ok, err := harness.Eval[bool](b, "!!("+cond+")")
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("waiting for %s: still not there after %v (%v)", what, wait, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func jsString(s string) string {
	data, _ := json.Marshal(s)
	return string(data)
}
