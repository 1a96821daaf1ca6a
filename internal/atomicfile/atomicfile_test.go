package atomicfile

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// noTemps fails the test if a temporary file of WriteFile is left in dir.
func noTemps(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

func readString(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestWriteFileReplaces(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "save.json")
	for _, content := range []string{"first", "second, longer than the first", "3", ""} {
		if err := WriteFile(name, []byte(content), 0o644); err != nil {
			t.Fatalf("writing %q: %v", content, err)
		}
		if got := readString(t, name); got != content {
			t.Errorf("after writing %q: the file holds %q", content, got)
		}
		noTemps(t, dir)
	}
}

func TestWriteFileCreatesFolders(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "a", "b", "settings.json")
	if err := WriteFile(name, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := readString(t, name); got != "{}" {
		t.Errorf("the file holds %q", got)
	}
	noTemps(t, filepath.Dir(name))
}

// The file gets exactly the permissions asked for, whatever the umask and whatever the
// permissions of the file it replaces.
func TestWriteFilePermissions(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows keeps only the read-only bit")
	}
	dir := t.TempDir()
	name := filepath.Join(dir, "transcript.md")
	for _, perm := range []os.FileMode{0o644, 0o600, 0o640, 0o444, 0o666} {
		if err := WriteFile(name, []byte("text"), perm); err != nil {
			t.Fatalf("perm %v: %v", perm, err)
		}
		fi, err := os.Stat(name)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != perm {
			t.Errorf("written with %v: the file has %v", perm, fi.Mode().Perm())
		}
	}
}

func TestFailedWriteKeepsTheOldFile(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string) (target string, check func(t *testing.T))
	}{
		{"the name is a folder", func(t *testing.T, dir string) (string, func(*testing.T)) {
			target := filepath.Join(dir, "save.json")
			if err := os.MkdirAll(filepath.Join(target, "inside"), 0o755); err != nil {
				t.Fatal(err)
			}
			return target, func(t *testing.T) {
				if fi, err := os.Stat(filepath.Join(target, "inside")); err != nil || !fi.IsDir() {
					t.Errorf("the folder in the way was changed: %v", err)
				}
			}
		}},
		{"the folder is a file", func(t *testing.T, dir string) (string, func(*testing.T)) {
			parent := filepath.Join(dir, "saves")
			if err := os.WriteFile(parent, []byte("old"), 0o644); err != nil {
				t.Fatal(err)
			}
			return filepath.Join(parent, "save.json"), func(t *testing.T) {
				if got := readString(t, parent); got != "old" {
					t.Errorf("the file in the way now holds %q", got)
				}
			}
		}},
		{"the folder is read-only", func(t *testing.T, dir string) (string, func(*testing.T)) {
			if runtime.GOOS == "windows" || os.Geteuid() == 0 {
				t.Skip("needs a Unix user other than root: root writes into read-only folders")
			}
			sub := filepath.Join(dir, "ro")
			target := filepath.Join(sub, "save.json")
			if err := os.Mkdir(sub, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(target, []byte("old"), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(sub, 0o555); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { os.Chmod(sub, 0o755) })
			return target, func(t *testing.T) {
				if got := readString(t, target); got != "old" {
					t.Errorf("the old file now holds %q", got)
				}
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			target, check := tt.setup(t, dir)
			if err := WriteFile(target, []byte("new"), 0o644); err == nil {
				t.Fatal("WriteFile succeeded, want an error")
			}
			check(t)
			if fi, err := os.Stat(filepath.Dir(target)); err == nil && fi.IsDir() {
				noTemps(t, filepath.Dir(target))
			}
			noTemps(t, dir)
		})
	}
}

// Writers racing on one file: a reader only ever sees one whole version, never a mix or a
// truncated file, and no temporary file stays.
func TestConcurrentWritersAndReaders(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows refuses to replace a file that a reader holds open")
	}
	dir := t.TempDir()
	name := filepath.Join(dir, "autosave.json")
	version := func(i int) []byte { return bytes.Repeat([]byte{byte('a' + i)}, 64<<10) }
	if err := WriteFile(name, version(0), 0o644); err != nil {
		t.Fatal(err)
	}
	var writers sync.WaitGroup
	for i := range 6 {
		writers.Go(func() {
			for range 20 {
				if err := WriteFile(name, version(i), 0o644); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	done := make(chan struct{})
	var reader sync.WaitGroup
	reader.Go(func() {
		for {
			select {
			case <-done:
				return
			default:
			}
			data, err := os.ReadFile(name)
			if err != nil {
				t.Error(err)
				return
			}
			if len(data) != 64<<10 || bytes.Count(data, data[:1]) != len(data) {
				t.Errorf("a reader saw %d bytes, not one whole version", len(data))
				return
			}
		}
	})
	writers.Wait()
	close(done)
	reader.Wait()
	noTemps(t, dir)
}
