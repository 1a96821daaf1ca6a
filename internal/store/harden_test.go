//go:build !js

package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bigthree/internal/atomicfile"
	"bigthree/internal/rules"
)

// TestNewerSaveStaysInPlace (issue 14, item 8): a save made by a newer
// bigthree is neither renamed .corrupt nor replaced; the player is told.
func TestNewerSaveStaysInPlace(t *testing.T) {
	o := Origin{Embedded: "example.yaml"}
	data := `{"origin": {"embedded": "example.yaml"}, "save": {"format": 99, "scenario": "x", "choices": {"new": "shape"}}}`
	for _, how := range []string{"one", "list"} {
		t.Run(how, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, o.Key()+".json")
			if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
			s := New(Dir{Path: dir}, "")
			var problem string
			if how == "one" {
				var a *Autosave
				a, problem = s.Autosave(o)
				if a != nil {
					t.Fatalf("read %+v", a)
				}
			} else {
				list, problems := s.Autosaves()
				if len(list) != 0 || len(problems) != 1 {
					t.Fatalf("Autosaves() = %v, %q", list, problems)
				}
				problem = problems[0]
			}
			if !strings.Contains(problem, "made by a newer bigthree") || strings.Contains(problem, "corrupt") {
				t.Errorf("problem %q", problem)
			}
			err := s.WriteAutosave(o, rules.New(example(t)).Save(), Progress{})
			if err == nil {
				t.Error("the newer save was replaced")
			}
			if kept, _ := os.ReadFile(path); string(kept) != data {
				t.Errorf("the newer save changed: %q", kept)
			}
			if _, err := os.Stat(path + ".corrupt"); !os.IsNotExist(err) {
				t.Errorf("moved aside: %v", err)
			}
		})
	}
}

// TestHugeSaveIsReadThroughALimit (item 6): a 100 MB autosave is refused
// by its size, not read whole, and kept aside.
func TestHugeSaveIsReadThroughALimit(t *testing.T) {
	o := Origin{Embedded: "example.yaml"}
	dir := t.TempDir()
	path := filepath.Join(dir, o.Key()+".json")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(100 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, err := (Dir{Path: dir}).Read(o.Key()); !errors.As(err, new(*atomicfile.TooLargeError)) {
		t.Fatalf("Read of a 100 MB save: %v", err)
	}
	a, problem := New(Dir{Path: dir}, "").Autosave(o)
	if a != nil || !strings.Contains(problem, "the file is 100 MB, larger than the 32 MB allowed") || !strings.Contains(problem, ".corrupt") {
		t.Errorf("read %v, %q", a, problem)
	}
}

// TestSaveThatIsAFolder (item 9): the save's name taken by a folder is said
// once when the save is read, and every write then fails with an error.
func TestSaveThatIsAFolder(t *testing.T) {
	o := Origin{Embedded: "example.yaml"}
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, o.Key()+".json"), 0o755); err != nil {
		t.Fatal(err)
	}
	s := New(Dir{Path: dir}, "")
	a, problem := s.Autosave(o)
	if a != nil || !strings.Contains(problem, "is taken by something else (this is a folder, not a file)") {
		t.Fatalf("read %v, %q", a, problem)
	}
	if err := s.WriteAutosave(o, rules.New(example(t)).Save(), Progress{}); err == nil {
		t.Error("writing over a folder succeeded")
	}
}

// TestReadOnlyFolderTurnsSavesOff (item 9): a data folder that cannot be
// written to, or a file in its place, turns saves off at start, as the
// browser's store does, and says so.
func TestReadOnlyFolderTurnsSavesOff(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	if err := os.Mkdir(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	if os.Geteuid() == 0 {
		// Root writes to read-only folders; nobody writes to /proc/self.
		dir = "/proc/self"
	}
	s := OpenDir(dir)
	if !strings.HasPrefix(s.Off, "Saves are off: the folder "+dir+" cannot be written to (") {
		t.Errorf("read-only folder: Off = %q", s.Off)
	}
	file := filepath.Join(t.TempDir(), "data")
	os.WriteFile(file, nil, 0o644)
	if s := OpenDir(file); !strings.Contains(s.Off, "is a file, not a folder") {
		t.Errorf("a file as the folder: Off = %q", s.Off)
	}
	if s := OpenDir(filepath.Join(t.TempDir(), "new", "data")); s.Off != "" {
		t.Errorf("a new folder: Off = %q", s.Off)
	}
}

// TestNeverWritesWhatItWouldNotRead (item 7): a game grown past the save
// cap is refused with ErrTooLong before anything is written; the old save
// stays.
func TestNeverWritesWhatItWouldNotRead(t *testing.T) {
	o := Origin{Embedded: "example.yaml"}
	dir := t.TempDir()
	s := New(Dir{Path: dir}, "")
	sv := rules.New(example(t)).Save()
	if err := s.WriteAutosave(o, sv, Progress{Document: 1}); err != nil {
		t.Fatal(err)
	}
	step := rules.SavedStep{Event: "an-event", Choice: "a-reply-of-it"}
	one := sv
	one.Choices = []rules.SavedStep{step}
	two := one
	two.Choices = []rules.SavedStep{step, step}
	per := len(two.Encode()) - len(one.Encode())
	// As many choices as Encode fits under the cap: the file indents them
	// one level deeper, past it.
	long := sv
	long.Choices = make([]rules.SavedStep, (rules.MaxSaveSize-len(one.Encode()))/per)
	for i := range long.Choices {
		long.Choices[i] = step
	}
	if n := len(long.Encode()); n > rules.MaxSaveSize || n < rules.MaxSaveSize-2*per {
		t.Fatalf("the test's save is %d bytes", n)
	}
	err := s.WriteAutosave(o, long, Progress{Document: 2})
	if !errors.Is(err, ErrTooLong) || !strings.Contains(err.Error(), "more than the 4 MB a save may hold") {
		t.Fatalf("WriteAutosave of a save past the cap: %v", err)
	}
	a, problem := s.Autosave(o)
	if a == nil || problem != "" || a.Progress.Document != 1 {
		t.Fatalf("the old save: %v, %q", a, problem)
	}
	// Just under the cap as written, it is written and read back.
	long.Choices = long.Choices[:len(long.Choices)*9/10]
	if err := s.WriteAutosave(o, long, Progress{Document: 3}); err != nil {
		t.Fatal(err)
	}
	if a, problem := s.Autosave(o); a == nil || problem != "" || a.Progress.Document != 3 {
		t.Fatalf("a save just under the cap does not read back: %q", problem)
	}
}
