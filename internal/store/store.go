// Package store keeps what bigthree remembers between runs: the player's
// settings and one autosave per scenario (Origin.Key), so that games of
// several scenarios are kept side by side. On the desktop they are
// small JSON files written atomically in the user's config folder; in the
// browser they live in localStorage (store_js.go). When nothing can be
// stored the game still plays, and Store.Off says why saves are off.
//
// A damaged file is never deleted: it is moved aside (renamed with a
// .corrupt suffix, or copied to another localStorage key) and the player is
// told where it went.
package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"sort"
	"strings"
	"sync"
	"time"

	"bigthree/internal/atomicfile"
	"bigthree/internal/rules"
)

// The keys of what the game stores: the settings, one save per scenario
// under SavePrefix (see Origin.Key), and the single save slot of older
// versions, which Migrate empties.
const (
	SettingsKey = "settings"
	SavePrefix  = "save-"
	AutosaveKey = "autosave"
)

// ErrNotFound is returned by a Backend when nothing is stored under a key.
var ErrNotFound = errors.New("nothing stored")

// MaxEntrySize bounds every entry the store reads and writes. A save holds
// at most rules.MaxSaveSize of choices; a browser game also keeps the text
// of its scenario (at most scenario.MaxFileSize, longer once written as
// JSON) beside it. The store never writes an entry it would refuse to read.
const MaxEntrySize = 32 << 20

// ErrTooLong says that a game has grown past what a save may hold: it plays
// on, but is no longer saved.
var ErrTooLong = errors.New("this game has grown too long to be saved")

// Backend is where bytes are kept under short names.
type Backend interface {
	// Read returns what is stored under key, or ErrNotFound.
	Read(key string) ([]byte, error)
	// Write replaces what is stored under key, all at once.
	Write(key string, data []byte) error
	// MoveAside keeps a damaged entry under another name and removes it
	// from key; it returns where the entry went, in words for the player.
	MoveAside(key string) (string, error)
	// Remove deletes what is stored under key (nothing stored is no error).
	Remove(key string) error
	// List returns the keys that start with prefix, in any order, leaving
	// out entries moved aside.
	List(prefix string) ([]string, error)
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
	// HighContrast draws the game in its high-contrast colours.
	HighContrast bool `json:"high_contrast,omitempty"`
	// TextView is how the browser page shows its text of the game, an
	// index into TextViews.
	TextView int `json:"text_view,omitempty"`
}

// TextViews are the ways the browser page can show its plain-text view of
// the game (the text mirror): for screen readers only, beside the game, or
// instead of it.
var TextViews = []string{"hidden", "beside", "instead"}

// TextViewName returns the text view's name in TextViews.
func (s Settings) TextViewName() string { return TextViews[min(max(s.TextView, 0), len(TextViews)-1)] }

