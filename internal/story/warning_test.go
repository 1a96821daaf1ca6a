package story_test

import (
	"strings"
	"testing"

	"bigthree/internal/rules"
	"bigthree/internal/story"
)

const warned = `format: 1
id: warned
title: A warning
period: "1941"
characters:
  ally: {name: The Ally}
  me: {name: Me}
player: me
meters:
  trust: {label: The Ally's trust, start: 20}
  secret: {label: Secret, start: 0, hidden: true}
flags: [broken]
start: one
triggers:
  - if: trust <= 5
    goto: cold
    warning: The Ally's letters grow short and cold.
  - if: broken
    goto: cold
events:
  - id: one
    date: 1941-01-01
    kind: letter
    from: ally
    title: One
    text: First letter.
    choices:
      - {id: slight, text: Slight the ally., effects: {trust: -10}}
      - {id: keep, text: Keep faith., effects: {trust: +1}}
    next: two
  - id: two
    date: 1941-02-01
    kind: letter
    from: ally
    title: Two
    text: Second letter.
    choices:
      - {id: slight, text: Slight the ally., effects: {trust: -10, secret: +1}}
      - {id: keep, text: Keep faith., effects: {trust: +1}}
    next: three
  - id: three
    date: 1941-03-01
    kind: letter
    from: ally
    title: Three
    text: Third letter.
    choices:
      - {id: slight, text: Slight the ally., effects: {trust: -10}}
    next: done
  - id: breach
    date: 1941-04-01
    if: secret >= 1
    kind: news
    title: A breach
    text: It is out.
    set: [broken]
endings:
  - id: cold
    title: Cold
    text: It ended coldly.
  - id: done
    title: Done
    text: It ended.
`

func TestWarningBeforeTrigger(t *testing.T) {
	s := load(t, "warned.yaml", []byte(warned))
	r := rules.New(s)
	if ws := story.Warnings(r); len(ws) != 1 || ws[0].Trigger != 1 {
		t.Fatalf("at 20 of trust, 15 short of 5 and the breach one reply off: want only the breach's warning, have %+v", ws)
	}
	if err := r.Choose("slight"); err != nil {
		t.Fatal(err)
	}
	a := story.AfterLast(r)
	if len(a.Warnings) != 2 {
		t.Fatalf("at 10 of trust with a breach one reply off: want 2 warnings, have %+v", a.Warnings)
	}
	if have, want := a.Warnings[0].Text, "The Ally's letters grow short and cold."; have != want {
		t.Errorf("warning text: have %q, want %q", have, want)
	}
	if have := a.Warnings[0].Marks; len(have) != 1 || have[0].Threshold != 5 {
		t.Errorf("marks: have %+v, want trust at 5", have)
	}
	if !a.Meters[0].Warned || a.Meters[0].Threshold != 5 {
		t.Errorf("the trust meter is not marked: %+v", a.Meters[0])
	}
	if !strings.Contains(a.Meters[0].Words(), "warning: near 5") {
		t.Errorf("meter words do not say the warning: %q", a.Meters[0].Words())
	}
	// The flag trigger watches only a hidden meter: the default line names no meter.
	if have, want := a.Warnings[1].Text, "One more reply could change the course of events."; have != want || len(a.Warnings[1].Marks) != 0 {
		t.Errorf("default warning: have %q with marks %+v", have, a.Warnings[1].Marks)
	}
	if err := r.Choose("keep"); err != nil {
		t.Fatal(err)
	}
	if ws := story.Warnings(r); len(ws) != 2 {
		t.Fatalf("at 11 of trust, both still one reply off: want 2 warnings, have %+v", ws)
	}
	if err := r.Choose("slight"); err != nil {
		t.Fatal(err)
	}
	if !r.Over() || s.Endings[r.Ending()].ID != "cold" {
		t.Fatalf("the trigger did not fire after the warning")
	}
	if ws := story.Warnings(r); ws != nil {
		t.Errorf("warnings after the end: %+v", ws)
	}
}
