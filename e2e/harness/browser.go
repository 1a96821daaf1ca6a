package harness

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// ChromiumPath returns the Chromium to drive: $CHROMIUM, else /usr/bin/chromium or one on PATH.
func ChromiumPath() (string, error) {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p, nil
	}
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", errors.New("chromium is not installed (scripts/test installs Debian's chromium; or set CHROMIUM)")
}

// Server is cmd/webserve serving a folder on a loopback port.
type Server struct {
	URL string
	cmd *exec.Cmd
	out *syncBuffer
}

// StartServer starts the webserve binary on a free loopback port and waits for its URL.
func StartServer(webserve, dir string) (*Server, error) {
	s := &Server{cmd: exec.Command(webserve, "-addr", "127.0.0.1:0", dir), out: &syncBuffer{}}
	stdout, err := s.cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	s.cmd.Stderr = s.out
	if err := s.cmd.Start(); err != nil {
		return nil, err
	}
	lines := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			default:
			}
		}
	}()
	select {
	case line := <-lines:
		i := strings.Index(line, "http://")
		if i < 0 {
			s.Stop()
			return nil, fmt.Errorf("webserve printed %q, not its URL", line)
		}
		// Without its trailing slash, so that URL + "/studio.html" names the page (webserve
		// refuses the "//studio.html" it would make otherwise).
		s.URL = strings.TrimSuffix(strings.Fields(line[i:])[0], "/")
		return s, nil
	case <-time.After(15 * time.Second):
		s.Stop()
		return nil, fmt.Errorf("webserve printed no URL: %s", s.out.String())
	}
}

// Stop ends the server.
func (s *Server) Stop() {
	s.cmd.Process.Kill()
	s.cmd.Wait()
}

// BrowserOptions says how to start Chromium.
type BrowserOptions struct {
	Width, Height int      // viewport; 1280x720 when zero
	Flags         []string // extra flags such as "disable-webgl"
}

// Browser is one headless Chromium tab.
type Browser struct {
	ctx     context.Context
	cancels []context.CancelFunc
	dataDir string

	mu   sync.Mutex
	logs []string
	pace pacer
}

// StartBrowser launches headless Chromium with the flags that give WebGL2 through SwiftShader
// (shared/platform.md) and a fresh profile.
func StartBrowser(opt BrowserOptions) (*Browser, error) {
	path, err := ChromiumPath()
	if err != nil {
		return nil, err
	}
	if opt.Width == 0 {
		opt.Width, opt.Height = 1280, 720
	}
	dataDir, err := os.MkdirTemp("", "bigthree-chromium-")
	if err != nil {
		return nil, err
	}
	flags := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("enable-unsafe-swiftshader", true),
		chromedp.Flag("use-angle", "swiftshader"),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(dataDir),
		chromedp.WindowSize(opt.Width, opt.Height),
	}
	for _, f := range opt.Flags {
		name, value, ok := strings.Cut(f, "=")
		if ok {
			flags = append(flags, chromedp.Flag(name, value))
		} else {
			flags = append(flags, chromedp.Flag(name, true))
		}
	}
	b := &Browser{dataDir: dataDir}
	actx, cancel1 := chromedp.NewExecAllocator(context.Background(), flags...)
	ctx, cancel2 := chromedp.NewContext(actx)
	b.ctx, b.cancels = ctx, []context.CancelFunc{cancel2, cancel1}
	if err := chromedp.Listen(ctx, b.listen); err != nil {
		b.Close()
		return nil, err
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(opt.Width), int64(opt.Height))); err != nil {
		b.Close()
		return nil, fmt.Errorf("starting %s: %v", path, err)
	}
	return b, nil
}

func (b *Browser) listen(ev any) {
	var line string
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		parts := make([]string, 0, len(ev.Args))
		for _, a := range ev.Args {
			if a.Value != nil {
				var s string
				if json.Unmarshal(a.Value, &s) == nil {
					parts = append(parts, s)
					continue
				}
				parts = append(parts, string(a.Value))
			} else {
				parts = append(parts, a.Description)
			}
		}
		line = "console." + ev.Type.String() + ": " + strings.Join(parts, " ")
	case *runtime.EventExceptionThrown:
		line = "exception: " + ev.ExceptionDetails.Text
		if ev.ExceptionDetails.Exception != nil {
			line += " " + ev.ExceptionDetails.Exception.Description
		}
	default:
		return
	}
	b.mu.Lock()
	b.logs = append(b.logs, line)
	if len(b.logs) > 200 {
		b.logs = b.logs[len(b.logs)-200:]
	}
	b.mu.Unlock()
}

// Close ends the browser and removes its profile.
func (b *Browser) Close() {
	for _, c := range b.cancels {
		c()
	}
	os.RemoveAll(b.dataDir)
}

// Context is the tab's chromedp context, for actions the harness does not wrap.
func (b *Browser) Context() context.Context { return b.ctx }

// Navigate opens url and waits for the page's load event.
func (b *Browser) Navigate(url string) error { return chromedp.Do(b.ctx, chromedp.Navigate(url)) }

// Reload reloads the page and waits for its load event.
func (b *Browser) Reload() error { return chromedp.Do(b.ctx, chromedp.Reload()) }

// Eval evaluates a JavaScript expression and decodes its JSON-able result into T.
func Eval[T any](b *Browser, expr string) (T, error) {
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	return chromedp.Run(ctx, chromedp.Evaluate[T](expr))
}

// stateJS reads window.bigthree.state() as a JSON string, whatever form the program returns.
const stateJS = `(() => {
  const b = window.bigthree;
  if (!b || typeof b.state !== "function") return "";
  const s = b.state();
  if (s === null || s === undefined) return "";
  return typeof s === "string" ? s : JSON.stringify(s);
})()`

