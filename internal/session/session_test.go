package session

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"bigthree/internal/rules"
	"bigthree/internal/store"
	"bigthree/scenarios"
)

func newSession(t *testing.T) *Session {
	t.Helper()
	s := New(store.New(store.NewMemory(), ""))
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	s.Store.Now = func() time.Time { now = now.Add(time.Minute); return now }
	return s
}

func mustShow(t *testing.T, st Step) *Play {
	t.Helper()
	if st.Kind != Show || st.Play == nil {
		t.Fatalf("step %+v, want a play to show", st)
	}
	return st.Play
}

// reply makes the reply at position pos and saves, as the game does.
func reply(t *testing.T, s *Session, p *Play, pos int) {
	t.Helper()
	opts := p.Run.Options(nil)
	if err := p.Run.ChooseIndex(opts[pos].Index); err != nil {
		t.Fatal(err)
	}
	if problem := s.Autosave(p); problem != "" {
		t.Fatal(problem)
	}
}

func TestCatalog(t *testing.T) {
	s := newSession(t)
	if len(s.Catalog) != len(scenarios.Names()) {
		t.Fatalf("%d entries for %d shipped scenarios", len(s.Catalog), len(scenarios.Names()))
	}
	for _, e := range s.Catalog {
		if e.S == nil || e.Diags.HasErrors() {
			t.Errorf("%s does not load:\n%s", e.Name, e.Diags)
		}
	}
	if e := s.Entry(scenarios.Example); e == nil || e.S.ID != "example-aid-to-russia" {
		t.Errorf("Entry(example) = %+v", e)
	}
	if s.Entry("gone.yaml") != nil {
		t.Error("Entry of a scenario that is not shipped")
	}
}

// TestTwoScenariosInProgress: a second scenario started while the first is
// in progress keeps the first game; starting the first again asks, and
// each answer does what it says.
func TestTwoScenariosInProgress(t *testing.T) {
	s := newSession(t)
	first := mustShow(t, s.Start(s.OpenShipped(scenarios.Example)))
	reply(t, s, first, 0) // the news: Continue
	reply(t, s, first, 0) // send Hopkins
	wantEvent := first.Run.Event()

	second := mustShow(t, s.Start(s.OpenShipped(scenarios.Campaign)))
	reply(t, s, second, 0)
	list, problems := s.InProgress()
	if len(problems) > 0 || len(list) != 2 {
		t.Fatalf("InProgress() = %v, %q; want both games", list, problems)
	}
	if list[0].Origin.Embedded != scenarios.Campaign || list[1].Origin.Embedded != scenarios.Example {
		t.Errorf("the newest game is not first: %v, %v", list[0].Origin, list[1].Origin)
	}

	ask := s.Start(s.OpenShipped(scenarios.Example))
	if ask.Kind != Ask {
		t.Fatalf("starting a scenario with a game in progress: %+v, want a question", ask)
	}
	q := ask.Question()
	if q.Title != "A game in progress" || !strings.Contains(q.Text, "“Aid to Russia, 1941” in progress: 31 July 1941, document 3.") {
		t.Errorf("question %+v", q)
	}
	if ids := choiceIDs(q); ids != "continue start-again cancel" {
		t.Errorf("choices %q", ids)
	}

	if st := s.Answer(ask, Cancel); st.Kind != Stay {
		t.Errorf("Cancel: %+v", st)
	}
	if sv, _ := s.Saved(store.Origin{Embedded: scenarios.Example}); sv == nil || len(sv.Save.Choices) != 2 {
		t.Fatalf("Cancel changed the save: %+v", sv)
	}

	resumed := mustShow(t, s.Answer(ask, Resume))
	if resumed.Run.Event() != wantEvent || len(resumed.Run.Steps()) != 2 || resumed.Notice != "" {
		t.Errorf("Continue it: at event %d after %d steps (notice %q), want %d after 2", resumed.Run.Event(), len(resumed.Run.Steps()), resumed.Notice, wantEvent)
	}

	again := mustShow(t, s.Answer(ask, Restart))
	if len(again.Run.Steps()) != 0 {
		t.Error("Start again did not start over")
	}
	if sv, _ := s.Saved(store.Origin{Embedded: scenarios.Example}); sv == nil || len(sv.Save.Choices) != 0 {
		t.Errorf("Start again did not replace the save: %+v", sv)
	}
	if sv, _ := s.Saved(store.Origin{Embedded: scenarios.Campaign}); sv == nil || len(sv.Save.Choices) != 1 {
		t.Errorf("the other scenario's save was touched: %+v", sv)
	}
}

