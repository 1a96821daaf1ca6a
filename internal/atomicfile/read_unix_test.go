//go:build unix

package atomicfile

import (
	"errors"
	"path/filepath"
	"syscall"
	"testing"
)

// TestReadFileRefusesDevicesAndPipes: a named pipe would block the reader
// forever and /dev/zero never ends; both are refused before being read.
func TestReadFileRefusesDevicesAndPipes(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "save.json")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	_, err := ReadFile(fifo, 1<<20)
	if !errors.Is(err, ErrNotRegular) || err.Error() != "this is a named pipe (FIFO), not a file" {
		t.Fatalf("a FIFO: %v", err)
	}
	_, err = ReadFile("/dev/zero", 1<<20)
	if !errors.Is(err, ErrNotRegular) || err.Error() != "this is a character device, not a file" {
		t.Fatalf("/dev/zero: %v", err)
	}
}
