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
