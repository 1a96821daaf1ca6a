//go:build !js

package ui

import (
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"
)

// shooter writes the exact frame to a PNG when F9 is pressed and
// $BIGTHREE_SHOT_DIR names a folder: a developer's tool for looking at the
// screens under Xvfb.
type shooter struct {
	dir  string
	want bool
	n    int
}

func (s *shooter) init() { s.dir = os.Getenv("BIGTHREE_SHOT_DIR") }

func (s *shooter) update(a *App) {
	if s.dir != "" && inpututil.IsKeyJustPressed(ebiten.KeyF9) {
		s.want = true
		a.Redraw()
	}
}

func (s *shooter) draw(a *App, screen *ebiten.Image) {
	if !s.want {
		return
	}
	s.want = false
	b := screen.Bounds()
	img := image.NewRGBA(b)
	screen.ReadPixels(img.Pix)
	s.n++
	name := filepath.Join(s.dir, fmt.Sprintf("%03d-%s-%dx%d.png", s.n, a.scene.Name(), b.Dx(), b.Dy()))
	f, err := os.Create(name)
	if err != nil {
		a.addMessage("Screenshot failed: " + err.Error())
		return
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		a.addMessage("Screenshot failed: " + err.Error())
	}
}
