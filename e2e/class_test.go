package e2e

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"bigthree/e2e/harness"
	"bigthree/internal/bundle"
	"bigthree/internal/lms"
	"bigthree/internal/rules"
	"bigthree/internal/scenario"
	"bigthree/scenarios"
)

// classScenario is the example scenario under another id and title, so a test
// can tell it from the shipped example the game lists.
func classScenario(t *testing.T) (*scenario.Scenario, []byte) {
	t.Helper()
	data, err := scenarios.Read(scenarios.Example)
	if err != nil {
		t.Fatal(err)
	}
	src := regexp.MustCompile(`(?m)^id: .*$`).ReplaceAllString(string(data), "id: class-test")
	src = regexp.MustCompile(`(?m)^title: .*$`).ReplaceAllString(src, "title: The class's own scenario")
	s, diags := scenario.Load("class.yaml", []byte(src))
	if s == nil {
		t.Fatalf("%s", diags)
	}
	return s, []byte(src)
}

// writeBundle writes a bundle of the web game into a new folder.
func writeBundle(t *testing.T, data []byte, opt bundle.Options) string {
	t.Helper()
	b, err := bundle.Make(os.DirFS(webDir(t, false)), "class.yaml", data, opt)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range b.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func openBrowser(t *testing.T) *harness.Browser {
	t.Helper()
	b, err := harness.StartBrowser(harness.BrowserOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("browser console:\n%s", b.Logs())
		}
		b.Close()
	})
	return b
}

// TestBrowserClassFolderAndLink opens a class folder and a class link: both
// go straight to the class's scenario, not the title screen.
func TestBrowserClassFolderAndLink(t *testing.T) {
	needChromium(t)
	s, data := classScenario(t)
	first := s.Events[rules.New(s).Event()].ID
	onDesk := func(st harness.State) bool { return st.Scene == "desk" && st.Scenario == s.ID && st.Event == first }

	t.Run("folder", func(t *testing.T) {
		srv := serve(t, writeBundle(t, data, bundle.Options{}))
		b := openBrowser(t)
		if err := b.Navigate(srv.URL); err != nil {
			t.Fatal(err)
		}
		if _, err := harness.Wait(b, wait, "the class's scenario on the desk", onDesk); err != nil {
			t.Fatal(err)
		}
		newShots(t, b).take("class-folder")
	})
	t.Run("link", func(t *testing.T) {
		srv := serve(t, webDir(t, false))
		l, err := bundle.Link(srv.URL+"/", "class.yaml", data)
		if err != nil {
			t.Fatal(err)
		}
		b := openBrowser(t)
		if err := b.Navigate(l); err != nil {
			t.Fatal(err)
		}
		if _, err := harness.Wait(b, wait, "the linked scenario on the desk", onDesk); err != nil {
			t.Fatal(err)
		}
		newShots(t, b).take("class-link")
	})
	t.Run("damaged link", func(t *testing.T) {
		srv := serve(t, webDir(t, false))
		b := openBrowser(t)
		if err := b.Navigate(srv.URL + "/#name=x.yaml&s=AAAA"); err != nil {
			t.Fatal(err)
		}
		st, err := harness.Wait(b, wait, "the title with a message", func(st harness.State) bool { return st.Scene == "title" && st.Message != "" })
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(st.Message, "link") || !strings.Contains(st.Message, "damaged") {
			t.Errorf("message %q should say the link is damaged", st.Message)
		}
	})
}

