package atomicfile

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// tempPrefix starts the name of every temporary file WriteFile makes for
// the file base: ".base.tmp-". The writer's process id follows, then a
// random part: ".save-x.json.tmp-4242-123456".
func tempPrefix(base string) string { return "." + base + ".tmp-" }

// StaleAge is how old a temporary file must be before RemoveStale removes
// it when its writer may still be running. A write takes milliseconds; an
// hour leaves room for a stopped (suspended) writer and a clock that jumps.
const StaleAge = time.Hour

// RemoveStale removes the temporary files that WriteFile left in dir when
// its writer was killed or the computer lost power in the middle of a
// write, and returns how many it removed. Only files named as WriteFile
// names them for a file whose name satisfies ours (for example "does it end
// in .json") are touched, and only when they are stale:
//
//   - the process id in the name is not running on this computer (the
//     writer died: it can never finish the rename), or
//   - the file is older than StaleAge (for names without a process id, from
//     older versions, and for a writer whose id was since reused).
//
// A temporary file of a writer that is still running is left alone, so two
// games started at once never delete each other's writes. A folder shared
// between computers is the one case where a process id means nothing; the
// worst outcome there is one failed save, which the game reports and
// writes again at the next reply.
func RemoveStale(dir string, ours func(name string) bool) (int, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0, err
	}
	removed := 0
	for _, e := range entries {
		name := e.Name()
		i := strings.Index(name, ".tmp-")
		if !strings.HasPrefix(name, ".") || i < 0 || !e.Type().IsRegular() || !ours(name[1:i]) {
			continue
		}
		if !stale(name[i+len(".tmp-"):], e) {
			continue
		}
		if err := os.Remove(filepath.Join(dir, name)); err == nil {
			removed++
		}
	}
	return removed, nil
}

// stale decides about one temporary file; rest is its name after ".tmp-".
func stale(rest string, e os.DirEntry) bool {
	if pidText, _, ok := strings.Cut(rest, "-"); ok {
		if pid, err := strconv.Atoi(pidText); err == nil && pid > 0 && pid != os.Getpid() && !running(pid) {
			return true
		}
	}
	info, err := e.Info()
	return err == nil && time.Since(info.ModTime()) > StaleAge
}
