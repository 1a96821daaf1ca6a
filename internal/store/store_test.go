//go:build !js

package store

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"bigthree/internal/rules"
	"bigthree/internal/scenario"
	"bigthree/scenarios"
)

func example(t *testing.T) *scenario.Scenario {
	t.Helper()
	data, err := scenarios.Read(scenarios.Example)
	if err != nil {
		t.Fatal(err)
	}
	s, diags := scenario.Load(scenarios.Example, data)
	if s == nil {
		t.Fatalf("example does not load:\n%s", diags)
	}
	return s
}

func backends(t *testing.T) map[string]Backend {
	return map[string]Backend{"memory": NewMemory(), "dir": Dir{Path: filepath.Join(t.TempDir(), "data")}}
}

func TestSettingsRoundTrip(t *testing.T) {
	for name, b := range backends(t) {
		t.Run(name, func(t *testing.T) {
			s := New(b, "")
			got, problem := s.Settings()
			if got != DefaultSettings() || problem != "" {
				t.Fatalf("first start: %+v, %q", got, problem)
			}
			want := Settings{TextSize: 3, Fullscreen: true, ReducedMotion: true}
			if err := s.SaveSettings(want); err != nil {
				t.Fatal(err)
			}
			if got, _ := New(b, "").Settings(); got != want {
				t.Errorf("read back %+v, want %+v", got, want)
			}
		})
	}
}

func TestSettingsOutOfRange(t *testing.T) {
	m := NewMemory()
	m.Write(SettingsKey, []byte(`{"text_size": 99}`))
	got, problem := New(m, "").Settings()
	if got.TextSize != len(TextSizes)-1 || problem != "" {
		t.Errorf("got %+v, %q", got, problem)
	}
	if s := (Settings{TextSize: -4}); s.Scale() != TextSizes[0].Scale || s.SizeName() != "Small" {
		t.Errorf("negative size: %v %q", s.Scale(), s.SizeName())
	}
}

// played returns a run of the example two choices in.
func played(t *testing.T) *rules.Run {
	t.Helper()
	r := rules.New(example(t))
	if err := r.ChooseIndex(-1); err != nil {
		t.Fatal(err)
	}
	if err := r.Choose("send-hopkins"); err != nil {
		t.Fatal(err)
	}
	return r
}

// clock returns a store clock that moves on a minute at each call.
func clock() func() time.Time {
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	return func() time.Time {
		now = now.Add(time.Minute)
		return now
	}
}

func TestAutosaveRoundTrip(t *testing.T) {
	sc := example(t)
	r := played(t)
	origins := []Origin{{Embedded: "example.yaml"}, {File: "/tmp/x.yaml"}, {Name: "mine.yaml", Text: "format: 1"}}
	progress := Progress{Date: "1941-07-30", Document: 3}
	for name, b := range backends(t) {
		for _, o := range origins {
			t.Run(name+"/"+o.String(), func(t *testing.T) {
				s := New(b, "")
				if err := s.WriteAutosave(o, r.Save(), progress); err != nil {
					t.Fatal(err)
				}
				a, problem := s.Autosave(o)
				if a == nil || problem != "" {
					t.Fatalf("Autosave() = %v, %q", a, problem)
				}
				if a.Origin != o || a.Key != o.Key() || a.Progress != progress || a.Saved.IsZero() {
					t.Errorf("read back %+v, want origin %+v, key %q, progress %+v and a time", a, o, o.Key(), progress)
				}
				run, report, err := rules.Resume(sc, a.Save)
				if err != nil || !report.Complete() || report.Changed {
					t.Fatalf("resume: %v %+v", err, report)
				}
				if !reflect.DeepEqual(run.Meters(), r.Meters()) || run.Event() != r.Event() {
					t.Errorf("resumed at %d %v, want %d %v", run.Event(), run.Meters(), r.Event(), r.Meters())
				}
			})
		}
	}
}

