package main

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// randomText does not compress much: each file's gzipped copy is nearly as large as the file.
func randomText(seed uint64, n int) string {
	r := rand.New(rand.NewPCG(seed, seed))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('!' + r.IntN(94))
	}
	return string(b)
}

func TestCacheBounded(t *testing.T) {
	dir := testDir(t)
	h := testHandler(t, dir)
	h.gz = newGzipCache(4000, 5000)
	srv := testServer(t, h)
	files := map[string]string{}
	for i := range 6 {
		name := fmt.Sprintf("f%d.js", i)
		files[name] = randomText(uint64(i), 2000)
		write(t, filepath.Join(dir, name), files[name])
	}
	write(t, filepath.Join(dir, "big.js"), randomText(9, 4001))
	for round := range 2 {
		for i := range 6 {
			name := fmt.Sprintf("f%d.js", i)
			resp, body := get(t, srv, "/"+name, "gzip")
			if resp.Header.Get("Content-Encoding") != "gzip" || body != files[name] {
				t.Fatalf("round %d, %s: Content-Encoding %q, body right: %v", round, name, resp.Header.Get("Content-Encoding"), body == files[name])
			}
			n, total := h.gz.kept()
			if total > 5000 || n > 2 {
				t.Fatalf("round %d, after %s: %d files, %d bytes kept; want at most 5000 bytes", round, name, n, total)
			}
		}
	}
	if resp, _ := get(t, srv, "/big.js", "gzip"); resp.Header.Get("Content-Encoding") != "" {
		t.Errorf("a file over the per-file limit: Content-Encoding %q, want none", resp.Header.Get("Content-Encoding"))
	}
	// The least recently used goes first.
	get(t, srv, "/f0.js", "gzip")
	get(t, srv, "/f1.js", "gzip")
	get(t, srv, "/f0.js", "gzip")
	get(t, srv, "/f2.js", "gzip")
	h.gz.mu.Lock()
	_, has0 := h.gz.entries["f0.js"]
	_, has1 := h.gz.entries["f1.js"]
	h.gz.mu.Unlock()
	if !has0 || has1 {
		t.Errorf("after f0, f1, f0, f2: f0 kept %v, f1 kept %v; want f0 kept and f1 dropped", has0, has1)
	}
}

// While one file is being compressed (held at the test's hook), a request for another file,
// compressed or not, is answered: the cache's lock is not held during compression.
func TestCompressionDoesNotBlockOtherFiles(t *testing.T) {
	dir := testDir(t)
	write(t, filepath.Join(dir, "slow.js"), "compressed while the test holds it")
	h := testHandler(t, dir)
	started, release := make(chan struct{}), make(chan struct{})
	h.gz.beforeCompress = func(name string) {
		if name == "slow.js" {
			close(started)
			<-release
		}
	}
	srv := testServer(t, h)
	slow := make(chan string, 1)
	go func() {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+"/slow.js", nil)
		resp, err := http.DefaultClient.Do(req) // the client asks for gzip and decodes it
		if err != nil {
			slow <- err.Error()
			return
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		slow <- fmt.Sprint(resp.Uncompressed, " ", string(body), err)
	}()
	<-started
	others := make(chan string, 1)
	go func() {
		var results []string
		for _, path := range []string{"/wasm_exec.js", "/", "/bigthree.wasm"} {
			for _, accept := range []string{"gzip", ""} {
				req, _ := http.NewRequest(http.MethodGet, srv.URL+path, nil)
				req.Header.Set("Accept-Encoding", accept)
				resp, err := http.DefaultTransport.RoundTrip(req)
				if err != nil {
					results = append(results, err.Error())
					continue
				}
				resp.Body.Close()
				results = append(results, fmt.Sprint(resp.StatusCode))
			}
		}
		others <- strings.Join(results, " ")
	}()
	select {
	case got := <-others:
		if got != "200 200 200 200 200 200" {
			t.Errorf("other files while slow.js is compressed: %s, want 200 each", got)
		}
	case <-time.After(time.Minute): // a safety net, not a measure: the answers are immediate
		t.Fatal("requests for other files waited for slow.js's compression")
	}
	close(release)
	if got := <-slow; got != "true compressed while the test holds it<nil>" {
		t.Errorf("slow.js: %q", got)
	}
}

// A second request for a file under compression waits for that compression (it does not start
// another), and stops waiting when its client goes away.
func TestOneCompressionPerFile(t *testing.T) {
	dir := testDir(t)
	write(t, filepath.Join(dir, "a.js"), "compressed once")
	h := testHandler(t, dir)
	var mu sync.Mutex
	calls := 0
	started, release := make(chan struct{}), make(chan struct{})
	h.gz.beforeCompress = func(string) {
		mu.Lock()
		calls++
		first := calls == 1
		mu.Unlock()
		if first {
			close(started)
			<-release
		}
	}
	fi, f := statOpen(t, h, "a.js")
	first := make(chan error, 1)
	go func() {
		_, err := h.gz.get(context.Background(), "a.js", fi, f)
		first <- err
	}()
	<-started
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, f2 := statOpen(t, h, "a.js")
	if _, err := h.gz.get(ctx, "a.js", fi, f2); err != context.Canceled {
		t.Errorf("a request whose client left, while a.js is compressed: error %v, want context.Canceled", err)
	}
	close(release)
	if err := <-first; err != nil {
		t.Fatal(err)
	}
	data, err := h.gz.get(context.Background(), "a.js", fi, f2)
	if err != nil || gunzip(t, data) != "compressed once" {
		t.Errorf("after the compression: %q, %v", data, err)
	}
	mu.Lock()
	defer mu.Unlock()
	if calls != 1 {
		t.Errorf("a.js compressed %d times, want once", calls)
	}
}

func statOpen(t *testing.T, h *handler, name string) (os.FileInfo, *os.File) {
	t.Helper()
	file, info, err := h.open(name)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { file.Close() })
	return info, file
}

// A large file sent uncompressed for lack of its .gz is reported once to the person running the
// server, with what to do.
func TestSaysOnceWhenSentUncompressed(t *testing.T) {
	dir := testDir(t)
	write(t, filepath.Join(dir, "large.wasm"), strings.Repeat("x", 3000))
	h := testHandler(t, dir)
	h.gz = newGzipCache(1000, 10000)
	var said []string
	h.logf = func(format string, args ...any) { said = append(said, fmt.Sprintf(format, args...)) }
	srv := testServer(t, h)
	for range 3 {
		get(t, srv, "/large.wasm", "gzip")
	}
	want := "webserve: large.wasm is 0.0 MB and has no up-to-date large.wasm.gz beside it, so it is sent uncompressed (scripts/build-web writes the .gz)"
	if len(said) != 1 || said[0] != want {
		t.Errorf("said %q, want once %q", said, want)
	}
}
