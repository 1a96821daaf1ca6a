package main

import (
	"bytes"
	"errors"
	"io"
	"log"
	"mime"
	"net/http"
	"os"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
)

func init() {
	// Go knows these already; stating them keeps the server right on systems whose MIME tables differ.
	mime.AddExtensionType(".wasm", "application/wasm")
	mime.AddExtensionType(".js", "text/javascript; charset=utf-8")
	mime.AddExtensionType(".yaml", "text/yaml; charset=utf-8")
}

// compressible lists the extensions worth gzipping: the .wasm shrinks to a quarter.
var compressible = map[string]bool{".wasm": true, ".js": true, ".html": true, ".css": true, ".json": true, ".yaml": true, ".svg": true, ".txt": true}

// handler serves the regular files of one folder, opened only through an os.Root, so that no
// name and no symbolic link reaches outside it. It lists no folders and serves no name that
// begins with a dot. Responses say "Cache-Control: no-cache" (the browser always asks whether a
// file changed, so a rebuilt game is picked up on reload). Clients that accept gzip get the
// precompressed NAME.gz that scripts/build-web writes beside a file, or, for small files only,
// a copy compressed on the fly and kept in a bounded cache.
type handler struct {
	root *os.Root
	gz   *gzipCache
	logf func(format string, args ...any)

	warned sync.Map // names already reported as sent uncompressed
}

// Limits of the on-the-fly compression. The files of the web build other than the WebAssembly
// are a few tens of kilobytes; the WebAssembly (tens of megabytes) comes precompressed.
const (
	gzipMaxFile  = 1 << 20 // larger files are sent as they are, unless NAME.gz is there
	gzipMaxTotal = 8 << 20 // compressed bytes kept, all files together
)

// newHandler opens dir as the root of everything the handler serves.
func newHandler(dir string) (*handler, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &handler{root: root, gz: newGzipCache(gzipMaxFile, gzipMaxTotal), logf: log.Printf}, nil
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name, ok := requestName(r.URL.Path)
	if !ok {
		http.NotFound(w, r)
		return
	}
	if compressible[path.Ext(name)] {
		// Every answer for such a name depends on Accept-Encoding, the uncompressed ones too:
		// a cache must not hand a gzip-less client the gzipped copy, nor the reverse.
		w.Header().Set("Vary", "Accept-Encoding")
	}
	f, fi, err := h.open(name)
	if errors.Is(err, errFolder) {
		h.redirectFolder(w, r, name)
		return
	}
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	if compressible[path.Ext(name)] && r.Header.Get("Range") == "" && acceptsGzip(r) {
		if h.servePrecompressed(w, r, name, fi) {
			return
		}
		if fi.Size() <= h.gz.maxFile {
			data, err := h.gz.get(r.Context(), name, fi, f)
			if err == nil {
				serveGzip(w, r, name, fi.ModTime(), bytes.NewReader(data), int64(len(data)))
				return
			}
			if r.Context().Err() != nil {
				return
			}
			// The file changed while it was read: send it as it is now (ServeContent rewinds it).
		} else if _, said := h.warned.LoadOrStore(name, true); !said {
			h.logf("webserve: %s is %.1f MB and has no up-to-date %s.gz beside it, so it is sent uncompressed (scripts/build-web writes the .gz)",
				name, float64(fi.Size())/(1<<20), path.Base(name))
		}
	}
	http.ServeContent(w, r, name, fi.ModTime(), f)
}

// redirectFolder answers a request for a folder named without its final slash: to the folder's
// index.html if it has one (as "sub/", so that the page's relative links work), 404 otherwise.
func (h *handler) redirectFolder(w http.ResponseWriter, r *http.Request, name string) {
	f, _, err := h.open(name + "/index.html")
	if err != nil {
		http.NotFound(w, r)
		return
	}
	f.Close()
	target := path.Base(name) + "/"
	if r.URL.RawQuery != "" {
		target += "?" + r.URL.RawQuery
	}
	http.Redirect(w, r, target, http.StatusMovedPermanently)
}

var (
	errFolder     = errors.New("a folder")
	errNotRegular = errors.New("not a regular file")
	errLink       = errors.New("a symbolic link")
)

