package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"sync"

	"github.com/hajimehoshi/ebiten/v2"

	"bigthree/internal/check"
	"bigthree/internal/layout"
	"bigthree/internal/rules"
	"bigthree/internal/scenario"
	"bigthree/internal/session"
	"bigthree/internal/store"
	"bigthree/internal/story"
)

// live reloads the scenario being played when its text changes, replaying
// the choices made so far as far as they still fit: the Studio's Try it
// pane in the browser hands in the text being edited, `bigthree -watch
// FILE` on the desktop the file on every save. A text with errors never
// loses the place: the game goes on with the last good version, and on the
// desktop the checker's messages are shown over it.
type live struct {
	mu   sync.Mutex
	next *liveText // the newest text not yet taken in

	// Loads counts the texts taken in; Notice says how the replay went.
	Loads   int
	Notice  string
	Problem string
	// diags are the checker's messages about the newest text; overlay
	// shows them over the game (the desktop's -watch).
	diags   scenario.Diagnostics
	file    string
	overlay bool
	flow    layout.Flow
	laidGen int
	laidFor int
	source  liveSource
}

// liveText is one version of the scenario's text.
type liveText struct {
	name   string
	data   []byte
	origin store.Origin
	keep   bool // replay the choices so far
}

// push hands in a new text; it may be called from any goroutine.
func (l *live) push(t liveText) {
	l.mu.Lock()
	l.next = &t
	l.mu.Unlock()
}

func (l *live) take() *liveText {
	l.mu.Lock()
	defer l.mu.Unlock()
	t := l.next
	l.next = nil
	return t
}

// update takes in the newest text once the game has loaded.
func (l *live) update(a *App) {
	l.source.update(a, l)
	if a.Store == nil {
		return
	}
	if t := l.take(); t != nil {
		l.apply(a, t)
	}
}

func (l *live) apply(a *App, t *liveText) {
	s, diags := check.File(t.name, t.data)
	l.diags, l.file, l.laidFor = diags, t.name, -1
	a.Redraw()
	if s == nil || diags.HasErrors() {
		e, _ := diags.Count()
		l.Problem = fmt.Sprintf("%s has %s: the game goes on with the last version without errors", t.name, story.Plural(e, "error"))
		if a.Play == nil {
			a.showErrors(t.name, diags)
		}
		l.Loads++
		return
	}
	l.Problem = ""
	var steps []rules.PlayedStep
	if t.keep && a.Play != nil {
		steps = a.Play.Run.Played()
	}
	run, rep := rules.ReplayEdited(s, steps)
	a.Play = newPlay(session.NewPlay(s, run, t.origin))
	a.Play.Notice = replayNotice(rep)
	l.Notice = a.Play.Notice
	if run.Over() {
		a.GoTo(newEndingScene(a))
	} else {
		a.GoTo(newDeskScene())
	}
	a.trans.Start(0) // a reload is not a change of screen
	a.autosave()
	l.Loads++
}

// replayNotice says in the desk's notice how far the choices were replayed.
func replayNotice(rep rules.ResumeReport) string {
	switch {
	case rep.Total == 0:
		return "Reloaded the scenario."
	case rep.Complete():
		return fmt.Sprintf("Reloaded the scenario and replayed your %s.", story.Plural(rep.Total, "choice"))
	}
	return fmt.Sprintf("Reloaded the scenario: replayed %d of your %s, then stopped at %s.", rep.Replayed, story.Plural(rep.Total, "choice"), rep.Problem)
}

// maxOverlay is how many of the checker's messages the overlay shows.
const maxOverlay = 6

// draw shows the checker's messages over the game, at the bottom of the
// screen (the desktop's -watch).
func (l *live) draw(a *App, dst *ebiten.Image) {
	if !l.overlay || len(l.diags) == 0 {
		return
	}
	u := a.U
	w := min(a.W-24*u, 1100*u)
	if l.laidGen != a.Gen || l.laidFor != len(l.diags) {
		var b []layout.Block
		head := filepath.Base(l.file) + ": " + l.diags.Summary()
		if l.Problem != "" {
			head += ". The game goes on with the last version without errors."
		} else {
			head += " (reloaded)."
		}
		b = append(b, layout.Block{Style: stSmall, Text: head, Tag: tagSoft})
		for i, d := range l.diags {
			if i == maxOverlay {
				b = append(b, layout.Block{Style: stSmall, Text: fmt.Sprintf("… and %d more: run b3 check %s for all of them.", len(l.diags)-maxOverlay, l.file), Space: 2 * u})
				break
			}
			tag := tagError
			if d.Severity == scenario.Warning {
				tag = tagWarning
			}
			b = append(b, layout.Block{Style: stSmall, Text: strings.TrimPrefix(d.String(), d.File+":"), Space: 2 * u, Tag: tag})
		}
		l.flow.Layout(b, w-28*u, a.Fonts)
		l.laidGen, l.laidFor = a.Gen, len(l.diags)
	}
	h := l.flow.Height + 20*u
	r := layout.R((a.W-w)/2, a.H-h-12*u, w, h)
	a.P.Round(dst, r, 6*u, colInk)
	a.P.Flow(dst, &l.flow, r.X+14*u, r.Y+10*u, r, func(line *layout.Line) Col {
		switch line.Tag {
		case tagError:
			return colOverlayError
		case tagWarning:
			return colOverlayWarning
		}
		return colOverlayText
	})
}

// init starts the platform's source of new texts.
func (l *live) init(a *App) { l.source.init(a, l) }

// showsDiagnostics reports whether the checker's messages are already shown
// (in the Studio, or over the game with -watch), so the game need not list
// a file's warnings before playing it.
func (l *live) showsDiagnostics() bool { return l.source.showsDiagnostics() }
