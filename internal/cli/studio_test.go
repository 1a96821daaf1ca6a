package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStudioMatchesTheTool checks that the Studio's functions say what the
// commands print, for every golden case and the example: CheckJSON is
// `b3 check -json`, ExploreJSON `b3 explore -json` and GraphDOT `b3 graph`.
func TestStudioMatchesTheTool(t *testing.T) {
	files, err := filepath.Glob("testdata/check/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatal("no golden cases", err)
	}
	files = append(files, "../../scenarios/example.yaml")
	for _, f := range files {
		name := filepath.ToSlash(f)
		t.Run(strings.TrimSuffix(filepath.Base(f), ".yaml"), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if strings.HasPrefix(filepath.Base(f), "image-") {
				t.Skip("the Studio has the text alone, not the pictures beside it")
			}
			_, out, _ := run(t, "", "check", "-json", name)
			if got := string(CheckJSON(name, data)); got != out {
				t.Errorf("CheckJSON differs from b3 check -json\n--- got\n%s--- want\n%s", got, out)
			}
			var quick struct {
				Check struct {
					Diagnostics []struct {
						Severity string `json:"severity"`
					} `json:"diagnostics"`
					Errors int `json:"errors"`
				} `json:"check"`
				Outline outline `json:"outline"`
			}
			if err := json.Unmarshal(QuickJSON(name, data), &quick); err != nil {
				t.Fatal(err)
			}
			code, exp, _ := run(t, "", "explore", "-json", name)
			gotExp := string(ExploreJSON(name, data))
			if strings.HasPrefix(gotExp, `{"error"`) {
				if code != ExitProblems || exp != "" || quick.Check.Errors == 0 {
					t.Errorf("a file that does not load: explore exits %d and prints %q; ExploreJSON = %s", code, exp, gotExp)
				}
				return
			}
			if gotExp != exp {
				t.Errorf("ExploreJSON differs from b3 explore -json\n--- got\n%s--- want\n%s", gotExp, exp)
			}
			_, dot, _ := run(t, "", "graph", name)
			if GraphDOT(name, data) != dot {
				t.Errorf("GraphDOT differs from b3 graph")
			}
			if len(quick.Outline.Events) == 0 || quick.Outline.Keys["event"] == nil {
				t.Errorf("outline without events or keys: %+v", quick.Outline)
			}
		})
	}
}

// TestQuickOutlineOfTheExample lists the example's ids and the ending its
// historical replies reach.
func TestQuickOutlineOfTheExample(t *testing.T) {
	data, err := os.ReadFile("../../scenarios/example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var q struct {
		Outline outline `json:"outline"`
	}
	if err := json.Unmarshal(QuickJSON("example.yaml", data), &q); err != nil {
		t.Fatal(err)
	}
	o := q.Outline
	ids := func(items []outlineItem) string {
		var s []string
		for _, it := range items {
			s = append(s, it.ID)
		}
		return strings.Join(s, " ")
	}
	for _, c := range []struct{ what, got, want string }{
		{"meters", ids(o.Meters), "stalin churchill home isolationists delay"},
		{"flags", ids(o.Flags), "envoy_sent promised_aid"},
		{"characters", ids(o.Characters), "roosevelt stalin churchill hopkins"},
		{"first event", ids(o.Events[:1]), "barbarossa"},
	} {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.what, c.got, c.want)
		}
	}
	if o.Events[0].Line == 0 || o.Historical == nil || o.Historical.Ending == "" {
		t.Errorf("outline lacks lines or the historical ending: %+v", o)
	}
}
