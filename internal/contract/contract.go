// Package contract holds the JSON of bigthree's state hook: what the game
// shows, written to the file named by $BIGTHREE_STATE on the desktop and
// returned by window.bigthree.state() in the browser. The game writes it and
// the end-to-end harness (e2e/harness) and scripts/perf read it, through
// these same types, so the two cannot drift apart.
//
// The baseline program (cmd/baseline), a trivial Ebitengine program used as
// the floor of performance measurements, writes a subset of it plus its own
// two counters, Presses and Clicks.
package contract

// State is one snapshot of what the program shows.
type State struct {
	// Scene names the screen: loading, title, scenarios, saves, confirm,
	// desk, after, ending, errors, settings (the baseline: "baseline").
	// While the Esc menu is open, Scene is the screen under it and Menu is
	// true.
	Scene string `json:"scene"`
	// Scenario is the id of the scenario being played, or "".
	Scenario string `json:"scenario"`
	// Event is the id of the document on the desk, or "".
	Event string `json:"event"`
	// Meters holds every meter of the scenario being played, hidden ones
	// included, by id.
	Meters map[string]int `json:"meters"`
	// Ending is the id of the ending reached, or "".
	Ending string `json:"ending"`
	// Ticks counts Update calls (60 a second) and Frames the frames drawn.
	Ticks  int64 `json:"ticks"`
	Frames int64 `json:"frames"`
	// Options is how many replies or buttons the screen offers, and Focus
	// which of them has the keyboard focus (-1 for none).
	Options int `json:"options"`
	Focus   int `json:"focus"`
	// Saves is "on", or "off" when nothing can be stored.
	Saves string `json:"saves"`
	// Message is the notice on screen (a damaged save, a locked reply, a
	// saved transcript), or "".
	Message string `json:"message"`
	// Input is the text typed into the field on screen (the student's name
	// at Save transcript), or "".
	Input string `json:"input,omitempty"`
	// TextSize is the index of the text size setting.
	TextSize int `json:"textsize"`
	// Buttons lists the buttons on screen that accept a click now.
	Buttons []Button `json:"buttons"`
	// HeapAllocPerFrame is the bytes allocated per rendered frame over the
	// last second (0 when nothing was drawn).
	HeapAllocPerFrame uint64 `json:"heap_alloc_per_frame"`
	// Menu is true while the Esc menu is open over Scene.
	Menu bool `json:"menu,omitempty"`
	// Settled is true once the screen on display is final: no transition
	// runs and the last change has been drawn. Screenshots wait for it.
	Settled bool `json:"settled"`
	// Bench is the performance-measurement mode ("scroll", "desk"), or "".
	Bench string `json:"bench,omitempty"`
	// Theme is the colour theme ("standard" or "high-contrast") and
	// TextView how the browser page shows its text mirror: "hidden" (to
	// screen readers only), "beside" or "instead" of the game.
	Theme    string `json:"theme"`
	TextView string `json:"textview"`
	// Screen is the text of what the screen shows, for the page's text
	// mirror and the tests that compare it with the game; nil while no
	// screen is settled (loading, a transition).
	Screen *Screen `json:"screen,omitempty"`

	// Presses and Clicks count key presses and clicks (the baseline only).
	Presses int64 `json:"presses,omitempty"`
	Clicks  int64 `json:"clicks,omitempty"`
}

// Button is one button on screen, in window pixels (CSS pixels in the
// browser: device pixels divided by the device scale factor).
type Button struct {
	ID      string  `json:"id"`
	X       float64 `json:"x"`
	Y       float64 `json:"y"`
	W       float64 `json:"w"`
	H       float64 `json:"h"`
	Enabled bool    `json:"enabled"`
}

// Button returns the enabled button with the given id.
func (s State) Button(id string) (Button, bool) {
	for _, b := range s.Buttons {
		if b.ID == id && b.Enabled {
			return b, true
		}
	}
	return Button{}, false
}

