package ui

import (
	"github.com/hajimehoshi/ebiten/v2"

	"bigthree/internal/layout"
	"bigthree/internal/store"
	"bigthree/internal/story"
)

// loadingScene is shown while fonts, settings, saves and the shipped
// scenarios are read. It loads once its first frame has been drawn and
// published, so a browser shows something at once.
type loadingScene struct {
	done, told bool
	at         int // frames drawn when the first frame was published
}

func (*loadingScene) Name() string  { return "loading" }
func (*loadingScene) Layout(a *App) {}
func (s *loadingScene) Update(a *App) error {
	switch {
	case s.done || a.Frames == 0:
	case !s.told:
		s.told, s.at = true, a.Frames
		a.hook.publish(a)
		// Draw once more before loading: in a browser, Ebitengine may run
		// several ticks in one animation frame, and the page must get a turn
		// to see the first frame before the loading blocks it.
		a.Redraw()
	case a.Frames <= s.at:
	default:
		s.done = true
		if err := a.load(); err != nil {
			return err
		}
		a.afterLoad()
	}
	return nil
}
func (*loadingScene) Draw(a *App, dst *ebiten.Image) {
	dst.Fill(colDeskDark.RGBA())
	a.P.TextCentered(dst, "Loading…", stSub, layout.R(0, 0, a.W, a.H), colIvoryDim)
}

type titleItem struct {
	id     string
	label  string
	detail string
	act    func(a *App)
}

// titleScene is the game's front page: Continue, New game (with the list
// of shipped scenarios), Settings and, on the desktop, Quit.
type titleScene struct {
	auto    *store.Autosave
	items   []titleItem
	buttons []button
	rects   []layout.Rect
	focus   int
	hover   int

	clip    clipper
	listing bool // showing the scenario list
	cards   []scenarioCard
	crects  []layout.Rect
	list    layout.Scroll
	pane    layout.Rect
	back    button

	titleY, subY float64
	emblemY      float64
	hint         layout.Flow
	hintR        layout.Rect
	msg          layout.Flow
	msgR         layout.Rect
	msgText      string
}

type scenarioCard struct {
	id    string
	entry int
	flow  layout.Flow
	h     float64
}

func newTitleScene(a *App) *titleScene {
	t := &titleScene{hover: -1}
	t.auto = a.autosaved()
	if t.auto != nil {
		title := t.auto.Save.Title
		if title == "" {
			title = t.auto.Origin.String()
		}
		auto := t.auto
		t.items = append(t.items, titleItem{id: "continue", label: "Continue", detail: title, act: func(a *App) { a.continueSaved(auto) }})
	}
	t.items = append(t.items, titleItem{id: "new-game", label: "New game", act: func(a *App) { t.openList(a) }})
	t.items = append(t.items, titleItem{id: "settings", label: "Settings", act: func(a *App) { a.GoTo(newSettingsScene(a.scene)) }})
	if !a.Web() {
		t.items = append(t.items, titleItem{id: "quit", label: "Quit", act: func(a *App) { a.Quit() }})
	}
	return t
}

// Name is "title", or "scenarios" while the scenario list shows.
func (t *titleScene) Name() string {
	if t.listing {
		return "scenarios"
	}
	return "title"
}

func (t *titleScene) report() (int, int) {
	if t.listing {
		return len(t.cards), t.focus
	}
	return len(t.items), t.focus
}

func (t *titleScene) openList(a *App) {
	t.listing = true
	t.focus = 0
	t.hover = -1
	t.list.Jump(0)
	t.Layout(a)
	a.Redraw()
}

