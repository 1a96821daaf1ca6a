package version

import "testing"

func TestString(t *testing.T) {
	none := func() (map[string]string, bool) { return nil, false }
	vcs := func() (map[string]string, bool) {
		return map[string]string{"vcs.revision": "0123456789abcdef0123", "vcs.modified": "true"}, true
	}
	clean := func() (map[string]string, bool) {
		return map[string]string{"vcs.revision": "0123456789abcdef0123", "vcs.modified": "false"}, true
	}
	for _, tc := range []struct {
		name, ver, commit string
		build             func() (map[string]string, bool)
		want              string
	}{
		{"release", "1.2.0", "abc1234", vcs, "1.2.0 (commit abc1234)"},
		{"tag with v", "v1.2.0", "abc1234", none, "1.2.0 (commit abc1234)"},
		{"release without commit", "1.2.0", "", vcs, "1.2.0 (commit unknown)"},
		{"go run", "", "", none, "dev (commit unknown)"},
		{"go build in a changed tree", "", "", vcs, "dev (commit 0123456789ab, with uncommitted changes)"},
		{"go build in a clean tree", "", "", clean, "dev (commit 0123456789ab)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if have := get(tc.ver, tc.commit, tc.build).String(); have != tc.want {
				t.Errorf("have %q, want %q", have, tc.want)
			}
		})
	}
}