func TestOriginKeys(t *testing.T) {
	origins := []Origin{
		{Embedded: "big-three.yaml"},
		{Embedded: "example.yaml"},
		{File: "/home/ann/example.yaml"},
		{File: "/home/ann/other/example.yaml"},
		{Name: "example.yaml", Text: "format: 1\ntitle: A\n"},
		{Name: "example.yaml", Text: "format: 1\ntitle: B\n"},
		{Name: "My Cuban Crisis (v2).YAML", Text: "x"},
		{Name: "????.yaml", Text: "x"},
	}
	seen := map[string]Origin{}
	for _, o := range origins {
		k := o.Key()
		if prev, ok := seen[k]; ok {
			t.Errorf("%+v and %+v share the key %q", prev, o, k)
		}
		seen[k] = o
		if k != o.Key() {
			t.Errorf("key of %+v is not stable", o)
		}
		if !strings.HasPrefix(k, SavePrefix) || len(k) > 48 || strings.ContainsAny(k, "/\\ .?()") {
			t.Errorf("key %q of %+v is not a short, safe file name", k, o)
		}
	}
	for o, want := range map[Origin]string{
		{Embedded: "big-three.yaml"}:                      "save-big-three-",
		{File: "/home/ann/Cuba 1962.yaml"}:                "save-cuba-1962-",
		{Name: "My Cuban Crisis (v2).YAML", Text: "x"}:    "save-my-cuban-crisis-v2-",
		{Name: "????.yaml", Text: "x"}:                    "save-scenario-",
		{Name: strings.Repeat("abcdefgh", 10), Text: "x"}: "save-abcdefghabcdefghabcdefgh-",
	} {
		if k := o.Key(); !strings.HasPrefix(k, want) {
			t.Errorf("key of %+v is %q, want it to start with %q", o, k, want)
		}
	}
	if (Origin{File: "/a/b/c.yaml"}).String() != "c.yaml" || (Origin{File: `C:\x\d.yaml`}).String() != "d.yaml" {
		t.Error("String shows a path, not the file's name")
	}
}

// TestTwoScenariosSideBySide is the reason for one save per scenario:
// playing a second scenario keeps the first one's game.
func TestTwoScenariosSideBySide(t *testing.T) {
	r := played(t)
	first, second := Origin{Embedded: "big-three.yaml"}, Origin{Name: "cuba.yaml", Text: "format: 1"}
	for name, b := range backends(t) {
		t.Run(name, func(t *testing.T) {
			s := New(b, "")
			s.Now = clock()
			for _, o := range []Origin{first, second} {
				if err := s.WriteAutosave(o, r.Save(), Progress{Document: 2}); err != nil {
					t.Fatal(err)
				}
			}
			list, problems := s.Autosaves()
			if len(problems) > 0 || len(list) != 2 || list[0].Origin != second || list[1].Origin != first {
				t.Fatalf("Autosaves() = %v, %q; want %v then %v", list, problems, second, first)
			}
			// Playing the first again puts it first; the second is untouched.
			if err := s.WriteAutosave(first, r.Save(), Progress{Document: 3}); err != nil {
				t.Fatal(err)
			}
			list, _ = s.Autosaves()
			if len(list) != 2 || list[0].Origin != first || list[0].Progress.Document != 3 || list[1].Progress.Document != 2 {
				t.Errorf("after playing the first again: %+v", list)
			}
		})
	}
}

func TestNoAutosave(t *testing.T) {
	for name, b := range backends(t) {
		s := New(b, "")
		if a, problem := s.Autosave(Origin{Embedded: "example.yaml"}); a != nil || problem != "" {
			t.Errorf("%s: %v, %q", name, a, problem)
		}
		if list, problems := s.Autosaves(); len(list) != 0 || len(problems) != 0 {
			t.Errorf("%s: %v, %q", name, list, problems)
		}
	}
}

func TestCorruptAutosaveIsMovedAside(t *testing.T) {
	o := Origin{Embedded: "example.yaml"}
	tests := []struct {
		name, data, want string
	}{
		{"not json", "{\"origin\": ", "damaged"},
		{"empty", "", "damaged"},
		{"no origin", `{"save": {"format": 1, "scenario": "x", "choices": []}}`, "which scenario"},
		{"bad save", `{"origin": {"embedded": "example.yaml"}, "save": {"format": 1}}`, "which scenario"},
		{"cut short", `{"origin": {"embedded": "example.yaml"}, "save": {"format": 1, "sce`, "it stops in the middle: it was cut short"},
	}
	for _, tt := range tests {
		for _, how := range []string{"one", "list"} {
			t.Run(tt.name+"/"+how, func(t *testing.T) {
				dir := t.TempDir()
				file := o.Key() + ".json"
				path := filepath.Join(dir, file)
				os.WriteFile(path, []byte(tt.data), 0o644)
				s := New(Dir{Path: dir}, "")
				read := func() (*Autosave, string) {
					if how == "one" {
						return s.Autosave(o)
					}
					list, problems := s.Autosaves()
					if len(list) > 0 || len(problems) != 1 {
						t.Fatalf("Autosaves() = %v, %q", list, problems)
					}
					return nil, problems[0]
				}
				a, problem := read()
				if a != nil || !strings.Contains(problem, tt.want) || !strings.Contains(problem, file+".corrupt") {
					t.Fatalf("read %v, %q", a, problem)
				}
				kept, err := os.ReadFile(path + ".corrupt")
				if err != nil || string(kept) != tt.data {
					t.Errorf("corrupt file not kept: %q, %v", kept, err)
				}
				if _, err := os.Stat(path); !os.IsNotExist(err) {
					t.Errorf("damaged autosave still in place: %v", err)
				}
				// A second damaged save does not overwrite the first one kept.
				os.WriteFile(path, []byte("again"), 0o644)
				if _, problem = read(); !strings.Contains(problem, file+".2.corrupt") {
					t.Errorf("second problem: %q", problem)
				}
				if kept, _ := os.ReadFile(path + ".corrupt"); string(kept) != tt.data {
					t.Error("first kept file was overwritten")
				}
				// What was moved aside is not listed as a saved game.
				if list, problems := s.Autosaves(); len(list) != 0 || len(problems) != 0 {
					t.Errorf("after moving aside: %v, %q", list, problems)
				}
			})
		}
	}
}

