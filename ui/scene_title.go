package ui

import (
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"bigthree/internal/layout"
	"bigthree/internal/session"
	"bigthree/internal/store"
	"bigthree/internal/story"
	"bigthree/scenarios"
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
	detail string // a line under the button (which games Continue continues)
	act    func(a *App)
}

// The title scene's lists.
type titleMode int

const (
	titleMain      titleMode = iota // Continue, New game, Settings, Quit
	titleScenarios                  // the shipped scenarios
	titleSaves                      // the games in progress
)

// titleScene is the game's front page: Continue (the game in progress, or
// the list of them when there are several), New game (with the list of
// shipped scenarios), Settings and, on the desktop, Quit.
type titleScene struct {
	saves   []*store.Autosave // games in progress, newest first
	items   []titleItem
	buttons []button
	col     buttonColumn
	mode    titleMode
	// mainFocus is the main menu's focus, kept while a list shows.
	mainFocus int

	clip   clipper
	cards  []titleCard
	crects []layout.Rect // cards in list coordinates (before scrolling)
	list   layout.Scroll
	pane   layout.Rect
	back   button

	// subtitle is the default scenario's title (less the game's name) and
	// period, so the page names no one the shipped scenarios do not.
	subtitle     string
	titleY, subY float64
	emblemY      float64
	// The header: on the main page, large seals over the game's name in
	// stHuge, centred; over a list, small seals beside the name in stCaps
	// (titleX is where the name starts, emblemX the first seal's centre),
	// so the cards get the height.
	titleStyle        int
	titleX, emblemX   float64
	emblemR, emblemDX float64
	detail            layout.Flow
	detailR           layout.Rect
	hint              layout.Flow
	hintR             layout.Rect
	msg               layout.Flow
	msgR              layout.Rect
	msgText           string
	hintText          string
}

// titleCard is one entry of a list: a shipped scenario or a saved game.
type titleCard struct {
	id    string
	entry int // index in the catalogue or in saves
	flow  layout.Flow
	h     float64
	// label and detail are the card's text for the page's text mirror.
	label, detail string
}

func newTitleScene(a *App) *titleScene {
	t := &titleScene{col: newColumn()}
	saves, problems := a.Session.InProgress()
	for _, p := range problems {
		a.addMessage(p)
	}
	t.saves = saves
	t.subtitle = subtitleOf(a.Session.Entry(scenarios.Default()))
	switch len(saves) {
	case 0:
	case 1:
		sv := saves[0]
		t.items = append(t.items, titleItem{id: "continue", label: "Continue", detail: session.Describe(sv),
			act: func(a *App) { a.follow(a.Session.Continue(sv)) }})
	default:
		detail := itoa(len(saves)) + " games in progress; the latest: " + session.Describe(saves[0])
		t.items = append(t.items, titleItem{id: "continue", label: "Continue", detail: detail,
			act: func(a *App) { t.openList(a, titleSaves) }})
	}
	t.items = append(t.items, titleItem{id: "new-game", label: "New game", act: func(a *App) { t.openList(a, titleScenarios) }})
	t.items = append(t.items, titleItem{id: "settings", label: "Settings", act: func(a *App) { a.GoTo(newSettingsScene(a.scene)) }})
	if !a.Web() {
		t.items = append(t.items, titleItem{id: "quit", label: "Quit", act: func(a *App) { a.Quit() }})
	}
	return t
}

// gameName is the heading of the title page.
const gameName = "The Big Three"

// subtitleOf is the title page's line under the game's name: the default
// scenario's title without the game's name, and its period.
func subtitleOf(e *session.Entry) string {
	if e == nil || e.S == nil {
		return ""
	}
	title := strings.TrimLeft(strings.TrimPrefix(e.S.Title, gameName), ":–— ")
	period := e.S.Period
	if period == "" {
		period = e.S.FirstDate.Format("2006") + "–" + e.S.LastDate.Format("2006")
	}
	if title == "" {
		return period
	}
	return title + " · " + period
}

