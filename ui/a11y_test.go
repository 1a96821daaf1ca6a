//go:build !js

package ui

import (
	"fmt"
	"image"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"bigthree/internal/contract"
	"bigthree/internal/store"
)

// screenCheck looks at the screen on display as the page's text mirror
// and a pointer would: its text has a title, every button the state hook
// reports is in the text with the same state, every button whole on screen
// is at least 24x24 CSS pixels (WCAG 2.2 target size), and, with
// $BIGTHREE_SHOT_DIR set, it writes the screen at 1280x720 and 1920x1080.
func screenCheck(t *testing.T, d *driver, name string) *contract.Screen {
	t.Helper()
	var sc *contract.Screen
	var hook []contract.Button
	d.onGame(func() {
		a := d.g.a
		sc = screenOf(a)
		a.hook.collect(a)
		hook = append(hook, a.hook.buttons.items...)
	})
	if sc.Title == "" {
		t.Errorf("%s: the screen's text has no title", name)
	}
	text := map[string]contract.ScreenButton{}
	for _, b := range sc.Buttons {
		if b.Label == "" {
			t.Errorf("%s: button %q has no label", name, b.ID)
		}
		text[b.ID] = b
	}
	for _, b := range hook {
		tb, ok := text[b.ID]
		switch {
		case !ok:
			t.Errorf("%s: button %q is on screen but not in the text mirror (%v)", name, b.ID, sc.Buttons)
		case tb.Enabled != b.Enabled:
			t.Errorf("%s: button %q enabled %v on screen, %v in the text", name, b.ID, b.Enabled, tb.Enabled)
		}
	}
	d.shots(t, name, nil)
	auditContrast(t, d, name)
	return sc
}

// auditContrast draws the screen and measures, for every text drawn, the
// contrast between its colour and the pixels actually under it (read
// before the text is drawn): the theme's list of pairs, checked on the
// real screen. Large text (24 px, or 18.7 px bold) needs 3:1, the rest
// 4.5:1.
func auditContrast(t *testing.T, d *driver, name string) {
	t.Helper()
	var bad []string
	low, lowWhat := 99.0, ""
	seen := map[string]bool{}
	d.onGame(func() {
		a := d.g.a
		img := ebiten.NewImage(int(a.W), int(a.H))
		defer img.Deallocate()
		a.P.audit = func(dst *ebiten.Image, s string, face text.Face, box image.Rectangle, c Col) {
			size, bold := 0.0, false
			if f, ok := face.(*text.GoTextFace); ok {
				size, bold = f.Size/a.DPR, f.Source == a.src.Bold
			}
			need := minText
			if size >= 24 || bold && size >= 18.66 {
				need = minLarge
			}
			mid := image.Pt((box.Min.X+box.Max.X)/2, (box.Min.Y+box.Max.Y)/2)
			for _, pt := range []image.Point{mid, {box.Min.X + 1, mid.Y}, {box.Max.X - 2, mid.Y}, {mid.X, box.Min.Y + 1}, {mid.X, box.Max.Y - 2}} {
				if !pt.In(dst.Bounds()) {
					continue
				}
				r, g, b, al := dst.At(pt.X, pt.Y).RGBA()
				if al < 0xff00 {
					continue // outside what this image shows (a clipped pane)
				}
				bg := Col{float32(r) / 0xffff, float32(g) / 0xffff, float32(b) / 0xffff, 1}
				ratio := Contrast(c.Over(bg), bg)
				if ratio < low {
					low, lowWhat = ratio, fmt.Sprintf("%q in %s on %s", s, hexOf(c), hexOf(bg))
				}
				if key := s + hexOf(c); ratio < need && !seen[key] {
					seen[key] = true
					bad = append(bad, fmt.Sprintf("%q in %s on %s at (%d,%d): %.2f:1, needs %.1f:1", s, hexOf(c), hexOf(bg), pt.X, pt.Y, ratio, need))
				}
			}
		}
		a.scene.Draw(a, img)
		a.P.audit = nil
	})
	if len(bad) > 0 {
		t.Errorf("%s: texts drawn below the WCAG contrast:\n%s", name, strings.Join(bad, "\n"))
	}
	t.Logf("%s: lowest contrast drawn %.2f:1 (%s)", name, low, lowWhat)
}

// targetCheck asserts that every button on screen that is not cut by a
// scrolling pane is at least 24x24 CSS pixels.
func targetCheck(t *testing.T, d *driver, name string) {
	t.Helper()
	var hook []contract.Button
	d.onGame(func() {
		a := d.g.a
		a.hook.collect(a)
		hook = append(hook, a.hook.buttons.items...)
	})
	for _, b := range hook {
		if b.W < 24 || b.H < 24 {
			t.Errorf("%s: button %q is %.0fx%.0f CSS px, under 24x24", name, b.ID, b.W, b.H)
		}
	}
}

