// Package liberation names the faces of github.com/go-fonts/liberation
// that bigthree draws with, for fontgen and for the test that keeps
// assets/fonts fresh.
package liberation

import (
	_ "embed"

	"github.com/go-fonts/liberation/liberationmonoregular"
	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
)

// Font is one face: the file fontgen writes and the module's TTF.
type Font struct {
	File string
	TTF  []byte
}

// Fonts are the faces: Liberation Serif for every text but telegrams, and
// Liberation Mono (a typewriter face whose zero has no slash) for those.
var Fonts = []Font{
	{"LiberationSerif-Regular.ttf", liberationserifregular.TTF},
	{"LiberationSerif-Bold.ttf", liberationserifbold.TTF},
	{"LiberationSerif-Italic.ttf", liberationserifitalic.TTF},
	{"LiberationMono-Regular.ttf", liberationmonoregular.TTF},
}

// License is the SIL Open Font License 1.1 text that comes with the
// fonts, copied from the module's LICENSE-SIL.
//
//go:embed LICENSE-SIL.txt
var License string
