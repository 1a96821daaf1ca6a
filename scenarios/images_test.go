package scenarios_test

import (
	"bytes"
	"flag"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"testing"

	"bigthree/scenarios"
)

var updateImages = flag.Bool("update-images", false, "write the example scenario's pictures under images/example")

// The example scenario's pictures are drawn here, so that they are made in
// this repository and stay small: a portrait in three moods and a sketch map.
func examplePictures() map[string]image.Image {
	red := color.NRGBA{0xa0, 0x20, 0x2a, 0xff}
	return map[string]image.Image{
		"images/example/stalin.png":            face(red, 0),
		"images/example/stalin-pleased.png":    face(red, 1),
		"images/example/stalin-displeased.png": face(red, -1),
		"images/example/front-1941.png":        sketchMap(),
	}
}

// face draws a stylised head and shoulders; smile bends the mouth up (1),
// down (-1) or not (0).
func face(coat color.NRGBA, smile float64) image.Image {
	const w, h = 96, 120
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	paper := color.NRGBA{0xee, 0xe4, 0xcf, 0xff}
	skin := color.NRGBA{0xd9, 0xb8, 0x94, 0xff}
	ink := color.NRGBA{0x3a, 0x2e, 0x24, 0xff}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			fx, fy := float64(x), float64(y)
			c := paper
			if fy > 88 && math.Hypot((fx-48)/46, (fy-124)/36) < 1 {
				c = coat
			}
			if math.Hypot((fx-48)/25, (fy-52)/31) < 1 {
				c = skin
			}
			if fy < 36 && math.Hypot((fx-48)/26, (fy-42)/24) < 1 && math.Hypot((fx-48)/22, (fy-48)/22) > 1 {
				c = ink // hair
			}
			if math.Hypot(fx-38, fy-50) < 3 || math.Hypot(fx-58, fy-50) < 3 {
				c = ink // eyes
			}
			if fy > 60 && fy < 64 && fx > 36 && fx < 60 {
				c = ink // moustache
			}
			// The mouth: a parabola bent by the mood.
			mx := (fx - 48) / 10
			if math.Abs(mx) < 1 && math.Abs(fy-(71+smile*3*(1-mx*mx)-smile*1.5)) < 1.2 {
				c = ink
			}
			img.SetNRGBA(x, y, c)
		}
	}
	return img
}

// sketchMap draws three arrows pointing east across a pale field: the
// German advance of June 1941 as a sketch, not a map to read distances on.
func sketchMap() image.Image {
	const w, h = 240, 140
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	field := color.NRGBA{0xe6, 0xdc, 0xc0, 0xff}
	border := color.NRGBA{0x6b, 0x5a, 0x3e, 0xff}
	arrow := color.NRGBA{0x40, 0x40, 0x48, 0xff}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := field
			if x == 60 || x == 61 {
				if (y/6)%2 == 0 {
					c = border // the frontier, dashed
				}
			}
			for _, ay := range []int{30, 70, 110} {
				end := 200
				if x >= 50 && x < end-16 && y >= ay-3 && y <= ay+3 {
					c = arrow
				}
				if x >= end-16 && x < end && abs(y-ay) <= (end-x) {
					c = arrow
				}
			}
			img.SetNRGBA(x, y, c)
		}
	}
	return img
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// The pictures the example names are the ones drawn above, byte for byte:
// run with -update-images after changing the drawing.
func TestExamplePictures(t *testing.T) {
	for name, img := range examplePictures() {
		var b bytes.Buffer
		enc := png.Encoder{CompressionLevel: png.BestCompression}
		if err := enc.Encode(&b, img); err != nil {
			t.Fatal(err)
		}
		if *updateImages {
			if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(name, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(name)
		if err != nil {
			t.Fatalf("%v (run go test ./scenarios -run TestExamplePictures -update-images)", err)
		}
		if !bytes.Equal(got, b.Bytes()) {
			t.Errorf("%s differs from its drawing: run with -update-images", name)
		}
		if len(got) > 8<<10 {
			t.Errorf("%s is %d bytes: keep the example's pictures small", name, len(got))
		}
		if _, err := scenarios.FS.Open(name); err != nil {
			t.Errorf("%s is not embedded: %v", name, err)
		}
	}
}
