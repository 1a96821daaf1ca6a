// Package version says which build of bigthree is running. The release
// script sets Version and Commit with the linker:
//
//	go build -ldflags "-X bigthree/internal/version.Version=1.2.0 -X bigthree/internal/version.Commit=abc1234"
//
// A build without them (go run, go build, go test) reports "dev", with the
// commit Go recorded from the repository when there is one.
package version

import (
	"runtime/debug"
	"strings"
)

// Version and Commit are set at link time by scripts/release.
var (
	Version = ""
	Commit  = ""
)

// Info is the version of this build.
type Info struct {
	// Version is the release ("1.2.0", "1.2.0-snapshot") or "dev".
	Version string
	// Commit is the short commit hash, or "" when unknown.
	Commit string
	// Modified reports uncommitted changes in a development build.
	Modified bool
}

// Get returns the version of this build.
func Get() Info {
	return get(Version, Commit, readBuildInfo)
}

func readBuildInfo() (map[string]string, bool) {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return nil, false
	}
	m := map[string]string{}
	for _, s := range bi.Settings {
		m[s.Key] = s.Value
	}
	return m, true
}

func get(ver, commit string, build func() (map[string]string, bool)) Info {
	info := Info{Version: strings.TrimPrefix(ver, "v"), Commit: commit}
	if info.Version != "" {
		return info
	}
	info.Version = "dev"
	if info.Commit == "" {
		if s, ok := build(); ok {
			info.Commit = s["vcs.revision"]
			info.Modified = s["vcs.modified"] == "true"
		}
	}
	if len(info.Commit) > 12 {
		info.Commit = info.Commit[:12]
	}
	return info
}

// String is the line `bigthree -version` and `b3 version` print after the
// program's name: "1.2.0 (commit abc1234)", "dev (commit abc1234, with
// uncommitted changes)", or "dev (commit unknown)".
func (i Info) String() string {
	switch {
	case i.Commit == "":
		return i.Version + " (commit unknown)"
	case i.Modified:
		return i.Version + " (commit " + i.Commit + ", with uncommitted changes)"
	}
	return i.Version + " (commit " + i.Commit + ")"
}
