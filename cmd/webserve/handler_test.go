package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestServes(t *testing.T) {
	srv := testServer(t, testHandler(t, testDir(t)))
	tests := []struct {
		path, accept, wantType, wantEncoding, wantBody string
		wantStatus                                     int
	}{
		{"/bigthree.wasm", "gzip, deflate", "application/wasm", "gzip", "\x00asm\x01\x00\x00\x00 some module bytes", 200},
		{"/bigthree.wasm", "deflate, GZip;q=0.5", "application/wasm", "gzip", "\x00asm\x01\x00\x00\x00 some module bytes", 200},
		{"/bigthree.wasm", "identity", "application/wasm", "", "\x00asm\x01\x00\x00\x00 some module bytes", 200},
		{"/bigthree.wasm", "gzip;q=0", "application/wasm", "", "\x00asm\x01\x00\x00\x00 some module bytes", 200},
		{"/", "gzip", "text/html; charset=utf-8", "gzip", "<!DOCTYPE html><title>t</title>", 200},
		{"/index.html", "", "text/html; charset=utf-8", "", "<!DOCTYPE html><title>t</title>", 200},
		{"/?v=2", "gzip", "text/html; charset=utf-8", "gzip", "<!DOCTYPE html><title>t</title>", 200},
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
	if resp, _ := request(t, srv, http.MethodPost, "/index.html", ""); resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: status %d, want 405", resp.StatusCode)
	}
}

func TestGzipFollowsChanges(t *testing.T) {
	dir := testDir(t)
	srv := testServer(t, testHandler(t, dir))
	get(t, srv, "/wasm_exec.js", "gzip")
	write(t, filepath.Join(dir, "wasm_exec.js"), "console.log('rebuilt, longer')")
	if _, body := get(t, srv, "/wasm_exec.js", "gzip"); body != "console.log('rebuilt, longer')" {
		t.Errorf("after a rebuild: body %q, want the new file", body)
	}
}

// Windows-style names must be refused on every system. On Linux a backslash or a colon is an
// ordinary byte of a file name, so each name is also planted as a file of that literal name in
// the folder: a handler that hands the name to the file system serves the planted file (on
// Windows, the file outside the folder), and the test sees it.
func TestRefusesWindowsNamesAndTraversal(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "web")
	write(t, filepath.Join(dir, "index.html"), "<!DOCTYPE html>")
	write(t, filepath.Join(base, "private", "grades.txt"), "SECRET grades")
	planted := []string{
		`..\private\grades.txt`,
		`\..\private\grades.txt`,
		`C:\private\grades.txt`,
		`C:/private/grades.txt`,
		`c:grades.txt`,
		`\\host\share\grades.txt`,
		`host/share/grades.txt`, // what "//host/share/grades.txt" became once cleaned
		`\\?\C:\grades.txt`,
		`GIT~1/config`,
		`grades.txt.`,
		`grades.txt `,
		`grades.txt::$DATA`,
		`con.txt`,
		`NUL`,
		`COM1.txt`,
		`.git/config`,
		`.env`,
	}
	for _, name := range planted {
		write(t, filepath.Join(dir, filepath.FromSlash(name)), "SECRET "+name)
	}
	h := testHandler(t, dir)
	srv := testServer(t, h)
	targets := []string{
		"/..%5cprivate%5cgrades.txt",
		`/..\private\grades.txt`,
		"/%5c..%5cprivate%5cgrades.txt",
		"/C:%5cprivate%5cgrades.txt",
		"/C:/private/grades.txt",
		"/c:grades.txt",
		"/c%3agrades.txt",
		"/%5c%5chost%5cshare%5cgrades.txt",
		"//host/share/grades.txt",
		"/%5c%5c%3f%5cC:%5cgrades.txt",
		"/../private/grades.txt",
		"/..%2fprivate%2fgrades.txt",
		"/%2e%2e/private/grades.txt",
		"/sub/../../private/grades.txt",
		"/index.html%00.txt",
		"/%00",
		"/GIT~1/config",
		"/grades.txt.",
		"/grades.txt%20",
		"/grades.txt::$DATA",
		"/con.txt",
		"/NUL",
		"/COM1.txt",
		"/.git/config",
		"/.env",
		"/%2egit/config",
	}
	for _, target := range targets {
		status, body := rawGet(t, srv, target)
		if status != http.StatusNotFound && status != http.StatusBadRequest {
			t.Errorf("GET %s: status %d, want 404 (or 400)", target, status)
		}
		if strings.Contains(body, "SECRET") {
			t.Errorf("GET %s: served %q", target, body)
		}
	}
	// The same names, decoded, straight to the handler (no HTTP parsing in between).
	for _, name := range planted {
		if name == `host/share/grades.txt` {
			name = `/host/share/grades.txt`
		}
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		req.URL.Path = "/" + name
		req.Header.Set("Accept-Encoding", "gzip")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusNotFound {
			t.Errorf("path %q: status %d, want 404", req.URL.Path, rec.Code)
		}
	}
}

