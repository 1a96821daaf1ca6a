// Package harness drives bigthree (and the baseline program) from the outside, as a player
// would: the desktop build in a real window under Xvfb with xdotool, and the browser build in
// headless Chromium through the DevTools protocol. It reads what the program shows through the
// state hook, whose JSON types are package contract's (the game writes the same types). The e2e
// tests and scripts/perf share it.
package harness

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"bigthree/internal/contract"
)

// State is the state hook's JSON object (BIGTHREE_STATE file or window.bigthree.state()), as
// the game writes it (package contract), with the JSON as read.
type State struct {
	contract.State
	Raw string `json:"-"` // the JSON as read, for failure messages
}

// Button is one clickable button the program reports, in window (CSS) pixels.
type Button = contract.Button

// ParseState decodes the state hook's JSON.
func ParseState(data []byte) (State, error) {
	var s State
	if err := json.Unmarshal(data, &s); err != nil {
		return State{}, fmt.Errorf("state is not valid JSON: %v: %q", err, data)
	}
	s.Raw = string(data)
	return s, nil
}

// Driver is a running program that tests can look at and send input to.
type Driver interface {
	// State reads the state hook; ok is false while the program has not written it yet.
	State() (s State, ok bool, err error)
	// Key presses and releases a key, held ~50 ms. Names are xdotool's: Return, space, Escape,
	// Up, Down, Next (Page Down), Prior (Page Up), 1 to 9.
	Key(name string) error
	// KeyDown and KeyUp press and release a key separately (see PressUntil).
	KeyDown(name string) error
	KeyUp(name string) error
	// Click presses and releases the left mouse button at x, y (window pixels), held ~50 ms.
	Click(x, y float64) error
	// Screenshot writes a PNG of what the program shows.
	Screenshot(path string) error
	// Alive reports an error once the program has stopped.
	Alive() error
	// Logs returns the program's recent output, for failure messages.
	Logs() string
}

// Hold is how long keys and buttons are held: Ebitengine samples input once per tick (1/60 s).
const Hold = 50 * time.Millisecond

// ClickHold is how long the mouse button is held: longer than Hold, because a click cannot be held
// until the game reacts (buttons act on release), so it must span a slow frame or two.
const ClickHold = 120 * time.Millisecond

// Gap is the least time between releasing one key or button and pressing the next. Ebitengine
// sees the keyboard as it is when it polls, once per frame; while a frame is slow to draw (a scene
// transition in software GL takes tens of milliseconds), a release and a press closer than that
// merge and the second press is lost. Measured under Xvfb: lost up to 100 ms after the release, seen from 200 ms.
const Gap = 200 * time.Millisecond

// pacer keeps Gap between inputs.
type pacer struct {
	mu   sync.Mutex
	last time.Time
}

// before waits until Gap has passed since the last release; call after() once released.
func (p *pacer) before() {
	p.mu.Lock()
	wait := time.Until(p.last.Add(Gap))
	p.mu.Unlock()
	if wait > 0 {
		time.Sleep(wait)
	}
}

func (p *pacer) after() {
	p.mu.Lock()
	p.last = time.Now()
	p.mu.Unlock()
}

