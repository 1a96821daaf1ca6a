package store

import (
	"strings"
	"testing"

	"bigthree/internal/rules"
)

// FuzzAutosave: no autosave entry, however damaged, may panic; each is
// either a save or one problem in words (never the decoder's raw "unexpected
// end of JSON input"), and a save read back is written again unchanged.
func FuzzAutosave(f *testing.F) {
	o := Origin{Embedded: "example.yaml"}
	m := NewMemory()
	s := New(m, "")
	sv := rules.Save{Format: 1, Scenario: "x", Hash: "h", Choices: []rules.SavedStep{{Event: "a", Choice: "b"}}}
	if err := s.WriteAutosave(o, sv, Progress{Document: 2}); err != nil {
		f.Fatal(err)
	}
	good, _ := m.Read(o.Key())
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add([]byte(`{"origin": {"embedded": "example.yaml"}, "save": {"format": 99, "scenario": "x", "choices": {}}}`))
	f.Add([]byte(`{"origin": {"embedded": "example.yaml"}, "save": {"format": 1, "scenario": "x", "choices": [{"event": "a"}]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		m := NewMemory()
		m.Write(o.Key(), data)
		s := New(m, "")
		a, problem := s.Autosave(o)
		if a != nil && problem != "" || a == nil && problem == "" {
			t.Fatalf("save %v with problem %q", a, problem)
		}
		if strings.Contains(problem, "unexpected end of JSON input") {
			t.Fatalf("raw decoder message: %q", problem)
		}
		if a != nil {
			if err := s.WriteAutosave(o, *a.Save, a.Progress); err != nil {
				t.Fatalf("a save read cannot be written again: %v", err)
			}
			b, problem := s.Autosave(o)
			if b == nil || problem != "" || len(b.Save.Choices) != len(a.Save.Choices) {
				t.Fatalf("written again, it reads %v, %q", b, problem)
			}
		}
	})
}
