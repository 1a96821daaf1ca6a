// Command b3 is the bigthree teachers' tool: it checks, plays, explores and
// graphs scenario files, without a display. Run `b3 help` for the commands.
package main

import (
	"os"

	"bigthree/internal/cli"
	"bigthree/scenarios"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, WebGame: webGame(), Schema: scenarios.Schema()}))
}
