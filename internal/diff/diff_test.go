package diff

import (
	"strings"
	"testing"
	"time"

	"github.com/tingee-conformance/harness/internal/latency"
	"github.com/tingee-conformance/harness/internal/snapshot"
)

// The rules asserted here are README "Running nightly": a regression is a must-level requirement newly
// failing or a new undocumented status/code (or an expired known deviation); a contract or
// features hash change is called out first.

// night is a run with the given requirements; everything else equal between nights.
func night(id string, reqs ...snapshot.Requirement) *snapshot.Snapshot {
	return &snapshot.Snapshot{Path: id, RunID: id, Start: time.Date(2026, 11, 30, 2, 0, 0, 0, time.UTC), Verdict: "CONFORMANT",
		OpenAPISHA256: strings.Repeat("a", 64), FeaturesSHA256: strings.Repeat("f", 64),
		Requirements: reqs, Drift: []snapshot.Drift{}, Answers: map[string]snapshot.Answers{}}
}

func req(id, level, result string) snapshot.Requirement {
	return snapshot.Requirement{ID: id, Level: level, Result: result}
}

func TestMustLevelNewlyFailingIsARegression(t *testing.T) {
	old := night("old", req("TG-SIG-01", "must", "passed"), req("TG-ERR-04", "must", "failed"))
	new := night("new", req("TG-SIG-01", "must", "failed"), req("TG-ERR-04", "must", "passed"))
	r := Compare(old, new)
	if !r.Regressed() || len(r.Regressions) != 1 || !strings.Contains(r.Regressions[0], "TG-SIG-01") {
		t.Errorf("regressions = %q, want TG-SIG-01 newly failing", r.Regressions)
	}
	if len(r.NewlyFailing) != 1 || r.NewlyFailing[0].Old != "passed" || len(r.NewlyPassing) != 1 || r.NewlyPassing[0].ID != "TG-ERR-04" {
		t.Errorf("pass→fail %+v, fail→pass %+v", r.NewlyFailing, r.NewlyPassing)
	}
}

func TestStillFailingIsNoRegression(t *testing.T) {
	r := Compare(night("old", req("TG-SIG-01", "must", "failed")), night("new", req("TG-SIG-01", "must", "failed")))
	if r.Regressed() || len(r.NewlyFailing) != 0 {
		t.Errorf("a failure already there last night: regressions %q, newly failing %+v", r.Regressions, r.NewlyFailing)
	}
}

func TestShouldLevelFailureIsANewWarningNotARegression(t *testing.T) {
	old := night("old", req("TG-HDR-01", "should", "passed"), req("TG-HDR-02", "should", "failed"))
	new := night("new", req("TG-HDR-01", "should", "failed"), req("TG-HDR-02", "should", "passed"))
	r := Compare(old, new)
	if r.Regressed() {
		t.Errorf("a should-level failure regressed the run: %q", r.Regressions)
	}
	if len(r.NewWarnings) != 1 || r.NewWarnings[0].ID != "TG-HDR-01" || len(r.GoneWarnings) != 1 || r.GoneWarnings[0].ID != "TG-HDR-02" {
		t.Errorf("new warnings %+v, gone warnings %+v", r.NewWarnings, r.GoneWarnings)
	}
}

func TestMissingLevelCountsAsMust(t *testing.T) {
	// snapshot.Load fills the level; a requirement read without one is a must.
	r := Compare(night("old", req("TG-SIG-01", snapshot.LevelMust, "passed")), night("new", req("TG-SIG-01", snapshot.LevelMust, "failed")))
	if !r.Regressed() {
		t.Error("a must requirement newly failing did not regress the run")
	}
}

func TestWaivedFailureIsAWarningNotARegression(t *testing.T) {
	waived := req("TG-SIG-01", "must", "failed")
	waived.Waived = true
	r := Compare(night("old", req("TG-SIG-01", "must", "passed")), night("new", waived))
	if r.Regressed() || len(r.NewlyFailing) != 1 || !r.NewlyFailing[0].Waived || len(r.NewWarnings) != 1 {
		t.Errorf("waived: regressions %q, newly failing %+v, new warnings %+v", r.Regressions, r.NewlyFailing, r.NewWarnings)
	}
	// The waiver gone (expired, removed) while the failure stays: a regression.
	r = Compare(night("old", waived), night("new", req("TG-SIG-01", "must", "failed")))
	if !r.Regressed() {
		t.Error("a failure no longer waived did not regress the run")
	}
}

