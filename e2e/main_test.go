// Package e2e holds the end-to-end tests of bigthree: the desktop game in a real window under
// Xvfb, driven with xdotool, and the browser build in headless Chromium, driven through the
// DevTools protocol. They read the game through its state hook (package contract).
//
// Without a display, xdotool or Chromium the tests skip and say why; scripts/test provides all
// three and sets B3_E2E_REQUIRE=1, which turns those skips into failures. Screenshots of every
// step go to e2e/screenshots/<test name>/ (git-ignored), replaced on each run. B3_E2E_DEBUG=1 logs
// every key press with the state before and after it.
package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sync"
	"testing"
	"time"

	"bigthree/e2e/harness"
)

var (
	root    string // repository root
	workDir string // built programs, removed after the run
)

func TestMain(m *testing.M) {
	var err error
	if root, err = harness.Root(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if workDir, err = os.MkdirTemp("", "bigthree-e2e-build-"); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	release := func() {}
	if harness.CheckDisplay() == nil {
		release, _ = harness.HoldDisplay()
	}
	code := m.Run()
	release()
	os.RemoveAll(workDir)
	os.Exit(code)
}

// built is a program built at most once per test run, when a test first needs it.
type built struct {
	once sync.Once
	path string
	err  error
}

var (
	builds   = map[string]*built{}
	buildsMu sync.Mutex
)

func buildOnce(key string, f func(out string) error) (string, error) {
	buildsMu.Lock()
	b := builds[key]
	if b == nil {
		b = &built{}
		builds[key] = b
	}
	buildsMu.Unlock()
	b.once.Do(func() {
		b.path = filepath.Join(workDir, key)
		b.err = f(b.path)
	})
	return b.path, b.err
}

// binary builds a desktop program of the repository ("./cmd/bigthree") and returns its path.
func binary(t *testing.T, pkg string) string {
	t.Helper()
	p, err := buildOnce("bin-"+filepath.Base(pkg), func(out string) error { return harness.Build(root, pkg, out) })
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// webDir builds the browser version (or the baseline's) with scripts/build-web.
func webDir(t *testing.T, baseline bool) string {
	t.Helper()
	key := "web-game"
	if baseline {
		key = "web-baseline"
	}
	p, err := buildOnce(key, func(out string) error { return harness.BuildWeb(root, out, baseline) })
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// serve starts cmd/webserve on the folder for the rest of the test.
func serve(t *testing.T, dir string) *harness.Server {
	t.Helper()
	bin := binary(t, "./cmd/webserve")
	s, err := harness.StartServer(bin, dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Stop)
	return s
}

// unavailable skips the test for a missing tool, or fails it when B3_E2E_REQUIRE is set.
func unavailable(t *testing.T, reason string) {
	t.Helper()
	if os.Getenv("B3_E2E_REQUIRE") != "" {
		t.Fatalf("%s (B3_E2E_REQUIRE is set, so this fails instead of skipping)", reason)
	}
	t.Skip(reason)
}

func needDisplay(t *testing.T) {
	t.Helper()
	if err := harness.CheckDisplay(); err != nil {
		unavailable(t, err.Error())
	}
}

func needChromium(t *testing.T) {
	t.Helper()
	if _, err := harness.ChromiumPath(); err != nil {
		unavailable(t, err.Error())
	}
}

// shots writes numbered screenshots of one test into e2e/screenshots/<test name>/.
type shots struct {
	t   *testing.T
	d   harness.Driver
	dir string
	n   int
}

var unsafeChars = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

func newShots(t *testing.T, d harness.Driver) *shots {
	dir := filepath.Join(root, "e2e", "screenshots", unsafeChars.ReplaceAllString(t.Name(), "_"))
	os.RemoveAll(dir)
	return &shots{t: t, d: d, dir: dir}
}

// take saves a screenshot; a failure to take one is logged, not fatal.
// It first lets a screen change finish (the game reports "settled" once
// the final frame of a change is drawn), so the picture shows one screen.
func (s *shots) take(name string) {
	if name != "timeout" {
		harness.Wait(s.d, 2*time.Second, "a settled screen", func(st harness.State) bool { return st.Settled || st.Scene == "baseline" })
	}
	s.n++
	path := filepath.Join(s.dir, fmt.Sprintf("%02d-%s.png", s.n, unsafeChars.ReplaceAllString(name, "_")))
	if err := s.d.Screenshot(path); err != nil {
		s.t.Logf("screenshot %s: %v", name, err)
	}
}
