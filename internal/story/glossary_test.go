package story_test

import (
	"os"
	"testing"

	"bigthree/internal/story"
)

// TestGlossary: the terms in the file's order, each definition split into
// typeset paragraphs; a scenario without a glossary has none.
func TestGlossary(t *testing.T) {
	data, err := os.ReadFile("../../scenarios/example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	data = append(data, "\nglossary:\n  zeta: \"The last letter's \\\"name\\\".\"\n  Alpha: |\n    First line\n    goes on.\n\n    A second paragraph.\n"...)
	s := load(t, "g.yaml", data)
	got := story.Glossary(s)
	if len(got) != 2 {
		t.Fatalf("glossary = %+v", got)
	}
	if got[0].Term != "zeta" || len(got[0].Paragraphs) != 1 || got[0].Paragraphs[0] != "The last letter’s “name”." {
		t.Errorf("first term = %+v (the file's order, typeset)", got[0])
	}
	if got[1].Term != "Alpha" || len(got[1].Paragraphs) != 2 || got[1].Paragraphs[0] != "First line goes on." || got[1].Paragraphs[1] != "A second paragraph." {
		t.Errorf("second term = %+v", got[1])
	}
	if g := story.Glossary(loadFile(t, "../../scenarios/example.yaml")); g != nil {
		t.Errorf("the example has no glossary, got %+v", g)
	}
}