// TestEveryScreenAccessible walks every screen of the game in both themes:
// the title, the scenario list, the desk (a locked reply among them), the
// after-a-reply screen, the Esc menu, Settings, a saved game's question,
// the list of saved games, the ending and debrief, a broken scenario's
// errors and a warnings list; each passes screenCheck. The walk is played
// through the text mirror's intents (window.bigthree.act's), so clicking
// the mirror's buttons is shown to play the game.
func TestEveryScreenAccessible(t *testing.T) {
	for _, hc := range []bool{false, true} {
		theme := themeFor(hc).Name
		t.Run(theme, func(t *testing.T) {
			d := theDriver
			dir := freshData(t)
			st := store.New(store.Dir{Path: dir}, "")
			if err := st.SaveSettings(store.Settings{TextSize: 1, HighContrast: hc}); err != nil {
				t.Fatal(err)
			}
			d.restart(t, Options{})
			d.waitScene(t, "title")
			if currentTheme.Name != theme {
				t.Fatalf("the game draws in %s, want %s", currentTheme.Name, theme)
			}
			shot := func(n string) *contract.Screen { return screenCheck(t, d, theme+"-"+n) }
			act := func(in Intent) {
				t.Helper()
				d.onGame(func() { d.g.a.acts.push(in, d.g.a.seq) })
				d.tick(Intent{})
				for d.g.a.trans.Active() {
					d.tick(Intent{})
				}
			}
			shot("title")
			targetCheck(t, d, "title")
			d.pointAt(t, "settings", false)
			d.shots(t, theme+"-title-hover-settings", nil)
			act(Intent{Button: "new-game"})
			if d.scene() != "scenarios" {
				t.Fatalf("the mirror's New game shows %q", d.scene())
			}
			sc := shot("scenarios")
			if !strings.HasPrefix(sc.Buttons[0].ID, "scenario:") || sc.Buttons[0].Detail == "" {
				t.Errorf("the scenario list's first button: %+v", sc.Buttons[0])
			}
			act(Intent{Button: "scenario:example.yaml"})
			d.waitScene(t, "desk")
			sc = shot("desk-news")
			if sc.Title != d.g.a.Play.S.Events[d.g.a.Play.Run.Event()].Title || sc.Prompt != "When you have read it" {
				t.Errorf("desk text: title %q, prompt %q", sc.Title, sc.Prompt)
			}
			if !slices.ContainsFunc(sc.Blocks, func(b contract.Block) bool { return b.Kind == "h2" && b.Text == "In history" }) {
				t.Errorf("the news's history note is not in the desk's text: %+v", sc.Blocks)
			}
			// One Continue: the note was on the desk, the after screen has
			// nothing to add.
			act(Intent{Button: "continue"})
			d.waitScene(t, "desk")
			if len(d.g.a.Play.Run.Steps()) != 1 {
				t.Fatalf("steps %d after Continue on the news, want 1", len(d.g.a.Play.Run.Steps()))
			}
			shot("desk-telegram")
			targetCheck(t, d, "desk")
			d.pointAt(t, "reply:2", false)
			d.shots(t, theme+"-desk-hover-reply-2", nil)
			// Reply 2 (wait for the army), then the Moscow meeting where
			// the supply conference is locked.
			act(Intent{Choose: 2})
			d.waitScene(t, "after")
			sc = shot("after-reply")
			if len(sc.Meters) == 0 || !strings.Contains(sc.Meters[0].Text, "(from ") {
				t.Errorf("after: meters %+v", sc.Meters)
			}
			act(Intent{Button: "continue"})
			d.waitScene(t, "desk")
			for step := 0; step < 6; step++ {
				if locked := lockedIn(d.g.a.scene.(*deskScene)); locked != "" {
					break
				}
				act(Intent{Choose: 1})
				d.waitScene(t, "after")
				act(Intent{Button: "continue"})
				d.waitScene(t, "desk")
			}
			desk := d.g.a.scene.(*deskScene)
			locked := lockedIn(desk)
			if locked == "" {
				t.Fatal("no desk with a locked reply on the example's way")
			}
			sc = shot("desk-locked")
			for _, b := range sc.Buttons {
				if b.ID == locked && (b.Enabled || !strings.HasPrefix(b.Reason, "Locked: ")) {
					t.Errorf("the locked reply in the text: %+v", b)
				}
			}
			act(Intent{Button: locked})
			if !strings.Contains(desk.shownAt, "is locked") {
				t.Errorf("the mirror's locked reply: notice %q", desk.shownAt)
			}
			if sc := shot("desk-locked-picked"); !strings.Contains(sc.Notice, "is locked") {
				t.Errorf("the text's notice: %q", sc.Notice)
			}
			act(Intent{Button: "menu"})
			if d.scene() != "menu" {
				t.Fatalf("the mirror's Menu shows %q", d.scene())
			}
			if sc := shot("menu"); sc.Scene != "menu" || sc.Buttons[0].ID != "resume" {
				t.Errorf("menu text: %+v", sc)
			}
			act(Intent{Button: "settings"})
			sc = shot("settings")
			groups := map[string]bool{}
			for _, b := range sc.Buttons {
				groups[b.Group] = groups[b.Group] || b.Pressed
			}
			for _, g := range []string{"Text size", "Reduced motion", "Colours"} {
				if !groups[g] {
					t.Errorf("settings text: no current value in %q (%v)", g, sc.Buttons)
				}
			}
			act(Intent{Button: "text-size:extra-large"})
			shot("settings-xl")
			targetCheck(t, d, "settings at extra large")
			act(Intent{Button: "back"})
			act(Intent{Button: "resume"})
			d.waitScene(t, "desk")
			xlReplies(t, d)
			shot("desk-xl")
			act(Intent{Button: "menu"})
			act(Intent{Button: "settings"})
			act(Intent{Button: "text-size:medium"})
			act(Intent{Button: "back"})
			act(Intent{Button: "title"})
			d.waitScene(t, "title")
			shot("title-continue")
			act(Intent{Button: "new-game"})
			act(Intent{Button: "scenario:example.yaml"})
			if d.scene() != "confirm" {
				t.Fatalf("a scenario with a game in progress shows %q, not the question", d.scene())
			}
			shot("confirm")
			act(Intent{Button: "continue"})
			d.waitScene(t, "desk")
			for step := 0; d.scene() != "ending" && step < 20; step++ {
				if d.scene() == "desk" {
					act(Intent{Button: d.g.a.scene.(*deskScene).col.Items[firstEnabled(d.g.a.scene.(*deskScene))].ID})
				} else {
					act(Intent{Button: "continue"})
				}
			}
			d.waitScene(t, "ending")
			sc = shot("ending")
			words := strings.Join(blockTextsOf(sc), "\n")
			for _, w := range []string{"started at", "ended at", "lowest"} {
				if !strings.Contains(words, w) {
					t.Errorf("the ending's text does not describe the chart (%q):\n%s", w, words)
				}
			}
			d.shots(t, theme+"-ending-chart", func(a *App) {
				s := a.scene.(*endingScene)
				for _, bx := range s.flow.Boxes {
					if bx.Box == boxChart {
						s.scroll.Jump(bx.R.Y - 40*a.U)
					}
				}
			})
			targetCheck(t, d, "ending")

			broken := filepath.Join(t.TempDir(), "broken.yaml")
			if err := os.WriteFile(broken, []byte("format: 1\nid: broken\ntitle: [unclosed\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			d.restart(t, Options{File: broken})
			d.waitScene(t, "errors")
			if sc := shot("errors"); len(sc.Blocks) < 3 || sc.Blocks[len(sc.Blocks)-1].Kind != "pre" {
				t.Errorf("errors text: %+v", sc.Blocks)
			}
		})
	}
}

func lockedIn(d *deskScene) string {
	for _, r := range d.replies {
		if r.Locked {
			return replyID(r)
		}
	}
	return ""
}

func firstEnabled(d *deskScene) int {
	for i, it := range d.col.Items {
		if it.Enabled {
			return i
		}
	}
	return 0
}

func blockTextsOf(sc *contract.Screen) []string {
	var out []string
	for _, b := range sc.Blocks {
		out = append(out, b.Text)
	}
	return out
}

// xlReplies asserts that at extra-large text every reply on the desk can
// be brought whole into view (by moving the focus to it), at least 24 CSS
// pixels high: the text size never hides a reply.
func xlReplies(t *testing.T, d *driver) {
	t.Helper()
	desk := d.g.a.scene.(*deskScene)
	for i, r := range desk.replies {
		if r.Locked {
			continue
		}
		d.onGame(func() {
			desk.col.Focus = i
			rc := desk.crects[i]
			desk.sideS.Reveal(rc.Y-desk.pane.Y, rc.Bottom()-desk.pane.Y)
			desk.sideS.Jump(desk.sideS.Target)
			desk.placeCards()
		})
		it := desk.col.Items[i]
		full := desk.crects[i].Offset(0, -desk.sideS.Pos)
		dpr := d.g.a.DPR
		if it.R.H < full.H-1 || it.R.H/dpr < 24 || it.R.W/dpr < 24 {
			t.Errorf("at extra-large text reply %d shows %.0fx%.0f of its %.0fx%.0f px", r.Number, it.R.W, it.R.H, full.W, full.H)
		}
	}
}
