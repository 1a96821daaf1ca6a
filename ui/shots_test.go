//go:build !js

package ui

import (
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
)

// shotSizes are the window sizes every screen is looked at in: the common
// landscape ones and a portrait tablet.
var shotSizes = [][2]int{{1024, 768}, {1280, 720}, {1920, 1080}, {768, 1024}}

// shotsAt writes the current scene at each size into $BIGTHREE_SHOT_DIR
// (nothing when it is unset); prepare runs after each layout.
func (d *driver) shotsAt(t *testing.T, name string, sizes [][2]int, prepare func(a *App)) {
	t.Helper()
	dir := os.Getenv("BIGTHREE_SHOT_DIR")
	if dir == "" {
		return
	}
	var problem error
	d.fn <- func() {
		a := d.g.a
		w, h := a.W/a.DPR, a.H/a.DPR
		for _, size := range sizes {
			d.g.LayoutF(float64(size[0]), float64(size[1]))
			a.scene.Layout(a)
			a.laidGen = a.Gen
			if prepare != nil {
				prepare(a)
			}
			img := ebiten.NewImage(size[0], size[1])
			a.scene.Draw(a, img)
			rgba := image.NewRGBA(img.Bounds())
			img.ReadPixels(rgba.Pix)
			img.Deallocate()
			f, err := os.Create(filepath.Join(dir, fmt.Sprintf("%s-%dx%d.png", name, size[0], size[1])))
			if err == nil {
				err = png.Encode(f, rgba)
				f.Close()
			}
			if err != nil && problem == nil {
				problem = err
			}
		}
		d.g.LayoutF(w, h)
		a.scene.Layout(a)
	}
	d.tick(Intent{})
	if problem != nil {
		t.Fatal(problem)
	}
}

// playHistoryUntil makes the historical reply (or Continue) on the game's
// thread until the document with the given id is on the desk.
func playHistoryUntil(t *testing.T, d *driver, id string) {
	t.Helper()
	ok := false
	d.onGame(func() {
		run := d.g.a.Play.Run
		s := d.g.a.Play.S
		for range 400 {
			ev := run.Event()
			if ev < 0 {
				return
			}
			if s.Events[ev].ID == id {
				ok = true
				break
			}
			opts := run.Options(nil)
			pick := -1
			for _, o := range opts {
				if o.Historical && !o.Locked {
					pick = o.Index
				}
			}
			if pick < 0 {
				for _, o := range opts {
					if !o.Locked {
						pick = o.Index
						break
					}
				}
			}
			if err := run.ChooseIndex(pick); err != nil {
				t.Error(err)
				return
			}
		}
		d.g.a.GoTo(newDeskScene())
	})
	if !ok {
		t.Fatalf("the document %q was not reached", id)
	}
	d.waitScene(t, "desk")
}

// TestScreenShots writes the screens this branch lays out, at every size,
// into $BIGTHREE_SHOT_DIR, for a person to look at; it checks nothing
// without it.
func TestScreenShots(t *testing.T) {
	if os.Getenv("BIGTHREE_SHOT_DIR") == "" {
		t.Skip("BIGTHREE_SHOT_DIR is not set")
	}
	d := theDriver
	freshData(t)
	d.restart(t, Options{})
	openScenarioList(t, d)
	d.shotsAt(t, "scenarios", shotSizes, nil)
	// The pointer over the second card: it alone is lit (hover, not focus).
	hoverCard := func(a *App) {
		ts := a.scene.(*titleScene)
		r := ts.col.Items[1].R
		a.In = Intent{Pointer: Pointer{X: r.X + r.W/2, Y: r.Y + r.H/2, Moved: true}}
		ts.Update(a)
		a.In = Intent{}
	}
	d.shotsAt(t, "scenarios-hover", shotSizes, hoverCard)
	d.onGame(func() { d.g.a.Settings.HighContrast = true; d.g.a.applyTheme() })
	d.shotsAt(t, "scenarios-hover-hc", shotSizes, hoverCard)
	d.onGame(func() { d.g.a.Settings.HighContrast = false; d.g.a.applyTheme() })
	d.press(Intent{Choose: 1})
	d.waitScene(t, "desk")
	d.shotsAt(t, "desk-first", shotSizes, nil)
	d.press(Intent{Activate: true})
	d.waitScene(t, "after")
	d.shotsAt(t, "after-news", shotSizes, nil)
	playHistoryUntil(t, d, "tehran")
	d.shotsAt(t, "desk-tehran", shotSizes, nil)
	d.onGame(func() { d.g.a.Settings.TextSize = 3; d.g.a.relayout() })
	d.shotsAt(t, "desk-tehran-xl", shotSizes, nil)
	d.shotsAt(t, "desk-tehran-xl-reply4", shotSizes, func(a *App) {
		ds := a.scene.(*deskScene)
		ds.col.Focus = 3
		r := ds.crects[3]
		ds.sideS.Reveal(r.Y-ds.pane.Y, r.Bottom()-ds.pane.Y)
		ds.sideS.Step(true)
		ds.placeCards()
	})
	d.onGame(func() { d.g.a.Settings.TextSize = 1; d.g.a.relayout() })
	d.press(Intent{Choose: 3})
	d.waitScene(t, "after")
	d.shotsAt(t, "after-tehran", shotSizes, nil)
	d.press(Intent{Back: true})
	d.waitScene(t, "menu")
	d.press(Intent{Move: 1})
	d.press(Intent{Activate: true})
	d.waitScene(t, "settings")
	d.shotsAt(t, "settings", shotSizes, nil)
}
