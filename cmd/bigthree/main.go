// Command bigthree is the game: a negotiation from history, played by
// answering its letters, telegrams and reports. It plays the shipped
// campaign, or the scenario file given. Usage: bigthree [-watch] [scenario.yaml]
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

const usage = "usage: bigthree [-watch] [scenario.yaml]\n       bigthree -version\n\nPlays the shipped campaign, or the scenario file given.\n" +
	"With -watch, the file is reloaded on every save: the choices so far are replayed and the checker's messages shown over the game.\n"

func main() {
	args := os.Args[1:]
	watch := len(args) > 0 && (args[0] == "-watch" || args[0] == "--watch")
	if watch {
		args = args[1:]
	}
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
	case watch && len(args) == 0:
		fmt.Fprint(os.Stderr, "bigthree: -watch needs a scenario file\n\n"+usage)
		os.Exit(2)
	}
	g, err := ui.New(ui.Options{File: strings.Join(args, ""), Watch: watch})
	if err != nil {
		log.Fatal(err)
	}
	ui.ConfigureWindow()
	if err := ebiten.RunGame(g); err != nil {
		log.Fatal(err)
	}
}
