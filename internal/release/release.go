// Package release holds what scripts/release needs beyond go build: the
// game's icon, drawn here in pure Go; the Windows resources (icon and
// version information) as a .syso object the Go linker picks up; a check
// that a built .exe carries them; the Linux .desktop entry; and zip
// archives. cmd/mkrelease is its command line.
package release

import (
	"archive/zip"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"image/color"
	"io"
	"io/fs"
	"math"
	"path"
	"regexp"
	"strconv"

	"github.com/tc-hib/winres"
	"github.com/tc-hib/winres/version"
	"golang.org/x/image/vector"
)

// Icon draws the game's seal at size×size pixels: a red disc with an ivory
// ring and an ivory five-pointed star, as on the title screen.
func Icon(size int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	s := float32(size) / 2
	red := color.RGBA{0xa0, 0x20, 0x2a, 0xff}
	dark := color.RGBA{0x73, 0x17, 0x1e, 0xff}
	ivory := color.RGBA{0xf6, 0xee, 0xdc, 0xff}
	fill := func(c color.RGBA, path func(r *vector.Rasterizer)) {
		r := vector.NewRasterizer(size, size)
		path(r)
		r.Draw(img, img.Bounds(), image.NewUniform(c), image.Point{})
	}
	circle := func(r *vector.Rasterizer, radius float32, clockwise bool) {
		const n = 96
		for i := 0; i <= n; i++ {
			a := 2 * math.Pi * float64(i) / n
			if !clockwise {
				a = -a
			}
			x, y := s+radius*s*float32(math.Cos(a)), s+radius*s*float32(math.Sin(a))
			if i == 0 {
				r.MoveTo(x, y)
			} else {
				r.LineTo(x, y)
			}
		}
		r.ClosePath()
	}
	fill(dark, func(r *vector.Rasterizer) { circle(r, 0.98, true) })
	fill(red, func(r *vector.Rasterizer) { circle(r, 0.92, true) })
	fill(ivory, func(r *vector.Rasterizer) { circle(r, 0.80, true); circle(r, 0.755, false) })
	fill(ivory, func(r *vector.Rasterizer) {
		for i := range 10 {
			radius := float32(0.62)
			if i%2 == 1 {
				radius = 0.25
			}
			a := -math.Pi/2 + float64(i)*math.Pi/5
			x, y := s+radius*s*float32(math.Cos(a)), s+(radius*float32(math.Sin(a))+0.04)*s
			if i == 0 {
				r.MoveTo(x, y)
			} else {
				r.LineTo(x, y)
			}
		}
		r.ClosePath()
	})
	return img
}

// Build is what a release build says about itself.
type Build struct {
	Version string // "1.2.0", or "1.2.0-snapshot+abc1234"
	Commit  string
}

var leadingNumbers = regexp.MustCompile(`^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?`)

// numbers returns the version's major, minor and patch numbers for the
// numeric fields of the Windows version information (0.0.0 when it has none).
func (b Build) numbers() [4]uint16 {
	var out [4]uint16
	m := leadingNumbers.FindStringSubmatch(b.Version)
	for i := 1; m != nil && i < len(m); i++ {
		if n, err := strconv.Atoi(m[i]); err == nil && n < 65536 {
			out[i-1] = uint16(n)
		}
	}
	return out
}

// The words of the Windows version information.
const (
	productName = "The Big Three"
	description = "The Big Three: a diplomatic negotiation game for history classrooms"
)

// WriteSyso writes the Windows resources of bigthree.exe (its icon in the
// sizes Windows asks for, and its version information) as a COFF object
// for amd64. Saved as cmd/bigthree/rsrc_windows_amd64.syso, go build links
// it into the Windows build only.
func WriteSyso(w io.Writer, b Build) error {
	rs := winres.ResourceSet{}
	icon, err := winres.NewIconFromResizedImage(Icon(256), []int{256, 64, 48, 32, 24, 16})
	if err != nil {
		return err
	}
	if err := rs.SetIcon(winres.Name("APPICON"), icon); err != nil {
		return err
	}
	vi := version.Info{FileVersion: b.numbers(), ProductVersion: b.numbers()}
	text := b.Version
	if b.Commit != "" {
		text += " (commit " + b.Commit + ")"
	}
	for k, v := range map[string]string{
		version.ProductName:      productName,
		version.FileDescription:  description,
		version.ProductVersion:   text,
		version.FileVersion:      b.Version,
		version.OriginalFilename: "bigthree.exe",
		version.InternalName:     "bigthree",
	} {
		if err := vi.Set(version.LangDefault, k, v); err != nil {
			return err
		}
	}
	rs.SetVersionInfo(vi)
	return rs.WriteObject(w, winres.ArchAMD64)
}

// CheckExe checks that a Windows executable carries the icon and the
// version information of build b.
func CheckExe(exe io.ReadSeeker, b Build) error {
	rs, err := winres.LoadFromEXE(exe)
	if err != nil {
		return fmt.Errorf("no resources: %v", err)
	}
	icons := 0
	rs.WalkType(winres.RT_GROUP_ICON, func(winres.Identifier, uint16, []byte) bool { icons++; return true })
	if icons == 0 {
		return errors.New("no icon")
	}
	var data []byte
	rs.WalkType(winres.RT_VERSION, func(_ winres.Identifier, _ uint16, d []byte) bool { data = d; return false })
	if data == nil {
		return errors.New("no version information")
	}
	vi, err := version.FromBytes(data)
	if err != nil {
		return fmt.Errorf("damaged version information: %v", err)
	}
	if vi.FileVersion != b.numbers() {
		return fmt.Errorf("file version %v, want %v", vi.FileVersion, b.numbers())
	}
	var decoded struct {
		Info map[string]map[string]string `json:"info"`
	}
	js, err := vi.MarshalJSON()
	if err != nil {
		return err
	}
	if err := json.Unmarshal(js, &decoded); err != nil {
		return err
	}
	strings := decoded.Info["0409"]
	if got := strings[version.FileVersion]; got != b.Version {
		return fmt.Errorf("version %q, want %q", got, b.Version)
	}
	if got := strings[version.ProductName]; got != productName {
		return fmt.Errorf("product name %q, want %q", got, productName)
	}
	return nil
}

// WriteZip writes every file of fsys into a zip archive under the folder top.
func WriteZip(w io.Writer, fsys fs.FS, top string) error {
	zw := zip.NewWriter(w)
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		h, err := zip.FileInfoHeader(info)
		if err != nil {
			return err
		}
		h.Name, h.Method = path.Join(top, p), zip.Deflate
		fw, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		f, err := fsys.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		_, err = io.Copy(fw, f)
		return err
	})
	if err != nil {
		return err
	}
	return zw.Close()
}
