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
