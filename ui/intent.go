package ui

import (
	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"

	"bigthree/internal/intent"
)

// Intent is what the player asked for in one tick (package intent has the
// keymap): read once at the start of Update from the keyboard, the mouse
// and touch, so scenes never read keys themselves and tests feed intents.
type Intent = intent.Intent

// Pointer is what the mouse or a finger did this tick.
type Pointer = intent.Pointer

// inputReader keeps what must be remembered between ticks to make intents:
// the pointer's last position and whether a press became a drag.
type inputReader struct {
	lastX, lastY int
	pressX       int
	pressY       int
	dragging     bool
	touchID      ebiten.TouchID
	touching     bool
	touches      []ebiten.TouchID
	down         bool
}

// repeat reports a key press, repeated while the key is held.
func repeat(k ebiten.Key) bool {
	d := inpututil.KeyPressDuration(k)
	return d == 1 || d >= 24 && (d-24)%4 == 0
}

// pressed reports a key just pressed (no repeat).
func pressed(keys ...ebiten.Key) bool {
	for _, k := range keys {
		if inpututil.IsKeyJustPressed(k) {
			return true
		}
	}
	return false
}

// read turns this tick's keyboard, mouse and touch into intents; slop is
// how far a press may move before it is a drag.
func (r *inputReader) read(in *Intent, slop float64) {
	*in = Intent{}
	r.readPointer(&in.Pointer, slop)
	switch {
	case repeat(ebiten.KeyArrowUp):
		in.Move = -1
	case repeat(ebiten.KeyArrowDown):
		in.Move = 1
	}
	switch {
	case repeat(ebiten.KeyArrowLeft):
		in.Side = -1
	case repeat(ebiten.KeyArrowRight):
		in.Side = 1
	}
	if repeat(ebiten.KeyTab) {
		in.Tab = 1
		if ebiten.IsKeyPressed(ebiten.KeyShift) {
			in.Tab = -1
		}
	}
	switch {
	case repeat(ebiten.KeyPageUp):
		in.Page = -1
	case repeat(ebiten.KeyPageDown):
		in.Page = 1
	}
	in.Home = pressed(ebiten.KeyHome)
	in.End = pressed(ebiten.KeyEnd)
	in.Activate = pressed(ebiten.KeyEnter, ebiten.KeyNumpadEnter, ebiten.KeySpace)
	in.Back = pressed(ebiten.KeyEscape)
	in.Fullscreen = pressed(ebiten.KeyF11)
	for i := range 9 {
		if pressed(ebiten.Key1+ebiten.Key(i), ebiten.KeyNumpad1+ebiten.Key(i)) {
			in.Choose = i + 1
		}
	}
}

func (r *inputReader) readPointer(p *Pointer, slop float64) {
	// A finger when one is down, else the mouse.
	var x, y int
	down := false
	r.touches = inpututil.AppendJustPressedTouchIDs(r.touches[:0])
	if !r.touching && len(r.touches) > 0 {
		r.touchID, r.touching = r.touches[0], true
	}
	if r.touching {
		x, y = ebiten.TouchPosition(r.touchID)
		down = !inpututil.IsTouchJustReleased(r.touchID)
		if !down {
			x, y = inpututil.TouchPositionInPreviousTick(r.touchID)
			r.touching = false
		}
		p.Touch = true
	} else {
		x, y = ebiten.CursorPosition()
		down = ebiten.IsMouseButtonPressed(ebiten.MouseButtonLeft)
	}
	p.X, p.Y = float64(x), float64(y)
	p.Moved = x != r.lastX || y != r.lastY
	wasDown := r.down
	p.Down = down
	p.Pressed = down && !wasDown
	p.Released = !down && wasDown
	if p.Pressed {
		r.pressX, r.pressY, r.dragging = x, y, false
	}
	if down && !r.dragging {
		dx, dy := float64(x-r.pressX), float64(y-r.pressY)
		if dx*dx+dy*dy > slop*slop {
			r.dragging = true
		}
	}
	p.PressX, p.PressY = float64(r.pressX), float64(r.pressY)
	p.Drag = r.dragging && (down || p.Released)
	if r.dragging && down {
		p.DragDY = float64(y - r.lastY)
	}
	p.Tap = p.Released && !r.dragging
	if p.Released {
		r.dragging = false
	}
	r.down = down
	r.lastX, r.lastY = x, y
	_, wy := ebiten.Wheel()
	p.Wheel = -wy
}
