package session

import (
	"archive/zip"
	"bytes"
	"io/fs"
	"testing"

	"bigthree/scenarios"
)

// The browser hands over the example with its pictures picked beside it
// (without folders), or a zip of its folder: both open with the pictures.
func TestOpenPickedFilesAndZip(t *testing.T) {
	data, _ := scenarios.Read(scenarios.Example)
	flat := map[string][]byte{"example.yaml": data}
	var zbuf bytes.Buffer
	zw := zip.NewWriter(&zbuf)
	w, _ := zw.Create("class/example.yaml")
	w.Write(data)
	fs.WalkDir(scenarios.Images(), ".", func(p string, d fs.DirEntry, _ error) error {
		if !d.IsDir() {
			b, _ := fs.ReadFile(scenarios.Images(), p)
			flat[d.Name()] = b
			w, _ := zw.Create("class/images/" + p)
			w.Write(b)
		}
		return nil
	})
	zw.Close()
	for name, files := range map[string]map[string][]byte{"picked": flat, "zip": {"class.zip": zbuf.Bytes()}} {
		op, ok := OpenPicked(files)
		if !ok || op.S == nil {
			t.Fatalf("%s: not opened: %s", name, op.Diags)
		}
		if op.S.Events[0].Image.Picture.Image == nil {
			t.Errorf("%s: the picture was not read", name)
		}
	}
	delete(flat, "front-1941.png")
	if op, _ := OpenPicked(flat); op.S != nil || len(op.Diags) == 0 || op.Diags[0].Code != "image-missing" {
		t.Errorf("a missing picture: %s", op.Diags)
	}
}
