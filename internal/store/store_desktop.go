//go:build !js

package store

import (
	"errors"
	"fmt"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"strings"

	"bigthree/internal/atomicfile"
)

// Dir is a Backend of JSON files in a folder: key "settings" is the file
// settings.json. Writes are atomic (package atomicfile), so a crash never
// leaves half a save.
type Dir struct {
	Path string
}

func (d Dir) file(key string) string { return filepath.Join(d.Path, key+".json") }

// Read implements Backend. It reads through a limit of MaxEntrySize, and
// refuses what is not a plain file (a folder, a named pipe, a device) before
// opening it, so a wrong file can neither exhaust memory nor hang the game.
func (d Dir) Read(key string) ([]byte, error) {
	data, err := atomicfile.ReadFile(d.file(key), MaxEntrySize)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, ErrNotFound
	}
	return data, err
}

// probe tests that the folder can be written to, as the browser's store
// tests its storage, so that a read-only folder turns saves off at start
// instead of failing at every reply. It also removes the temporary files of
// earlier writes that were cut short (atomicfile.RemoveStale).
func (d Dir) probe() error {
	if st, err := os.Stat(d.Path); err == nil && !st.IsDir() {
		return fmt.Errorf("%s is a file, not a folder", d.Path)
	}
	if err := os.MkdirAll(d.Path, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(d.Path, ".write-test-*")
	if err != nil {
		return err
	}
	name := f.Name()
	_, err = f.Write([]byte("bigthree\n"))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if rerr := os.Remove(name); err == nil {
		err = rerr
	}
	if err != nil {
		return err
	}
	_, _ = atomicfile.RemoveStale(d.Path, func(name string) bool { return strings.HasSuffix(name, ".json") })
	return nil
}

// Write implements Backend.
func (d Dir) Write(key string, data []byte) error {
	if err := os.MkdirAll(d.Path, 0o755); err != nil {
		return err
	}
	return atomicfile.WriteFile(d.file(key), data, 0o644)
}

// MoveAside implements Backend: save-x.json becomes save-x.json.corrupt.
func (d Dir) MoveAside(key string) (string, error) {
	from := d.file(key)
	to := asideName(from, func(p string) bool { _, err := os.Lstat(p); return err == nil })
	if err := os.Rename(from, to); err != nil {
		return "", err
	}
	return to, nil
}

// Remove implements Backend.
func (d Dir) Remove(key string) error {
	err := os.Remove(d.file(key))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// List implements Backend: the keys of the folder's .json files (files
// moved aside end in .corrupt and are left out).
func (d Dir) List(prefix string) ([]string, error) {
	entries, err := os.ReadDir(d.Path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var keys []string
	for _, e := range entries {
		name := e.Name()
		if e.Type().IsRegular() && strings.HasPrefix(name, prefix) && strings.HasSuffix(name, ".json") {
			keys = append(keys, strings.TrimSuffix(name, ".json"))
		}
	}
	return keys, nil
}

// Where implements Backend.
func (d Dir) Where() string { return d.Path }

// DataDir returns the folder of settings and saves: $BIGTHREE_DATA_DIR, else
// bigthree in the user's config folder.
func DataDir() (string, error) {
	if d := os.Getenv("BIGTHREE_DATA_DIR"); d != "" {
		return d, nil
	}
	base, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(base, "bigthree"), nil
}

// Open returns the store of this computer. When the data folder cannot be
// made or written to, the game plays with saves off and says why.
func Open() *Store {
	dir, err := DataDir()
	if err != nil {
		return New(NewMemory(), fmt.Sprintf("Saves are off: there is no folder to keep them in (%v).", err))
	}
	return OpenDir(dir)
}

// OpenDir returns the store of a folder: saves are off (and kept in memory
// for this run) when the folder cannot be written to.
func OpenDir(dir string) *Store {
	d := Dir{Path: dir}
	if err := d.probe(); err != nil {
		return New(NewMemory(), fmt.Sprintf("Saves are off: the folder %s cannot be written to (%s). Your game plays on, but it will not be kept when the game closes.", dir, pathErrorText(err)))
	}
	return New(d, "")
}

// pathErrorText is an error without the path the message already names.
func pathErrorText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// DocsDir returns where transcripts go: $BIGTHREE_DOCS_DIR, else the user's
// Documents folder when it exists, else the data folder.
func DocsDir() string {
	if d := os.Getenv("BIGTHREE_DOCS_DIR"); d != "" {
		return d
	}
	if home, err := os.UserHomeDir(); err == nil {
		docs := filepath.Join(home, "Documents")
		if fi, err := os.Stat(docs); err == nil && fi.IsDir() {
			return docs
		}
	}
	d, err := DataDir()
	if err != nil {
		return "."
	}
	return d
}

// Export saves a transcript: name.md and name.json in the documents folder.
// It returns a sentence for the player saying where they went.
func Export(name string, markdown, jsonData []byte) (string, error) {
	dir := DocsDir()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	md := filepath.Join(dir, name+".md")
	js := filepath.Join(dir, name+".json")
	if err := atomicfile.WriteFile(md, markdown, 0o644); err != nil {
		return "", err
	}
	if err := atomicfile.WriteFile(js, jsonData, 0o644); err != nil {
		return "", err
	}
	// The player reads the folder's kind and the file's name, not a path;
	// the full path goes to the log, for the teacher.
	log.Printf("transcript written to %s and %s", md, js)
	return fmt.Sprintf("Saved %s.md and %s.json in %s.", name, name, folderKind(dir)), nil
}

// folderKind names a folder for a student: "your Documents folder", or
// "the game's data folder".
func folderKind(dir string) string {
	if home, err := os.UserHomeDir(); err == nil && filepath.Clean(dir) == filepath.Join(home, "Documents") {
		return "your Documents folder"
	}
	if d, err := DataDir(); err == nil && filepath.Clean(dir) == filepath.Clean(d) {
		return "the game's data folder"
	}
	return "the folder " + filepath.Base(dir)
}