// lmsPage stands in for an LMS: it makes scorm-again's SCORM 1.2 runtime the
// window.API of the page, preloaded with what the LMS kept from an earlier
// session (the fragment, as JSON), logs every call the package makes, and
// shows the package in a frame covering the page.
const lmsPage = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>LMS</title>
<style>html,body{margin:0;height:100%;overflow:hidden} iframe{position:fixed;inset:0;width:100%;height:100%;border:0}</style>
<script src="scorm12.js"></script>
<script>
"use strict";
window.API = new Scorm12API({ autocommit: false, logLevel: 5 });
const kept = location.hash.length > 1 ? JSON.parse(decodeURIComponent(location.hash.slice(1))) : null;
if (kept) window.API.loadFromJSON(kept);
window.lmsCalls = [];
for (const name of ["LMSInitialize", "LMSFinish", "LMSGetValue", "LMSSetValue", "LMSCommit"]) {
  const real = window.API[name].bind(window.API);
  window.API[name] = (...args) => {
    const result = String(real(...args));
    window.lmsCalls.push({ name, args: args.map(String), result, error: String(window.API.LMSGetLastError()) });
    return result;
  };
}
</script></head>
<body><iframe id="sco" src="pkg/index.html"></iframe></body></html>
`

// lmsCall is one call the package made to the LMS.
type lmsCall struct {
	Name   string   `json:"name"`
	Args   []string `json:"args"`
	Result string   `json:"result"`
	Error  string   `json:"error"`
}

// frame drives the game inside the LMS page's frame: its state is read from
// the frame's window; keys go to the focused frame.
type frame struct{ *harness.Browser }

func (f frame) State() (harness.State, bool, error) {
	raw, err := harness.Eval[string](f.Browser, `(() => {
  const w = document.getElementById("sco").contentWindow;
  const b = w && w.bigthree;
  if (!b || typeof b.state !== "function") return "";
  const s = b.state();
  return s == null ? "" : JSON.stringify(s);
})()`)
	if err != nil || raw == "" {
		return harness.State{}, false, err
	}
	s, err := harness.ParseState([]byte(raw))
	return s, err == nil, err
}

func calls(t *testing.T, b *harness.Browser) []lmsCall {
	t.Helper()
	raw, err := harness.Eval[string](b, `JSON.stringify(window.lmsCalls)`)
	if err != nil {
		t.Fatal(err)
	}
	var out []lmsCall
	if err := json.Unmarshal([]byte(raw), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// The data model of SCORM 1.2 itself (RTE section 3.4), stricter than scorm-again.
var scorm12 = []struct {
	element *regexp.Regexp
	value   *regexp.Regexp
	max     int // characters, 0 when the pattern says
}{
	{regexp.MustCompile(`^cmi\.core\.lesson_status$`), regexp.MustCompile(`^(passed|completed|failed|incomplete|browsed)$`), 0},
	{regexp.MustCompile(`^cmi\.core\.exit$`), regexp.MustCompile(`^(time-out|suspend|logout|)$`), 0},
	{regexp.MustCompile(`^cmi\.core\.lesson_location$`), regexp.MustCompile(`^`), 255},
	{regexp.MustCompile(`^cmi\.core\.session_time$`), regexp.MustCompile(`^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$`), 0},
	{regexp.MustCompile(`^cmi\.suspend_data$`), regexp.MustCompile(`.`), 4096},
	{regexp.MustCompile(`^cmi\.interactions\.\d+\.id$`), regexp.MustCompile(`^[A-Za-z0-9_-]{1,255}$`), 0},
	{regexp.MustCompile(`^cmi\.interactions\.\d+\.type$`), regexp.MustCompile(`^(true-false|choice|fill-in|matching|performance|sequencing|likert|numeric)$`), 0},
	{regexp.MustCompile(`^cmi\.interactions\.\d+\.time$`), regexp.MustCompile(`^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$`), 0},
	{regexp.MustCompile(`^cmi\.interactions\.\d+\.result$`), regexp.MustCompile(`^(correct|wrong|unanticipated|neutral)$`), 0},
	{regexp.MustCompile(`^cmi\.interactions\.\d+\.(student_response|correct_responses\.0\.pattern)$`), regexp.MustCompile(`.`), 255},
}

var choiceValue = regexp.MustCompile(`^[0-9a-z]$`)

// checkCalls checks every call against SCORM 1.2: each succeeded, each value
// set is valid for its element, and the session began with LMSInitialize.
// It returns the values set, by element, in order.
func checkCalls(t *testing.T, cs []lmsCall) map[string][]string {
	t.Helper()
	if len(cs) == 0 || cs[0].Name != "LMSInitialize" {
		t.Fatalf("the first call is not LMSInitialize: %+v", cs)
	}
	set := map[string][]string{}
	types := map[string]string{}
	for _, c := range cs {
		if c.Error != "0" || c.Name != "LMSGetValue" && c.Result != "true" {
			t.Errorf("%s(%q) = %q, error %s", c.Name, c.Args, c.Result, c.Error)
		}
		if c.Name != "LMSSetValue" {
			continue
		}
		el, v := c.Args[0], c.Args[1]
		set[el] = append(set[el], v)
		known := false
		for _, rule := range scorm12 {
			if rule.element.MatchString(el) {
				known = true
				if !rule.value.MatchString(v) || rule.max > 0 && len([]rune(v)) > rule.max {
					t.Errorf("LMSSetValue(%q, %q): not a valid SCORM 1.2 value", el, v)
				}
			}
		}
		if !known {
			t.Errorf("LMSSetValue(%q, %q): an element the test does not know", el, v)
		}
		if n, ok := strings.CutSuffix(el, ".type"); ok {
			types[n] = v
		}
		if n, ok := strings.CutSuffix(el, ".student_response"); ok && types[n] == "choice" && !choiceValue.MatchString(v) {
			t.Errorf("%s = %q: a choice's response must be one of 0-9 and a-z", el, v)
		}
	}
	return set
}

// interactions lists the interactions recorded, in order, by field.
func interactions(set map[string][]string) []map[string]string {
	var out []map[string]string
	for n := 0; ; n++ {
		p := "cmi.interactions." + strconv.Itoa(n) + "."
		if len(set[p+"id"]) == 0 {
			return out
		}
		in := map[string]string{}
		for _, f := range []string{"id", "type", "student_response", "result", "correct_responses.0.pattern"} {
			if v := set[p+f]; len(v) > 0 {
				in[f] = v[len(v)-1]
			}
		}
		out = append(out, in)
	}
}

func last(set map[string][]string, el string) string {
	if v := set[el]; len(v) > 0 {
		return v[len(v)-1]
	}
	return ""
}

// serveLMS serves the LMS page, scorm-again's runtime and the package.
func serveLMS(t *testing.T, pkg string) string {
	t.Helper()
	runtime := filepath.Join(root, "node_modules", "scorm-again", "dist", "scorm12.js")
	if _, err := os.Stat(runtime); err != nil {
		unavailable(t, "scorm-again is not installed: run npm ci at the repository root")
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/lms.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(lmsPage))
	})
	mux.HandleFunc("/scorm12.js", func(w http.ResponseWriter, r *http.Request) { http.ServeFile(w, r, runtime) })
	mux.Handle("/pkg/", http.StripPrefix("/pkg/", http.FileServer(http.Dir(pkg))))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv.URL + "/lms.html"
}

// focusFrame gives the keyboard to the game inside the frame.
func focusFrame(t *testing.T, b *harness.Browser) {
	t.Helper()
	if _, err := harness.Eval[bool](b, `(() => { const f = document.getElementById("sco"); f.focus(); const c = f.contentDocument.querySelector("canvas"); if (c) c.focus(); return true; })()`); err != nil {
		t.Fatal(err)
	}
}

// TestBrowserSCORM plays the LMS package inside scorm-again's SCORM 1.2
// runtime: two replies in a first session, then, in a fresh browser (another
// computer: nothing in its storage), a resume from the LMS's suspend_data and
// a playthrough to an ending that reports completion.
func TestBrowserSCORM(t *testing.T) {
	needChromium(t)
	s, data := classScenario(t)
	url := serveLMS(t, writeBundle(t, data, bundle.Options{SCORM: true}))

	// The first session.
	b := openBrowser(t)
	if err := b.Navigate(url); err != nil {
		t.Fatal(err)
	}
	d := frame{b}
	p := newPlayer(t, d, s)
	p.onDesk()
	p.shots.take("scorm-start")
	set := checkCalls(t, calls(t, b))
	if last(set, "cmi.core.lesson_status") != "incomplete" || last(set, "cmi.core.exit") != "suspend" {
		t.Errorf("at the start: status %q, exit %q; want incomplete and suspend", last(set, "cmi.core.lesson_status"), last(set, "cmi.core.exit"))
	}
	focusFrame(t, b)
	p.choose(0)
	p.choose(0)
	cs := calls(t, b)
	set = checkCalls(t, cs)
	if cs[len(cs)-1].Name != "LMSCommit" {
		t.Errorf("the last call after a reply is %s, want LMSCommit", cs[len(cs)-1].Name)
	}
	save := last(set, "cmi.suspend_data")
	if _, rs, err := lms.Resume(s, save); err != nil || rs.Total != 2 {
		t.Fatalf("suspend_data %q: %+v, %v; want a save of two steps", save, rs, err)
	}
	want := lms.MakeProgress(p.r, 0).Interactions
	got := interactions(set)
	if len(got) != len(want) {
		t.Fatalf("%d interactions recorded after two steps, want %d: %v", len(got), len(want), got)
	}
	for i, w := range want {
		if g := got[i]; g["id"] != w.ID || g["type"] != w.Type || g["student_response"] != w.Response || g["result"] != w.Result || g["correct_responses.0.pattern"] != w.Correct {
			t.Errorf("interaction %d = %v, want %+v", i, g, w)
		}
	}
	if loc := last(set, "cmi.core.lesson_location"); loc != "event:"+p.expectEvent() {
		t.Errorf("lesson_location %q, want event:%s", loc, p.expectEvent())
	}
	// Leaving the page finishes the session.
	if _, err := harness.Eval[bool](b, `(() => { document.getElementById("sco").src = "about:blank"; return true; })()`); err != nil {
		t.Fatal(err)
	}
	if _, err := harness.Wait(lmsDriver{b, t}, wait, "LMSFinish", func(harness.State) bool {
		cs := calls(t, b)
		return cs[len(cs)-1].Name == "LMSFinish"
	}); err != nil {
		t.Fatal(err)
	}
	set = checkCalls(t, calls(t, b))
	if len(set["cmi.core.session_time"]) != 1 {
		t.Errorf("session_time set %d times, want once at the end", len(set["cmi.core.session_time"]))
	}
	b.Close()

	// The second session, on "another computer": only the LMS has the save.
	kept, _ := json.Marshal(map[string]any{"cmi": map[string]any{"suspend_data": save, "core": map[string]any{"lesson_status": "incomplete", "entry": "resume"}}})
	b2 := openBrowser(t)
	if err := b2.Navigate(url + "#" + string(kept)); err != nil {
		t.Fatal(err)
	}
	d2 := frame{b2}
	p2 := newPlayer(t, d2, s)
	p2.r, _ = rules.Replay(s, []string{p.r.ChoiceID(p.r.Steps()[0]), p.r.ChoiceID(p.r.Steps()[1])})
	p2.shots.n = 20
	p2.onDesk() // the event after the two replies of the first session
	p2.shots.take("scorm-resumed")
	focusFrame(t, b2)
	p2.playToEnd(firstOpen)
	set = checkCalls(t, calls(t, b2))
	if st := last(set, "cmi.core.lesson_status"); st != "completed" {
		t.Errorf("lesson_status %q at the ending, want completed", st)
	}
	ending := p2.expectEnding()
	if loc := last(set, "cmi.core.lesson_location"); loc != "ending:"+ending {
		t.Errorf("lesson_location %q, want ending:%s", loc, ending)
	}
	// This session records only its own steps, then the ending.
	all := lms.MakeProgress(p2.r, 2).Interactions
	var fresh []lms.Interaction
	for _, in := range all {
		if in.Step >= 2 {
			fresh = append(fresh, in)
		}
	}
	got = interactions(set)
	if len(got) != len(fresh) {
		t.Fatalf("%d interactions in the second session, want %d (its replies and the ending): %v", len(got), len(fresh), got)
	}
	for i, w := range fresh {
		if g := got[i]; g["id"] != w.ID || g["student_response"] != w.Response || g["result"] != w.Result {
			t.Errorf("interaction %d = %v, want %+v", i, g, w)
		}
	}
	if e := got[len(got)-1]; e["id"] != "ending" || e["type"] != "performance" || e["student_response"] != ending {
		t.Errorf("the last interaction %v should record the ending %q", e, ending)
	}
	if save := last(set, "cmi.suspend_data"); save == "" {
		t.Error("no suspend_data in the second session")
	} else if r, rs, err := lms.Resume(s, save); err != nil || !rs.Complete() || r.Ending() != p2.r.Ending() {
		t.Errorf("the final suspend_data %q does not replay to the ending: %+v, %v", save, rs, err)
	}
	adapterErrors, err := harness.Eval[[]string](b2, `document.getElementById("sco").contentWindow.bigthreeLMS.errors`)
	if err != nil || len(adapterErrors) > 0 {
		t.Errorf("the adapter saw errors: %v %v", adapterErrors, err)
	}
}

// lmsDriver lets harness.Wait poll the LMS page itself (no game state).
type lmsDriver struct {
	*harness.Browser
	t *testing.T
}

func (l lmsDriver) State() (harness.State, bool, error) { return harness.State{}, true, nil }
