//go:build !js

package ui

import (
	"log"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"

	"bigthree/internal/scenario"
	"bigthree/internal/store"
)

// liveSource, on the desktop, is `bigthree -watch FILE`: it watches the
// file's folder (editors save by writing a new file and renaming it over
// the old one) and hands in the file's text a moment after each save.
type liveSource struct {
	path    string
	watcher *fsnotify.Watcher
}

// settle is how long the file must stay unchanged before it is read: an
// editor may write a file in several steps.
const settle = 150 * time.Millisecond

func (src *liveSource) init(a *App, l *live) {
	if !a.opts.Watch || a.opts.File == "" {
		return
	}
	path, err := filepath.Abs(a.opts.File)
	if err != nil {
		path = a.opts.File
	}
	src.path = path
	l.overlay = true
	w, err := fsnotify.NewWatcher()
	if err == nil {
		err = w.Add(filepath.Dir(path))
	}
	if err != nil {
		log.Printf("bigthree: cannot watch %s for changes: %v", path, err)
		return
	}
	src.watcher = w
	src.read(l) // the checker's messages about the file as it is now
	go src.watch(l)
}

func (src *liveSource) watch(l *live) {
	var timer <-chan time.Time
	for {
		select {
		case ev, ok := <-src.watcher.Events:
			if !ok {
				return
			}
			if filepath.Clean(ev.Name) == src.path && ev.Op&(fsnotify.Write|fsnotify.Create|fsnotify.Rename) != 0 {
				timer = time.After(settle)
			}
		case err, ok := <-src.watcher.Errors:
			if !ok {
				return
			}
			log.Printf("bigthree: watching %s: %v", src.path, err)
		case <-timer:
			timer = nil
			src.read(l)
		}
	}
}

// read hands in the file's text; a file that cannot be read (in the middle
// of being replaced) is read again at the next event.
func (src *liveSource) read(l *live) {
	data, err := scenario.ReadFile(src.path)
	if err != nil {
		return
	}
	l.push(liveText{name: src.path, data: data, origin: store.Origin{File: src.path}, keep: true})
}

func (src *liveSource) showsDiagnostics() bool { return src.watcher != nil }

func (src *liveSource) update(*App, *live) {}