func choiceIDs(q Question) string {
	var ids []string
	for _, c := range q.Choices {
		ids = append(ids, c.ID)
	}
	return strings.Join(ids, " ")
}

// playOut plays the first open reply until the story ends.
func playOut(t *testing.T, s *Session, p *Play) {
	t.Helper()
	for n := 0; !p.Run.Over(); n++ {
		if n > 100 {
			t.Fatal("no ending")
		}
		opts := p.Run.Options(nil)
		pos := 0
		for pos < len(opts)-1 && opts[pos].Locked {
			pos++
		}
		reply(t, s, p, pos)
	}
}

func TestFinishedGame(t *testing.T) {
	s := newSession(t)
	p := mustShow(t, s.Start(s.OpenShipped(scenarios.Example)))
	playOut(t, s, p)
	ending := p.S.Endings[p.Run.Ending()].Title
	if list, _ := s.InProgress(); len(list) != 0 {
		t.Errorf("a finished game is listed as in progress: %v", list)
	}
	for name, st := range map[string]Step{
		"Start":         s.Start(s.OpenShipped(scenarios.Example)),
		"StartOrResume": s.StartOrResume(s.OpenShipped(scenarios.Example)),
	} {
		if st.Kind != Ask {
			t.Fatalf("%s of a finished scenario: %+v, want a question", name, st)
		}
		q := st.Question()
		if ids := choiceIDs(q); ids != "see-ending play-again cancel" || !strings.Contains(q.Text, "“"+ending+"”") {
			t.Errorf("%s: question %+v", name, q)
		}
		if end := mustShow(t, s.Answer(st, Resume)); !end.Run.Over() || end.Run.Ending() != p.Run.Ending() {
			t.Errorf("%s: See the ending shows %d, want ending %d", name, end.Run.Ending(), p.Run.Ending())
		}
	}
	again := mustShow(t, s.Restart(p))
	if again.Run.Over() || len(again.Run.Steps()) != 0 {
		t.Error("Play again did not start over")
	}
	if list, _ := s.InProgress(); len(list) != 1 {
		t.Errorf("after Play again: %v", list)
	}
}

func TestStartOrResume(t *testing.T) {
	s := newSession(t)
	path := filepath.Join(t.TempDir(), "mine.yaml")
	data, _ := scenarios.Read(scenarios.Example)
	os.WriteFile(path, data, 0o644)
	withPictures(t, filepath.Dir(path))

	p := mustShow(t, s.StartOrResume(OpenFile(path)))
	if p.Origin.File != path || len(p.Run.Steps()) != 0 {
		t.Fatalf("first start: %+v", p.Origin)
	}
	reply(t, s, p, 0)
	again := mustShow(t, s.StartOrResume(OpenFile(path)))
	if len(again.Run.Steps()) != 1 {
		t.Errorf("starting with the file again: %d steps, want the game continued after 1", len(again.Run.Steps()))
	}
	// The same file opened by a relative path is the same scenario.
	wd, _ := os.Getwd()
	t.Chdir(filepath.Dir(path))
	if p := mustShow(t, s.StartOrResume(OpenFile("mine.yaml"))); len(p.Run.Steps()) != 1 {
		t.Errorf("relative path: %d steps", len(p.Run.Steps()))
	}
	t.Chdir(wd)

	// An edited file still continues, and says so.
	os.WriteFile(path, append(data, []byte("\n# edited\n")...), 0o644)
	if p := mustShow(t, s.StartOrResume(OpenFile(path))); !strings.Contains(p.Notice, "changed") {
		t.Errorf("notice %q after the file changed", p.Notice)
	}
}

