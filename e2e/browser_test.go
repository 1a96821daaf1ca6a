package e2e

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"bigthree/e2e/harness"
	"bigthree/internal/rules"
	"bigthree/scenarios"

	"github.com/chromedp/chromedp"
)

// openGame builds the browser game, serves it and opens it in headless Chromium.
func openGame(t *testing.T) (*harness.Browser, string) {
	t.Helper()
	needChromium(t)
	srv := serve(t, webDir(t, false))
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
	if err := b.Navigate(srv.URL); err != nil {
		t.Fatal(err)
	}
	return b, srv.URL
}

// TestBrowserPlaythrough plays example.yaml to an ending three times: with the keyboard alone,
// with the mouse alone (clicking the buttons the game reports), and alternating the two.
func TestBrowserPlaythrough(t *testing.T) {
	for _, mode := range []string{"keyboard", "mouse", "mixed"} {
		t.Run(mode, func(t *testing.T) {
			b, _ := openGame(t)
			p := newPlayer(t, b, loadExample(t))
			p.wait("the title screen", titleReady)
			page, err := b.Page()
			if err != nil || page.FirstFrameMs == nil {
				t.Errorf("window.bigthreePage = %+v (%v): want firstFrameMs once the game draws", page, err)
			}
			p.mouse = mode == "mouse"
			p.startNewGame(listIndex(t, scenarios.Example), scenarios.Example)
			route := func(opts []rules.Option) int {
				if mode == "mixed" {
					p.mouse = p.step%2 == 1
				}
				return firstOpen(opts)
			}
			p.playToEnd(route)
		})
	}
}

// TestBrowserResumeAfterReload makes two choices, reloads the page and continues.
func TestBrowserResumeAfterReload(t *testing.T) {
	b, _ := openGame(t)
	p := newPlayer(t, b, loadExample(t))
	p.startNewGame(listIndex(t, scenarios.Example), scenarios.Example)
	p.choose(0)
	p.choose(0)
	// The autosave is written after each choice; a reload must find it.
	if err := b.Reload(); err != nil {
		t.Fatal(err)
	}
	p.shots.n = 50
	st := p.wait("the title after the reload", titleReady)
	p.shots.take("title-after-reload")
	if _, ok := st.Button("continue"); !ok {
		t.Fatalf("the title offers no Continue after the reload; buttons: %v", st.ButtonIDs())
	}
	p.mouse = true
	p.press("continue", "Return")
	st = p.wait("the desk after Continue", func(s harness.State) bool { return s.Scene == "desk" })
	if want := p.expectEvent(); st.Event != want {
		t.Fatalf("Continue shows event %q, want %q", st.Event, want)
	}
	p.checkMeters(st, "after Continue")
	p.shots.take("resumed")
}

// TestBrowserOpenScenarioFile opens a broken scenario through the page's file picker: the game
// must show its errors screen (the file reached window.bigthree.openScenario).
func TestBrowserOpenScenarioFile(t *testing.T) {
	b, _ := openGame(t)
	sh := newShots(t, b)
	if _, err := harness.Wait(b, wait, "the title screen", func(s harness.State) bool { return s.Scene == "title" }); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(t.TempDir(), "broken.yaml")
	if err := os.WriteFile(broken, []byte("format: 1\nid: broken\ntitle: [unclosed\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(b.Context(), chromedp.SetUploadFiles(chromedp.ID("file"), []string{broken})); err != nil {
		t.Fatal(err)
	}
	_, err := harness.Wait(b, wait, "the errors screen", func(s harness.State) bool { return s.Scene == "errors" })
	sh.take("errors")
	if err != nil {
		t.Fatal(err)
	}
}

// TestBrowserCorruptSave damages the autosave in localStorage: after a reload the game must say
// so and keep the damaged text under another key, never delete it.
func TestBrowserCorruptSave(t *testing.T) {
	b, _ := openGame(t)
	sh := newShots(t, b)
	if _, err := harness.Wait(b, wait, "the title screen", titleReady); err != nil {
		t.Fatal(err)
	}
	const garbage = `{"origin": {"name": "example.yaml"}, "save": {"format": 1, "scen`
	if _, err := harness.Eval[bool](b, `localStorage.setItem("bigthree/autosave", `+strconv.Quote(garbage)+`), true`); err != nil {
		t.Fatal(err)
	}
	if err := b.Reload(); err != nil {
		t.Fatal(err)
	}
	st, err := harness.Wait(b, wait, "the title with a message", func(s harness.State) bool { return titleReady(s) && s.Message != "" })
	sh.take("corrupt-save")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.ToLower(st.Message), "damaged") {
		t.Errorf("message %q does not say the save is damaged", st.Message)
	}
	if _, ok := st.Button("continue"); ok {
		t.Error("Continue is offered for a damaged save")
	}
	kept, err := harness.Eval[string](b, `(() => { for (let i = 0; i < localStorage.length; i++) { const k = localStorage.key(i);
	  if (k !== "bigthree/autosave" && localStorage.getItem(k) === `+strconv.Quote(garbage)+`) return k; } return ""; })()`)
	if err != nil || kept == "" {
		t.Errorf("the damaged save was not kept under another key (%v)", err)
	}
}
