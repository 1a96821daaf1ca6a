package assets

import (
	"image"
	"image/color"
	"image/draw"
	"math"
)

// Face describes a portrait drawn from parts, for a scenario's main
// characters: the generator under assets/portraits draws its cast with it.
type Face struct {
	Color     color.RGBA // the character's colour, tinting the ground
	Skin      color.RGBA
	Hair      color.RGBA
	Bald      bool    // hair only at the sides and back
	Wide      float32 // how much wider than the plain face (0 to 20)
	PinceNez  bool    // rimless eyeglasses clipped to the nose
	Holder    bool    // a long cigarette holder, tilted up
	Cigar     bool    // a thick cigar at the corner of the mouth
	BowTie    bool    // a spotted bow tie (else a necktie, or a tunic)
	Moustache bool    // a thick moustache
	Tunic     bool    // a plain high-collared tunic with buttons
	Coat      color.RGBA
}

// Portrait draws face f in mood as a PortraitW×PortraitH image. It is pure
// code, so the generator's output is the same on every machine.
func Portrait(f Face, mood Mood) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, PortraitW, PortraitH))
	ivory := color.RGBA{0xf6, 0xee, 0xdc, 0xff}
	draw.Draw(img, img.Bounds(), image.NewUniform(mixRGBA(ivory, f.Color, 0.22)), image.Point{}, draw.Src)
	p := newPen(img)
	p.ellipse(128, 160, 120, 152, mixRGBA(ivory, f.Color, 0.5))
	p.ellipse(128, 160, 113, 145, mixRGBA(ivory, f.Color, 0.12))
	ink := color.RGBA{0x2a, 0x20, 0x1a, 0xff}
	shade := darker(f.Skin, 0.82)
	// Coat or tunic.
	p.begin()
	p.z.MoveTo(22, 320)
	p.z.CubeTo(28, 248, 78, 228, 128, 226)
	p.z.CubeTo(178, 228, 228, 248, 234, 320)
	p.fill(f.Coat)
	if f.Tunic {
		p.begin()
		p.z.MoveTo(100, 222)
		p.z.LineTo(156, 222)
		p.z.LineTo(158, 248)
		p.z.LineTo(98, 248)
		p.fill(darker(f.Coat, 0.85))
		p.stroke(3, darker(f.Coat, 0.6), func(t float64) (float64, float64) { return 128, 248 + 72*t })
		for i := 0; i < 3; i++ {
			p.ellipse(138, float32(262+i*22), 4, 4, color.RGBA{0xc8, 0xa8, 0x50, 0xff})
		}
		p.stroke(2.5, darker(f.Coat, 0.6), func(t float64) (float64, float64) { return 60 + 36*t, 276 - 4*math.Sin(t*math.Pi) })
		p.stroke(2.5, darker(f.Coat, 0.6), func(t float64) (float64, float64) { return 160 + 36*t, 276 - 4*math.Sin(t*math.Pi) })
	} else {
		p.begin()
		p.z.MoveTo(100, 228)
		p.z.LineTo(128, 290)
		p.z.LineTo(156, 228)
		p.fill(ivory)
		if f.BowTie {
			p.begin()
			p.z.MoveTo(128, 242)
			p.z.LineTo(100, 228)
			p.z.LineTo(100, 258)
			p.fill(color.RGBA{0x1e, 0x2a, 0x5a, 0xff})
			p.begin()
			p.z.MoveTo(128, 242)
			p.z.LineTo(156, 228)
			p.z.LineTo(156, 258)
			p.fill(color.RGBA{0x1e, 0x2a, 0x5a, 0xff})
			p.ellipse(128, 243, 7, 8, color.RGBA{0x16, 0x20, 0x48, 0xff})
			for _, d := range [][2]float32{{108, 236}, {110, 250}, {118, 243}, {148, 236}, {146, 250}, {138, 243}} {
				p.ellipse(d[0], d[1], 2.5, 2.5, ivory)
			}
		} else {
			p.begin()
			p.z.MoveTo(122, 234)
			p.z.LineTo(134, 234)
			p.z.LineTo(138, 284)
			p.z.LineTo(128, 292)
			p.z.LineTo(118, 284)
			p.fill(darker(f.Color, 0.9))
		}
	}
	// Neck, ears and head.
	p.begin()
	p.z.MoveTo(106, 196)
	p.z.LineTo(150, 196)
	p.z.LineTo(150, 232)
	p.z.LineTo(106, 232)
	p.fill(shade)
	w := 56 + f.Wide
	p.ellipse(128-w, 146, 9, 15, shade)
	p.ellipse(128+w, 146, 9, 15, shade)
	p.ellipse(128, 140, w, 70, f.Skin)
	if f.Wide > 8 {
		// Jowls.
		p.ellipse(128-w+16, 180, 18, 20, f.Skin)
		p.ellipse(128+w-16, 180, 18, 20, f.Skin)
	}
	// Hair.
	if f.Bald {
		// Thin hair above the ears, hugging the head's edge.
		p.stroke(7, f.Hair, func(t float64) (float64, float64) {
			a := math.Pi*0.92 + t*0.28
			return 128 + float64(w-3)*math.Cos(a), 140 - 67*math.Sin(a)
		})
		p.stroke(7, f.Hair, func(t float64) (float64, float64) {
			a := math.Pi*0.08 - t*0.28
			return 128 + float64(w-3)*math.Cos(a), 140 - 67*math.Sin(a)
		})
		p.stroke(2, mixRGBA(f.Skin, f.Hair, 0.5), func(t float64) (float64, float64) { return 108 + 40*t, 82 - 6*math.Sin(t*math.Pi) })
	} else {
		p.begin()
		p.z.MoveTo(128-w-2, 128)
		p.z.CubeTo(128-w-6, 70, 100, 56, 128, 56)
		p.z.CubeTo(156, 56, 128+w+6, 70, 128+w+2, 128)
		p.z.CubeTo(128+w-8, 96, 150, 90, 128, 90)
		p.z.CubeTo(106, 90, 128-w+8, 96, 128-w-2, 128)
		p.fill(f.Hair)
		// Combed back: a few lighter strands.
		for i := 0; i < 4; i++ {
			x := 100 + float64(i)*18
			p.stroke(1.5, mixRGBA(f.Hair, ivory, 0.25), func(t float64) (float64, float64) { return x + 4*t, 64 + 20*t })
		}
	}
	// Brows by mood.
	brow, lift, mouth := 0.0, 0.0, 0.0
	switch mood {
	case Pleased:
		lift, mouth = 4, 8
	case Displeased:
		brow, mouth = 6, -7
	}
	browCol := darker(f.Hair, 0.9)
	p.stroke(5, browCol, func(t float64) (float64, float64) {
		return 92 + 26*t, 118 - lift - brow*(1-t) + brow*0.2 - 2*math.Sin(t*math.Pi)
	})
	p.stroke(5, browCol, func(t float64) (float64, float64) {
		return 138 + 26*t, 118 - lift - brow*t + brow*0.2 - 2*math.Sin(t*math.Pi)
	})
	// Eyes and nose.
	p.ellipse(106, 136, 6, 4.5, ink)
	p.ellipse(150, 136, 6, 4.5, ink)
	p.stroke(3, shade, func(t float64) (float64, float64) { return 128 + 6*t, 132 + 30*t })
	p.stroke(3, shade, func(t float64) (float64, float64) { return 134 - 12*t, 162 })
	if f.PinceNez {
		lens := color.RGBA{0x20, 0x20, 0x20, 0xff}
		for _, cx := range []float64{106, 150} {
			cx := cx
			p.stroke(2.5, lens, func(t float64) (float64, float64) {
				a := t * 2 * math.Pi
				return cx + 15*math.Cos(a), 137 + 12*math.Sin(a)
			})
		}
		p.stroke(2.5, lens, func(t float64) (float64, float64) { return 121 + 14*t, 134 - 3*math.Sin(t*math.Pi) })
		p.stroke(1.5, lens, func(t float64) (float64, float64) { return 91 - 20*t, 138 + 60*t })
	}
	// Mouth.
	mx0, mx1 := 110.0, 146.0
	p.stroke(3.5, darker(f.Skin, 0.55), func(t float64) (float64, float64) {
		return mx0 + (mx1-mx0)*t, 182 + mouth*math.Sin(t*math.Pi) - mouth*0.4
	})
	if f.Moustache {
		p.begin()
		p.z.MoveTo(102, 180)
		p.z.CubeTo(108, 162, 148, 162, 154, 180)
		p.z.CubeTo(146, 174, 140, 172, 128, 172)
		p.z.CubeTo(116, 172, 110, 174, 102, 180)
		p.fill(f.Hair)
		p.begin()
		p.z.MoveTo(100, 182)
		p.z.CubeTo(104, 164, 152, 164, 156, 182)
		p.z.CubeTo(150, 176, 106, 176, 100, 182)
		p.fill(f.Hair)
	}
	if f.Cigar {
		p.stroke(10, color.RGBA{0x6b, 0x44, 0x24, 0xff}, func(t float64) (float64, float64) { return 144 + 46*t, 184 + 10*t })
		p.stroke(3, color.RGBA{0xc8, 0xa0, 0x50, 0xff}, func(t float64) (float64, float64) { return 156, 184 + 8*t })
		p.ellipse(192, 194, 5, 5, color.RGBA{0x9a, 0x90, 0x88, 0xff})
	}
	if f.Holder {
		p.stroke(4, color.RGBA{0x22, 0x1a, 0x14, 0xff}, func(t float64) (float64, float64) { return 142 + 50*t, 182 - 40*t })
		p.stroke(6, ivory, func(t float64) (float64, float64) { return 192 + 16*t, 142 - 12*t })
		p.ellipse(209, 129, 3.5, 3.5, color.RGBA{0xd0, 0x50, 0x20, 0xff})
	}
	return img
}
