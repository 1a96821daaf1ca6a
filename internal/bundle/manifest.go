package bundle

import (
	"bytes"
	"encoding/xml"
	"fmt"

	"bigthree/internal/scenario"
)

// manifest writes the imsmanifest.xml of a SCORM 1.2 package: one
// organization with one item, launched as one SCO (index.html) that lists
// every file of the package. It names no XML schema files: LMSs import
// SCORM 1.2 packages without them, and the package carries none.
func manifest(s *scenario.Scenario, files []string) []byte {
	id := "bigthree-" + xmlID(s.ID)
	title := s.Title
	if title == "" {
		title = s.ID
	}
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	fmt.Fprintf(&b, `<manifest identifier="%s" version="1.0"`+"\n", id)
	b.WriteString(`  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"` + "\n")
	b.WriteString(`  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">` + "\n")
	b.WriteString("  <metadata>\n    <schema>ADL SCORM</schema>\n    <schemaversion>1.2</schemaversion>\n  </metadata>\n")
	b.WriteString(`  <organizations default="org">` + "\n")
	fmt.Fprintf(&b, "    <organization identifier=\"org\">\n      <title>%s</title>\n", esc(title))
	fmt.Fprintf(&b, "      <item identifier=\"item\" identifierref=\"game\" isvisible=\"true\">\n        <title>%s</title>\n      </item>\n", esc(title))
	b.WriteString("    </organization>\n  </organizations>\n  <resources>\n")
	b.WriteString(`    <resource identifier="game" type="webcontent" adlcp:scormtype="sco" href="index.html">` + "\n")
	for _, f := range files {
		fmt.Fprintf(&b, "      <file href=\"%s\"/>\n", esc(f))
	}
	b.WriteString("    </resource>\n  </resources>\n</manifest>\n")
	return b.Bytes()
}

func esc(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// xmlID makes a scenario id usable in an XML ID (no leading digit matters
// here: it follows "bigthree-").
func xmlID(s string) string {
	out := []rune{}
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.' {
			out = append(out, r)
		} else {
			out = append(out, '_')
		}
	}
	return string(out)
}