// ThemeName names the colour theme: "standard" or "high-contrast".
func (s Settings) ThemeName() string {
	if s.HighContrast {
		return "high-contrast"
	}
	return "standard"
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
//
// An origin is also the identity of a game: each origin has its own
// autosave (Key), so games of two scenarios are kept side by side. A file
// opened in the browser is the same scenario when both its name and its
// text are the same.
type Origin struct {
	Embedded string `json:"embedded,omitempty"`
	File     string `json:"file,omitempty"`
	Name     string `json:"name,omitempty"`
	Text     string `json:"text,omitempty"`
}

// String names the origin for the player: the shipped file's name, or the
// base name of the file (students are not shown paths).
func (o Origin) String() string {
	switch {
	case o.Embedded != "":
		return o.Embedded
	case o.File != "":
		return baseName(o.File)
	}
	return o.Name
}

// baseName is the last element of a slash- or backslash-separated path.
func baseName(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 && i < len(p)-1 {
		return p[i+1:]
	}
	return p
}

// Same reports whether two origins name the same scenario.
func (o Origin) Same(p Origin) bool { return o == p }

// Empty reports whether the origin names no scenario at all.
func (o Origin) Empty() bool { return o.Embedded == "" && o.File == "" && o.Name == "" }

// Key is the name the origin's autosave is stored under: "save-", a short
// readable form of the scenario's name, and a hash of the whole identity
// (kind, name or path, and text), so that two origins never share a key.
func (o Origin) Key() string {
	h := fnv.New64a()
	for _, part := range []string{o.Embedded, o.File, o.Name, o.Text} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	name := strings.TrimSuffix(strings.TrimSuffix(strings.ToLower(o.String()), ".yaml"), ".yml")
	slug := make([]byte, 0, 24)
	for i := 0; i < len(name) && len(slug) < 24; i++ {
		c := name[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			slug = append(slug, c)
		case len(slug) > 0 && slug[len(slug)-1] != '-':
			slug = append(slug, '-')
		}
	}
	s := strings.Trim(string(slug), "-")
	if s == "" {
		s = "scenario"
	}
	return fmt.Sprintf("%s%s-%016x", SavePrefix, s, h.Sum64())
}

// Progress is how far a saved game has gone, kept beside the save so the
// Continue list can describe a game without loading its scenario.
type Progress struct {
	// Date is the date in the story of the document on the desk (or, once
	// the game is over, of the last one read), as 2006-01-02.
	Date string `json:"date,omitempty"`
	// Document counts the documents the player has had, the one on the
	// desk included.
	Document int `json:"document,omitempty"`
	// Over is true once an ending is reached; Ending is its title.
	Over   bool   `json:"over,omitempty"`
	Ending string `json:"ending,omitempty"`
}

// Autosave is one saved game: where its scenario came from, the engine's
// save record, how far it has gone and when it was last written.
type Autosave struct {
	// Key is where it is stored (Origin.Key, or the old single slot's key
	// while a save is being migrated).
	Key      string
	Origin   Origin
	Save     *rules.Save
	Progress Progress
	Saved    time.Time
}

type autosaveFile struct {
	Origin   Origin          `json:"origin"`
	Progress *Progress       `json:"progress,omitempty"`
	Saved    *time.Time      `json:"saved,omitempty"`
	Save     json.RawMessage `json:"save"`
}

// Store reads and writes settings and autosaves through a Backend.
type Store struct {
	mu sync.Mutex
	b  Backend
	// newer holds the keys of saves made by a newer bigthree: they are
	// left as they are, never replaced.
	newer map[string]bool
	// Off is empty when saves work, else the reason they are off.
	Off string
	// Now is the clock that dates saves (time.Now; tests set their own).
	Now func() time.Time
}

// New returns a store over a backend; off, when not empty, says why saves
// are off (the backend then only holds things for this run).
func New(b Backend, off string) *Store { return &Store{b: b, Off: off, Now: time.Now} }

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
	if err := decodeJSON(data, &got); err != nil {
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

// Autosave returns the saved game of one scenario, or nil when there is
// none. A damaged or unreadable save is moved aside, never deleted, and
// problem tells the player what happened and where it went.
func (s *Store) Autosave(o Origin) (a *Autosave, problem string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.read(o.Key())
}

// Autosaves returns every saved game, the most recently saved first, with
// a problem for each damaged one (moved aside, as Autosave does).
func (s *Store) Autosaves() (list []*Autosave, problems []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	keys, err := s.b.List(SavePrefix)
	if err != nil {
		return nil, []string{"Your saved games could not be listed: " + err.Error()}
	}
	for _, k := range keys {
		a, problem := s.read(k)
		if problem != "" {
			problems = append(problems, problem)
		}
		if a != nil {
			list = append(list, a)
		}
	}
	sort.SliceStable(list, func(i, j int) bool {
		if !list[i].Saved.Equal(list[j].Saved) {
			return list[i].Saved.After(list[j].Saved)
		}
		return list[i].Key < list[j].Key
	})
	return list, problems
}

// read decodes the save stored under key (the lock is held).
func (s *Store) read(key string) (*Autosave, string) {
	data, err := s.b.Read(key)
	switch {
	case errors.Is(err, ErrNotFound):
		return nil, ""
	case errors.Is(err, atomicfile.ErrNotRegular):
		return nil, fmt.Sprintf("Your saved game cannot be kept in %s: the name of its file, %s.json, is taken by something else (%v). This game will not be saved until that is moved away.", s.b.Where(), key, err)
	case err != nil && !errors.As(err, new(*atomicfile.TooLargeError)):
		return nil, "Your saved game could not be read: " + err.Error()
	case err != nil:
		return nil, s.moveAside(key, "Your saved game was damaged", fmt.Errorf("%w: %v", rules.ErrCorruptSave, err))
	}
	var f autosaveFile
	if err := decodeJSON(data, &f); err != nil {
		return nil, s.moveAside(key, "Your saved game was damaged", fmt.Errorf("%w: %v", rules.ErrCorruptSave, err))
	}
	if f.Origin.Empty() {
		return nil, s.moveAside(key, "Your saved game was damaged", fmt.Errorf("%w: it does not say which scenario it belongs to", rules.ErrCorruptSave))
	}
	// A save of a newer format is read for its format alone: its other
	// fields may have changed in ways this version cannot know.
	var format struct {
		Format int `json:"format"`
	}
	if json.Unmarshal(f.Save, &format) == nil && format.Format > rules.SaveFormat {
		if s.newer == nil {
			s.newer = map[string]bool{}
		}
		s.newer[key] = true
		return nil, fmt.Sprintf("Your saved game of %s was made by a newer bigthree (save format %d; this one reads %d). It is left as it is: open it with the newer bigthree. This game will not be saved, so that it does not replace it.", f.Origin, format.Format, rules.SaveFormat)
	}
	sv, err := rules.DecodeSave(f.Save)
	if err != nil {
		return nil, s.moveAside(key, "Your saved game could not be used", err)
	}
	a := &Autosave{Key: key, Origin: f.Origin, Save: sv}
	if f.Progress != nil {
		a.Progress = *f.Progress
	}
	if f.Saved != nil {
		a.Saved = *f.Saved
	}
	return a, ""
}

// decodeJSON decodes one JSON value and says what is wrong with a damaged
// one in words ("it stops in the middle"), not the decoder's ("unexpected
// end of JSON input").
func decodeJSON(data []byte, v any) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return errors.New("it is empty")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	err := dec.Decode(v)
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case err == nil && dec.More():
		return errors.New("there is extra data after its end")
	case err == nil:
		return nil
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errors.New("it stops in the middle: it was cut short")
	case errors.As(err, &se):
		return fmt.Errorf("it is not valid JSON at byte %d", se.Offset)
	case errors.As(err, &te):
		return fmt.Errorf("the field %q has the wrong type at byte %d", te.Field, te.Offset)
	}
	return err
}

