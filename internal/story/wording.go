package story

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"bigthree/internal/scenario"
)

// Voice is how a scenario speaks of the historical record: the heading of
// the note shown after a reply, and whoever made the historical choices.
// Every sentence that compares the player with history is made here, so the
// game, the terminal player and the transcripts say the same thing.
type Voice struct {
	// History heads the note on what really happened ("In history").
	History string
	// Comparison names whoever made the historical choices ("Kennedy",
	// "the ExComm"). Empty, the sentences speak of history itself.
	Comparison string
}

// VoiceOf returns the voice of a scenario, from its labels.
func VoiceOf(s *scenario.Scenario) Voice {
	v := Voice{History: s.Labels.History, Comparison: strings.TrimSpace(s.Labels.Comparison)}
	if v.History == "" {
		v.History = scenario.DefaultHistoryLabel
	}
	return v
}

// EpilogueHeading heads an ending's epilogue, in every front end.
const EpilogueHeading = "What really happened"

// ChoseAs says that the player's reply was the historical one.
func (v Voice) ChoseAs() string {
	if v.Comparison == "" {
		return "Your reply was the one given in history."
	}
	return "You chose as " + v.Comparison + " did."
}

// ChoseOtherwise says that history chose another reply, quoting it.
func (v Voice) ChoseOtherwise(reply string) string {
	if v.Comparison == "" {
		return "In history the reply was: “" + reply + "”"
	}
	return Capitalize(v.Comparison) + " chose otherwise: “" + reply + "”"
}

// ReplyMatches is the terminal's shorter form of ChoseAs.
func (v Voice) ReplyMatches() string {
	if v.Comparison == "" {
		return "Your reply matches the one given in history."
	}
	return "Your reply matches " + Possessive(v.Comparison) + "."
}

// HistoricalReply is the terminal's shorter form of ChoseOtherwise.
func (v Voice) HistoricalReply(reply string) string {
	if v.Comparison == "" {
		return "The reply given in history: " + reply
	}
	return Capitalize(Possessive(v.Comparison)) + " reply: " + reply
}

// PathsHeading heads the debrief chart.
func (v Voice) PathsHeading() string {
	if v.Comparison == "" {
		return "Your path and the historical one"
	}
	return "Your path and " + Possessive(v.Comparison)
}

// YourPath is the chart legend's name for the player's lines.
func (v Voice) YourPath() string { return "your path" }

// HistoricalPath is the chart legend's name for the historical lines.
func (v Voice) HistoricalPath() string {
	if v.Comparison == "" {
		return "the historical path (what happened)"
	}
	return Possessive(v.Comparison) + " path (what happened)"
}

// RepliesHeading heads the debrief's list of replies.
func (v Voice) RepliesHeading() string {
	if v.Comparison == "" {
		return "Your replies and the historical ones"
	}
	return "Your replies and " + Possessive(v.Comparison)
}

// Matched counts the player's replies that matched the historical ones. It
// is empty when there was no decision to compare.
func (v Voice) Matched(matches, decisions int) string {
	if decisions <= 0 {
		return ""
	}
	replies, theirs := "Your replies", "the historical ones"
	if decisions == 1 {
		replies, theirs = "Your reply", "the historical one"
	}
	if v.Comparison != "" {
		theirs = Possessive(v.Comparison)
	}
	return replies + " matched " + theirs + " in " + strconv.Itoa(matches) + " of " + Plural(decisions, "decision") + "."
}

// Same says, in the debrief, that history gave the player's reply.
func (v Voice) Same() string { return v.who() + ": the same." }

// Theirs gives, in the debrief, the historical reply beside the player's.
func (v Voice) Theirs(reply string) string { return v.who() + ": " + reply }

func (v Voice) who() string {
	if v.Comparison == "" {
		return "In history"
	}
	return Capitalize(v.Comparison)
}

// WhatTheyDid heads the transcript's column of historical replies.
func (v Voice) WhatTheyDid() string {
	if v.Comparison == "" {
		return "What happened"
	}
	return "What " + v.Comparison + " did"
}

// SameCell is the transcript's cell for a reply that matched history.
const SameCell = "the same"

// Possessive returns the possessive of a name: "Kennedy’s", "the
// ExComm’s", with a typeset apostrophe. A name ending in s takes the
// apostrophe alone ("Dulles’", "the Joint Chiefs’"), one rule that is right
// for plural names too.
func Possessive(name string) string {
	if name == "" {
		return ""
	}
	if strings.HasSuffix(name, "s") || strings.HasSuffix(name, "S") {
		return name + "’"
	}
	return name + "’s"
}

// Plural returns n with the noun, in the plural unless n is 1: "1 decision",
// "3 decisions". Nouns with irregular plurals are not needed here.
func Plural(n int, noun string) string {
	s := strconv.Itoa(n) + " " + noun
	if n != 1 {
		s += "s"
	}
	return s
}

// Capitalize puts a capital at the start of a name that opens a sentence
// ("the ExComm chose" becomes "The ExComm chose").
func Capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// lowerFirst is Capitalize's reverse, for a label inside a sentence.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// Paragraphs splits a scenario text into paragraphs: a blank line (or a
// line of spaces) starts a new paragraph, single line breaks inside a
// paragraph become spaces (the way YAML block text is written), and runs of
// white space collapse. Empty paragraphs are dropped. A paragraph that needs
// no change is a substring of text, so clean text allocates only the slice.
// Each paragraph is typeset (see Typeset).
func Paragraphs(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var out []string
	start := 0 // where the current paragraph starts
	for at := 0; at <= len(text); {
		end := strings.IndexByte(text[at:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += at
		}
		if strings.TrimSpace(text[at:end]) == "" {
			out = appendParagraph(out, text[start:at])
			start = end + 1
		}
		at = end + 1
	}
	if start < len(text) {
		out = appendParagraph(out, text[start:])
	}
	return out
}

func appendParagraph(out []string, p string) []string {
	if p = collapse(strings.TrimSuffix(p, "\n")); p != "" {
		out = append(out, Typeset(p))
	}
	return out
}

// collapse turns every run of white space into one space and trims the
// ends, returning p itself when it is already so.
func collapse(p string) string {
	clean := len(p) > 0 && p[0] != ' ' && p[len(p)-1] != ' '
	for i := 0; clean && i < len(p); i++ {
		switch p[i] {
		case '\n', '\t', '\r', '\v', '\f':
			clean = false
		case ' ':
			clean = p[i+1] != ' '
		}
	}
	if clean {
		return p
	}
	var b strings.Builder
	b.Grow(len(p))
	space := false
	for i := 0; i < len(p); i++ {
		if asciiSpace(p[i]) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteByte(p[i])
	}
	return b.String()
}

// asciiSpace reports the white space that collapse removes: a no-break
// space or another Unicode space in the text is the writer's choice, kept.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f'
}
