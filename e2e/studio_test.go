package e2e

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"bigthree/e2e/harness"
	"bigthree/internal/cli"
)

// openStudio builds the web folder, serves it and opens studio.html in headless Chromium.
func openStudio(t *testing.T, w, h int) (*harness.Browser, string) {
	t.Helper()
	needChromium(t)
	needGame(t)
	srv := serve(t, webDir(t, false))
	b, err := harness.StartBrowser(harness.BrowserOptions{Width: w, Height: h})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("browser console:\n%s", b.Logs())
		}
		b.Close()
	})
	if err := b.Navigate(srv.URL + "/studio.html"); err != nil {
		t.Fatal(err)
	}
	if err := harness.StudioReady(b); err != nil {
		t.Fatal(err)
	}
	return b, srv.URL
}

// b3CheckJSON runs `b3 check -json NAME` (the tool's own code, in this process) on a file's bytes.
func b3CheckJSON(t *testing.T, name string, data []byte) []harness.Diagnostic {
	t.Helper()
	var out, errb bytes.Buffer
	read := func(string) ([]byte, error) { return data, nil }
	cli.Main([]string{"check", "-json", name}, cli.Env{Stdout: &out, Stderr: &errb, ReadFile: read})
	var rep struct {
		Diagnostics []harness.Diagnostic `json:"diagnostics"`
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("b3 check -json %s: %v\n%s%s", name, err, out.String(), errb.String())
	}
	return rep.Diagnostics
}

// TestBrowserStudioMatchesB3 gives the Studio every golden file of b3 check, byte for byte, and
// asserts that diagnostics() equals what `b3 check -json` says about the same file.
func TestBrowserStudioMatchesB3(t *testing.T) {
	b, _ := openStudio(t, 1366, 768)
	if err := harness.CloseDialogs(b); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, "internal", "cli", "testdata", "check")
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil || len(files) < 25 {
		t.Fatalf("want the golden files of b3 check, found %d (%v)", len(files), err)
	}
	files = append(files, filepath.Join(root, "scenarios", "example.yaml"), filepath.Join(root, "scenarios", "big-three.yaml"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(f)
		t.Run(strings.TrimSuffix(name, ".yaml"), func(t *testing.T) {
			want := b3CheckJSON(t, name, data)
			if err := harness.SetStudioBytes(b, name, data); err != nil {
				t.Fatal(err)
			}
			got, err := harness.StudioDiagnostics(b)
			if err != nil {
				t.Fatal(err)
			}
			if want == nil {
				want = []harness.Diagnostic{}
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("the Studio's diagnostics differ from b3 check -json\n got: %+v\nwant: %+v", got, want)
			}
		})
	}
}
