package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"bigthree/e2e/harness"
)

// firstLoad lists what studio.html loads before anything is used.
var firstLoad = []string{"studio.html", "studio.js", "studio.css", "studio-worker.js", "wasm_exec.js", "studiocheck.wasm"}

// budget is the limit for the first load, after gzip.
const budget = 1.5 * (1 << 20)

func gzipSize(path string) (raw, gz int, err error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, 0, err
	}
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(data)
	w.Close()
	return len(data), buf.Len(), nil
}

func measure(root, work, web string, edits int) error {
	fmt.Println("== The Studio's first load (gzip -9)")
	total := 0
	for _, f := range firstLoad {
		raw, gz, err := gzipSize(filepath.Join(web, f))
		if err != nil {
			return err
		}
		total += gz
		fmt.Printf("  %-18s %9d bytes  %9d gzip\n", f, raw, gz)
	}
	fmt.Printf("  %-18s %9s        %9d gzip = %.2f MB (budget 1.50 MB: %s)\n", "total", "", total, float64(total)/(1<<20), verdict(float64(total) <= budget))
	if raw, gz, err := gzipSize(filepath.Join(web, "bigthree.wasm")); err == nil {
		fmt.Printf("  not loaded until Try it is used: bigthree.wasm %d bytes, %d gzip\n", raw, gz)
	}

	webserve := filepath.Join(work, "webserve")
	if err := harness.Build(root, "./cmd/webserve", webserve); err != nil {
		return err
	}
	srv, err := harness.StartServer(webserve, web)
	if err != nil {
		return err
	}
	defer srv.Stop()
	b, err := harness.StartBrowser(harness.BrowserOptions{Width: 1366, Height: 768})
	if err != nil {
		return err
	}
	defer b.Close()
	if err := b.Navigate(srv.URL + "/studio.html"); err != nil {
		return err
	}
	if err := harness.StudioReady(b); err != nil {
		return err
	}
	loaded, err := harness.Eval[[]string](b, `performance.getEntriesByType("resource").map((e) => e.name.split("/").pop())`)
	if err != nil {
		return err
	}
	fmt.Printf("  fetched by the page: %s; bigthree.wasm fetched: %v\n", strings.Join(loaded, ", "), slices.Contains(loaded, "bigthree.wasm"))

	if err := harness.ClickSelector(b, "#start-campaign"); err != nil {
		return err
	}
	if _, err := harness.StudioDiagnostics(b); err != nil {
		return err
	}
	line, err := harness.Eval[int](b, `window.bigthree.studio.text().split("\n").findIndex((l) => /^\s+title: /.test(l)) + 1`)
	if err != nil {
		return err
	}
	fmt.Printf("\n== An edit of the campaign (%d edits typed into a title, line %d; 1366x768)\n", edits, line)
	fmt.Println("  times from the key press to the result drawn on the page; in brackets, the checker's own time in its worker")
	quick, check, err := timeEdits(b, line, edits, "")
	if err != nil {
		return err
	}
	report("loader's and static checks' diagnostics", quick, 100)
	report("full check (with its exploration)", check, 0)
	if err := harness.ClickSelector(b, "#tab-explore"); err != nil {
		return err
	}
	_, explore, err := timeEdits(b, line, max(5, edits/3), "explore")
	if err != nil {
		return err
	}
	report("Explore pane's report (b3 explore)", explore, 0)
	var after []float64
	for i := range explore {
		after = append(after, explore[i][0]-quick[min(i, len(quick)-1)][0])
	}
	fmt.Printf("  the exploration's findings came %.0f ms (median) after the diagnostics (goal: within 1000 ms)\n", median(after))

	if err := harness.ClickSelector(b, "#tab-play"); err != nil {
		return err
	}
	fmt.Println("\n== A 10,000-event scenario: typing while the checker works")
	if err := harness.SetStudioBytes(b, "generated.yaml", generate(10_000)); err != nil {
		return err
	}
	start := time.Now()
	if _, err := harness.StudioDiagnostics(b); err != nil {
		fmt.Printf("  the checker fails on it after %.1f s: %s\n", time.Since(start).Seconds(), firstLine(err.Error()))
	} else {
		fmt.Printf("  first full check: %.1f s\n", time.Since(start).Seconds())
	}
	gaps, err := typingGaps(b)
	if err != nil {
		return err
	}
	fmt.Printf("  while typing 20 characters during checks: longest gap between two frames %.0f ms, median %.0f ms, long tasks (over 50 ms) on the page: %.0f\n", gaps[0], gaps[1], gaps[2])
	return nil
}

