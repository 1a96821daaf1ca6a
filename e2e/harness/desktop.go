package harness

import (
	"errors"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// DesktopOptions says how to start a desktop program.
type DesktopOptions struct {
	Args    []string // command-line arguments
	Env     []string // extra environment, KEY=value
	DataDir string   // BIGTHREE_DATA_DIR; a new temporary folder when empty
	DocsDir string   // BIGTHREE_DOCS_DIR; a new temporary folder when empty
	WorkDir string   // working directory; a new temporary folder when empty
}

// Desktop is a desktop program running in a window on the X display named by DISPLAY.
type Desktop struct {
	Cmd       *exec.Cmd
	StateFile string
	DataDir   string
	DocsDir   string
	Window    uint32 // X window id, known once the window is mapped

	out  *syncBuffer
	pace pacer
	done chan struct{}
	err  error // the process's exit, valid once done is closed
}

// CheckDisplay reports why desktop tests cannot run here, or nil.
func CheckDisplay() error {
	if os.Getenv("DISPLAY") == "" {
		return errors.New("no X display (DISPLAY is empty): run the tests under xvfb-run -a, as scripts/test does")
	}
	if _, err := exec.LookPath("xdotool"); err != nil {
		return errors.New("xdotool is not installed (scripts/test installs it)")
	}
	return nil
}

// HoldDisplay keeps a connection to the X server open until the returned func is called. An X
// server started without -noreset resets when its last client leaves; a program started just
// after another one quit then fails with "Failed to open display".
func HoldDisplay() (release func(), err error) {
	conn, err := xgb.NewConn()
	if err != nil {
		return func() {}, err
	}
	return conn.Close, nil
}

// StartDesktop starts bin with the state hook and waits until its window is mapped.
func StartDesktop(bin string, opt DesktopOptions) (*Desktop, error) {
	tmp, err := os.MkdirTemp("", "bigthree-e2e-")
	if err != nil {
		return nil, err
	}
	d := &Desktop{StateFile: filepath.Join(tmp, "state.json"), DataDir: opt.DataDir, DocsDir: opt.DocsDir, out: &syncBuffer{}, done: make(chan struct{})}
	for _, dir := range []*string{&d.DataDir, &d.DocsDir, &opt.WorkDir} {
		if *dir == "" {
			*dir, err = os.MkdirTemp(tmp, "dir-")
			if err != nil {
				return nil, err
			}
		}
	}
	d.Cmd = exec.Command(bin, opt.Args...)
	d.Cmd.Dir = opt.WorkDir
	env := []string{}
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "BIGTHREE_") {
			env = append(env, kv)
		}
	}
	d.Cmd.Env = append(append(env, "BIGTHREE_STATE="+d.StateFile, "BIGTHREE_DATA_DIR="+d.DataDir, "BIGTHREE_DOCS_DIR="+d.DocsDir), opt.Env...)
	d.Cmd.Stdout, d.Cmd.Stderr = d.out, d.out
	if err := d.Cmd.Start(); err != nil {
		return nil, err
	}
	go func() {
		d.err = d.Cmd.Wait()
		close(d.done)
	}()
	if err := d.findWindow(20 * time.Second); err != nil {
		d.Kill()
		return nil, err
	}
	return d, nil
}

