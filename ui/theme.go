package ui

import (
	"image/color"
	"math"
	"sort"
	"strconv"
	"strings"
)

// Col is a colour with straight (not premultiplied) components from 0 to 1,
// kept as floats so drawing never converts through color.Color (which would
// allocate in the middle of a frame).
type Col struct{ R, G, B, A float32 }

func hex(h uint32) Col {
	return Col{float32(h>>16&0xff) / 255, float32(h>>8&0xff) / 255, float32(h&0xff) / 255, 1}
}

// Alpha returns the colour with opacity a (multiplied with its own).
func (c Col) Alpha(a float32) Col { c.A *= a; return c }

// Mix returns the colour a fraction t of the way to d.
func (c Col) Mix(d Col, t float32) Col {
	return Col{c.R + (d.R-c.R)*t, c.G + (d.G-c.G)*t, c.B + (d.B-c.B)*t, c.A + (d.A-c.A)*t}
}

// Over returns the colour seen when c is drawn over the opaque colour bg.
func (c Col) Over(bg Col) Col {
	return Col{bg.R + (c.R-bg.R)*c.A, bg.G + (c.G-bg.G)*c.A, bg.B + (c.B-bg.B)*c.A, 1}
}

// RGBA converts to a color.RGBA (for building images, not for per-frame drawing).
func (c Col) RGBA() color.RGBA {
	return color.RGBA{uint8(c.R*c.A*255 + 0.5), uint8(c.G*c.A*255 + 0.5), uint8(c.B*c.A*255 + 0.5), uint8(c.A*255 + 0.5)}
}

