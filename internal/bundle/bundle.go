// Package bundle makes what a teacher hands to a class: a folder (or zip)
// holding the web game with one scenario as the one it opens first, the
// same as a SCORM 1.2 package for an LMS, or a link that carries a small
// scenario in its fragment. It is pure (no ebiten, no file system of its
// own): b3 bundle and the Studio pass the web game in as an fs.FS.
package bundle

import (
	"archive/zip"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"regexp"
	"sort"
	"strings"
	"time"

	"bigthree/internal/bundle/link"
	"bigthree/internal/scenario"
)

// The files of the web game (scripts/build-web) that a bundle needs.
const (
	PageFile    = "index.html"
	HostScript  = "host.js"  // reads the first scenario and talks to an LMS adapter
	SCORMScript = "scorm.js" // the SCORM 1.2 adapter
	Manifest    = "imsmanifest.xml"
)

// RequiredGameFiles lists what the web game must hold for any bundle.
var RequiredGameFiles = []string{PageFile, HostScript, "wasm_exec.js", "bigthree.wasm"}

// hostTag is the line of index.html that loads host.js; a SCORM package
// loads the adapter just before it.
const hostTag = `<script src="host.js"></script>`

// ScenarioMeta is the name of the meta element that tells host.js which
// scenario file of the folder to open first.
const ScenarioMeta = "bigthree-scenario"

// File is one file of a bundle, by its slash-separated path.
type File struct {
	Name string
	Data []byte
}

// Options choose the kind of bundle.
type Options struct {
	// SCORM makes a SCORM 1.2 package: the adapter and imsmanifest.xml.
	SCORM bool
}

// Bundle is a class folder ready to be written out.
type Bundle struct {
	Files []File
	// Scenario is the scenario it opens first.
	Scenario *scenario.Scenario
	// ScenarioFile is that scenario's file name inside the bundle.
	ScenarioFile string
}

// ScenarioError is returned when the scenario has errors: a class cannot
// be given a scenario that does not load.
type ScenarioError struct {
	Diagnostics scenario.Diagnostics
}

func (e *ScenarioError) Error() string {
	return e.Diagnostics.Summary() + "; fix the errors before making a class folder"
}

// ErrGame means the web game given is incomplete.
var ErrGame = errors.New("the web game is incomplete")

// Make builds a bundle from the web game and one scenario file (its name as
// the teacher knows it, and its content).
func Make(game fs.FS, name string, data []byte, opt Options) (*Bundle, error) {
	s, diags := scenario.Load(name, data)
	if s == nil {
		return nil, &ScenarioError{Diagnostics: diags}
	}
	need := RequiredGameFiles
	if opt.SCORM {
		need = append(need[:len(need):len(need)], SCORMScript)
	}
	for _, f := range need {
		if _, err := fs.Stat(game, f); err != nil {
			return nil, fmt.Errorf("%w: it has no %s (build it with: bash scripts/build-web)", ErrGame, f)
		}
	}
	b := &Bundle{Scenario: s, ScenarioFile: FileName(name)}
	err := fs.WalkDir(game, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || p == b.ScenarioFile || p == Manifest || !opt.SCORM && p == SCORMScript {
			return nil
		}
		content, err := fs.ReadFile(game, p)
		if err != nil {
			return err
		}
		if p == PageFile {
			if content, err = page(content, b.ScenarioFile, s.Title, opt.SCORM); err != nil {
				return err
			}
		}
		b.Files = append(b.Files, File{Name: p, Data: content})
		return nil
	})
	if err != nil {
		return nil, err
	}
	b.Files = append(b.Files, File{Name: b.ScenarioFile, Data: data})
	if opt.SCORM {
		b.Files = append(b.Files, File{Name: Manifest, Data: manifest(s, b.fileNames())})
	}
	sort.Slice(b.Files, func(i, j int) bool { return b.Files[i].Name < b.Files[j].Name })
	return b, nil
}

func (b *Bundle) fileNames() []string {
	names := make([]string, 0, len(b.Files))
	for _, f := range b.Files {
		names = append(names, f.Name)
	}
	sort.Strings(names)
	return names
}

// FileName is the name a scenario file gets inside a bundle (see link.FileName).
func FileName(name string) string { return link.FileName(name) }

var titleElement = regexp.MustCompile(`<title>[^<]*</title>`)

// page rewrites the game's index.html: the scenario to open first, its
// title as the page's, and for SCORM the adapter.
func page(src []byte, file, title string, scorm bool) ([]byte, error) {
	s := string(src)
	if !strings.Contains(s, hostTag) || !strings.Contains(s, "</head>") {
		return nil, fmt.Errorf("%w: its index.html does not load %s (is it an older build?)", ErrGame, HostScript)
	}
	meta := fmt.Sprintf(`<meta name="%s" content="%s">`+"\n", ScenarioMeta, html.EscapeString(file))
	s = strings.Replace(s, "</head>", meta+"</head>", 1)
	if title != "" {
		s = titleElement.ReplaceAllLiteralString(s, "<title>"+html.EscapeString(title)+"</title>")
	}
	if scorm {
		s = strings.Replace(s, hostTag, `<script src="scorm.js"></script>`+"\n"+hostTag, 1)
	}
	return []byte(s), nil
}

// WriteZip writes the files as a zip archive, each dated modified.
func WriteZip(w io.Writer, files []File, modified time.Time) error {
	zw := zip.NewWriter(w)
	for _, f := range files {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: modified})
		if err != nil {
			return err
		}
		if _, err := fw.Write(f.Data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// Link returns the class link of a scenario (see package link): base is the
// address where the web game is served. The scenario must load without
// errors, and the link fit in link.MaxLinkLength characters.
func Link(base, name string, data []byte) (string, error) {
	if s, diags := scenario.Load(name, data); s == nil {
		return "", &ScenarioError{Diagnostics: diags}
	}
	return link.Make(base, name, data)
}
