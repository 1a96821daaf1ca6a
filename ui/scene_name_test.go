//go:build !js

package ui

import (
	"strings"
	"testing"
)

func TestEditName(t *testing.T) {
	long := strings.Repeat("x", maxStudentName)
	for _, tc := range []struct {
		name, typed string
		back        bool
		want        string
	}{
		{"", "Ada", false, "Ada"},
		{"Ada", " L", false, "Ada L"},
		{"", "  Ada", false, "Ada"}, // no leading spaces
		{"Ada", "", true, "Ad"},
		{"", "", true, ""},
		{"A", "b\x00\n\tc", false, "Abc"}, // control characters are dropped
		{long, "y", false, long},
		{"Zoë", "ñ", false, "Zoëñ"},
	} {
		if have := string(editName([]rune(tc.name), []rune(tc.typed), tc.back)); have != tc.want {
			t.Errorf("editName(%q, %q, %v) = %q, want %q", tc.name, tc.typed, tc.back, have, tc.want)
		}
	}
}
