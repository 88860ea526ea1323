package certify

import (
	"strings"
	"testing"
	"time"

	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/profiles/tingee/signing"
)

// The timestamp is Vietnam time within ±10 minutes (notes: "Request signing", doc and live); a
// whole-hour offset names the zone the client used, anything else is clock skew.
func TestTimestampNamesZoneOrSkew(t *testing.T) {
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	wall := func(loc *time.Location, shift time.Duration) string {
		s := now.Add(shift).In(loc).Format("20060102150405.000")
		return s[:14] + s[15:]
	}
	cases := []struct {
		name, ts, want string
		ok             bool
	}{
		{"Vietnam time", wall(signing.Vietnam, 0), "", true},
		{"Vietnam time 9 minutes ahead", wall(signing.Vietnam, 9*time.Minute), "", true},
		{"UTC", wall(time.UTC, 0), "looks like the time in UTC, not UTC+7", false},
		{"India", wall(time.FixedZone("IST", 330*60), 0), "looks like the time in UTC+5:30", false},
		{"30 minutes of skew", wall(signing.Vietnam, -30*time.Minute), "clock skew", false},
		{"not 17 digits", "2026-12-01T17:00", "not 17 digits", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out := timestamp(tc.ts, now)
			last := out[len(out)-1]
			if last.ok != tc.ok || !strings.Contains(last.detail, tc.want) {
				t.Fatalf("%s: ok=%v %q, want ok=%v with %q", tc.ts, last.ok, last.detail, tc.ok, tc.want)
			}
		})
	}
}

// /v1/bank/<action> is the SDKs' path for the bank group only (notes: "Levels and sources", Paths).
func TestCanonicalPath(t *testing.T) {
	for in, want := range map[string]string{
		"/v1/bank/create-va":              "/v1/create-va",
		"/v1/create-va":                   "/v1/create-va",
		"/v1/bank/transaction/get-paging": "/v1/bank/transaction/get-paging",
		"/v1/bank/":                       "/v1/bank/",
	} {
		if got := canonicalPath(in); got != want {
			t.Errorf("canonicalPath(%q) = %q, want %q", in, got, want)
		}
	}
}

// CC-BODY-03 warns on what JSON.stringify never writes: whitespace between tokens and "\/"
// (PHP json_encode's default escape; review 10-15, N8). A "\\/" is a backslash then a slash, which
// JSON.stringify does write.
func TestMinifiedIsAsJSONStringifyWrites(t *testing.T) {
	for body, ok := range map[string]bool{
		`{"url":"https://shop.example/cb"}`:    true,
		`{"note":"a\\/b"}`:                     true,
		`{"url":"https:\/\/shop.example\/cb"}`: false,
		`{"url": "https://shop.example/cb"}`:   false,
	} {
		if got := minified([]byte(body)); got.ok != ok || got.check != checkMinified {
			t.Errorf("%s: ok=%v (%s), want ok=%v", body, got.ok, got.detail, ok)
		}
	}
}

// A body field of the wrong type reads "want string, got number" (review 10-15, N5: it read
// "expected got number, want string").
func TestBodyFaultWording(t *testing.T) {
	got := bodyFault(evidence.Finding{Pointer: "/mobile", Expected: "got number, want string", Got: "912345678"})
	if want := "/mobile: want string, got number 912345678"; got != want {
		t.Fatalf("%q, want %q", got, want)
	}
}
