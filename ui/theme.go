package ui

import (
	"image/color"
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

// RGBA converts to a color.RGBA (for building images, not for per-frame drawing).
func (c Col) RGBA() color.RGBA {
	return color.RGBA{uint8(c.R*c.A*255 + 0.5), uint8(c.G*c.A*255 + 0.5), uint8(c.B*c.A*255 + 0.5), uint8(c.A*255 + 0.5)}
}

// The palette: a walnut desk, papers of several kinds, dark ink, a brass accent.
var (
	colDesk      = hex(0x2b1f17)
	colDeskDark  = hex(0x1a130e)
	colRibbon    = hex(0x17110d)
	colBrass     = hex(0xc9a45c)
	colBrassDim  = hex(0x8a7040)
	colIvory     = hex(0xf3ead5)
	colIvoryDim  = hex(0xcfc3a6)
	colInk       = hex(0x231a13)
	colInkSoft   = hex(0x5a4a3a)
	colInkFaint  = hex(0x8b7b68)
	colRed       = hex(0x9e2a22)
	colLetter    = hex(0xf4ecd8)
	colTelegram  = hex(0xeedfa9)
	colStrip     = hex(0xfbf7ea)
	colMeeting   = hex(0xf1efe8)
	colReport    = hex(0xe9d9b0)
	colNews      = hex(0xe6e1d2)
	colCard      = hex(0xf6efdf)
	colCardHover = hex(0xfff8e6)
	colLocked    = hex(0xb9b0a0)
	colPanel     = hex(0x3a2b20)
	colPanelEdge = hex(0x54402f)
)

// meterColors are the Okabe–Ito colours, safe for the common kinds of colour
// blindness; every meter also shows its number, so colour is never the only cue.
var meterColors = []Col{
	hex(0x0072b2), // blue
	hex(0xd55e00), // vermilion
	hex(0x009e73), // bluish green
	hex(0xcc79a7), // reddish purple
	hex(0xe69f00), // orange
	hex(0x56b4e9), // sky blue
	hex(0xf0e442), // yellow
	hex(0x000000), // black
}

func meterColor(i int) Col { return meterColors[i%len(meterColors)] }

// characterPalette gives characters without a colour of their own a
// consistent one, in the order they are listed.
var characterPalette = []Col{hex(0x5b4a8a), hex(0x7a5230), hex(0x2f6f7a), hex(0x8a3b5c), hex(0x4d6b2e), hex(0x6a6a6a)}

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
