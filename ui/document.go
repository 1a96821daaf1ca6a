package ui

import (
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"bigthree/internal/layout"
	"bigthree/internal/scenario"
	"bigthree/internal/story"
)

// Line tags: how a document's line is coloured and decorated.
const (
	tagInk = iota
	tagSoft
	tagSender
	tagStrip // telegram text pasted on paper strips
	tagRed
	tagFaint
)

// Box ids in document flows.
const (
	boxHeader = iota + 1
	boxRule
	boxDoubleRule
	boxReaction
	boxChart
	boxSpeaker   // a meeting line's portrait or seal and name; Tag is the line
	boxImage     // the document's picture
	boxCardMeter // the verdict card's bar of one meter; Tag is the meter's place on the card
)

// document is an event laid out as the paper it arrived on. Its words are
// the story model's (story.Document), which the terminal player and the
// page's text mirror render too.
type document struct {
	model  story.Document
	kind   scenario.Kind
	paper  Col
	from   int
	sender string // sender's name, for the header
	role   string
	stamp  string // "SECRET", "CONFIDENTIAL"
	mast   string // header words: TELEGRAM, REPORT ...
	sub    string // second header line
	blocks []layout.Block
	flow   layout.Flow
}

func paperOf(k scenario.Kind) Col {
	switch k {
	case scenario.Telegram:
		return colTelegram
	case scenario.Meeting:
		return colMeeting
	case scenario.Report:
		return colReport
	case scenario.News:
		return colNews
	}
	return colLetter
}

