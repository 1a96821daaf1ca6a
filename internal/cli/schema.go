package cli

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// SchemaFile is the name editors look for beside a scenario, as its first
// line says: `# yaml-language-server: $schema=./schema.json`.
const SchemaFile = "schema.json"

// runSchema writes the scenario format's JSON Schema beside a teacher's
// file (or into a folder), so that an editor checks the file as it is typed
// wherever it lives. It never replaces a different file without -force.
func runSchema(args []string, env Env) int {
	fl := flag.NewFlagSet("schema", flag.ContinueOnError)
	fl.SetOutput(io.Discard)
	force := fl.Bool("force", false, "replace a schema.json that differs")
	if err := fl.Parse(args); err != nil || fl.NArg() > 1 {
		fmt.Fprintf(env.Stderr, "b3 schema: usage: b3 schema [-force] [FOLDER or FILE.yaml]\n")
		return ExitUsage
	}
	if len(env.Schema) == 0 {
		fmt.Fprintf(env.Stderr, "b3 schema: this b3 was built without the schema\n")
		return ExitProblems
	}
	target := "."
	if fl.NArg() == 1 {
		target = fl.Arg(0)
	}
	out, problem := schemaTarget(target)
	if problem != "" {
		fmt.Fprintf(env.Stderr, "b3 schema: %s\n", problem)
		return ExitProblems
	}
	if old, err := os.ReadFile(out); err == nil {
		if bytes.Equal(old, env.Schema) {
			fmt.Fprintf(env.Stdout, "%s is already the schema of this b3\n", out)
			return ExitOK
		}
		if !*force {
			fmt.Fprintf(env.Stderr, "b3 schema: %s exists and differs from this b3's schema (an older version, or another file): give -force to replace it\n", out)
			return ExitProblems
		}
	}
	if err := env.WriteFile(out, env.Schema); err != nil {
		fmt.Fprintf(env.Stderr, "b3 schema: cannot write %s: %v\n", out, err)
		return ExitProblems
	}
	fmt.Fprintf(env.Stdout, "wrote %s\nFor an editor to use it, make this the first line of each scenario in that folder:\n# yaml-language-server: $schema=./%s\n", out, SchemaFile)
	return ExitOK
}

// schemaTarget is where the schema goes for target: into a folder, beside a
// scenario file, or at a path that names a .json file; "" and a reason when
// it cannot go there.
func schemaTarget(target string) (string, string) {
	st, err := os.Stat(target)
	switch {
	case err == nil && st.IsDir():
		return filepath.Join(target, SchemaFile), ""
	case err == nil && !st.Mode().IsRegular():
		return "", fmt.Sprintf("%s is not a folder or a file", target)
	case strings.EqualFold(filepath.Ext(target), ".json"):
		if d, err := os.Stat(filepath.Dir(target)); err != nil || !d.IsDir() {
			return "", fmt.Sprintf("the folder of %s does not exist", target)
		}
		return target, "" // an existing one is compared before it is replaced
	case err == nil:
		// A scenario file: the schema goes beside it, where its first line
		// points.
		return filepath.Join(filepath.Dir(target), SchemaFile), ""
	default:
		return "", fmt.Sprintf("%s does not exist: give the folder of your scenario, or the scenario file", target)
	}
}
