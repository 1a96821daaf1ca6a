package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
)

func testDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"index.html":    "<!DOCTYPE html><title>t</title>",
		"bigthree.wasm": "\x00asm\x01\x00\x00\x00 some module bytes",
		"wasm_exec.js":  "console.log('go')",
	}
	for name, body := range files {
		write(t, filepath.Join(dir, name), body)
	}
	return dir
}

func write(t *testing.T, name, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func testHandler(t *testing.T, dir string) *handler {
	t.Helper()
	h, err := newHandler(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.root.Close() })
	h.logf = t.Logf
	return h
}

func testServer(t *testing.T, h http.Handler) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// fetch sends a request with the given Accept-Encoding (set explicitly, which stops the
// client's transparent gunzip) and headers (name, value, ...), and returns the response with
// its body as it came.
func fetch(t *testing.T, srv *httptest.Server, method, path, acceptEncoding string, header ...string) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest(method, srv.URL+path, nil)
	req.Header.Set("Accept-Encoding", acceptEncoding)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, data
}

// request is fetch with the body decoded when it came gzipped.
func request(t *testing.T, srv *httptest.Server, method, path, acceptEncoding string, header ...string) (*http.Response, string) {
	t.Helper()
	resp, data := fetch(t, srv, method, path, acceptEncoding, header...)
	if resp.Header.Get("Content-Encoding") == "gzip" && resp.StatusCode == http.StatusOK && method != http.MethodHead {
		return resp, gunzip(t, data)
	}
	return resp, string(data)
}

func gunzip(t *testing.T, data []byte) string {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("bad gzip: %v", err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("bad gzip: %v", err)
	}
	return string(out)
}

func get(t *testing.T, srv *httptest.Server, path, acceptEncoding string) (*http.Response, string) {
	t.Helper()
	return request(t, srv, http.MethodGet, path, acceptEncoding)
}

// rawGet sends a request line as it is, so that the path reaches the server exactly as written
// (the client would clean "..", and refuse some bytes).
func rawGet(t *testing.T, srv *httptest.Server, target string) (int, string) {
	t.Helper()
	conn, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: localhost\r\nAccept-Encoding: gzip\r\nConnection: close\r\n\r\n", target)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	defer resp.Body.Close()
	var body io.Reader = resp.Body
	if resp.Header.Get("Content-Encoding") == "gzip" {
		if body, err = gzip.NewReader(resp.Body); err != nil {
			t.Fatalf("GET %s: bad gzip: %v", target, err)
		}
	}
	data, _ := io.ReadAll(body)
	return resp.StatusCode, string(data)
}
