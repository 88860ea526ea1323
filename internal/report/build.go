package report

import (
	"fmt"
	"time"

	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/spec"
)

// APISuite is evidence.Run.Suite for a run against Tingee's API; only such a
// run gets an error-catalogue matrix.
const APISuite = "api"

// ClientSuite is evidence.Run.Suite for conformance certify-client: its
// exchanges are a partner client's requests to the mock, so instead of the
// error catalogue and the drift (the mock's answers are the harness's own) it
// gets a client coverage: operations and lifecycles exercised.
const ClientSuite = "partner-client"

// Build turns a run into the report document every artifact is rendered from.
// Evidence is masked here, so no renderer sees an unmasked number.
func Build(run evidence.Run, opts Options) (*Document, error) {
	s := opts.Spec
	if s == nil {
		var err error
		if s, err = spec.Load(); err != nil {
			return nil, fmt.Errorf("report: load spec: %w", err)
		}
	}
	featuresSum, err := hashFeatures(opts.features())
	if err != nil {
		return nil, fmt.Errorf("report: hash features: %w", err)
	}
	tool := BuildTool()
	if opts.Tool != nil {
		tool = *opts.Tool
	}
	scenarios := maskScenarios(run.Scenarios)
	attachAttempts(scenarios, run.Scenarios)
	j := judge(run, scenarios, opts)
	ops := s.Operations()
	cov, drifts := coverage(ops, scenarios), drift(ops, scenarios)
	var client *ClientCoverage
	if run.Suite != "" && run.Suite != APISuite {
		cov = Coverage{Columns: []Column{}, Rows: []CoverageRow{},
			Note: "The error catalogue is Tingee's API's; the " + run.Suite + " suite checks the partner's side instead."}
	}
	if run.Suite == ClientSuite {
		client, drifts = clientCoverage(ops, scenarios), []Drift{}
	}
	doc := &Document{
		Format:       Format,
		Run:          runInfo(run),
		Tool:         tool,
		Spec:         specInfo(s, opts.openAPI(), featuresSum),
		Target:       Target{BaseURL: run.Target, Environment: run.Environment, ClientID: run.ClientIDMasked},
		Attestation:  run.Attestation,
		Verdict:      j.Verdict,
		Counts:       count(run),
		Requirements: requirements(scenarios),
		Coverage:     cov,
		Client:       client,
		Drift:        drifts,
		Latency:      latencies(scenarios),
		Scenarios:    scenarios,
	}
	doc.Counts.Drift = len(doc.Drift)
	j.bl.annotate(doc)
	attemptReasons(doc)
	return doc, nil
}

func runInfo(run evidence.Run) RunInfo {
	info := RunInfo{
		ID:          run.ID,
		Suite:       run.Suite,
		Start:       run.Start,
		End:         run.End,
		DurationMS:  ms(run.End.Sub(run.Start)),
		Seed:        run.Seed,
		Tags:        run.Tags,
		ClockSkew:   "not measured",
		Interrupted: run.Interrupted,
		NotRun:      append([]string{}, run.NotRun...),
	}
	if run.ClockSkew != nil {
		v := ms(*run.ClockSkew)
		info.ClockSkewMS = &v
		info.ClockSkew = describeSkew(*run.ClockSkew)
	}
	return info
}

// describeSkew says which clock is ahead; the Date header has one-second resolution.
func describeSkew(d time.Duration) string {
	switch {
	case d > 0:
		return fmt.Sprintf("+%s (target ahead of the harness)", d.Round(time.Millisecond))
	case d < 0:
		return fmt.Sprintf("%s (target behind the harness)", d.Round(time.Millisecond))
	}
	return "0s (clocks agree to the second)"
}

func specInfo(s *spec.Spec, openAPI []byte, featuresSum string) SpecInfo {
	info := SpecInfo{OpenAPISHA256: sha256Hex(openAPI), FeaturesSHA256: featuresSum}
	if s.Doc != nil && s.Doc.Info != nil {
		info.Title, info.Version = s.Doc.Info.Title, s.Doc.Info.Version
	}
	return info
}
