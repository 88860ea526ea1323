package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	harness "github.com/tingee-conformance/harness"
)

// TestRunRefusesTheExamplesPlaceholders: a copy of uat.example.yaml left as it
// is would send the all-zero account to UAT or live; the run refuses it with
// one line naming the file and the field, before it even looks for credentials.
func TestRunRefusesTheExamplesPlaceholders(t *testing.T) {
	example := mustRead(t, uatExamplePath)
	copied := writeFile(t, "uat.yaml", example)
	partlyEdited := writeFile(t, "edited.yaml", strings.Replace(example, `"0000000000"`, `"0123456789"`, 1))
	// One wording for every fixtures error: file, line, field (review-13-14 N4).
	for path, field := range map[string]string{copied: "line 27: accounts, item 1, accountNumber: ", partlyEdited: "line 29: accounts, item 1, identity: "} {
		for _, args := range [][]string{{"--target", "uat"}, {"--target", "live", "--allow-live"}} {
			f := newFakeCLI("", nil) // no credentials: without the check the run stops there, never reaching Tingee
			code := f.run(append([]string{"run", "--fixtures", path}, args...)...)
			msg := f.errOut.String()
			if code != exitUsage || strings.Count(msg, "\n") != 1 || !strings.Contains(msg, "fixtures: "+path+" "+field+"still the placeholder") || f.out.String() != "" {
				t.Errorf("%v with %s: exit %d, stderr %q, stdout %q; want exit 2, one line naming %s", args, path, code, msg, f.out.String(), field)
			}
		}
	}
}

// TestPlaceholdersOnlyMatterForTingee: the mock's fixtures and an edited copy
// of the example hold no placeholder; against the mock or a URL the example
// is not refused (its values are what a local mock may well hold).
func TestPlaceholdersOnlyMatterForTingee(t *testing.T) {
	example, err := loadFixtures(writeFile(t, "uat.yaml", mustRead(t, uatExamplePath)), "url")
	if err != nil {
		t.Fatalf("the example against a URL: %v", err)
	}
	if err := placeholderIn(example, example); err == nil || !strings.Contains(err.Error(), "accounts, item 1, accountNumber") {
		t.Fatalf("the example itself: placeholder %v", err)
	}
	real := *example
	real.Accounts = append(real.Accounts[:0:0], example.Accounts...)
	real.Accounts[0].AccountNumber, real.Accounts[0].Identity, real.Accounts[0].Mobile = "0123456789", "001099012345", "0912345678"
	if err := placeholderIn(&real, example); err != nil {
		t.Fatalf("an edited copy: placeholder %v", err)
	}
	mockFx, err := loadFixtures("", "mock")
	if err != nil || placeholderIn(mockFx, example) != nil {
		t.Fatalf("the mock's fixtures: %v, placeholder %v", err, placeholderIn(mockFx, example))
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	data, err := harness.Features.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// An OTP that cannot be had — `otp: prompt` with no terminal on stdin, or
// env:NAME with NAME unset — is refused before the first request, by a run
// and by --dry-run: create-va would otherwise be sent, and on UAT the bank
// texts the account holder (review-13-14 S10).
func TestAnOTPThatCannotBeHadIsRefusedFirst(t *testing.T) {
	hits := 0
	srv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { hits++ }))
	defer srv.Close()
	mockYAML := mustRead(t, "features/fixtures/mock.yaml")
	for source, want := range map[string]string{
		"prompt":               "prompt, but the input is not a terminal",
		"env:TEST_OTP_UNSET_X": "env:TEST_OTP_UNSET_X, but $TEST_OTP_UNSET_X is not set",
	} {
		path := writeFile(t, "fx.yaml", strings.Replace(mockYAML, "otp: fixed:123456", "otp: "+source, 1))
		for _, extra := range [][]string{nil, {"--dry-run"}} {
			f := newFakeCLI("", mockEnv) // stdin: a strings.Reader, no terminal
			args := append([]string{"run", "--target", srv.URL, "--fixtures", path, "--tags", "@TG-LINK-01", "--report-dir", t.TempDir()}, extra...)
			code := f.run(args...)
			msg := f.errOut.String()
			if code != exitUsage || hits != 0 || strings.Count(msg, "\n") != 1 || !strings.Contains(msg, "accounts, item 1, otp: "+want) {
				t.Errorf("%s %v: exit %d, %d requests, stderr %q", source, extra, code, hits, msg)
			}
		}
	}
	// Without a @needs-otp scenario selected, the OTP is not needed.
	path := writeFile(t, "fx.yaml", strings.Replace(mockYAML, "otp: fixed:123456", "otp: prompt", 1))
	f := newFakeCLI("", mockEnv)
	if code := f.run("run", "--target", srv.URL, "--fixtures", path, "--tags", "@TG-SIG-01", "--dry-run"); code != exitOK {
		t.Errorf("no @needs-otp scenario: exit %d: %s", code, f.errOut.String())
	}
}

// Fixture values the contract can check are checked before the run, one
// line naming file, line and field: accountType: weird made the target NOT
// CONFORMANT, and a trigger naming no operation became a HARNESS ERROR
// during the run (review-13-14 S11). The files the repository ships pass.
func TestFixturesAreCheckedAgainstTheContract(t *testing.T) {
	mockYAML := mustRead(t, "features/fixtures/mock.yaml")
	for change, want := range map[string][2]string{
		"accountType: weird":  {"accountType: personal-account", `line 18: accounts, item 1, accountType: "weird": value must be one of`},
		"operation: nosuchOp": {"operation: getVaPaging", `line 77: triggers, 403, operation: "nosuchOp" is no operationId of openapi.yaml`},
		// A trigger's status and body are checked against its operation too (fix-inputs left them):
		// 418 is no status getVaPaging documents, and merchantId is a number in its request schema.
		"  418:\n    operation: getVaPaging": {"  403:\n    operation: getVaPaging", `line 76: triggers, 418: HTTP 418 is no status openapi.yaml documents for getVaPaging (it documents `},
		"merchantId: abc}":                   {"merchantId: 1001}", `line 78: triggers, 403, body, merchantId: "abc": `},
	} {
		path := writeFile(t, "fx.yaml", strings.Replace(mockYAML, want[0], change, 1))
		f := newFakeCLI("", mockEnv)
		code := f.run("run", "--target", "http://127.0.0.1:1", "--fixtures", path, "--dry-run")
		msg := f.errOut.String()
		if code != exitUsage || strings.Count(msg, "\n") != 1 || !strings.Contains(msg, "fixtures: "+path+" "+want[1]) {
			t.Errorf("%s: exit %d, stderr %q", change, code, msg)
		}
	}
	for _, path := range []string{"../../features/fixtures/mock.yaml", "../../" + uatExamplePath} {
		if _, err := loadFixtures(path, "url"); err != nil {
			t.Errorf("%s: %v", path, err)
		}
	}
}
