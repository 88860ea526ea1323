package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tingee-conformance/harness/internal/bundle"
	"github.com/tingee-conformance/harness/internal/credentials"
	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/internal/redact"
)

// plantSecret puts the secret, in each of its forms, where a careless runner
// might leak it: a header, a request body, an answer, an error, a curl line.
func plantSecret(run evidence.Run) evidence.Run {
	forms := redact.Forms([]byte(testSecret))
	sc := &run.Scenarios[1]
	x := &sc.Steps[0].Exchanges[0]
	x.RequestHeader.Set("X-Debug-Secret", forms[0])
	x.RequestBody = []byte(`{"note":"` + strings.Join(forms, " ") + `"}`)
	x.ResponseBody = []byte(`{"echo":"` + forms[3] + `","hex":"` + forms[2] + `"}`)
	x.Curl += " # " + forms[1]
	sc.Steps[0].Error = "signed with " + forms[0] + " <&> " + forms[6]
	sc.Observations = append(sc.Observations, forms[4]+" "+forms[5])
	return run
}

// leaks lists every file of dir holding any form of secret.
func leaks(t *testing.T, dir, secret string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) < 6 {
		t.Fatalf("bundle has %d files, want at least 6", len(entries))
	}
	var out []string
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		for _, form := range redact.Forms([]byte(secret)) {
			if bytes.Contains(data, []byte(form)) {
				out = append(out, e.Name()+" holds "+form)
			}
		}
	}
	return out
}

// The exchanges are signed with the secret, as the runner signs them: the
// signature and the string-to-sign's digest must not reveal it.
func TestSecretUsedToSignNeverAppears(t *testing.T) {
	opts := testOptions(t)
	opts.Secrets = nil // no scrubber: evidence alone must be clean
	dir := t.TempDir()
	if err := Write(dir, syntheticRun(), opts); err != nil {
		t.Fatal(err)
	}
	if l := leaks(t, dir, testSecret); len(l) > 0 {
		t.Errorf("secret in the bundle of a clean run: %v", l)
	}
}

func TestScrubberRemovesPlantedSecretInEveryForm(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, plantSecret(syntheticRun()), testOptions(t)); err != nil {
		t.Fatal(err)
	}
	if l := leaks(t, dir, testSecret); len(l) > 0 {
		t.Errorf("planted secret survived the scrubber: %v", l)
	}
	html, _ := os.ReadFile(filepath.Join(dir, FileHTML))
	if !bytes.Contains(html, []byte(redact.Redacted)) {
		t.Errorf("report.html has no %s marker where the secret was planted", redact.Redacted)
	}
}

// The scan itself must be able to fail: without the scrubber the planted
// secret is found, in every form.
func TestLeakScanFindsPlantedSecretWithoutScrubber(t *testing.T) {
	opts := testOptions(t)
	opts.Secrets = nil
	dir := t.TempDir()
	if err := Write(dir, plantSecret(syntheticRun()), opts); err != nil {
		t.Fatal(err)
	}
	found := strings.Join(leaks(t, dir, testSecret), "\n")
	for _, form := range redact.Forms([]byte(testSecret)) {
		if !strings.Contains(found, "report.json holds "+form) {
			t.Errorf("scan missed the %q form in report.json", form)
		}
	}
}

func TestScrubberCatchesSecretsWithCharactersEncodersEscape(t *testing.T) {
	secret := `s3<cr&t>"x`
	run := syntheticRun()
	run.Scenarios[0].Steps[0].Error = "leaked " + secret
	opts := testOptions(t)
	opts.Secrets = append(opts.Secrets, []byte(secret))
	dir := t.TempDir()
	if err := Write(dir, run, opts); err != nil {
		t.Fatal(err)
	}
	if l := leaks(t, dir, secret); len(l) > 0 {
		t.Errorf("secret with <&>\" survived: %v", l)
	}
	for _, name := range []string{FileJSON, FileHTML, FileJUnit, FileCucumber, FileSummary} {
		data, _ := os.ReadFile(filepath.Join(dir, name))
		for _, escaped := range []string{`s3\u003ccr\u0026t\u003e`, `s3&lt;cr&amp;t&gt;`, `s3<cr&t>`} {
			if bytes.Contains(data, []byte(escaped)) {
				t.Errorf("%s holds the secret escaped as %s", name, escaped)
			}
		}
	}
}

