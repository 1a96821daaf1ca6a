package scenario_test

import (
	"strings"
	"testing"

	"bigthree/internal/scenario"
)

// markerScenario is a small scenario whose first event's text is body,
// written as a block scalar whose first line is line 15, indented by six.
func markerScenario(body string) string {
	return `format: 1
title: Markers
characters:
  envoy: {name: The Envoy Extraordinary, short: Envoy}
  king: The King
player: king
meters:
  trust: {label: Trust, start: 40}
flags: [letter_sent]
events:
  - id: one
    date: 1941-07-30
    title: One
    text: |
` + indent(body, "      ") + `
    history: "Trust stood at {meter:trust}."
    choices:
      - text: "Thank {short:envoy}{if letter_sent} again{end}."
        set: [letter_sent]
        reactions: {envoy: "{if trust > 50}Warmly{else}Coldly{end}, {name:king}."}
      - Stay silent {{if}.
endings:
  - id: done
    title: Done
    text: "It ended at {meter:trust}{if letter_sent}, the letter sent{end}."
    epilogue: "{name:envoy} went home."
`
}

func indent(s, pre string) string {
	lines := strings.Split(s, "\n")
	for i := range lines {
		lines[i] = pre + lines[i]
	}
	return strings.Join(lines, "\n")
}

func TestMarkersExpand(t *testing.T) {
	body := "Dear {short:king},\n{if trust >= 60}You have my thanks.{else}I wait for {name:envoy}.{end}\nTrust: {meter:trust}; braces {like this} and {{meter:trust} stay."
	s, diags := scenario.Load("m.yaml", []byte(markerScenario(body)))
	if s == nil {
		t.Fatalf("does not load:\n%s", diags)
	}
	e := &s.Events[0]
	for _, tc := range []struct {
		name   string
		text   string
		meters []int
		flags  []bool
		want   string
	}{
		{"low trust", e.Text, []int{40}, []bool{false}, "Dear The King,\nI wait for The Envoy Extraordinary.\nTrust: 40; braces {like this} and {meter:trust} stay."},
		{"high trust", e.Text, []int{75}, []bool{false}, "Dear The King,\nYou have my thanks.\nTrust: 75; braces {like this} and {meter:trust} stay."},
		{"history", e.History, []int{12}, []bool{true}, "Trust stood at 12."},
		{"reply before", e.Choices[0].Text, []int{40}, []bool{false}, "Thank Envoy."},
		{"reply after", e.Choices[0].Text, []int{40}, []bool{true}, "Thank Envoy again."},
		{"reaction", e.Choices[0].Reactions[0].Text, []int{60}, []bool{false}, "Warmly, The King."},
		{"escaped if", e.Choices[1].Text, nil, nil, "Stay silent {if}."},
		{"ending", s.Endings[0].Text, []int{33}, []bool{true}, "It ended at 33, the letter sent."},
		{"epilogue", s.Endings[0].Epilogue, nil, nil, "The Envoy Extraordinary went home."},
		{"no markers", "Plain {text}.", nil, nil, "Plain {text}."},
	} {
		if got := s.Expand(tc.text, tc.meters, tc.flags); got != tc.want {
			t.Errorf("%s: have %q, want %q", tc.name, got, tc.want)
		}
	}
	refs := s.TextRefs()
	if len(refs.Meters) != 1 || len(refs.Characters) != 2 || len(refs.Conds) != 4 {
		t.Errorf("refs: %d meters, %d characters, %d conditions; want 1, 2, 4", len(refs.Meters), len(refs.Characters), len(refs.Conds))
	}
}

func TestMarkerProblems(t *testing.T) {
	for _, tc := range []struct {
		body string
		at   string // line:col
		want string // the message, or its start
	}{
		{"Trust is {meter:trusst}.", "15:23", "unknown meter `trusst`; did you mean `trust`? [unknown-meter]"},
		{"First line.\n  Dear {name:envoi}.", "16:20", "unknown character `envoi`; did you mean `envoy`? [unknown-character]"},
		{"Sent: {meter:letter_sent}", "15:20", "`letter_sent` is a flag, not a meter"},
		{"{if trust >> 5}x{end}", "15:18", "unexpected `>` in the condition [bad-condition]"},
		{"{if trust = 5}x{end}", "15:17", "a single = does not compare"},
		{"{if}x{end}", "15:7", "`{if}` needs a condition"},
		{"{if trust > 5}x", "15:7", "this `{if ...}` passage is never closed"},
		{"x{end}", "15:8", "`{end}` has no `{if ...}` to close"},
		{"x{else}y", "15:8", "`{else}` has no `{if ...}` before it"},
		{"{if trust > 5}a{else}b{else}c{end}", "15:29", "this `{if}` (line 15, column 7) already has an `{else}`"},
		{"Trust {meter:trust", "15:13", "this `{meter` marker is not closed"},
		{"Who: {name:}", "15:18", "`{name:}` names no character"},
		{"{meter:trust} and {meter:trust} and {meter:nope}", "15:50", "unknown meter `nope`"},
	} {
		s, diags := scenario.Load("m.yaml", []byte(markerScenario(tc.body)))
		got := diags.String()
		if s != nil || !strings.Contains(got, "m.yaml:"+tc.at+": error: "+tc.want) {
			t.Errorf("%q:\nhave %s\nwant m.yaml:%s: error: %s", tc.body, got, tc.at, tc.want)
		}
	}
}

// Texts of format 1 that wrote braces keep their meaning: only the marker
// words after a brace make a marker.
func TestBracesStayText(t *testing.T) {
	body := "{ } {} {x} {if} is escaped? no: {IF x} {meters:1} {ending} {{ }} {name} {else {end"
	body = strings.Replace(body, "{if}", "{{if}", 1)
	s, diags := scenario.Load("m.yaml", []byte(markerScenario(body)))
	if s == nil {
		t.Fatalf("does not load:\n%s", diags)
	}
	want := strings.Replace(body, "{{if}", "{if}", 1)
	if got := s.Expand(s.Events[0].Text, []int{1}, []bool{true}); got != want {
		t.Errorf("have %q, want %q", got, want)
	}
}
