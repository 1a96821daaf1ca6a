package bundle_test

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/xml"
	"errors"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"bigthree/internal/bundle"
	"bigthree/internal/bundle/link"
	"bigthree/scenarios"
)

const gamePage = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>The Big Three</title>
</head>
<body>
<script src="wasm_exec.js"></script>
<script src="host.js"></script>
</body>
</html>
`

func game() fstest.MapFS {
	return fstest.MapFS{
		"index.html":    {Data: []byte(gamePage)},
		"host.js":       {Data: []byte("// host")},
		"scorm.js":      {Data: []byte("// scorm")},
		"wasm_exec.js":  {Data: []byte("// go")},
		"bigthree.wasm": {Data: []byte("\x00asm")},
	}
}

func example(t *testing.T) []byte {
	t.Helper()
	data, err := scenarios.Read(scenarios.Example)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func names(b *bundle.Bundle) string {
	var n []string
	for _, f := range b.Files {
		n = append(n, f.Name)
	}
	return strings.Join(n, " ")
}

func file(t *testing.T, b *bundle.Bundle, name string) string {
	t.Helper()
	for _, f := range b.Files {
		if f.Name == name {
			return string(f.Data)
		}
	}
	t.Fatalf("no %s in the bundle (%s)", name, names(b))
	return ""
}

func TestClassFolder(t *testing.T) {
	data := example(t)
	b, err := bundle.Make(game(), `C:\Users\teacher\My Lesson (draft).yaml`, data, bundle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if b.ScenarioFile != "My-Lesson-draft.yaml" {
		t.Errorf("scenario file %q", b.ScenarioFile)
	}
	if have, want := names(b), "My-Lesson-draft.yaml bigthree.wasm host.js index.html wasm_exec.js"; have != want {
		t.Errorf("files %q, want %q (no SCORM files in a plain folder)", have, want)
	}
	page := file(t, b, "index.html")
	if !strings.Contains(page, `<meta name="bigthree-scenario" content="My-Lesson-draft.yaml">`+"\n</head>") {
		t.Errorf("the page does not name the scenario:\n%s", page)
	}
	if !strings.Contains(page, "<title>"+b.Scenario.Title+"</title>") || strings.Contains(page, "scorm.js") {
		t.Errorf("page:\n%s", page)
	}
	if file(t, b, b.ScenarioFile) != string(data) {
		t.Error("the scenario file is not the one given")
	}
}

func TestTitleIsEscaped(t *testing.T) {
	data := strings.Replace(string(example(t)), "title: ", `title: "</title><script>alert(1)</script> & co" #`, 1)
	b, err := bundle.Make(game(), "x.yaml", []byte(data), bundle.Options{SCORM: true})
	if err != nil {
		t.Fatal(err)
	}
	page := file(t, b, "index.html")
	if strings.Contains(page, "<script>alert") || !strings.Contains(page, "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; co") {
		t.Errorf("title not escaped in the page:\n%s", page)
	}
	m := file(t, b, "imsmanifest.xml")
	if strings.Contains(m, "<script>") {
		t.Errorf("title not escaped in the manifest:\n%s", m)
	}
}

func TestSCORMPackage(t *testing.T) {
	b, err := bundle.Make(game(), "example.yaml", example(t), bundle.Options{SCORM: true})
	if err != nil {
		t.Fatal(err)
	}
	page := file(t, b, "index.html")
	if i, j := strings.Index(page, `<script src="scorm.js"></script>`), strings.Index(page, `<script src="host.js"></script>`); i < 0 || i > j {
		t.Errorf("the adapter must load just before host.js:\n%s", page)
	}
	var m struct {
		XMLName  xml.Name `xml:"manifest"`
		Ident    string   `xml:"identifier,attr"`
		Metadata struct {
			Schema  string `xml:"schema"`
			Version string `xml:"schemaversion"`
		} `xml:"metadata"`
		Orgs struct {
			Default string `xml:"default,attr"`
			Org     []struct {
				Ident string `xml:"identifier,attr"`
				Title string `xml:"title"`
				Item  []struct {
					Ref   string `xml:"identifierref,attr"`
					Title string `xml:"title"`
				} `xml:"item"`
			} `xml:"organization"`
		} `xml:"organizations"`
		Resources []struct {
			Ident string `xml:"identifier,attr"`
			Type  string `xml:"type,attr"`
			SCORM string `xml:"http://www.adlnet.org/xsd/adlcp_rootv1p2 scormtype,attr"`
			Href  string `xml:"href,attr"`
			Files []struct {
				Href string `xml:"href,attr"`
			} `xml:"file"`
		} `xml:"resources>resource"`
	}
	if err := xml.Unmarshal([]byte(file(t, b, "imsmanifest.xml")), &m); err != nil {
		t.Fatal(err)
	}
	if m.XMLName.Space != "http://www.imsproject.org/xsd/imscp_rootv1p1p2" || m.Metadata.Schema != "ADL SCORM" || m.Metadata.Version != "1.2" {
		t.Errorf("not a SCORM 1.2 manifest: %+v", m)
	}
	if len(m.Orgs.Org) != 1 || m.Orgs.Default != m.Orgs.Org[0].Ident || len(m.Orgs.Org[0].Item) != 1 || m.Orgs.Org[0].Item[0].Title != b.Scenario.Title {
		t.Fatalf("organizations: %+v", m.Orgs)
	}
	if len(m.Resources) != 1 || m.Resources[0].Ident != m.Orgs.Org[0].Item[0].Ref || m.Resources[0].SCORM != "sco" || m.Resources[0].Href != "index.html" || m.Resources[0].Type != "webcontent" {
		t.Fatalf("resources: %+v", m.Resources)
	}
	var listed []string
	for _, f := range m.Resources[0].Files {
		listed = append(listed, f.Href)
	}
	if have, want := strings.Join(listed, " "), "bigthree.wasm example.yaml host.js index.html scorm.js wasm_exec.js"; have != want {
		t.Errorf("manifest lists %q, want %q", have, want)
	}
}