func TestNoListingsDotfilesOrLinksOut(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "web")
	write(t, filepath.Join(dir, "index.html"), "<!DOCTYPE html>")
	write(t, filepath.Join(dir, "game", "index.html"), "the game")
	write(t, filepath.Join(dir, "empty", "notes.txt"), "a file in a folder without index.html")
	write(t, filepath.Join(dir, ".git", "config"), "SECRET git config")
	write(t, filepath.Join(dir, ".env"), "SECRET env")
	write(t, filepath.Join(base, "private", "grades.txt"), "SECRET grades")
	links := map[string]string{
		"passwd":      "/etc/passwd",
		"grades.txt":  filepath.Join("..", "private", "grades.txt"),
		"abs.txt":     filepath.Join(base, "private", "grades.txt"),
		"private":     filepath.Join("..", "private"),
		"config.html": filepath.Join(".git", "config"),
		"inside.html": "index.html",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	srv := testServer(t, testHandler(t, dir))
	tests := []struct {
		path       string
		wantStatus int
		wantBody   string
	}{
		{"/empty/", 404, ""},
		{"/empty", 404, ""},
		{"/empty/notes.txt", 200, "a file in a folder without index.html"},
		{"/game/", 200, "the game"},
		{"/.git/config", 404, ""},
		{"/.git/", 404, ""},
		{"/.env", 404, ""},
		{"/passwd", 404, ""},
		{"/grades.txt", 404, ""},
		{"/abs.txt", 404, ""},
		{"/private/grades.txt", 404, ""},
		{"/private/", 404, ""},
		{"/config.html", 404, ""},
		{"/inside.html", 404, ""}, // no link is followed, not even one that stays inside
	}
	for _, tt := range tests {
		for _, accept := range []string{"", "gzip"} {
			resp, body := get(t, srv, tt.path, accept)
			if resp.StatusCode != tt.wantStatus {
				t.Errorf("GET %s (Accept-Encoding %q): status %d, want %d", tt.path, accept, resp.StatusCode, tt.wantStatus)
			}
			if tt.wantStatus == 200 && body != tt.wantBody {
				t.Errorf("GET %s (Accept-Encoding %q): body %q, want %q", tt.path, accept, body, tt.wantBody)
			}
			if strings.Contains(body, "SECRET") || strings.Contains(body, "root:") || strings.Contains(body, "notes.txt") && tt.wantStatus != 200 {
				t.Errorf("GET %s (Accept-Encoding %q): served %q", tt.path, accept, body)
			}
		}
	}
	// A folder named without its slash goes to the folder, so the page's relative links work.
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/game?class=3b", nil)
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != "/game/?class=3b" {
		t.Errorf("GET /game: %d to %q, want 301 to %q", resp.StatusCode, resp.Header.Get("Location"), "/game/?class=3b")
	}
}
