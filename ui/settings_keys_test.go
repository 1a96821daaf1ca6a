//go:build !js

package ui

import "testing"

// TestTextSizeThenArrowAtOnce changes the text size with the keyboard and
// presses an arrow on the very next tick, then another: each key is taken
// (the relayout of a text-size change swallows no input).
func TestTextSizeThenArrowAtOnce(t *testing.T) {
	d := theDriver
	startExample(t, d)
	d.press(Intent{Back: true})
	d.waitScene(t, "menu")
	d.press(Intent{Button: "settings"})
	d.waitScene(t, "settings")
	defer d.onGame(func() { d.g.a.Settings.TextSize = 1; d.g.a.relayout() })
	s := d.g.a.scene.(*settingsScene)
	d.press(Intent{Button: "text-size:medium"})
	start := s.col.Focus
	if s.col.Items[start].ID != "text-size:medium" {
		t.Fatalf("focus on %q, want text-size:medium", s.col.Items[start].ID)
	}
	// Right, Enter (Large), then Right and Enter again, one tick apart.
	for i, want := range []int{2, 3} {
		d.tick(Intent{Side: 1})
		d.tick(Intent{Activate: true})
		if got := d.g.a.Settings.TextSize; got != want {
			t.Fatalf("step %d: text size %d, want %d (focus on %q)", i, got, want, s.col.Items[s.col.Focus].ID)
		}
	}
	d.tick(Intent{Side: -1})
	if id := s.col.Items[s.col.Focus].ID; id != "text-size:large" {
		t.Errorf("Left at once after the change focused %q, want text-size:large", id)
	}
}