func TestBadInput(t *testing.T) {
	g := game()
	delete(g, "bigthree.wasm")
	if _, err := bundle.Make(g, "example.yaml", example(t), bundle.Options{}); !errors.Is(err, bundle.ErrGame) || !strings.Contains(err.Error(), "bigthree.wasm") {
		t.Errorf("a game without its wasm: %v", err)
	}
	g = game()
	delete(g, "scorm.js")
	if _, err := bundle.Make(g, "example.yaml", example(t), bundle.Options{}); err != nil {
		t.Errorf("a plain folder does not need scorm.js: %v", err)
	}
	if _, err := bundle.Make(g, "example.yaml", example(t), bundle.Options{SCORM: true}); !errors.Is(err, bundle.ErrGame) {
		t.Errorf("a SCORM package without scorm.js: %v", err)
	}
	g = game()
	g["index.html"] = &fstest.MapFile{Data: []byte("<html><head></head></html>")}
	if _, err := bundle.Make(g, "example.yaml", example(t), bundle.Options{}); !errors.Is(err, bundle.ErrGame) {
		t.Errorf("an index.html without host.js: %v", err)
	}
	var se *bundle.ScenarioError
	if _, err := bundle.Make(game(), "broken.yaml", []byte("format: 1\nid: x\n"), bundle.Options{}); !errors.As(err, &se) || len(se.Diagnostics) == 0 {
		t.Errorf("a scenario with errors: %v", err)
	}
	if _, err := bundle.Link("https://example.org/", "broken.yaml", []byte("format: 1\n")); !errors.As(err, &se) {
		t.Errorf("a link to a scenario with errors: %v", err)
	}
}

func TestZip(t *testing.T) {
	b, err := bundle.Make(game(), "example.yaml", example(t), bundle.Options{SCORM: true})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	when := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	if err := bundle.WriteZip(&buf, b.Files, when); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if len(zr.File) != len(b.Files) || zr.File[0].Name != b.Files[0].Name || !zr.File[0].Modified.Equal(when) {
		t.Errorf("zip holds %d files (first %q, %v)", len(zr.File), zr.File[0].Name, zr.File[0].Modified)
	}
}

func TestLink(t *testing.T) {
	data := example(t)
	l, err := bundle.Link("https://school.example/bigthree/index.html?x=1#old", "Example.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("the example scenario (%d bytes) makes a link of %d characters (limit %d)", len(data), len(l), link.MaxLinkLength)
	base, frag, ok := strings.Cut(l, "#")
	if !ok || base != "https://school.example/bigthree/index.html?x=1" || !link.Is(frag) {
		t.Fatalf("link %q", l)
	}
	name, back, err := link.Parse(frag)
	if err != nil || name != "Example.yaml" || !bytes.Equal(back, data) {
		t.Fatalf("Parse: %q, %d bytes, %v", name, len(back), err)
	}
	campaign, _ := scenarios.Read(scenarios.Campaign)
	var le *link.LinkError
	if _, err := bundle.Link("https://school.example/", "big-three.yaml", campaign); !errors.As(err, &le) || !errors.Is(err, link.ErrTooLong) || le.Length <= link.MaxLinkLength {
		t.Errorf("the campaign as a link: %v", err)
	} else {
		t.Logf("the campaign (%d bytes) would make a link of %d characters: %v", len(campaign), le.Length, err)
	}
	for _, base := range []string{"", "school.example/game", "ftp://x/", "https://"} {
		if _, err := link.Make(base, "x.yaml", data); err == nil {
			t.Errorf("base %q accepted", base)
		}
	}
}

func TestParseDamagedLinks(t *testing.T) {
	l, _ := link.Make("https://a.example/", "x.yaml", []byte("format: 1\n"))
	_, frag, _ := strings.Cut(l, "#")
	for _, f := range []string{"", "#", "#bench=1", "name=x.yaml"} {
		if _, _, err := link.Parse(f); !errors.Is(err, link.ErrNotLink) {
			t.Errorf("Parse(%q) = %v, want ErrNotLink", f, err)
		}
	}
	for _, f := range []string{frag[:len(frag)-3], "s=***", "s=AAAA"} {
		if _, _, err := link.Parse(f); err == nil || !strings.Contains(err.Error(), "damaged") {
			t.Errorf("Parse(%q) = %v, want a damaged link", f, err)
		}
	}
	// 9 MB of one letter compresses to a few kilobytes: Parse stops at the cap.
	var z bytes.Buffer
	zw, _ := flate.NewWriter(&z, flate.BestCompression)
	zw.Write(bytes.Repeat([]byte("a"), 9<<20))
	zw.Close()
	frag = "s=" + base64.RawURLEncoding.EncodeToString(z.Bytes())
	if _, _, err := link.Parse(frag); err == nil || !strings.Contains(err.Error(), "far more than any scenario") {
		t.Errorf("Parse of a 9 MB bomb: %v", err)
	}
}

func TestFileName(t *testing.T) {
	for in, want := range map[string]string{"a.yaml": "a.yaml", "dir/b.yml": "b.yaml", `C:\x\Ça va.yaml`: "a-va.yaml", "": "scenario.yaml", "...": "scenario.yaml", "../../etc/passwd": "passwd.yaml"} {
		if have := bundle.FileName(in); have != want {
			t.Errorf("FileName(%q) = %q, want %q", in, have, want)
		}
	}
}
