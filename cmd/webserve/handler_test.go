package main

import (
	"compress/gzip"
	"io"
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
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func get(t *testing.T, srv *httptest.Server, path, acceptEncoding string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, srv.URL+path, nil)
	req.Header.Set("Accept-Encoding", acceptEncoding) // set explicitly: stops the client's transparent gunzip
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body io.Reader = resp.Body
	if resp.Header.Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			t.Fatalf("%s: bad gzip: %v", path, err)
		}
		body = zr
	}
	data, err := io.ReadAll(body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(data)
}

func TestServes(t *testing.T) {
	srv := httptest.NewServer(newHandler(testDir(t)))
	defer srv.Close()
	tests := []struct {
		path, accept, wantType, wantEncoding, wantBody string
		wantStatus                                     int
	}{
		{"/bigthree.wasm", "gzip, deflate", "application/wasm", "gzip", "\x00asm\x01\x00\x00\x00 some module bytes", 200},
		{"/bigthree.wasm", "identity", "application/wasm", "", "\x00asm\x01\x00\x00\x00 some module bytes", 200},
		{"/bigthree.wasm", "gzip;q=0", "application/wasm", "", "\x00asm\x01\x00\x00\x00 some module bytes", 200},
		{"/", "gzip", "text/html; charset=utf-8", "gzip", "<!DOCTYPE html><title>t</title>", 200},
		{"/wasm_exec.js", "", "text/javascript; charset=utf-8", "", "console.log('go')", 200},
		{"/missing.wasm", "gzip", "", "", "", 404},
	}
	for _, tt := range tests {
		resp, body := get(t, srv, tt.path, tt.accept)
		if resp.StatusCode != tt.wantStatus {
			t.Errorf("GET %s: status %d, want %d", tt.path, resp.StatusCode, tt.wantStatus)
			continue
		}
		if tt.wantStatus != 200 {
			continue
		}
		if got := resp.Header.Get("Cache-Control"); got != "no-cache" {
			t.Errorf("GET %s: Cache-Control %q, want %q", tt.path, got, "no-cache")
		}
		if got := resp.Header.Get("Content-Type"); got != tt.wantType {
			t.Errorf("GET %s: Content-Type %q, want %q", tt.path, got, tt.wantType)
		}
		if got := resp.Header.Get("Content-Encoding"); got != tt.wantEncoding {
			t.Errorf("GET %s (Accept-Encoding %q): Content-Encoding %q, want %q", tt.path, tt.accept, got, tt.wantEncoding)
		}
		if body != tt.wantBody {
			t.Errorf("GET %s: body %q, want %q", tt.path, body, tt.wantBody)
		}
	}
}

func TestGzipFollowsChanges(t *testing.T) {
	dir := testDir(t)
	srv := httptest.NewServer(newHandler(dir))
	defer srv.Close()
	get(t, srv, "/wasm_exec.js", "gzip")
	if err := os.WriteFile(filepath.Join(dir, "wasm_exec.js"), []byte("console.log('rebuilt, longer')"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, body := get(t, srv, "/wasm_exec.js", "gzip"); body != "console.log('rebuilt, longer')" {
		t.Errorf("after a rebuild: body %q, want the new file", body)
	}
}
