// Command gen draws the campaign's portraits of its three main characters
// and writes them to scenarios/images/portraits/<id>-<mood>.png:
//
//	go run ./assets/portraits/gen
//
// A test checks that the committed images are this program's output.
package main

import (
	"bytes"
	"image/color"
	"image/png"
	"log"
	"os"
	"path/filepath"

	"bigthree/assets"
)

// cast is the campaign's three, by character id in scenarios/big-three.yaml.
var cast = map[string]assets.Face{
	// Roosevelt: pince-nez, a cigarette holder tilted up, hair combed back.
	"roosevelt": {Color: rgb(0x27408b), Skin: rgb(0xe9c8a8), Hair: rgb(0x8a8580), PinceNez: true, Holder: true, Coat: rgb(0x3a3f4a)},
	// Churchill: round and bald, a spotted bow tie, a cigar.
	"churchill": {Color: rgb(0x2e6b3f), Skin: rgb(0xefc9b0), Hair: rgb(0xc89868), Bald: true, Wide: 14, BowTie: true, Cigar: true, Coat: rgb(0x2b2b30)},
	// Stalin: a thick moustache, thick hair combed back, a plain tunic.
	"stalin": {Color: rgb(0xa0202a), Skin: rgb(0xdcb898), Hair: rgb(0x3a3028), Wide: 4, Moustache: true, Tunic: true, Coat: rgb(0x8a8468)},
}

var moods = map[string]assets.Mood{"neutral": assets.Neutral, "pleased": assets.Pleased, "displeased": assets.Displeased}

func rgb(v uint32) color.RGBA { return color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xff} }

// render returns every portrait's file name and PNG bytes.
func render() map[string][]byte {
	out := map[string][]byte{}
	for id, f := range cast {
		for name, m := range moods {
			var b bytes.Buffer
			enc := png.Encoder{CompressionLevel: png.BestCompression}
			if err := enc.Encode(&b, assets.Portrait(f, m)); err != nil {
				log.Fatal(err)
			}
			out[id+"-"+name+".png"] = b.Bytes()
		}
	}
	return out
}

func main() {
	dir := filepath.Join("scenarios", "images", "portraits")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		log.Fatal(err)
	}
	for name, data := range render() {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			log.Fatal(err)
		}
	}
}
