package mask

import (
	"regexp"

	"github.com/tingee-conformance/harness/internal/credentials"
)

// digitRun is a run of 9–16 digits not inside a longer run.
var digitRun = regexp.MustCompile(`(^|[^0-9])([0-9]{9,16})($|[^0-9])`)

// AllNumbers is the rule for outputs whose personal numbers are not in the
// fields Fields names (the OCB profile's bodies: accountNumbers is an array):
// rules 0 to 2 (Fixed), then every run of 9 to 16 digits keeps only its last
// four (credentials.MaskID). 17-digit clientTimestamps and shorter numbers
// are left alone; a time meant to be read must not carry 9 fractional digits.
func AllNumbers(s string) string {
	s = Fixed(s)
	// ReplaceAll does not see overlapping matches; two passes catch runs separated by one character.
	for range 2 {
		s = digitRun.ReplaceAllStringFunc(s, func(m string) string {
			g := digitRun.FindStringSubmatch(m)
			return g[1] + credentials.MaskID(g[2]) + g[3]
		})
	}
	return s
}
