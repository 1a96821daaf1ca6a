//go:build unix

package main

import (
	"net/http"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// A named pipe in the folder: opening it for reading would wait for a writer forever, holding
// the connection (and, before, the gzip lock). It is refused at once.
func TestNamedPipeRefused(t *testing.T) {
	dir := testDir(t)
	for _, name := range []string{"pipe.js", "pipe.bin"} {
		if err := syscall.Mkfifo(filepath.Join(dir, name), 0o644); err != nil {
			t.Skipf("no named pipes here: %v", err)
		}
	}
	srv := testServer(t, testHandler(t, dir))
	for _, path := range []string{"/pipe.js", "/pipe.bin"} {
		for _, accept := range []string{"", "gzip"} {
			status := make(chan int, 1)
			go func() {
				req, _ := http.NewRequest(http.MethodGet, srv.URL+path, nil)
				req.Header.Set("Accept-Encoding", accept)
				resp, err := http.DefaultTransport.RoundTrip(req)
				if err != nil {
					status <- -1
					return
				}
				resp.Body.Close()
				status <- resp.StatusCode
			}()
			select {
			case got := <-status:
				if got != http.StatusNotFound {
					t.Errorf("GET %s (Accept-Encoding %q): status %d, want 404", path, accept, got)
				}
			case <-time.After(time.Minute): // a safety net, not a measure: the answer is immediate
				t.Fatalf("GET %s (Accept-Encoding %q): no answer: the server waits on the pipe", path, accept)
			}
		}
	}
}
