package rules_test

import (
	"strings"
	"testing"

	"bigthree/internal/rules"
)

const editedYAML = `format: 1
title: Edited
meters:
  a: {start: 50}
events:
  - id: one
    date: 1941-01-01
    title: One
    text: First.
    choices:
      - text: Go left at once.
        effects: {a: -10}
      - text: Go right at once.
        effects: {a: +10}
  - id: two
    date: 1941-01-02
    title: Two
    text: Second.
    choices:
      - text: Stay.
      - text: Leave.
        if: a > 55
endings:
  - id: fin
    title: Fin
    text: The end.
`

// TestReplayEditedFollowsAnEditedReply replays choices after the text of a
// reply (and so its id) changed, after a reply was locked, and after an
// event was removed.
func TestReplayEditedFollowsAnEditedReply(t *testing.T) {
	s := load(t, "edited.yaml", editedYAML)
	r := rules.New(s)
	if err := r.ChooseIndex(1); err != nil {
		t.Fatal(err)
	}
	if err := r.ChooseIndex(1); err != nil {
		t.Fatal(err)
	}
	played := r.Played()
	if len(played) != 2 || played[0].Choice != "go-right-at-once" || played[0].Index != 1 || played[1].Event != "two" {
		t.Fatalf("Played() = %+v", played)
	}
	tests := []struct {
		name     string
		edit     func(string) string
		replayed int
		problem  string
		ending   string
	}{
		{"unchanged", func(s string) string { return s }, 2, "", "fin"},
		{"reply text edited", func(s string) string { return strings.Replace(s, "Go right at once.", "Turn right, quickly.", 1) }, 2, "", "fin"},
		{"reply now locked", func(s string) string { return strings.Replace(s, "a > 55", "a > 75", 1) }, 1, `choice 2 (the reply "leave" of "two" is now locked)`, ""},
		{"event removed", func(s string) string {
			return strings.Replace(s, "  - id: one\n", "  - id: first\n", 1)
		}, 0, `choice 1 (the event "one" no longer exists)`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s2 := load(t, "edited.yaml", tt.edit(editedYAML))
			run, rep := rules.ReplayEdited(s2, played)
			if rep.Replayed != tt.replayed || rep.Total != 2 || rep.Problem != tt.problem {
				t.Errorf("report = %+v, want %d of 2 replayed, problem %q", rep, tt.replayed, tt.problem)
			}
			ending := ""
			if run.Over() {
				ending = s2.Endings[run.Ending()].ID
			}
			if ending != tt.ending {
				t.Errorf("ending = %q, want %q", ending, tt.ending)
			}
		})
	}
}
