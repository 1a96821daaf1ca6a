package main

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// gzipFile writes name as the gzip of content, its header naming the writer so that a test can
// tell this file from a copy compressed by the server, with the given modification time.
func gzipFile(t *testing.T, name, content string, mod time.Time) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Name = "precompressed by the test"
	zw.Write([]byte(content))
	zw.Close()
	if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(name, mod, mod); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func gzipName(t *testing.T, data []byte) string {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("bad gzip: %v", err)
	}
	return zr.Name
}

func TestVaryOnEveryCompressibleAnswer(t *testing.T) {
	srv := testServer(t, testHandler(t, testDir(t)))
	for _, path := range []string{"/", "/wasm_exec.js", "/bigthree.wasm"} {
		resp, _ := get(t, srv, path, "gzip")
		lastMod := resp.Header.Get("Last-Modified")
		tests := []struct {
			method, accept string
			header         []string
			wantStatus     int
		}{
			{"GET", "gzip", nil, 200},
			{"GET", "", nil, 200},
			{"GET", "br", nil, 200},
			{"HEAD", "gzip", nil, 200},
			{"HEAD", "", nil, 200},
			{"GET", "gzip", []string{"Range", "bytes=0-3"}, 206},
			{"GET", "", []string{"Range", "bytes=0-3"}, 206},
			{"GET", "gzip", []string{"If-Modified-Since", lastMod}, 304},
			{"GET", "", []string{"If-Modified-Since", lastMod}, 304},
		}
		for _, tt := range tests {
			resp, _ := fetch(t, srv, tt.method, path, tt.accept, tt.header...)
			if resp.StatusCode != tt.wantStatus {
				t.Errorf("%s %s (Accept-Encoding %q, %q): status %d, want %d", tt.method, path, tt.accept, tt.header, resp.StatusCode, tt.wantStatus)
			}
			if got := resp.Header.Values("Vary"); len(got) != 1 || got[0] != "Accept-Encoding" {
				t.Errorf("%s %s (Accept-Encoding %q, %q): Vary %q, want [Accept-Encoding]", tt.method, path, tt.accept, tt.header, got)
			}
		}
	}
}

