package snapshot

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The report package's golden report.json is the format this package reads:
// reading it pins the field names to what the harness writes.
const golden = "../report/testdata/golden/report.json"

func TestLoadReadsTheReportsOwnFormat(t *testing.T) {
	s, err := Load(golden)
	if err != nil {
		t.Fatal(err)
	}
	if s.RunID == "" || s.Verdict == "" || len(s.OpenAPISHA256) != 64 || len(s.FeaturesSHA256) != 64 {
		t.Errorf("identity not read: %+v", s)
	}
	if len(s.Requirements) == 0 || len(s.Latency) == 0 || len(s.Answers) == 0 {
		t.Fatalf("requirements, latency or answers not read: %+v", s)
	}
	for _, r := range s.Requirements {
		if r.Level != LevelMust && r.Level != LevelShould {
			t.Errorf("requirement %s has level %q, want must or should (missing means must)", r.ID, r.Level)
		}
	}
	// The golden run's getBanks answered twice, in 5 and 20 ms (report's syntheticRun).
	l, ok := s.LatencyOf("getBanks")
	if !ok || l.Count != 2 || l.P50MS != 5 || l.P95MS != 20 {
		t.Errorf("getBanks latency = %+v, want 2 answers, p50 5, p95 20", l)
	}
}

func TestLoadComputesLatencyForAnOlderReport(t *testing.T) {
	dir := t.TempDir()
	report := `{"run":{"id":"r1","start":"2026-11-30T02:00:00Z"},"verdict":{"result":"CONFORMANT"},
	"requirements":[{"id":"TG-SIG-01","result":"passed"}],
	"scenarios":[{"steps":[{"exchanges":[
	  {"operation":"getBanks","status":200,"responseBody":"{\"code\":\"00\"}","durationMs":12},
	  {"operation":"getBanks","status":200,"responseBody":"{\"code\":\"97\"}","durationMs":30},
	  {"operation":"getBanks","transportError":"reset","durationMs":999},
	  {"status":404,"responseBody":"not found","durationMs":3}]}]}]}`
	if err := os.WriteFile(filepath.Join(dir, ReportFile), []byte(report), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Load(dir) // a bundle directory
	if err != nil {
		t.Fatal(err)
	}
	if r, _ := s.Requirement("TG-SIG-01"); r.Level != LevelMust {
		t.Errorf("a requirement without a level has level %q, want must", r.Level)
	}
	l, _ := s.LatencyOf("getBanks")
	if l.Count != 2 || l.MaxMS != 30 { // the transport error has no latency
		t.Errorf("getBanks latency = %+v, want 2 answers, max 30", l)
	}
	if got := s.Answers["getBanks"]; got["HTTP 200 · 00"] != 1 || got["HTTP 200 · 97"] != 1 {
		t.Errorf("getBanks answers = %v", got)
	}
	if got := s.Answers[noOperation]["HTTP 404"]; got != 1 {
		t.Errorf("(no operation) answers = %v", s.Answers[noOperation])
	}
	if l, found := s.LatencyOf(noOperation); found { // review-13-14 N12: no operation, no latency row
		t.Errorf("requests to no operation have a latency row: %+v", l)
	}
	if !strings.Contains(noOperation, "unknown paths") {
		t.Errorf("the diff names requests to no operation %q, not what they are", noOperation)
	}
}

// TestLoadDropsAnOlderReportsNoOperationLatency: a report written before
// review-13-14 N12 holds a "(no operation)" latency row; it is no operation's
// latency and is left out.
func TestLoadDropsAnOlderReportsNoOperationLatency(t *testing.T) {
	dir := t.TempDir()
	report := `{"run":{"id":"r1","start":"2026-11-30T02:00:00Z"},"verdict":{"result":"CONFORMANT"},
	"latency":[{"operation":"(no operation)","count":1},{"operation":"getBanks","count":2}]}`
	if err := os.WriteFile(filepath.Join(dir, ReportFile), []byte(report), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Latency) != 1 || s.Latency[0].Operation != "getBanks" {
		t.Errorf("latency = %+v, want getBanks only", s.Latency)
	}
}

func TestLoadRefusesWhatIsNotAReport(t *testing.T) {
	dir := t.TempDir()
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "no report.json") {
		t.Errorf("empty dir: err = %v, want no report.json there", err)
	}
	bad := filepath.Join(dir, "x.json")
	os.WriteFile(bad, []byte(`{"hello":1}`), 0o644)
	if _, err := Load(bad); err == nil || !strings.Contains(err.Error(), "not a report.json") {
		t.Errorf("other JSON: err = %v, want not a report.json", err)
	}
}

func TestDriftKeyIgnoresHeaderValues(t *testing.T) {
	a := Drift{Operation: "getBanks", Pointer: "/header/X-Request-Id", Got: "abc"}
	b := Drift{Operation: "getBanks", Pointer: "/header/X-Request-Id", Got: "def"}
	c := Drift{Operation: "getBanks", Pointer: "/status", Got: "HTTP 418"}
	d := Drift{Operation: "getBanks", Pointer: "/status", Got: "HTTP 429"}
	if a.Key() != b.Key() || c.Key() == d.Key() {
		t.Errorf("keys: %q %q %q %q", a.Key(), b.Key(), c.Key(), d.Key())
	}
	if a.Answer() || !c.Answer() {
		t.Error("only /status and /code drift are answers")
	}
}

func TestFindBundlesAtAnyDepth(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"night-1/conformance-report", "night-2/conformance-report", "empty"} {
		os.MkdirAll(filepath.Join(root, d), 0o755)
	}
	for _, d := range []string{"night-1/conformance-report", "night-2/conformance-report"} {
		os.WriteFile(filepath.Join(root, d, ReportFile), []byte("{}"), 0o644)
	}
	got, err := Find([]string{root})
	if err != nil || len(got) != 2 {
		t.Errorf("Find = %v, %v; want the two bundles", got, err)
	}
	if _, err := Find([]string{filepath.Join(root, "empty")}); err == nil {
		t.Error("a directory without a bundle is not an error")
	}
}

func TestLoadReadsExpiredDeviations(t *testing.T) {
	file := filepath.Join(t.TempDir(), ReportFile)
	os.WriteFile(file, []byte(`{"run":{"id":"r"},"verdict":{"result":"NOT CONFORMANT","baseline":{"file":"k.yaml","sha256":"ab"}},
	"baseline":{"entries":[{"requirement":"TG-SIG-03","status":"expired"},{"scenario":"features/x.feature:3","status":"waived"}]}}`), 0o644)
	s, err := Load(file)
	if err != nil || s.Baseline != "ab" || len(s.Expired) != 1 || s.Expired[0] != "TG-SIG-03" {
		t.Errorf("Load = %+v, %v; want baseline ab, TG-SIG-03 expired", s, err)
	}
}
