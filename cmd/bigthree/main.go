// Command bigthree is the game: Roosevelt's wartime letters with Stalin and
// Churchill. Usage: bigthree [scenario.yaml]
package main

import (
	"flag"
	"fmt"
	"log"
	"os"

	"github.com/hajimehoshi/ebiten/v2"

	"bigthree/game/ui"
)

func main() {
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: bigthree [scenario.yaml]\n\nPlays the shipped campaign, or the scenario file given.")
	}
	flag.Parse()
	if flag.NArg() > 1 {
		flag.Usage()
		os.Exit(2)
	}
	g, err := ui.New(ui.Options{File: flag.Arg(0)})
	if err != nil {
		log.Fatal(err)
	}
	ui.ConfigureWindow()
	if err := ebiten.RunGame(g); err != nil {
		log.Fatal(err)
	}
}
