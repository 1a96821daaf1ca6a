package scenario

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"
)

// Meetings and pictures: the `lines:` of a meeting's record, a character's
// `portrait:` and an event's `image:`. The parse pass reads their keys;
// LoadFS reads the picture files from the scenario's folder, each checked
// against the limits below before it is decoded.

// The limits on a picture file. A file is refused before it is decoded
// when it is larger than MaxImageBytes, and after image.DecodeConfig (which
// reads only the header) when a side is longer than MaxImageSide or its
// pixels are more than MaxImagePixels; MaxScenarioPixels bounds the
// pictures of one scenario together, so that a folder of large photographs
// cannot exhaust the memory of a browser tab.
const (
	MaxImageBytes     = 4 << 20
	MaxImageSide      = 4096
	MaxImagePixels    = 16 << 20
	MaxScenarioPixels = 64 << 20
)

// Mood is how a character feels after a reply, for the portrait drawn.
type Mood uint8

// The moods; Neutral is also every portrait's fallback.
const (
	Neutral Mood = iota
	Pleased
	Displeased
	numMoods
)

// MoodNames names the moods as the `portrait:` mapping writes them.
var MoodNames = [numMoods]string{"neutral", "pleased", "displeased"}

func (m Mood) String() string { return MoodNames[m] }

// Picture is one picture file of a scenario, named relative to the
// scenario's folder. Image is nil until LoadFS has read the file, and stays
// nil when the scenario was loaded from its text alone.
type Picture struct {
	File          string
	Pos           Pos
	Width, Height int
	Image         image.Image
}

// Portrait is a character's picture by mood; any mood without its own file
// uses the neutral one.
type Portrait struct {
	ByMood [numMoods]*Picture
}

// Given reports whether the character has a portrait.
func (p Portrait) Given() bool { return p.ByMood[Neutral] != nil }

// For returns the picture for a mood, falling back to the neutral one; nil
// when there is no portrait.
func (p Portrait) For(m Mood) *Picture {
	if m < numMoods && p.ByMood[m] != nil {
		return p.ByMood[m]
	}
	return p.ByMood[Neutral]
}

// EventImage is a photograph or a map shown with a document. Alt says what
// it shows, for readers who cannot see it; Caption is printed under it.
type EventImage struct {
	Picture *Picture
	Alt     string
	Caption string
}

// Line is one speaker's words in a meeting's record.
type Line struct {
	Speaker int // character index
	Text    string
	Pos     Pos
}

type rawLine struct {
	speaker ref
	text    string
	pos     Pos
}

var (
	linePart     = newPart(keySpeaker, keyText)
	imagePart    = newPart(keyFile, keyAlt, keyCaption)
	portraitPart = newPart(keyNeutral, keyPleased, keyDispleased)
)

// lines reads a meeting's `lines:`; a document with lines is a meeting
// unless its kind says otherwise.
func (l *loader) lines(e *rawEvent, f field, kindGiven bool) {
	nodes, ok := l.list(f, "`lines` should be a list: each line starts with `- speaker: ...` and has a `text:`")
	if !ok {
		return
	}
	if len(nodes) == 0 {
		l.at(pos(f.key), Error, "empty-value", "`lines` is empty: give each speaker's words as `- {speaker: id, text: ...}`, or remove `lines:`")
		return
	}
	switch {
	case !kindGiven:
		e.kind = Meeting
	case e.kind != Meeting:
		l.at(pos(f.key), Warning, "lines-not-meeting", fmt.Sprintf("`lines` are the record of a meeting, but this document is a %s: write `kind: meeting`, or put the words in `text`", e.kind))
	}
	e.lines = make([]rawLine, 0, len(nodes))
	for i, n := range nodes {
		w := what{noun: "line", n: i + 1}
		ff, ok := l.fields(n, w, linePart)
		if !ok {
			continue
		}
		ln := rawLine{pos: pos(n)}
		if !ff[keySpeaker].given() {
			who := neutralPeople[0]
			if len(l.ex.people) > 0 {
				who = l.ex.people[0]
			}
			l.at(ln.pos, Error, "missing-key", fmt.Sprintf("%s has no `speaker:`: name the character who says it, for example `speaker: %s`", w, who))
		}
		ln.speaker = l.name(ff[keySpeaker], keySpeaker)
		ln.text = l.required(ln.pos, &ff, keyText, w)
		e.lines = append(e.lines, ln)
	}
}