func (s *Store) moveAside(key, what string, why error) string {
	where, err := s.b.MoveAside(key)
	if err != nil {
		return fmt.Sprintf("%s (%v), and it could not be moved aside: %v", what, why, err)
	}
	return fmt.Sprintf("%s (%v). It was kept as %s; a new one will be started.", what, why, where)
}

// WriteAutosave stores the game of a scenario, replacing that scenario's
// earlier save (and no other).
func (s *Store) WriteAutosave(o Origin, sv rules.Save, p Progress) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.write(o.Key(), o, sv.Encode(), p)
}

func (s *Store) write(key string, o Origin, save []byte, p Progress) error {
	if s.newer[key] {
		return errors.New("a saved game made by a newer bigthree is kept in its place")
	}
	now := s.Now().UTC()
	data, err := json.MarshalIndent(autosaveFile{Origin: o, Progress: &p, Saved: &now, Save: save}, "", "  ")
	if err != nil {
		return err
	}
	data = append(data, '\n')
	if err := fits(data); err != nil {
		return err
	}
	return s.b.Write(key, data)
}

// fits refuses an autosave file that read would refuse: larger than
// MaxEntrySize, or a save in it larger than rules.MaxSaveSize (as it is
// written in the file, indented one level deeper than Encode makes it).
func fits(data []byte) error {
	if len(data) > MaxEntrySize {
		return fmt.Errorf("%w (%s, more than the %s a saved game may be)", ErrTooLong, atomicfile.SizeText(int64(len(data))), atomicfile.SizeText(MaxEntrySize))
	}
	if len(data) <= rules.MaxSaveSize {
		return nil // the save in it is smaller still
	}
	var f struct {
		Save json.RawMessage `json:"save"`
	}
	if err := json.Unmarshal(data, &f); err != nil {
		return err
	}
	if len(f.Save) > rules.MaxSaveSize {
		return fmt.Errorf("%w (its replies take %s, more than the %s a save may hold)", ErrTooLong, atomicfile.SizeText(int64(len(f.Save))), atomicfile.SizeText(rules.MaxSaveSize))
	}
	return nil
}

// Migrate moves the save of the old single-slot layout (key "autosave")
// into the scenario's own slot, once: it is written there, read back, and
// only then removed from the old slot. progress describes the old save
// (which did not record its progress); it may be nil, and it runs with the
// store locked, so it must not use the store. When the scenario
// already has a save in the new layout, that one is kept and the old one
// is moved aside, not deleted. A damaged old save is moved aside as
// Autosave does. The result is a sentence for the player, or "".
func (s *Store) Migrate(progress func(*Autosave) Progress) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	old, problem := s.read(AutosaveKey)
	if old == nil {
		return problem
	}
	key := old.Origin.Key()
	if _, err := s.b.Read(key); err == nil {
		where, err := s.b.MoveAside(AutosaveKey)
		if err != nil {
			return "Your older saved game could not be moved aside: " + err.Error()
		}
		return fmt.Sprintf("An older saved game of %s was found beside a newer one; the newer one is kept, and the older one was kept as %s.", old.Origin, where)
	}
	if progress != nil {
		old.Progress = progress(old)
	}
	if err := s.write(key, old.Origin, old.Save.Encode(), old.Progress); err != nil {
		return "Your saved game could not be moved to the new layout (it is still where it was): " + err.Error()
	}
	if back, problem := s.read(key); back == nil || problem != "" {
		return "Your saved game could not be moved to the new layout (it is still where it was): " + problem
	}
	if err := s.b.Remove(AutosaveKey); err != nil {
		return "Your saved game was copied to the new layout, but the old copy could not be removed: " + err.Error()
	}
	return ""
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

// Remove implements Backend.
func (m *Memory) Remove(key string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.items, key)
	return nil
}

// List implements Backend.
func (m *Memory) List(prefix string) ([]string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var ks []string
	for k := range m.items {
		if strings.HasPrefix(k, prefix) && !strings.HasSuffix(k, asideSuffix) {
			ks = append(ks, k)
		}
	}
	return ks, nil
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
	name := key + asideSuffix
	for n := 2; taken(name); n++ {
		name = fmt.Sprintf("%s.%d%s", key, n, asideSuffix)
	}
	return name
}

// asideSuffix ends the name of every entry moved aside.
const asideSuffix = ".corrupt"

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
