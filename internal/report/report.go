// Package report writes a conformance run's certification bundle: report.json,
// report.html (one self-contained file), junit.xml, cucumber.json, summary.md
// sealed by package bundle: manifest.json with the SHA-256 of every file,
// plus manifest.sig (Ed25519 over the manifest.json bytes) when a signing
// key is given.
//
// # Verdict
//
// The verdict (verdict.result) is one of five strings, decided in this order:
//
//   - CREDENTIALS REJECTED: the credentials probe before the suite was refused
//     as a client or signature failure (evidence.Run.CredentialsRejected); no
//     scenario ran.
//   - NOT CONFORMANT: at least one must-level scenario failed for a reason
//     other than the transport or the harness (the target answered, and the
//     answer broke the contract). A failure seen is definitive, even in a run
//     that was then interrupted.
//   - INCOMPLETE: the run was interrupted, a scenario did not run (run.NotRun),
//     an exchange failed at the transport level (no answer to judge), the
//     harness erred (evidence.Scenario.HarnessError, named with its feature
//     line), a step was undefined or pending, a scenario was skipped without a
//     stated reason, or nothing passed at all.
//   - CONFORMANT WITH WARNINGS: every must-level scenario that ran passed, and
//     some should-level ones failed: each is a Warning (what was expected,
//     what came back, why it is only a warning), counted in counts.warnings.
//   - CONFORMANT: otherwise — every scenario that ran passed. Scenarios skipped
//     with a stated reason (no fixture for the trigger, not applicable to the
//     target, an inconclusive answer) never count as passed; they are listed
//     under the verdict as not verified, with their reason.
//
// A run against the embedded mock is a rehearsal: Verdict.Rehearsal says so.
// A certify-client run (ClientSuite) is none: its subject is the partner's
// client, observed by the mock, and Verdict.Scope says what it certifies.
//
// # Redaction
//
// The primary guarantee is upstream: the secret never enters evidence (the
// signature is kept as sent, the string-to-sign only as its SHA-256). As a
// second line of defence every artifact is scrubbed of Options.Secrets in plain,
// hex and base64 forms: first inside the document's strings, where a
// replacement cannot break a file's syntax, then in each rendered file. A
// secret shorter than redact.MinSecretLength (8 bytes) is refused (redact.ErrShortSecret):
// it matches ordinary text, so it cannot be scrubbed without wrecking the
// report, and any signature in the report would give it away. A secret that
// matches the report's own syntax is refused with the file it would break.
// Account, identity and mobile numbers in evidence are masked to their last
// four characters in every artifact.
package report

import (
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"time"

	"github.com/tingee-conformance/harness/internal/baseline"
	"github.com/tingee-conformance/harness/internal/bundle"
	"github.com/tingee-conformance/harness/internal/credentials"
	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/internal/redact"
	"github.com/tingee-conformance/harness/spec"
)

// Options are what Write needs beyond the run itself. Partner, attester and
// environment come from run.Attestation.
type Options struct {
	// Provider names who publishes the API the run checked ("Tingee"), as
	// the report's title says it ("Tingee Open API conformance"): the
	// profile's Provider. Required.
	Provider string
	// ReplayNote goes with every curl line of the report: how to replay a
	// request whose signature expires (the profile's).
	ReplayNote string
	// SourceLegend says what each source word of the requirements table
	// means (the profile's vocabulary, e.g. "seed: the 6.2.2 page; doc; …");
	// empty: the table's lead names no sources.
	SourceLegend string
	// Spec gives the coverage matrix its operations and documented answers, and
	// the report the spec's title and version. Required.
	Spec *spec.Spec
	// OpenAPI and Features are the contract and the feature tree the run
	// used, hashed into the report. Required.
	OpenAPI  []byte
	Features fs.FS
	// SignKey (see bundle.LoadPrivateKey) signs manifest.json into manifest.sig;
	// nil means an unsigned bundle.
	SignKey ed25519.PrivateKey
	// Secrets are scrubbed from every artifact, in plain, hex and base64
	// forms; each must be empty or at least redact.MinSecretLength bytes.
	Secrets []credentials.Secret
	// Subset is the tag filter the user narrowed the run with (--tags); empty
	// for a run of the whole suite. It is shown with the verdict.
	Subset string
	// Tool names the harness build; nil means runtime/debug.ReadBuildInfo.
	Tool *Tool
	// Baseline (--baseline) waives the failures its live entries name; Today
	// dates its entries' expiry (zero: the run's end).
	Baseline *baseline.File
	Today    time.Time
}

// Files a bundle holds, in the order they are written.
const (
	FileJSON     = "report.json"
	FileHTML     = "report.html"
	FileJUnit    = "junit.xml"
	FileCucumber = "cucumber.json"
	FileSummary  = "summary.md"
)

// Write builds the report from run and writes the whole bundle into dir
// (created when missing).
func Write(dir string, run evidence.Run, opts Options) error {
	_, err := WriteDocument(dir, run, opts)
	return err
}

// WriteDocument is Write, returning the document the bundle was rendered from.
func WriteDocument(dir string, run evidence.Run, opts Options) (*Document, error) {
	doc, err := Build(run, opts)
	if err != nil {
		return nil, err
	}
	scrub, err := redact.New(opts.Secrets)
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	if doc, err = scrubbed(doc, scrub); err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	files, err := render(doc)
	if err != nil {
		return nil, err
	}
	for i := range files {
		if files[i].Data, err = scrub.File(files[i].Name, files[i].Data); err != nil {
			return nil, fmt.Errorf("report: %w", err)
		}
	}
	if err := bundle.Write(dir, files, opts.SignKey); err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	return doc, nil
}

// render writes every artifact; the bundle adds the manifest.
func render(doc *Document) ([]bundle.File, error) {
	renderers := []struct {
		name string
		fn   func(*Document) ([]byte, error)
	}{
		{FileJSON, renderJSON},
		{FileHTML, renderHTML},
		{FileJUnit, renderJUnit},
		{FileCucumber, renderCucumber},
		{FileSummary, renderSummary},
	}
	out := make([]bundle.File, 0, len(renderers))
	for _, r := range renderers {
		data, err := r.fn(doc)
		if err != nil {
			return nil, fmt.Errorf("report: %s: %w", r.name, err)
		}
		out = append(out, bundle.File{Name: r.name, Data: data})
	}
	return out, nil
}

// check refuses options missing what every report needs.
func (o Options) check() error {
	switch {
	case o.Provider == "":
		return errors.New("report: no API named (Options.Provider)")
	case o.Spec == nil || o.OpenAPI == nil:
		return errors.New("report: no contract (Options.Spec and Options.OpenAPI)")
	case o.Features == nil:
		return errors.New("report: no features (Options.Features)")
	}
	return nil
}

// scrubbed returns a copy of doc with every string (map keys included)
// scrubbed, before rendering: no artifact, nor an encoding of one such as
// cucumber.json's base64 embeddings, can then carry a secret that reached the
// evidence.
func scrubbed(doc *Document, scrub redact.Scrubber) (*Document, error) {
	raw, err := json.Marshal(doc) // a deep copy: the run's slices stay untouched
	if err != nil {
		return nil, err
	}
	var out Document
	if err := json.Unmarshal(raw, &out); err != nil {
		return nil, err
	}
	out.Provider, out.ReplayNote, out.SuccessCode, out.SourceLegend = doc.Provider, doc.ReplayNote, doc.SuccessCode, doc.SourceLegend // not in report.json, so not in the copy
	scrub.Strings(&out)
	return &out, nil
}
