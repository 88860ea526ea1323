package signing

import (
	"fmt"
	"time"
)

// Vietnam is UTC+7, the zone of every Tingee timestamp, whatever the machine's zone.
// A fixed zone: Vietnam has no daylight saving, and no tzdata is needed.
var Vietnam = time.FixedZone("ICT", 7*60*60)

// TimestampLayout is yyyyMMddHHmmssSSS in Go's notation: 17 digits.
const TimestampLayout = "20060102150405.000"

// Timestamp formats t as x-request-timestamp: 17 digits, Vietnam time.
func Timestamp(t time.Time) string {
	s := t.In(Vietnam).Format(TimestampLayout)
	return s[:14] + s[15:]
}

// ParseTimestamp reads a 17-digit x-request-timestamp in Vietnam time.
// Anything else (length, non-digits, a date that does not exist) is ErrMalformedTimestamp.
func ParseTimestamp(s string) (time.Time, error) {
	if len(s) != 17 {
		return time.Time{}, fmt.Errorf("%w: %q is not 17 digits", ErrMalformedTimestamp, s)
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return time.Time{}, fmt.Errorf("%w: %q is not 17 digits", ErrMalformedTimestamp, s)
		}
	}
	t, err := time.ParseInLocation(TimestampLayout, s[:14]+"."+s[14:], Vietnam)
	if err != nil {
		return time.Time{}, fmt.Errorf("%w: %q is not a real date and time (yyyyMMddHHmmssSSS)", ErrMalformedTimestamp, s)
	}
	return t, nil
}