func TestContinue(t *testing.T) {
	s := newSession(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "mine.yaml")
	data, _ := scenarios.Read(scenarios.Example)
	os.WriteFile(path, data, 0o644)
	withPictures(t, dir)
	for _, op := range []Opened{s.OpenShipped(scenarios.Example), OpenFile(path), OpenData("picked.yaml", data)} {
		p := mustShow(t, s.Start(op))
		reply(t, s, p, 0)
	}
	list, _ := s.InProgress()
	if len(list) != 3 {
		t.Fatalf("%d games in progress, want 3", len(list))
	}
	for _, sv := range list {
		p := mustShow(t, s.Continue(sv))
		if p.Origin != sv.Origin || len(p.Run.Steps()) != 1 {
			t.Errorf("Continue %v: %+v after %d steps", sv.Origin, p.Origin, len(p.Run.Steps()))
		}
	}

	fileSave, _ := s.Saved(store.Origin{File: path})
	os.WriteFile(path, []byte("format: 1\ntitle: [broken\n"), 0o644)
	if st := s.Continue(fileSave); st.Kind != Errors || !st.Opened.Diags.HasErrors() {
		t.Errorf("Continue with a broken file: %+v", st)
	}
	os.Remove(path)
	st := s.Continue(fileSave)
	if st.Kind != Stay || !strings.Contains(st.Message, "mine.yaml") || !strings.Contains(st.Message, "no such file") || strings.Contains(st.Message, dir) {
		t.Errorf("Continue with the file gone: %+v", st)
	}
	gone := &store.Autosave{Origin: store.Origin{Embedded: "gone.yaml"}, Save: fileSave.Save}
	if st := s.Continue(gone); st.Kind != Stay || !strings.Contains(st.Message, "no longer part of the game") {
		t.Errorf("Continue of a scenario no longer shipped: %+v", st)
	}
}

// TestSaveOfAnotherScenario: a file whose content became another scenario
// cannot continue its old save; starting it asks before replacing it.
func TestSaveOfAnotherScenario(t *testing.T) {
	s := newSession(t)
	path := filepath.Join(t.TempDir(), "mine.yaml")
	data, _ := scenarios.Read(scenarios.Example)
	os.WriteFile(path, data, 0o644)
	withPictures(t, filepath.Dir(path))
	reply(t, s, mustShow(t, s.Start(OpenFile(path))), 0)
	campaign, _ := scenarios.Read(scenarios.Campaign)
	os.WriteFile(path, campaign, 0o644)
	for _, st := range []Step{s.Start(OpenFile(path)), s.StartOrResume(OpenFile(path))} {
		if st.Kind != Ask {
			t.Fatalf("%+v, want a question", st)
		}
		q := st.Question()
		if ids := choiceIDs(q); ids != "start-again cancel" || !strings.Contains(q.Text, "example-aid-to-russia") {
			t.Errorf("question %+v", q)
		}
		if st := s.Answer(st, Resume); st.Kind != Stay {
			t.Errorf("Resume of a save that does not fit: %+v", st)
		}
	}
}

func TestDamagedSaveIsReportedOnTheDesk(t *testing.T) {
	m := store.NewMemory()
	s := New(store.New(m, ""))
	o := store.Origin{Embedded: scenarios.Example}
	m.Write(o.Key(), []byte("{{{"))
	p := mustShow(t, s.Start(s.OpenShipped(scenarios.Example)))
	if !strings.Contains(p.Notice, "damaged") || !strings.Contains(p.Notice, o.Key()+".corrupt") {
		t.Errorf("notice %q", p.Notice)
	}
	if kept, err := m.Read(o.Key() + ".corrupt"); err != nil || string(kept) != "{{{" {
		t.Errorf("damaged save not kept: %q %v", kept, err)
	}
}

func TestErrorsAndDrops(t *testing.T) {
	s := newSession(t)
	bad := OpenData("bad.yaml", []byte("format: 1\ntitle: [unclosed\n"))
	if st := s.Start(bad); st.Kind != Errors || !strings.Contains(st.Opened.Diags.String(), "bad.yaml:") {
		t.Errorf("a broken scenario: %+v", st)
	}
	missing := OpenFile(filepath.Join(t.TempDir(), "missing.yaml"))
	if st := s.StartOrResume(missing); st.Kind != Errors || len(st.Opened.Diags) != 1 || st.Opened.Diags[0].Code != "read" {
		t.Errorf("a missing file: %+v", st)
	}

	data, _ := scenarios.Read(scenarios.Example)
	if _, ok := OpenDropped(fstest.MapFS{"notes.txt": {Data: []byte("x")}}); ok {
		t.Error("a drop without a scenario opened something")
	}
	dropped := fstest.MapFS{"a/notes.txt": {Data: []byte("x")}, "a/mine.YML": {Data: data}}
	_ = fs.WalkDir(scenarios.Images(), ".", func(p string, d fs.DirEntry, _ error) error {
		if !d.IsDir() {
			b, _ := fs.ReadFile(scenarios.Images(), p)
			dropped["a/images/"+p] = &fstest.MapFile{Data: b}
		}
		return nil
	})
	op, ok := OpenDropped(dropped)
	if !ok || op.S == nil || op.Origin != (store.Origin{Name: "a/mine.YML", Text: string(data)}) {
		t.Errorf("a dropped scenario: %+v %s", op.Origin, op.Diags)
	}
	if op.S != nil && op.S.Events[0].Image.Picture.Image == nil {
		t.Error("the pictures dropped with the scenario were not read")
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "disk.yaml"), data, 0o644)
	withPictures(t, dir)
	op, ok = OpenDropped(os.DirFS(dir))
	if !ok || op.S == nil || op.Origin != (store.Origin{File: filepath.Join(dir, "disk.yaml")}) {
		t.Errorf("a file of the disk dropped: %+v", op.Origin)
	}
}

