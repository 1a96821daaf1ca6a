//go:build !js

package ui

import (
	"os"

	"bigthree/internal/atomicfile"
	"bigthree/internal/store"
)

func openStore() *store.Store { return store.Open() }

// benchMode returns $BIGTHREE_BENCH (scroll or desk), or "".
func benchMode() string {
	switch b := os.Getenv("BIGTHREE_BENCH"); b {
	case benchScroll, benchDesk:
		return b
	}
	return ""
}

// platformState writes the state to the file named by $BIGTHREE_STATE.
type platformState struct {
	path string
	err  bool
}

func (p *platformState) init(a *App) bool {
	p.path = os.Getenv("BIGTHREE_STATE")
	return p.path != ""
}

func (p *platformState) write(a *App, data []byte, _ bool) {
	if err := atomicfile.WriteFile(p.path, append(data, '\n'), 0o644); err != nil && !p.err {
		p.err = true
		a.addMessage("The state file cannot be written: " + err.Error())
	}
}
