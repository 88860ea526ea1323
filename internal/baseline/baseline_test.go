package baseline

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// The rules asserted here are README "Running nightly": a live entry waives, an expired one fails the run,
// an entry whose check passes is "remove this entry"; the file's SHA-256 is recorded.

const sample = `
deviations:
  - requirement: TG-SIG-03
    reason: UAT answers HTTP 401 where the doc says code 97
    reference: TINGEE-1234
    expires: 2026-12-31
  - scenario: features/errors.feature:40
    reason: 1002 instead of 1001 for an unknown bank
    reference: TINGEE-1240
    expires: 2026-11-30
  - requirement: TG-LINK-02
    reason: fixed upstream, awaiting confirmation
    reference: TINGEE-1100
    expires: 2027-01-31
  - requirement: TG-WH-01
    reason: not run tonight
    reference: TINGEE-1300
    expires: 2027-01-31
`

func parse(t *testing.T) *File {
	t.Helper()
	f, err := Parse([]byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestJudgeWaivedExpiredStaleNotChecked(t *testing.T) {
	today := time.Date(2026, 12, 1, 23, 0, 0, 0, time.UTC)
	outcomes := []Outcome{
		{URI: "features/signing.feature:12", Tags: []string{"@TG-SIG-03", "@uat-safe"}, Failed: true},
		{URI: "features/errors.feature:40", Tags: []string{"@TG-ERR-02"}, Failed: true},
		{URI: "features/link.feature:8", Tags: []string{"@TG-LINK-02"}, Passed: true},
		{URI: "features/webhook.feature:3", Tags: []string{"@TG-WH-01"}}, // skipped
	}
	j := parse(t).Judge(outcomes, today)
	want := []string{Waived, Expired, Remove, NotProven}
	for i, e := range j.Entries {
		if e.Status != want[i] {
			t.Errorf("entry %s: status %q, want %q", e.Label(), e.Status, want[i])
		}
	}
	if len(j.Waived) != 1 || j.Waived["features/signing.feature:12"] != "TINGEE-1234" {
		t.Errorf("waived = %v, want only the TG-SIG-03 failure", j.Waived)
	}
	if exp := j.Expired(); len(exp) != 1 || exp[0].Scenario != "features/errors.feature:40" {
		t.Errorf("expired = %+v", exp)
	}
}

func TestLiveThroughItsExpiryDay(t *testing.T) {
	e := Entry{Expires: "2026-11-30"}
	if e.Expired(time.Date(2026, 11, 30, 23, 59, 0, 0, time.UTC)) {
		t.Error("expired on its own last day")
	}
	if !e.Expired(time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)) {
		t.Error("not expired the day after")
	}
}

func TestParseRefusesBadEntries(t *testing.T) {
	cases := map[string]string{
		"deviations: []": "no entry",
		"deviations:\n  - reason: r\n    reference: x\n    expires: 2027-01-01":                                                                                   "either a requirement or a scenario",
		"deviations:\n  - requirement: A-1\n    scenario: s\n    reason: r\n    reference: x\n    expires: 2027-01-01":                                            "either a requirement or a scenario",
		"deviations:\n  - requirement: A-1\n    reason: r\n    expires: 2027-01-01":                                                                               "reason and reference",
		"deviations:\n  - requirement: A-1\n    reason: r\n    reference: x\n    expires: 31/12/2026":                                                             "line 5: deviations, item 1, expires: \"31/12/2026\": want a date",
		"deviations:\n  - requirement: A-1\n    reason: r\n    reference: x\n    expires: 2027-01-01\n    until: x":                                               `line 6: unknown field "until" in an entry (it takes requirement, scenario, reason, reference, expires)`,
		"deviations:\n  - {requirement: A-1, reason: r, reference: x, expires: 2027-01-01}\n  - {requirement: A-1, reason: r, reference: y, expires: 2027-01-01}": "listed twice",
		"sha256: abc\ndeviations:\n  - {requirement: A-1, reason: r, reference: x, expires: 2027-01-01}":                                                          `line 1: unknown field "sha256" in the file (it takes deviations)`,
	}
	// One line naming the line and the field in words, never a Go type
	// name, as profiles/tingee/fixtures and internal/yamlerr word their errors (review-13-14 S6).
	for src, want := range cases {
		if _, err := Parse([]byte(src)); err == nil || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "\n") || strings.Contains(err.Error(), "baseline.") {
			t.Errorf("%q: err = %v, want one line containing %q", src, err, want)
		}
	}
}

func TestParseRecordsTheFilesSHA256(t *testing.T) {
	// printf '%s' "$sample" | sha256sum gives the same digest: the file's bytes as read.
	f := parse(t)
	g, _ := Parse([]byte(sample + "\n# a comment\n"))
	if len(f.SHA256) != 64 || f.SHA256 == g.SHA256 {
		t.Errorf("SHA-256 %q must be of the bytes, so a comment changes it (%q)", f.SHA256, g.SHA256)
	}
}

// Names the suite does not hold are refused, naming line and field: an
// unknown requirement, one written with its @, a scenario that is no address
// or name of the suite (review-13-14 S6).
func TestCheckNamesRefusesWhatTheSuiteLacks(t *testing.T) {
	suite := Suite{Requirements: []string{"TG-SIG-01"}, Scenario: func(s string) ([]string, error) {
		if s == "features/signing.feature:22" {
			return []string{s}, nil
		}
		return nil, errors.New("no such scenario")
	}}
	for src, want := range map[string]string{
		"deviations:\n  - {requirement: TG-SIG-99, reason: r, reference: x, expires: 2027-01-01}":                    "line 2: deviations, item 1, requirement: TG-SIG-99 is not a requirement of the suite",
		"deviations:\n  - {requirement: \"@TG-SIG-01\", reason: r, reference: x, expires: 2027-01-01}":               "without its @ (TG-SIG-01)",
		"deviations:\n  - {scenario: \"features/nosuch.feature:3\", reason: r, reference: x, expires: 2027-01-01}":   "deviations, item 1, scenario: no such scenario",
		"deviations:\n  - {scenario: \"features/signing.feature:22\", reason: r, reference: x, expires: 2027-01-01}": "",
	} {
		f, err := Parse([]byte(src))
		if err != nil {
			t.Fatal(err)
		}
		err = f.CheckNames(suite)
		if (want == "") != (err == nil) || err != nil && !strings.Contains(err.Error(), want) {
			t.Errorf("%q: err = %v, want %q", src, err, want)
		}
	}
}
