// Package store keeps what bigthree remembers between runs: the player's
// settings and the autosave of the game in progress. On the desktop they are
// small JSON files written atomically in the user's config folder; in the
// browser they live in localStorage (store_js.go). When nothing can be
// stored the game still plays, and Store.Off says why saves are off.
//
// A damaged file is never deleted: it is moved aside (renamed with a
// .corrupt suffix, or copied to another localStorage key) and the player is
// told where it went.
package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"bigthree/internal/rules"
)

// The keys of what the game stores.
const (
	SettingsKey = "settings"
	AutosaveKey = "autosave"
)

// ErrNotFound is returned by a Backend when nothing is stored under a key.
var ErrNotFound = errors.New("nothing stored")

// Backend is where bytes are kept under short names.
type Backend interface {
	// Read returns what is stored under key, or ErrNotFound.
	Read(key string) ([]byte, error)
	// Write replaces what is stored under key, all at once.
	Write(key string, data []byte) error
	// MoveAside keeps a damaged entry under another name and removes it
	// from key; it returns where the entry went, in words for the player.
	MoveAside(key string) (string, error)
	// Where says where things are kept, in words for the player.
	Where() string
}

// TextSize is one step of the text size setting.
type TextSize struct {
	Name  string
	Scale float64
}

// TextSizes lists the text sizes the player can choose, smallest first.
var TextSizes = []TextSize{{"Small", 0.88}, {"Medium", 1}, {"Large", 1.15}, {"Extra large", 1.32}}

// Settings are the player's choices that outlast a run.
type Settings struct {
	TextSize      int  `json:"text_size"` // index into TextSizes
	Fullscreen    bool `json:"fullscreen"`
	ReducedMotion bool `json:"reduced_motion"`
	// StudentName is the name last given at Save transcript.
	StudentName string `json:"student_name,omitempty"`
}

// DefaultSettings returns the settings of a first start.
func DefaultSettings() Settings { return Settings{TextSize: 1} }

// Scale returns the text scale factor of the settings.
func (s Settings) Scale() float64 { return TextSizes[s.clampedSize()].Scale }

// SizeName returns the name of the text size.
func (s Settings) SizeName() string { return TextSizes[s.clampedSize()].Name }

func (s Settings) clampedSize() int { return min(max(s.TextSize, 0), len(TextSizes)-1) }

// Origin says where the scenario of a save came from, so Continue can load
// it again: a shipped scenario by file name, a scenario file on disk by path,
// or (in the browser, where a picked file cannot be read twice) the text of
// the scenario itself under the name it was opened with.
type Origin struct {
	Embedded string `json:"embedded,omitempty"`
	File     string `json:"file,omitempty"`
	Name     string `json:"name,omitempty"`
	Text     string `json:"text,omitempty"`
}

// String names the origin for the player.
func (o Origin) String() string {
	switch {
	case o.Embedded != "":
		return o.Embedded
	case o.File != "":
		return o.File
	}
	return o.Name
}

// Same reports whether two origins name the same scenario.
func (o Origin) Same(p Origin) bool {
	return o.Embedded == p.Embedded && o.File == p.File && o.Name == p.Name
}

// Autosave is the game in progress: where its scenario came from and the
// engine's save record.
type Autosave struct {
	Origin Origin
	Save   *rules.Save
}

type autosaveFile struct {
	Origin Origin          `json:"origin"`
	Save   json.RawMessage `json:"save"`
}

// Store reads and writes settings and the autosave through a Backend.
type Store struct {
	mu sync.Mutex
	b  Backend
	// Off is empty when saves work, else the reason they are off.
	Off string
}

// New returns a store over a backend; off, when not empty, says why saves
// are off (the backend then only holds things for this run).
func New(b Backend, off string) *Store { return &Store{b: b, Off: off} }

// Where says where settings and saves are kept.
func (s *Store) Where() string { return s.b.Where() }

// Settings returns the stored settings, or the defaults. A damaged settings
// entry is moved aside and problem says so.
func (s *Store) Settings() (st Settings, problem string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st = DefaultSettings()
	data, err := s.b.Read(SettingsKey)
	switch {
	case errors.Is(err, ErrNotFound):
		return st, ""
	case err != nil:
		return st, "Settings could not be read: " + err.Error()
	}
	var got Settings
	if err := json.Unmarshal(data, &got); err != nil {
		return st, s.moveAside(SettingsKey, "Your settings file was damaged", err)
	}
	got.TextSize = got.clampedSize()
	return got, ""
}