// findWindow waits for the process's visible window (GLFW sets _NET_WM_PID).
func (d *Desktop) findWindow(timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	pid := strconv.Itoa(d.Cmd.Process.Pid)
	for {
		out, _ := exec.Command("xdotool", "search", "--onlyvisible", "--pid", pid).Output()
		if f := strings.Fields(string(out)); len(f) > 0 {
			w, err := strconv.ParseUint(f[0], 10, 32)
			if err == nil {
				d.Window = uint32(w)
				return nil
			}
		}
		if err := d.Alive(); err != nil {
			return fmt.Errorf("the program stopped before showing a window: %v\n%s", err, d.Logs())
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("no window of process %s after %v\n%s", pid, timeout, d.Logs())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// State implements Driver.
func (d *Desktop) State() (State, bool, error) {
	data, err := os.ReadFile(d.StateFile)
	if errors.Is(err, os.ErrNotExist) {
		return State{}, false, nil
	}
	if err != nil {
		return State{}, false, err
	}
	s, err := ParseState(data)
	return s, err == nil, err
}

// xdotool runs xdotool with the given commands, after giving the window the keyboard focus
// when it does not have it (there is no window manager under Xvfb to do it). Setting the focus
// again when the window has it already is avoided: GLFW releases every key on a focus change.
func (d *Desktop) xdotool(args ...string) error {
	w := strconv.FormatUint(uint64(d.Window), 10)
	out, err := exec.Command("xdotool", "getwindowfocus").Output()
	if err != nil || strings.TrimSpace(string(out)) != w {
		args = append([]string{"windowfocus", "--sync", w}, args...)
	}
	out, err = exec.Command("xdotool", args...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("xdotool %s: %v: %s", strings.Join(args, " "), err, out)
	}
	return nil
}

// Key implements Driver.
func (d *Desktop) Key(name string) error {
	d.pace.before()
	defer d.pace.after()
	return d.xdotool("keydown", name, "sleep", hold(), "keyup", name)
}

// KeyDown implements Driver.
func (d *Desktop) KeyDown(name string) error {
	d.pace.before()
	return d.xdotool("keydown", name)
}

// KeyUp implements Driver.
func (d *Desktop) KeyUp(name string) error {
	defer d.pace.after()
	return d.xdotool("keyup", name)
}

// Click implements Driver.
func (d *Desktop) Click(x, y float64) error {
	d.pace.before()
	defer d.pace.after()
	w := strconv.FormatUint(uint64(d.Window), 10)
	return d.xdotool("mousemove", "--sync", "--window", w, strconv.Itoa(int(x)), strconv.Itoa(int(y)),
		"mousedown", "1", "sleep", clickHold(), "mouseup", "1")
}

func hold() string { return strconv.FormatFloat(Hold.Seconds(), 'f', 3, 64) }

func clickHold() string { return strconv.FormatFloat(ClickHold.Seconds(), 'f', 3, 64) }

// Screenshot implements Driver: it reads the window's pixels from the X server.
func (d *Desktop) Screenshot(path string) error {
	conn, err := xgb.NewConn()
	if err != nil {
		return err
	}
	defer conn.Close()
	win := xproto.Drawable(d.Window)
	geom, err := xproto.GetGeometry(conn, win).Reply()
	if err != nil {
		return fmt.Errorf("screenshot: %v", err)
	}
	w, h := int(geom.Width), int(geom.Height)
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	// Fetch in bands to stay under the X request size limit.
	const band = 128
	for y := 0; y < h; y += band {
		bh := min(band, h-y)
		rep, err := xproto.GetImage(conn, xproto.ImageFormatZPixmap, win, 0, int16(y), uint16(w), uint16(bh), 0xffffffff).Reply()
		if err != nil {
			return fmt.Errorf("screenshot: %v", err)
		}
		if len(rep.Data) < w*bh*4 {
			return fmt.Errorf("screenshot: %d bytes for %dx%d pixels (depth %d): only 24- and 32-bit visuals are handled", len(rep.Data), w, bh, rep.Depth)
		}
		for i := 0; i < w*bh; i++ {
			p := img.Pix[(y*w+i)*4:]
			p[0], p[1], p[2], p[3] = rep.Data[i*4+2], rep.Data[i*4+1], rep.Data[i*4], 0xff
		}
	}
	return writePNG(path, img)
}

func writePNG(path string, img image.Image) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// CloseWindow asks the program to close as the window's close button does (WM_DELETE_WINDOW).
func (d *Desktop) CloseWindow() error {
	conn, err := xgb.NewConn()
	if err != nil {
		return err
	}
	defer conn.Close()
	atom := func(name string) (xproto.Atom, error) {
		r, err := xproto.InternAtom(conn, false, uint16(len(name)), name).Reply()
		if err != nil {
			return 0, err
		}
		return r.Atom, nil
	}
	protocols, err := atom("WM_PROTOCOLS")
	if err != nil {
		return err
	}
	del, err := atom("WM_DELETE_WINDOW")
	if err != nil {
		return err
	}
	ev := xproto.ClientMessageEvent{
		Format: 32,
		Window: xproto.Window(d.Window),
		Type:   protocols,
		Data:   xproto.ClientMessageDataUnionData32New([]uint32{uint32(del), uint32(xproto.TimeCurrentTime), 0, 0, 0}),
	}
	return xproto.SendEventChecked(conn, false, xproto.Window(d.Window), xproto.EventMaskNoEvent, string(ev.Bytes())).Check()
}

// Alive implements Driver.
func (d *Desktop) Alive() error {
	select {
	case <-d.done:
		if d.err == nil {
			return errors.New("exited with status 0")
		}
		return d.err
	default:
		return nil
	}
}

// Logs implements Driver.
func (d *Desktop) Logs() string { return tail(d.out.String(), 4000) }

// WaitExit waits for the process to end and returns its exit error (nil for status 0).
func (d *Desktop) WaitExit(timeout time.Duration) error {
	select {
	case <-d.done:
		return d.err
	case <-time.After(timeout):
		return fmt.Errorf("still running %v later", timeout)
	}
}

// Terminate sends SIGTERM and waits for the process to end.
func (d *Desktop) Terminate(timeout time.Duration) error {
	if err := d.Cmd.Process.Signal(syscall.SIGTERM); err != nil && d.Alive() == nil {
		return err
	}
	err := d.WaitExit(timeout)
	if err != nil && d.Alive() == nil {
		d.Kill()
		return fmt.Errorf("SIGTERM: %v", err)
	}
	return nil
}

// Kill ends the process at once, if it still runs.
func (d *Desktop) Kill() {
	if d.Alive() == nil {
		d.Cmd.Process.Kill()
		<-d.done
	}
}

// CPUTime returns the user+system CPU time the process has used so far (Linux /proc).
func (d *Desktop) CPUTime() (time.Duration, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", d.Cmd.Process.Pid))
	if err != nil {
		return 0, err
	}
	// Fields after the command name, which is in parentheses and may hold spaces.
	s := string(data)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return 0, fmt.Errorf("cannot parse /proc stat: %q", s)
	}
	f := strings.Fields(s[i+1:])
	if len(f) < 13 {
		return 0, fmt.Errorf("cannot parse /proc stat: %q", s)
	}
	utime, err1 := strconv.ParseInt(f[11], 10, 64)
	stime, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, fmt.Errorf("cannot parse /proc stat: %q", s)
	}
	return time.Duration(utime+stime) * time.Second / clockTicks, nil
}

// clockTicks is USER_HZ, 100 on every Linux platform Go supports.
const clockTicks = 100
