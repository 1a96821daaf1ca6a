package layout

import "sort"

// Align is the horizontal alignment of a block's lines.
type Align uint8

// The alignments.
const (
	Left Align = iota
	Center
	Right
)

// Fonts measures text in the styles a flow uses; the game backs it with
// text/v2 faces, tests with fixed-width fakes.
type Fonts interface {
	Measure(style int, s string) float64
	LineHeight(style int) float64
}

// Block is one paragraph of a flow, or a box of fixed height that the caller
// draws itself (a chart, a row of emblems, a rule).
type Block struct {
	Style  int
	Text   string
	Align  Align
	Indent float64 // left inset
	Inset  float64 // right inset
	Space  float64 // vertical space before the block
	// Box, when non-zero, makes the block a box Height tall instead of text;
	// the value identifies it to the caller.
	Box    int
	Height float64
	// Tag is the caller's own number, copied to the block's lines and boxes.
	Tag int
}

// Line is one wrapped line of a flow, positioned relative to the flow's top left.
type Line struct {
	Text       string
	Style      int
	Tag        int
	Block      int
	X, Y, W, H float64 // Y is the top of the line box; W the text's width
}

// Box is the rectangle given to a box block.
type Box struct {
	Box   int
	Tag   int
	Block int
	R     Rect
}

// Flow is laid-out text: lines and boxes from top to bottom. It keeps its
// slices between layouts, so laying out again at a new width does not allocate
// once the flow has grown to size.
type Flow struct {
	Lines  []Line
	Boxes  []Box
	Height float64
	Width  float64
	wrap   []string
}

// Layout lays the blocks out in the given width.
func (f *Flow) Layout(blocks []Block, width float64, fonts Fonts) {
	f.Lines = f.Lines[:0]
	f.Boxes = f.Boxes[:0]
	f.Width = width
	y := 0.0
	for bi := range blocks {
		b := &blocks[bi]
		y += b.Space
		if b.Box != 0 {
			f.Boxes = append(f.Boxes, Box{Box: b.Box, Tag: b.Tag, Block: bi, R: Rect{b.Indent, y, max(0, width-b.Indent-b.Inset), b.Height}})
			y += b.Height
			continue
		}
		w := max(1, width-b.Indent-b.Inset)
		lh := fonts.LineHeight(b.Style)
		measure := func(s string) float64 { return fonts.Measure(b.Style, s) }
		f.wrap = Wrap(f.wrap[:0], b.Text, w, measure)
		for _, s := range f.wrap {
			lw := measure(s)
			x := b.Indent
			switch b.Align {
			case Center:
				x += (w - lw) / 2
			case Right:
				x += w - lw
			}
			f.Lines = append(f.Lines, Line{Text: s, Style: b.Style, Tag: b.Tag, Block: bi, X: x, Y: y, W: lw, H: lh})
			y += lh
		}
	}
	f.Height = y
}

// Visible returns the range [i, j) of lines that overlap the band [top, bottom).
func (f *Flow) Visible(top, bottom float64) (i, j int) {
	i = sort.Search(len(f.Lines), func(k int) bool { return f.Lines[k].Y+f.Lines[k].H > top })
	j = sort.Search(len(f.Lines), func(k int) bool { return f.Lines[k].Y >= bottom })
	if j < i {
		j = i
	}
	return i, j
}

// BlockTop returns the y of the first line or box of block bi, or -1.
func (f *Flow) BlockTop(bi int) float64 {
	for _, l := range f.Lines {
		if l.Block == bi {
			return l.Y
		}
	}
	for _, b := range f.Boxes {
		if b.Block == bi {
			return b.R.Y
		}
	}
	return -1
}

// AppendParagraphs appends one block per paragraph (see story.Paragraphs),
// the first with space first before it and the others with space between.
func AppendParagraphs(dst []Block, paragraphs []string, style int, first, between float64) []Block {
	for i, p := range paragraphs {
		sp := between
		if i == 0 {
			sp = first
		}
		dst = append(dst, Block{Style: style, Text: p, Space: sp})
	}
	return dst
}
