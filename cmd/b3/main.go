// Command b3 is the bigthree teachers' tool: it checks, plays, explores and
// graphs scenario files, without a display. Run `b3 help` for the commands.
package main

import (
	"os"

	"bigthree/game/tool"
)

func main() {
	os.Exit(tool.Main(os.Args[1:], tool.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}))
}
