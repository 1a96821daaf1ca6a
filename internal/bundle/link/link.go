// Package link puts a scenario file into the fragment of a web address and
// takes it out again: the class link. The game reads it in the browser, so
// this package stays small (no HTML, no zip).
package link

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path"
	"regexp"
	"strings"
)

// MaxFileSize bounds what Parse decompresses; MaxFileSize is the same.
const MaxFileSize = 8 << 20

// MaxLinkLength is the longest class link b3 makes, in characters. RFC 9110
// (section 4.1) asks every browser, server and tool to support URIs of at
// least 8000 octets; today's browsers take far longer ones, but the places a
// teacher pastes a link into (LMS link fields, mail, chat, QR codes) are
// only safe up to about that. A longer scenario goes in a class folder.
const MaxLinkLength = 8000

// The fragment keys of a class link: #name=FILE.yaml&s=DATA, where DATA is
// the scenario file compressed with raw DEFLATE and written in base64url.
// The fragment never reaches a server: the page reads it.
const (
	linkName = "name"
	linkData = "s"
)

// ErrTooLong means a scenario is too big for a link.
var ErrTooLong = errors.New("this scenario is too big for a link")

// LinkError says how long the link would have been.
type LinkError struct {
	Length int
}

func (e *LinkError) Error() string {
	return fmt.Sprintf("%v: the link would be %d characters, and links longer than %d characters are cut off by some browsers, LMSs and mail programs; make a class folder instead (b3 bundle FILE) and put it on a web server or in the LMS", ErrTooLong, e.Length, MaxLinkLength)
}

func (e *LinkError) Unwrap() error { return ErrTooLong }

// Make returns the class link: base (the address of the web game) with the
// scenario file in its fragment.
func Make(base, name string, data []byte) (string, error) {
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("%q is not the web address of the game (it should start with https://)", base)
	}
	u.Fragment = ""
	var z bytes.Buffer
	zw, _ := flate.NewWriter(&z, flate.BestCompression)
	zw.Write(data)
	zw.Close()
	frag := linkName + "=" + url.QueryEscape(FileName(name)) + "&" + linkData + "=" + base64.RawURLEncoding.EncodeToString(z.Bytes())
	link := u.String() + "#" + frag
	if len(link) > MaxLinkLength {
		return "", &LinkError{Length: len(link)}
	}
	return link, nil
}

// ErrNotLink means a fragment does not carry a scenario.
var ErrNotLink = errors.New("the address does not carry a scenario")

// Parse reads the scenario out of a link's fragment (with or without
// the leading #). It never reads more than a scenario may hold.
func Parse(fragment string) (name string, data []byte, err error) {
	q, err := url.ParseQuery(strings.TrimPrefix(fragment, "#"))
	if err != nil || q.Get(linkData) == "" {
		return "", nil, ErrNotLink
	}
	name = FileName(q.Get(linkName))
	z, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(q.Get(linkData), "="))
	if err != nil {
		return name, nil, fmt.Errorf("the link is damaged (it was probably cut short when it was copied): %v", err)
	}
	data, err = io.ReadAll(io.LimitReader(flate.NewReader(bytes.NewReader(z)), MaxFileSize+1))
	if err != nil {
		return name, nil, fmt.Errorf("the link is damaged (it was probably cut short when it was copied): %v", err)
	}
	if len(data) > MaxFileSize {
		return name, nil, fmt.Errorf("the link holds more than %d MB, far more than any scenario", MaxFileSize>>20)
	}
	return name, data, nil
}

// Is reports whether a fragment carries a scenario.
func Is(fragment string) bool {
	q, err := url.ParseQuery(strings.TrimPrefix(fragment, "#"))
	return err == nil && q.Get(linkData) != ""
}

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// FileName is the name a scenario file goes by in a class folder or link:
// its base name with only letters, digits, dots, - and _ (web servers and
// LMSs differ on the rest), ending in .yaml.
func FileName(name string) string {
	base := path.Base(strings.ReplaceAll(name, `\`, "/"))
	base = strings.TrimSuffix(strings.TrimSuffix(base, ".yaml"), ".yml")
	base = strings.Trim(unsafeName.ReplaceAllString(base, "-"), ".-")
	if base == "" || base == "/" {
		base = "scenario"
	}
	return base + ".yaml"
}