func TestPersonalNumbersAreMaskedEverywhere(t *testing.T) {
	dir := writeBundle(t, testOptions(t))
	for _, e := range []string{"report.json", "report.html", "junit.xml", "cucumber.json", "summary.md"} {
		data, err := os.ReadFile(filepath.Join(dir, e))
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range []string{accountNumber, identity, mobile, "98761234", "partner-client-0042"} {
			if bytes.Contains(data, []byte(n)) {
				t.Errorf("%s shows %s unmasked", e, n)
			}
		}
	}
	data, _ := os.ReadFile(filepath.Join(dir, FileJSON))
	for _, masked := range []string{`\"accountNumber\":\"******6789\"`, `\"identity\":\"********6789\"`, `\"mobile\":\"******5678\"`} {
		if !bytes.Contains(data, []byte(masked)) {
			t.Errorf("report.json lacks %s", masked)
		}
	}
}

// A one-byte secret matches JSON's own syntax: Write must refuse it, not
// write a corrupt or leaking bundle.
func TestWriteRefusesShortSecret(t *testing.T) {
	opts := testOptions(t)
	opts.Secrets = []credentials.Secret{credentials.Secret("[")}
	dir := t.TempDir()
	if err := Write(dir, syntheticRun(), opts); !errors.Is(err, redact.ErrShortSecret) {
		t.Fatalf("Write with a 1-byte secret = %v, want redact.ErrShortSecret", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("Write left %d files after refusing the secret", len(entries))
	}
}

// A secret that is also a word of the report's own text, in a header name and
// value, is scrubbed everywhere and every JSON and XML file stays well formed.
func TestSecretMatchingReportTextKeepsFilesWellFormed(t *testing.T) {
	secret := "scenario"
	run := syntheticRun()
	run.Scenarios[1].Steps[0].Exchanges[0].RequestHeader["x-"+secret] = []string{secret} // not canonical, so the key holds it
	opts := testOptions(t)
	opts.Secrets = []credentials.Secret{credentials.Secret(secret)}
	dir := t.TempDir()
	if err := Write(dir, run, opts); err != nil {
		t.Fatal(err)
	}
	if l := leaks(t, dir, secret); len(l) > 0 {
		t.Errorf("secret survived: %v", l)
	}
	for _, name := range []string{FileJSON, FileJUnit, FileCucumber, bundle.FileManifest} {
		data, _ := os.ReadFile(filepath.Join(dir, name))
		if !parses(name, data) {
			t.Errorf("%s is malformed after scrubbing", name)
		}
	}
}

// A secret that matches the report's syntax cannot be redacted without
// breaking a file: Write says which file and never prints the secret.
func TestSecretMatchingJSONSyntaxIsRefusedNotCorrupted(t *testing.T) {
	secret := `"format"`
	opts := testOptions(t)
	opts.Secrets = []credentials.Secret{credentials.Secret(secret)}
	err := Write(t.TempDir(), syntheticRun(), opts)
	if err == nil || !strings.Contains(err.Error(), FileJSON) || strings.Contains(err.Error(), secret) {
		t.Errorf("Write = %v, want an error naming %s without the secret", err, FileJSON)
	}
}

func TestScrubbingLeavesTheRunUntouched(t *testing.T) {
	run := plantSecret(syntheticRun())
	before := strings.Join(run.Scenarios[1].Observations, " ")
	if err := Write(t.TempDir(), run, testOptions(t)); err != nil {
		t.Fatal(err)
	}
	if after := strings.Join(run.Scenarios[1].Observations, " "); after != before {
		t.Errorf("Write changed the caller's run: %q became %q", before, after)
	}
}

// The document pass alone scrubs every string, map keys included, so no
// renderer's encoding of it can carry the secret.
func TestScrubberDocumentReachesEveryString(t *testing.T) {
	s, err := redact.New([]credentials.Secret{credentials.Secret(testSecret)})
	if err != nil {
		t.Fatal(err)
	}
	run := plantSecret(syntheticRun())
	run.Scenarios[1].Steps[0].Exchanges[0].RequestHeader["x-"+testSecret] = []string{"v"}
	run.Attestation.Partner = testSecret
	doc, err := Build(run, testOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	clean, err := scrubbed(doc, s)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := json.Marshal(clean)
	for _, form := range redact.Forms([]byte(testSecret)) {
		if bytes.Contains(raw, []byte(form)) {
			t.Errorf("the scrubbed document still holds %q", form)
		}
	}
}

// parses: a .json file is valid JSON, an .xml file reads to its end.
func parses(name string, data []byte) bool {
	if strings.HasSuffix(name, ".json") {
		return json.Valid(data)
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		if _, err := dec.Token(); err != nil {
			return err == io.EOF
		}
	}
}