func (l *loader) resolveLines(raw []rawLine) []Line {
	if len(raw) == 0 {
		return nil
	}
	out := make([]Line, 0, len(raw))
	for _, r := range raw {
		if !r.speaker.given() {
			continue
		}
		if ci := l.find(l.ix.characters, r.speaker); ci >= 0 && r.text != "" {
			out = append(out, Line{Speaker: ci, Text: r.text, Pos: r.pos})
		}
	}
	return out
}

// picture reads a file name of a picture; the file itself is read by LoadFS.
func (l *loader) picture(f field, w what) *Picture {
	name, ok := l.text(f, w)
	if !ok {
		return nil
	}
	p := pos(f.val)
	if problem := badPicturePath(name); problem != "" {
		l.at(p, Error, "image-path", fmt.Sprintf("the picture `%s` %s", clip(name, 60), problem))
		return nil
	}
	return &Picture{File: path.Clean(name), Pos: p}
}

// badPicturePath says why a picture's file name cannot be used, or "".
// Names are relative to the scenario's folder and may not leave it, so a
// scenario can read nothing else of the disk it is opened from.
func badPicturePath(name string) string {
	switch {
	case strings.Contains(name, "\\"):
		return "uses \\: write folders with /, as in images/map.png"
	case strings.HasPrefix(name, "/") || (len(name) > 1 && name[1] == ':'):
		return "is an absolute path: name the file relative to the scenario's folder, as in images/map.png"
	case !fs.ValidPath(path.Clean(name)) || path.Clean(name) == ".":
		return "leaves the scenario's folder: pictures must be in the folder of the scenario file or below it, as in images/map.png"
	}
	ext := strings.ToLower(path.Ext(name))
	if ext != ".png" && ext != ".jpg" && ext != ".jpeg" {
		return "is not a .png, .jpg or .jpeg file: only PNG and JPEG pictures can be shown"
	}
	return ""
}

// portrait reads `portrait: file.png` or a mapping of moods to files.
func (l *loader) portrait(f field) Portrait {
	var p Portrait
	w := keyWhat(keyPortrait)
	if f.val.Kind != yaml.MappingNode {
		p.ByMood[Neutral] = l.picture(f, w)
		return p
	}
	ff, _ := l.fields(f.val, w, portraitPart)
	if !ff[keyNeutral].given() {
		l.at(pos(f.val), Error, "missing-key", "`portrait` has no `neutral:`: give the picture used when the character is neither pleased nor displeased (the others fall back to it)")
		return p
	}
	for m, k := range [numMoods]key{keyNeutral, keyPleased, keyDispleased} {
		if ff[k].given() {
			p.ByMood[m] = l.picture(ff[k], keyWhat(k))
		}
	}
	if p.ByMood[Neutral] == nil {
		return Portrait{}
	}
	return p
}

// eventImage reads `image: {file: map.png, alt: ..., caption: ...}`.
func (l *loader) eventImage(f field) *EventImage {
	if f.val.Kind != yaml.MappingNode {
		l.at(pos(f.val), Error, "type", fmt.Sprintf("`image` should be a set of lines such as {file: images/map.png, alt: \"What the picture shows\"}, not %s", describe(f.val)))
		return nil
	}
	ff, _ := l.fields(f.val, keyWhat(keyImage), imagePart)
	at := pos(f.val)
	if !ff[keyFile].given() {
		l.at(at, Error, "missing-key", "`image` has no `file:`: name the picture file, relative to the scenario's folder, as in file: images/map.png")
	}
	if !ff[keyAlt].given() {
		l.at(at, Error, "missing-alt", "`image` has no `alt:`: say in a sentence what the picture shows, for players who cannot see it (screen readers read it out)")
	}
	img := &EventImage{Alt: l.optional(&ff, keyAlt), Caption: l.optional(&ff, keyCaption)}
	if ff[keyFile].given() {
		img.Picture = l.picture(ff[keyFile], keyWhat(keyFile))
	}
	if img.Picture == nil || img.Alt == "" {
		return nil
	}
	return img
}

