package cli

import (
	"fmt"

	"bigthree/internal/check"
)

func runGraph(args []string, env Env) int {
	fs := flags("graph", env)
	format := fs.String("format", "dot", "dot (Graphviz), mermaid or json")
	asJSON := fs.Bool("json", false, "print the graph as JSON, for tools (the same as -format json)")
	file, ok := oneFile(fs, args, env)
	if !ok {
		return ExitUsage
	}
	if *asJSON {
		*format = "json"
	}
	if *format != "dot" && *format != "mermaid" && *format != "json" {
		fmt.Fprintf(env.Stderr, "b3 graph: unknown format %q: use -format dot, -format mermaid or -json\n", *format)
		return ExitUsage
	}
	s, ok := load(file, env)
	if !ok {
		return ExitProblems
	}
	switch *format {
	case "mermaid":
		fmt.Fprint(env.Stdout, check.Mermaid(s))
	case "json":
		fmt.Fprint(env.Stdout, check.JSON(s))
	default:
		fmt.Fprint(env.Stdout, check.DOT(s))
	}
	return ExitOK
}
