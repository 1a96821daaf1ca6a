package e2e

import (
	"encoding/json"
	"fmt"
	"github.com/chromedp/chromedp"
	"slices"
	"strings"
	"testing"
	"time"

	"bigthree/e2e/harness"
	"bigthree/internal/rules"
	"bigthree/internal/story"
	"bigthree/scenarios"
)

// axeClean runs axe-core on the page and fails the test for every violation it finds.
func axeClean(t *testing.T, b *harness.Browser, state string) {
	t.Helper()
	vs, err := harness.Axe(b, root)
	if err != nil {
		t.Errorf("axe on %s: %v", state, err)
		return
	}
	for _, v := range vs {
		t.Errorf("axe on %s: %s", state, v)
	}
	if len(vs) == 0 {
		t.Logf("axe on %s: no violations", state)
	}
}

// mirrorView is what the page's text mirror holds now.
type mirrorView struct {
	Title     string   `json:"title"`
	Texts     []string `json:"texts"`
	Buttons   []mButton
	Live      string   `json:"live"`
	Announced []string `json:"announced"`
	Active    string   `json:"active"` // the focused element: its id, or its tag
	Rev       int      `json:"rev"`
	Seq       int      `json:"seq"`
}

type mButton struct {
	ID       string `json:"id"`
	Text     string `json:"text"`
	Disabled bool   `json:"disabled"`
	Describe string `json:"describe"` // the text of its description (a detail, a locked reply's reason)
}

const mirrorJS = `JSON.stringify((() => {
  const m = document.getElementById("mirror-screen");
  const h1 = m.querySelector("h1");
  const st = window.bigthree.state ? window.bigthree.state() : null;
  const a = document.activeElement;
  return {
    title: h1 ? h1.textContent : "",
    texts: Array.from(m.querySelectorAll("p, li, blockquote, pre, h2, h3")).map((e) => e.textContent),
    Buttons: Array.from(m.querySelectorAll("button")).map((b) => ({id: b.dataset.id, text: b.textContent, disabled: b.disabled,
      describe: (b.getAttribute("aria-describedby") || "").split(" ").filter(Boolean).map((id) => document.getElementById(id).textContent).join(" ")})),
    live: document.getElementById("mirror-live").textContent,
    announced: window.bigthreeMirror.announced.slice(),
    active: a ? (a.id || a.tagName.toLowerCase()) : "",
    rev: st && st.screen ? st.screen.rev : -1,
    seq: st && st.screen ? st.screen.seq : -1,
  };
})())`