// Pictures returns every picture the scenario names, each file once, in
// file order.
func (s *Scenario) Pictures() []*Picture {
	var out []*Picture
	seen := map[*Picture]bool{}
	add := func(p *Picture) {
		if p != nil && !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for i := range s.Characters {
		for _, p := range s.Characters[i].Portrait.ByMood {
			add(p)
		}
	}
	for i := range s.Events {
		if im := s.Events[i].Image; im != nil {
			add(im.Picture)
		}
	}
	return out
}

// FolderOf returns the folder of a scenario file on disk as the fs.FS that
// LoadFS reads its pictures from. It is an os.Root, so that no name and no
// symbolic link can reach outside the folder.
func FolderOf(file string) fs.FS {
	dir := filepath.Dir(file)
	root, err := os.OpenRoot(dir)
	if err != nil {
		return os.DirFS(dir) // every open then fails the same way, and is reported
	}
	return root.FS()
}

// LoadFS loads a scenario as Load does, then reads and checks the pictures
// it names from dir, the scenario's folder: each must be there, be a PNG
// or a JPEG (by its bytes, not its name) and keep within the limits. name
// is used in messages. With a nil dir no picture is read, as with Load.
func LoadFS(dir fs.FS, name string, data []byte) (*Scenario, Diagnostics) {
	s, diags := Load(name, data)
	if s == nil || dir == nil {
		return s, diags
	}
	l := &loader{file: name, s: s}
	l.media(dir)
	l.diags.AddSource(data)
	diags = append(diags, l.diags...)
	diags.Sort()
	if diags.HasErrors() {
		return nil, diags
	}
	return s, diags
}

func (l *loader) media(dir fs.FS) {
	decoded := map[string]*Picture{}
	total := 0
	for _, p := range l.s.Pictures() {
		if d, ok := decoded[p.File]; ok {
			p.Width, p.Height, p.Image = d.Width, d.Height, d.Image
			continue
		}
		if !l.readPicture(dir, p, MaxScenarioPixels-total) {
			continue
		}
		total += p.Width * p.Height
		decoded[p.File] = p
	}
}

// readPicture reads and decodes one picture, reporting why it cannot be
// shown; budget is how many pixels the scenario's pictures may still take.
func (l *loader) readPicture(dir fs.FS, p *Picture, budget int) bool {
	bad := func(sev Severity, code, problem string) bool {
		l.at(p.Pos, sev, code, "the picture `"+clip(p.File, 60)+"` "+problem)
		return false
	}
	f, err := dir.Open(p.File)
	if err != nil {
		return bad(Error, "image-missing", "is not there: put it in the scenario's folder (names are relative to the scenario file, and capitals count), or correct the name")
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return bad(Error, "image-missing", "is a folder, not a picture file")
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxImageBytes+1))
	if err != nil {
		return bad(Error, "image-missing", "cannot be read: "+ReadErrorText(err))
	}
	if len(data) > MaxImageBytes {
		return bad(Error, "image-too-big", fmt.Sprintf("is larger than %d MB: save it smaller (a picture on the desk needs at most %d pixels a side)", MaxImageBytes>>20, MaxImageSide/2))
	}
	var decode func(io.Reader) (image.Image, error)
	var config func(io.Reader) (image.Config, error)
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		decode, config = png.Decode, png.DecodeConfig
	case bytes.HasPrefix(data, []byte("\xff\xd8\xff")):
		decode, config = jpeg.Decode, jpeg.DecodeConfig
	default:
		return bad(Error, "image-type", "is not a PNG or JPEG picture (by its content, whatever its name says): save it as PNG or JPEG")
	}
	cfg, err := config(bytes.NewReader(data))
	if err != nil {
		return bad(Error, "image-bad", "cannot be read as a picture: "+err.Error()+"; save it again from an image editor")
	}
	if cfg.Width > MaxImageSide || cfg.Height > MaxImageSide || cfg.Width*cfg.Height > MaxImagePixels {
		return bad(Error, "image-too-big", fmt.Sprintf("is %d×%d pixels; at most %d pixels a side fit: make it smaller", cfg.Width, cfg.Height, MaxImageSide))
	}
	if cfg.Width*cfg.Height > budget {
		return bad(Error, "image-too-big", fmt.Sprintf("would take the scenario's pictures past %d million pixels together: make the pictures smaller", MaxScenarioPixels>>20))
	}
	img, err := decode(bytes.NewReader(data))
	if err != nil {
		return bad(Error, "image-bad", "cannot be read as a picture: "+err.Error()+"; save it again from an image editor")
	}
	p.Width, p.Height, p.Image = cfg.Width, cfg.Height, img
	return true
}