// SaveSettings stores the settings.
func (s *Store) SaveSettings(st Settings) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	data, _ := json.MarshalIndent(st, "", "  ")
	return s.b.Write(SettingsKey, append(data, '\n'))
}

// Autosave returns the game in progress, or nil when there is none. A
// damaged or unreadable autosave is moved aside, never deleted, and problem
// tells the player what happened and where the file went.
func (s *Store) Autosave() (a *Autosave, problem string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	data, err := s.b.Read(AutosaveKey)
	switch {
	case errors.Is(err, ErrNotFound):
		return nil, ""
	case err != nil:
		return nil, "Your saved game could not be read: " + err.Error()
	}
	var f autosaveFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, s.moveAside(AutosaveKey, "Your saved game was damaged", fmt.Errorf("%w: %v", rules.ErrCorruptSave, err))
	}
	if f.Origin.Embedded == "" && f.Origin.File == "" && f.Origin.Name == "" {
		return nil, s.moveAside(AutosaveKey, "Your saved game was damaged", fmt.Errorf("%w: it does not say which scenario it belongs to", rules.ErrCorruptSave))
	}
	sv, err := rules.DecodeSave(f.Save)
	if err != nil {
		return nil, s.moveAside(AutosaveKey, "Your saved game could not be used", err)
	}
	return &Autosave{Origin: f.Origin, Save: sv}, ""
}

func (s *Store) moveAside(key, what string, why error) string {
	where, err := s.b.MoveAside(key)
	if err != nil {
		return fmt.Sprintf("%s (%v), and it could not be moved aside: %v", what, why, err)
	}
	return fmt.Sprintf("%s (%v). It was kept as %s; a new one will be started.", what, why, where)
}

// WriteAutosave stores the game in progress.
func (s *Store) WriteAutosave(o Origin, sv rules.Save) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	data, err := json.MarshalIndent(autosaveFile{Origin: o, Save: sv.Encode()}, "", "  ")
	if err != nil {
		return err
	}
	return s.b.Write(AutosaveKey, append(data, '\n'))
}

// Memory is a Backend that keeps everything in memory: for tests, and for a
// browser that refuses storage.
type Memory struct {
	mu    sync.Mutex
	items map[string][]byte
}

// NewMemory returns an empty memory backend.
func NewMemory() *Memory { return &Memory{items: map[string][]byte{}} }

// Read implements Backend.
func (m *Memory) Read(key string) ([]byte, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	d, ok := m.items[key]
	if !ok {
		return nil, ErrNotFound
	}
	return append([]byte(nil), d...), nil
}

// Write implements Backend.
func (m *Memory) Write(key string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.items[key] = append([]byte(nil), data...)
	return nil
}

// MoveAside implements Backend, with the same naming as localStorage.
func (m *Memory) MoveAside(key string) (string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	d, ok := m.items[key]
	if !ok {
		return "", ErrNotFound
	}
	aside := asideName(key, func(k string) bool { _, ok := m.items[k]; return ok })
	m.items[aside] = d
	delete(m.items, key)
	return aside, nil
}

// Where implements Backend.
func (m *Memory) Where() string { return "memory (only until the game closes)" }

// Keys lists what is stored, for tests.
func (m *Memory) Keys() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	var ks []string
	for k := range m.items {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// asideName picks the name a damaged entry is kept under: key.corrupt, or
// key.2.corrupt, key.3.corrupt ... when that is taken, so that an older
// damaged file is never overwritten.
func asideName(key string, taken func(string) bool) string {
	name := key + ".corrupt"
	for n := 2; taken(name); n++ {
		name = fmt.Sprintf("%s.%d.corrupt", key, n)
	}
	return name
}

// TranscriptName returns the file name (without extension) a transcript of
// the scenario is saved under; stamp is a time like 20260102-150405.
func TranscriptName(scenarioID, stamp string) string {
	id := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			return r
		}
		return '-'
	}, scenarioID)
	return "bigthree-" + id + "-" + stamp
}
