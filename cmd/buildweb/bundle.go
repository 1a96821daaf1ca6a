package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// bundle writes into out: studio.html, studio.js and studio.css (the page,
// loaded at once), studio-worker.js (the checker's Web Worker), chunks
// loaded on demand (the graph's Graphviz), and studio-licenses.txt with the
// licences of the npm packages bundled.
func bundle(root, out string) error {
	root, err := filepath.Abs(root)
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(root, "node_modules", "@codemirror", "view")); err != nil {
		return errors.New("node_modules has no CodeMirror: run `npm ci` first (scripts/build-web does)")
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	// Chunks are named by their content: drop those of an earlier build.
	old, _ := filepath.Glob(filepath.Join(out, "studio-*.js"))
	for _, f := range old {
		os.Remove(f)
	}
	common := api.BuildOptions{
		AbsWorkingDir:     root,
		Bundle:            true,
		Outdir:            out,
		EntryNames:        "[name]",
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		Target:            api.ES2020,
		Platform:          api.PlatformBrowser,
		LegalComments:     api.LegalCommentsNone, // studio-licenses.txt has them all
		Metafile:          true,
		Write:             true,
		LogLevel:          api.LogLevelWarning,
	}
	page := common
	page.EntryPointsAdvanced = []api.EntryPoint{{InputPath: "web/studio/main.js", OutputPath: "studio"}}
	page.Format = api.FormatESModule
	page.Splitting = true // Graphviz becomes a chunk, fetched when the graph is first shown
	page.ChunkNames = "studio-[name]-[hash]"
	worker := common
	worker.EntryPointsAdvanced = []api.EntryPoint{{InputPath: "web/studio/worker.js", OutputPath: "studio-worker"}}
	worker.Format = api.FormatIIFE

	inputs := map[string]bool{}
	for _, opts := range []api.BuildOptions{page, worker} {
		res := api.Build(opts)
		if len(res.Errors) > 0 {
			msgs := api.FormatMessages(res.Errors, api.FormatMessagesOptions{Kind: api.ErrorMessage})
			return errors.New(strings.Join(msgs, "\n"))
		}
		var meta struct {
			Inputs map[string]json.RawMessage `json:"inputs"`
		}
		if err := json.Unmarshal([]byte(res.Metafile), &meta); err != nil {
			return err
		}
		for in := range meta.Inputs {
			inputs[in] = true
		}
	}
	html, err := os.ReadFile(filepath.Join(root, "web", "studio.html"))
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "studio.html"), html, 0o644); err != nil {
		return err
	}
	return writeLicenses(root, filepath.Join(out, "studio-licenses.txt"), inputs)
}

// writeLicenses gathers the licence file of every npm package whose code
// went into a bundle.
func writeLicenses(root, path string, inputs map[string]bool) error {
	pkgs := map[string]bool{}
	for in := range inputs {
		rest, ok := strings.CutPrefix(filepath.ToSlash(in), "node_modules/")
		if !ok {
			continue
		}
		parts := strings.Split(rest, "/")
		name := parts[0]
		if strings.HasPrefix(name, "@") && len(parts) > 1 {
			name += "/" + parts[1]
		}
		pkgs[name] = true
	}
	names := make([]string, 0, len(pkgs))
	for n := range pkgs {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString("The Studio of The Big Three bundles these packages from npm, under their own licences.\n")
	for _, n := range names {
		dir := filepath.Join(root, "node_modules", filepath.FromSlash(n))
		var version struct {
			Version string `json:"version"`
			License string `json:"license"`
		}
		if data, err := os.ReadFile(filepath.Join(dir, "package.json")); err == nil {
			_ = json.Unmarshal(data, &version)
		}
		fmt.Fprintf(&b, "\n==== %s %s (%s) ====\n\n", n, version.Version, version.License)
		text := ""
		for _, f := range []string{"LICENSE", "LICENSE.md", "LICENSE.txt", "LICENCE", "license"} {
			if data, err := os.ReadFile(filepath.Join(dir, f)); err == nil {
				text = string(data)
				break
			}
		}
		if text == "" {
			text = "(the package ships no licence file; its package.json says " + version.License + ")\n"
		}
		b.WriteString(strings.TrimRight(text, "\n") + "\n")
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}
