package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// TooLargeError says that a file is larger than a reader accepts. Size is
// the file's size when it is known (the size its folder entry gives), or -1
// when the file only proved too large while it was read (it grew, or it is
// endless like /dev/zero).
type TooLargeError struct {
	Size, Limit int64
}

func (e *TooLargeError) Error() string {
	if e.Size >= 0 {
		return fmt.Sprintf("the file is %s, larger than the %s allowed", SizeText(e.Size), SizeText(e.Limit))
	}
	return fmt.Sprintf("the file is larger than the %s allowed", SizeText(e.Limit))
}

// NotRegularError says that a path names something other than a plain file:
// a folder, a named pipe, a device or a socket. Reading a named pipe or a
// terminal would wait forever for a writer, and a device such as /dev/zero
// never ends, so these are refused before they are opened.
type NotRegularError struct {
	Kind string // "a folder", "a named pipe (FIFO)", ...
}

func (e *NotRegularError) Error() string { return "this is " + e.Kind + ", not a file" }

// ErrNotRegular matches every NotRegularError with errors.Is.
var ErrNotRegular = errors.New("not a regular file")

// Is lets errors.Is(err, ErrNotRegular) match.
func (e *NotRegularError) Is(target error) bool { return target == ErrNotRegular }

// kindOf names what a mode is, or "" for a regular file.
func kindOf(m fs.FileMode) string {
	switch {
	case m.IsRegular():
		return ""
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a plain file"
}

// ReadFile reads a whole regular file of at most limit bytes. It looks at
// the file before opening it, so a named pipe, a device or a folder is
// refused at once (NotRegularError) instead of blocking or never ending,
// and a file that is too large is refused by its size (TooLargeError)
// without being read; it then reads at most limit+1 bytes, so a file that
// grows meanwhile cannot make it allocate more. Symbolic links are followed.
func ReadFile(path string, limit int64) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if k := kindOf(st.Mode()); k != "" {
		return nil, &NotRegularError{Kind: k}
	}
	if st.Size() > limit {
		return nil, &TooLargeError{Size: st.Size(), Limit: limit}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// The path may have been replaced between Stat and Open.
	if st, err := f.Stat(); err == nil {
		if k := kindOf(st.Mode()); k != "" {
			return nil, &NotRegularError{Kind: k}
		}
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, &TooLargeError{Size: -1, Limit: limit}
	}
	return data, nil
}

// SizeText writes a size in bytes for people: "812 bytes", "12 KB", "8 MB",
// "100.5 MB", "1.2 GB".
func SizeText(n int64) string {
	const kb, mb, gb = 1 << 10, 1 << 20, 1 << 30
	trim := func(f float64, unit string) string {
		s := fmt.Sprintf("%.1f", f)
		if len(s) > 2 && s[len(s)-2:] == ".0" {
			s = s[:len(s)-2]
		}
		return s + " " + unit
	}
	switch {
	case n < kb:
		return fmt.Sprintf("%d bytes", n)
	case n < mb:
		return fmt.Sprintf("%d KB", (n+kb-1)/kb)
	case n < gb:
		return trim(float64(n)/mb, "MB")
	}
	return trim(float64(n)/gb, "GB")
}
