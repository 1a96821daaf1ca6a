package e2e

import (
	"strings"
	"testing"
	"time"

	"bigthree/e2e/harness"
)

// The baseline program tests the harness itself: window, state hook, keys, clicks, screenshots.

func TestDesktopBaselineHarness(t *testing.T) {
	needDisplay(t)
	d, err := harness.StartDesktop(binary(t, "./cmd/baseline"), harness.DesktopOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Kill()
	sh := newShots(t, d)
	wait := func(what string, cond func(harness.State) bool) harness.State {
		t.Helper()
		st, err := harness.Wait(d, 20*time.Second, what, cond)
		if err != nil {
			sh.take("timeout")
			t.Fatal(err)
		}
		return st
	}
	wait("a rendered frame", func(s harness.State) bool { return s.Scene == "baseline" && s.Frames >= 1 })
	sh.take("started")
	if err := d.Key("Return"); err != nil {
		t.Fatal(err)
	}
	wait("the key press", func(s harness.State) bool { return s.Presses >= 1 })
	if err := d.Click(640, 360); err != nil {
		t.Fatal(err)
	}
	wait("the click", func(s harness.State) bool { return s.Clicks >= 1 })
	if err := d.CloseWindow(); err != nil {
		t.Fatal(err)
	}
	if err := d.WaitExit(10 * time.Second); err != nil {
		t.Errorf("after the window's close button: %v, want a clean exit", err)
	}
}

func TestBrowserBaselineHarness(t *testing.T) {
	needChromium(t)
	srv := serve(t, webDir(t, true))
	b, err := harness.StartBrowser(harness.BrowserOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	sh := newShots(t, b)
	if err := b.Navigate(srv.URL); err != nil {
		t.Fatal(err)
	}
	wait := func(what string, cond func(harness.State) bool) harness.State {
		t.Helper()
		st, err := harness.Wait(b, 30*time.Second, what, cond)
		if err != nil {
			sh.take("timeout")
			t.Fatal(err)
		}
		return st
	}
	wait("a rendered frame", func(s harness.State) bool { return s.Scene == "baseline" && s.Frames >= 1 })
	sh.take("started")
	p, err := b.Page()
	if err != nil {
		t.Fatal(err)
	}
	if p.Status != "running" || p.FirstFrameMs == nil {
		t.Errorf("window.bigthreePage = %+v, want status running and firstFrameMs set", p)
	}
	if err := b.Key("Return"); err != nil {
		t.Fatal(err)
	}
	wait("the key press", func(s harness.State) bool { return s.Presses >= 1 })
	if err := b.Click(640, 360); err != nil {
		t.Fatal(err)
	}
	wait("the click", func(s harness.State) bool { return s.Clicks >= 1 })
}

// TestBrowserNoWebGL2 checks that a browser without WebGL2 gets the page's friendly message
// instead of a black canvas.
func TestBrowserNoWebGL2(t *testing.T) {
	needChromium(t)
	srv := serve(t, webDir(t, true)) // the page is the same for the game and the baseline
	b, err := harness.StartBrowser(harness.BrowserOptions{Flags: []string{"disable-webgl"}})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	sh := newShots(t, b)
	if err := b.Navigate(srv.URL); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	var p harness.Page
	for time.Now().Before(deadline) {
		if p, err = b.Page(); err == nil && p.Status != "loading" {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	sh.take("message")
	if p.Status != "no-webgl2" {
		t.Fatalf("window.bigthreePage = %+v, want status no-webgl2", p)
	}
	if !strings.Contains(p.Problem, "WebGL") || !strings.Contains(p.Problem, "desktop version") {
		t.Errorf("the message shown is %q; want it to name WebGL and offer the desktop version", p.Problem)
	}
}
