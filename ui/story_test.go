//go:build !js

package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bigthree/internal/layout"
)

// cubaFile is the story model's test scenario: the Cuban Missile Crisis,
// played as Kennedy.
const cubaFile = "../internal/story/testdata/cuba-1962.yaml"

// blockTexts returns the text of every block a scene laid out.
func blockTexts(blocks []layout.Block) string {
	var b strings.Builder
	for _, bl := range blocks {
		if bl.Text != "" {
			b.WriteString(bl.Text)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func wantTexts(t *testing.T, screen, texts string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(texts, w) {
			t.Errorf("the %s screen lacks %q; it shows:\n%s", screen, w, texts)
		}
	}
	if strings.Contains(texts, "Roosevelt") {
		t.Errorf("the %s screen speaks of Roosevelt:\n%s", screen, texts)
	}
}

// TestCubanScenarioReadsAsKennedys plays a scenario whose player is not the
// campaign's, with the keyboard, and reads what the after screen and the
// ending show. With $BIGTHREE_SHOT_DIR set it also writes those screens at
// 1280x720 and 1920x1080 there, to look at.
func TestCubanScenarioReadsAsKennedys(t *testing.T) {
	d := theDriver
	file, err := filepath.Abs(cubaFile)
	if err != nil {
		t.Fatal(err)
	}
	// No game in progress from another test: this one starts from the top.
	os.RemoveAll(os.Getenv("BIGTHREE_DATA_DIR"))
	d.restart(t, Options{File: file})
	d.waitScene(t, "desk")
	if id := d.g.a.Play.S.ID; id != "cuba-1962" || len(d.g.a.Play.Run.Steps()) != 0 {
		t.Fatalf("playing %q after %d choices", id, len(d.g.a.Play.Run.Steps()))
	}

	d.press(Intent{Choose: 1}) // convene the advisers, as Kennedy did
	d.waitScene(t, "after")
	after := d.g.a.scene.(*afterScene)
	wantTexts(t, "after", blockTexts(append(append([]layout.Block(nil), after.blocks...), after.noteBlocks...)), "Your reply", "In history", "Kennedy called a small group of advisers", "You chose as Kennedy did.")
	if after.cont.Label != "Continue" {
		t.Errorf("the button says %q", after.cont.Label)
	}
	d.shots(t, "cuba-after-matched", nil)
	d.press(Intent{Activate: true})
	d.waitScene(t, "desk")

	d.press(Intent{Choose: 2}) // confront Gromyko, which Kennedy did not
	d.waitScene(t, "after")
	wantTexts(t, "after", blockTexts(afterBlocks(d.g.a.scene.(*afterScene))),
		"Kennedy chose otherwise: “Say nothing of the photographs; read him your September warning instead.”")
	d.shots(t, "cuba-after-otherwise", nil)

	// The quarantine, Continue on the address (its note is on the desk:
	// one press), then Kennedy's replies.
	for _, in := range []Intent{{Activate: true}, {Choose: 1}, {Activate: true}, {Activate: true}, {Choose: 1}, {Activate: true}, {Choose: 1}, {Activate: true}, {Choose: 1}} {
		d.press(in)
		for d.g.a.trans.Active() {
			d.tick(Intent{})
		}
	}
	d.waitScene(t, "after")
	if label := d.g.a.scene.(*afterScene).cont.Label; label != "See how it ended" {
		t.Fatalf("after the last reply the button says %q", label)
	}
	d.press(Intent{Activate: true})
	d.waitScene(t, "ending")
	end := d.g.a.scene.(*endingScene)
	wantTexts(t, "ending", blockTexts(end.blocks),
		"The missiles go home",
		"Your path and Kennedy’s",
		"Your replies matched Kennedy’s in 5 of 6 decisions.",
		"Your replies and Kennedy’s",
		"Kennedy: the same.",
		"Kennedy: Say nothing of the photographs; read him your September warning instead.",
		"Sources")
	if c := end.story.Chart; c.HistoryLabel != "Kennedy’s path (what happened)" || len(c.Lines) != 3 || end.chart == nil {
		t.Errorf("chart: legend %q, %d lines, drawn %v", c.HistoryLabel, len(c.Lines), end.chart != nil)
	}
	d.shots(t, "cuba-ending", nil)
	d.shots(t, "cuba-ending-chart", func(a *App) {
		// Scroll the chart's heading to the top of the page.
		s := a.scene.(*endingScene)
		for _, bx := range s.flow.Boxes {
			if bx.Box == boxChart {
				s.scroll.Jump(bx.R.Y - 40*a.U)
				break
			}
		}
	})
}

// shots writes the current scene at 1280x720 and 1920x1080 into
// $BIGTHREE_SHOT_DIR, when it is set; prepare, when given, runs after the
// scene is laid out at each size.
func (d *driver) shots(t *testing.T, name string, prepare func(a *App)) {
	t.Helper()
	d.shotsAt(t, name, [][2]int{{1280, 720}, {1920, 1080}}, prepare)
}

// TestMeetingAndPictures opens the example from its folder, so that its
// pictures are read, and reads the desk's image and meeting lines and the
// portraits after a reply. With $BIGTHREE_SHOT_DIR set it writes the screens
// at 1280x720 and 768x1024.
func TestMeetingAndPictures(t *testing.T) {
	d := theDriver
	file, err := filepath.Abs("../scenarios/example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	os.RemoveAll(os.Getenv("BIGTHREE_DATA_DIR"))
	d.restart(t, Options{File: file})
	d.waitScene(t, "desk")
	sizes := [][2]int{{1280, 720}, {768, 1024}}
	desk := d.g.a.scene.(*deskScene)
	if im := desk.doc.model.Image; im == nil || im.Picture.Image == nil {
		t.Fatalf("the first document's picture was not read: %+v", im)
	}
	found := false
	for _, bx := range desk.doc.flow.Boxes {
		found = found || bx.Box == boxImage
	}
	if !found {
		t.Error("the picture is not laid out on the document")
	}
	d.shotsAt(t, "media-image", sizes, nil)
	// One Continue on the news (its note is on the desk), a reply, then on.
	for _, in := range []Intent{{Activate: true}, {Choose: 1}, {Activate: true}} {
		d.press(in)
		for d.g.a.trans.Active() {
			d.tick(Intent{})
		}
	}
	d.waitScene(t, "desk")
	desk = d.g.a.scene.(*deskScene)
	if n := len(desk.doc.model.Lines); n != 2 {
		t.Fatalf("the meeting has %d lines on the desk, want 2 (%s)", n, desk.doc.model.ID)
	}
	speakers := 0
	for _, bx := range desk.doc.flow.Boxes {
		if bx.Box == boxSpeaker {
			speakers++
		}
	}
	if speakers != 2 {
		t.Errorf("%d speaker headings laid out, want 2", speakers)
	}
	d.shotsAt(t, "media-meeting", sizes, func(a *App) {
		s := a.scene.(*deskScene)
		for _, bx := range s.doc.flow.Boxes {
			if bx.Box == boxSpeaker {
				s.docS.Jump(bx.R.Y - 120*a.U)
				break
			}
		}
	})
	d.press(Intent{Choose: 1}) // promise everything: Stalin pleased, Churchill displeased
	d.waitScene(t, "after")
	after := d.g.a.scene.(*afterScene)
	for _, re := range after.story.Reactions {
		if re.Name == "Joseph Stalin" && (re.Portrait == nil || re.Portrait.File != "images/example/stalin-pleased.png") {
			t.Errorf("Stalin's portrait after a reply that raised his trust: %+v", re.Portrait)
		}
	}
	d.shotsAt(t, "media-reactions", sizes, nil)
}

// afterBlocks are the after screen's blocks in both columns.
func afterBlocks(s *afterScene) []layout.Block {
	return append(append([]layout.Block(nil), s.blocks...), s.noteBlocks...)
}
