// Package mask hides account numbers, phone numbers and citizen ids in text
// the OCB profile prints or writes: every run of 9 to 16 digits keeps only its
// last four. 17-digit clientTimestamps are left alone.
package mask

import (
	"regexp"

	"github.com/tingee-conformance/harness/internal/credentials"
)

// digits are runs of 9–16 digits not inside a longer run.
var digits = regexp.MustCompile(`(^|[^0-9])([0-9]{9,16})($|[^0-9])`)

// Digits masks every such run in s.
func Digits(s string) string {
	// ReplaceAll does not see overlapping matches; two passes catch runs separated by one character.
	for range 2 {
		s = digits.ReplaceAllStringFunc(s, func(m string) string {
			g := digits.FindStringSubmatch(m)
			return g[1] + credentials.MaskID(g[2]) + g[3]
		})
	}
	return s
}
