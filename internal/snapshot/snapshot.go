// Package snapshot reads from a report bundle (a directory holding
// report.json, or the report.json itself) what diff and history compare:
// verdict, contract and features hashes, requirements with their level,
// warnings, drift, the answers seen and latency per operation. It reads any
// API profile's report.json by field name alone and tolerates missing
// fields: a requirement without a level is a must, a report without a
// latency section has it computed from its exchanges.
package snapshot

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/tingee-conformance/harness/internal/baseline"
	"github.com/tingee-conformance/harness/internal/latency"
)

// ReportFile is the file a bundle directory is read from.
const ReportFile = "report.json"

// Levels of a requirement (issue 10's report.json names).
const (
	LevelMust   = "must"
	LevelShould = "should"
)

// Requirement results report.json writes (package report): Failed for a
// must-level failure, Warning for a should-level one; Passed; the rest
// (skipped, undefined, pending) say the requirement was not judged.
const (
	Failed  = "failed"
	Warning = "warning"
	Passed  = "passed"
)

// Snapshot is one run, as compared.
type Snapshot struct {
	Path           string              `json:"path"`
	RunID          string              `json:"runId"`
	Start          time.Time           `json:"start"`
	Environment    string              `json:"environment,omitempty"`
	Verdict        string              `json:"verdict"`
	Subset         string              `json:"subset,omitempty"` // what narrowed the run (--tags, paths); empty for the whole suite
	OpenAPISHA256  string              `json:"openapiSha256"`
	FeaturesSHA256 string              `json:"featuresSha256"`
	Baseline       string              `json:"baseline,omitempty"` // SHA-256 of the known deviations used, if any
	Expired        []string            `json:"expired,omitempty"`  // known-deviation entries that had expired
	Requirements   []Requirement       `json:"requirements"`
	Drift          []Drift             `json:"drift"`
	Answers        map[string]Answers  `json:"answers"` // per operation
	Latency        []latency.Operation `json:"latency"`
}

// Requirement is one requirement's outcome.
type Requirement struct {
	ID        string `json:"id"`
	Level     string `json:"level"` // must | should
	Statement string `json:"statement,omitempty"`
	Result    string `json:"result"`
	Passed    int    `json:"passed"`
	Total     int    `json:"total"`
	Waived    bool   `json:"waived,omitempty"` // failing, but covered by a live known-deviation entry
}

// Failing says whether the requirement failed, at must level or (a warning) at should level.
func (r Requirement) Failing() bool { return r.Result == Failed || r.Result == Warning }

// Checked says whether the run judged the requirement: it passed or failed.
func (r Requirement) Checked() bool { return r.Result == Passed || r.Failing() }

// Drift is one undocumented thing the target sent.
type Drift struct {
	Operation string `json:"operation"`
	Pointer   string `json:"pointer"`
	Got       string `json:"got,omitempty"`
	Expected  string `json:"expected,omitempty"`
}

// Answers counts answers by "HTTP status" or "HTTP status · code".
type Answers map[string]int

// raw is report.json as far as a snapshot reads it.
type raw struct {
	Run struct {
		ID    string    `json:"id"`
		Start time.Time `json:"start"`
	} `json:"run"`
	Target struct {
		Environment string `json:"environment"`
	} `json:"target"`
	Spec struct {
		OpenAPISHA256  string `json:"openapiSha256"`
		FeaturesSHA256 string `json:"featuresSha256"`
	} `json:"spec"`
	Verdict struct {
		Result   string `json:"result"`
		Subset   string `json:"subset"`
		Baseline *struct {
			SHA256 string `json:"sha256"`
		} `json:"baseline"`
	} `json:"verdict"`
	Baseline *struct {
		Entries []struct {
			Requirement string `json:"requirement"`
			Scenario    string `json:"scenario"`
			Status      string `json:"status"`
		} `json:"entries"`
	} `json:"baseline"`
	Requirements []Requirement       `json:"requirements"`
	Drift        []Drift             `json:"drift"`
	Latency      []latency.Operation `json:"latency"`
	Scenarios    []struct {
		Steps []struct {
			Exchanges []struct {
				Operation      string  `json:"operation"`
				Status         int     `json:"status"`
				ResponseBody   string  `json:"responseBody"`
				DurationMS     float64 `json:"durationMs"`
				TransportError string  `json:"transportError"`
			} `json:"exchanges"`
		} `json:"steps"`
	} `json:"scenarios"`
}

// noOperation names the answers of exchanges that routed to no operation.
const noOperation = "requests to no operation (unknown paths, wrong methods)"

// olderNoOperation is the latency row that reports written before
// review-13-14 N12 kept for requests to no operation; it is left out.
const olderNoOperation = "(no operation)"

