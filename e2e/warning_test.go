package e2e

import (
	"os/exec"
	"strconv"
	"testing"
	"time"

	"bigthree/e2e/harness"
	"bigthree/internal/story"
	"bigthree/scenarios"
)

// TestDesktopWarningBeforeTrigger plays the example towards its early ending (each reply the
// one that lowers the trigger's meter most) and checks that the after-a-reply screen says the
// trigger's warning before the trigger fires, and that the meter is marked.
func TestDesktopWarningBeforeTrigger(t *testing.T) {
	d := startGame(t, "")
	p := newPlayer(t, d, loadExample(t))
	p.startNewGame(listIndex(t, scenarios.Example), scenarios.Example)
	meter := p.s.MeterIndex("stalin")
	want := p.s.Triggers[0].Warning
	warned := false
	for !p.r.Over() && p.step < 20 {
		opts := p.r.Options(nil)
		best, low := -1, 1<<30
		for i, o := range opts {
			if o.Locked {
				continue
			}
			c := p.r.Clone()
			if err := c.ChooseIndex(o.Index); err != nil {
				t.Fatal(err)
			}
			if v := c.Meter(meter); v < low {
				best, low = i, v
			}
		}
		from := p.expectEvent()
		if opts[best].Index < 0 {
			p.press("continue", "Return")
		} else {
			p.press("reply:"+strconv.Itoa(best+1), strconv.Itoa(best+1))
		}
		if err := p.r.ChooseIndex(opts[best].Index); err != nil {
			t.Fatal(err)
		}
		p.step++
		if story.AfterLast(p.r).Empty() {
			// A news item whose note was on the desk and no warning: one
			// Continue goes straight on to the next document.
			p.onDesk()
			continue
		}
		st := p.wait("the after screen after "+from, func(s harness.State) bool { return s.Scene == "after" })
		shown := false
		for _, b := range st.Screen.Blocks {
			shown = shown || b.Text == want
		}
		model := story.Warnings(p.r)
		if shown != (len(model) > 0) {
			t.Errorf("after %s: warning on screen %v, in the story model %+v", from, shown, model)
		}
		if shown {
			if !warned {
				resized(t, p, "warning")
			}
			warned = true
			p.shots.take("warning-" + from)
			marked := false
			for _, m := range st.Screen.Meters {
				// The label as shown, typeset: a curly apostrophe.
				marked = marked || m.Label == "Stalin’s trust" && contains(m.Text, strconv.Itoa(p.r.Meter(meter))) && contains(m.Text, "warning: near 5")
			}
			if !marked {
				t.Errorf("after %s: the meter does not say the warning: %+v", from, st.Screen.Meters)
			}
		}
		if p.r.Over() && p.r.Steps()[len(p.r.Steps())-1].Trigger >= 0 && !warned {
			t.Fatalf("the trigger fired after %s with no warning before", from)
		}
		p.wait("a settled after screen", func(s harness.State) bool { return s.Settled })
		p.press("continue", "Return")
		if !p.r.Over() {
			p.onDesk()
		}
	}
	if !warned {
		t.Fatal("no warning was shown on the way to the early ending")
	}
	if got := p.expectEnding(); got != "alliance-stillborn" {
		t.Errorf("the route ends at %q, want the trigger's alliance-stillborn", got)
	}
	st := p.wait("the ending", func(s harness.State) bool { return s.Scene == "ending" && s.Screen != nil })
	if b := st.Screen.Blocks; len(b) < 2 || b[1].Text != story.VerdictHeading {
		t.Errorf("the ending does not open with the verdict: %+v", b)
	}
	resized(t, p, "ending")
}

// resized takes screenshots of the screen at the sizes the issue names.
func resized(t *testing.T, p *player, name string) {
	d, ok := p.d.(*harness.Desktop)
	if !ok {
		return
	}
	for _, sz := range [][2]int{{1024, 768}, {768, 1024}, {1920, 1080}, {1280, 720}} {
		w, h := strconv.Itoa(sz[0]), strconv.Itoa(sz[1])
		before, _, _ := p.d.State()
		if err := exec.Command("xdotool", "windowsize", strconv.FormatUint(uint64(d.Window), 10), w, h).Run(); err != nil {
			t.Logf("resize: %v", err)
			return
		}
		// The game has laid the screen out again when its buttons moved and fit the new width.
		_, err := harness.Wait(p.d, 10*time.Second, "the screen at "+w+"x"+h, func(s harness.State) bool {
			right := 0.0
			for _, b := range s.Buttons {
				right = max(right, b.X+b.W)
			}
			return s.Settled && right <= float64(sz[0]) && right > 0 && buttonsMoved(before, s)
		})
		if err != nil {
			t.Logf("no layout at %sx%s: %v", w, h, err)
			continue
		}
		p.shots.take(name + "-" + w + "x" + h)
	}
}

func buttonsMoved(a, b harness.State) bool {
	if len(a.Buttons) != len(b.Buttons) {
		return true
	}
	for i := range a.Buttons {
		if a.Buttons[i] != b.Buttons[i] {
			return true
		}
	}
	return false
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}