// build makes the blocks of the story's document m. Everything the page
// shows is worked out here, once, so drawing it never formats a string.
func (d *document) build(a *App, m story.Document) {
	u := a.U
	d.model = m
	d.kind, d.paper, d.from = m.Kind, paperOf(m.Kind), m.From
	d.sender, d.role = m.Sender, m.SenderRole
	toName := m.Recipient
	date := m.DateText
	b := d.blocks[:0]
	para := 12 * u
	switch m.Kind {
	case scenario.Telegram:
		d.mast, d.stamp = "Telegram", ""
		d.sub = "Received " + strings.ToUpper(m.Date.Format("2 Jan 2006"))
		if m.Outgoing {
			d.sub = "Sent " + strings.ToUpper(m.Date.Format("2 Jan 2006"))
		}
		b = append(b, layout.Block{Box: boxHeader, Height: 64 * u})
		line := func(k, v string) {
			if v != "" {
				b = append(b, layout.Block{Style: stMonoBold, Text: k + " " + strings.ToUpper(v), Space: 2 * u, Tag: tagInk})
			}
		}
		from := d.sender
		if m.Place != "" {
			if from != "" {
				from += ", "
			}
			from += m.Place
		}
		line("FROM", from)
		line("TO  ", toName)
		line("DATE", m.Date.Format("2 Jan 2006"))
		b = append(b, layout.Block{Box: boxRule, Height: 2 * u, Space: 10 * u})
		b = append(b, layout.Block{Style: stMonoBold, Text: strings.ToUpper(m.Title), Space: 12 * u, Tag: tagInk})
		for i, par := range m.Paragraphs {
			sp := 6 * u
			if i == 0 {
				sp = 12 * u
			}
			b = append(b, layout.Block{Style: stMono, Text: strings.ToUpper(par), Space: sp, Tag: tagStrip, Indent: 6 * u, Inset: 6 * u})
		}
	case scenario.News:
		d.mast, d.stamp = "The Daily Dispatch", ""
		d.sub = "Late edition · " + date
		b = append(b, layout.Block{Box: boxHeader, Height: 78 * u})
		b = append(b, layout.Block{Style: stHeadline, Text: m.Title, Align: layout.Center, Space: 14 * u})
		b = append(b, layout.Block{Box: boxRule, Height: u, Space: 12 * u})
		for i, par := range m.Paragraphs {
			if i == 0 && m.Place != "" {
				par = strings.ToUpper(m.Place) + ", " + m.Date.Format("January 2") + ". — " + par
			}
			sp := para
			if i == 0 {
				sp = 14 * u
			}
			b = append(b, layout.Block{Style: stBody, Text: par, Space: sp})
		}
	case scenario.Meeting:
		d.mast, d.stamp = story.KindName(m.Kind), "SECRET"
		d.sub = ""
		b = append(b, layout.Block{Box: boxHeader, Height: 52 * u})
		if who := m.FromTo(); who != "" {
			b = append(b, layout.Block{Style: stSmall, Text: who, Space: 4 * u, Tag: tagSoft})
		}
		where := date
		if m.Place != "" {
			where = m.Place + ", " + date
		}
		b = append(b, layout.Block{Style: stSmall, Text: "Place and date: " + where, Tag: tagSoft})
		b = append(b, layout.Block{Box: boxRule, Height: u, Space: 10 * u})
		b = append(b, layout.Block{Style: stTitle, Text: m.Title, Space: 14 * u})
		b = layout.AppendParagraphs(b, m.Paragraphs, stBody, 10*u, para)
	case scenario.Report:
		d.mast, d.stamp = "Report to the President", "CONFIDENTIAL"
		d.sub = ""
		b = append(b, layout.Block{Box: boxHeader, Height: 52 * u})
		meta := date
		if m.Place != "" {
			meta = m.Place + " · " + date
		}
		if d.sender != "" {
			meta = "From " + d.sender + " · " + meta
		}
		b = append(b, layout.Block{Style: stSmall, Text: meta, Tag: tagSoft, Space: 2 * u})
		b = append(b, layout.Block{Box: boxRule, Height: u, Space: 10 * u})
		b = append(b, layout.Block{Style: stTitle, Text: m.Title, Space: 14 * u})
		b = layout.AppendParagraphs(b, m.Paragraphs, stBody, 10*u, para)
	default: // a letter
		d.mast, d.stamp = strings.ToUpper(m.Place), ""
		switch {
		case m.From >= 0:
			b = append(b, layout.Block{Box: boxHeader, Height: 60 * u})
		case m.Place != "":
			// No sender: a plain letterhead with the place.
			b = append(b, layout.Block{Box: boxHeader, Height: a.Fonts.lh[stCaps] + 12*u})
		}
		where := date
		if m.Place != "" {
			where = m.Place + ", " + date
		}
		b = append(b, layout.Block{Style: stItalic, Text: where, Align: layout.Right, Space: 6 * u, Tag: tagSoft})
		if toName != "" {
			b = append(b, layout.Block{Style: stSmall, Text: "To " + toName, Space: 2 * u, Tag: tagSoft})
		}
		b = append(b, layout.Block{Style: stTitle, Text: m.Title, Space: 14 * u})
		b = layout.AppendParagraphs(b, m.Paragraphs, stBody, 10*u, para)
		if d.sender != "" {
			b = append(b, layout.Block{Style: stItalic, Text: d.sender, Align: layout.Right, Space: 16 * u, Tag: tagSender})
		}
	}
	for i, l := range m.Lines {
		b = append(b, layout.Block{Box: boxSpeaker, Height: 40 * u, Space: 14 * u, Tag: i})
		b = layout.AppendParagraphs(b, l.Paragraphs, stBody, 6*u, 6*u)
		for k := len(b) - len(l.Paragraphs); k < len(b); k++ {
			b[k].Indent = 48 * u
		}
	}
	if im := m.Image; im != nil {
		if im.Picture != nil && im.Picture.Image != nil {
			b = append(b, layout.Block{Box: boxImage, Height: 220 * u, Space: 16 * u})
		} else {
			// The pictures were not read (a scenario opened from its text
			// alone): the alt text stands in.
			b = append(b, layout.Block{Style: stSmallItalic, Text: im.Words(), Space: 16 * u, Tag: tagSoft})
		}
		if im.Caption != "" {
			b = append(b, layout.Block{Style: stSmallItalic, Text: im.Caption, Align: layout.Center, Space: 6 * u, Tag: tagSoft})
		}
	}
	if m.Invented || m.Source != "" {
		b = append(b, layout.Block{Box: boxRule, Height: u, Space: 22 * u})
	}
	if m.Invented {
		b = append(b, layout.Block{Style: stSmallItalic, Text: m.InventedLine, Space: 8 * u, Tag: tagFaint})
	}
	if src := m.SourceLine(); src != "" {
		b = append(b, layout.Block{Style: stSmallItalic, Text: src, Space: 8 * u, Tag: tagFaint})
	}
	if n := m.Note; n != nil {
		// A news item's history note, under it: one Continue moves on.
		b = append(b, layout.Block{Box: boxRule, Height: u, Space: 22 * u})
		b = append(b, layout.Block{Style: stLabel, Text: n.Heading, Space: 12 * u, Tag: tagRed})
		b = layout.AppendParagraphs(b, n.Paragraphs, stBody, 8*u, 8*u)
		if n.Source != "" {
			b = append(b, layout.Block{Style: stSmallItalic, Text: story.SourcePrefix + n.Source, Space: 8 * u, Tag: tagFaint})
		}
	}
	d.blocks = b
}

