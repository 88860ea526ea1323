package report

import (
	"time"

	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/internal/latency"
)

// Format names the shape of report.json; it changes when a field changes meaning.
const Format = "tingee-conformance-report/1"

// Verdicts, as the package doc defines them. verdict.result is always one of
// these five strings; other tools (nightly diffs, history) rely on them.
const (
	Conformant             = "CONFORMANT"
	ConformantWithWarnings = "CONFORMANT WITH WARNINGS"
	NotConformant          = "NOT CONFORMANT"
	Incomplete             = "INCOMPLETE"
	CredentialsRejected    = "CREDENTIALS REJECTED"
)

// Results is every verdict.result, best first.
var Results = []string{Conformant, ConformantWithWarnings, NotConformant, Incomplete, CredentialsRejected}

// RequirementWarning is Requirement.Result for a should-level requirement
// whose scenario failed: a warning, not a break.
const RequirementWarning = "warning"

// Document is report.json: everything every other artifact is rendered from.
type Document struct {
	// Provider publishes the API the run checked ("Tingee"), for the
	// titles; report.json names the API through Spec.
	Provider string `json:"-"`
	// SuccessCode is the code of a success under the contract's answer
	// rules (spec.AnswerRules), for the client coverage's heading.
	SuccessCode string `json:"-"`
	// ReplayNote goes with every curl line (the profile's: the line is the
	// request as sent, and its signature expires).
	ReplayNote string `json:"-"`
	// SourceLegend says what the requirements' source words mean (the profile's).
	SourceLegend string               `json:"-"`
	Format       string               `json:"format"`
	Run          RunInfo              `json:"run"`
	Tool         Tool                 `json:"tool"`
	Spec         SpecInfo             `json:"spec"`
	Target       Target               `json:"target"`
	Attestation  evidence.Attestation `json:"attestation"`
	Verdict      Verdict              `json:"verdict"`
	Counts       Counts               `json:"counts"`
	Requirements []Requirement        `json:"requirements"`
	Coverage     Coverage             `json:"coverage"`
	Client       *ClientCoverage      `json:"clientCoverage,omitempty"` // certify-client: what the partner's client exercised
	Drift        []Drift              `json:"drift"`
	Latency      []latency.Operation  `json:"latency"`            // per operation, answered exchanges only
	Baseline     *BaselineInfo        `json:"baseline,omitempty"` // --baseline: known deviations and what became of them
	Scenarios    []Scenario           `json:"scenarios"`
}

// RunInfo identifies the run.
type RunInfo struct {
	ID          string    `json:"id"`
	Suite       string    `json:"suite"`
	Start       time.Time `json:"start"`
	End         time.Time `json:"end"`
	DurationMS  float64   `json:"durationMs"`
	Seed        int64     `json:"seed"`
	Tags        string    `json:"tags,omitempty"`
	ClockSkew   string    `json:"clockSkew"` // "+1.5s" (target ahead), or "not measured"
	ClockSkewMS *float64  `json:"clockSkewMs,omitempty"`
	Interrupted bool      `json:"interrupted"`
	NotRun      []string  `json:"notRun"`
}

// Tool is the harness build that produced the report.
type Tool struct {
	Module    string `json:"module"`
	Version   string `json:"version"`  // module version, or "unknown"
	Revision  string `json:"revision"` // VCS revision, or "unknown"
	Modified  bool   `json:"modified"` // built from a tree with uncommitted changes
	GoVersion string `json:"goVersion"`
}

// SpecInfo identifies the contract and the features the run was judged by.
type SpecInfo struct {
	Title          string `json:"title"`
	Version        string `json:"version"`
	OpenAPISHA256  string `json:"openapiSha256"`
	FeaturesSHA256 string `json:"featuresSha256"` // see hashFeatures
}

// Target is what was tested.
type Target struct {
	BaseURL     string `json:"baseUrl"`
	Environment string `json:"environment"`
	ClientID    string `json:"clientId"` // masked
}

// Verdict is the outcome and why.
type Verdict struct {
	Result      string   `json:"result"`
	Reasons     []string `json:"reasons"`
	NotVerified []string `json:"notVerified"` // skipped scenarios with their reason
	// Warnings are the should-level checks that failed: each says what was
	// expected, what came back and why it is only a warning.
	Warnings []Warning `json:"warnings"`
	// Rehearsal is set for a run against the mock: a rehearsal, not a certification.
	Rehearsal string `json:"rehearsal,omitempty"`
	// Scope is set for a certify-client run: what it certifies (the partner's client) and what not.
	Scope string `json:"scope,omitempty"`
	// Subset is the user's --tags filter: set, the run covered only part of
	// the suite and is no certification of the whole (see Headline).
	Subset string `json:"subset,omitempty"`
	// Baseline names the known-deviations file the run was judged with (--baseline).
	Baseline *BaselineRef `json:"baseline,omitempty"`
}

// Warning is one failed should-level scenario.
type Warning struct {
	Requirement string `json:"requirement"`
	Scenario    string `json:"scenario"`
	URI         string `json:"uri"`
	Source      string `json:"source"`
	Expected    string `json:"expected"`
	Got         string `json:"got"`
	Why         string `json:"why"` // why it is only a warning (the scenario's "Only a warning:" line)
}

// Tally counts results of one kind of item.
type Tally struct {
	Total     int `json:"total"`
	Passed    int `json:"passed"`
	Failed    int `json:"failed"`
	Warned    int `json:"warned,omitempty"` // failed at should level: warnings, not failures
	Waived    int `json:"waived,omitempty"` // of Failed, those a known deviation waived (--baseline)
	Skipped   int `json:"skipped"`
	Undefined int `json:"undefined"`
	Pending   int `json:"pending"`
	NotRun    int `json:"notRun"`
}

