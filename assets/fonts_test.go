package assets

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"bigthree/assets/fontgen/liberation"
	"bigthree/internal/fontsubset"
)

// The committed subsets are what fontgen makes of the module's fonts now:
// run go generate ./assets when this fails.
func TestFontsAreFreshSubsetsOfTheModule(t *testing.T) {
	for _, f := range liberation.Fonts {
		want, err := fontsubset.Subset(f.TTF)
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join("fonts", f.File))
		// The writer stamps the head table with the time: compare the
		// fonts without it (and the checksums that cover it).
		if err != nil || !bytes.Equal(stripHead(got), stripHead(want)) {
			t.Errorf("fonts/%s is not the subset of the module's font (%v): run go generate ./assets", f.File, err)
		}
	}
	if FontLicense != liberation.License {
		t.Error("fonts/OFL.txt is not the module's licence: run go generate ./assets")
	}
}

func TestFontsParse(t *testing.T) {
	s, err := LoadFonts()
	if err != nil {
		t.Fatal(err)
	}
	if s.Regular == nil || s.Bold == nil || s.Italic == nil || s.Mono == nil {
		t.Fatalf("a face is missing: %+v", s)
	}
}

// stripHead returns the font without its head table's checksum adjustment
// and modified time, zeroed in a copy.
func stripHead(ttf []byte) []byte {
	out := bytes.Clone(ttf)
	if len(out) < 12 {
		return out
	}
	n := int(out[4])<<8 | int(out[5])
	for i := 0; i < n && 12+16*i+16 <= len(out); i++ {
		rec := out[12+16*i:]
		off := int(rec[8])<<24 | int(rec[9])<<16 | int(rec[10])<<8 | int(rec[11])
		clear(rec[4:8]) // each table's checksum
		if string(rec[:4]) == "head" && off+36 <= len(out) {
			clear(out[off+8 : off+12])  // checkSumAdjustment
			clear(out[off+28 : off+36]) // modified
		}
	}
	return out
}