func (d *document) layout(a *App, width float64) { d.flow.Layout(d.blocks, width, a.Fonts) }

// lineColor is the ink of a line of text by its tag.
func lineColor(l *layout.Line) Col {
	switch l.Tag {
	case tagSoft:
		return colInkSoft
	case tagFaint:
		return colInkFaint
	case tagRed:
		return colRed
	}
	return colInk
}

// draw draws the document's visible part: paper decorations, boxes and
// lines, with the flow's top at (x, y) and everything clipped to clip.
func (d *document) draw(a *App, dst *ebiten.Image, x, y float64, clip layout.Rect) {
	p, u := a.P, a.U
	f := &d.flow
	for i := range f.Boxes {
		bx := &f.Boxes[i]
		r := bx.R.Offset(x, y)
		if r.Bottom() < clip.Y || r.Y > clip.Bottom() {
			continue
		}
		switch bx.Box {
		case boxRule:
			p.Rect(dst, layout.R(r.X, r.Y+r.H/2-u/2, r.W, max(u, 1)), colInkFaint)
		case boxHeader:
			d.drawHeader(a, dst, r)
		case boxSpeaker:
			l := &d.model.Lines[bx.Tag]
			if !drawPicture(dst, l.Portrait, layout.R(r.X, r.Y, 36*u, 40*u)) {
				drawEmblem(a, dst, l.Speaker, r.X+18*u, r.Y+20*u, 16*u)
			}
			p.Text(dst, l.Name, stBold, r.X+48*u, r.Y+(40*u-a.Fonts.lh[stBold])/2, a.Play.charCol(l.Speaker))
		case boxImage:
			drawPicture(dst, d.model.Image.Picture, r)
		}
	}
	i, j := f.Visible(clip.Y-y, clip.Bottom()-y)
	if d.kind == scenario.Telegram {
		// Paper strips under the pasted telegram text.
		for k := i; k < j; k++ {
			l := &f.Lines[k]
			if l.Tag == tagStrip {
				p.Rect(dst, layout.R(x+l.X-6*u, y+l.Y+2*u, l.W+12*u, l.H-3*u), colStrip)
			}
		}
	}
	for k := i; k < j; k++ {
		l := &f.Lines[k]
		p.Text(dst, l.Text, l.Style, x+l.X, y+l.Y, lineColor(l))
	}
}

