package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"bigthree/internal/bundle"
	"bigthree/internal/bundle/link"
	"bigthree/internal/scenario"
)

// devWebGame is where scripts/build-web puts the browser game in a clone.
const devWebGame = "build/web"

func runBundle(args []string, env Env) int {
	fs := flags("bundle", env)
	out := fs.String("o", "", "the zip (NAME.zip) or folder to write; default: the scenario's name with -class.zip (-scorm.zip with -scorm)")
	scorm := fs.Bool("scorm", false, "make a SCORM 1.2 package to upload to an LMS")
	asLink := fs.Bool("link", false, "print a link that carries the scenario instead (small scenarios only; needs -base)")
	base := fs.String("base", "", "with -link: the web address where the browser game is served")
	web := fs.String("web", "", "the folder of the browser game (default: the one built into this b3, else "+devWebGame+")")
	file, ok := oneFile(fs, args, env)
	if !ok {
		return ExitUsage
	}
	data, err := env.ReadFile(file)
	if err != nil {
		fmt.Fprint(env.Stderr, scenarioReadProblem(file, err))
		return ExitProblems
	}
	if *asLink {
		if *scorm || *out != "" {
			fmt.Fprintln(env.Stderr, "b3 bundle: -link prints a link; it takes no -o or -scorm")
			return ExitUsage
		}
		if *base == "" {
			fmt.Fprintln(env.Stderr, "b3 bundle: -link needs -base, the address where the browser game is served (e.g. -base https://school.example/bigthree/)")
			return ExitUsage
		}
		l, err := bundle.Link(*base, file, data)
		if err != nil {
			return bundleProblem(file, err, env)
		}
		fmt.Fprintln(env.Stdout, l)
		fmt.Fprintf(env.Stderr, "%s: a link of %d characters (at most %d fit); the scenario travels in the part after #, which the browser never sends to the server\n", file, len(l), link.MaxLinkLength)
		return ExitOK
	}
	game, where, err := webGame(*web, env)
	if err != nil {
		fmt.Fprintf(env.Stderr, "b3 bundle: %v\n", err)
		return ExitProblems
	}
	b, err := bundle.Make(game, file, data, bundle.Options{SCORM: *scorm})
	if err != nil {
		if errors.Is(err, bundle.ErrGame) {
			fmt.Fprintf(env.Stderr, "b3 bundle: %s: %v\n", where, err)
			return ExitProblems
		}
		return bundleProblem(file, err, env)
	}
	dest := *out
	if dest == "" {
		suffix := "-class.zip"
		if *scorm {
			suffix = "-scorm.zip"
		}
		dest = strings.TrimSuffix(b.ScenarioFile, ".yaml") + suffix
	}
	size := 0
	for _, f := range b.Files {
		size += len(f.Data)
	}
	if strings.HasSuffix(strings.ToLower(dest), ".zip") {
		var buf bytes.Buffer
		if err := bundle.WriteZip(&buf, b.Files, time.Now()); err != nil {
			fmt.Fprintf(env.Stderr, "b3 bundle: %v\n", err)
			return ExitProblems
		}
		if err := env.WriteFile(dest, buf.Bytes()); err != nil {
			fmt.Fprintf(env.Stderr, "b3 bundle: could not write %s: %v\n", dest, err)
			return ExitProblems
		}
		size = buf.Len()
	} else if err := writeFolder(dest, b.Files, env); err != nil {
		fmt.Fprintf(env.Stderr, "b3 bundle: %v\n", err)
		return ExitProblems
	}
	what := "class folder"
	if *scorm {
		what = "SCORM 1.2 package"
	}
	fmt.Fprintf(env.Stdout, "%s: wrote the %s %s (%d files, %.1f MB); it opens %q first.\n", file, what, dest, len(b.Files), float64(size)/(1<<20), b.Scenario.Title)
	if *scorm {
		fmt.Fprintln(env.Stdout, "Upload the zip to the LMS as a SCORM package (Moodle: Add an activity, SCORM package; Canvas: Import course content, SCORM).")
	} else {
		fmt.Fprintln(env.Stdout, "Copy its files to any web server or static host (or the LMS's file area) and give the class the address of index.html.")
	}
	return ExitOK
}

// bundleProblem prints why a scenario cannot be bundled.
func bundleProblem(file string, err error, env Env) int {
	var se *bundle.ScenarioError
	if errors.As(err, &se) {
		fmt.Fprint(env.Stderr, se.Diagnostics.String())
		fmt.Fprintf(env.Stderr, "%s: %s; fix the errors, then try again (b3 check %s)\n", file, se.Diagnostics.Summary(), file)
		return ExitProblems
	}
	fmt.Fprintf(env.Stderr, "%s: %v\n", file, err)
	return ExitProblems
}

// webGame finds the browser game: the folder given, the one built into a
// release b3, or scripts/build-web's output in a clone.
func webGame(dir string, env Env) (fs.FS, string, error) {
	switch {
	case dir != "":
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			return nil, dir, fmt.Errorf("-web %s: there is no such folder", dir)
		}
		return os.DirFS(dir), dir, nil
	case env.WebGame != nil:
		return env.WebGame, "the browser game inside b3", nil
	}
	if _, err := os.Stat(filepath.Join(devWebGame, "bigthree.wasm")); err == nil {
		return os.DirFS(devWebGame), devWebGame, nil
	}
	return nil, "", errors.New("this b3 has no browser game inside (it is a development build). Build one with `bash scripts/build-web` and give its folder with -web build/web, or use the b3 of a release")
}

// writeFolder writes a class folder; it refuses a folder that holds
// anything but an earlier class folder.
func writeFolder(dir string, files []bundle.File, env Env) error {
	entries, err := os.ReadDir(dir)
	if err == nil && len(entries) > 0 {
		if _, err := os.Stat(filepath.Join(dir, bundle.HostScript)); err != nil {
			return fmt.Errorf("the folder %s is not empty and is not a class folder: choose a new folder", dir)
		}
	}
	for _, f := range files {
		if err := env.WriteFile(filepath.Join(dir, filepath.FromSlash(f.Name)), f.Data); err != nil {
			return fmt.Errorf("could not write %s: %v", f.Name, err)
		}
	}
	return nil
}

// scenarioReadProblem words a file that cannot be read as every command does.
func scenarioReadProblem(name string, err error) string {
	return scenario.Diagnostics{scenario.ReadProblem(name, err)}.String()
}