func (t *titleScene) Layout(a *App) {
	u, W, H := a.U, a.W, a.H
	f := a.Fonts
	t.emblemY = H*0.14 + 10*u
	t.titleY = t.emblemY + 52*u
	t.subY = t.titleY + f.lh[stHuge]
	top := t.subY + f.lh[stSub] + 28*u

	// Main menu.
	bw := 420 * u
	bh := f.lh[stButton] + 22*u
	t.buttons = t.buttons[:0]
	t.rects = t.rects[:0]
	y := top
	for _, it := range t.items {
		label := it.label
		if it.detail != "" {
			label += ": " + it.detail
		}
		b := button{R: layout.R((W-bw)/2, y, bw, bh), Label: fitText(a, label, stButton, bw-24*u), Primary: len(t.buttons) == 0}
		t.buttons = append(t.buttons, b)
		t.rects = append(t.rects, b.R)
		y += bh + 12*u
	}

	hint := "To play your own scenario, drop its .yaml file on this window, or start the game with the file's path."
	if a.Web() {
		hint = "To play your own scenario, use the Open a scenario file… button at the bottom right, or drop the .yaml file on the page."
	}
	hw := min(W-80*u, 760*u)
	t.hint.Layout([]layout.Block{{Style: stSmallItalic, Text: hint, Align: layout.Center}}, hw, f)
	t.hintR = layout.R((W-hw)/2, H-24*u-t.hint.Height, hw, t.hint.Height)

	t.msgText = a.Message
	t.msgR = layout.Rect{}
	if t.msgText != "" {
		mw := min(W-80*u, 760*u)
		t.msg.Layout(layout.AppendParagraphs(nil, story.Paragraphs(t.msgText), stSmall, 0, 6*u), mw-28*u, f)
		mh := min(t.msg.Height+20*u, H*0.25)
		t.msgR = layout.R((W-mw)/2, t.hintR.Y-mh-14*u, mw, mh)
	}

	// Scenario list.
	cw := min(W-80*u, 760*u)
	listTop := t.subY + f.lh[stSub] + 12*u
	bottom := t.hintR.Y - bh - 32*u
	if t.msgText != "" {
		bottom = t.msgR.Y - bh - 28*u
	}
	t.pane = layout.R((W-cw)/2, listTop, cw, max(bottom-listTop, 120*u))
	t.cards = t.cards[:0]
	for i, e := range a.Catalog {
		c := scenarioCard{entry: i, id: "scenario:" + e.Name}
		var blocks []layout.Block
		if e.S != nil {
			period := e.S.Period
			if period == "" {
				period = e.S.FirstDate.Format("2006") + "–" + e.S.LastDate.Format("2006")
			}
			blocks = append(blocks, layout.Block{Style: stTitle, Text: e.S.Title})
			blocks = append(blocks, layout.Block{Style: stItalic, Text: period + " · " + story.Plural(len(e.S.Events), "document")})
			if e.S.Summary != "" {
				blocks = layout.AppendParagraphs(blocks, story.Paragraphs(e.S.Summary), stBody, 6*u, 4*u)
			}
		} else {
			blocks = append(blocks, layout.Block{Style: stTitle, Text: e.Name})
			blocks = append(blocks, layout.Block{Style: stItalic, Text: "This scenario has errors; choose it to see them."})
		}
		c.flow.Layout(blocks, cw-92*u, f)
		c.h = c.flow.Height + 32*u
		t.cards = append(t.cards, c)
	}
	t.layoutCards(a)
	t.back = button{R: layout.R((W-240*u)/2, t.pane.Bottom()+16*u, 240*u, bh), Label: "Back"}
}

func (t *titleScene) layoutCards(a *App) {
	u := a.U
	t.crects = t.crects[:0]
	y := 0.0
	for _, c := range t.cards {
		t.crects = append(t.crects, layout.R(t.pane.X, t.pane.Y+y, t.pane.W, c.h))
		y += c.h + 12*u
	}
	t.list.Resize(max(0, y-12*u), t.pane.H)
}

