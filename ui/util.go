package ui

import (
	"image"
	"math"
	"strconv"

	"github.com/hajimehoshi/ebiten/v2"

	"bigthree/assets"
	"bigthree/internal/layout"
)

func itoa(n int) string { return strconv.Itoa(n) }

// irect converts a layout rectangle to whole pixels (outwards).
func irect(r layout.Rect) image.Rectangle {
	return image.Rect(int(math.Floor(r.X)), int(math.Floor(r.Y)), int(math.Ceil(r.Right())), int(math.Ceil(r.Bottom())))
}

// clipper keeps a sub-image of the screen for drawing clipped to a pane, so
// that a frame does not allocate a new one. It is remade only when the
// screen image or the pane changes.
type clipper struct {
	dst *ebiten.Image
	r   image.Rectangle
	sub *ebiten.Image
}

func (c *clipper) get(dst *ebiten.Image, r layout.Rect) *ebiten.Image {
	ir := irect(r).Intersect(dst.Bounds())
	if c.sub == nil || c.dst != dst || c.r != ir {
		c.dst, c.r = dst, ir
		c.sub = dst.SubImage(ir).(*ebiten.Image)
	}
	return c.sub
}

// emblemImage draws a seal that belongs to no character (the title page's).
func emblemImage(a *App, kind string, col Col, size int) *ebiten.Image {
	return assets.Emblem(kind, size, col.RGBA(), "", a.src.Bold)
}
