// Package mask is the OCB profile's name for internal/mask's AllNumbers rule
// (tokens redacted, then every run of 9 to 16 digits keeps only its last
// four), kept so its callers need not change while the OCB bundle moves into
// internal/report.
package mask

import "github.com/tingee-conformance/harness/internal/mask"

// Digits masks s by internal/mask.AllNumbers.
func Digits(s string) string { return mask.AllNumbers(s) }
