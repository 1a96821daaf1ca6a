// Command baseline is the smallest Ebitengine program that looks like the game: one screen of
// paper-coloured background and one line of text. scripts/perf measures it beside the game, in the
// same run and the same way (through the BIGTHREE_STATE hook), to tell what the game itself costs.
package main

import (
	"log"

	"github.com/hajimehoshi/ebiten/v2"
)

func main() {
	ebiten.SetWindowSize(1280, 720)
	ebiten.SetWindowTitle("bigthree baseline")
	ebiten.SetWindowResizingMode(ebiten.WindowResizingModeEnabled)
	ebiten.SetScreenClearedEveryFrame(false)
	if err := ebiten.RunGame(newBaseline(benchMode(), newHook())); err != nil {
		log.Fatal(err)
	}
}
