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
		Buttons: []Button{{ID: "menu", X: 1, Y: 2, W: 3, H: 4, Enabled: true}}}
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
	want := "bench buttons ending event focus frames heap_alloc_per_frame menu message meters options saves scenario scene settled textsize ticks"
	if got := strings.Join(sorted(keys), " "); got != want {
		t.Errorf("keys %q, want %q", got, want)
	}
	var back State
	if err := json.Unmarshal(data, &back); err != nil || !reflect.DeepEqual(back, st) {
		t.Errorf("round trip: %+v, %v", back, err)
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
