//go:build !js

package ui

import (
	"slices"
	"testing"

	"bigthree/internal/story"
	"bigthree/scenarios"
)

// TestGlossaryFromMenu opens the campaign's menu, picks Glossary, reads the
// first term on screen and in the screen's text, scrolls with the keys, and
// goes back to the menu, then to the desk. The example, which has no
// glossary, has no Glossary in its menu.
func TestGlossaryFromMenu(t *testing.T) {
	d := theDriver
	startExample(t, d)
	d.press(Intent{Back: true})
	d.waitScene(t, "menu")
	for _, it := range d.g.a.scene.(*menuScene).items {
		if it.id == "glossary" {
			t.Errorf("the example's menu has a Glossary: %+v", d.g.a.scene.(*menuScene).items)
		}
	}
	d.pointAt(t, "title", true)
	openScenarioList(t, d)
	d.press(Intent{Choose: 1 + slices.Index(scenarios.Names(), scenarios.Campaign)})
	d.waitScene(t, "desk")
	terms := story.Glossary(d.g.a.Play.S)
	if len(terms) < 2 {
		t.Fatalf("the campaign's glossary has %d terms", len(terms))
	}
	d.press(Intent{Back: true})
	d.waitScene(t, "menu")
	d.pointAt(t, "glossary", true)
	d.waitScene(t, "glossary")
	gs := d.g.a.scene.(*glossaryScene)
	sc := screenCheck(t, d, "glossary")
	if sc.Title != "Glossary" || len(sc.Blocks) < 3 || sc.Blocks[1].Kind != "h2" || sc.Blocks[1].Text != terms[0].Term || sc.Blocks[2].Text != terms[0].Paragraphs[0] {
		t.Errorf("the glossary's text: %+v", sc)
	}
	drawn := false
	for _, l := range gs.flow.Lines {
		if l.Text == terms[0].Term && l.Style == stBold {
			drawn = true
		}
	}
	if !drawn {
		t.Errorf("the first term %q is not drawn in bold", terms[0].Term)
	}
	if gs.scroll.Max() <= 0 {
		t.Fatalf("the campaign's glossary fits on one screen at 1280x720? (max scroll %v)", gs.scroll.Max())
	}
	d.press(Intent{Move: 1})
	if gs.scroll.Target <= 0 {
		t.Errorf("Down does not scroll (at %v)", gs.scroll.Target)
	}
	at := gs.scroll.Target
	d.press(Intent{Page: 1})
	if gs.scroll.Target <= at {
		t.Errorf("Page Down does not scroll further (%v, then %v)", at, gs.scroll.Target)
	}
	d.press(Intent{End: true})
	for i := 0; i < 600 && gs.scroll.Pos != gs.scroll.Target; i++ {
		d.tick(Intent{})
	}
	d.shots(t, "glossary-end", nil)
	d.press(Intent{Page: -1})
	if gs.scroll.Target >= gs.scroll.Max() {
		t.Errorf("Page Up does not scroll back")
	}
	d.press(Intent{Back: true})
	if d.scene() != "menu" {
		t.Fatalf("Esc on the glossary shows %q, want the menu", d.scene())
	}
	d.waitScene(t, "menu")
	d.pointAt(t, "glossary", true)
	d.waitScene(t, "glossary")
	d.pointAt(t, "back", true)
	if d.scene() != "menu" {
		t.Fatalf("Back on the glossary shows %q, want the menu", d.scene())
	}
	d.press(Intent{Back: true})
	d.waitScene(t, "desk")
}
