package certify

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tingee-conformance/harness/internal/credentials"
	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/internal/report"
	"github.com/tingee-conformance/harness/profiles/tingee"
)

const testClientID = "certify-test-client"

var testSecret = []byte("certify-test-secret-0123456789")

// bundle is what certify wrote: the verdict, report.json and the folder of the whole bundle.
type bundle struct {
	v   report.Verdict
	js  string
	dir string
}

// certify serves an Observer with plan, lets client run against it and writes the bundle. The
// flow's own error is returned for the caller to judge.
func certify(t *testing.T, plan Plan, slow time.Duration, client func(c *sampleClient) error, setup func(c *sampleClient)) (bundle, error) {
	t.Helper()
	o, err := New(Config{ClientID: testClientID, Secret: testSecret, Plan: plan, Slow: slow})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(o)
	defer srv.Close()
	c := &sampleClient{base: srv.URL, clientID: testClientID, secret: testSecret, prefix: "/v1/"}
	if setup != nil {
		setup(c)
	}
	start := time.Now()
	flowErr := client(c)
	run := evidence.Run{ID: "certify-test", Suite: Suite, Start: start, End: time.Now(), Target: srv.URL, Environment: "mock",
		ClientIDMasked: credentials.MaskID(testClientID), Scenarios: o.Scenarios()}
	dir := t.TempDir()
	ro, err := tingee.Profile().ReportOptions()
	if err != nil {
		t.Fatal(err)
	}
	withSecret := ro
	withSecret.Secrets = []credentials.Secret{credentials.Secret(testSecret)}
	if err := report.Write(dir, run, withSecret); err != nil {
		t.Fatal(err)
	}
	doc, err := report.Build(run, ro)
	if err != nil {
		t.Fatal(err)
	}
	js, err := os.ReadFile(filepath.Join(dir, report.FileJSON))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(js), string(testSecret)) {
		t.Fatal("report.json holds the secret")
	}
	t.Logf("verdict: %s — %s", doc.Verdict.Headline(), strings.Join(doc.Verdict.Reasons, "; "))
	return bundle{doc.Verdict, string(js), dir}, flowErr
}

// A correct client, /v1/<action> paths, completes both lifecycles: CONFORMANT (issue 15, done when).
func TestCorrectClientIsConformant(t *testing.T) {
	b, err := certify(t, Plan{}, 0, (*sampleClient).flow, nil)
	v, js := b.v, b.js
	if err != nil {
		t.Fatalf("the correct client's flow failed: %v", err)
	}
	if v.Result != report.Conformant {
		t.Fatalf("verdict %s, want %s: %v", v.Result, report.Conformant, v.Reasons)
	}
	if len(v.NotVerified) != 0 {
		t.Fatalf("both lifecycles should be complete, not verified: %v", v.NotVerified)
	}
	for _, want := range []string{`"CC-SIG-01`, "request #8 POST /v1/confirm-delete-va", "createVa"} {
		if !strings.Contains(js, want) {
			t.Errorf("report.json lacks %q", want)
		}
	}
}

// A client signing as the official SDKs do — JSON.stringify body, "{}" for bodyless calls (sent as
// "{}" on a POST), Vietnam time, /v1/bank/<action> — is CONFORMANT (notes: "Levels and sources", Paths).
func TestSDKLikeClientIsConformant(t *testing.T) {
	b, err := certify(t, Plan{}, 0, (*sampleClient).flow, func(c *sampleClient) {
		c.prefix, c.bodyForBodyless = "/v1/bank/", true
	})
	if err != nil {
		t.Fatalf("the SDK-like client's flow failed: %v", err)
	}
	if v := b.v; v.Result != report.Conformant {
		t.Fatalf("verdict %s, want %s: %v", v.Result, report.Conformant, v.Reasons)
	}
}

