//go:build !js

package session

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bigthree/internal/store"
	"bigthree/scenarios"
)

// TestUnsavedGameIsSaidOnTheDesk (issue 14, item 9): when the save's file
// name is taken by a folder, the desk says the game is not being saved
// (once), instead of failing silently.
func TestUnsavedGameIsSaidOnTheDesk(t *testing.T) {
	dir := t.TempDir()
	o := store.Origin{Embedded: scenarios.Example}
	if err := os.Mkdir(filepath.Join(dir, o.Key()+".json"), 0o755); err != nil {
		t.Fatal(err)
	}
	s := New(store.OpenDir(dir))
	if s.Store.Off != "" {
		t.Fatalf("saves off: %q", s.Store.Off)
	}
	st := s.Start(s.OpenShipped(scenarios.Example))
	p := mustShow(t, st)
	if !strings.Contains(p.Notice, "will not be saved") || !strings.Contains(st.Message, "could not be saved") {
		t.Errorf("notice %q, message %q", p.Notice, st.Message)
	}
	opts := p.Run.Options(nil)
	if err := p.Run.ChooseIndex(opts[0].Index); err != nil {
		t.Fatal(err)
	}
	p.Notice = "" // as the desk does before it saves
	if problem := s.Autosave(p); problem == "" {
		t.Error("saving over a folder reported no problem")
	}
	if p.Notice != "" {
		t.Errorf("the notice is repeated: %q", p.Notice)
	}
}

// TestReadOnlyDataFolder (item 9): a read-only data folder gives a store
// with saves off and says so, as the settings screen and title page show.
func TestReadOnlyDataFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	os.Mkdir(dir, 0o555)
	if os.Geteuid() == 0 {
		dir = "/proc/self" // root writes to read-only folders
	}
	s := New(store.OpenDir(dir))
	if !strings.HasPrefix(s.Store.Off, "Saves are off") {
		t.Errorf("Off = %q", s.Store.Off)
	}
	p := mustShow(t, s.Start(s.OpenShipped(scenarios.Example)))
	if problem := s.Autosave(p); problem != "" {
		t.Errorf("with saves off, a save problem is repeated: %q", problem)
	}
}
