package report

import (
	"fmt"
	"time"

	"github.com/tingee-conformance/harness/internal/bundle"
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
	if err := opts.check(); err != nil {
		return nil, err
	}
	s := opts.Spec
	featuresSum, err := hashFeatures(opts.Features)
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
	cov, drifts := coverage(s, scenarios), drift(s, scenarios)
	var client *ClientCoverage
	if run.Suite != "" && run.Suite != APISuite {
		cov = Coverage{Columns: []Column{}, Rows: []CoverageRow{},
			Note: "The error catalogue is " + opts.Provider + "'s API's; the " + run.Suite + " suite checks the partner's side instead."}
	}
	if run.Suite == ClientSuite {
		client, drifts = clientCoverage(s, scenarios), []Drift{}
	}
	doc := &Document{
		Format:       Format,
		Run:          runInfo(run),
		Tool:         tool,
		Provider:     opts.Provider,
		ReplayNote:   opts.ReplayNote,
		SourceLegend: opts.SourceLegend,
		SuccessCode:  s.Rules().SuccessCode,
		Spec:         specInfo(s, opts.OpenAPI, featuresSum),
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
	info := SpecInfo{OpenAPISHA256: bundle.SHA256(openAPI), FeaturesSHA256: featuresSum}
	if s.Doc != nil && s.Doc.Info != nil {
		info.Title, info.Version = s.Doc.Info.Title, s.Doc.Info.Version
	}
	return info
}
