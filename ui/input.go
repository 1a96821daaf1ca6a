package ui

import (
	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"
)

// Input is what the player did this tick, read once at the start of Update
// and turned into plain intents; scenes never ask ebiten themselves.
type Input struct {
	X, Y     float64 // pointer position in screen pixels
	Moved    bool    // the pointer moved this tick
	Down     bool    // the primary button or a finger is down
	Pressed  bool    // ... went down this tick
	Released bool    // ... came up this tick
	Tap      bool    // released without having dragged: a click or a tap
	Drag     bool    // the pointer moved far enough while down to be a drag
	DragDY   float64 // how far the pointer moved vertically this tick while dragging
	PressX   float64 // where the pointer went down
	PressY   float64
	Touch    bool // the pointer is a finger

	Wheel float64 // notches scrolled this tick; positive means down the page

	Up, Down_, Left, Right bool // arrow keys (with key repeat)
	Enter, Space, Esc      bool
	PageUp, PageDown       bool
	Home, End              bool
	Tab, BackTab           bool
	Digit                  int // 1 to 9 when a number key was pressed, else 0
	Fullscreen             bool
	Any                    bool // anything happened at all
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

func repeat(k ebiten.Key) bool {
	d := inpututil.KeyPressDuration(k)
	return d == 1 || d >= 24 && (d-24)%4 == 0
}

func (r *inputReader) read(in *Input, slop float64) {
	*in = Input{}
	// Pointer: a finger when one is down, else the mouse.
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
		in.Touch = true
	} else {
		x, y = ebiten.CursorPosition()
		down = ebiten.IsMouseButtonPressed(ebiten.MouseButtonLeft)
	}
	in.X, in.Y = float64(x), float64(y)
	in.Moved = x != r.lastX || y != r.lastY
	wasDown := r.down
	in.Down = down
	in.Pressed = down && !wasDown
	in.Released = !down && wasDown
	if in.Pressed {
		r.pressX, r.pressY, r.dragging = x, y, false
	}
	if down && !r.dragging {
		dx, dy := float64(x-r.pressX), float64(y-r.pressY)
		if dx*dx+dy*dy > slop*slop {
			r.dragging = true
		}
	}
	in.PressX, in.PressY = float64(r.pressX), float64(r.pressY)
	in.Drag = r.dragging && (down || in.Released)
	if r.dragging && down {
		in.DragDY = float64(y - r.lastY)
	}
	in.Tap = in.Released && !r.dragging
	if in.Released {
		r.dragging = false
	}
	r.down = down
	r.lastX, r.lastY = x, y

	_, wy := ebiten.Wheel()
	in.Wheel = -wy

	in.Up = repeat(ebiten.KeyArrowUp)
	in.Down_ = repeat(ebiten.KeyArrowDown)
	in.Left = repeat(ebiten.KeyArrowLeft)
	in.Right = repeat(ebiten.KeyArrowRight)
	in.PageUp = repeat(ebiten.KeyPageUp)
	in.PageDown = repeat(ebiten.KeyPageDown)
	in.Home = inpututil.IsKeyJustPressed(ebiten.KeyHome)
	in.End = inpututil.IsKeyJustPressed(ebiten.KeyEnd)
	in.Enter = inpututil.IsKeyJustPressed(ebiten.KeyEnter) || inpututil.IsKeyJustPressed(ebiten.KeyNumpadEnter)
	in.Space = inpututil.IsKeyJustPressed(ebiten.KeySpace)
	in.Esc = inpututil.IsKeyJustPressed(ebiten.KeyEscape)
	shift := ebiten.IsKeyPressed(ebiten.KeyShift)
	if repeat(ebiten.KeyTab) {
		in.Tab, in.BackTab = !shift, shift
	}
	in.Fullscreen = inpututil.IsKeyJustPressed(ebiten.KeyF11)
	for i := range 9 {
		if inpututil.IsKeyJustPressed(ebiten.Key1+ebiten.Key(i)) || inpututil.IsKeyJustPressed(ebiten.KeyNumpad1+ebiten.Key(i)) {
			in.Digit = i + 1
		}
	}
	in.Any = in.Moved || in.Down || in.Released || in.Wheel != 0 || in.Up || in.Down_ || in.Left || in.Right ||
		in.PageUp || in.PageDown || in.Home || in.End || in.Enter || in.Space || in.Esc || in.Tab || in.BackTab || in.Digit != 0
}
