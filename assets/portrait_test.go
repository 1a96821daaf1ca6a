package assets

import (
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// TestGenericPortraitMoods checks that the three moods differ and that the
// character's colour tints the portrait. With BIGTHREE_PORTRAITS set to a
// folder, it writes the portraits there to look at.
func TestGenericPortraitMoods(t *testing.T) {
	red := color.RGBA{0xa0, 0x20, 0x2a, 0xff}
	blue := color.RGBA{0x20, 0x40, 0xa0, 0xff}
	var imgs []*image.RGBA
	for _, m := range []Mood{Neutral, Pleased, Displeased} {
		img := GenericPortrait(red, m)
		if b := img.Bounds(); b.Dx() != PortraitW || b.Dy() != PortraitH {
			t.Fatalf("portrait is %v", b)
		}
		imgs = append(imgs, img)
	}
	differs := func(a, b *image.RGBA) bool { return string(a.Pix) != string(b.Pix) }
	if !differs(imgs[0], imgs[1]) || !differs(imgs[0], imgs[2]) || !differs(imgs[1], imgs[2]) {
		t.Error("two moods draw the same portrait")
	}
	if !differs(imgs[0], GenericPortrait(blue, Neutral)) {
		t.Error("the colour does not tint the portrait")
	}
	if c := imgs[0].RGBAAt(128, 142); c.R <= c.B {
		t.Errorf("the red character's face is not red: %v", c)
	}
	if dir := os.Getenv("BIGTHREE_PORTRAITS"); dir != "" {
		for i, img := range append(imgs, GenericPortrait(blue, Neutral)) {
			f, err := os.Create(filepath.Join(dir, "generic-"+string(rune('0'+i))+".png"))
			if err != nil {
				t.Fatal(err)
			}
			png.Encode(f, img)
			f.Close()
		}
	}
}