func TestMigrate(t *testing.T) {
	m := store.NewMemory()
	s := New(store.New(m, ""))
	old := rules.New(s.Entry(scenarios.Example).S)
	old.ChooseIndex(-1)
	old.Choose("send-hopkins")
	m.Write(store.AutosaveKey, []byte(`{"origin": {"embedded": "example.yaml"}, "save": `+string(old.Save().Encode())+`}`))
	if problem := s.Migrate(); problem != "" {
		t.Fatal(problem)
	}
	list, _ := s.InProgress()
	if len(list) != 1 {
		t.Fatalf("after migrating: %v", list)
	}
	if Describe(list[0]) != "Aid to Russia, 1941, 31 July 1941, document 3" {
		t.Errorf("after migrating: %q", Describe(list[0]))
	}
	if p := mustShow(t, s.Continue(list[0])); len(p.Run.Steps()) != 2 {
		t.Errorf("the migrated game continues after %d steps, want 2", len(p.Run.Steps()))
	}
}

func TestDescribe(t *testing.T) {
	save := &rules.Save{Title: "The Big Three"}
	for _, tt := range []struct {
		sv   store.Autosave
		want string
	}{
		{store.Autosave{Save: save, Progress: store.Progress{Date: "1943-08-19", Document: 23}}, "The Big Three, 19 August 1943, document 23"},
		{store.Autosave{Save: save, Progress: store.Progress{Document: 2}}, "The Big Three, document 2"},
		{store.Autosave{Save: save, Progress: store.Progress{Over: true, Ending: "A lasting peace", Date: "1945-04-12"}}, "The Big Three, finished (A lasting peace)"},
		{store.Autosave{Save: &rules.Save{}, Origin: store.Origin{File: "/home/ann/cuba.yaml"}, Progress: store.Progress{Date: "1962-10-16", Document: 1}}, "cuba.yaml, 16 October 1962, document 1"},
	} {
		if got := Describe(&tt.sv); got != tt.want {
			t.Errorf("Describe = %q, want %q", got, tt.want)
		}
	}
}

func TestProgress(t *testing.T) {
	s := newSession(t)
	p := mustShow(t, s.Start(s.OpenShipped(scenarios.Example)))
	if pr := p.Progress(); pr.Document != 1 || pr.Date != p.S.Events[0].Date.Format(time.DateOnly) || pr.Over {
		t.Errorf("at the start: %+v", pr)
	}
	playOut(t, s, p)
	last := p.Run.Steps()[len(p.Run.Steps())-1]
	if pr := p.Progress(); !pr.Over || pr.Document != len(p.Run.Steps()) || pr.Date != p.S.Events[last.Event].Date.Format(time.DateOnly) || pr.Ending == "" {
		t.Errorf("at the end: %+v", pr)
	}
}

func TestBench(t *testing.T) {
	cat := LoadCatalog()
	s, st := Bench(cat, "")
	p := mustShow(t, st)
	if s.Store.Off == "" || p.Origin.Embedded != scenarios.Default() {
		t.Errorf("bench: off %q, origin %+v", s.Store.Off, p.Origin)
	}
	if problem := s.Autosave(p); problem != "" {
		t.Errorf("autosave with saves off: %s", problem)
	}
	if _, st := Bench(cat, filepath.Join(t.TempDir(), "missing.yaml")); st.Kind != Errors {
		t.Errorf("bench of a missing file: %+v", st)
	}
}

// withPictures copies the shipped pictures beside a copy of a shipped scenario.
func withPictures(t *testing.T, dir string) {
	t.Helper()
	if err := os.CopyFS(filepath.Join(dir, "images"), scenarios.Images()); err != nil {
		t.Fatal(err)
	}
}