// Name is "title", "scenarios" while the scenario list shows, or "saves"
// while the list of games in progress does.
func (t *titleScene) Name() string {
	switch t.mode {
	case titleScenarios:
		return "scenarios"
	case titleSaves:
		return "saves"
	}
	return "title"
}

func (t *titleScene) report() (int, int) { return t.col.focusReport() }

func (t *titleScene) listButtons(a *App, b *buttonList) { t.col.list(b) }

func (t *titleScene) openList(a *App, m titleMode) {
	t.mainFocus = t.col.Focus
	t.mode = m
	t.col.Focus = -1
	t.list.Jump(0)
	t.Layout(a)
	a.Redraw()
}

func (t *titleScene) closeList(a *App) {
	t.mode = titleMain
	t.col.Focus = -1
	t.Layout(a)
	t.col.SetFocus(t.mainFocus)
	a.Redraw()
}

func (t *titleScene) Layout(a *App) {
	u, W, H := a.U, a.W, a.H
	f := a.Fonts
	if t.mode == titleMain {
		t.titleStyle = stHuge
		t.emblemR, t.emblemDX = 26*u, 70*u
		t.emblemY = H*0.14 + 10*u
		t.emblemX = W/2 - t.emblemDX
		t.titleY = t.emblemY + 52*u
		t.titleX = -1
	} else {
		// A compact header: three small seals and the name on one line.
		t.titleStyle = stCaps
		t.emblemR, t.emblemDX = 11*u, 28*u
		t.titleY = 14 * u
		t.emblemY = t.titleY + f.lh[stCaps]/2
		seals := 2*t.emblemDX + 2*t.emblemR
		gap := 14 * u
		w := seals + gap + f.Measure(stCaps, gameName)
		t.emblemX = (W-w)/2 + t.emblemR
		t.titleX = (W-w)/2 + seals + gap
	}
	t.subY = t.titleY + f.lh[t.titleStyle]
	top := t.subY + f.lh[stSub] + 28*u

	hint := "To play your own scenario, drop its .yaml file on this window, or start the game with the file's path."
	if a.Web() {
		hint = "To play your own scenario, use the Open a scenario file… button at the bottom right, or drop the .yaml file on the page."
	}
	t.hintText = hint
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
	bh := f.lh[stButton] + 22*u
	t.col.Reset()
	if t.mode == titleMain {
		t.layoutMain(a, top, bh)
		return
	}

	// A list: the scenarios or the saved games, as cards, then Back.
	cw := min(W-80*u, 760*u)
	listTop := t.subY + f.lh[stSub] + 10*u
	bottom := t.hintR.Y - bh - 26*u
	if t.msgText != "" {
		bottom = t.msgR.Y - bh - 24*u
	}
	t.pane = layout.R((W-cw)/2, listTop, cw, max(bottom-listTop, 120*u))
	t.cards = t.cards[:0]
	if t.mode == titleScenarios {
		t.scenarioCards(a, cw)
	} else {
		t.saveCards(a, cw)
	}
	t.crects = t.crects[:0]
	y := 0.0
	for _, c := range t.cards {
		t.crects = append(t.crects, layout.R(t.pane.X, t.pane.Y+y, t.pane.W, c.h))
		y += c.h + 12*u
	}
	// A short list keeps Back just under its last card.
	if content := y - 12*u; content > 0 && content < t.pane.H {
		t.pane.H = content
	}
	t.list.Resize(max(0, y-12*u), t.pane.H)
	for _, c := range t.cards {
		t.col.Add(c.id, layout.Rect{})
	}
	t.back = button{R: layout.R((W-240*u)/2, t.pane.Bottom()+14*u, 240*u, bh), Label: "Back"}
	t.col.Add("back", t.back.R)
	t.placeCards()
	if !t.col.OK(t.col.Focus) {
		t.col.FocusFirst()
	}
}