// fitText shortens s with an ellipsis until it fits in width.
func fitText(a *App, s string, style int, width float64) string {
	if a.Fonts.Measure(style, s) <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 1 && a.Fonts.Measure(style, string(r)+"…") > width {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

func (t *titleScene) Update(a *App) error {
	if a.Message != t.msgText {
		t.Layout(a)
		a.Redraw()
	}
	in := &a.In
	if t.listing {
		return t.updateList(a)
	}
	t.hover = hoverIndex(a, t.rects, t.hover)
	n := len(t.items)
	switch {
	case in.Up || in.BackTab:
		t.focus = layout.Cycle(t.focus, -1, n)
		a.Redraw()
	case in.Down_ || in.Tab:
		t.focus = layout.Cycle(t.focus, 1, n)
		a.Redraw()
	case in.Enter || in.Space:
		t.items[t.focus].act(a)
		return nil
	}
	if i := clicked(a, t.rects); i >= 0 {
		t.focus = i
		t.items[i].act(a)
	}
	return nil
}

func (t *titleScene) updateList(a *App) error {
	in := &a.In
	rects := t.visibleCards()
	all := append(rects, t.back.R)
	t.hover = hoverIndex(a, all, t.hover)
	n := len(t.cards)
	switch {
	case in.Esc:
		t.listing = false
		t.focus = 0
		t.hover = -1
		a.Redraw()
		return nil
	case in.Up || in.BackTab:
		t.focus = layout.Cycle(t.focus, -1, n+1)
		t.reveal()
		a.Redraw()
	case in.Down_ || in.Tab:
		t.focus = layout.Cycle(t.focus, 1, n+1)
		t.reveal()
		a.Redraw()
	case in.Enter || in.Space:
		t.pick(a, t.focus)
		return nil
	case in.Digit > 0 && in.Digit <= n:
		t.pick(a, in.Digit-1)
		return nil
	}
	if i := clicked(a, all); i >= 0 {
		t.pick(a, i)
		return nil
	}
	wheelScroll(a, &t.list, t.pane, a.Fonts.lh[stBody], true)
	return nil
}

// visibleCards returns the cards' rectangles as they sit on screen now,
// clipped to the list pane.
func (t *titleScene) visibleCards() []layout.Rect {
	out := make([]layout.Rect, len(t.crects))
	for i, r := range t.crects {
		out[i] = r.Offset(0, -t.list.Pos).Intersect(t.pane)
	}
	return out
}

func (t *titleScene) reveal() {
	if t.focus < len(t.crects) {
		r := t.crects[t.focus]
		t.list.Reveal(r.Y-t.pane.Y, r.Bottom()-t.pane.Y)
	}
}

func (t *titleScene) pick(a *App, i int) {
	if i >= len(t.cards) {
		t.listing = false
		t.focus = 0
		a.Redraw()
		return
	}
	e := &a.Catalog[t.cards[i].entry]
	if e.S == nil {
		a.showErrors(e.Name, e.Diags)
		return
	}
	a.startNew(e.S, store.Origin{Embedded: e.Name})
}

// subtitle says what the game is, whatever scenarios it ships with.
const subtitle = "Negotiate history, one letter at a time"

func (t *titleScene) Draw(a *App, dst *ebiten.Image) {
	p, u := a.P, a.U
	a.back.draw(a, dst)
	// Three seals: the star, the eagle and the lion.
	r := 26 * u
	cx := a.W / 2
	for i, e := range []struct {
		kind string
		col  Col
	}{{"star", hex(0xa0202a)}, {"eagle", hex(0x27408b)}, {"lion", hex(0x2e6b3f)}} {
		x := cx + float64(i-1)*70*u
		titleEmblem(a, dst, e.kind, e.col, x, t.emblemY, r)
	}
	p.TextCentered(dst, "The Big Three", stHuge, layout.R(0, t.titleY, a.W, a.Fonts.lh[stHuge]), colIvory)
	p.TextCentered(dst, subtitle, stSub, layout.R(0, t.subY, a.W, a.Fonts.lh[stSub]), colBrass)

	if t.listing {
		t.drawList(a, dst)
	} else {
		for i := range t.buttons {
			drawButton(a, dst, &t.buttons[i], i == t.hover, i == t.focus)
		}
	}
	if t.msgText != "" {
		noticeBox(a, dst, t.msgR, &t.msg)
	}
	p.Flow(dst, &t.hint, t.hintR.X, t.hintR.Y, t.hintR, func(*layout.Line) Col { return colIvoryDim })
}

func (t *titleScene) drawList(a *App, dst *ebiten.Image) {
	p, u := a.P, a.U
	clip := t.clip.get(dst, t.pane.Inset(-6*u))
	for i, c := range t.cards {
		r := t.crects[i].Offset(0, -t.list.Pos)
		if r.Bottom() < t.pane.Y-8*u || r.Y > t.pane.Bottom()+8*u {
			continue
		}
		fill := colCard
		if i == t.hover {
			fill = colCardHover
		}
		if i == t.focus {
			p.Round(clip, r.Inset(-3*u), 9*u, colBrass)
		}
		p.RoundFrame(clip, r, 6*u, 1.5*u, colBrassDim, fill)
		// A number badge, so keys 1–9 are discoverable.
		p.Circle(clip, r.X+30*u, r.Y+32*u, 15*u, colInk)
		p.TextCentered(clip, itoa(i+1), stSmallBold, layout.R(r.X+15*u, r.Y+17*u, 30*u, 30*u), colIvory)
		p.Flow(clip, &c.flow, r.X+62*u, r.Y+16*u, t.pane, func(l *layout.Line) Col {
			if l.Style == stItalic {
				return colInkSoft
			}
			return colInk
		})
	}
	scrollBar(a, dst, &t.list, layout.R(t.pane.Right()+8*u, t.pane.Y, 5*u, t.pane.H), true)
	n := len(t.cards)
	drawButton(a, dst, &t.back, t.hover == n, t.focus == n)
}

func titleEmblem(a *App, dst *ebiten.Image, kind string, col Col, cx, cy, r float64) {
	key := kind
	img, ok := a.titleSeals[key]
	size := int(2 * r)
	if !ok || img.Bounds().Dx() != size {
		if a.titleSeals == nil {
			a.titleSeals = map[string]*ebiten.Image{}
		}
		img = emblemImage(a, kind, col, size)
		a.titleSeals[key] = img
	}
	a.P.Image(dst, img, layout.R(cx-r, cy-r, float64(size), float64(size)), 1)
}

func (t *titleScene) listButtons(a *App, b *buttonList) {
	if !t.listing {
		for i, it := range t.items {
			b.add(it.id, t.rects[i], true)
		}
		return
	}
	for i, c := range t.cards {
		b.add(c.id, t.crects[i].Offset(0, -t.list.Pos).Intersect(t.pane), true)
	}
	b.add("back", t.back.R, true)
}
