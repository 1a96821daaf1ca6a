//go:build unix

package atomicfile

import (
	"bytes"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// childEnv names the file that the test binary, started again by TestDiskFullKeepsTheOldFile,
// writes under a file-size limit.
const childEnv = "ATOMICFILE_TEST_DISK_FULL"

func TestMain(m *testing.M) {
	if name := os.Getenv(childEnv); name != "" {
		os.Exit(writeUnderSizeLimit(name))
	}
	os.Exit(m.Run())
}

// writeUnderSizeLimit writes 1 MB to name in a process that may write no file larger than
// 16 KB, as if the disk filled up in the middle of a save. It prints WriteFile's error.
func writeUnderSizeLimit(name string) int {
	signal.Ignore(syscall.SIGXFSZ) // the write then fails with EFBIG instead of killing the process
	limit := &syscall.Rlimit{Cur: 16 << 10, Max: 16 << 10}
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, limit); err != nil {
		os.Stderr.WriteString("setrlimit: " + err.Error())
		return 2
	}
	err := WriteFile(name, bytes.Repeat([]byte("new "), 1<<18), 0o644)
	if err == nil {
		return 0
	}
	os.Stdout.WriteString(err.Error())
	return 1
}

func TestDiskFullKeepsTheOldFile(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "save.json")
	if err := os.WriteFile(name, []byte("the old save"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+name)
	out, err := cmd.Output()
	if code := cmd.ProcessState.ExitCode(); code != 1 {
		t.Fatalf("the writer under a size limit exited with %d (%v), want 1 (WriteFile failed): %s", code, err, out)
	}
	if !strings.Contains(string(out), name) {
		t.Errorf("WriteFile's error %q does not name the file", out)
	}
	data, err := os.ReadFile(name)
	if err != nil || string(data) != "the old save" {
		t.Errorf("after the failed write the file holds %q (%v), want the old save", data, err)
	}
	noTemps(t, dir)
}
