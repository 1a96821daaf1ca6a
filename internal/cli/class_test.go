package cli

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func fakeGame() fstest.MapFS {
	page := "<html><head><title>The Big Three</title></head><body>\n<script src=\"host.js\"></script>\n</body></html>\n"
	return fstest.MapFS{
		"index.html": {Data: []byte(page)}, "host.js": {Data: []byte("//")}, "scorm.js": {Data: []byte("//")},
		"wasm_exec.js": {Data: []byte("//")}, "bigthree.wasm": {Data: []byte("\x00asm")},
	}
}

func TestBundleCommand(t *testing.T) {
	dir := t.TempDir()
	example := filepath.Join("..", "..", "scenarios", "example.yaml")
	var out, errb bytes.Buffer
	env := Env{Stdout: &out, Stderr: &errb, WebGame: fakeGame()}
	zipName := filepath.Join(dir, "class.zip")
	if code := Main([]string{"bundle", "-scorm", "-o", zipName, example}, env); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "SCORM 1.2 package") || !strings.Contains(out.String(), "Upload the zip") {
		t.Errorf("stdout: %s", out.String())
	}
	zr, err := zip.OpenReader(zipName)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	zr.Close()
	if got := strings.Join(names, " "); got != "bigthree.wasm example.yaml host.js imsmanifest.xml index.html scorm.js wasm_exec.js" {
		t.Errorf("zip holds %s", got)
	}
	folder := filepath.Join(dir, "class")
	out.Reset()
	if code := Main([]string{"bundle", "-o", folder, example}, env); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if _, err := os.Stat(filepath.Join(folder, "example.yaml")); err != nil {
		t.Error(err)
	}
	// A folder holding something else is refused, never overwritten.
	other := filepath.Join(dir, "homework")
	os.MkdirAll(other, 0o755)
	os.WriteFile(filepath.Join(other, "essay.txt"), []byte("mine"), 0o644)
	errb.Reset()
	if code := Main([]string{"bundle", "-o", other, example}, env); code != ExitProblems || !strings.Contains(errb.String(), "not empty") {
		t.Errorf("exit %d: %s", code, errb.String())
	}
}

func TestBundleLinkCommand(t *testing.T) {
	example := filepath.Join("..", "..", "scenarios", "example.yaml")
	code, out, errOut := run(t, "", "bundle", "-link", "-base", "https://school.example/game/", example)
	if code != ExitOK || !strings.HasPrefix(out, "https://school.example/game/#name=example.yaml&s=") || !strings.Contains(errOut, "characters") {
		t.Errorf("exit %d\nstdout %q\nstderr %q", code, out, errOut)
	}
	code, _, errOut = run(t, "", "bundle", "-link", "-base", "https://school.example/", filepath.Join("..", "..", "scenarios", "big-three.yaml"))
	if code != ExitProblems || !strings.Contains(errOut, "too big for a link") || !strings.Contains(errOut, "class folder") {
		t.Errorf("the campaign as a link: exit %d: %s", code, errOut)
	}
	if code, _, errOut := run(t, "", "bundle", "-link", example); code != ExitUsage || !strings.Contains(errOut, "-base") {
		t.Errorf("-link without -base: exit %d: %s", code, errOut)
	}
}

func TestReportCommand(t *testing.T) {
	dir := t.TempDir()
	example := filepath.Join("..", "..", "scenarios", "example.yaml")
	for i, name := range []string{"Ada", "Ben"} {
		tr := filepath.Join(dir, name+".md")
		if code, _, errOut := run(t, strings.Repeat("1\n", 200), "play", "-student", name, "-transcript", tr, example); code != ExitOK {
			t.Fatalf("play %d: %s", i, errOut)
		}
	}
	os.WriteFile(filepath.Join(dir, "stray.json"), []byte("{}"), 0o644)
	page := filepath.Join(dir, "report.html")
	code, out, errOut := run(t, "", "report", "-o", page, dir)
	if code != ExitProblems || !strings.Contains(out, "2 transcripts of") || !strings.Contains(errOut, "stray.json: left out") {
		t.Errorf("exit %d\nstdout %s\nstderr %s", code, out, errOut)
	}
	data, err := os.ReadFile(page)
	if err != nil || !strings.Contains(string(data), "Ada") || !strings.Contains(string(data), "Ben") {
		t.Errorf("the page lacks the students: %v", err)
	}
	if code, _, errOut := run(t, "", "report", "-o", page, filepath.Join(dir, "stray.json")); code != ExitProblems || !strings.Contains(errOut, "no transcript") {
		t.Errorf("no transcripts: exit %d: %s", code, errOut)
	}
}

func TestVersionCommand(t *testing.T) {
	code, out, _ := run(t, "", "version")
	if code != ExitOK || !strings.HasPrefix(out, "b3 dev (commit ") {
		t.Errorf("exit %d: %q", code, out)
	}
}
