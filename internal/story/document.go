package story

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"bigthree/internal/rules"
	"bigthree/internal/scenario"
)

// Document is the document on the desk as the player reads it, with the
// replies offered. The game draws it on its paper, the terminal player
// prints it and the browser page's text mirror writes it as headings and
// paragraphs: all of them take its words from here, so they say the same.
type Document struct {
	Event int    // the event's index
	ID    string // the event's id
	Kind  scenario.Kind
	// KindName names the kind for a reader: "Letter", "Telegram",
	// "Memorandum of conversation", "Report", "Newspaper".
	KindName string
	// From is the sender's character index (-1 for none); Sender and
	// SenderRole are the sender's name and office, or "".
	From               int
	Sender, SenderRole string
	// SenderPortrait is the sender's neutral portrait, or nil.
	SenderPortrait *scenario.Picture
	// To is the recipient's character index: the event's, else the
	// player's, except for a newspaper (-1 for none); Recipient is the
	// name, or "".
	To        int
	Recipient string
	// Outgoing is true for the player's own documents (the sender is the
	// player): a cable the player sent is headed "Sent", not "Received".
	Outgoing bool
	Date     time.Time
	DateText string // "2 January 1942"
	Place    string
	Title    string
	// Paragraphs is the document's text, paragraph by paragraph.
	Paragraphs []string
	// Lines are a meeting's record, speaker by speaker.
	Lines []SpokenLine
	// Image is the photograph or map shown with the document, or nil.
	Image *Image
	// Source is the citation on the source line, or "".
	Source string
	// Invented is true when the document was made up for this branch of
	// the story; InventedLine then says so, with the scenario's note on
	// what really happened when it has one.
	Invented     bool
	InventedNote string
	InventedLine string
	// Prompt heads the replies: "Your reply", or "When you have read it"
	// when the only way on is Continue.
	Prompt  string
	Replies []Reply
	// Note is the history note of a document without replies (a news
	// item): shown under the document, so that one Continue moves on;
	// nil otherwise (the note then follows the reply).
	Note *Note
}

// SpokenLine is one speaker's words in a meeting's record.
type SpokenLine struct {
	Speaker int // character index, for the portrait or seal and colour
	Name    string
	// Portrait is the speaker's neutral portrait, or nil (the emblem then
	// stands in); its Image is nil when the pictures were not read.
	Portrait   *scenario.Picture
	Paragraphs []string
}

// Words is the line as one text says it: "Khrushchev: We are ...".
func (l SpokenLine) Words() string { return l.Name + ": " + strings.Join(l.Paragraphs, " ") }

// Image is a picture shown with a document: Alt says what it shows, for
// the text mirror and the terminal; Caption is printed under it.
type Image struct {
	Picture *scenario.Picture
	Alt     string
	Caption string
}

// Words is the image for a reader who cannot see it: "Picture: <alt>.
// Caption: <caption>".
func (im *Image) Words() string {
	s := "Picture: " + strings.TrimRight(im.Alt, ".") + "."
	if im.Caption != "" {
		s += " Caption: " + im.Caption
	}
	return s
}

// Reply is one reply offered on the desk (or the Continue of a document
// without open replies).
type Reply struct {
	Number int    // 1 to 9: the key that picks it
	Index  int    // the choice's index in the event, or -1 for Continue
	ID     string // the choice's id, or rules.ContinueID
	Text   string
	// Locked replies are shown but cannot be made: Reason says why (the
	// scenario's words, or DefaultLockReason) and LockedLine is what is
	// written under the reply.
	Locked     bool
	Reason     string
	LockedLine string
}

// Continue reports whether the reply is the Continue of a document.
func (r Reply) Continue() bool { return r.Index < 0 }

// Name is the reply's accessible name: "Reply 2: …", or the Continue
// label.
func (r Reply) Name() string {
	if r.Continue() {
		return r.Text
	}
	return "Reply " + strconv.Itoa(r.Number) + ": " + r.Text
}

// LockedMessage says why the reply cannot be made, when the player picks
// it anyway.
func (r Reply) LockedMessage() string {
	return "Reply " + strconv.Itoa(r.Number) + " is locked: " + r.Reason
}

// Prompts over the replies.
const (
	PromptReply    = "Your reply"
	PromptContinue = "When you have read it"
	// DefaultLockReason is a locked reply's reason when the scenario gives
	// none.
	DefaultLockReason = "Not possible now."
	// LockedPrefix starts the line under a locked reply.
	LockedPrefix = "Locked: "
	// SourcePrefix starts a source line.
	SourcePrefix = "Source: "
)

// KindName names a document kind for a reader.
func KindName(k scenario.Kind) string {
	switch k {
	case scenario.Telegram:
		return "Telegram"
	case scenario.Meeting:
		return "Memorandum of conversation"
	case scenario.Report:
		return "Report"
	case scenario.News:
		return "Newspaper"
	}
	return "Letter"
}

