package ui

import (
	"github.com/hajimehoshi/ebiten/v2"

	"bigthree/internal/layout"
	"bigthree/internal/story"
)

// replyCard is one numbered reply on the desk.
type replyCard struct {
	flow   layout.Flow
	h      float64
	number string
}

// deskScene shows the current document and the replies to choose from.
type deskScene struct {
	ev    int
	rb    ribbon
	d     layout.Desk
	paper layout.Rect
	text  layout.Rect // the document's scrolling band inside the paper
	doc   document
	docS  layout.Scroll

	meters  meterPanel
	heading layout.Rect
	pane    layout.Rect // the replies' scrolling band
	sideS   layout.Scroll
	// replies are the document's (the story model's), in their order.
	replies []story.Reply
	cards   []replyCard
	crects  []layout.Rect // cards in pane coordinates (before scrolling)
	// col holds the replies as they are on screen now (clipped), then the
	// Menu button, which only Tab reaches.
	col    buttonColumn
	menu   button
	blocks []layout.Block

	notice  layout.Flow
	noticeR layout.Rect
	shownAt string
	// locked says why the reply just picked cannot be made.
	locked string

	docClip, paneClip clipper
	benchDir          float64
}

func newDeskScene() *deskScene { return &deskScene{ev: -1, col: newColumn(), benchDir: 1} }

func (*deskScene) Name() string { return "desk" }

func (d *deskScene) report() (int, int) { return len(d.replies), d.col.Focus }

func (d *deskScene) message() string {
	return d.shownAt
}

func (d *deskScene) Layout(a *App) {
	p := a.Play
	u := a.U
	deskTop(a, &d.d, &d.rb, &d.menu)

	ev := p.Run.Event()
	fresh := ev != d.ev
	d.ev = ev
	if ev < 0 {
		return
	}
	m, _ := story.DocumentOf(p.Run)
	d.doc.build(a, m) // again on a relayout: sizes inside the blocks follow the unit
	if fresh {
		d.docS.Jump(0)
		d.sideS.Jump(0)
		d.col.Focus = -1
		d.locked = ""
	}

	// The document.
	d.paper = d.d.Doc
	pad := 34 * u
	if d.d.Stacked {
		pad = 20 * u
	}
	d.noticeR = layout.Rect{}
	d.shownAt = p.Notice
	if d.locked != "" {
		d.shownAt = d.locked
	}
	if d.shownAt != "" {
		d.notice.Layout([]layout.Block{{Style: stSmall, Text: d.shownAt}}, d.paper.W-28*u, a.Fonts)
		d.noticeR, d.paper = d.paper.CutTop(d.notice.Height+20*u, 12*u)
	}
	d.text = d.paper.InsetXY(pad, 24*u)
	d.doc.layout(a, d.text.W-14*u)
	d.docS.Resize(d.doc.flow.Height+12*u, d.text.H)

	// The side: meters, then the replies.
	side := d.d.Side
	meters := story.Meters(p.Run)
	if len(meters) > 0 {
		d.meters.R, side = side.CutTop(d.meters.height(a, len(meters)), 16*u)
	} else {
		d.meters.R = layout.Rect{}
	}
	d.meters.setup(meters, false)
	d.heading, side = side.CutTop(a.Fonts.lh[stLabel]+6*u, 4*u)
	d.pane = side
	d.replies = m.Replies
	d.cards = d.cards[:0]
	heights := make([]float64, 0, len(d.replies))
	for _, o := range d.replies {
		c := replyCard{number: itoa(o.Number)}
		d.blocks = d.blocks[:0]
		if o.Continue() {
			d.blocks = append(d.blocks, layout.Block{Style: stButton, Text: o.Text})
		} else {
			d.blocks = append(d.blocks, layout.Block{Style: stBody, Text: o.Text})
		}
		if o.Locked {
			d.blocks = append(d.blocks, layout.Block{Style: stSmallItalic, Text: o.LockedLine, Space: 4 * u, Tag: tagSoft})
		}
		c.flow.Layout(d.blocks, d.pane.W-70*u, a.Fonts)
		c.h = max(c.flow.Height+24*u, 48*u)
		d.cards = append(d.cards, c)
		heights = append(heights, c.h)
	}
	d.crects = layout.Column(d.crects, d.pane.X, d.pane.Y, d.pane.W-10*u, heights, 10*u)
	content := 0.0
	if n := len(d.crects); n > 0 {
		content = d.crects[n-1].Bottom() - d.pane.Y + 6*u
	}
	d.sideS.Resize(content, d.pane.H)
	focus := d.col.Focus
	d.col.Reset()
	for i, o := range d.replies {
		d.col.Items = append(d.col.Items, focusItem{ID: replyID(o), Row: i, Enabled: !o.Locked})
	}
	d.col.Items = append(d.col.Items, focusItem{ID: "menu", R: d.menu.R, Row: len(d.replies), Enabled: true, TabOnly: true})
	// The focus stays where it was on a relayout, even on a locked reply
	// just picked by number.
	d.col.Focus = focus
	if focus < 0 || focus >= len(d.col.Items) {
		d.col.FocusFirst()
	}
	d.placeCards()
}

