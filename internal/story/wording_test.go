package story_test

import (
	"reflect"
	"testing"

	"bigthree/internal/story"
)

// TestVoiceWording holds every sentence that compares the player with
// history. The campaign's (comparison "Roosevelt") must read exactly as it
// always has; a scenario without a player speaks of history itself.
func TestVoiceWording(t *testing.T) {
	const reply = "Send Hopkins on to Moscow."
	for _, tc := range []struct {
		voice story.Voice
		want  map[string]string
	}{
		{story.Voice{History: "In history", Comparison: "Roosevelt"}, map[string]string{
			"ChoseAs":         "You chose as Roosevelt did.",
			"ChoseOtherwise":  "Roosevelt chose otherwise: “Send Hopkins on to Moscow.”",
			"ReplyMatches":    "Your reply matches Roosevelt’s.",
			"HistoricalReply": "Roosevelt’s reply: Send Hopkins on to Moscow.",
			"PathsHeading":    "Your path and Roosevelt’s",
			"YourPath":        "your path",
			"HistoricalPath":  "Roosevelt’s path (what happened)",
			"RepliesHeading":  "Your replies and Roosevelt’s",
			"Matched":         "Your replies matched Roosevelt’s in 11 of 33 decisions.",
			"MatchedOne":      "Your reply matched Roosevelt’s in 1 of 1 decision.",
			"Same":            "Roosevelt: the same.",
			"Theirs":          "Roosevelt: Send Hopkins on to Moscow.",
			"WhatTheyDid":     "What Roosevelt did",
		}},
		{story.Voice{History: "In history", Comparison: "Kennedy"}, map[string]string{
			"ChoseAs":         "You chose as Kennedy did.",
			"ChoseOtherwise":  "Kennedy chose otherwise: “Send Hopkins on to Moscow.”",
			"ReplyMatches":    "Your reply matches Kennedy’s.",
			"HistoricalReply": "Kennedy’s reply: Send Hopkins on to Moscow.",
			"PathsHeading":    "Your path and Kennedy’s",
			"YourPath":        "your path",
			"HistoricalPath":  "Kennedy’s path (what happened)",
			"RepliesHeading":  "Your replies and Kennedy’s",
			"Matched":         "Your replies matched Kennedy’s in 11 of 33 decisions.",
			"MatchedOne":      "Your reply matched Kennedy’s in 1 of 1 decision.",
			"Same":            "Kennedy: the same.",
			"Theirs":          "Kennedy: Send Hopkins on to Moscow.",
			"WhatTheyDid":     "What Kennedy did",
		}},
		{story.Voice{History: "In history"}, map[string]string{
			"ChoseAs":         "Your reply was the one given in history.",
			"ChoseOtherwise":  "In history the reply was: “Send Hopkins on to Moscow.”",
			"ReplyMatches":    "Your reply matches the one given in history.",
			"HistoricalReply": "The reply given in history: Send Hopkins on to Moscow.",
			"PathsHeading":    "Your path and the historical one",
			"YourPath":        "your path",
			"HistoricalPath":  "the historical path (what happened)",
			"RepliesHeading":  "Your replies and the historical ones",
			"Matched":         "Your replies matched the historical ones in 11 of 33 decisions.",
			"MatchedOne":      "Your reply matched the historical one in 1 of 1 decision.",
			"Same":            "In history: the same.",
			"Theirs":          "In history: Send Hopkins on to Moscow.",
			"WhatTheyDid":     "What happened",
		}},
		// A comparison that is not a name opens sentences with a capital,
		// and a plural one takes the apostrophe alone.
		{story.Voice{History: "In history", Comparison: "the Joint Chiefs"}, map[string]string{
			"ChoseAs":         "You chose as the Joint Chiefs did.",
			"ChoseOtherwise":  "The Joint Chiefs chose otherwise: “Send Hopkins on to Moscow.”",
			"ReplyMatches":    "Your reply matches the Joint Chiefs’.",
			"HistoricalReply": "The Joint Chiefs’ reply: Send Hopkins on to Moscow.",
			"PathsHeading":    "Your path and the Joint Chiefs’",
			"YourPath":        "your path",
			"HistoricalPath":  "the Joint Chiefs’ path (what happened)",
			"RepliesHeading":  "Your replies and the Joint Chiefs’",
			"Matched":         "Your replies matched the Joint Chiefs’ in 11 of 33 decisions.",
			"MatchedOne":      "Your reply matched the Joint Chiefs’ in 1 of 1 decision.",
			"Same":            "The Joint Chiefs: the same.",
			"Theirs":          "The Joint Chiefs: Send Hopkins on to Moscow.",
			"WhatTheyDid":     "What the Joint Chiefs did",
		}},
	} {
		v := tc.voice
		got := map[string]string{
			"ChoseAs":         v.ChoseAs(),
			"ChoseOtherwise":  v.ChoseOtherwise(reply),
			"ReplyMatches":    v.ReplyMatches(),
			"HistoricalReply": v.HistoricalReply(reply),
			"PathsHeading":    v.PathsHeading(),
			"YourPath":        v.YourPath(),
			"HistoricalPath":  v.HistoricalPath(),
			"RepliesHeading":  v.RepliesHeading(),
			"Matched":         v.Matched(11, 33),
			"MatchedOne":      v.Matched(1, 1),
			"Same":            v.Same(),
			"Theirs":          v.Theirs(reply),
			"WhatTheyDid":     v.WhatTheyDid(),
		}
		for k, want := range tc.want {
			if got[k] != want {
				t.Errorf("%q %s = %q, want %q", v.Comparison, k, got[k], want)
			}
		}
		if m := v.Matched(0, 0); m != "" {
			t.Errorf("%q: Matched(0, 0) = %q, want nothing to say", v.Comparison, m)
		}
	}
}