// open opens a regular file of the folder by its slash-separated name. It answers errFolder for
// a folder, and refuses devices, sockets and named pipes (a pipe is opened without waiting for
// a writer, so a request for one cannot hang). It follows no symbolic link, not even one that
// stays inside the folder (the web build makes none): the root already refuses every link that
// leads out of it, and a link inside could lead to a name this handler refuses, such as .git.
func (h *handler) open(name string) (*os.File, os.FileInfo, error) {
	for i := 0; i <= len(name); i++ {
		if i < len(name) && name[i] != '/' {
			continue
		}
		fi, err := h.root.Lstat(name[:i])
		if err != nil {
			return nil, nil, err
		}
		if fi.Mode()&(os.ModeSymlink|os.ModeIrregular) != 0 {
			return nil, nil, errLink
		}
	}
	f, err := h.root.OpenFile(name, openFlags, 0)
	if err != nil {
		return nil, nil, err
	}
	fi, err := f.Stat()
	if err == nil && fi.IsDir() {
		err = errFolder
	} else if err == nil && !fi.Mode().IsRegular() {
		err = errNotRegular
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, fi, nil
}

// servePrecompressed sends NAME.gz in place of NAME when it is a gzip file of NAME as it is now:
// not older than NAME, and recording NAME's size in its trailer (the size modulo 2^32, as gzip
// does). It reports whether it answered.
func (h *handler) servePrecompressed(w http.ResponseWriter, r *http.Request, name string, fi os.FileInfo) bool {
	f, gzfi, err := h.open(name + ".gz")
	if err != nil {
		return false
	}
	defer f.Close()
	if gzfi.ModTime().Before(fi.ModTime()) || gzfi.Size() < 18 {
		return false
	}
	var trailer [4]byte
	if _, err := f.ReadAt(trailer[:], gzfi.Size()-4); err != nil {
		return false
	}
	isize := uint32(trailer[0]) | uint32(trailer[1])<<8 | uint32(trailer[2])<<16 | uint32(trailer[3])<<24
	if isize != uint32(fi.Size()) {
		return false
	}
	serveGzip(w, r, name, fi.ModTime(), f, gzfi.Size())
	return true
}

// serveGzip sends gzipped content of the file name, with name's type and modification time.
// http.ServeContent answers conditional requests and HEAD; it leaves Content-Length to the
// caller when Content-Encoding is set.
func serveGzip(w http.ResponseWriter, r *http.Request, name string, mod time.Time, content io.ReadSeeker, size int64) {
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Encoding", "gzip")
	w.Header().Set("Content-Length", strconv.FormatInt(size, 10))
	http.ServeContent(w, r, name, mod, content)
}

// requestName turns a request's path into the slash-separated name of a file in the folder
// ("index.html", "sub/index.html"), or reports that no file served may have that name. Only
// plain names pass: letters, digits, marks, spaces and "-_.+,()[]", not beginning with a dot
// (no "..", no dotfiles such as .git) and not ending with a dot or a space (Windows drops those).
// Everything else is refused on every system, whatever the file system would make of it:
// backslashes and colons (Windows separators, drive letters, UNC and stream names), "~" (Windows
// short names: GIT~1 is .git), control characters, empty segments, Windows device names.
func requestName(p string) (string, bool) {
	rest, ok := strings.CutPrefix(p, "/")
	if !ok {
		return "", false
	}
	if rest == "" || strings.HasSuffix(rest, "/") {
		rest += "index.html"
	}
	for seg := range strings.SplitSeq(rest, "/") {
		if !plainName(seg) {
			return "", false
		}
	}
	return rest, true
}

func plainName(s string) bool {
	if s == "" || len(s) > 255 || s[0] == '.' || s[len(s)-1] == '.' || s[len(s)-1] == ' ' {
		return false
	}
	for _, c := range s {
		if !unicode.IsLetter(c) && !unicode.IsDigit(c) && !unicode.IsMark(c) && !strings.ContainsRune("-_.+,()[] ", c) {
			return false // also utf8.RuneError, for bytes that are not UTF-8
		}
	}
	return !windowsDevice(s)
}

// windowsDevice reports whether Windows would open a device for the name (NUL, CON.txt, com1).
func windowsDevice(s string) bool {
	base, _, _ := strings.Cut(s, ".")
	base = strings.ToUpper(strings.TrimRight(base, " "))
	switch base {
	case "CON", "PRN", "AUX", "NUL":
		return true
	}
	return len(base) == 4 && (strings.HasPrefix(base, "COM") || strings.HasPrefix(base, "LPT")) && base[3] >= '0' && base[3] <= '9'
}

// acceptsGzip reports whether the request's Accept-Encoding allows gzip.
func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		enc, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(enc), "gzip") {
			continue
		}
		q := strings.ReplaceAll(params, " ", "")
		return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
	}
	return false
}