func (t *titleScene) layoutMain(a *App, top, bh float64) {
	u, W := a.U, a.W
	bw := 420 * u
	t.buttons = t.buttons[:0]
	t.detailR = layout.Rect{}
	y := top
	for i, it := range t.items {
		b := button{R: layout.R((W-bw)/2, y, bw, bh), Label: it.label, Primary: i == 0}
		t.buttons = append(t.buttons, b)
		t.col.Add(it.id, b.R)
		y += bh + 12*u
		if it.detail != "" {
			dw := min(W-80*u, 640*u)
			t.detail.Layout([]layout.Block{{Style: stSmallItalic, Text: it.detail, Align: layout.Center}}, dw, a.Fonts)
			t.detailR = layout.R((W-dw)/2, y-6*u, dw, t.detail.Height)
			y += t.detail.Height + 10*u
		}
	}
	if !t.col.OK(t.col.Focus) {
		t.col.FocusFirst()
	}
}

// scenarioCards lists the shipped scenarios, each with its game in
// progress or finished, if it has one.
func (t *titleScene) scenarioCards(a *App, cw float64) {
	u := a.U
	for i, e := range a.Session.Catalog {
		c := titleCard{entry: i, id: "scenario:" + e.Name}
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
			if sv, _ := a.Session.Saved(store.Origin{Embedded: e.Name}); sv != nil {
				state := "Game in progress: " + session.Where(sv)
				if sv.Progress.Over {
					state = "Game finished: “" + sv.Progress.Ending + "”"
				}
				blocks = append(blocks, layout.Block{Style: stSmallBold, Text: state, Space: 8 * u, Tag: tagRed})
			}
		} else {
			blocks = append(blocks, layout.Block{Style: stTitle, Text: e.Name})
			blocks = append(blocks, layout.Block{Style: stItalic, Text: "This scenario has errors; choose it to see them."})
		}
		c.label, c.detail = cardText(blocks)
		c.flow.Layout(blocks, cw-92*u, a.Fonts)
		c.h = c.flow.Height + 32*u
		t.cards = append(t.cards, c)
	}
}

// cardText is a card's first block (its title) and the rest joined, for
// the page's text mirror.
func cardText(blocks []layout.Block) (label, detail string) {
	parts := make([]string, 0, len(blocks))
	for _, b := range blocks[1:] {
		parts = append(parts, b.Text)
	}
	return blocks[0].Text, strings.Join(parts, " ")
}

// saveCards lists the games in progress, the latest first.
func (t *titleScene) saveCards(a *App, cw float64) {
	u := a.U
	seen := map[string]int{}
	for i, sv := range t.saves {
		name := sv.Origin.String()
		seen[name]++
		id := "save:" + name
		if n := seen[name]; n > 1 {
			id += "#" + itoa(n)
		}
		c := titleCard{entry: i, id: id}
		title := sv.Save.Title
		if title == "" {
			title = name
		}
		blocks := []layout.Block{{Style: stTitle, Text: title}}
		blocks = append(blocks, layout.Block{Style: stItalic, Text: session.Where(sv)})
		if sv.Origin.Embedded == "" {
			blocks = append(blocks, layout.Block{Style: stSmall, Text: "From the file " + name, Space: 4 * u})
		}
		c.label, c.detail = cardText(blocks)
		c.flow.Layout(blocks, cw-92*u, a.Fonts)
		c.h = c.flow.Height + 32*u
		t.cards = append(t.cards, c)
	}
}

// placeCards puts the cards' on-screen rectangles (after scrolling, clipped
// to the pane) into the focus column.
func (t *titleScene) placeCards() {
	for i, r := range t.crects {
		t.col.Items[i].R = r.Offset(0, -t.list.Pos).Intersect(t.pane)
	}
}

func (t *titleScene) Update(a *App) error {
	if a.Message != t.msgText {
		t.Layout(a)
		a.Redraw()
	}
	if t.mode != titleMain {
		return t.updateList(a)
	}
	if i := t.col.Update(a, true); i >= 0 {
		t.items[i].act(a)
	}
	return nil
}

