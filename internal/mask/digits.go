package mask

import (
	"regexp"

	"github.com/tingee-conformance/harness/internal/credentials"
)

// digits are runs of 9–16 digits not inside a longer run.
var digits = regexp.MustCompile(`(^|[^0-9])([0-9]{9,16})($|[^0-9])`)

// Digits is the rule for an API whose personal numbers come in no named
// field (OCB's): every run of 9 to 16 digits in s keeps only its last four,
// whatever field holds it. 17-digit timestamps are left alone.
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