func firstLine(s string) string {
	if i := strings.Index(s, "\\n"); i >= 0 {
		s = s[:i]
	}
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

func verdict(ok bool) string {
	if ok {
		return "met"
	}
	return "NOT met"
}

// timeEdits types one character at a time into the line and returns, for each edit, the time to
// the quick diagnostics and to the full check (or the exploration) with the worker's own time.
func timeEdits(b *harness.Browser, line, n int, kind string) (quick, final [][2]float64, err error) {
	for i := 0; i < n; i++ {
		if _, err := harness.Eval[bool](b, fmt.Sprintf("window.bigthree.studio.goTo(%d, 12), true", line)); err != nil {
			return nil, nil, err
		}
		ch := "x"
		if i%2 == 1 {
			ch = "\b"
		}
		if err := harness.TypeText(b, ch); err != nil {
			return nil, nil, err
		}
		wait := "window.bigthree.studio.diagnostics()"
		field, worker := "check", "checkWorker"
		if kind == "explore" {
			wait = "window.bigthree.studio.explore()"
			field, worker = "explore", "exploreWorker"
		}
		if _, err := harness.Await[bool](b, 60*time.Second, wait+".then(() => true)"); err != nil {
			return nil, nil, err
		}
		t, err := harness.Await[map[string]float64](b, 10*time.Second, `(async () => { for (;;) { const t = window.bigthree.studio.timings().pop();
		  if (t && t.`+field+` !== undefined) return t; await new Promise((r) => setTimeout(r, 20)); } })()`)
		if err != nil {
			return nil, nil, err
		}
		quick = append(quick, [2]float64{t["quick"], t["quickWorker"]})
		final = append(final, [2]float64{t[field], t[worker]})
	}
	return quick, final, nil
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

func report(what string, ts [][2]float64, goal float64) {
	var page, worker []float64
	for _, t := range ts {
		page = append(page, t[0])
		worker = append(worker, t[1])
	}
	g := ""
	if goal > 0 {
		g = fmt.Sprintf(" (goal: median within %.0f ms: %s)", goal, verdict(median(page) <= goal))
	}
	fmt.Printf("  %-42s median %6.0f ms, fastest %6.0f, slowest %6.0f  [worker %4.0f ms]%s\n", what, median(page), slices.Min(page), slices.Max(page), median(worker), g)
}

// typingGaps types into the 10,000-event scenario while the checker runs and measures the page's
// frames: the longest and the median gap between two frames, and the long tasks seen.
func typingGaps(b *harness.Browser) ([]float64, error) {
	_, err := harness.Eval[bool](b, `(() => {
	  window.__gaps = []; window.__long = 0; let last = performance.now();
	  const tick = (now) => { window.__gaps.push(now - last); last = now; if (window.__gaps.length < 100000) requestAnimationFrame(tick); };
	  requestAnimationFrame(tick);
	  try { new PerformanceObserver((l) => { window.__long += l.getEntries().length; }).observe({ type: "longtask" }); } catch (e) {}
	  window.bigthree.studio.goTo(20, 1); return true; })()`)
	if err != nil {
		return nil, err
	}
	for i := 0; i < 20; i++ {
		if err := harness.TypeText(b, "y"); err != nil {
			return nil, err
		}
		time.Sleep(80 * time.Millisecond)
	}
	_, _ = harness.StudioDiagnostics(b) // the typing is what is measured here
	return harness.Eval[[]float64](b, `(() => { const g = window.__gaps.slice(1).sort((a, b) => a - b);
	  return [g[g.length - 1], g[Math.floor(g.length / 2)], window.__long]; })()`)
}

// generate writes a scenario of n short events with two replies each (one conditional), like the
// checker's benchmarks.
func generate(n int) []byte {
	var b strings.Builder
	b.WriteString("format: 1\nid: generated\ntitle: Generated\nplayer: p\n")
	b.WriteString("characters:\n  p: {name: The Player}\n  other: {name: The Other}\n")
	b.WriteString("meters:\n  trust: {label: Trust, start: 30}\n  home: {label: Support at home, start: 55}\n")
	b.WriteString("flags: [a, b]\nevents:\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "  - id: event-%d\n    date: %d-%02d-%02d\n    from: other\n    title: Letter number %d\n", i, 1941+i/3000, 1+i/250%12, 1+i%28, i)
		b.WriteString("    text: The other side has read your message with care.\n    choices:\n")
		fmt.Fprintf(&b, "      - text: Agree, number %d.\n        effects: {trust: +5}\n        set: [a]\n", i)
		fmt.Fprintf(&b, "      - text: Refuse, number %d.\n        if: home >= 40 and not b\n        locked: Only with support at home.\n        effects: {trust: -5}\n", i)
	}
	b.WriteString("endings:\n  - {id: warm, if: trust >= 60, title: Warm, text: It held.}\n  - {id: cold, title: Cold, text: It cooled.}\n")
	return []byte(b.String())
}