// ButtonIDs lists the ids of the buttons, for messages.
func (s State) ButtonIDs() []string {
	ids := make([]string, len(s.Buttons))
	for i, b := range s.Buttons {
		ids[i] = b.ID
	}
	return ids
}

// Screen is what a screen shows, as text: the page's text mirror
// (web/mirror.js) writes it as headings, paragraphs and buttons, so a
// screen reader, a zoomed browser or a read-aloud tool has everything the
// canvas shows. The game fills it in from the same story model that the
// canvas and the terminal player render.
type Screen struct {
	// Rev changes whenever anything else in the screen does (it counts
	// the changes), so the mirror rewrites itself only then. Seq counts
	// the screens entered: a new Seq is a new screen, whose heading takes
	// the focus and whose text the live region announces.
	Rev int `json:"rev"`
	Seq int `json:"seq"`
	// Scene is the screen's name (State.Scene, or "menu" for the Esc
	// menu); Title is its main heading.
	Scene string `json:"scene"`
	Title string `json:"title"`
	// Notice is a message shown over the screen (a locked reply, a
	// damaged save, a transcript saved), or "".
	Notice string `json:"notice,omitempty"`
	// Blocks are the screen's text, in reading order.
	Blocks []Block `json:"blocks"`
	// Meters are the visible meters with their last change, or none.
	Meters []Meter `json:"meters,omitempty"`
	// Field is the text field on screen (the student's name at Save
	// transcript), or nil. The mirror makes it a real text box, and what is
	// typed there is sent with window.bigthree.act({text: value}).
	Field *Field `json:"field,omitempty"`
	// Prompt heads the buttons ("Your reply"), or "".
	Prompt string `json:"prompt,omitempty"`
	// Buttons are everything the screen lets the player do, in the game's
	// focus order: the mirror makes each a real button, whose activation
	// is the same intent as pressing its key or clicking it
	// (window.bigthree.act({button: ID})).
	Buttons []ScreenButton `json:"buttons"`
	// Footer is text shown after the buttons (a hint, a note), in
	// reading order.
	Footer []Block `json:"footer,omitempty"`
}

// Field is a text field of a screen.
type Field struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Value string `json:"value"`
	// Max is the longest value the field keeps, in characters.
	Max int `json:"max"`
}

// Block is one piece of text of a screen.
type Block struct {
	// Kind says how it is read: "h2" and "h3" are headings under the
	// screen's title, "p" a paragraph, "meta" a line about a document
	// (its date, sender), "quote" the player's reply, "source" a source
	// line, "note" a remark (an invented document, a verdict), "pre" text
	// whose spacing matters (a scenario's diagnostics), "item" an entry
	// of a list.
	Kind string `json:"kind"`
	Text string `json:"text"`
}

// Meter is a meter in words.
type Meter struct {
	Label string `json:"label"`
	Value int    `json:"value"`
	Min   int    `json:"min"`
	Max   int    `json:"max"`
	Delta int    `json:"delta"`
	// Text says it all in words: "Support at home: 55 (from 0 to 100),
	// up 5".
	Text string `json:"text"`
}

// ScreenButton is one button of a screen.
type ScreenButton struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	// Detail is more text about it (a scenario's period and summary, the
	// game a Continue continues), or "".
	Detail string `json:"detail,omitempty"`
	// Key is the number key that picks it ("1" to "9"), or "".
	Key string `json:"key,omitempty"`
	// Enabled is false for a button shown but not usable (a locked
	// reply); Reason then says why.
	Enabled bool   `json:"enabled"`
	Reason  string `json:"reason,omitempty"`
	// Group names the setting a choice belongs to ("Text size"), and
	// Pressed marks its current value; "" and false elsewhere.
	Group   string `json:"group,omitempty"`
	Pressed bool   `json:"pressed,omitempty"`
}
