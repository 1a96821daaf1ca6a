package ui

import (
	"github.com/hajimehoshi/ebiten/v2"

	"bigthree/internal/intent"
)

// focusItem is one button of a screen's focus order.
type focusItem = intent.Item

// buttonColumn is the focus component of every menu and list
// (intent.Column) with what a screen adds to it: the pointer-shaped cursor
// over a button, a redraw when the highlight moves, and the buttons in the
// state hook.
type buttonColumn struct{ intent.Column }

func newColumn() buttonColumn { return buttonColumn{intent.NewColumn()} }

// Update applies this tick's intents (see intent.Column.Update) and returns
// the button activated, or -1.
func (c *buttonColumn) Update(a *App, arrows bool) int {
	hover := c.Hover
	i, changed := c.Column.Update(&a.In, arrows)
	if changed {
		a.Redraw()
	}
	if c.Hover != hover {
		if c.OK(c.Hover) {
			ebiten.SetCursorShape(ebiten.CursorShapePointer)
		} else {
			ebiten.SetCursorShape(ebiten.CursorShapeDefault)
		}
	}
	return i
}

// list adds the buttons to the state hook.
func (c *buttonColumn) list(b *buttonList) {
	for _, it := range c.Items {
		b.add(it.ID, it.R, it.Enabled)
	}
}

// focusReport is the column's options and focus for the state hook.
func (c *buttonColumn) focusReport() (int, int) { return len(c.Items), c.Focus }