// Load reads the bundle at path: a directory holding report.json, or a report.json file.
func Load(path string) (*Snapshot, error) {
	file := path
	if info, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("%s: %w", path, notFound(err))
	} else if info.IsDir() {
		file = filepath.Join(path, ReportFile)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, notFound(err))
	}
	var r raw
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, fmt.Errorf("%s: not a report.json: %w", file, err)
	}
	if r.Verdict.Result == "" || r.Run.ID == "" {
		return nil, fmt.Errorf("%s: not a report.json (no run id or verdict)", file)
	}
	s := &Snapshot{Path: path, RunID: r.Run.ID, Start: r.Run.Start, Environment: r.Target.Environment,
		Verdict: r.Verdict.Result, Subset: r.Verdict.Subset, OpenAPISHA256: r.Spec.OpenAPISHA256, FeaturesSHA256: r.Spec.FeaturesSHA256,
		Requirements: r.Requirements, Drift: r.Drift, Latency: r.Latency, Answers: map[string]Answers{}}
	if r.Verdict.Baseline != nil {
		s.Baseline = r.Verdict.Baseline.SHA256
	}
	if r.Baseline != nil {
		for _, e := range r.Baseline.Entries {
			if e.Status == baseline.Expired {
				s.Expired = append(s.Expired, e.Requirement+e.Scenario) // an entry names one of the two
			}
		}
	}
	if s.Requirements == nil {
		s.Requirements = []Requirement{}
	}
	if s.Drift == nil {
		s.Drift = []Drift{}
	}
	for i := range s.Requirements {
		if s.Requirements[i].Level == "" {
			s.Requirements[i].Level = LevelMust
		}
	}
	samples := latency.Samples{}
	for _, sc := range r.Scenarios {
		for _, st := range sc.Steps {
			for _, x := range st.Exchanges {
				if x.TransportError != "" || x.Status == 0 {
					continue
				}
				op := x.Operation
				if op == "" {
					op = noOperation
				}
				if s.Answers[op] == nil {
					s.Answers[op] = Answers{}
				}
				s.Answers[op][answerKey(x.Status, x.ResponseBody)]++
				if x.Operation != "" { // no operation, no latency
					samples.Add(op, x.DurationMS)
				}
			}
		}
	}
	if s.Latency == nil { // a report from before latency was recorded
		s.Latency = samples.Summary()
	}
	s.Latency = slices.DeleteFunc(s.Latency, func(l latency.Operation) bool { return l.Operation == olderNoOperation })
	return s, nil
}

// LoadAll reads several bundles and sorts them by start time, oldest first.
// A bundle that cannot be read (truncated, not a report.json of this
// harness) is left out and its error returned in skipped, so that one bad
// night does not hide the others.
func LoadAll(paths []string) (runs []*Snapshot, skipped []error) {
	runs = make([]*Snapshot, 0, len(paths))
	for _, p := range paths {
		s, err := Load(p)
		if err != nil {
			skipped = append(skipped, err)
			continue
		}
		runs = append(runs, s)
	}
	sort.SliceStable(runs, func(a, b int) bool { return runs[a].Start.Before(runs[b].Start) })
	return runs, skipped
}

// Requirement finds a requirement by id.
func (s *Snapshot) Requirement(id string) (Requirement, bool) {
	for _, r := range s.Requirements {
		if r.ID == id {
			return r, true
		}
	}
	return Requirement{}, false
}

// LatencyOf finds an operation's latency.
func (s *Snapshot) LatencyOf(op string) (latency.Operation, bool) {
	for _, l := range s.Latency {
		if l.Operation == op {
			return l, true
		}
	}
	return latency.Operation{}, false
}

// answerKey names an answer "HTTP 200 · 00" when its JSON body has a code, else "HTTP 404".
func answerKey(status int, body string) string {
	key := "HTTP " + strconv.Itoa(status)
	var env struct {
		Code json.RawMessage `json:"code"`
	}
	if json.Unmarshal([]byte(body), &env) != nil || len(env.Code) == 0 {
		return key
	}
	var code string
	if json.Unmarshal(env.Code, &code) != nil {
		code = string(env.Code)
	}
	return key + " · " + code
}

func notFound(err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("no %s there", ReportFile)
	}
	return err
}

// Key identifies a drift across runs: operation, pointer and what came — for
// a header its name alone, since its value (often a request id) changes every time.
func (d Drift) Key() string {
	if strings.HasPrefix(d.Pointer, "/header/") {
		return d.Operation + " " + d.Pointer
	}
	return d.Operation + " " + d.Pointer + " = " + d.Got
}

// Answer says whether the drift is an undocumented answer: a status or an envelope code.
func (d Drift) Answer() bool {
	return d.Pointer == "/status" || d.Pointer == "/code"
}
