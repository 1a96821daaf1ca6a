// Package intent is what the player asks for, apart from the keys and
// buttons that asked: the game reads its input once per tick into an
// Intent (package ui does, with Ebitengine), and its screens act on
// intents, never on keys. So a key means the same on every screen, and the
// game can be driven and tested by feeding intents.
//
// The keymap (docs/players.md has it as a table for players):
//
//	Up, Down        Move: the previous or next row of buttons (a list, the
//	                replies, a row of Settings); along the row where the
//	                buttons sit side by side; a line of text where the screen
//	                has no buttons to move between
//	Left, Right     Side: the previous or next button
//	Tab, Shift+Tab  Tab: the next or previous stop, the Menu button included
//	Enter, Space    Activate the highlighted button or reply
//	1 to 9          Choose the numbered reply, scenario or saved game
//	Page Up/Down    Page: scroll the text a page
//	Home, End       scroll to the top or the end
//	Esc             Back: leave this screen; in a game, open the menu
//	F11             Fullscreen (desktop)
//
// The browser page's text mirror adds two intents that no key makes:
// Button, a button activated by its id (the mirror's own button for it was
// pressed), which does what clicking that button does; and Text, the whole
// value typed into the mirror's text box for the field on screen.
//
// Column is the one focus-and-highlight component that every menu and
// list of the game uses.
package intent

// Intent is what the player asked for in one tick.
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
	// Button is the id of a button activated from the page's text mirror,
	// or "".
	Button string
	// Text is the value typed into the mirror's text box (SetText tells an
	// empty value from none).
	Text    string
	SetText bool
	Pointer Pointer
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
		in.Page != 0 || in.Home || in.End || in.Back || in.Button != ""
}