func TestNewUndocumentedAnswerIsARegressionOtherDriftIsNot(t *testing.T) {
	old, new := night("old"), night("new")
	old.Drift = []snapshot.Drift{{Operation: "getBanks", Pointer: "/header/X-Trace", Got: "1"}, {Operation: "getBanks", Pointer: "/data/0/old", Got: "x"}}
	new.Drift = []snapshot.Drift{{Operation: "getBanks", Pointer: "/header/X-Trace", Got: "2"}, {Operation: "getBanks", Pointer: "/header/X-New", Got: "y"}}
	r := Compare(old, new)
	if r.Regressed() || len(r.NewDrift) != 1 || r.NewDrift[0].Pointer != "/header/X-New" || len(r.GoneDrift) != 1 {
		t.Errorf("header drift: regressions %q, new %+v, gone %+v", r.Regressions, r.NewDrift, r.GoneDrift)
	}
	new.Drift = append(new.Drift, snapshot.Drift{Operation: "createVa", Pointer: "/status", Got: "HTTP 418"},
		snapshot.Drift{Operation: "createVa", Pointer: "/code", Got: "HTTP 200 with code 1099"})
	r = Compare(old, new)
	if len(r.Regressions) != 2 || !strings.Contains(r.Regressions[0], "HTTP 418") || !strings.Contains(r.Regressions[1], "1099") {
		t.Errorf("undocumented status and code: regressions %q", r.Regressions)
	}
}

func TestContractChangeIsCalledOutFirst(t *testing.T) {
	old, new := night("old"), night("new")
	new.OpenAPISHA256 = strings.Repeat("b", 64)
	r := Compare(old, new)
	if !r.ContractChanged || r.FeaturesChanged {
		t.Fatalf("contractChanged %v featuresChanged %v", r.ContractChanged, r.FeaturesChanged)
	}
	md := r.Markdown()
	i, j := strings.Index(md, "The contract changed"), strings.Index(md, "| run |")
	if i < 0 || j < 0 || i > j {
		t.Errorf("the contract change is not called out before the rest:\n%s", md)
	}
	if strings.Contains(Compare(old, night("same")).Markdown(), "changed**") {
		t.Error("equal hashes reported as a change")
	}
}

func TestOperationsSideBySide(t *testing.T) {
	old, new := night("old"), night("new")
	old.Answers["getBanks"] = snapshot.Answers{"HTTP 200 · 00": 3}
	new.Answers["getBanks"] = snapshot.Answers{"HTTP 200 · 00": 2, "HTTP 503": 1}
	old.Latency = []latency.Operation{{Operation: "getBanks", Count: 3, P50MS: 10, P95MS: 20, MaxMS: 20}}
	new.Latency = []latency.Operation{{Operation: "getBanks", Count: 2, P50MS: 15, P95MS: 40, MaxMS: 40}}
	r := Compare(old, new)
	if len(r.Operations) != 1 || len(r.Operations[0].Answers) != 2 || r.Operations[0].Old.P95MS != 20 || r.Operations[0].New.P95MS != 40 {
		t.Fatalf("operations = %+v", r.Operations)
	}
	md := r.Markdown()
	for _, want := range []string{"HTTP 200 · 00: 3 → 2; HTTP 503: 0 → 1", "10.0 → 15.0 ms", "20.0 → 40.0 ms"} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md)
		}
	}
}

func TestExpiredDeviationIsARegression(t *testing.T) {
	new := night("new")
	new.Expired = []string{"TG-SIG-03"}
	r := Compare(night("old"), new)
	if len(r.Regressions) != 1 || !strings.Contains(r.Regressions[0], "known deviation TG-SIG-03 expired") {
		t.Errorf("regressions = %q", r.Regressions)
	}
}

// Review of issues 13-14, S4: a requirement that failed (or passed) and is skipped or not run in the newer run
// was shown as fail → pass or not at all, under "✅ no regression"; it is listed as no longer checked.
func TestSkippedOrNotRunIsNoLongerCheckedNotAnImprovement(t *testing.T) {
	old := night("old", req("TG-LINK-01", "must", "failed"), req("TG-QR-02", "must", "passed"), req("TG-SIG-01", "must", "passed"))
	new := night("new", req("TG-LINK-01", "must", "skipped"), req("TG-SIG-01", "must", "passed"))
	r := Compare(old, new)
	if len(r.NewlyPassing) != 0 || len(r.NoLongerChecked) != 2 || r.NoLongerChecked[0].ID != "TG-LINK-01" || r.NoLongerChecked[0].New != "skipped" ||
		r.NoLongerChecked[1].ID != "TG-QR-02" || r.NoLongerChecked[1].New != absent {
		t.Errorf("newly passing %+v, no longer checked %+v", r.NewlyPassing, r.NoLongerChecked)
	}
	if md := r.Markdown(); !strings.Contains(md, "2 requirement(s) no longer checked") || !strings.Contains(md, "`TG-LINK-01` (must) failed → skipped") {
		t.Errorf("Markdown:\n%s", md)
	}
}
