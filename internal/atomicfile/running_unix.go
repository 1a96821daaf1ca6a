//go:build unix

package atomicfile

import (
	"errors"
	"syscall"
)

// running reports whether a process of that id exists on this computer
// (signal 0 checks without sending anything; EPERM means it exists but
// belongs to someone else).
func running(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
