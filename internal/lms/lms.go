// Package lms turns a playthrough into what a SCORM 1.2 learning-management
// system keeps: the save in cmi.suspend_data (at most 4096 characters, so
// the save is written compactly), the lesson status and location, and one
// cmi.interactions entry per reply. The browser page's adapter (web/scorm.js)
// only copies these values to the LMS, so every rule about SCORM's lengths
// and vocabularies lives here, where it is tested.
//
// It is pure: no ebiten, no browser. The game calls it after every reply.
package lms

import (
	"errors"
	"fmt"
	"strings"

	"bigthree/internal/rules"
	"bigthree/internal/scenario"
)

// SuspendLimit is SCORM 1.2's limit on cmi.suspend_data (CMIString4096).
const SuspendLimit = 4096

// maxString is SCORM 1.2's limit on CMIString255 and CMIIdentifier values.
const maxString = 255

// The two forms of the compact save. Both start with the magic, the format,
// the scenario id and the first hex digits of its hash, separated by colons:
//
//	b3:1:big-three:1a2b3c4d:ids:send-hopkins.-.credit
//	b3:1:big-three:1a2b3c4d:n:103
//
// The ids form lists the choice ids (events follow from the replay; "-" is
// Continue, which no id can be, since ids start with a letter or a digit).
// It survives edits of the scenario as far as the ids still fit. The n form,
// used only when the ids do not fit in 4096 characters, gives each step as
// one digit (0 Continue, 1 to 9 the reply's place) and is replayed only on
// the very scenario it was made on.
const (
	magic     = "b3"
	format    = "1"
	hashChars = 8
	formIDs   = "ids"
	formDigit = "n"
	continued = "-"
)

// ErrTooLong means a run has too many steps for even the compact save to
// fit in cmi.suspend_data.
var ErrTooLong = errors.New("the save does not fit in the LMS's 4096 characters")

// EncodeSave returns the run's save in the compact form that fits in
// cmi.suspend_data. A run whose save cannot fit (thousands of steps) gets
// ErrTooLong: the LMS then keeps no save, and the game's own autosave in the
// browser is the only one.
func EncodeSave(r *rules.Run) (string, error) {
	s := r.Scenario()
	head := strings.Join([]string{magic, format, s.ID, shortHash(s.Hash)}, ":") + ":"
	steps := r.Steps()
	var b strings.Builder
	b.WriteString(head + formIDs + ":")
	for i, st := range steps {
		if i > 0 {
			b.WriteByte('.')
		}
		if st.Choice < 0 {
			b.WriteString(continued)
		} else {
			b.WriteString(r.ChoiceID(st))
		}
	}
	if b.Len() <= SuspendLimit {
		return b.String(), nil
	}
	b.Reset()
	b.WriteString(head + formDigit + ":")
	for _, st := range steps {
		b.WriteByte(byte('1' + st.Choice)) // Continue (-1) is '0'
	}
	if b.Len() <= SuspendLimit {
		return b.String(), nil
	}
	return "", fmt.Errorf("%w: %d steps need %d", ErrTooLong, len(steps), b.Len())
}

func shortHash(h string) string {
	if len(h) > hashChars {
		return h[:hashChars]
	}
	return h
}

// Resumed says how far a save from the LMS could be replayed.
type Resumed struct {
	Replayed, Total int
	// Changed is true when the scenario differs from the one the save was made on.
	Changed bool
	// Problem says why the replay stopped early; empty when it completed.
	Problem string
}

// Complete reports whether every saved step was replayed.
func (rs Resumed) Complete() bool { return rs.Replayed == rs.Total }

// String describes the outcome for the player, like rules.ResumeReport.
func (rs Resumed) String() string {
	switch {
	case rs.Complete() && !rs.Changed:
		return fmt.Sprintf("resumed after %d choices", rs.Total)
	case rs.Complete():
		return fmt.Sprintf("the scenario has changed since this save, but all %d choices still fit: resumed where you were", rs.Total)
	}
	return fmt.Sprintf("the scenario has changed since this save: resumed after choice %d of %d, because %s", rs.Replayed, rs.Total, rs.Problem)
}

// ErrForeign means the LMS holds something that is not a save of this scenario.
var ErrForeign = errors.New("the LMS's saved data is not a save of this scenario")

// Resume replays a compact save on s. A save of another scenario, or one
// that is not a bigthree save at all, is ErrForeign; a save of an edited
// scenario is replayed as far as its choices still fit.
func Resume(s *scenario.Scenario, data string) (*rules.Run, Resumed, error) {
	parts := strings.SplitN(data, ":", 6)
	if len(parts) != 6 || parts[0] != magic {
		return nil, Resumed{}, fmt.Errorf("%w (it does not start with %q)", ErrForeign, magic+":")
	}
	if parts[1] != format {
		return nil, Resumed{}, fmt.Errorf("this save was written by a newer bigthree (LMS save format %q; this program reads %q)", parts[1], format)
	}
	if parts[2] != s.ID {
		return nil, Resumed{}, fmt.Errorf("%w: it belongs to the scenario %q, not %q", ErrForeign, parts[2], s.ID)
	}
	changed := parts[3] != shortHash(s.Hash)
	var ids []string
	switch parts[4] {
	case formIDs:
		if parts[5] != "" {
			ids = strings.Split(parts[5], ".")
		}
		for i, id := range ids {
			if id == continued {
				ids[i] = rules.ContinueID
			}
		}
	case formDigit:
		if changed {
			n := len(parts[5])
			return rules.New(s), Resumed{Total: n, Changed: true, Problem: "this short form of the save only fits the scenario it was made on"}, nil
		}
		for _, c := range parts[5] {
			if c < '0' || c > '9' {
				return nil, Resumed{}, fmt.Errorf("%w (the step %q is not a digit)", ErrForeign, c)
			}
			ids = append(ids, string(c))
		}
	default:
		return nil, Resumed{}, fmt.Errorf("%w (unknown form %q)", ErrForeign, parts[4])
	}
	r := rules.New(s)
	rs := Resumed{Total: len(ids), Changed: changed}
	for i, id := range ids {
		if r.Over() {
			rs.Problem = fmt.Sprintf("choice %d: the story now ends before it", i+1)
			break
		}
		var err error
		if parts[4] == formDigit {
			err = r.ChooseIndex(int(id[0]-'0') - 1)
		} else {
			err = r.Choose(id)
		}
		if err != nil {
			rs.Problem = fmt.Sprintf("choice %d (%v)", i+1, err)
			break
		}
		rs.Replayed++
	}
	return r, rs, nil
}