// oldSave is an autosave of the single-slot layout, as versions before one
// save per scenario wrote it.
func oldSave(t *testing.T, o Origin) []byte {
	t.Helper()
	data, err := json.MarshalIndent(map[string]any{"origin": o, "save": json.RawMessage(played(t).Save().Encode())}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestMigrateSingleSlot(t *testing.T) {
	for _, o := range []Origin{{Embedded: "example.yaml"}, {File: "/tmp/x.yaml"}, {Name: "mine.yaml", Text: "format: 1"}} {
		for name, b := range backends(t) {
			t.Run(name+"/"+o.String(), func(t *testing.T) {
				old := oldSave(t, o)
				b.Write(AutosaveKey, old)
				s := New(b, "")
				var asked *Autosave
				if problem := s.Migrate(func(a *Autosave) Progress { asked = a; return Progress{Date: "1941-07-30", Document: 3} }); problem != "" {
					t.Fatal(problem)
				}
				if asked == nil || asked.Origin != o || len(asked.Save.Choices) != 2 {
					t.Fatalf("progress asked about %+v", asked)
				}
				if _, err := b.Read(AutosaveKey); !errors.Is(err, ErrNotFound) {
					t.Errorf("the old slot is still there after migrating: %v", err)
				}
				a, problem := s.Autosave(o)
				if a == nil || problem != "" || len(a.Save.Choices) != 2 || a.Progress.Document != 3 {
					t.Fatalf("migrated save: %+v, %q", a, problem)
				}
				// Once is enough: a second start finds nothing to migrate.
				if problem := s.Migrate(nil); problem != "" {
					t.Error(problem)
				}
				if list, _ := s.Autosaves(); len(list) != 1 {
					t.Errorf("after a second start: %v", list)
				}
			})
		}
	}
}

func TestMigrateDamagedSingleSlot(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "autosave.json")
	os.WriteFile(path, []byte(`{"origin": {"embedded": "example.yaml"}, "save": {"form`), 0o644)
	problem := New(Dir{Path: dir}, "").Migrate(nil)
	if !strings.Contains(problem, "damaged") || !strings.Contains(problem, "autosave.json.corrupt") {
		t.Errorf("problem %q", problem)
	}
	if _, err := os.Stat(path + ".corrupt"); err != nil {
		t.Errorf("damaged old save not kept: %v", err)
	}
}

// TestMigrateKeepsBoth: an old single-slot save of a scenario that already
// has a save in the new layout is moved aside; neither is lost.
func TestMigrateKeepsBoth(t *testing.T) {
	o := Origin{Embedded: "example.yaml"}
	m := NewMemory()
	s := New(m, "")
	if err := s.WriteAutosave(o, played(t).Save(), Progress{Document: 9}); err != nil {
		t.Fatal(err)
	}
	old := oldSave(t, o)
	m.Write(AutosaveKey, old)
	if problem := s.Migrate(nil); !strings.Contains(problem, "newer one is kept") {
		t.Errorf("problem %q", problem)
	}
	if a, _ := s.Autosave(o); a == nil || a.Progress.Document != 9 {
		t.Errorf("the newer save was replaced: %+v", a)
	}
	if kept, err := m.Read(AutosaveKey + ".corrupt"); err != nil || string(kept) != string(old) {
		t.Errorf("the old save was not kept: %v", err)
	}
}

// failing is a backend whose writes of saves fail.
type failing struct{ *Memory }

func (f failing) Write(key string, data []byte) error {
	if strings.HasPrefix(key, SavePrefix) {
		return errors.New("disk full")
	}
	return f.Memory.Write(key, data)
}

func TestMigrateFailureKeepsOldSlot(t *testing.T) {
	m := NewMemory()
	old := oldSave(t, Origin{Embedded: "example.yaml"})
	m.Write(AutosaveKey, old)
	problem := New(failing{m}, "").Migrate(nil)
	if !strings.Contains(problem, "disk full") || !strings.Contains(problem, "still where it was") {
		t.Errorf("problem %q", problem)
	}
	if kept, err := m.Read(AutosaveKey); err != nil || string(kept) != string(old) {
		t.Errorf("the old save was lost: %v", err)
	}
}

func TestListLeavesOutOtherEntries(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"settings.json", "save-a-1.json", "save-a-1.json.corrupt", "save-b-2.json", "save-c.txt", "notes"} {
		os.WriteFile(filepath.Join(dir, name), nil, 0o644)
	}
	os.Mkdir(filepath.Join(dir, "save-d.json"), 0o755)
	keys, err := Dir{Path: dir}.List(SavePrefix)
	sort.Strings(keys)
	if err != nil || !reflect.DeepEqual(keys, []string{"save-a-1", "save-b-2"}) {
		t.Errorf("Dir.List = %q, %v", keys, err)
	}
	if keys, err := (Dir{Path: filepath.Join(dir, "missing")}).List(SavePrefix); err != nil || len(keys) != 0 {
		t.Errorf("missing folder: %q, %v", keys, err)
	}
	m := NewMemory()
	for _, k := range []string{"settings", "save-a-1", "save-a-1.corrupt", "save-b-2"} {
		m.Write(k, nil)
	}
	keys, _ = m.List(SavePrefix)
	sort.Strings(keys)
	if !reflect.DeepEqual(keys, []string{"save-a-1", "save-b-2"}) {
		t.Errorf("Memory.List = %q", keys)
	}
}

