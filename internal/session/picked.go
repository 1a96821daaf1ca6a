package session

import (
	"archive/zip"
	"bytes"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"
)

// OpenPicked opens a scenario from files picked or dropped in the browser:
// a .zip of a scenario's folder, or the .yaml file together with its
// pictures. Picked files come without their folders, so a picture the
// scenario names as images/map.png is found as map.png among them. ok is
// false when there is no scenario among the files.
func OpenPicked(files map[string][]byte) (op Opened, ok bool) {
	for name, data := range files {
		if strings.EqualFold(path.Ext(name), ".zip") {
			zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
			if err == nil {
				return OpenDropped(zr)
			}
		}
	}
	return OpenDropped(picked(files))
}

// picked is a flat folder of files held in memory; a name with folders is
// found by its last element.
type picked map[string][]byte

func (p picked) Open(name string) (fs.File, error) {
	if name == "." {
		return &pickedDir{p.ReadDirAll()}, nil
	}
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	data, ok := p[name]
	if !ok {
		data, ok = p[path.Base(name)]
	}
	if !ok {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return &pickedFile{info: pickedInfo{path.Base(name), int64(len(data))}, r: bytes.NewReader(data)}, nil
}

// ReadDirAll lists the files by name.
func (p picked) ReadDirAll() []fs.DirEntry {
	var out []fs.DirEntry
	for name, data := range p {
		if fs.ValidPath(name) && !strings.Contains(name, "/") {
			out = append(out, fs.FileInfoToDirEntry(pickedInfo{name, int64(len(data))}))
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out
}

type pickedInfo struct {
	name string
	size int64
}

func (i pickedInfo) Name() string       { return i.name }
func (i pickedInfo) Size() int64        { return i.size }
func (i pickedInfo) Mode() fs.FileMode  { return 0o444 }
func (i pickedInfo) ModTime() time.Time { return time.Time{} }
func (i pickedInfo) IsDir() bool        { return false }
func (i pickedInfo) Sys() any           { return nil }

type pickedFile struct {
	info pickedInfo
	r    *bytes.Reader
}

func (f *pickedFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *pickedFile) Read(b []byte) (int, error) { return f.r.Read(b) }
func (f *pickedFile) Close() error               { return nil }

type pickedDir struct{ entries []fs.DirEntry }

func (d *pickedDir) Stat() (fs.FileInfo, error) { return dirInfo{}, nil }
func (d *pickedDir) Read([]byte) (int, error)   { return 0, fs.ErrInvalid }
func (d *pickedDir) Close() error               { return nil }
func (d *pickedDir) ReadDir(n int) ([]fs.DirEntry, error) {
	out := d.entries
	d.entries = nil
	return out, nil
}

type dirInfo struct{}

func (dirInfo) Name() string       { return "." }
func (dirInfo) Size() int64        { return 0 }
func (dirInfo) Mode() fs.FileMode  { return fs.ModeDir | 0o555 }
func (dirInfo) ModTime() time.Time { return time.Time{} }
func (dirInfo) IsDir() bool        { return true }
func (dirInfo) Sys() any           { return nil }