func readMirror(t *testing.T, b *harness.Browser) mirrorView {
	t.Helper()
	raw, err := harness.Eval[string](b, mirrorJS)
	if err != nil {
		t.Fatal(err)
	}
	var m mirrorView
	if err := json.Unmarshal([]byte(raw), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// waitMirror waits until the mirror shows the state's screen (the same rev) and cond holds.
func waitMirror(t *testing.T, b *harness.Browser, what string, cond func(harness.State, mirrorView) bool) (harness.State, mirrorView) {
	t.Helper()
	deadline := time.Now().Add(wait)
	for {
		st, ok, _ := b.State()
		if ok && st.Screen != nil {
			m := readMirror(t, b)
			if shown, _ := harness.Eval[int](b, `window.bigthreeMirrorRev()`); shown == st.Screen.Rev && cond(st, m) {
				return st, m
			}
			if time.Now().After(deadline) {
				t.Fatalf("waiting for %s: the mirror shows %+v\nstate: %s", what, m, st.Raw)
			}
		} else if time.Now().After(deadline) {
			t.Fatalf("waiting for %s: no state with a screen", what)
		}
		time.Sleep(30 * time.Millisecond)
	}
}

// clickMirror clicks the mirror's button with the given id, as a mouse or a screen reader does.
func clickMirror(t *testing.T, b *harness.Browser, id string) {
	t.Helper()
	ok, err := harness.Eval[bool](b, fmt.Sprintf(`(() => { const e = document.querySelector('#mirror-screen button[data-id=%q]');
	  if (!e || e.disabled) return false; e.focus(); e.click(); return true; })()`, id))
	if err != nil || !ok {
		t.Fatalf("no enabled mirror button %q (%v): %+v", id, err, readMirror(t, b).Buttons)
	}
}

// checkDesk compares the mirror with the document and the replies the game shows (the state says
// which): the title, every paragraph, the source, and every reply as a button named "Reply N: …"
// (locked ones disabled and described by their reason).
func checkDesk(t *testing.T, p *player, st harness.State, m mirrorView) {
	t.Helper()
	ev := p.s.Events[p.s.EventIndex(st.Event)]
	// Texts are shown typeset (curly quotes and dashes), as the story model gives them.
	if m.Title != story.Typeset(ev.Title) {
		t.Errorf("desk %s: the mirror's heading is %q, want %q", st.Event, m.Title, story.Typeset(ev.Title))
	}
	all := strings.Join(m.Texts, "\n")
	for _, par := range story.Paragraphs(ev.Text) {
		if !slices.Contains(m.Texts, par) {
			t.Errorf("desk %s: the mirror lacks the paragraph %q", st.Event, par)
		}
	}
	if src := p.s.SourceText(ev.Source); src != "" && !strings.Contains(all, "Source: "+src) {
		t.Errorf("desk %s: the mirror lacks the source %q", st.Event, src)
	}
	opts := p.r.Options(nil)
	var replies []mButton
	for _, b := range m.Buttons {
		if strings.HasPrefix(b.ID, "reply:") || b.ID == "continue" {
			replies = append(replies, b)
		}
	}
	if len(replies) != len(opts) || st.Options != len(opts) {
		t.Fatalf("desk %s: the mirror has %d replies, the game %d, the rules %d", st.Event, len(replies), st.Options, len(opts))
	}
	for i, o := range opts {
		want := story.Typeset(o.Text)
		if o.Index >= 0 {
			want = fmt.Sprintf("Reply %d: %s", i+1, want)
		}
		if replies[i].Text != want || replies[i].Disabled != o.Locked {
			t.Errorf("desk %s: mirror reply %d is %+v, want %q locked %v", st.Event, i+1, replies[i], want, o.Locked)
		}
		if o.Locked && !strings.Contains(replies[i].Describe, "Locked: ") {
			t.Errorf("desk %s: the locked reply %d does not say why: %+v", st.Event, i+1, replies[i])
		}
	}
	if !slices.ContainsFunc(m.Announced, func(a string) bool { return strings.HasSuffix(a, ev.Title) }) {
		t.Errorf("desk %s: the live region never announced %q: %q", st.Event, ev.Title, m.Announced)
	}
}

// TestBrowserTextMirror plays the example through the page's text mirror only, clicking its
// buttons: after each step the mirror says what the game shows, the live region announces each new
// document and the focus moves to its heading. axe-core checks every screen, in both themes and
// every plain-text view, and the page's loading and problem sheets.
func TestBrowserTextMirror(t *testing.T) {
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
	p := newPlayer(t, b, loadExample(t))
	// The loading sheet, held until it has been checked.
	release, err := b.HoldRequests("*bigthree.wasm*")
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Navigate(srv.URL); err != nil {
		t.Fatal(err)
	}
	if _, err := harness.Await[bool](b, wait, `new Promise((ok) => { const w = () => !document.getElementById("loading").hidden ? ok(true) : setTimeout(w, 20); w(); })`); err != nil {
		t.Fatal(err)
	}
	p.shots.take("timeout") // not waiting for the game: it has not started
	axeClean(t, b, "the loading sheet")
	if err := release(nil); err != nil {
		t.Fatal(err)
	}

	st := p.wait("the title screen", titleReady)
	_, m := waitMirror(t, b, "the title in the mirror", func(s harness.State, m mirrorView) bool { return m.Title == "The Big Three" })
	for _, id := range st.ButtonIDs() {
		if !slices.ContainsFunc(m.Buttons, func(b mButton) bool { return b.ID == id }) {
			t.Errorf("the title's button %q is not in the mirror: %+v", id, m.Buttons)
		}
	}
	axeClean(t, b, "the title")
	clickMirror(t, b, "new-game")
	_, m = waitMirror(t, b, "the scenario list", func(s harness.State, m mirrorView) bool { return s.Scene == "scenarios" })
	if m.Active != "mirror-title" {
		t.Errorf("after a mirror button the focus is on %q, not the new screen's heading", m.Active)
	}
	p.shots.take("scenarios-mirror-focused")
	axeClean(t, b, "the scenario list")
	clickMirror(t, b, "scenario:"+scenarios.Example)

	checked := map[string]bool{}
	for step := 0; ; step++ {
		if step > 30 {
			t.Fatal("no ending after 30 steps")
		}
		if p.r.Over() {
			break
		}
		want := p.expectEvent()
		st, m := waitMirror(t, b, "the desk at "+want, func(s harness.State, m mirrorView) bool {
			return s.Scene == "desk" && s.Event == want && !s.Menu && m.Title == story.Typeset(p.s.Events[p.s.EventIndex(want)].Title)
		})
		p.checkMeters(st, "desk "+want)
		checkDesk(t, p, st, m)
		if m.Active != "mirror-title" {
			t.Errorf("desk %s: the focus is on %q, not the document's heading", want, m.Active)
		}
		p.shots.take("desk-" + want)
		opts := p.r.Options(nil)
		pick := firstOpen(opts)
		if !checked["desk"] || slices.ContainsFunc(opts, func(o rules.Option) bool { return o.Locked }) {
			axeClean(t, b, "the desk at "+want)
			checked["desk"] = true
		}
		id := "continue"
		if opts[pick].Index >= 0 {
			id = fmt.Sprintf("reply:%d", pick+1)
		}
		clickMirror(t, b, id)
		if err := p.r.ChooseIndex(opts[pick].Index); err != nil {
			t.Fatal(err)
		}
		next := p.expectEvent()
		st, m = waitMirror(t, b, "the outcome of "+want, func(s harness.State, m mirrorView) bool {
			return s.Scene == "after" || s.Scene == "ending" || s.Scene == "desk" && s.Event == next && next != want
		})
		if st.Scene == "after" {
			if !slices.ContainsFunc(m.Buttons, func(b mButton) bool { return b.ID == "continue" }) || len(m.Texts) == 0 {
				t.Errorf("after %s: the mirror has %+v", want, m)
			}
			if !checked["after"] {
				axeClean(t, b, "the after-a-reply screen")
				checked["after"] = true
				// The Esc menu and Settings, from the mirror.
				clickMirror(t, b, "menu")
				waitMirror(t, b, "the menu", func(s harness.State, m mirrorView) bool { return s.Menu && m.Title == "Menu" })
				axeClean(t, b, "the Esc menu")
				clickMirror(t, b, "settings")
				waitMirror(t, b, "Settings", func(s harness.State, m mirrorView) bool { return s.Scene == "settings" })
				axeClean(t, b, "Settings")
				textViews(t, b, p)
				clickMirror(t, b, "back")
				waitMirror(t, b, "the menu again", func(s harness.State, m mirrorView) bool { return s.Menu })
				clickMirror(t, b, "resume")
				waitMirror(t, b, "the after screen again", func(s harness.State, m mirrorView) bool { return s.Scene == "after" && !s.Menu })
			}
			clickMirror(t, b, "continue")
		}
	}
	st, m = waitMirror(t, b, "the ending", func(s harness.State, m mirrorView) bool { return s.Scene == "ending" })
	if st.Ending != p.expectEnding() {
		t.Errorf("ending %q, want %q", st.Ending, p.expectEnding())
	}
	end := p.s.Endings[p.s.EndingIndex(st.Ending)]
	all := strings.Join(m.Texts, "\n")
	if m.Title != end.Title || !strings.Contains(all, "your path started at") || !strings.Contains(all, "lowest") {
		t.Errorf("the mirror's ending: %q\n%s", m.Title, all)
	}
	p.shots.take("ending")
	axeClean(t, b, "the ending and debrief")

	// Save transcript from the mirror: the name is typed into the mirror's own text box, which
	// the game takes as its field's value, and Enter there saves.
	clickMirror(t, b, "save-transcript")
	waitMirror(t, b, "the name screen", func(s harness.State, m mirrorView) bool { return s.Scene == "name" })
	if _, err := harness.Eval[bool](b, `(() => { const i = document.getElementById("mirror-field"); i.focus(); i.value = ""; i.dispatchEvent(new Event("input")); return true; })()`); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(b.Context(), chromedp.SendKeys(chromedp.ID("mirror-field"), "Ada Lovelace")); err != nil {
		t.Fatal(err)
	}
	waitMirror(t, b, "the typed name in the game", func(s harness.State, m mirrorView) bool { return s.Input == "Ada Lovelace" })
	if active, _ := harness.Eval[string](b, `document.activeElement.id`); active != "mirror-field" {
		t.Errorf("while typing the focus left the text box for %q", active)
	}
	axeClean(t, b, "the name screen")
	p.shots.take("name-mirror")
	if err := chromedp.Do(b.Context(), chromedp.SendKeys(chromedp.ID("mirror-field"), "\r")); err != nil {
		t.Fatal(err)
	}
	waitMirror(t, b, "the ending with the transcript saved", func(s harness.State, m mirrorView) bool {
		return s.Scene == "ending" && strings.Contains(s.Message, "Downloaded bigthree-")
	})

	// A still screen: two seconds of ticks draw no frame and leave the mirror as it is.
	st, _ = waitMirror(t, b, "a settled ending", func(s harness.State, m mirrorView) bool { return s.Settled })
	renders, err := harness.Eval[int](b, `window.bigthreeMirror.renders()`)
	if err != nil {
		t.Fatal(err)
	}
	later := p.wait("two seconds of ticks", func(s harness.State) bool { return s.Ticks >= st.Ticks+120 })
	again, _ := harness.Eval[int](b, `window.bigthreeMirror.renders()`)
	if later.Frames != st.Frames || again != renders {
		t.Errorf("on a still screen: frames %d -> %d, mirror rewritten %d -> %d times; want no change", st.Frames, later.Frames, renders, again)
	}
}

// textViews shows the plain-text view beside the game and instead of it, in both themes, with
// screenshots and axe-core, and sets it back to hidden.
func textViews(t *testing.T, b *harness.Browser, p *player) {
	t.Helper()
	for _, c := range []struct{ id, view, theme string }{
		{"text-view:beside-the-game", "beside", "standard"},
		{"contrast:high-contrast", "beside", "high-contrast"},
		{"text-view:instead-of-the-game", "instead", "high-contrast"},
		{"contrast:standard", "instead", "standard"},
		{"text-view:hidden", "hidden", "standard"},
	} {
		clickMirror(t, b, c.id)
		waitMirror(t, b, "the text view "+c.view, func(s harness.State, m mirrorView) bool {
			return s.TextView == c.view && s.Theme == c.theme
		})
		shown, err := harness.Eval[string](b, `document.body.className + "|" + getComputedStyle(document.getElementById("mirror")).width`)
		if err != nil {
			t.Fatal(err)
		}
		if c.view == "beside" && !strings.Contains(shown, "text-beside") || c.view == "instead" && !strings.Contains(shown, "text-instead") {
			t.Errorf("text view %s: the page's body is %q", c.view, shown)
		}
		if c.view != "hidden" {
			// Blur the mirror so the screenshot shows the view as set, not as focused.
			harness.Eval[bool](b, `document.activeElement.blur(), true`)
			p.shots.take("settings-text-" + c.view + "-" + c.theme)
			axeClean(t, b, "Settings with the plain-text view "+c.view+" in the "+c.theme+" theme")
		}
	}
}

// TestBrowserProblemSheetsAxe checks the page's problem sheets with axe-core: a browser without
// WebGL2, and a game that stops at once (a damaged game file).
func TestBrowserProblemSheetsAxe(t *testing.T) {
	needChromium(t)
	srv := serve(t, webDir(t, false))
	t.Run("no-webgl2", func(t *testing.T) {
		b, err := harness.StartBrowser(harness.BrowserOptions{Flags: []string{"disable-webgl"}})
		if err != nil {
			t.Fatal(err)
		}
		defer b.Close()
		if err := b.Navigate(srv.URL); err != nil {
			t.Fatal(err)
		}
		if _, err := harness.Await[bool](b, wait, `new Promise((ok) => { const w = () => window.bigthreePage.status === "no-webgl2" ? ok(true) : setTimeout(w, 20); w(); })`); err != nil {
			t.Fatal(err)
		}
		newShots(t, b).take("timeout")
		axeClean(t, b, "the no-WebGL2 sheet")
	})
	t.Run("crash", func(t *testing.T) {
		b, err := harness.StartBrowser(harness.BrowserOptions{})
		if err != nil {
			t.Fatal(err)
		}
		defer b.Close()
		release, err := b.HoldRequests("*bigthree.wasm*")
		if err != nil {
			t.Fatal(err)
		}
		if err := b.Navigate(srv.URL); err != nil {
			t.Fatal(err)
		}
		if err := release([]byte("\x00asm not really a game")); err != nil {
			t.Fatal(err)
		}
		if _, err := harness.Await[bool](b, wait, `new Promise((ok) => { const w = () => window.bigthreePage.status === "stopped" ? ok(true) : setTimeout(w, 20); w(); })`); err != nil {
			t.Fatal(err)
		}
		newShots(t, b).take("timeout")
		axeClean(t, b, "the sheet of a game that stopped")
	})
}

// TestBrowserScreenReaderWalk plays the example as a screen reader user would: it reads Chromium's
// accessibility tree (Accessibility.getFullAXTree), finds the game's text under its main landmark,
// and moves on only by pressing Enter on the buttons found there, until an ending is read out.
func TestBrowserScreenReaderWalk(t *testing.T) {
	b, _ := openGame(t)
	s := loadExample(t)
	sh := newShots(t, b)
	if _, err := harness.Wait(b, wait, "the title screen", titleReady); err != nil {
		t.Fatal(err)
	}
	endings := map[string]bool{}
	for _, e := range s.Endings {
		endings[e.Title] = true
	}
	var heard []string
	last := ""
	for step := 0; step < 60; step++ {
		main, h1, buttons := readTree(t, b, last)
		heading := h1.Text()
		if h1.Name != "" {
			heading = h1.Name
		}
		heard = append(heard, heading)
		last = treeSig(h1, buttons)
		if endings[heading] {
			t.Logf("reached the ending %q after %d screens; heard: %q", heading, step+1, heard)
			sh.take("ending")
			if txt := main.Text(); !strings.Contains(txt, "your path started at") {
				t.Errorf("the ending as read has no description of the chart:\n%s", txt)
			}
			return
		}
		var press *harness.AXNode
		for _, want := range []func(n *harness.AXNode) bool{
			func(n *harness.AXNode) bool { return n.Name == "New game" },
			func(n *harness.AXNode) bool { return n.Name == s.Title },
			func(n *harness.AXNode) bool { return strings.HasPrefix(n.Name, "Reply ") && !n.Disabled },
			func(n *harness.AXNode) bool { return n.Name == "Continue" || n.Name == "See how it ended" },
		} {
			if i := slices.IndexFunc(buttons, want); i >= 0 {
				press = buttons[i]
				break
			}
		}
		if press == nil {
			t.Fatalf("screen %q: no button to go on among %q", heading, names(buttons))
		}
		for _, n := range buttons {
			if n.Name == "" {
				t.Errorf("screen %q: a button without an accessible name", heading)
			}
		}
		if err := b.Press(press); err != nil {
			t.Fatal(err)
		}
	}
	t.Fatalf("no ending after 60 screens; heard: %q", heard)
}

// readTree waits until the accessibility tree shows a screen other than the one with signature
// last, and returns the game's text (the main landmark), its heading and its buttons.
func readTree(t *testing.T, b *harness.Browser, last string) (main, h1 *harness.AXNode, buttons []*harness.AXNode) {
	t.Helper()
	deadline := time.Now().Add(wait)
	for {
		tree, err := harness.AXTree(b)
		if err != nil {
			t.Fatal(err)
		}
		mains := tree.Find(func(n *harness.AXNode) bool { return n.Role == "main" && n.Name == "The game as text" })
		if len(mains) == 1 {
			main = mains[0]
			hs := main.Find(func(n *harness.AXNode) bool { return n.Role == "heading" && n.Level == 1 })
			buttons = main.Find(func(n *harness.AXNode) bool { return n.Role == "button" })
			if len(hs) == 1 && len(buttons) > 0 && treeSig(hs[0], buttons) != last {
				return main, hs[0], buttons
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("the accessibility tree shows no new screen of the game (main landmarks: %d)", len(mains))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func treeSig(h1 *harness.AXNode, buttons []*harness.AXNode) string {
	return h1.Name + h1.Text() + "|" + strings.Join(names(buttons), "|")
}

func names(ns []*harness.AXNode) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = n.Name
	}
	return out
}

// TestBrowserHighContrastScreens plays the example in the high-contrast theme at 1280x720 and
// 1920x1080, through the text mirror, with a screenshot of the game on every kind of screen (the
// mirror blurred, so the canvas shows) and axe-core on each.
func TestBrowserHighContrastScreens(t *testing.T) {
	needChromium(t)
	srv := serve(t, webDir(t, false))
	for _, size := range [][2]int{{1280, 720}, {1920, 1080}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			b, err := harness.StartBrowser(harness.BrowserOptions{Width: size[0], Height: size[1]})
			if err != nil {
				t.Fatal(err)
			}
			defer b.Close()
			if err := b.Navigate(srv.URL); err != nil {
				t.Fatal(err)
			}
			p := newPlayer(t, b, loadExample(t))
			p.wait("the title screen", titleReady)
			waitMirror(t, b, "the title in the mirror", func(s harness.State, m mirrorView) bool { return m.Title == "The Big Three" })
			shot := func(name string) {
				t.Helper()
				harness.Eval[bool](b, `document.activeElement.blur(), true`)
				p.shots.take(name)
				axeClean(t, b, name)
			}
			clickMirror(t, b, "settings")
			waitMirror(t, b, "Settings", func(s harness.State, m mirrorView) bool { return s.Scene == "settings" })
			clickMirror(t, b, "contrast:high-contrast")
			waitMirror(t, b, "high contrast", func(s harness.State, m mirrorView) bool { return s.Theme == "high-contrast" })
			shot("settings")
			clickMirror(t, b, "back")
			waitMirror(t, b, "the title", func(s harness.State, m mirrorView) bool { return s.Scene == "title" })
			shot("title")
			clickMirror(t, b, "new-game")
			waitMirror(t, b, "the scenarios", func(s harness.State, m mirrorView) bool { return s.Scene == "scenarios" })
			shot("scenarios")
			clickMirror(t, b, "scenario:"+scenarios.Example)
			for step := 0; step < 30 && !p.r.Over(); step++ {
				want := p.expectEvent()
				waitMirror(t, b, "the desk at "+want, func(s harness.State, m mirrorView) bool { return s.Scene == "desk" && s.Event == want })
				shot("desk-" + want)
				opts := p.r.Options(nil)
				pick := lastOpen(opts)
				id := "continue"
				if opts[pick].Index >= 0 {
					id = fmt.Sprintf("reply:%d", pick+1)
				}
				clickMirror(t, b, id)
				if err := p.r.ChooseIndex(opts[pick].Index); err != nil {
					t.Fatal(err)
				}
				next := p.expectEvent()
				st, _ := waitMirror(t, b, "after "+want, func(s harness.State, m mirrorView) bool {
					return s.Scene == "after" || s.Scene == "ending" || s.Scene == "desk" && s.Event == next && next != want
				})
				if st.Scene == "after" {
					if step == 1 {
						shot("after-" + want)
						clickMirror(t, b, "menu")
						waitMirror(t, b, "the menu", func(s harness.State, m mirrorView) bool { return s.Menu })
						shot("menu")
						clickMirror(t, b, "resume")
						waitMirror(t, b, "after again", func(s harness.State, m mirrorView) bool { return s.Scene == "after" && !s.Menu })
					}
					clickMirror(t, b, "continue")
				}
			}
			waitMirror(t, b, "the ending", func(s harness.State, m mirrorView) bool { return s.Scene == "ending" })
			shot("ending")
		})
	}
}
