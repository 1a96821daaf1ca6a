package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestReadFileLimit(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small.json")
	if err := os.WriteFile(small, []byte("12345"), 0o644); err != nil {
		t.Fatal(err)
	}
	if data, err := ReadFile(small, 5); err != nil || string(data) != "12345" {
		t.Fatalf("ReadFile at the limit = %q, %v", data, err)
	}
	_, err := ReadFile(small, 4)
	var tl *TooLargeError
	if !errors.As(err, &tl) || tl.Size != 5 || tl.Limit != 4 {
		t.Fatalf("ReadFile over the limit: %v", err)
	}
	big := filepath.Join(dir, "big.json")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(100 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, err = ReadFile(big, 8<<20)
	if !errors.As(err, &tl) || err.Error() != "the file is 100 MB, larger than the 8 MB allowed" {
		t.Fatalf("a 100 MB file: %v", err)
	}
	_, err = ReadFile(dir, 10)
	if !errors.Is(err, ErrNotRegular) || err.Error() != "this is a folder, not a file" {
		t.Fatalf("a folder: %v", err)
	}
	if _, err := ReadFile(filepath.Join(dir, "none"), 10); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a missing file: %v", err)
	}
}

func TestSizeText(t *testing.T) {
	for n, want := range map[int64]string{0: "0 bytes", 812: "812 bytes", 1500: "2 KB", 8 << 20: "8 MB", 100<<20 + 1<<19: "100.5 MB", 3 << 30: "3 GB"} {
		if got := SizeText(n); got != want {
			t.Errorf("SizeText(%d) = %q, want %q", n, got, want)
		}
	}
}
