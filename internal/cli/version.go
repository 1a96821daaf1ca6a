package cli

import (
	"fmt"

	"bigthree/internal/version"
)

// runVersion prints the release and commit this b3 was built from.
func runVersion(args []string, env Env) int {
	if len(args) > 0 {
		fmt.Fprintf(env.Stderr, "b3 version: takes no arguments\n")
		return ExitUsage
	}
	fmt.Fprintf(env.Stdout, "b3 %s\n", version.Get())
	return ExitOK
}
