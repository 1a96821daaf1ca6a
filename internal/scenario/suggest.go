package scenario

import (
	"strings"

	"github.com/agnivade/levenshtein"
)

// Nearest returns the candidate closest to name when it is close enough to
// be a likely misspelling, else "". Case differences count as small.
func Nearest(name string, candidates []string) string {
	best, bestDist := "", -1
	lname := strings.ToLower(name)
	for _, c := range candidates {
		d := levenshtein.ComputeDistance(lname, strings.ToLower(c))
		if strings.EqualFold(name, c) {
			d = 0
		}
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	if bestDist < 0 {
		return ""
	}
	limit := 2
	if n := len([]rune(name)); n > 8 {
		limit = n / 3
	}
	if bestDist > limit || (len([]rune(name)) <= 3 && bestDist > 1) {
		return ""
	}
	return best
}