// Luminance is the colour's relative luminance as WCAG 2 defines it (of
// the opaque colour; see Over).
func (c Col) Luminance() float64 {
	lin := func(v float32) float64 {
		// The 8-bit value the screen shows, as WCAG's formula takes it.
		s := math.Round(float64(v)*255) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// Contrast is the WCAG 2 contrast ratio of two opaque colours, from 1 to 21.
func Contrast(a, b Col) float64 {
	la, lb := a.Luminance(), b.Luminance()
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// readableOn returns c, or c mixed towards ink as little as needed, so that
// text in it reads at 4.5:1 on bg: a scenario's own character colours are
// untrusted, and a name is written in them.
func readableOn(c, bg, ink Col) Col {
	for t := float32(0); t <= 1; t += 0.05 {
		if m := c.Mix(ink, t); Contrast(m, bg) >= minText {
			return m
		}
	}
	return ink
}

// The WCAG 2.2 AA minimum contrasts: text, large text (18 pt, or 14 pt
// bold), and the parts of controls and graphics that must be seen (focus
// rings, meter bars, chart lines).
const (
	minText    = 4.5
	minLarge   = 3
	minNonText = 3
)

// Theme is a set of colours for the whole game. Every text colour is named
// here with the surfaces it is drawn on (Theme.pairs), so a test can hold
// each pair to the WCAG minimum.
type Theme struct {
	Name string

	// The desk and what lies on it, dark: the wood, the timeline ribbon,
	// the meters' panel, notices and dialogs.
	Desk, DeskDark, Ribbon, Panel, PanelEdge, Notice Col
	// Light ink on the dark surfaces: Ivory for text, IvoryDim for
	// secondary text, Brass for labels and accents, BrassDim for rules.
	Ivory, IvoryDim, Brass, BrassDim Col
	// Up and Down colour a meter's change on the panel (which also has a
	// sign and an arrow).
	Up, Down Col

	// Papers: every document kind, the paper strips of telegrams, and the
	// cards of replies and lists.
	Letter, Telegram, TelegramBand, Strip, Meeting, Report, News Col
	Card, CardHover, Locked                                      Col
	// Dark ink on the papers: Ink for text, InkSoft for secondary text,
	// InkFaint for source lines, Red for stamps and headings, Same for a
	// reply that matched history in the debrief.
	Ink, InkSoft, InkFaint, Red, Same Col
	// WarningMark marks a warning in a list of a scenario's problems.
	WarningMark Col

	// Buttons: the primary button's fill and edge, and the hover fills.
	PrimaryEdge, PrimaryHover Col
	// HoverEdge frames the button under the pointer; FocusOuter and
	// FocusInner are the two rings of the keyboard's focus, so it shows on
	// light and dark surfaces alike.
	HoverEdge, FocusOuter, FocusInner Col
	// HoverRing rings the button under the pointer outside its frame, to
	// show on the dark desk where HoverEdge would not.
	HoverRing Col

	// The -watch overlay on the desktop: its text on Ink.
	OverlayText, OverlayError, OverlayWarning Col

	// Meters are the bars on the panel, one per visible meter in turn, and
	// ChartLines the same meters' lines in the debrief chart (drawn on
	// Card): the same hues, light on the dark panel, dark on the card.
	Meters, ChartLines []Col
	// Characters colour characters without a colour of their own.
	Characters []Col
	// TitleSeals are the three seals of the title page.
	TitleSeals [3]Col
}

// The themes: the period desk, and high contrast (black, white and yellow).
var (
	standardTheme = Theme{
		Name: "standard",
		Desk: hex(0x2b1f17), DeskDark: hex(0x1a130e), Ribbon: hex(0x17110d),
		Panel: hex(0x3a2b20), PanelEdge: hex(0x54402f), Notice: hex(0x3b2c1f),
		Ivory: hex(0xf3ead5), IvoryDim: hex(0xcfc3a6), Brass: hex(0xc9a45c), BrassDim: hex(0x8a7040),
		Up: hex(0x7fd6b0), Down: hex(0xf0a878),
		Letter: hex(0xf4ecd8), Telegram: hex(0xeedfa9), TelegramBand: hex(0xd8c27a), Strip: hex(0xfbf7ea),
		Meeting: hex(0xf1efe8), Report: hex(0xe9d9b0), News: hex(0xe6e1d2),
		Card: hex(0xf6efdf), CardHover: hex(0xfbe3a8), Locked: hex(0xd9d2c4),
		Ink: hex(0x231a13), InkSoft: hex(0x54453a), InkFaint: hex(0x625344), Red: hex(0x9e2a22), Same: hex(0x1c5f42),
		WarningMark: hex(0x9a6a00),
		PrimaryEdge: hex(0x6e5423), PrimaryHover: hex(0xf0d592),
		HoverEdge: hex(0x231a13), FocusOuter: hex(0xf3ead5), FocusInner: hex(0x231a13), HoverRing: hex(0xc9a45c),
		OverlayText: hex(0xf2e8d5), OverlayError: hex(0xffb4a8), OverlayWarning: hex(0xffd98a),
		Meters:     []Col{hex(0x56b4e9), hex(0xe0702a), hex(0x1aab7f), hex(0xcc79a7), hex(0xe69f00), hex(0xf0e442), hex(0xc0c0c0), hex(0xf3ead5)},
		ChartLines: []Col{hex(0x0066a0), hex(0xa84800), hex(0x00704f), hex(0x944575), hex(0x815600), hex(0x5f5800), hex(0x555555), hex(0x231a13)},
		Characters: []Col{hex(0x5b4a8a), hex(0x7a5230), hex(0x2f6f7a), hex(0x8a3b5c), hex(0x4d6b2e), hex(0x6a6a6a)},
		TitleSeals: [3]Col{hex(0xa0202a), hex(0x27408b), hex(0x2e6b3f)},
	}
	highContrastTheme = Theme{
		Name: "high-contrast",
		Desk: hex(0x000000), DeskDark: hex(0x000000), Ribbon: hex(0x000000),
		Panel: hex(0x000000), PanelEdge: hex(0xffffff), Notice: hex(0x000000),
		Ivory: hex(0xffffff), IvoryDim: hex(0xffffff), Brass: hex(0xffd700), BrassDim: hex(0x767676),
		Up: hex(0x7fffc4), Down: hex(0xffb080),
		Letter: hex(0xffffff), Telegram: hex(0xffffff), TelegramBand: hex(0xffd700), Strip: hex(0xffffff),
		Meeting: hex(0xffffff), Report: hex(0xffffff), News: hex(0xffffff),
		Card: hex(0xffffff), CardHover: hex(0xfff3a0), Locked: hex(0xd0d0d0),
		Ink: hex(0x000000), InkSoft: hex(0x000000), InkFaint: hex(0x1a1a1a), Red: hex(0x9a0000), Same: hex(0x004d2a),
		WarningMark: hex(0x000000),
		PrimaryEdge: hex(0x000000), PrimaryHover: hex(0xfff3a0),
		HoverEdge: hex(0x0040ff), FocusOuter: hex(0xffffff), FocusInner: hex(0x000000), HoverRing: hex(0xffd700),
		OverlayText: hex(0xffffff), OverlayError: hex(0xffb4a8), OverlayWarning: hex(0xffd700),
		Meters:     []Col{hex(0x56b4e9), hex(0xff8c42), hex(0x2fe0a8), hex(0xf09ad0), hex(0xffd700), hex(0xf0e442), hex(0xffffff), hex(0xd0d0d0)},
		ChartLines: []Col{hex(0x004f80), hex(0x8a3a00), hex(0x005a3c), hex(0x7a2d5c), hex(0x614000), hex(0x4a4400), hex(0x333333), hex(0x000000)},
		Characters: []Col{hex(0x3d2d70), hex(0x5a3a1c), hex(0x164f58), hex(0x6d2342), hex(0x33501a), hex(0x404040)},
		TitleSeals: [3]Col{hex(0xff5a5a), hex(0x8fb0ff), hex(0x6fd08a)},
	}
	// themes lists every theme, for the settings and the contrast test.
	themes = []*Theme{&standardTheme, &highContrastTheme}
)

// The colours in use, set from the current theme by useTheme: the scenes
// draw with these.
var (
	colDesk, colDeskDark, colRibbon, colPanel, colPanelEdge, colNotice       Col
	colBrass, colBrassDim, colIvory, colIvoryDim, colUp, colDown             Col
	colLetter, colTelegram, colTelegramBand, colStrip, colMeeting, colReport Col
	colNews, colCard, colCardHover, colLocked                                Col
	colInk, colInkSoft, colInkFaint, colRed, colSame, colWarningMark         Col
	colPrimaryEdge, colPrimaryHover, colHoverEdge, colFocusOuter, colHover   Col
	colFocusInner, colOverlayText, colOverlayError, colOverlayWarning        Col
	meterColors, chartColors, characterPalette                               []Col
	titleSealColors                                                          [3]Col
	currentTheme                                                             *Theme
)

func init() { useTheme(&standardTheme) }

// useTheme makes t the theme the game draws with.
func useTheme(t *Theme) {
	currentTheme = t
	colDesk, colDeskDark, colRibbon, colPanel, colPanelEdge, colNotice = t.Desk, t.DeskDark, t.Ribbon, t.Panel, t.PanelEdge, t.Notice
	colBrass, colBrassDim, colIvory, colIvoryDim, colUp, colDown = t.Brass, t.BrassDim, t.Ivory, t.IvoryDim, t.Up, t.Down
	colLetter, colTelegram, colTelegramBand, colStrip, colMeeting, colReport = t.Letter, t.Telegram, t.TelegramBand, t.Strip, t.Meeting, t.Report
	colNews, colCard, colCardHover, colLocked = t.News, t.Card, t.CardHover, t.Locked
	colInk, colInkSoft, colInkFaint, colRed, colSame, colWarningMark = t.Ink, t.InkSoft, t.InkFaint, t.Red, t.Same, t.WarningMark
	colPrimaryEdge, colPrimaryHover, colHoverEdge, colFocusOuter, colFocusInner = t.PrimaryEdge, t.PrimaryHover, t.HoverEdge, t.FocusOuter, t.FocusInner
	colHover = t.HoverRing
	colOverlayText, colOverlayError, colOverlayWarning = t.OverlayText, t.OverlayError, t.OverlayWarning
	meterColors, chartColors, characterPalette = t.Meters, t.ChartLines, t.Characters
	titleSealColors = t.TitleSeals
}

// themeFor returns the theme the settings ask for.
func themeFor(highContrast bool) *Theme {
	if highContrast {
		return &highContrastTheme
	}
	return &standardTheme
}

// meterColor is meter i's bar on the panel; every meter also shows its
// number and change in text, so colour is never the only cue.
func meterColor(i int) Col { return meterColors[i%len(meterColors)] }

// chartColor is meter i's line in the debrief chart (the same hue as its bar).
func chartColor(i int) Col { return chartColors[i%len(chartColors)] }

// chartLabel is the colour of a chart line's label: its line's colour,
// darkened to read as text on the card.
func chartLabel(i int) Col { return readableOn(chartColor(i), colCard, colInk) }

// colourPair is one colour drawn on another, with the contrast it needs.
type colourPair struct {
	What   string
	Fg, Bg Col
	Min    float64
}

// pairs lists every text colour of the theme on every surface it is drawn
// on, and the colours of focus rings, hover frames, meter bars and chart
// lines against what surrounds them. The lists are wider than what one
// screen draws (every ink of the papers on every paper), so that moving a
// text from one paper to another cannot make it unreadable.
func (t *Theme) pairs() []colourPair {
	var out []colourPair
	add := func(what string, fg, bg Col, min float64) {
		out = append(out, colourPair{what, fg, bg, min})
	}
	named := func(m map[string]Col, each func(string, Col)) {
		for _, k := range sortedKeys(m) {
			each(k, m[k])
		}
	}
	lockedCard := t.Locked
	papers := map[string]Col{"letter": t.Letter, "telegram": t.Telegram, "telegram strip": t.Strip, "meeting": t.Meeting,
		"report": t.Report, "news": t.News, "card": t.Card, "card under the pointer": t.CardHover}
	paperInks := map[string]Col{"ink": t.Ink, "soft ink": t.InkSoft, "faint ink (source lines)": t.InkFaint, "red": t.Red, "same-as-history green": t.Same}
	named(papers, func(p string, bg Col) {
		named(paperInks, func(i string, fg Col) { add(i+" on "+p, fg, bg, minText) })
	})
	add("ink on the telegram's band", t.Ink, t.TelegramBand, minText)
	add("soft ink on the telegram's band", t.InkSoft, t.TelegramBand, minText)
	add("soft ink on a locked reply", t.InkSoft, lockedCard, minText)
	add("number badge of a locked reply", t.InkSoft, lockedCard, minNonText)
	add("ink on the primary button", t.Ink, t.Brass, minText)
	add("ink on the primary button under the pointer", t.Ink, t.PrimaryHover, minText)
	for i, c := range t.Characters {
		add("default character colour "+strconv.Itoa(i+1)+" as a name on a letter", c, t.Letter, minText)
	}

	darks := map[string]Col{"desk": t.Desk, "dark desk": t.DeskDark, "ribbon": t.Ribbon, "panel": t.Panel, "notice": t.Notice}
	darkInks := map[string]Col{"ivory": t.Ivory, "dim ivory": t.IvoryDim, "brass": t.Brass}
	named(darks, func(d string, bg Col) {
		named(darkInks, func(i string, fg Col) { add(i+" on the "+d, fg, bg, minText) })
	})
	add("ivory on an ink badge", t.Ivory, t.Ink, minText)
	add("a meter going up, on the panel", t.Up, t.Panel, minText)
	add("a meter going down, on the panel", t.Down, t.Panel, minText)
	add("the -watch overlay's text", t.OverlayText, t.Ink, minText)
	add("the -watch overlay's errors", t.OverlayError, t.Ink, minText)
	add("the -watch overlay's warnings", t.OverlayWarning, t.Ink, minText)
	add("a dialog's text over the dimmed screen", t.Ivory, t.Panel, minText)

	// Non-text: rings, frames, bars and lines against what is next to them.
	add("the focus ring's outer line on the desk", t.FocusOuter, t.Desk, minNonText)
	add("the focus ring's outer line on the panel", t.FocusOuter, t.Panel, minNonText)
	add("the focus ring's inner line on a paper", t.FocusInner, t.Letter, minNonText)
	add("the focus ring's inner line against a card", t.FocusInner, t.Card, minNonText)
	add("the focus ring's inner line against the primary button", t.FocusInner, t.Brass, minNonText)
	add("the focus ring of a list's card on the desk", t.Brass, t.Desk, minNonText)
	add("the hover frame against a card under the pointer", t.HoverEdge, t.CardHover, minNonText)
	add("the hover frame against the primary button under the pointer", t.HoverEdge, t.PrimaryHover, minNonText)
	add("the hover frame on a paper", t.HoverEdge, t.Letter, minNonText)
	add("the hover frame against a card's usual fill", t.HoverEdge, t.Card, minNonText)
	add("the hover frame against the primary button's usual fill", t.HoverEdge, t.Brass, minNonText)
	add("ink on a button under the pointer", t.Ink, t.CardHover, minText)
	add("the hover ring on the desk", t.HoverRing, t.Desk, minNonText)
	add("the hover ring on the panel", t.HoverRing, t.Panel, minNonText)
	add("a button's edge against its card", t.BrassDim, t.Card, minNonText)
	add("a card's edge on the desk", t.BrassDim, t.Desk, minNonText)
	add("the primary button's edge", t.PrimaryEdge, t.Letter, minNonText)
	add("a locked reply's edge", t.InkFaint, t.Locked, minNonText)
	add("a warning's mark on the meeting paper", t.WarningMark, t.Meeting, minNonText)
	add("an error's mark on the meeting paper", t.Red, t.Meeting, minNonText)
	track := Col{0, 0, 0, 0.35}.Over(t.Panel)
	for i, c := range t.Meters {
		n := strconv.Itoa(i + 1)
		add("meter bar "+n+" on the panel", c, t.Panel, minNonText)
		add("meter bar "+n+" on its track", c, track, minNonText)
	}
	for i, c := range t.ChartLines {
		n := strconv.Itoa(i + 1)
		add("chart line "+n+" on the card", c, t.Card, minNonText)
		add("chart label "+n+" on the card", readableOn(c, t.Card, t.Ink), t.Card, minText)
	}
	return out
}

func sortedKeys(m map[string]Col) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func parseHex(s string) (Col, bool) {
	s = strings.TrimPrefix(s, "#")
	if len(s) != 6 {
		return Col{}, false
	}
	v, err := strconv.ParseUint(s, 16, 32)
	if err != nil {
		return Col{}, false
	}
	return hex(uint32(v)), true
}
