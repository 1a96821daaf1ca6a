package ui

import (
	"github.com/hajimehoshi/ebiten/v2"

	"bigthree/internal/layout"
)

// focusItem is one button of a screen's focus order.
type focusItem struct {
	ID string      // its id in the state hook
	R  layout.Rect // where it is on screen now (the pointer's target)
	// Row groups buttons that sit side by side; Up and Down move between
	// rows. A list gives each button a row of its own.
	Row int
	// Enabled is false for a button shown but not usable (a locked reply):
	// the arrows and Tab pass over it, and a click on it is still reported
	// (so the screen can say why it is locked).
	Enabled bool
	// TabOnly puts the button in the Tab order only, outside the arrows'
	// list (the Menu button beside the replies).
	TabOnly bool
	// Current marks a setting's chosen value: moving into its row lands on it.
	Current bool
}

// buttonColumn is the one focus-and-highlight component of every menu and
// list: it applies the intents to a list of buttons and says which one was
// activated. One button at a time is highlighted: the one under the pointer
// when the pointer was used last, else the one with the keyboard focus (so
// hover and focus never show on two buttons at once).
type buttonColumn struct {
	Items []focusItem
	// Focus is the button Enter acts on (-1 for none). Hovering a button
	// moves the focus there too.
	Focus int
	// Hover is the button under the pointer, or -1.
	Hover int
	// pointer is true when the pointer was used last.
	pointer bool
	// Keyed is true after a tick in which a key moved the focus (the
	// screen then scrolls the focused button into view).
	Keyed bool
}

func newColumn() buttonColumn { return buttonColumn{Focus: -1, Hover: -1} }

// reset empties the list, keeping its storage.
func (c *buttonColumn) reset() { c.Items = c.Items[:0] }

// add appends a button that is enabled and in its own row.
func (c *buttonColumn) add(id string, r layout.Rect) int {
	c.Items = append(c.Items, focusItem{ID: id, R: r, Row: len(c.Items), Enabled: true})
	return len(c.Items) - 1
}

// ok reports whether i is a button that can take the focus.
func (c *buttonColumn) ok(i int) bool { return i >= 0 && i < len(c.Items) && c.Items[i].Enabled }

// setFocus moves the focus to i (when it can take it).
func (c *buttonColumn) setFocus(i int) {
	if c.ok(i) {
		c.Focus = i
	}
}

// focusFirst puts the focus on the first button the arrows reach.
func (c *buttonColumn) focusFirst() {
	c.Focus = -1
	c.Focus = c.next(1, false)
}

// Lit returns how button i is highlighted: hover (under the pointer, used
// last) or focus (the keyboard's). At most one button is lit either way.
func (c *buttonColumn) Lit(i int) (hover, focus bool) {
	if c.pointer {
		return i == c.Hover && c.ok(i), false
	}
	return false, i == c.Focus
}

// lit is a number that changes whenever the highlight does.
func (c *buttonColumn) lit() int {
	if c.pointer {
		if c.ok(c.Hover) {
			return c.Hover
		}
		return -1
	}
	return 1000 + c.Focus
}

// Stops reports how many buttons the arrows move between: with fewer than
// two, a screen uses Up and Down to scroll its text instead.
func (c *buttonColumn) Stops() int {
	n := 0
	for _, it := range c.Items {
		if it.Enabled && !it.TabOnly {
			n++
		}
	}
	return n
}

// Update applies this tick's intents: the pointer's hover and click, the
// arrows (when arrows is true), Tab and Enter. It returns the button
// activated, or -1.
func (c *buttonColumn) Update(a *App, arrows bool) int {
	in := &a.In
	before := c.lit()
	c.Keyed = false
	pt := &in.Pointer
	h := -1
	if !pt.Touch {
		h = c.hit(pt.X, pt.Y)
	}
	if h != c.Hover {
		if c.ok(h) {
			ebiten.SetCursorShape(ebiten.CursorShapePointer)
		} else {
			ebiten.SetCursorShape(ebiten.CursorShapeDefault)
		}
	}
	c.Hover = h
	if pt.Moved || pt.Pressed || pt.Tap {
		c.pointer = true
		c.setFocus(h)
	}
	activated := -1
	if in.Keys() {
		c.pointer = false
	}
	move := func(i int) {
		if i >= 0 && i != c.Focus {
			c.Focus = i
			c.Keyed = true
		}
	}
	switch {
	case in.Tab != 0:
		move(c.next(in.Tab, true))
	case arrows && in.Move != 0:
		move(c.nextRow(in.Move))
	case arrows && in.Side != 0:
		move(c.next(in.Side, false))
	case in.Activate:
		if c.ok(c.Focus) {
			activated = c.Focus
		}
	}
	if pt.Tap && h >= 0 {
		if c.hit(pt.PressX, pt.PressY) == h {
			c.setFocus(h)
			activated = h
		}
	}
	if c.lit() != before {
		a.Redraw()
	}
	return activated
}

// hit returns the button at (x, y), or -1.
func (c *buttonColumn) hit(x, y float64) int {
	for i := range c.Items {
		if c.Items[i].R.Contains(x, y) {
			return i
		}
	}
	return -1
}

// next returns the next button from the focus in direction dir (wrapping),
// among the Tab order (tab) or the arrows' list; -1 when there is none.
func (c *buttonColumn) next(dir int, tab bool) int {
	n := len(c.Items)
	if n == 0 || dir == 0 {
		return -1
	}
	i := c.Focus
	if i < 0 || i >= n {
		i = -1
		if dir < 0 {
			i = n
		}
	}
	for range n {
		i = ((i+dir)%n + n) % n
		if it := &c.Items[i]; it.Enabled && (tab || !it.TabOnly) {
			return i
		}
	}
	return -1
}

// nextRow returns the button to move to with Up (-1) or Down (+1): in the
// previous or next row, the row's current value, else the button at the
// same place in its row. Where all the buttons share one row, it moves
// along the row.
func (c *buttonColumn) nextRow(dir int) int {
	var rows []int // distinct rows of the arrows' list, in order
	for _, it := range c.Items {
		if it.Enabled && !it.TabOnly && (len(rows) == 0 || rows[len(rows)-1] != it.Row) {
			rows = append(rows, it.Row)
		}
	}
	if len(rows) < 2 || !c.ok(c.Focus) || c.Items[c.Focus].TabOnly {
		return c.next(dir, false)
	}
	cur := c.Items[c.Focus].Row
	ri := 0
	for k, r := range rows {
		if r == cur {
			ri = k
		}
	}
	target := rows[((ri+dir)%len(rows)+len(rows))%len(rows)]
	place := 0
	for i := c.Focus - 1; i >= 0 && c.Items[i].Row == cur; i-- {
		place++
	}
	best, pos := -1, 0
	for i, it := range c.Items {
		if it.Row != target || !it.Enabled || it.TabOnly {
			continue
		}
		switch {
		case it.Current:
			return i
		case best < 0 || pos <= place:
			best = i
		}
		pos++
	}
	return best
}

// list adds the buttons to the state hook.
func (c *buttonColumn) list(b *buttonList) {
	for _, it := range c.Items {
		b.add(it.ID, it.R, it.Enabled)
	}
}

// focusReport is the column's options and focus for the state hook.
func (c *buttonColumn) focusReport() (int, int) { return len(c.Items), c.Focus }