// placeCards works out where the cards are on screen after scrolling, for
// the pointer.
func (d *deskScene) placeCards() {
	for i, r := range d.crects {
		d.col.Items[i].R = r.Offset(0, -d.sideS.Pos).Intersect(d.pane)
	}
}

// menuIndex is the Menu button's place in the column.
func (d *deskScene) menuIndex() int { return len(d.replies) }

func (d *deskScene) Update(a *App) error {
	p := a.Play
	in := &a.In
	if p.Run.Event() != d.ev {
		d.Layout(a)
	}
	if d.ev < 0 {
		a.GoTo(newEndingScene(a))
		return nil
	}
	n := len(d.replies)
	d.placeCards()
	if in.Back {
		a.GoTo(newMenuScene(a, d))
		return nil
	}
	if in.Choose > 0 && in.Choose <= n {
		d.choose(a, in.Choose-1)
		return nil
	}
	switch i := d.col.Update(a, true); {
	case i == d.menuIndex():
		a.GoTo(newMenuScene(a, d))
		return nil
	case i >= 0:
		d.choose(a, i)
		return nil
	}
	if d.col.Keyed && d.col.Focus < n {
		r := d.crects[d.col.Focus]
		d.sideS.Reveal(r.Y-d.pane.Y, r.Bottom()-d.pane.Y)
	}
	scrollPart(a, &d.docS, d.paper, a.Fonts.lh[stBody], scrollPages)
	wheelScroll(a, &d.sideS, d.pane, a.Fonts.lh[stBody], scrollPointer)
	if a.bench == benchScroll {
		d.benchStep(a)
	}
	return nil
}

// benchStep keeps the desk animating for the performance measurement: the
// document scrolls down and back up, or, when it fits, the focus moves.
func (d *deskScene) benchStep(a *App) {
	if max := d.docS.Max(); max > 0 {
		p := d.docS.Pos + d.benchDir*2*a.U
		if p >= max || p <= 0 {
			d.benchDir = -d.benchDir
		}
		d.docS.Jump(p)
		a.RedrawPart()
		return
	}
	if len(d.replies) > 0 {
		d.col.Focus = layout.Cycle(d.col.Focus, 1, len(d.replies))
	}
	a.Redraw()
}

var replyIDs = [...]string{"reply:1", "reply:2", "reply:3", "reply:4", "reply:5", "reply:6", "reply:7", "reply:8", "reply:9"}

// replyID is a reply's button id in the state hook: "reply:N", or
// "continue".
func replyID(o story.Reply) string {
	if o.Continue() {
		return "continue"
	}
	return replyIDs[min(o.Number-1, len(replyIDs)-1)]
}

func (d *deskScene) listButtons(a *App, b *buttonList) { d.col.list(b) }

// choose makes reply k, saves, and moves on to the reactions (or straight
// to the next document when a plain Continue has nothing to show).
func (d *deskScene) choose(a *App, k int) {
	o := d.replies[k]
	if o.Locked {
		// Say why, above the document, and show the reply.
		d.locked = o.LockedMessage()
		d.col.Focus = k
		r := d.crects[k]
		d.sideS.Reveal(r.Y-d.pane.Y, r.Bottom()-d.pane.Y)
		d.Layout(a)
		a.Redraw()
		return
	}
	p := a.Play
	if err := p.Run.ChooseIndex(o.Index); err != nil {
		p.Notice = "That reply cannot be made: " + err.Error()
		d.Layout(a)
		a.Redraw()
		return
	}
	p.Notice = ""
	a.autosave()
	if af := story.AfterLast(p.Run); af.Empty() {
		// The story model says the after screen has nothing to add.
		a.GoTo(newDeskScene())
		return
	}
	a.GoTo(newAfterScene(a))
}

