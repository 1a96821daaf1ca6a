package release

import (
	"bytes"
	"image/color"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestIcon(t *testing.T) {
	img := Icon(64)
	if c := img.RGBAAt(0, 0); c.A != 0 {
		t.Errorf("corner %v, want transparent", c)
	}
	if c := img.RGBAAt(32, 32); c != (color.RGBA{0xf6, 0xee, 0xdc, 0xff}) {
		t.Errorf("centre %v, want the ivory star", c)
	}
	if c := img.RGBAAt(32, 3); c.R < 0x90 || c.G > 0x30 {
		t.Errorf("top %v, want the red disc", c)
	}
}

func TestNumbers(t *testing.T) {
	for v, want := range map[string][4]uint16{"1.2.3": {1, 2, 3, 0}, "v0.4": {0, 4, 0, 0}, "snapshot-abc": {}, "2.0.0-snapshot+abc": {2, 0, 0, 0}} {
		if have := (Build{Version: v}).numbers(); have != want {
			t.Errorf("%q: %v, want %v", v, have, want)
		}
	}
}

// TestSysoInWindowsBuild links the resources into a small Windows program
// and reads them back from the .exe.
func TestSysoInWindowsBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a Windows program")
	}
	dir := t.TempDir()
	b := Build{Version: "1.4.2", Commit: "abc1234"}
	var syso bytes.Buffer
	if err := WriteSyso(&syso, b); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"go.mod":                  "module winrestest\ngo 1.26\n",
		"main.go":                 "package main\nfunc main() {}\n",
		"rsrc_windows_amd64.syso": syso.String(),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("go", "build", "-o", "prog.exe", ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0", "GOFLAGS=-mod=mod")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	f, err := os.Open(filepath.Join(dir, "prog.exe"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := CheckExe(f, b); err != nil {
		t.Errorf("the built program: %v", err)
	}
	if _, err := f.Seek(0, 0); err != nil {
		t.Fatal(err)
	}
	if err := CheckExe(f, Build{Version: "9.9.9"}); err == nil || !strings.Contains(err.Error(), "version") {
		t.Errorf("a wrong version passed the check: %v", err)
	}
}

// TestDesktopEntry checks the menu entry that scripts/release copies from
// assets/ into the Linux archive.
func TestDesktopEntry(t *testing.T) {
	b, err := os.ReadFile("../../assets/bigthree.desktop")
	if err != nil {
		t.Fatal(err)
	}
	desktop := string(b)
	for _, key := range []string{"[Desktop Entry]\n", "\nType=Application\n", "\nName=", "\nExec=bigthree", "\nIcon=bigthree\n", "\nCategories="} {
		if !strings.Contains(desktop, key) {
			t.Errorf("the .desktop entry lacks %q", key)
		}
	}
}
