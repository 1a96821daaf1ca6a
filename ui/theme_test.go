//go:build !js

package ui

import (
	"fmt"
	"strings"
	"testing"
)

// TestThemeContrast holds every colour pair of every theme (Theme.pairs:
// each text colour on each surface it is drawn on, focus rings, hover
// frames, meter bars and chart lines beside what surrounds them) to WCAG
// 2.2 AA: 4.5:1 for text, 3:1 for the rest. It prints the lowest ratio of
// each theme.
func TestThemeContrast(t *testing.T) {
	for _, th := range themes {
		pairs := th.pairs()
		if len(pairs) < 100 {
			t.Errorf("%s: only %d pairs: the list lost its surfaces", th.Name, len(pairs))
		}
		// The lowest ratio among texts and among the rest.
		low := map[bool]float64{true: 99, false: 99}
		lowWhat := map[bool]string{}
		var bad []string
		for _, p := range pairs {
			r := Contrast(p.Fg, p.Bg)
			text := p.Min == minText
			if r < low[text] {
				low[text], lowWhat[text] = r, p.What
			}
			if r < p.Min {
				bad = append(bad, fmt.Sprintf("%s: %.2f:1, needs %.1f:1 (%s on %s)", p.What, r, p.Min, hexOf(p.Fg), hexOf(p.Bg)))
			}
		}
		if len(bad) > 0 {
			t.Errorf("theme %s: %d pairs below the WCAG minimum:\n%s", th.Name, len(bad), strings.Join(bad, "\n"))
		}
		t.Logf("theme %s: %d pairs; lowest text %.2f:1 (%s); lowest other %.2f:1 (%s)", th.Name, len(pairs), low[true], lowWhat[true], low[false], lowWhat[false])
	}
}

// TestContrastFormula checks the ratio against WCAG's own examples.
func TestContrastFormula(t *testing.T) {
	for _, c := range []struct {
		a, b uint32
		want float64
	}{{0x000000, 0xffffff, 21}, {0xffffff, 0xffffff, 1}, {0x777777, 0xffffff, 4.48}, {0x767676, 0xffffff, 4.54}} {
		if got := Contrast(hex(c.a), hex(c.b)); got < c.want-0.01 || got > c.want+0.01 {
			t.Errorf("Contrast(%06x, %06x) = %.3f, want %.2f", c.a, c.b, got, c.want)
		}
	}
}

// TestReadableOn darkens an unreadable scenario colour until it reads.
func TestReadableOn(t *testing.T) {
	for _, th := range themes {
		for _, c := range []uint32{0xffff00, 0xffffff, 0x88ccff, 0x000000, 0xe0a000} {
			got := readableOn(hex(c), th.Letter, th.Ink)
			if r := Contrast(got, th.Letter); r < minText {
				t.Errorf("%s: readableOn(%06x) = %s, %.2f:1 on the letter", th.Name, c, hexOf(got), r)
			}
		}
	}
}

func hexOf(c Col) string {
	rgba := c.RGBA()
	return fmt.Sprintf("#%02x%02x%02x", rgba.R, rgba.G, rgba.B)
}

// TestHoverContrast holds the pointer's highlight to what WCAG 1.4.11 asks
// of a state: in every theme, a button or card under the pointer keeps its
// text readable (4.5:1 on the hover fill) and shows the change with marks of
// 3:1 against what is next to them (the heavy frame against the hover fill
// and the usual fill, the ring outside it against the desk and the panel),
// and its fill is not the usual one (the fill alone is not the cue).
func TestHoverContrast(t *testing.T) {
	for _, th := range themes {
		check := func(what string, fg, bg Col, min float64) {
			t.Helper()
			if r := Contrast(fg, bg); r < min {
				t.Errorf("%s: %s: %.2f:1, needs %.1f:1 (%s on %s)", th.Name, what, r, min, hexOf(fg), hexOf(bg))
			}
		}
		for _, ink := range []struct {
			what string
			c    Col
		}{{"ink", th.Ink}, {"soft ink", th.InkSoft}, {"faint ink", th.InkFaint}, {"red", th.Red}} {
			check(ink.what+" on a card under the pointer", ink.c, th.CardHover, minText)
		}
		check("ink on the primary button under the pointer", th.Ink, th.PrimaryHover, minText)
		for _, bg := range []struct {
			what string
			c    Col
		}{{"the hover fill", th.CardHover}, {"the usual fill", th.Card}, {"the primary hover fill", th.PrimaryHover}, {"the primary fill", th.Brass}} {
			check("the hover frame against "+bg.what, th.HoverEdge, bg.c, minNonText)
		}
		check("the hover ring on the desk", th.HoverRing, th.Desk, minNonText)
		check("the hover ring on the dark desk", th.HoverRing, th.DeskDark, minNonText)
		check("the hover ring on the panel", th.HoverRing, th.Panel, minNonText)
		if th.CardHover == th.Card || th.PrimaryHover == th.Brass {
			t.Errorf("%s: the hover fill is the usual fill", th.Name)
		}
	}
}
