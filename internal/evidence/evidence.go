// Package evidence is the record of a conformance run: every scenario, every
// step, and every HTTP exchange with the target, as the report is written
// from it. Nothing here ever holds a secret: the signature is kept as sent,
// what was signed only as its SHA-256.
package evidence

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"regexp"
	"strings"
	"time"
)

// Finding is one way an answer (or a request) departs from openapi.yaml.
type Finding struct {
	Operation string `json:"operation"`        // operationId, or "METHOD /path" when unknown
	Pointer   string `json:"pointer"`          // JSON pointer into the body, or "/status", "/header/Content-Type"
	Expected  string `json:"expected"`         // what the spec says
	Got       string `json:"got,omitempty"`    // what came, shortened
	DocRef    string `json:"docRef,omitempty"` // doc section of the operation, e.g. 6.2.2
	Drift     bool   `json:"drift,omitempty"`  // undocumented extra (field, code, header), not a break
}

// Exchange is one request sent to the target and what came back.
type Exchange struct {
	Operation          string        `json:"operation,omitempty"`
	Method             string        `json:"method"`
	URL                string        `json:"url"`
	RequestHeader      http.Header   `json:"requestHeader"`
	RequestBody        []byte        `json:"requestBody,omitempty"`
	StringToSignSHA256 string        `json:"stringToSignSha256,omitempty"`
	Status             int           `json:"status,omitempty"`
	ResponseHeader     http.Header   `json:"responseHeader,omitempty"`
	ResponseBody       []byte        `json:"responseBody,omitempty"`
	Duration           time.Duration `json:"duration"`
	Findings           []Finding     `json:"findings,omitempty"`
	TransportError     string        `json:"transportError,omitempty"`
	Retries            int           `json:"retries,omitempty"`
	Curl               string        `json:"curl,omitempty"`
}

// Step results, as godog names them.
const (
	Passed    = "passed"
	Failed    = "failed"
	Skipped   = "skipped"
	Undefined = "undefined"
	Pending   = "pending"
)

// Step is one Gherkin step and the exchanges it made.
type Step struct {
	Keyword   string        `json:"keyword,omitempty"` // "Given ", "When ", … as in the feature
	Text      string        `json:"text"`
	Status    string        `json:"status"`
	Error     string        `json:"error,omitempty"`
	Duration  time.Duration `json:"duration,omitempty"`
	Exchanges []Exchange    `json:"exchanges,omitempty"`
}

// Scenario is one scenario (or one example row of an outline).
type Scenario struct {
	Feature    string        `json:"feature"`
	Name       string        `json:"name"`
	URI        string        `json:"uri"` // features/signing.feature:12
	Tags       []string      `json:"tags"`
	Status     string        `json:"status"`
	SkipReason string        `json:"skipReason,omitempty"`
	Steps      []Step        `json:"steps"`
	Duration   time.Duration `json:"duration"`
	// Observations are noted facts that are not failures (e.g. upper-case hex accepted).
	Observations []string `json:"observations,omitempty"`
	// Attempts are the earlier runs of a scenario run again after failing
	// (--rerun-failed), oldest first; the scenario itself is the last attempt.
	Attempts []Scenario `json:"attempts,omitempty"`
	// Warning says why a failure of this (should-level) scenario is only a warning.
	Warning string `json:"warning,omitempty"`
	// HarnessError, when set, is the harness's own mistake that ended the
	// scenario (unknown operation, unbuildable request, fixture missing a
	// field): never the target's fault.
	HarnessError string `json:"harnessError,omitempty"`
}

// Levels of a requirement, from the scenario's @must / @should tag: a failed
// must breaks the contract, a failed should is a warning.
const (
	LevelMust   = "must"
	LevelShould = "should"
)

// Sources of a requirement, from the scenario's @src-… tag.
var Sources = []string{"seed", "doc", "live", "sdk", "unconfirmed"}

