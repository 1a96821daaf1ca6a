package layout

import "math"

// Scroll is the state of a scrolling pane: how far down its content is shown.
// Pos is what is drawn; Target is where wheel and keys asked to go, and Step
// glides Pos there a little each tick (or at once with reduced motion).
type Scroll struct {
	Pos, Target   float64
	Content, View float64
}

// Resize sets the heights of the content and of the visible band, keeping
// the position within bounds.
func (s *Scroll) Resize(content, view float64) {
	s.Content, s.View = content, view
	s.Pos = Clamp(s.Pos, 0, s.Max())
	s.Target = Clamp(s.Target, 0, s.Max())
}

// Max returns the largest position: the content's end at the band's bottom.
func (s *Scroll) Max() float64 { return max(0, s.Content-s.View) }

// Scrollable reports whether the content is taller than the band.
func (s *Scroll) Scrollable() bool { return s.Content > s.View+0.5 }

// By asks to scroll by d pixels (positive is down).
func (s *Scroll) By(d float64) { s.Target = Clamp(s.Target+d, 0, s.Max()) }

// To asks to scroll to position p.
func (s *Scroll) To(p float64) { s.Target = Clamp(p, 0, s.Max()) }

// Jump moves to position p at once.
func (s *Scroll) Jump(p float64) {
	s.Target = Clamp(p, 0, s.Max())
	s.Pos = s.Target
}

// Page returns the distance of one page: the band less one line of overlap.
func (s *Scroll) Page(line float64) float64 { return max(line, s.View-line) }

// Step moves Pos toward Target for one tick and reports whether Pos changed.
// It covers a third of the remaining distance per tick, so a wheel notch
// glides for about ten ticks; instant jumps straight there.
func (s *Scroll) Step(instant bool) bool {
	if s.Pos == s.Target {
		return false
	}
	d := s.Target - s.Pos
	if instant || math.Abs(d) < 0.5 {
		s.Pos = s.Target
		return true
	}
	s.Pos += d / 3
	return true
}

// Thumb returns the scroll bar's thumb inside the track, and false when the
// content fits and no bar is needed.
func (s *Scroll) Thumb(track Rect) (Rect, bool) {
	if !s.Scrollable() || track.H <= 0 {
		return Rect{}, false
	}
	h := max(track.H*s.View/s.Content, min(track.H, 24))
	y := track.Y + (track.H-h)*s.Pos/s.Max()
	return Rect{track.X, y, track.W, h}, true
}

// Reveal asks to scroll just enough that the band [top, bottom) of content is visible.
func (s *Scroll) Reveal(top, bottom float64) {
	switch {
	case top < s.Target:
		s.To(top)
	case bottom > s.Target+s.View:
		s.To(bottom - s.View)
	}
}