// Counts sums up the run.
type Counts struct {
	Scenarios       Tally `json:"scenarios"`
	Steps           Tally `json:"steps"`
	Exchanges       int   `json:"exchanges"`
	TransportErrors int   `json:"transportErrors"`
	Findings        int   `json:"findings"`
	Drift           int   `json:"drift"`
	Flaky           int   `json:"flaky,omitempty"` // scenarios that passed only when run again
	Warnings        int   `json:"warnings"`        // failed should-level scenarios
}

// Requirement is one requirement tag and how its scenarios fared.
type Requirement struct {
	ID        string   `json:"id"`     // TG-SIG-01, or "(untagged)"
	DocRef    string   `json:"docRef"` // from the @doc-… tag
	Level     string   `json:"level"`  // "must" (a failure breaks the contract) or "should" (a failure warns)
	Source    string   `json:"source"` // seed, doc, live, sdk or unconfirmed (the @src-… tag)
	Statement string   `json:"statement"`
	Result    string   `json:"result"` // a scenario status, or "warning" for a failed should`
	Passed    int      `json:"passed"`
	Total     int      `json:"total"`
	Scenarios []string `json:"scenarios"`        // URIs
	Waived    bool     `json:"waived,omitempty"` // failed, and every failure is a known deviation (--baseline)
}

// Coverage is the error-catalogue matrix: operation × documented answer.
type Coverage struct {
	Columns []Column      `json:"columns"`
	Rows    []CoverageRow `json:"rows"`
	Note    string        `json:"note,omitempty"` // why there is no matrix
}

// Column is one kind of answer: an HTTP status, or HTTP 200 with a given code.
type Column struct {
	Key   string `json:"key"` // "200/00", "200/business", "200/90", "200/97", "400", …
	Label string `json:"label"`
}

// CoverageRow is one operation.
type CoverageRow struct {
	Operation string `json:"operation"`
	DocRef    string `json:"docRef,omitempty"`
	Cells     []Cell `json:"cells"` // one per column, same order
}

// Cell says whether the spec documents an answer and whether the run saw it.
type Cell struct {
	Column     string `json:"column"` // its Column.Key
	Documented bool   `json:"documented"`
	Exercised  int    `json:"exercised"`
	Passed     int    `json:"passed"`
	Failed     int    `json:"failed"`
}

// Drift is something the target did that the spec does not document.
type Drift struct {
	Operation string `json:"operation"`
	Pointer   string `json:"pointer"`
	Expected  string `json:"expected"`
	Got       string `json:"got,omitempty"`
	DocRef    string `json:"docRef,omitempty"`
	Count     int    `json:"count"`
	FirstSeen string `json:"firstSeen"` // scenario URI
}

// Scenario is a scenario as evidence, masked.
type Scenario struct {
	Feature      string   `json:"feature"`
	Name         string   `json:"name"`
	URI          string   `json:"uri"`
	Tags         []string `json:"tags"`
	Status       string   `json:"status"`
	SkipReason   string   `json:"skipReason,omitempty"`
	DurationMS   float64  `json:"durationMs"`
	Observations []string `json:"observations,omitempty"`
	Warning      string   `json:"warning,omitempty"`      // why a failure here is only a warning
	HarnessError string   `json:"harnessError,omitempty"` // the harness's own mistake that ended it
	Steps        []Step   `json:"steps"`
	Waived       string   `json:"waived,omitempty"` // failed: the known deviation's reference that waives it
	Flaky        bool     `json:"flaky,omitempty"`  // failed, then passed when run again (--rerun-failed)
	// Attempts are the earlier runs of a scenario run again, oldest first; the scenario is the last.
	Attempts []Scenario `json:"attempts,omitempty"`
}

// evidence is the scenario's level, source and outcome as evidence judges them.
func (s Scenario) evidence() evidence.Scenario {
	return evidence.Scenario{Tags: s.Tags, Status: s.Status, HarnessError: s.HarnessError}
}

// Step is a step as evidence, masked.
type Step struct {
	Keyword    string     `json:"keyword,omitempty"`
	Text       string     `json:"text"`
	Status     string     `json:"status"`
	Error      string     `json:"error,omitempty"`
	DurationMS float64    `json:"durationMs"`
	Exchanges  []Exchange `json:"exchanges,omitempty"`
}

// Exchange is one request and its answer, masked, bodies as text.
type Exchange struct {
	Operation          string              `json:"operation,omitempty"`
	Method             string              `json:"method"`
	URL                string              `json:"url"`
	RequestHeader      map[string][]string `json:"requestHeader"`
	RequestBody        string              `json:"requestBody"`
	StringToSignSHA256 string              `json:"stringToSignSha256,omitempty"`
	Status             int                 `json:"status,omitempty"`
	ResponseHeader     map[string][]string `json:"responseHeader,omitempty"`
	ResponseBody       string              `json:"responseBody,omitempty"`
	DurationMS         float64             `json:"durationMs"`
	Findings           []evidence.Finding  `json:"findings,omitempty"`
	TransportError     string              `json:"transportError,omitempty"`
	Retries            int                 `json:"retries,omitempty"`
	Curl               string              `json:"curl,omitempty"`
}

// ms turns a duration into milliseconds, rounded to the microsecond.
func ms(d time.Duration) float64 {
	return float64(d.Microseconds()) / 1000
}