func (d *deskScene) Draw(a *App, dst *ebiten.Image) {
	if d.ev < 0 {
		a.back.draw(a, dst)
		return
	}
	p, u := a.P, a.U
	a.back.draw(a, dst)
	d.rb.draw(a, dst)
	hover, focus := d.col.Lit(d.menuIndex())
	drawButton(a, dst, &d.menu, hover, focus)

	if d.shownAt != "" {
		noticeBox(a, dst, d.noticeR, &d.notice)
	}
	p.Shadow(dst, d.paper, u)
	d.drawPaper(a, dst)

	// Meters and replies.
	if !d.meters.R.Empty() {
		d.meters.draw(a, dst)
	}
	p.Text(dst, d.doc.model.Prompt, stLabel, d.heading.X+2*u, d.heading.Y, colBrass)
	// Clipped below the heading: a card scrolled up never covers it.
	top := d.heading.Bottom()
	pane := d.paneClip.get(dst, layout.R(d.pane.X-6*u, top, d.pane.W+12*u, d.pane.Bottom()+6*u-top))
	for i := range d.cards {
		r := d.crects[i].Offset(0, -d.sideS.Pos)
		if r.Bottom() < d.pane.Y-6*u || r.Y > d.pane.Bottom()+6*u {
			continue
		}
		d.drawCard(a, pane, i, r)
	}
	scrollBar(a, dst, &d.sideS, layout.R(d.pane.Right()-4*u, d.pane.Y, 4*u, d.pane.H), true)
}

// DrawPart redraws only the document while it scrolls.
func (d *deskScene) DrawPart(a *App, dst *ebiten.Image) {
	if d.ev < 0 {
		return
	}
	d.drawPaper(a, dst)
}

// drawPaper draws the document on its paper, clipped to the paper.
func (d *deskScene) drawPaper(a *App, dst *ebiten.Image) {
	p, u := a.P, a.U
	p.Rect(dst, d.paper, d.doc.paper)
	p.Frame(dst, d.paper, u, d.doc.paper.Mix(colInk, 0.18))
	clip := d.docClip.get(dst, d.text.InsetXY(-8*u, 0))
	d.doc.draw(a, clip, d.text.X, d.text.Y-d.docS.Pos, d.text)
	if d.docS.Scrollable() {
		scrollBar(a, dst, &d.docS, layout.R(d.paper.Right()-12*u, d.text.Y, 5*u, d.text.H), false)
		// A fade at the bottom edge hints that there is more to read.
		if d.docS.Pos < d.docS.Max()-1 {
			for i := range 6 {
				f := float32(i) / 6
				p.Rect(dst, layout.R(d.paper.X+u, d.text.Bottom()-float64(6-i)*3*u, d.paper.W-16*u, 3*u), d.doc.paper.Alpha(f*0.9))
			}
		}
	}
}

func (d *deskScene) drawCard(a *App, dst *ebiten.Image, i int, r layout.Rect) {
	p, u := a.P, a.U
	o := &d.replies[i]
	c := &d.cards[i]
	fill, edge, ink := colCard, colBrassDim, colInk
	switch {
	case o.Locked:
		fill, edge, ink = colLocked, colInkFaint, colInkSoft
	case o.Continue():
		fill, edge = colBrass, colPrimaryEdge
	}
	hover, focus := d.col.Lit(i)
	edgeW := 1.5 * u
	if hover {
		fill, edge, edgeW = hoverFill(o.Continue()), colHoverEdge, 3*u
		p.Round(dst, r.Inset(-3*u), 9*u, colHover)
	}
	if focus || i == d.col.Focus && d.locked != "" {
		p.Round(dst, r.Inset(-3*u), 9*u, colFocusOuter)
	}
	p.RoundFrame(dst, r, 6*u, edgeW, edge, fill)
	badge := colInk
	if o.Locked {
		badge = colInkSoft
	}
	p.Circle(dst, r.X+26*u, r.Y+24*u, 14*u, badge)
	p.TextCentered(dst, c.number, stSmallBold, layout.R(r.X+12*u, r.Y+10*u, 28*u, 28*u), colIvory)
	ty := r.Y + 12*u
	if c.flow.Height < 24*u {
		ty = r.Y + (r.H-c.flow.Height)/2
	}
	f := &c.flow
	for k := range f.Lines {
		l := &f.Lines[k]
		col := ink
		if l.Tag == tagSoft {
			col = colInkSoft
		}
		p.Text(dst, l.Text, l.Style, r.X+54*u+l.X, ty+l.Y, col)
	}
}