// Level is the scenario's level: "should" when tagged @should, else "must"
// (an untagged scenario is judged strictly; a test keeps every scenario tagged).
func (s Scenario) Level() string {
	for _, t := range s.Tags {
		if t == "@"+LevelShould {
			return LevelShould
		}
	}
	return LevelMust
}

// Source is the scenario's @src-… tag without the prefix, "" when it has none.
func (s Scenario) Source() string {
	for _, t := range s.Tags {
		if strings.HasPrefix(t, "@src-") {
			return t[len("@src-"):]
		}
	}
	return ""
}

// Warned tells whether the scenario failed at should level on an answer the
// target gave: a warning, not a break. A harness error, or a failure with no
// answer to judge (transport), is no warning.
func (s Scenario) Warned() bool {
	if s.Status != Failed || s.Level() != LevelShould || s.HarnessError != "" {
		return false
	}
	for _, st := range s.Steps {
		for _, x := range st.Exchanges {
			if x.TransportError != "" {
				return false
			}
		}
	}
	return true
}

// Flaky says whether the scenario failed, then passed when run again.
func (s Scenario) Flaky() bool { return s.Status == Passed && len(s.Attempts) > 0 }

// Requirement is the requirement the scenario checks: its first
// requirement tag (RequirementID) without the @, or "" when it has none.
func (s Scenario) Requirement() string {
	for _, t := range s.Tags {
		if id, ok := RequirementID(t); ok {
			return id
		}
	}
	return ""
}

// requirementTag is a requirement id: a profile's or suite's prefix, any
// middle parts, a number (@TG-SIG-01, @CC-HDR-02, @OCB-TOK-01, @PF-6-01).
var requirementTag = regexp.MustCompile(`^@?([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-[0-9]+)$`)

// RequirementID reads a tag as a requirement id, with or without its @: the
// one way every suite's tags (Tingee's @TG-…, certify-client's CC-…, OCB's
// @OCB-…) are read, by the evidence, the report and the plan.
func RequirementID(tag string) (string, bool) {
	m := requirementTag.FindStringSubmatch(tag)
	if m == nil {
		return "", false
	}
	return m[1], true
}

// Attestation is who vouches for a run, from --partner, --attested-by and --environment.
type Attestation struct {
	Partner     string `json:"partner,omitempty"`
	AttestedBy  string `json:"attestedBy,omitempty"`
	Environment string `json:"environment,omitempty"` // uat | production
}

// NewRunID names a run started at t: the second, UTC, and three random
// bytes, so that two runs in the same second never share a report folder.
func NewRunID(t time.Time) string {
	b := make([]byte, 3)
	rand.Read(b)
	return t.UTC().Format("20060102T150405Z") + "-" + hex.EncodeToString(b)
}

// Run is a whole conformance run, as the report is written from it.
type Run struct {
	ID             string         `json:"id"`
	Suite          string         `json:"suite"` // "api" (conformance run), "webhook-receiver", "partner-client", "preflight"
	Start          time.Time      `json:"start"`
	End            time.Time      `json:"end"`
	Target         string         `json:"target"`      // base URL
	Environment    string         `json:"environment"` // mock | uat | sandbox | live | url
	ClientIDMasked string         `json:"clientId"`
	Seed           int64          `json:"seed"`
	Tags           string         `json:"tags,omitempty"`
	ClockSkew      *time.Duration `json:"clockSkew,omitempty"` // target's Date header minus our clock
	Interrupted    bool           `json:"interrupted,omitempty"`
	NotRun         []string       `json:"notRun,omitempty"` // scenarios that did not run (interrupt, outage)
	Attestation    Attestation    `json:"attestation"`
	Scenarios      []Scenario     `json:"scenarios"`
	// CredentialsRejected, when set, says in one line that the credentials
	// probe before the suite was refused as a signature or client failure,
	// naming the credentials and what the target answered; no scenario ran.
	CredentialsRejected string `json:"credentialsRejected,omitempty"`
}
