// Command measure starts a webserve binary and measures what issue 14 found wrong with it:
//
//   - memory: what the server holds while and after it serves a large compressible file to a
//     client that accepts gzip, and how long small requests wait meanwhile;
//   - slowloris: how long half-sent requests keep their connections open, and whether a normal
//     request still gets through while they do.
//
// Build the server first, then run (Linux: it reads /proc/PID/status):
//
//	go build -o /tmp/webserve ./cmd/webserve
//	go run ./cmd/webserve/measure -bin /tmp/webserve [-mb 540] [-gz] [-conns 100] [-max 90s] [-nofile 64]
//
// It prints figures, not verdicts: compare a build before a change with one after.
package main

import (
	"bufio"
	"compress/gzip"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

func main() {
	bin := flag.String("bin", "", "the webserve binary to measure (required)")
	mb := flag.Int("mb", 540, "size of the large file, in MB (0: skip the memory measure)")
	conns := flag.Int("conns", 100, "half-sent requests to open (0: skip the slowloris measure)")
	maxWait := flag.Duration("max", 90*time.Second, "how long to wait for the server to close them")
	precompressed := flag.Bool("gz", false, "also write large.wasm.gz beside the large file, as scripts/build-web does for the WebAssembly")
	nofile := flag.Int("nofile", 0, "run the server with this file-descriptor limit (needs prlimit; 0: the usual limit)")
	flag.Parse()
	if *bin == "" {
		flag.Usage()
		os.Exit(2)
	}
	dir, err := os.MkdirTemp("", "webserve-measure-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(strings.Repeat("<p>small page</p>\n", 200)), 0o644); err != nil {
		log.Fatal(err)
	}
	if *mb > 0 {
		if err := writeLarge(filepath.Join(dir, "large.wasm"), int64(*mb)<<20); err != nil {
			log.Fatal(err)
		}
		if *precompressed {
			if err := writeGzip(filepath.Join(dir, "large.wasm")); err != nil {
				log.Fatal(err)
			}
		}
	}
	srv, err := start(*bin, dir, *nofile)
	if err != nil {
		log.Fatal(err)
	}
	defer srv.stop()
	if *mb > 0 {
		measureMemory(srv, *mb)
	}
	if *conns > 0 {
		measureSlowloris(srv, *conns, *maxWait)
	}
}

// writeLarge writes a file of words drawn at random from a small vocabulary: it gzips to about
// a third, like the game's WebAssembly.
func writeLarge(name string, size int64) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	words := strings.Fields("treaty front convoy lend lease telegram ally summit border zone aid delay promise trust home support")
	r := rand.New(rand.NewPCG(1, 2))
	var n int64
	for n < size {
		k, _ := w.WriteString(words[r.IntN(len(words))])
		w.WriteByte(" \n"[r.IntN(2)])
		n += int64(k) + 1
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// writeGzip writes NAME.gz beside NAME.
func writeGzip(name string) error {
	src, err := os.Open(name)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.Create(name + ".gz")
	if err != nil {
		return err
	}
	zw, _ := gzip.NewWriterLevel(dst, gzip.BestSpeed)
	if _, err := io.Copy(zw, src); err != nil {
		dst.Close()
		return err
	}
	if err := zw.Close(); err != nil {
		dst.Close()
		return err
	}
	return dst.Close()
}

type server struct {
	cmd  *exec.Cmd
	addr string // host:port
}

func start(bin, dir string, nofile int) (*server, error) {
	args := []string{bin, "-addr", "127.0.0.1:0", dir}
	if nofile > 0 {
		args = append([]string{"prlimit", "--nofile=" + strconv.Itoa(nofile) + ":" + strconv.Itoa(nofile), "--"}, args...)
	}
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		cmd.Process.Kill()
		return nil, fmt.Errorf("the server printed no address: %v", err)
	}
	i := strings.Index(line, "http://")
	if i < 0 {
		cmd.Process.Kill()
		return nil, fmt.Errorf("the server printed %q, not its address", line)
	}
	u := strings.TrimSuffix(strings.Fields(line[i+len("http://"):])[0], "/")
	_, port, _ := net.SplitHostPort(u)
	go io.Copy(io.Discard, out)
	return &server{cmd: cmd, addr: net.JoinHostPort("127.0.0.1", port)}, nil
}

func (s *server) stop() {
	s.cmd.Process.Kill()
	s.cmd.Wait()
}

// status returns a field of /proc/PID/status in MB (VmRSS: resident now, VmHWM: peak).
func (s *server) status(field string) float64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", s.cmd.Process.Pid))
	if err != nil {
		return -1
	}
	for line := range strings.SplitSeq(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, field+":"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			return kb / 1024
		}
	}
	return -1
}