func (t *titleScene) updateList(a *App) error {
	in := &a.In
	t.placeCards()
	n := len(t.cards)
	if in.Back {
		t.closeList(a)
		return nil
	}
	if in.Choose > 0 && in.Choose <= n {
		t.pick(a, in.Choose-1)
		return nil
	}
	if i := t.col.Update(a, true); i >= 0 {
		t.pick(a, i)
		return nil
	}
	if t.col.Keyed && t.col.Focus < n {
		r := t.crects[t.col.Focus]
		t.list.Reveal(r.Y-t.pane.Y, r.Bottom()-t.pane.Y)
	}
	wheelScroll(a, &t.list, t.pane, a.Fonts.lh[stBody], scrollPages)
	return nil
}

func (t *titleScene) pick(a *App, i int) {
	if i >= len(t.cards) {
		t.closeList(a)
		return
	}
	if t.mode == titleSaves {
		a.follow(a.Session.Continue(t.saves[t.cards[i].entry]))
		return
	}
	e := &a.Session.Catalog[t.cards[i].entry]
	a.follow(a.Session.Start(a.Session.OpenShipped(e.Name)))
}

func (t *titleScene) Draw(a *App, dst *ebiten.Image) {
	p := a.P
	a.back.draw(a, dst)
	// Three seals: the star, the eagle and the lion.
	for i, kind := range []string{"star", "eagle", "lion"} {
		x := t.emblemX + float64(i)*t.emblemDX
		titleEmblem(a, dst, kind, titleSealColors[i], x, t.emblemY, t.emblemR)
	}
	if t.titleX < 0 {
		p.TextCentered(dst, gameName, t.titleStyle, layout.R(0, t.titleY, a.W, a.Fonts.lh[t.titleStyle]), colIvory)
	} else {
		p.Text(dst, gameName, t.titleStyle, t.titleX, t.titleY, colIvory)
	}
	p.TextCentered(dst, t.subtitle, stSub, layout.R(0, t.subY, a.W, a.Fonts.lh[stSub]), colBrass)

	if t.mode != titleMain {
		t.drawList(a, dst)
	} else {
		for i := range t.buttons {
			hover, focus := t.col.Lit(i)
			drawButton(a, dst, &t.buttons[i], hover, focus)
		}
		if !t.detailR.Empty() {
			p.Flow(dst, &t.detail, t.detailR.X, t.detailR.Y, t.detailR, func(*layout.Line) Col { return colIvoryDim })
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
		hover, focus := t.col.Lit(i)
		fill, edge, edgeW := colCard, colBrassDim, 1.5*u
		if hover {
			fill, edge, edgeW = colCardHover, colHoverEdge, 3*u
			p.Round(clip, r.Inset(-3*u), 9*u, colHover)
		}
		if focus {
			p.Round(clip, r.Inset(-3*u), 9*u, colBrass)
		}
		p.RoundFrame(clip, r, 6*u, edgeW, edge, fill)
		// A number badge, so keys 1–9 are discoverable.
		p.Circle(clip, r.X+30*u, r.Y+32*u, 15*u, colInk)
		p.TextCentered(clip, itoa(i+1), stSmallBold, layout.R(r.X+15*u, r.Y+17*u, 30*u, 30*u), colIvory)
		p.Flow(clip, &c.flow, r.X+62*u, r.Y+16*u, t.pane, func(l *layout.Line) Col {
			switch {
			case l.Style == stItalic:
				return colInkSoft
			case l.Tag == tagRed:
				return colRed
			}
			return colInk
		})
	}
	scrollBar(a, dst, &t.list, layout.R(t.pane.Right()+8*u, t.pane.Y, 5*u, t.pane.H), true)
	n := len(t.cards)
	hover, focus := t.col.Lit(n)
	drawButton(a, dst, &t.back, hover, focus)
}

func titleEmblem(a *App, dst *ebiten.Image, kind string, col Col, cx, cy, r float64) {
	key := kind + "/" + currentTheme.Name
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
