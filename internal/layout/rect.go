// Package layout holds the pure geometry of bigthree's screens: rectangles
// and hit-testing, word wrapping and text flows, scrolling, transitions and
// the scaling of the timeline ribbon and the debrief chart.
//
// Nothing here imports ebiten, so every rule of the screen layout is tested
// without a display; the game passes text/v2's measurements in through small
// interfaces and function values.
package layout

// Rect is an axis-aligned rectangle in screen pixels.
type Rect struct {
	X, Y, W, H float64
}

// R returns the rectangle at (x, y) of size w×h.
func R(x, y, w, h float64) Rect { return Rect{x, y, w, h} }

// Right returns the x just past the rectangle.
func (r Rect) Right() float64 { return r.X + r.W }

// Bottom returns the y just past the rectangle.
func (r Rect) Bottom() float64 { return r.Y + r.H }

// Contains reports whether the point lies inside the rectangle (edges at the
// right and bottom excluded, so neighbouring rectangles never both claim it).
func (r Rect) Contains(x, y float64) bool {
	return x >= r.X && x < r.X+r.W && y >= r.Y && y < r.Y+r.H
}

// Empty reports whether the rectangle has no area.
func (r Rect) Empty() bool { return r.W <= 0 || r.H <= 0 }

// Inset shrinks the rectangle by d on every side (never below zero size).
func (r Rect) Inset(d float64) Rect { return r.InsetXY(d, d) }

// InsetXY shrinks the rectangle by dx left and right and dy top and bottom.
func (r Rect) InsetXY(dx, dy float64) Rect {
	r.X += dx
	r.Y += dy
	r.W = max(0, r.W-2*dx)
	r.H = max(0, r.H-2*dy)
	return r
}

// Offset moves the rectangle by (dx, dy).
func (r Rect) Offset(dx, dy float64) Rect {
	r.X += dx
	r.Y += dy
	return r
}

// CutTop splits off a band of height h at the top; the rest lies below it
// after a gap.
func (r Rect) CutTop(h, gap float64) (top, rest Rect) {
	h = min(max(h, 0), r.H)
	top = Rect{r.X, r.Y, r.W, h}
	g := min(gap, r.H-h)
	rest = Rect{r.X, r.Y + h + g, r.W, r.H - h - g}
	return top, rest
}

// CutBottom splits off a band of height h at the bottom.
func (r Rect) CutBottom(h, gap float64) (bottom, rest Rect) {
	h = min(max(h, 0), r.H)
	g := min(gap, r.H-h)
	bottom = Rect{r.X, r.Bottom() - h, r.W, h}
	rest = Rect{r.X, r.Y, r.W, r.H - h - g}
	return bottom, rest
}

// CutLeft splits off a band of width w at the left.
func (r Rect) CutLeft(w, gap float64) (left, rest Rect) {
	w = min(max(w, 0), r.W)
	left = Rect{r.X, r.Y, w, r.H}
	g := min(gap, r.W-w)
	rest = Rect{r.X + w + g, r.Y, r.W - w - g, r.H}
	return left, rest
}

// CutRight splits off a band of width w at the right.
func (r Rect) CutRight(w, gap float64) (right, rest Rect) {
	w = min(max(w, 0), r.W)
	g := min(gap, r.W-w)
	right = Rect{r.Right() - w, r.Y, w, r.H}
	rest = Rect{r.X, r.Y, r.W - w - g, r.H}
	return right, rest
}

// Intersect returns the overlap of two rectangles (empty when they do not meet).
func (r Rect) Intersect(o Rect) Rect {
	x0, y0 := max(r.X, o.X), max(r.Y, o.Y)
	x1, y1 := min(r.Right(), o.Right()), min(r.Bottom(), o.Bottom())
	if x1 <= x0 || y1 <= y0 {
		return Rect{x0, y0, 0, 0}
	}
	return Rect{x0, y0, x1 - x0, y1 - y0}
}

// Centered returns a w×h rectangle centred in r.
func (r Rect) Centered(w, h float64) Rect {
	return Rect{r.X + (r.W-w)/2, r.Y + (r.H-h)/2, w, h}
}

// Hit returns the index of the first rectangle that contains the point, or -1.
func Hit(rs []Rect, x, y float64) int {
	for i, r := range rs {
		if r.Contains(x, y) {
			return i
		}
	}
	return -1
}

// Column stacks rectangles of the given heights from (x, y) downwards, gap
// apart, each w wide, appending them to dst.
func Column(dst []Rect, x, y, w float64, heights []float64, gap float64) []Rect {
	dst = dst[:0]
	for _, h := range heights {
		dst = append(dst, Rect{x, y, w, h})
		y += h + gap
	}
	return dst
}

// Row divides r into n equal rectangles side by side, gap apart.
func Row(dst []Rect, r Rect, n int, gap float64) []Rect {
	dst = dst[:0]
	if n <= 0 {
		return dst
	}
	w := (r.W - gap*float64(n-1)) / float64(n)
	for i := range n {
		dst = append(dst, Rect{r.X + float64(i)*(w+gap), r.Y, w, r.H})
	}
	return dst
}

// Cycle moves index i by d within [0, n), wrapping around; with n == 0 it
// returns -1.
func Cycle(i, d, n int) int {
	if n <= 0 {
		return -1
	}
	i = (i + d) % n
	if i < 0 {
		i += n
	}
	return i
}

// Clamp limits v to [lo, hi] (lo wins when hi < lo).
func Clamp(v, lo, hi float64) float64 {
	if v > hi {
		v = hi
	}
	if v < lo {
		v = lo
	}
	return v
}
