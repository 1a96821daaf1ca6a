package scenario_test

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"
	"testing/fstest"

	"bigthree/internal/scenario"
)

func pngOf(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	img.Set(0, 0, color.NRGBA{200, 10, 10, 255})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

const mediaBase = `format: 1
title: Pictures
characters:
  envoy: {name: The Envoy, portrait: {neutral: images/envoy.png, displeased: images/envoy-cross.png}}
  minister: {name: The Minister, portrait: images/minister.png}
meters:
  envoy: 50
events:
  - id: talk
    date: 1942-08-13
    title: The talk
    image: {file: images/map.png, alt: A map of the front, caption: The front}
    lines:
      - speaker: envoy
        text: Where is the second front?
      - {speaker: minister, text: "In Africa, first."}
endings:
  - id: end
    title: End
    text: It ends.
`

func TestMediaLoadsLinesPortraitsAndImages(t *testing.T) {
	dir := fstest.MapFS{
		"images/envoy.png":       {Data: pngOf(t, 8, 8)},
		"images/envoy-cross.png": {Data: pngOf(t, 8, 8)},
		"images/minister.png":    {Data: pngOf(t, 6, 9)},
		"images/map.png":         {Data: pngOf(t, 20, 10)},
	}
	s, diags := scenario.LoadFS(dir, "pictures.yaml", []byte(mediaBase))
	if s == nil {
		t.Fatalf("does not load:\n%s", diags)
	}
	e := &s.Events[0]
	if e.Kind != scenario.Meeting {
		t.Errorf("kind = %q, want meeting (the default with lines)", e.Kind)
	}
	if len(e.Lines) != 2 || s.Characters[e.Lines[1].Speaker].ID != "minister" || e.Lines[0].Text != "Where is the second front?" {
		t.Errorf("lines = %+v", e.Lines)
	}
	if e.Image == nil || e.Image.Alt != "A map of the front" || e.Image.Picture.Width != 20 || e.Image.Picture.Image == nil {
		t.Errorf("image = %+v", e.Image)
	}
	envoy := s.Characters[0].Portrait
	if envoy.For(scenario.Pleased) != envoy.For(scenario.Neutral) || envoy.For(scenario.Displeased).File != "images/envoy-cross.png" {
		t.Errorf("moods do not fall back to neutral: %+v", envoy)
	}
	if s.Characters[1].Portrait.For(scenario.Displeased).Height != 9 {
		t.Errorf("one-file portrait not used for every mood")
	}
	// Without a folder the pictures are named but not read.
	s, diags = scenario.Load("pictures.yaml", []byte(mediaBase))
	if s == nil || s.Events[0].Image.Picture.Image != nil {
		t.Errorf("Load read pictures or failed: %v", diags)
	}
}

func TestMediaProblems(t *testing.T) {
	good := fstest.MapFS{
		"images/envoy.png":       {Data: pngOf(t, 8, 8)},
		"images/envoy-cross.png": {Data: pngOf(t, 8, 8)},
		"images/minister.png":    {Data: pngOf(t, 8, 8)},
		"images/map.png":         {Data: pngOf(t, 8, 8)},
	}
	with := func(name string, data []byte) fstest.MapFS {
		m := fstest.MapFS{}
		for k, v := range good {
			m[k] = v
		}
		if data == nil {
			delete(m, name)
		} else {
			m[name] = &fstest.MapFile{Data: data}
		}
		return m
	}
	tests := []struct {
		name, old, new string
		dir            fstest.MapFS
		code, words    string
	}{
		{"unknown speaker", "speaker: envoy", "speaker: envy", good, "unknown-character", "envy"},
		{"line without speaker", "- {speaker: minister, text:", "- {text:", good, "missing-key", "line 2 has no `speaker:`"},
		{"not a meeting", "    title: The talk\n", "    title: The talk\n    kind: letter\n", good, "lines-not-meeting", "this document is a letter"},
		{"no alt", ", alt: A map of the front", "", good, "missing-alt", "no `alt:`"},
		{"escape", "file: images/map.png", "file: ../map.png", good, "image-path", "leaves the scenario's folder"},
		{"absolute", "file: images/map.png", "file: /etc/map.png", good, "image-path", "absolute path"},
		{"not a picture name", "file: images/map.png", "file: images/map.gif", good, "image-path", "not a .png"},
		{"missing file", "", "", with("images/map.png", nil), "image-missing", "`images/map.png` is not there"},
		{"wrong content", "", "", with("images/map.png", []byte("GIF89a....")), "image-type", "not a PNG or JPEG"},
		{"truncated", "", "", with("images/map.png", pngOf(t, 8, 8)[:40]), "image-bad", "cannot be read"},
		{"too many pixels", "", "", with("images/map.png", pngOf(t, scenario.MaxImageSide+1, 1)), "image-too-big", "4097×1 pixels"},
		{"too large a file", "", "", with("images/map.png", append(pngOf(t, 1, 1), make([]byte, scenario.MaxImageBytes)...)), "image-too-big", "larger than 4 MB"},
		{"no neutral", "{neutral: images/envoy.png, displeased", "{displeased", good, "missing-key", "no `neutral:`"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(mediaBase, tt.old, tt.new, 1)
			_, diags := scenario.LoadFS(tt.dir, "pictures.yaml", []byte(src))
			for _, d := range diags {
				if d.Code == tt.code && strings.Contains(d.Message, tt.words) {
					if d.Line < 1 {
						t.Errorf("%s has no position", d.Code)
					}
					return
				}
			}
			t.Errorf("want [%s] with %q, got:\n%s", tt.code, tt.words, diags)
		})
	}
}
