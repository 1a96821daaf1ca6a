package lms

import (
	"encoding/json"
	"regexp"

	"bigthree/internal/rules"
)

// The SCORM 1.2 lesson statuses the game reports (cmi.core.lesson_status).
const (
	StatusIncomplete = "incomplete"
	StatusCompleted  = "completed"
)

// The SCORM 1.2 interaction vocabulary the game uses.
const (
	TypeChoice      = "choice"      // a reply: the response is the reply's letter
	TypePerformance = "performance" // the ending: the response is the ending's id
	ResultCorrect   = "correct"     // the reply is the one marked historical
	ResultWrong     = "wrong"       // the event has a historical reply, and this is another
	ResultNeutral   = "neutral"     // the event has no historical reply, or the ending
)

// EndingInteraction is the interaction id under which the ending is recorded.
const EndingInteraction = "ending"

// Progress is what the game hands the page's LMS adapter after every reply:
// values ready to be written to the LMS as they are.
type Progress struct {
	Scenario string `json:"scenario"`
	// Status is cmi.core.lesson_status: incomplete, or completed at an ending.
	Status string `json:"status"`
	// Location is cmi.core.lesson_location: "event:ID" while playing,
	// "ending:ID" at the end (at most 255 characters).
	Location string `json:"location"`
	// Suspend is cmi.suspend_data (see EncodeSave); empty with SuspendProblem
	// set when the save does not fit.
	Suspend        string `json:"suspend_data"`
	SuspendProblem string `json:"suspend_problem,omitempty"`
	// Interactions has one entry per reply made so far, then the ending.
	Interactions []Interaction `json:"interactions"`
	// Resumed is how many of the steps were replayed from the LMS's own
	// save at the start: their interactions were recorded in an earlier
	// session, and the adapter records only the steps after them.
	Resumed int `json:"resumed"`
	// Run numbers the game's runs (a new game after the ending is a new
	// run); the game sets it.
	Run int `json:"run"`
}

// Interaction is one cmi.interactions.n entry.
type Interaction struct {
	// Step is the index of the run's step it records (the ending: the number of steps).
	Step int `json:"step"`
	// ID is cmi.interactions.n.id: the event's id (CMIIdentifier).
	ID   string `json:"id"`
	Type string `json:"type"`
	// Response is cmi.interactions.n.student_response: for a reply, its
	// letter, a for the event's first reply in the scenario file.
	Response string `json:"student_response"`
	// Correct is cmi.interactions.n.correct_responses.0.pattern: the letter
	// of the historical reply, or empty when there is none.
	Correct string `json:"correct_response,omitempty"`
	Result  string `json:"result"`
}

var identifier = regexp.MustCompile(`[^A-Za-z0-9_-]`)

// Identifier turns s into a SCORM 1.2 CMIIdentifier: letters, digits, _ and -,
// at most 255 of them. Scenario ids already are.
func Identifier(s string) string {
	s = identifier.ReplaceAllString(s, "_")
	if len(s) > maxString {
		s = s[:maxString]
	}
	if s == "" {
		s = "_"
	}
	return s
}

func clip(s string) string {
	if len(s) <= maxString {
		return s
	}
	r := []rune(s[:maxString])
	return string(r[:len(r)-1]) // never cut a character in half
}

// letter is the SCORM 1.2 choice response for the reply at index i (0 is a).
func letter(i int) string { return string(rune('a' + i)) }

// MakeProgress reports a run to the LMS adapter; resumed is how many of its
// steps came from the LMS's save at the start.
func MakeProgress(r *rules.Run, resumed int) Progress {
	s := r.Scenario()
	p := Progress{Scenario: s.ID, Status: StatusIncomplete, Resumed: resumed, Interactions: []Interaction{}}
	if ev := r.Event(); ev >= 0 {
		p.Location = clip("event:" + s.Events[ev].ID)
	}
	if save, err := EncodeSave(r); err != nil {
		p.SuspendProblem = err.Error()
	} else {
		p.Suspend = save
	}
	for i, st := range r.Steps() {
		if st.Choice < 0 {
			continue // Continue is not a reply
		}
		ev := &s.Events[st.Event]
		in := Interaction{Step: i, ID: Identifier(ev.ID), Type: TypeChoice, Response: letter(st.Choice), Result: ResultNeutral}
		if h := ev.HistoricalChoice(); h >= 0 {
			in.Correct = letter(h)
			in.Result = ResultWrong
			if h == st.Choice {
				in.Result = ResultCorrect
			}
		}
		p.Interactions = append(p.Interactions, in)
	}
	if e := r.Ending(); e >= 0 {
		id := s.Endings[e].ID
		p.Status = StatusCompleted
		p.Location = clip("ending:" + id)
		p.Interactions = append(p.Interactions, Interaction{Step: len(r.Steps()), ID: EndingInteraction, Type: TypePerformance, Response: clip(id), Result: ResultNeutral})
	}
	return p
}

// JSON returns the progress as the adapter reads it.
func (p Progress) JSON() string {
	b, err := json.Marshal(p)
	if err != nil {
		panic(err) // only strings, ints and slices of them
	}
	return string(b)
}
