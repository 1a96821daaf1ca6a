package intent

import (
	"testing"

	"bigthree/internal/layout"
)

// list is a column of n buttons 40 px tall, one above the other.
func list(n int) Column {
	c := NewColumn()
	for i := range n {
		c.Add(string(rune('a'+i)), layout.R(0, float64(i)*50, 200, 40))
	}
	c.FocusFirst()
	return c
}

// settings is three rows of choices (the current one of each marked) and a
// Back button, as the Settings screen has them.
func settings() Column {
	c := NewColumn()
	add := func(id string, row int, current bool) {
		c.Items = append(c.Items, Item{ID: id, R: layout.R(float64(len(c.Items))*10, float64(row)*50, 9, 40), Row: row, Enabled: true, Current: current})
	}
	for i, cur := range []bool{false, true, false, false} { // text size: Medium
		add("size"+string(rune('0'+i)), 0, cur)
	}
	add("full-off", 1, true)
	add("full-on", 1, false)
	add("motion-off", 2, false)
	add("motion-on", 2, true)
	add("back", 3, false)
	c.Focus = 1
	return c
}

func press(c *Column, in Intent) int {
	got, _ := c.Update(&in, true)
	return got
}

func TestColumnKeys(t *testing.T) {
	tests := []struct {
		name  string
		col   func() Column
		keys  []Intent
		focus string
	}{
		{"down", func() Column { return list(3) }, []Intent{{Move: 1}}, "b"},
		{"down wraps", func() Column { return list(3) }, []Intent{{Move: 1}, {Move: 1}, {Move: 1}}, "a"},
		{"up wraps", func() Column { return list(3) }, []Intent{{Move: -1}}, "c"},
		{"right is next", func() Column { return list(3) }, []Intent{{Side: 1}}, "b"},
		{"tab", func() Column { return list(3) }, []Intent{{Tab: 1}, {Tab: 1}, {Tab: -1}}, "b"},
		{"locked skipped", func() Column {
			c := list(3)
			c.Items[1].Enabled = false
			return c
		}, []Intent{{Move: 1}}, "c"},
		{"menu by tab only", func() Column {
			c := list(2)
			c.Items = append(c.Items, Item{ID: "menu", Enabled: true, TabOnly: true})
			return c
		}, []Intent{{Move: 1}, {Move: 1}}, "a"},
		{"tab reaches menu", func() Column {
			c := list(2)
			c.Items = append(c.Items, Item{ID: "menu", Enabled: true, TabOnly: true})
			return c
		}, []Intent{{Tab: 1}, {Tab: 1}}, "menu"},
		{"down from menu", func() Column {
			c := list(2)
			c.Items = append(c.Items, Item{ID: "menu", Enabled: true, TabOnly: true})
			c.Focus = 2
			return c
		}, []Intent{{Move: 1}}, "a"},
		{"one row: down moves along it", func() Column {
			c := list(3)
			for i := range c.Items {
				c.Items[i].Row = 0
			}
			return c
		}, []Intent{{Move: 1}, {Move: 1}}, "c"},
		{"grid: down lands on the next row's current value", settings, []Intent{{Move: 1}}, "full-off"},
		{"grid: down twice", settings, []Intent{{Move: 1}, {Move: 1}}, "motion-on"},
		{"grid: up from the first row goes to Back", settings, []Intent{{Move: -1}}, "back"},
		{"grid: right along the row", settings, []Intent{{Side: 1}, {Side: 1}}, "size3"},
		{"grid: right past the row's end", settings, []Intent{{Side: 1}, {Side: 1}, {Side: 1}}, "full-off"},
		{"grid: down without a current value keeps the place", func() Column {
			c := settings()
			for i := range c.Items {
				c.Items[i].Current = false
			}
			c.Focus = 3 // the fourth text size
			return c
		}, []Intent{{Move: 1}}, "full-on"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := tt.col()
			for _, k := range tt.keys {
				if got := press(&c, k); got != -1 {
					t.Errorf("%+v activated %d", k, got)
				}
			}
			if c.Focus < 0 || c.Items[c.Focus].ID != tt.focus {
				t.Errorf("focus on %d, want %q", c.Focus, tt.focus)
			}
			if !c.Keyed {
				t.Error("Keyed is false after a key moved the focus")
			}
		})
	}
}

func TestColumnArrowsOff(t *testing.T) {
	c := list(2)
	if got, _ := c.Update(&Intent{Move: 1}, false); got != -1 || c.Focus != 0 || c.Keyed {
		t.Errorf("with arrows off, Down moved the focus to %d", c.Focus)
	}
	c.Update(&Intent{Tab: 1}, false)
	if c.Focus != 1 {
		t.Errorf("Tab with arrows off: focus %d", c.Focus)
	}
}

