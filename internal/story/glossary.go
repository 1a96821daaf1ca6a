package story

import "bigthree/internal/scenario"

// Term is one entry of the glossary as shown: the word and what it means,
// typeset like the rest of the story's text.
type Term struct {
	Term       string
	Paragraphs []string
}

// Glossary returns the scenario's glossary in the order the file gives it
// (nil when it has none).
func Glossary(s *scenario.Scenario) []Term {
	if len(s.Glossary) == 0 {
		return nil
	}
	out := make([]Term, 0, len(s.Glossary))
	for _, g := range s.Glossary {
		out = append(out, Term{Term: Typeset(g.Term), Paragraphs: Paragraphs(g.Definition)})
	}
	return out
}
