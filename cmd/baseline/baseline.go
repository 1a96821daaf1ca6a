package main

import (
	"bytes"
	"image/color"
	"runtime"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"golang.org/x/image/font/gofont/goregular"
)

var (
	paper = color.RGBA{0xf2, 0xe8, 0xd5, 0xff}
	ink   = color.RGBA{0x2b, 0x21, 0x18, 0xff}
)

// state is what the BIGTHREE_STATE hook reports, with the field names of the game's contract.
type state struct {
	Scene             string         `json:"scene"`
	Scenario          string         `json:"scenario"`
	Event             string         `json:"event"`
	Meters            map[string]int `json:"meters"`
	Ending            string         `json:"ending"`
	Ticks             int64          `json:"ticks"`
	Frames            int64          `json:"frames"`
	Presses           int64          `json:"presses"`
	Clicks            int64          `json:"clicks"`
	Bench             string         `json:"bench"`
	HeapAllocPerFrame uint64         `json:"heap_alloc_per_frame"`
}

// hook publishes the state: a file on the desktop, window.bigthree.state() in the browser.
type hook interface {
	publish(st *state, changed bool)
}

// baseline draws its one line again only when something changed: after a resize, and every
// tick in the "scroll" bench mode, where the line moves down and back up the screen.
type baseline struct {
	face     *text.GoTextFace
	st       state
	hook     hook
	dirty    bool
	offset   float64
	step     float64
	w, h     int
	mem      runtime.MemStats
	lastHeap uint64
	lastFrm  int64
}

func newBaseline(bench string, h hook) *baseline {
	src, err := text.NewGoTextFaceSource(bytes.NewReader(goregular.TTF))
	if err != nil {
		panic(err) // embedded font: cannot fail
	}
	return &baseline{
		face:  &text.GoTextFace{Source: src, Size: 24},
		st:    state{Scene: "baseline", Meters: map[string]int{}, Bench: bench},
		hook:  h,
		dirty: true,
		step:  1,
	}
}

func (b *baseline) Update() error {
	b.st.Ticks++
	changed := false
	var keys [8]ebiten.Key
	if n := len(inpututil.AppendJustPressedKeys(keys[:0])); n > 0 {
		b.st.Presses += int64(n)
		changed = true
	}
	if inpututil.IsMouseButtonJustPressed(ebiten.MouseButtonLeft) {
		b.st.Clicks++
		changed = true
	}
	if b.st.Bench == "scroll" {
		b.offset += b.step
		if b.offset > float64(b.h)/2 || b.offset < 0 {
			b.step = -b.step
		}
		b.dirty = true
	}
	if b.st.Ticks%60 == 0 {
		b.measureHeap()
	}
	b.hook.publish(&b.st, changed)
	return nil
}

// measureHeap sets HeapAllocPerFrame to the bytes allocated per rendered frame since the last call.
func (b *baseline) measureHeap() {
	runtime.ReadMemStats(&b.mem)
	if f := b.st.Frames - b.lastFrm; f > 0 {
		b.st.HeapAllocPerFrame = (b.mem.TotalAlloc - b.lastHeap) / uint64(f)
	} else {
		b.st.HeapAllocPerFrame = 0
	}
	b.lastHeap, b.lastFrm = b.mem.TotalAlloc, b.st.Frames
}

func (b *baseline) Draw(screen *ebiten.Image) {
	if !b.dirty {
		return
	}
	b.dirty = false
	b.st.Frames++
	screen.Fill(paper)
	op := &text.DrawOptions{}
	op.GeoM.Translate(48, 48+b.offset)
	op.ColorScale.ScaleWithColor(ink)
	text.Draw(screen, "The Big Three: baseline", b.face, op)
}

func (b *baseline) Layout(outsideWidth, outsideHeight int) (int, int) {
	scale := ebiten.Monitor().DeviceScaleFactor()
	w, h := int(float64(outsideWidth)*scale), int(float64(outsideHeight)*scale)
	if w != b.w || h != b.h {
		b.w, b.h, b.dirty = w, h, true
	}
	return w, h
}