// fetch GETs a path with Accept-Encoding: gzip and reads the whole body.
func (s *server) fetch(client *http.Client, path string) (encoding string, n int64, err error) {
	req, _ := http.NewRequest(http.MethodGet, "http://"+s.addr+path, nil)
	req.Header.Set("Accept-Encoding", "gzip") // set by hand: the body stays compressed
	resp, err := client.Do(req)
	if err != nil {
		return "", 0, err
	}
	defer resp.Body.Close()
	n, err = io.Copy(io.Discard, resp.Body)
	if err == nil && resp.StatusCode != http.StatusOK {
		err = errors.New(resp.Status)
	}
	return resp.Header.Get("Content-Encoding"), n, err
}

func measureMemory(s *server, mb int) {
	client := &http.Client{Timeout: 10 * time.Minute}
	before := s.status("VmRSS")
	type result struct {
		enc string
		n   int64
		err error
		d   time.Duration
	}
	large := make(chan result, 1)
	t0 := time.Now()
	go func() {
		enc, n, err := s.fetch(client, "/large.wasm")
		large <- result{enc, n, err, time.Since(t0)}
	}()
	// Small compressible requests, one after another, for as long as the large one runs.
	var small []time.Duration
	var r result
	for done := false; !done; {
		t := time.Now()
		if _, _, err := s.fetch(client, "/index.html"); err != nil {
			log.Printf("small request failed: %v", err)
		}
		small = append(small, time.Since(t))
		select {
		case r = <-large:
			done = true
		case <-time.After(20 * time.Millisecond):
		}
	}
	if r.err != nil {
		log.Printf("the large request failed: %v", r.err)
	}
	time.Sleep(3 * time.Second) // let the server's runtime hand back what it no longer holds
	kept := s.status("VmRSS")
	t := time.Now()
	_, _, err := s.fetch(client, "/large.wasm")
	again := time.Since(t)
	if err != nil {
		log.Printf("the second large request failed: %v", err)
	}
	enc := r.enc
	if enc == "" {
		enc = "identity"
	}
	fmt.Printf("memory: a %d MB compressible file, sent as %s (%.0f MB) in %.1f s; again in %.1f s\n",
		mb, enc, float64(r.n)/(1<<20), r.d.Seconds(), again.Seconds())
	fmt.Printf("  server resident memory: %.0f MB before, peak %.0f MB, %.0f MB kept 3 s after\n",
		before, s.status("VmHWM"), kept)
	fmt.Printf("  %d small requests meanwhile: median %s, slowest %s\n",
		len(small), median(small).Round(time.Millisecond), slices.Max(small).Round(time.Millisecond))
}

func measureSlowloris(s *server, n int, maxWait time.Duration) {
	var wg sync.WaitGroup
	closed := make([]time.Duration, n) // 0: still open at maxWait
	opened := 0
	t0 := time.Now()
	for i := range n {
		c, err := net.Dial("tcp", s.addr)
		if err != nil {
			log.Printf("connection %d: %v", i, err)
			continue
		}
		opened++
		// The request line and one header, never the blank line that ends the headers.
		if _, err := io.WriteString(c, "GET /index.html HTTP/1.1\r\nHost: localhost\r\n"); err != nil {
			log.Printf("connection %d: %v", i, err)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer c.Close()
			c.SetReadDeadline(t0.Add(maxWait))
			_, err := io.Copy(io.Discard, c)
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				return
			}
			closed[i] = time.Since(t0)
		}()
	}
	// A normal request while they are open.
	client := &http.Client{Timeout: 5 * time.Second}
	t := time.Now()
	_, _, err := s.fetch(client, "/index.html")
	normal := fmt.Sprintf("served in %s", time.Since(t).Round(time.Millisecond))
	if err != nil {
		normal = fmt.Sprintf("FAILED (%v)", err)
	}
	wg.Wait()
	var times []time.Duration
	for _, d := range closed {
		if d > 0 {
			times = append(times, d)
		}
	}
	fmt.Printf("slowloris: %d half-sent requests; a normal request meanwhile: %s\n", opened, normal)
	if len(times) > 0 {
		fmt.Printf("  %d closed by the server after %.1f to %.1f s (median %.1f s); %d still open after %s\n",
			len(times), slices.Min(times).Seconds(), slices.Max(times).Seconds(), median(times).Seconds(), opened-len(times), maxWait)
	} else {
		fmt.Printf("  none closed by the server: all %d still open after %s\n", opened, maxWait)
	}
}

func median(d []time.Duration) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2]
}