func TestPossessivePluralCapitalize(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Roosevelt", "Roosevelt’s"}, {"Kennedy", "Kennedy’s"}, {"Dulles", "Dulles’"},
		{"the ExComm", "the ExComm’s"}, {"the Allies", "the Allies’"}, {"", ""},
	} {
		if got := story.Possessive(tc.in); got != tc.want {
			t.Errorf("Possessive(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct {
		n    int
		want string
	}{{0, "0 documents"}, {1, "1 document"}, {2, "2 documents"}, {62, "62 documents"}} {
		if got := story.Plural(tc.n, "document"); got != tc.want {
			t.Errorf("Plural(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
	for _, tc := range []struct{ in, want string }{{"the ExComm", "The ExComm"}, {"Kennedy", "Kennedy"}, {"élite", "Élite"}, {"", ""}} {
		if got := story.Capitalize(tc.in); got != tc.want {
			t.Errorf("Capitalize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"", nil},
		{"one\ntwo", []string{"one two"}},
		{"one\n\ntwo\n", []string{"one", "two"}},
		{"one\r\n\r\n  \n two  three\n", []string{"one", "two three"}},
		{"\n\n a \n\n\n b", []string{"a", "b"}},
		{"a line\n \t \nof spaces", []string{"a line", "of spaces"}},
		{"tabs\tand\vfeeds\fcollapse", []string{"tabs and feeds collapse"}},
		// A no-break space is the writer's choice and stays.
		{"10\u00a0000 men\nmarched", []string{"10\u00a0000 men marched"}},
	}
	for _, tt := range tests {
		if got := story.Paragraphs(tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Paragraphs(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// Clean paragraphs are substrings of the text: splitting allocates only the
// slice that holds them (three times as it grows to three paragraphs).
func TestParagraphsOfCleanTextShareTheText(t *testing.T) {
	text := "First paragraph, clean.\n\nSecond paragraph, clean too.\n\nThird."
	allocs := testing.AllocsPerRun(20, func() { story.Paragraphs(text) })
	if allocs > 3 {
		t.Errorf("Paragraphs allocated %v times for clean text, want only the slice's 3", allocs)
	}
}

func BenchmarkParagraphs(b *testing.B) {
	var text []byte
	for i := range 3000 {
		switch {
		case i == 0:
		case i%60 == 0:
			text = append(text, "\n\n"...)
		case i%13 == 0:
			text = append(text, '\n')
		default:
			text = append(text, ' ')
		}
		text = append(text, "word"...)
	}
	s := string(text)
	b.ReportAllocs()
	for b.Loop() {
		story.Paragraphs(s)
	}
}