func TestServesPrecompressed(t *testing.T) {
	dir := testDir(t)
	content := strings.Repeat("module bytes ", 1000)
	write(t, filepath.Join(dir, "game.wasm"), content)
	fi, err := os.Stat(filepath.Join(dir, "game.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	gz := gzipFile(t, filepath.Join(dir, "game.wasm.gz"), content, fi.ModTime())
	srv := testServer(t, testHandler(t, dir))

	resp, body := fetch(t, srv, "GET", "/game.wasm", "gzip, deflate, br")
	if resp.StatusCode != 200 || !bytes.Equal(body, gz) {
		t.Fatalf("GET gzip: status %d, %d bytes (gzip named %q); want 200 and game.wasm.gz as it is (%d bytes)", resp.StatusCode, len(body), gzipName(t, body), len(gz))
	}
	wantHeaders := map[string]string{
		"Content-Type":     "application/wasm",
		"Content-Encoding": "gzip",
		"Content-Length":   strconv.Itoa(len(gz)),
		"Vary":             "Accept-Encoding",
		"Last-Modified":    fi.ModTime().UTC().Format(http.TimeFormat),
	}
	for k, want := range wantHeaders {
		if got := resp.Header.Get(k); got != want {
			t.Errorf("GET gzip: %s %q, want %q", k, got, want)
		}
	}
	resp, body = fetch(t, srv, "HEAD", "/game.wasm", "gzip")
	if resp.Header.Get("Content-Length") != strconv.Itoa(len(gz)) || resp.Header.Get("Content-Encoding") != "gzip" || len(body) != 0 {
		t.Errorf("HEAD gzip: Content-Length %q, Content-Encoding %q, %d bytes of body; want %d, gzip, none",
			resp.Header.Get("Content-Length"), resp.Header.Get("Content-Encoding"), len(body), len(gz))
	}
	resp, body = fetch(t, srv, "GET", "/game.wasm", "")
	if string(body) != content || resp.Header.Get("Content-Encoding") != "" || resp.Header.Get("Content-Length") != strconv.Itoa(len(content)) {
		t.Errorf("GET identity: %d bytes, Content-Encoding %q, Content-Length %q; want game.wasm as it is", len(body), resp.Header.Get("Content-Encoding"), resp.Header.Get("Content-Length"))
	}
	resp, body = fetch(t, srv, "GET", "/game.wasm", "gzip", "Range", "bytes=7-11")
	if resp.StatusCode != http.StatusPartialContent || string(body) != content[7:12] || resp.Header.Get("Content-Encoding") != "" {
		t.Errorf("GET gzip with a Range: %d %q (Content-Encoding %q), want 206 %q uncompressed", resp.StatusCode, body, resp.Header.Get("Content-Encoding"), content[7:12])
	}
}

func TestIgnoresStalePrecompressed(t *testing.T) {
	content := strings.Repeat("the module as it is now ", 500)
	tests := []struct {
		name  string
		write func(t *testing.T, name string, mod time.Time)
	}{
		{"older than the file", func(t *testing.T, name string, mod time.Time) {
			gzipFile(t, name, content, mod.Add(-time.Hour))
		}},
		{"of another file, newer", func(t *testing.T, name string, mod time.Time) {
			gzipFile(t, name, "the module as it was", mod.Add(time.Hour))
		}},
		{"not gzip", func(t *testing.T, name string, mod time.Time) {
			write(t, name, "x")
		}},
		{"a folder", func(t *testing.T, name string, mod time.Time) {
			if err := os.Mkdir(name, 0o755); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := testDir(t)
			write(t, filepath.Join(dir, "game.wasm"), content)
			fi, err := os.Stat(filepath.Join(dir, "game.wasm"))
			if err != nil {
				t.Fatal(err)
			}
			tt.write(t, filepath.Join(dir, "game.wasm.gz"), fi.ModTime())
			srv := testServer(t, testHandler(t, dir))
			resp, raw := fetch(t, srv, "GET", "/game.wasm", "gzip")
			if resp.Header.Get("Content-Encoding") != "gzip" {
				t.Fatalf("Content-Encoding %q, want gzip (compressed by the server)", resp.Header.Get("Content-Encoding"))
			}
			if got := gunzip(t, raw); got != content {
				t.Errorf("served %d bytes that decode to %.40q..., want the file as it is now", len(raw), got)
			}
		})
	}
}

// A file over the on-the-fly limit without a .gz beside it goes uncompressed, as a stream from
// the disk: the server never holds it, compressed or not, in memory.
func TestLargeFileSentAsItIs(t *testing.T) {
	dir := testDir(t)
	content := strings.Repeat("x", gzipMaxFile+1)
	write(t, filepath.Join(dir, "large.wasm"), content)
	srv := testServer(t, testHandler(t, dir))
	resp, body := fetch(t, srv, "GET", "/large.wasm", "gzip")
	if resp.StatusCode != 200 || string(body) != content {
		t.Fatalf("status %d, %d bytes; want 200 and the file", resp.StatusCode, len(body))
	}
	if got := resp.Header.Get("Content-Encoding"); got != "" {
		t.Errorf("Content-Encoding %q, want none", got)
	}
	if got := resp.Header.Get("Content-Length"); got != strconv.Itoa(len(content)) {
		t.Errorf("Content-Length %q, want %d", got, len(content))
	}
	if got := resp.Header.Get("Vary"); got != "Accept-Encoding" {
		t.Errorf("Vary %q, want Accept-Encoding", got)
	}
	gz := gzipFile(t, filepath.Join(dir, "large.wasm.gz"), content, time.Now().Add(time.Hour))
	if _, body := fetch(t, srv, "GET", "/large.wasm", "gzip"); !bytes.Equal(body, gz) {
		t.Errorf("with large.wasm.gz beside it: %d bytes, want large.wasm.gz (%d bytes)", len(body), len(gz))
	}
}
