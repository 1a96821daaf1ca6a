// Command mkrelease does the steps of scripts/release that go build does not:
//
//	mkrelease syso VERSION COMMIT OUT.syso   the Windows icon and version information
//	mkrelease check-exe VERSION FILE.exe     check that a Windows build carries them
//	mkrelease icon SIZE OUT.png              the game's icon as a PNG
//	mkrelease zip DIR OUT.zip                zip DIR, under its own name
//	mkrelease has ARCHIVE.zip FILE...        check that the zip holds these files
package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"

	"bigthree/internal/atomicfile"
	"bigthree/internal/release"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "mkrelease:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	var buf bytes.Buffer
	switch {
	case len(args) == 4 && args[0] == "syso":
		if err := release.WriteSyso(&buf, release.Build{Version: args[1], Commit: args[2]}); err != nil {
			return err
		}
		return atomicfile.WriteFile(args[3], buf.Bytes(), 0o644)
	case len(args) == 3 && args[0] == "check-exe":
		f, err := os.Open(args[2])
		if err != nil {
			return err
		}
		defer f.Close()
		if err := release.CheckExe(f, release.Build{Version: args[1]}); err != nil {
			return fmt.Errorf("%s: %v", args[2], err)
		}
		fmt.Printf("%s: icon and version information %s\n", args[2], args[1])
		return nil
	case len(args) == 3 && args[0] == "icon":
		size, err := strconv.Atoi(args[1])
		if err != nil || size < 16 || size > 1024 {
			return fmt.Errorf("icon size %q: give 16 to 1024", args[1])
		}
		if err := png.Encode(&buf, release.Icon(size)); err != nil {
			return err
		}
		return atomicfile.WriteFile(args[2], buf.Bytes(), 0o644)
	case len(args) == 3 && args[0] == "zip":
		if err := release.WriteZip(&buf, os.DirFS(args[1]), filepath.Base(filepath.Clean(args[1]))); err != nil {
			return err
		}
		return atomicfile.WriteFile(args[2], buf.Bytes(), 0o644)
	case len(args) >= 3 && args[0] == "has":
		zr, err := zip.OpenReader(args[1])
		if err != nil {
			return err
		}
		defer zr.Close()
		for _, want := range args[2:] {
			if _, err := fs.Stat(zr, want); err != nil {
				return fmt.Errorf("%s does not hold %s", args[1], want)
			}
		}
		return nil
	}
	return fmt.Errorf("usage: mkrelease syso|check-exe|icon|zip|has ... (see the comment in cmd/mkrelease/main.go)")
}
