package ui

import (
	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"
)

// Intent is what the player asked for in one tick, read once at the start
// of Update. Scenes act on intents and never read keys or the mouse
// themselves, so a key means the same on every screen (the keymap below,
// also in docs/players.md) and tests drive the game by feeding intents.
//
//	Up, Down           Move: the previous or next row of buttons (a list,
//	                   the replies, Settings); along a row where the buttons
//	                   sit side by side; a line of text where the screen has
//	                   no buttons to move between
//	Left, Right        Side: the previous or next button
//	Tab, Shift+Tab     Tab: the next or previous stop, the Menu button included
//	Enter, Space       Activate the highlighted button or reply
//	1 to 9             Choose the numbered reply, scenario or saved game
//	Page Up/Down       Page: scroll the text a page
//	Home, End          scroll to the top or the end
//	Esc                Back: leave this screen; in a game, the menu
//	F11                Fullscreen (desktop)
type Intent struct {
	Choose     int // 1 to 9: the numbered item; 0 for none
	Move       int // -1 Up, +1 Down
	Side       int // -1 Left, +1 Right
	Tab        int // +1 Tab, -1 Shift+Tab
	Activate   bool
	Page       int // -1 Page Up, +1 Page Down
	Home, End  bool
	Back       bool
	Fullscreen bool
	Pointer    Pointer
}

// Pointer is what the mouse or a finger did this tick.
type Pointer struct {
	X, Y     float64 // position in screen pixels
	Moved    bool    // it moved this tick
	Down     bool    // the primary button or a finger is down
	Pressed  bool    // ... went down this tick
	Released bool    // ... came up this tick
	Tap      bool    // released without having dragged: a click or a tap
	Drag     bool    // it moved far enough while down to be a drag
	DragDY   float64 // how far it moved vertically this tick while dragging
	PressX   float64 // where it went down
	PressY   float64
	Touch    bool    // it is a finger (there is no hover)
	Wheel    float64 // notches scrolled this tick; positive is down the page
}

// Keys reports whether a key asked for anything this tick.
func (in *Intent) Keys() bool {
	return in.Choose != 0 || in.Move != 0 || in.Side != 0 || in.Tab != 0 || in.Activate ||
		in.Page != 0 || in.Home || in.End || in.Back
}

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