// Each classic mistake is NOT CONFORMANT, with its cause named in report.json (notes: "Request
// signing"; issue 15, done when).
func TestBrokenClientsAreNotConformant(t *testing.T) {
	cases := []struct {
		name  string
		setup func(c *sampleClient)
		plan  Plan
		slow  time.Duration
		cause string
	}{
		{"signs pretty, sends minified", func(c *sampleClient) { c.signPretty = true }, Plan{}, 0,
			"cause: re-formatted — signed the body pretty-printed (2 spaces), sent it otherwise"},
		{"UTC timestamps", func(c *sampleClient) { c.zone = time.UTC }, Plan{}, 0,
			"it looks like the time in UTC, not UTC+7"},
		{`signs "" for delete-va`, func(c *sampleClient) { c.signEmpty = true }, Plan{}, 0,
			`cause: empty body — signed \"\" for a call without a body`},
		{"repeats create-va after a timeout", func(c *sampleClient) { c.retryWrites, c.timeout = true, 300*time.Millisecond },
			Plan{Faults: []Fault{{"createVa", 1, KindSlow}}}, 2 * time.Second,
			"repeated createVa (request #2) blindly as request #3 after a timeout"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b, err := certify(t, tc.plan, tc.slow, (*sampleClient).flow, tc.setup)
			v, js := b.v, b.js
			var stop errStop
			if err != nil && !errors.As(err, &stop) {
				t.Fatalf("the flow broke off unexpectedly: %v", err)
			}
			if v.Result != report.NotConformant {
				t.Fatalf("verdict %s, want %s: %v", v.Result, report.NotConformant, v.Reasons)
			}
			if !strings.Contains(js, tc.cause) {
				t.Fatalf("report.json does not name the cause %q", tc.cause)
			}
		})
	}
}

// Broken SHOULDs warn and never fail: a body sent pretty-printed (signed as sent) and an
// undocumented field give CONFORMANT WITH WARNINGS in every file of the bundle, each warning
// with its requirement and source, and every graded check listed as a requirement with its level
// and source (notes: "Levels and sources"; issue 10 §2; review 10-15, B1: the bundle said
// CONFORMANT with counts.warnings 0 while the console warned).
func TestShouldChecksOnlyWarn(t *testing.T) {
	b, err := certify(t, Plan{}, 0, func(c *sampleClient) error {
		if err := c.flow(); err != nil {
			return err
		}
		_, err := c.call(http.MethodPost, "get-va-paging", "", map[string]any{"skipCount": 0, "maxResultCount": 10, "colour": "blue"})
		return err
	}, func(c *sampleClient) { c.sendPretty = true })
	var stop errStop
	if err != nil && !errors.As(err, &stop) {
		t.Fatal(err)
	}
	if b.v.Result != report.ConformantWithWarnings {
		t.Fatalf("verdict %s, want %s: %v", b.v.Result, report.ConformantWithWarnings, b.v.Reasons)
	}
	var doc report.Document
	if err := json.Unmarshal([]byte(b.js), &doc); err != nil {
		t.Fatal(err)
	}
	warned := map[string]string{}
	for _, w := range doc.Verdict.Warnings {
		warned[w.Requirement] = w.Source
	}
	if doc.Verdict.Result != report.ConformantWithWarnings || doc.Counts.Warnings == 0 ||
		warned["CC-BODY-03"] != "sdk" || warned["CC-BODY-02"] != "unconfirmed" {
		t.Fatalf("report.json: %s, counts.warnings %d, warnings by requirement %v", doc.Verdict.Result, doc.Counts.Warnings, warned)
	}
	levels := map[string]string{}
	for _, r := range doc.Requirements {
		levels[r.ID] = r.Level + " " + r.Source
	}
	for id, want := range map[string]string{
		"CC-PATH-01": "must doc", "CC-HDR-01": "must doc", "CC-TS-02": "must doc", "CC-SIG-01": "must doc",
		"CC-SIG-02": "should unconfirmed", "CC-BODY-01": "must doc", "CC-BODY-03": "should sdk", "CC-DEL-01": "must doc",
		"CC-FLT-05": "must doc", "CC-FLOW-01": "should doc", // docs/certify-client.md, "Levels and sources"
	} {
		if levels[id] != want {
			t.Errorf("requirement %s: %q, want %q", id, levels[id], want)
		}
	}
	for file, want := range map[string]string{
		report.FileSummary: "# ✅ CONFORMANT WITH WARNINGS",
		report.FileJUnit:   "WARNING (should-level, not a failure)",
		report.FileHTML:    `<section id="warnings">`,
	} {
		data, err := os.ReadFile(filepath.Join(b.dir, file))
		if err != nil || !strings.Contains(string(data), want) {
			t.Errorf("%s lacks %q (%v)", file, want, err)
		}
	}
}
