// Command perf measures the game against cmd/baseline, in one run on one machine, and prints a
// table of values and ratios. scripts/perf runs it under Xvfb; see that script for what is measured.
package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"bigthree/e2e/harness"
)

var (
	seconds = flag.Int("seconds", 10, "length of each desktop measurement, in seconds of game ticks")
	runs    = flag.Int("runs", 3, "page loads per program for the first-frame time (the median is shown)")
)

// program is one of the two programs measured.
type program struct {
	name, pkg string
	bin, web  string
	ok        bool // built
}

// row is one line of the table.
type row struct {
	what, unit, goal string
	game, base       float64
	gameOK, baseOK   bool
	note             string
	ratio            bool
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("perf: ")
	flag.Parse()
	root, err := harness.Root()
	if err != nil {
		log.Fatal(err)
	}
	tmp, err := os.MkdirTemp("", "bigthree-perf-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)

	game := &program{name: "game", pkg: "./cmd/bigthree"}
	base := &program{name: "baseline", pkg: "./cmd/baseline"}
	for _, p := range []*program{game, base} {
		if _, err := os.Stat(filepath.Join(root, p.pkg, "main.go")); err != nil {
			log.Printf("%s: %s is not in the tree: skipped", p.name, p.pkg)
			continue
		}
		log.Printf("building %s (desktop and browser)", p.name)
		p.bin = filepath.Join(tmp, p.name)
		p.web = filepath.Join(tmp, "web-"+p.name)
		if err := harness.Build(root, p.pkg, p.bin); err != nil {
			log.Fatal(err)
		}
		if err := harness.BuildWeb(root, p.web, p == base); err != nil {
			log.Fatal(err)
		}
		p.ok = true
	}
	webserve := filepath.Join(tmp, "webserve")
	if err := harness.Build(root, "./cmd/webserve", webserve); err != nil {
		log.Fatal(err)
	}

	var rows []row
	idle := row{what: "(a) frames rendered per second, idle desk", unit: "fps", goal: "0 (game)"}
	scroll := row{what: "(b) CPU per rendered frame, animating desk", unit: "ms", goal: "<= 1.3x", ratio: true}
	heap := row{what: "(c) heap allocated per frame, animating desk", unit: "bytes", goal: "small"}
	size := row{what: "(d) .wasm size after gzip -9", unit: "MB", goal: "<= 1.3x", ratio: true}
	first := row{what: "(e) navigation to first frame, Chromium", unit: "ms", goal: "<= 1.3x", ratio: true}

	if err := harness.CheckDisplay(); err != nil {
		log.Printf("desktop measurements skipped: %v", err)
	} else {
		release, _ := harness.HoldDisplay()
		defer release()
		for _, p := range []*program{game, base} {
			if !p.ok {
				continue
			}
			v, err := idleFPS(p)
			set(&idle, p == game, v, err)
			cpu, alloc, err := scrollCPU(p)
			set(&scroll, p == game, cpu, err)
			set(&heap, p == game, alloc, err)
		}
	}
	for _, p := range []*program{game, base} {
		if !p.ok {
			continue
		}
		v, err := gzipSize(filepath.Join(p.web, "bigthree.wasm"))
		set(&size, p == game, v, err)
	}
	if _, err := harness.ChromiumPath(); err != nil {
		log.Printf("browser measurement skipped: %v", err)
	} else {
		for _, p := range []*program{game, base} {
			if !p.ok {
				continue
			}
			v, err := firstFrame(webserve, p)
			set(&first, p == game, v, err)
		}
	}
	rows = append(rows, idle, scroll, heap, size, first)
	printTable(rows)
}

func set(r *row, game bool, v float64, err error) {
	if err != nil {
		who := "baseline"
		if game {
			who = "game"
		}
		log.Printf("%s, %s: %v", r.what, who, err)
		r.note = strings.TrimSpace(r.note + " " + who + ": n/a")
		return
	}
	if game {
		r.game, r.gameOK = v, true
	} else {
		r.base, r.baseOK = v, true
	}
}

// start runs a desktop program in a bench mode and waits until it shows the desk (or the
// baseline's screen) and has run two seconds of ticks.
func start(p *program, bench string) (*harness.Desktop, harness.State, error) {
	d, err := harness.StartDesktop(p.bin, harness.DesktopOptions{Env: []string{"BIGTHREE_BENCH=" + bench}})
	if err != nil {
		return nil, harness.State{}, err
	}
	st, err := harness.Wait(d, 20*time.Second, "the desk", func(s harness.State) bool { return s.Scene == "desk" || s.Scene == "baseline" })
	if err != nil {
		d.Kill()
		return nil, st, fmt.Errorf("BIGTHREE_BENCH=%s did not start on the desk (the state hook reports bench and the scene): %v", bench, firstLine(err))
	}
	st, err = harness.Wait(d, 20*time.Second, "two seconds of warm-up", func(s harness.State) bool { return s.Ticks >= st.Ticks+120 })
	if err != nil {
		d.Kill()
		return nil, st, err
	}
	return d, st, nil
}

// sample waits for the next write of the state file and reads the process's CPU time at once.
func sample(d *harness.Desktop, after int64) (harness.State, time.Duration, error) {
	timeout := time.Duration(2**seconds+10) * time.Second // ticks run late on a loaded machine
	st, err := harness.Wait(d, timeout, "a state write", func(s harness.State) bool { return s.Ticks > after })
	if err != nil {
		return st, 0, err
	}
	cpu, err := d.CPUTime()
	return st, cpu, err
}

// idleFPS is the number of frames rendered per second of ticks on a settled, idle desk.
func idleFPS(p *program) (float64, error) {
	log.Printf("%s: idle desk, %d s", p.name, *seconds)
	d, st, err := start(p, "desk")
	if err != nil {
		return 0, err
	}
	defer d.Terminate(5 * time.Second)
	s1, _, err := sample(d, st.Ticks)
	if err != nil {
		return 0, err
	}
	s2, _, err := sample(d, s1.Ticks+int64(*seconds)*60-1)
	if err != nil {
		return 0, err
	}
	return float64(s2.Frames-s1.Frames) / (float64(s2.Ticks-s1.Ticks) / 60), nil
}

// scrollCPU is the CPU time per rendered frame while the desk animates, and the heap allocated
// per frame that the program reports.
func scrollCPU(p *program) (ms, alloc float64, err error) {
	log.Printf("%s: animating desk, %d s", p.name, *seconds)
	d, st, err := start(p, "scroll")
	if err != nil {
		return 0, 0, err
	}
	defer d.Terminate(5 * time.Second)
	s1, c1, err := sample(d, st.Ticks)
	if err != nil {
		return 0, 0, err
	}
	s2, c2, err := sample(d, s1.Ticks+int64(*seconds)*60-1)
	if err != nil {
		return 0, 0, err
	}
	frames := s2.Frames - s1.Frames
	if frames < int64(*seconds)*10 {
		return 0, 0, fmt.Errorf("only %d frames in %d s: the desk is not animating (BIGTHREE_BENCH=scroll)", frames, *seconds)
	}
	if !strings.Contains(s2.Raw, `"heap_alloc_per_frame"`) {
		err = fmt.Errorf("no heap_alloc_per_frame in the state")
	} else {
		alloc = float64(s2.HeapAllocPerFrame)
	}
	ms = float64(c2-c1) / float64(time.Millisecond) / float64(frames)
	log.Printf("%s: %d frames in %d ticks, %v CPU", p.name, frames, s2.Ticks-s1.Ticks, c2-c1)
	if err != nil {
		log.Printf("%s: %v", p.name, err)
	}
	return ms, alloc, nil
}

func gzipSize(path string) (float64, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(data)
	if err := zw.Close(); err != nil {
		return 0, err
	}
	return float64(buf.Len()) / (1 << 20), nil
}

// firstFrame is the median time from navigation to the first frame the page sees drawn
// (window.bigthreePage.firstFrameMs, which web/index.html records), over fresh browsers.
func firstFrame(webserve string, p *program) (float64, error) {
	log.Printf("%s: first frame in Chromium, %d loads", p.name, *runs)
	srv, err := harness.StartServer(webserve, p.web)
	if err != nil {
		return 0, err
	}
	defer srv.Stop()
	// Let the server gzip the .wasm once before timing.
	req, _ := http.NewRequest("GET", srv.URL+"bigthree.wasm", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	if resp, err := http.DefaultClient.Do(req); err == nil {
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	var times []float64
	for range *runs {
		b, err := harness.StartBrowser(harness.BrowserOptions{})
		if err != nil {
			return 0, err
		}
		err = b.Navigate(srv.URL)
		var pg harness.Page
		deadline := time.Now().Add(60 * time.Second)
		for err == nil {
			pg, err = b.Page()
			if err == nil && (pg.FirstFrameMs != nil || pg.Status == "stopped" || pg.Status == "no-webgl2") {
				break
			}
			if time.Now().After(deadline) {
				err = fmt.Errorf("no first frame after 60 s")
			}
			time.Sleep(20 * time.Millisecond)
		}
		b.Close()
		if err != nil {
			return 0, err
		}
		if pg.FirstFrameMs == nil {
			return 0, fmt.Errorf("the page stopped: %s", pg.Problem)
		}
		if pg.StartedMs != nil {
			log.Printf("%s: instantiated at %.0f ms, first frame %.0f ms later", p.name, *pg.StartedMs, *pg.FirstFrameMs-*pg.StartedMs)
		}
		times = append(times, *pg.FirstFrameMs)
	}
	slices.Sort(times)
	log.Printf("%s: first frame at %v ms", p.name, times)
	return times[len(times)/2], nil
}

func printTable(rows []row) {
	chromium := "none"
	if path, err := harness.ChromiumPath(); err == nil {
		if out, err := exec.Command(path, "--version").Output(); err == nil {
			chromium = strings.TrimSpace(string(out))
		}
	}
	fmt.Printf("\nbigthree performance: game / baseline, measured in one run (%s, %s, %d CPUs, %s)\n\n",
		runtime.Version(), runtime.GOOS+"/"+runtime.GOARCH, runtime.NumCPU(), chromium)
	fmt.Printf("%-46s %12s %12s %8s  %-9s %s\n", "measure", "game", "baseline", "ratio", "goal", "")
	for _, r := range rows {
		g, b, ratio := "n/a", "n/a", "-"
		if r.gameOK {
			g = format(r.game, r.unit)
		}
		if r.baseOK {
			b = format(r.base, r.unit)
		}
		if r.ratio && r.gameOK && r.baseOK && r.base > 0 {
			ratio = fmt.Sprintf("%.2fx", r.game/r.base)
		}
		fmt.Printf("%-46s %12s %12s %8s  %-9s %s\n", r.what, g, b, ratio, r.goal, r.note)
	}
	fmt.Printf("\n(a) and (b) in Xvfb (Mesa llvmpipe) at 1280x720, %d s of ticks each; CPU = utime+stime of the process\n", *seconds)
	fmt.Println("    (all threads). (e) is the median of fresh headless Chromium loads from cmd/webserve on loopback.")
}

func format(v float64, unit string) string {
	switch unit {
	case "MB":
		return fmt.Sprintf("%.2f MB", v)
	case "ms":
		if v < 10 {
			return fmt.Sprintf("%.2f ms", v)
		}
		return fmt.Sprintf("%.0f ms", v)
	case "bytes":
		return fmt.Sprintf("%.0f B", v)
	case "fps":
		return fmt.Sprintf("%.1f", v)
	}
	return fmt.Sprint(v)
}

func firstLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}
