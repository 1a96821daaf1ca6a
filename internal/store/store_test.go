//go:build !js

package store

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

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

func TestAutosaveRoundTrip(t *testing.T) {
	sc := example(t)
	r := rules.New(sc)
	if err := r.ChooseIndex(-1); err != nil {
		t.Fatal(err)
	}
	if err := r.Choose("send-hopkins"); err != nil {
		t.Fatal(err)
	}
	origins := []Origin{{Embedded: "example.yaml"}, {File: "/tmp/x.yaml"}, {Name: "mine.yaml", Text: "format: 1"}}
	for name, b := range backends(t) {
		for _, o := range origins {
			t.Run(name+"/"+o.String(), func(t *testing.T) {
				s := New(b, "")
				if err := s.WriteAutosave(o, r.Save()); err != nil {
					t.Fatal(err)
				}
				a, problem := s.Autosave()
				if a == nil || problem != "" {
					t.Fatalf("Autosave() = %v, %q", a, problem)
				}
				if a.Origin != o {
					t.Errorf("origin %+v, want %+v", a.Origin, o)
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

func TestNoAutosave(t *testing.T) {
	for name, b := range backends(t) {
		if a, problem := New(b, "").Autosave(); a != nil || problem != "" {
			t.Errorf("%s: %v, %q", name, a, problem)
		}
	}
}

func TestCorruptAutosaveIsMovedAside(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"not json", "{\"origin\": ", "damaged"},
		{"empty", "", "damaged"},
		{"no origin", `{"save": {"format": 1, "scenario": "x", "choices": []}}`, "which scenario"},
		{"bad save", `{"origin": {"embedded": "example.yaml"}, "save": {"format": 1}}`, "which scenario"},
		{"newer", `{"origin": {"embedded": "example.yaml"}, "save": {"format": 99, "scenario": "x", "choices": []}}`, "newer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "autosave.json")
			os.WriteFile(path, []byte(tt.data), 0o644)
			s := New(Dir{Path: dir}, "")
			a, problem := s.Autosave()
			if a != nil || !strings.Contains(problem, tt.want) || !strings.Contains(problem, "autosave.json.corrupt") {
				t.Fatalf("Autosave() = %v, %q", a, problem)
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
			_, problem = s.Autosave()
			if !strings.Contains(problem, "autosave.json.2.corrupt") {
				t.Errorf("second problem: %q", problem)
			}
			if kept, _ := os.ReadFile(path + ".corrupt"); string(kept) != tt.data {
				t.Error("first kept file was overwritten")
			}
		})
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
	if _, err := os.Stat(md); err != nil || !strings.Contains(msg, md) {
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
