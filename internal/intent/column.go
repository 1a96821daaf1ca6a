package intent

import "bigthree/internal/layout"

// Item is one button of a screen's focus order.
type Item struct {
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

// Column applies intents to a list of buttons: the pointer's hover and
// click, the arrows, Tab and Enter. One button at a time is highlighted:
// the one under the pointer when the pointer was used last, else the one
// with the keyboard focus, so hover and focus never show on two buttons
// at once.
type Column struct {
	Items []Item
	// Focus is the button Enter acts on (-1 for none). Hovering a button
	// moves the focus there too.
	Focus int
	// Hover is the button under the pointer, or -1.
	Hover int
	// Keyed is true after an Update in which a key moved the focus (the
	// screen then scrolls the focused button into view).
	Keyed bool
	// pointer is true when the pointer was used last.
	pointer bool
}

// NewColumn returns an empty column without focus.
func NewColumn() Column { return Column{Focus: -1, Hover: -1} }

// Reset empties the list, keeping its storage and the focus.
func (c *Column) Reset() { c.Items = c.Items[:0] }

// Add appends a button that is enabled and in a row of its own.
func (c *Column) Add(id string, r layout.Rect) int {
	c.Items = append(c.Items, Item{ID: id, R: r, Row: len(c.Items), Enabled: true})
	return len(c.Items) - 1
}

// OK reports whether i is a button that can take the focus.
func (c *Column) OK(i int) bool { return i >= 0 && i < len(c.Items) && c.Items[i].Enabled }

// SetFocus moves the focus to i, when it can take it.
func (c *Column) SetFocus(i int) {
	if c.OK(i) {
		c.Focus = i
	}
}

// FocusFirst puts the focus on the first button the arrows reach.
func (c *Column) FocusFirst() {
	c.Focus = -1
	c.Focus = c.next(1, false)
}

// Lit returns how button i is highlighted: hover (under the pointer, used
// last) or focus (the keyboard's). At most one button is lit.
func (c *Column) Lit(i int) (hover, focus bool) {
	if c.pointer {
		return i == c.Hover && c.OK(i), false
	}
	return false, i == c.Focus
}

// lit is a number that changes whenever the highlight does.
func (c *Column) lit() int {
	if c.pointer {
		if c.OK(c.Hover) {
			return c.Hover
		}
		return -1
	}
	return len(c.Items) + 1 + c.Focus
}

// Update applies one tick's intents, moving the focus with the arrows only
// when arrows is true (a screen whose arrows scroll its text passes false).
// It returns the button activated (-1 for none) and whether the highlight
// changed, so the screen must be drawn again.
func (c *Column) Update(in *Intent, arrows bool) (activated int, changed bool) {
	before := c.lit()
	c.Keyed = false
	pt := &in.Pointer
	c.Hover = -1
	if !pt.Touch {
		c.Hover = c.hit(pt.X, pt.Y)
	}
	if pt.Moved || pt.Pressed || pt.Tap {
		c.pointer = true
		c.SetFocus(c.Hover)
	}
	if in.Keys() {
		c.pointer = false
	}
	activated = -1
	move := func(i int) {
		if i >= 0 && i != c.Focus {
			c.Focus, c.Keyed = i, true
		}
	}
	switch {
	case in.Tab != 0:
		move(c.next(in.Tab, true))
	case arrows && in.Move != 0:
		move(c.nextRow(in.Move))
	case arrows && in.Side != 0:
		move(c.next(in.Side, false))
	case in.Activate && c.OK(c.Focus):
		activated = c.Focus
	}
	if pt.Tap && c.Hover >= 0 && c.hit(pt.PressX, pt.PressY) == c.Hover {
		c.SetFocus(c.Hover)
		activated = c.Hover
	}
	if in.Button != "" {
		// The text mirror's button: as a click on it, a locked one
		// included (the screen says why it is locked).
		for i := range c.Items {
			if c.Items[i].ID == in.Button {
				c.SetFocus(i)
				activated = i
				break
			}
		}
	}
	return activated, c.lit() != before
}

// hit returns the button at (x, y), or -1.
func (c *Column) hit(x, y float64) int {
	for i := range c.Items {
		if c.Items[i].R.Contains(x, y) {
			return i
		}
	}
	return -1
}

// next returns the next button from the focus in direction dir (wrapping),
// in the Tab order (tab) or the arrows' list; -1 when there is none.
func (c *Column) next(dir int, tab bool) int {
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
// previous or next row (wrapping), the row's current value, else the button
// at the same place in its row, else its last. Where all the buttons share
// one row, it moves along the row.
func (c *Column) nextRow(dir int) int {
	var rows []int // the arrows' rows, in order
	for _, it := range c.Items {
		if it.Enabled && !it.TabOnly && (len(rows) == 0 || rows[len(rows)-1] != it.Row) {
			rows = append(rows, it.Row)
		}
	}
	if len(rows) < 2 || !c.OK(c.Focus) || c.Items[c.Focus].TabOnly {
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
		if it.Current {
			return i
		}
		if pos <= place {
			best = i
		}
		pos++
	}
	return best
}
