package main

import (
	"bytes"
	"compress/gzip"
	"container/list"
	"context"
	"errors"
	"io"
	"os"
	"sync"
	"time"
)

// gzipCache keeps gzipped copies of small files, bounded in size per file and in total, least
// recently used first out. Its lock guards only the bookkeeping: a file is read and compressed
// outside it, so a request for one file never waits for another file's compression. Requests
// for a file that is being compressed wait for that one compression rather than start their own.
type gzipCache struct {
	maxFile  int64 // the largest file compressed, in bytes before compression
	maxTotal int64 // compressed bytes kept, all files together

	mu      sync.Mutex
	total   int64
	entries map[string]*gzipEntry
	recent  list.List // of *gzipEntry, kept entries only, most recently used first

	// beforeCompress, when set (by tests), is called before a file is compressed.
	beforeCompress func(name string)
}

type gzipEntry struct {
	name string
	mod  time.Time
	size int64

	done chan struct{} // closed when data and err are set
	data []byte
	err  error

	elem *list.Element // in recent; nil while compressing, or when not kept
}

var errTooLarge = errors.New("too large to compress on the fly")

func newGzipCache(maxFile, maxTotal int64) *gzipCache {
	return &gzipCache{maxFile: maxFile, maxTotal: maxTotal, entries: map[string]*gzipEntry{}}
}

// get returns the gzipped content of the file name, whose state is fi, reading it from src if
// the cache has no copy of that version. A file larger than maxFile, or one that grows past it
// while it is read, is errTooLarge: the caller sends it uncompressed.
func (c *gzipCache) get(ctx context.Context, name string, fi os.FileInfo, src io.Reader) ([]byte, error) {
	if fi.Size() > c.maxFile {
		return nil, errTooLarge
	}
	c.mu.Lock()
	e := c.entries[name]
	if e != nil && e.mod.Equal(fi.ModTime()) && e.size == fi.Size() {
		if e.elem != nil {
			c.recent.MoveToFront(e.elem)
		}
		c.mu.Unlock()
		select {
		case <-e.done:
			return e.data, e.err
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	if e != nil {
		c.dropLocked(e) // an older version of the file
	}
	e = &gzipEntry{name: name, mod: fi.ModTime(), size: fi.Size(), done: make(chan struct{})}
	c.entries[name] = e
	c.mu.Unlock()

	if c.beforeCompress != nil {
		c.beforeCompress(name)
	}
	e.data, e.err = compress(src, c.maxFile)

	c.mu.Lock()
	if c.entries[name] == e { // not replaced by a newer version meanwhile
		if e.err != nil || int64(len(e.data)) > c.maxTotal {
			delete(c.entries, name)
		} else {
			e.elem = c.recent.PushFront(e)
			c.total += int64(len(e.data))
			for c.total > c.maxTotal {
				c.dropLocked(c.recent.Back().Value.(*gzipEntry))
			}
		}
	}
	c.mu.Unlock()
	close(e.done)
	return e.data, e.err
}

func (c *gzipCache) dropLocked(e *gzipEntry) {
	if c.entries[e.name] == e {
		delete(c.entries, e.name)
	}
	if e.elem != nil {
		c.recent.Remove(e.elem)
		e.elem = nil
		c.total -= int64(len(e.data))
	}
}

// kept reports the number of files and compressed bytes the cache holds.
func (c *gzipCache) kept() (files int, bytes int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.recent.Len(), c.total
}

// compress gzips what src holds, at most max bytes of it.
func compress(src io.Reader, max int64) ([]byte, error) {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
	n, err := io.Copy(zw, io.LimitReader(src, max+1))
	if err != nil {
		return nil, err
	}
	if n > max {
		return nil, errTooLarge
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return bytes.Clone(buf.Bytes()), nil
}