// LongDate is how documents write a date: "2 January 1942".
func LongDate(d time.Time) string { return d.Format("2 January 2006") }

// DocumentOf returns the document on the desk now and its replies; ok is
// false when the story is over.
func DocumentOf(r *rules.Run) (doc Document, ok bool) {
	ev := r.Event()
	if ev < 0 {
		return Document{}, false
	}
	s := r.Scenario()
	e := &s.Events[ev]
	d := Document{Event: ev, ID: e.ID, Kind: e.Kind, KindName: KindName(e.Kind), From: e.From, To: s.Player,
		Date: e.Date, DateText: LongDate(e.Date), Place: Typeset(e.Place), Title: Typeset(e.Title), Paragraphs: Paragraphs(expand(s, e.Text, r.Meters(), r.Flags())),
		Source: s.SourceText(e.Source)}
	if e.From >= 0 {
		d.Sender, d.SenderRole = s.Characters[e.From].Name, s.Characters[e.From].Role
		d.SenderPortrait = s.Characters[e.From].Portrait.For(scenario.Neutral)
	}
	switch {
	case e.To >= 0:
		d.To = e.To
	case e.Kind == scenario.News:
		d.To = -1 // a newspaper is addressed to no one
	}
	d.Recipient = characterName(s, d.To)
	for _, ln := range e.Lines {
		c := &s.Characters[ln.Speaker]
		d.Lines = append(d.Lines, SpokenLine{Speaker: ln.Speaker, Name: c.Name, Portrait: c.Portrait.For(scenario.Neutral), Paragraphs: Paragraphs(ln.Text)})
	}
	if im := e.Image; im != nil {
		d.Image = &Image{Picture: im.Picture, Alt: im.Alt, Caption: im.Caption}
	}
	d.Outgoing = e.From >= 0 && e.From == s.Player
	if e.Invented {
		d.Invented, d.InventedNote, d.InventedLine = true, e.InventedNote, inventedLine(e.InventedNote)
	}
	for i, o := range r.Options(nil) {
		rp := Reply{Number: i + 1, Index: o.Index, ID: o.ID, Text: Typeset(expand(s, o.Text, r.Meters(), r.Flags())), Locked: o.Locked}
		if o.Locked {
			rp.Reason = Typeset(strings.TrimSpace(o.Reason))
			if rp.Reason == "" {
				rp.Reason = DefaultLockReason
			}
			rp.LockedLine = LockedPrefix + rp.Reason
		}
		d.Replies = append(d.Replies, rp)
	}
	if noteOnDesk(e) && e.History != "" {
		d.Note = &Note{Heading: VoiceOf(s).History, Paragraphs: Paragraphs(expand(s, e.History, r.Meters(), r.Flags())), Source: s.SourceText(s.HistorySourceIndex(ev))}
		if d.Note.Source == d.Source {
			d.Note.Source = "" // the document's source line, just above, says it
		}
	}
	d.Prompt = PromptReply
	if len(d.Replies) == 1 && d.Replies[0].Continue() {
		d.Prompt = PromptContinue
	}
	return d, true
}

// Heading is the document's line of kind, date and place, as the terminal
// prints it over the text: "2 January 1942, Telegram, Moscow".
func (d *Document) Heading() string {
	head := []string{d.DateText, d.KindName}
	if d.Place != "" {
		head = append(head, d.Place)
	}
	return strings.Join(head, ", ")
}

// FromTo says who wrote to whom: "From Khrushchev to Kennedy", "From
// Khrushchev", "To Kennedy", or ""; for a meeting, who took part:
// "Participants: Khrushchev; Kennedy".
func (d *Document) FromTo() string {
	if d.Kind == scenario.Meeting {
		if p := d.Participants(); len(p) > 0 {
			return "Participants: " + strings.Join(p, "; ")
		}
		return ""
	}
	switch {
	case d.Sender != "" && d.Recipient != "":
		return "From " + d.Sender + " to " + d.Recipient
	case d.Sender != "":
		return "From " + d.Sender
	case d.Recipient != "":
		return "To " + d.Recipient
	}
	return ""
}

// SourceLine is the document's source line, or "".
func (d *Document) SourceLine() string {
	if d.Source == "" {
		return ""
	}
	return SourcePrefix + d.Source
}

// Participants are the sender, the recipient and the speakers of a
// meeting's record, as far as they are known, each once.
func (d *Document) Participants() []string {
	var who []string
	add := func(name string) {
		if name != "" && !slices.Contains(who, name) {
			who = append(who, name)
		}
	}
	add(d.Sender)
	add(d.Recipient)
	for _, l := range d.Lines {
		add(l.Name)
	}
	return who
}
