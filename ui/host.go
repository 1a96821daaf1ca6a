package ui

import (
	"bigthree/internal/bundle/link"
	"bigthree/internal/lms"
	"bigthree/internal/rules"
	"bigthree/internal/scenario"
	"bigthree/internal/session"
	"bigthree/internal/store"
)

// hostStart is what the page (web/host.js) hands the game when it starts:
// the scenario to open first (from a class link or a class folder) and the
// save an LMS kept. The desktop game has no page, and none of it.
type hostStart struct {
	Link, Name, Text, Save, Problem string
}

// hostState remembers what the page has been told, so the LMS adapter can
// tell a new game from the one it already recorded.
type hostState struct {
	run     *rules.Run // the run last reported
	runs    int        // how many runs have been reported
	lmsRun  *rules.Run // the run resumed from the LMS's save
	resumed int        // how many steps of lmsRun came from that save
}

// startFromHost opens the scenario the page asks for first, resumed from the
// LMS's save when it has one (else from this browser's autosave). It
// reports whether it took over the start.
func (a *App) startFromHost() bool {
	st, ok := readHostStart()
	if !ok {
		return false
	}
	if st.Problem != "" {
		a.addMessage(st.Problem)
	}
	name, data := st.Name, []byte(st.Text)
	if st.Link != "" {
		var err error
		if name, data, err = link.Parse(st.Link); err != nil {
			a.addMessage("The scenario in this link cannot be opened: " + err.Error() + ".")
			return false
		}
	}
	if len(data) == 0 {
		return false
	}
	o := store.Origin{Name: name, Text: string(data)}
	if st.Save != "" {
		s, diags := scenario.Load(name, data)
		if s == nil {
			a.showErrors(name, diags)
			return true
		}
		run, rs, err := lms.Resume(s, st.Save)
		if err == nil {
			a.Play = newPlay(session.NewPlay(s, run, o))
			a.host.lmsRun, a.host.resumed = run, rs.Replayed
			if rs.Changed || !rs.Complete() {
				a.Play.Notice = "Resumed: " + rs.String() + "."
			}
			if run.Over() {
				a.GoTo(newEndingScene(a))
			} else {
				a.GoTo(newDeskScene())
			}
			return true
		}
		a.addMessage("Your progress kept by the LMS could not be used (" + err.Error() + "): the game starts from this browser's own save, if any.")
	}
	// The class's scenario: its game in progress in this browser continues.
	op := session.OpenData(name, data)
	a.warnFirst(op, func() { a.follow(a.Session.StartOrResume(op)) })
	return true
}

// reportProgress tells the page (and through it an LMS) where the game is;
// it runs with every autosave, so after every reply.
func (a *App) reportProgress() {
	if a.Play == nil || !hostListens() {
		return
	}
	h := &a.host
	if a.Play.Run != h.run {
		h.run = a.Play.Run
		h.runs++
	}
	resumed := 0
	if h.run == h.lmsRun {
		resumed = h.resumed
	}
	p := lms.MakeProgress(h.run, resumed)
	p.Run = h.runs
	sendProgress(p.JSON())
}
