package main

import (
	"bytes"
	"compress/gzip"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

func init() {
	// Go knows these already; stating them keeps the server right on systems whose MIME tables differ.
	mime.AddExtensionType(".wasm", "application/wasm")
	mime.AddExtensionType(".js", "text/javascript; charset=utf-8")
	mime.AddExtensionType(".yaml", "text/yaml; charset=utf-8")
}

// compressible lists the extensions worth gzipping: the .wasm shrinks to a quarter.
var compressible = map[string]bool{".wasm": true, ".js": true, ".html": true, ".css": true, ".json": true, ".yaml": true, ".svg": true, ".txt": true}

// handler serves a folder with "Cache-Control: no-cache" (the browser always asks whether a file
// changed, so a rebuilt game is picked up on reload) and gzip for clients that accept it. Gzipped
// files are kept in memory until the file on disk changes.
type handler struct {
	dir   string
	files http.Handler
	mu    sync.Mutex
	gz    map[string]gzEntry
}

type gzEntry struct {
	mod  time.Time
	size int64
	data []byte
}

func newHandler(dir string) *handler {
	return &handler{dir: dir, files: http.FileServer(http.Dir(dir)), gz: map[string]gzEntry{}}
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-cache")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name := path.Clean("/" + r.URL.Path)
	if strings.HasSuffix(name, "/") || name == "/" {
		name = path.Join(name, "index.html")
	}
	if !compressible[path.Ext(name)] || r.Header.Get("Range") != "" || !acceptsGzip(r) {
		h.files.ServeHTTP(w, r)
		return
	}
	fi, err := os.Stat(filepath.Join(h.dir, filepath.FromSlash(name)))
	if err != nil || fi.IsDir() {
		h.files.ServeHTTP(w, r) // the file server answers 404s and redirects
		return
	}
	data, err := h.gzipped(name, fi)
	if err != nil {
		h.files.ServeHTTP(w, r)
		return
	}
	w.Header().Add("Vary", "Accept-Encoding")
	w.Header().Set("Content-Encoding", "gzip")
	w.Header().Set("Content-Type", mime.TypeByExtension(path.Ext(name)))
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.Header().Set("Last-Modified", fi.ModTime().UTC().Format(http.TimeFormat))
	if ims, err := http.ParseTime(r.Header.Get("If-Modified-Since")); err == nil && !fi.ModTime().Truncate(time.Second).After(ims) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if r.Method == http.MethodHead {
		return
	}
	w.Write(data)
}

func (h *handler) gzipped(name string, fi os.FileInfo) ([]byte, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if e, ok := h.gz[name]; ok && e.mod.Equal(fi.ModTime()) && e.size == fi.Size() {
		return e.data, nil
	}
	raw, err := os.ReadFile(filepath.Join(h.dir, filepath.FromSlash(name)))
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	zw.Write(raw)
	if err := zw.Close(); err != nil {
		return nil, err
	}
	h.gz[name] = gzEntry{mod: fi.ModTime(), size: fi.Size(), data: buf.Bytes()}
	return buf.Bytes(), nil
}

// acceptsGzip reports whether the request's Accept-Encoding allows gzip.
func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		enc, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.TrimSpace(enc) != "gzip" {
			continue
		}
		q := strings.ReplaceAll(params, " ", "")
		return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
	}
	return false
}