// Wait polls d's state until cond holds, for at most timeout. It fails early when the program stops.
func Wait(d Driver, timeout time.Duration, what string, cond func(State) bool) (State, error) {
	deadline := time.Now().Add(timeout)
	var last State
	seen := false
	for {
		s, ok, err := d.State()
		if err == nil && ok {
			last, seen = s, true
			if cond(s) {
				return s, nil
			}
		}
		if aerr := d.Alive(); aerr != nil {
			return last, fmt.Errorf("waiting for %s: the program stopped: %v\nlast state: %s\noutput:\n%s", what, aerr, last.Raw, d.Logs())
		}
		if time.Now().After(deadline) {
			state := last.Raw
			if !seen {
				state = "(none written)"
				if err != nil {
					state += ": " + err.Error()
				}
			}
			return last, fmt.Errorf("waiting for %s: still not there after %v\nlast state: %s\noutput:\n%s", what, timeout, state, d.Logs())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Signature sums up what a key press can change in the state: not ticks, frames or buttons
// (buttons appear when a transition ends, which no key caused).
func (s State) Signature() string {
	return fmt.Sprint(s.Scene, "|", s.Menu, "|", s.Scenario, "|", s.Event, "|", s.Ending, "|", s.Meters, "|", s.Options, "|", s.Focus, "|", s.Message, "|", s.Input)
}

// PressUntil presses a key and holds it until the state shows that the game saw it (its
// Signature changes), at most MaxHold, then releases it. A fixed short hold is lost when the
// game draws slowly (a loaded machine, software GL): it polls the keyboard once per frame, and a
// press and release between two polls never happened for it. Holding until the game reacts is
// safe for the keys the tests use: the game acts on the press once, and no key repeats before
// MaxHold. A game that saw the press in its last poll before the release may publish its state
// a little later, so after the release PressUntil still waits up to React for the change; a
// press the game never reacted to is an error (every key the tests press changes the state).
func PressUntil(d Driver, key string) error {
	before, _, _ := d.State()
	reacted := func() bool {
		s, ok, err := d.State()
		return err == nil && ok && s.Signature() != before.Signature()
	}
	if err := d.KeyDown(key); err != nil {
		return err
	}
	start := time.Now()
	time.Sleep(Hold)
	seen := reacted()
	for !seen && time.Since(start) < MaxHold {
		time.Sleep(10 * time.Millisecond)
		seen = reacted()
	}
	if err := d.KeyUp(key); err != nil {
		return err
	}
	for !seen && time.Since(start) < React {
		if err := d.Alive(); err != nil {
			return fmt.Errorf("key %s: the program stopped: %v", key, err)
		}
		time.Sleep(10 * time.Millisecond)
		seen = reacted()
	}
	if os.Getenv("B3_E2E_DEBUG") != "" {
		s, _, _ := d.State()
		fmt.Fprintf(os.Stderr, "%s key %s, reaction after %v: %s -> %s\n", time.Now().Format("15:04:05.000"), key, time.Since(start), before.Signature(), s.Signature())
	}
	if !seen {
		return fmt.Errorf("the game did not react to key %s within %v (held %v): the state stayed %s", key, React, MaxHold, before.Raw)
	}
	return nil
}

// MaxHold is the longest PressUntil holds a key: below the X server's auto-repeat delay (660 ms)
// and the game's own repeat of arrow keys (24 ticks).
const MaxHold = 350 * time.Millisecond

// React is how long PressUntil waits for the game to show that it saw a key: a slow frame in
// software GL (seconds in headless Chromium on two busy cores) delays the state it publishes.
const React = 10 * time.Second

// ClickButton clicks the centre of the button with the given id, which must be in s.
func ClickButton(d Driver, s State, id string) error {
	b, ok := s.Button(id)
	if !ok {
		return fmt.Errorf("no enabled button %q on scene %q; buttons: %v", id, s.Scene, s.ButtonIDs())
	}
	return d.Click(b.X+b.W/2, b.Y+b.H/2)
}

// Root returns the repository root: the nearest folder above the working directory with go.mod.
func Root() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}

// Build compiles the package (e.g. "./cmd/bigthree") of the repository into out.
func Build(root, pkg, out string, env ...string) error {
	cmd := exec.Command("go", "build", "-o", out, pkg)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), env...)
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, &buf
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go build %s: %v\n%s", pkg, err, buf.String())
	}
	return nil
}

// BuildWeb runs scripts/build-web into out; baseline builds cmd/baseline instead of the game.
func BuildWeb(root, out string, baseline bool) error {
	args := []string{filepath.Join(root, "scripts", "build-web")}
	if baseline {
		args = append(args, "--baseline")
	}
	cmd := exec.Command("bash", append(args, out)...)
	cmd.Dir = root
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, &buf
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("scripts/build-web: %v\n%s", err, buf.String())
	}
	return nil
}

// tail returns the last n bytes of s, starting at a line.
func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[len(s)-n:]
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[i+1:]
	}
	return "...\n" + s
}

// syncBuffer is a bytes.Buffer safe for a process's output and a reader at once.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