// State implements Driver.
func (b *Browser) State() (State, bool, error) {
	raw, err := Eval[string](b, stateJS)
	if err != nil || raw == "" {
		return State{}, false, err
	}
	s, err := ParseState([]byte(raw))
	return s, err == nil, err
}

// Page is what web/index.html records in window.bigthreePage.
type Page struct {
	Status       string   `json:"status"` // loading, running, stopped, no-webgl2
	FirstFrameMs *float64 `json:"firstFrameMs"`
	StartedMs    *float64 `json:"startedMs"`
	ExitCode     *int     `json:"exitCode"`
	Error        string   `json:"error"`
	Problem      string   `json:"problem"` // the text of the problem message, when shown
}

// Page reads window.bigthreePage and the text of the page's problem message.
func (b *Browser) Page() (Page, error) {
	raw, err := Eval[string](b, `JSON.stringify(Object.assign({}, window.bigthreePage || {},
	  {problem: (document.getElementById("problem") && !document.getElementById("problem").hidden) ? document.getElementById("problem").innerText : ""}))`)
	if err != nil {
		return Page{}, err
	}
	var p Page
	err = json.Unmarshal([]byte(raw), &p)
	return p, err
}

// keyDefs maps xdotool key names to DOM key, code and Windows virtual key code.
var keyDefs = map[string]struct {
	key, code string
	vk        int64
	text      string
}{
	"Return": {"Enter", "Enter", 13, "\r"},
	"space":  {" ", "Space", 32, " "},
	"Escape": {"Escape", "Escape", 27, ""},
	"Up":     {"ArrowUp", "ArrowUp", 38, ""},
	"Down":   {"ArrowDown", "ArrowDown", 40, ""},
	"Left":   {"ArrowLeft", "ArrowLeft", 37, ""},
	"Right":  {"ArrowRight", "ArrowRight", 39, ""},
	"Prior":  {"PageUp", "PageUp", 33, ""},
	"Next":   {"PageDown", "PageDown", 34, ""},
	"Tab":    {"Tab", "Tab", 9, ""},
}

func keyDef(name string) (input.DispatchKeyEventParams, error) {
	def, ok := keyDefs[name]
	if !ok && len(name) == 1 && name[0] >= '0' && name[0] <= '9' {
		def.key, def.code, def.vk, def.text, ok = name, "Digit"+name, int64(name[0]), name, true
	}
	if !ok {
		return input.DispatchKeyEventParams{}, fmt.Errorf("no browser key for %q", name)
	}
	return input.DispatchKeyEventParams{Key: def.key, Code: def.code, WindowsVirtualKeyCode: def.vk,
		NativeVirtualKeyCode: def.vk, Text: def.text, UnmodifiedText: def.text}, nil
}

// KeyDown implements Driver.
func (b *Browser) KeyDown(name string) error {
	p, err := keyDef(name)
	if err != nil {
		return err
	}
	b.pace.before()
	p.Type = input.DispatchKeyEventTypeKeyDown
	if p.Text == "" {
		p.Type = input.DispatchKeyEventTypeRawKeyDown
	}
	_, err = chromedp.Call(b.ctx, input.DispatchKeyEvent, p)
	return err
}

// KeyUp implements Driver.
func (b *Browser) KeyUp(name string) error {
	p, err := keyDef(name)
	if err != nil {
		return err
	}
	defer b.pace.after()
	p.Type, p.Text, p.UnmodifiedText = input.DispatchKeyEventTypeKeyUp, "", ""
	_, err = chromedp.Call(b.ctx, input.DispatchKeyEvent, p)
	return err
}

// Key implements Driver.
func (b *Browser) Key(name string) error {
	if err := b.KeyDown(name); err != nil {
		return err
	}
	time.Sleep(Hold)
	return b.KeyUp(name)
}

// Click implements Driver.
func (b *Browser) Click(x, y float64) error {
	b.pace.before()
	defer b.pace.after()
	ev := func(typ input.DispatchMouseEventType, buttons int64) input.DispatchMouseEventParams {
		return input.DispatchMouseEventParams{Type: typ, X: x, Y: y, Button: input.MouseButtonLeft, Buttons: buttons, ClickCount: 1}
	}
	move := ev(input.DispatchMouseEventTypeMouseMoved, 0)
	move.Button, move.ClickCount = input.MouseButtonNone, 0
	for _, step := range []input.DispatchMouseEventParams{move, ev(input.DispatchMouseEventTypeMousePressed, 1)} {
		if _, err := chromedp.Call(b.ctx, input.DispatchMouseEvent, step); err != nil {
			return err
		}
	}
	time.Sleep(ClickHold)
	_, err := chromedp.Call(b.ctx, input.DispatchMouseEvent, ev(input.DispatchMouseEventTypeMouseReleased, 0))
	return err
}

// Screenshot implements Driver.
func (b *Browser) Screenshot(path string) error {
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	buf, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, buf, 0o644)
}

// Alive implements Driver: the page has not shown its "stopped" message.
func (b *Browser) Alive() error {
	if err := b.ctx.Err(); err != nil {
		return err
	}
	p, err := b.Page()
	if err != nil {
		return nil // a page in the middle of loading
	}
	if p.Status == "stopped" || p.Status == "no-webgl2" {
		return fmt.Errorf("the page says the program stopped (%s, exit code %v): %s", p.Status, p.ExitCode, p.Problem)
	}
	return nil
}

// Logs implements Driver: the page's recent console output.
func (b *Browser) Logs() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return tail(strings.Join(b.logs, "\n"), 4000)
}
