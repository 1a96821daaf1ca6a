// Command bigthree is the game: Roosevelt's wartime letters with Stalin and
// Churchill. Usage: bigthree [scenario.yaml]
//
// The arguments are read by hand rather than with package flag, which would
// add 15 KB to the browser download for one optional file name.
package main

import (
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"bigthree/internal/version"
	"bigthree/ui"
)

const usage = "usage: bigthree [scenario.yaml]\n       bigthree -version\n\nPlays the shipped campaign, or the scenario file given.\n"

func main() {
	args := os.Args[1:]
	switch {
	case len(args) == 1 && (args[0] == "-h" || args[0] == "-help" || args[0] == "--help"):
		fmt.Print(usage)
		return
	case len(args) == 1 && (args[0] == "-version" || args[0] == "--version"):
		fmt.Println("bigthree", version.Get())
		return
	case len(args) > 1 || len(args) == 1 && strings.HasPrefix(args[0], "-"):
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	g, err := ui.New(ui.Options{File: strings.Join(args, "")})
	if err != nil {
		log.Fatal(err)
	}
	ui.ConfigureWindow()
	if err := ebiten.RunGame(g); err != nil {
		log.Fatal(err)
	}
}
