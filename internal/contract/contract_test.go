package contract

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestFieldNames pins the JSON names the e2e tests, scripts/perf and the web
// page (which reads "scene" and "frames") rely on.
func TestFieldNames(t *testing.T) {
	st := State{Scene: "desk", Scenario: "s", Event: "e", Meters: map[string]int{"m": 1}, Ending: "x", Ticks: 2, Frames: 3,
		Options: 4, Focus: 1, Saves: "on", Message: "hi", TextSize: 2, HeapAllocPerFrame: 5, Menu: true, Settled: true, Bench: "desk",
		Buttons: []Button{{ID: "menu", X: 1, Y: 2, W: 3, H: 4, Enabled: true}}, Theme: "standard", TextView: "hidden",
		Screen: &Screen{Rev: 1, Seq: 2, Scene: "desk", Title: "T", Blocks: []Block{{Kind: "p", Text: "x"}}, Meters: []Meter{{Label: "m", Value: 1, Text: "m: 1"}},
			Prompt: "Your reply", Buttons: []ScreenButton{{ID: "reply:1", Label: "Reply 1: x", Key: "1", Enabled: true}}, Footer: []Block{{Kind: "note", Text: "n"}}}}
	data, err := json.Marshal(st)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	json.Unmarshal(data, &m)
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	want := "bench buttons ending event focus frames heap_alloc_per_frame menu message meters options saves scenario scene screen settled textsize textview theme ticks"
	if got := strings.Join(sorted(keys), " "); got != want {
		t.Errorf("keys %q, want %q", got, want)
	}
	var back State
	if err := json.Unmarshal(data, &back); err != nil || !reflect.DeepEqual(back, st) {
		t.Errorf("round trip: %+v, %v", back, err)
	}
}

// TestScreenFieldNames pins the names web/mirror.js reads.
func TestScreenFieldNames(t *testing.T) {
	data, _ := json.Marshal(Screen{Notice: "n", Meters: []Meter{{}}, Prompt: "p", Footer: []Block{{}},
		Buttons: []ScreenButton{{Detail: "d", Key: "1", Reason: "r", Group: "g", Pressed: true}}})
	for _, k := range []string{`"rev"`, `"seq"`, `"scene"`, `"title"`, `"notice"`, `"blocks"`, `"meters"`, `"prompt"`, `"buttons"`, `"footer"`,
		`"label"`, `"detail"`, `"key"`, `"enabled"`, `"reason"`, `"group"`, `"pressed"`, `"text"`, `"delta"`} {
		if !strings.Contains(string(data), k+":") {
			t.Errorf("the screen's JSON has no %s: %s", k, data)
		}
	}
}

func sorted(s []string) []string {
	slices.Sort(s)
	return s
}

func TestButton(t *testing.T) {
	st := State{Buttons: []Button{{ID: "reply:1", Enabled: false}, {ID: "reply:2", Enabled: true}}}
	if _, ok := st.Button("reply:1"); ok {
		t.Error("a locked button is returned as clickable")
	}
	if b, ok := st.Button("reply:2"); !ok || b.ID != "reply:2" {
		t.Errorf("Button(reply:2) = %+v, %v", b, ok)
	}
	if ids := st.ButtonIDs(); !reflect.DeepEqual(ids, []string{"reply:1", "reply:2"}) {
		t.Errorf("ButtonIDs = %q", ids)
	}
}

// TestBaseline reads the baseline program's state, which has its own
// counters and lacks the game's fields.
func TestBaseline(t *testing.T) {
	var st State
	if err := json.Unmarshal([]byte(`{"scene":"baseline","ticks":9,"frames":2,"presses":1,"clicks":3,"bench":"","heap_alloc_per_frame":0}`), &st); err != nil {
		t.Fatal(err)
	}
	if st.Scene != "baseline" || st.Presses != 1 || st.Clicks != 3 || st.Frames != 2 {
		t.Errorf("%+v", st)
	}
}
