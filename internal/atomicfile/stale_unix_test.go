//go:build unix

package atomicfile

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// deadPid returns the id of a process that has ended.
func deadPid(t *testing.T) int {
	t.Helper()
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skip("cannot run true:", err)
	}
	return cmd.Process.Pid
}

// TestRemoveStale: temporary files of dead writers and old ones go; those of
// running writers, other programs' files and the saves themselves stay.
func TestRemoveStale(t *testing.T) {
	dir := t.TempDir()
	dead, me := deadPid(t), os.Getpid()
	files := map[string]bool{ // name: removed
		fmt.Sprintf(".save-a.json.tmp-%d-123", dead): true,
		fmt.Sprintf(".save-a.json.tmp-%d-456", me):   false,
		".save-b.json.tmp-789":                       false, // an older name, new
		".save-c.json.tmp-790":                       true,  // an older name, two hours old
		fmt.Sprintf(".notes.txt.tmp-%d-1", dead):     false, // not ours
		"save-a.json":                                false,
		fmt.Sprintf("save-a.json.tmp-%d-1", dead):    false, // not a name WriteFile makes
	}
	for name := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("{"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-2 * time.Hour)
	if err := os.Chtimes(filepath.Join(dir, ".save-c.json.tmp-790"), old, old); err != nil {
		t.Fatal(err)
	}
	n, err := RemoveStale(dir, func(name string) bool { return strings.HasSuffix(name, ".json") })
	if err != nil || n != 2 {
		t.Fatalf("RemoveStale = %d, %v; want 2 removed", n, err)
	}
	entries, _ := os.ReadDir(dir)
	var left []string
	for _, e := range entries {
		left = append(left, e.Name())
	}
	for name, removed := range files {
		if slices.Contains(left, name) == removed {
			t.Errorf("%s: removed %v, want %v", name, !removed, removed)
		}
	}
}