func TestColumnActivate(t *testing.T) {
	c := list(3)
	press(&c, Intent{Move: 1})
	if got := press(&c, Intent{Activate: true}); got != 1 {
		t.Errorf("Enter activated %d, want 1", got)
	}
	c.Items[1].Enabled = false
	if got := press(&c, Intent{Activate: true}); got != -1 {
		t.Errorf("Enter on a locked button activated %d", got)
	}
	empty := NewColumn()
	if got := press(&empty, Intent{Activate: true, Move: 1, Tab: 1}); got != -1 || empty.Focus != -1 {
		t.Errorf("an empty column: %d, focus %d", got, empty.Focus)
	}
}

func TestColumnPointer(t *testing.T) {
	c := list(3)
	// Hovering the second button lights it alone, and moves the focus there.
	_, changed := c.Update(&Intent{Pointer: Pointer{X: 10, Y: 60, Moved: true}}, true)
	if !changed || c.Focus != 1 || lit(&c) != "hover 1" {
		t.Fatalf("hover: changed %v, focus %d, lit %s", changed, c.Focus, lit(&c))
	}
	// A key hands the highlight to the focus; still one button lit.
	press(&c, Intent{Move: 1})
	if lit(&c) != "focus 2" {
		t.Errorf("after Down: lit %s", lit(&c))
	}
	// The pointer off every button lights none (its last use was not on one).
	c.Update(&Intent{Pointer: Pointer{X: 500, Y: 500, Moved: true}}, true)
	if lit(&c) != "none" || c.Focus != 2 {
		t.Errorf("pointer away: lit %s, focus %d", lit(&c), c.Focus)
	}
	// A click is a press and a release on the same button.
	if got := press(&c, Intent{Pointer: Pointer{X: 10, Y: 5, Released: true, Tap: true, PressX: 10, PressY: 5}}); got != 0 {
		t.Errorf("click activated %d, want 0", got)
	}
	if got := press(&c, Intent{Pointer: Pointer{X: 10, Y: 5, Released: true, Tap: true, PressX: 10, PressY: 105}}); got != -1 {
		t.Errorf("pressed on one button, released on another: activated %d", got)
	}
	// A click on a locked button is reported (the screen says why), but it
	// is never lit by hover.
	c.Items[1].Enabled = false
	c.Update(&Intent{Pointer: Pointer{X: 10, Y: 60, Moved: true}}, true)
	if lit(&c) != "none" {
		t.Errorf("hovering a locked button: lit %s", lit(&c))
	}
	if got := press(&c, Intent{Pointer: Pointer{X: 10, Y: 60, Released: true, Tap: true, PressX: 10, PressY: 60}}); got != 1 {
		t.Errorf("click on a locked button: %d, want 1 reported", got)
	}
	// A finger has no hover.
	c.Items[1].Enabled = true
	c.Update(&Intent{Pointer: Pointer{X: 10, Y: 60, Moved: true, Touch: true}}, true)
	if c.Hover != -1 || lit(&c) != "none" {
		t.Errorf("touch: hover %d, lit %s", c.Hover, lit(&c))
	}
}

// lit describes the one lit button, and fails when more than one is.
func lit(c *Column) string {
	out := "none"
	n := 0
	for i := range c.Items {
		switch h, f := c.Lit(i); {
		case h:
			out, n = "hover "+string(rune('0'+i)), n+1
		case f:
			out, n = "focus "+string(rune('0'+i)), n+1
		}
	}
	if n > 1 {
		return "several"
	}
	return out
}

func TestKeysReportsKeysOnly(t *testing.T) {
	if (&Intent{Pointer: Pointer{Moved: true, Tap: true}, Fullscreen: true}).Keys() {
		t.Error("pointer intents and F11 count as keys")
	}
	for _, in := range []Intent{{Choose: 3}, {Move: -1}, {Side: 1}, {Tab: 1}, {Activate: true}, {Page: 1}, {Home: true}, {End: true}, {Back: true}} {
		if !in.Keys() {
			t.Errorf("%+v is not a key", in)
		}
	}
}

// TestButtonIntent is the page's text mirror pressing a button by its id:
// the same as clicking it, a locked one included (the screen then says
// why), and nothing for an id the screen does not have.
func TestButtonIntent(t *testing.T) {
	c := list(3)
	c.Items[2].Enabled = false
	for _, tc := range []struct {
		id        string
		activated int
	}{{"b", 1}, {"c", 2}, {"a", 0}, {"zz", -1}} {
		if got := press(&c, Intent{Button: tc.id}); got != tc.activated {
			t.Errorf("Button %q activated %d, want %d", tc.id, got, tc.activated)
		}
	}
	if c.Focus != 0 {
		t.Errorf("focus %d after the mirror pressed a, want 0", c.Focus)
	}
	if !(&Intent{Button: "a"}).Keys() {
		t.Error("a mirror button does not count as a key (the highlight would stay with the pointer)")
	}
}