func TestCorruptSettingsInMemory(t *testing.T) {
	m := NewMemory()
	m.Write(SettingsKey, []byte("{{"))
	got, problem := New(m, "").Settings()
	if got != DefaultSettings() || !strings.Contains(problem, "settings.corrupt") {
		t.Errorf("got %+v, %q", got, problem)
	}
	if want := []string{"settings.corrupt"}; !reflect.DeepEqual(m.Keys(), want) {
		t.Errorf("keys %q, want %q", m.Keys(), want)
	}
}

func TestDirWritesLeaveNoTemp(t *testing.T) {
	dir := t.TempDir()
	d := Dir{Path: dir}
	for _, s := range []string{"one", "two"} {
		if err := d.Write("state", []byte(s)); err != nil {
			t.Fatal(err)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("files left: %v", entries)
	}
	if b, _ := d.Read("state"); string(b) != "two" {
		t.Errorf("content %q", b)
	}
}

func TestDirsFromEnvironment(t *testing.T) {
	d := t.TempDir()
	t.Setenv("BIGTHREE_DATA_DIR", filepath.Join(d, "data"))
	t.Setenv("BIGTHREE_DOCS_DIR", filepath.Join(d, "docs"))
	s := Open()
	if s.Off != "" || s.Where() != filepath.Join(d, "data") {
		t.Errorf("Open: off %q, where %q", s.Off, s.Where())
	}
	msg, err := Export(TranscriptName("example aid/x", "20260101-120000"), []byte("# md"), []byte("{}"))
	if err != nil {
		t.Fatal(err)
	}
	md := filepath.Join(d, "docs", "bigthree-example-aid-x-20260101-120000.md")
	// The student sees the file's name and the folder's kind, never a path.
	if _, err := os.Stat(md); err != nil || !strings.Contains(msg, filepath.Base(md)) || strings.Contains(msg, d) {
		t.Errorf("export: %q, %v", msg, err)
	}
	if _, err := os.Stat(strings.TrimSuffix(md, ".md") + ".json"); err != nil {
		t.Error(err)
	}
}

func TestOpenWithUnusableFolder(t *testing.T) {
	d := t.TempDir()
	blocker := filepath.Join(d, "file")
	os.WriteFile(blocker, nil, 0o644)
	t.Setenv("BIGTHREE_DATA_DIR", filepath.Join(blocker, "sub"))
	s := Open()
	if s.Off == "" {
		t.Fatal("saves should be off")
	}
	if err := s.SaveSettings(DefaultSettings()); err != nil {
		t.Errorf("memory fallback: %v", err)
	}
}