func (d *document) drawHeader(a *App, dst *ebiten.Image, r layout.Rect) {
	p, u, fo := a.P, a.U, a.Fonts
	switch d.kind {
	case scenario.Telegram:
		p.Rect(dst, layout.R(r.X-8*u, r.Y, r.W+16*u, 44*u), colTelegramBand)
		p.Text(dst, "TELEGRAM", stCaps, r.X+8*u, r.Y+(44*u-fo.lh[stCaps])/2, colInk)
		p.TextRight(dst, d.sub, stMonoBold, r.Right()-8*u, r.Y+(44*u-fo.lh[stMonoBold])/2, colInkSoft)
		if d.from >= 0 {
			drawEmblem(a, dst, d.from, r.X+fo.Measure(stCaps, "TELEGRAM")+36*u, r.Y+22*u, 16*u)
		}
	case scenario.News:
		p.Rect(dst, layout.R(r.X, r.Y, r.W, 2*u), colInk)
		p.TextCentered(dst, d.mast, stCaps, layout.R(r.X, r.Y+6*u, r.W, fo.lh[stCaps]), colInk)
		ly := r.Y + 10*u + fo.lh[stCaps]
		p.Rect(dst, layout.R(r.X, ly, r.W, u), colInk)
		p.TextCentered(dst, d.sub, stSmallItalic, layout.R(r.X, ly+3*u, r.W, fo.lh[stSmallItalic]), colInkSoft)
		p.Rect(dst, layout.R(r.X, r.Bottom()-3*u, r.W, u), colInk)
		p.Rect(dst, layout.R(r.X, r.Bottom()-u, r.W, u), colInk)
	case scenario.Meeting, scenario.Report:
		p.Text(dst, d.mast, stCaps, r.X, r.Y+(r.H-fo.lh[stCaps])/2, colInk)
		if d.stamp != "" {
			w := fo.Measure(stSmallBold, d.stamp) + 20*u
			sr := layout.R(r.Right()-w, r.Y+(r.H-30*u)/2, w, 30*u)
			p.Frame(dst, sr, 2*u, colRed.Alpha(0.85))
			p.TextCentered(dst, d.stamp, stSmallBold, sr, colRed)
		}
	default:
		// Letterhead: the sender's seal, name and office, or the place.
		if d.from >= 0 {
			if !drawPicture(dst, d.model.SenderPortrait, layout.R(r.X, r.Y+2*u, 52*u, 52*u)) {
				drawEmblem(a, dst, d.from, r.X+26*u, r.Y+28*u, 26*u)
			}
			p.Text(dst, d.sender, stBold, r.X+64*u, r.Y+8*u, a.Play.charCol(d.from))
			p.Text(dst, d.role, stSmallItalic, r.X+64*u, r.Y+8*u+fo.lh[stBold], colInkSoft)
		} else {
			p.TextCentered(dst, d.mast, stCaps, layout.R(r.X, r.Y, r.W, fo.lh[stCaps]), colInkSoft)
		}
		p.Rect(dst, layout.R(r.X, r.Bottom()-u, r.W, u), colInkFaint)
	}
}

// pictures holds the scenario pictures turned into images the GPU draws,
// each made the first time it is drawn.
var pictures = map[*scenario.Picture]*ebiten.Image{}

// drawPicture draws a scenario picture as large as fits in r, centred and
// in its own proportions; false when there is nothing to draw.
func drawPicture(dst *ebiten.Image, pic *scenario.Picture, r layout.Rect) bool {
	if pic == nil || pic.Image == nil || pic.Width <= 0 || pic.Height <= 0 {
		return false
	}
	img, ok := pictures[pic]
	if !ok {
		img = ebiten.NewImageFromImage(pic.Image)
		pictures[pic] = img
	}
	scale := min(r.W/float64(pic.Width), r.H/float64(pic.Height))
	op := &ebiten.DrawImageOptions{Filter: ebiten.FilterLinear}
	op.GeoM.Scale(scale, scale)
	op.GeoM.Translate(r.X+(r.W-scale*float64(pic.Width))/2, r.Y+(r.H-scale*float64(pic.Height))/2)
	dst.DrawImage(img, op)
	return true
}
