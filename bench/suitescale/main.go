// Command suitescale measures how the conformance run grows with the spec: it
// runs the @validation scenarios (negative data generated from the spec)
// in-process against a spec whose request schemas hold --scale times the
// fields of openapi.yaml, and writes the report bundle, as `conformance run`
// does. bench/suite runs it at scale 1 and 10 under /usr/bin/time.
//
//	go run ./bench/suitescale --scale 10
//
// The target is a stand-in that validates each request against the same
// scaled spec and answers the documented 400 naming every finding: the real
// mock validates against the embedded openapi.yaml only, so it cannot serve a
// scaled spec. Signatures are not checked by the stand-in.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"sync/atomic"
	"time"

	harness "github.com/tingee-conformance/harness"
	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/internal/report"
	"github.com/tingee-conformance/harness/internal/runner"
	"github.com/tingee-conformance/harness/profiles/tingee/auth"
	"github.com/tingee-conformance/harness/profiles/tingee/contract"
	"github.com/tingee-conformance/harness/profiles/tingee/hmacsign"
	"github.com/tingee-conformance/harness/profiles/tingee/suite"
	"github.com/tingee-conformance/harness/spec"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("suitescale", flag.ContinueOnError)
	fs.SetOutput(stderr)
	scale := fs.Int("scale", 1, "times the request fields of openapi.yaml (1 is openapi.yaml itself)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *scale < 1 || *scale > 100 || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "suitescale: --scale must be between 1 and 100, and nothing else is taken")
		return 2
	}
	start := time.Now()
	doc, fields, err := scaleSpec(harness.OpenAPI, *scale)
	if err != nil {
		fmt.Fprintf(stderr, "suitescale: %v\n", err)
		return 2
	}
	sp, err := spec.Parse(doc, contract.Rules)
	if err != nil {
		fmt.Fprintf(stderr, "suitescale: scaled spec: %v\n", err)
		return 2
	}
	target := httptest.NewServer(standIn(sp))
	defer target.Close()
	var requests atomic.Int64
	transport := countingTransport{next: http.DefaultTransport, n: &requests}
	result, code := runner.Run(context.Background(), runner.Options{
		BaseURL: target.URL, Environment: runner.EnvURL, Signer: hmacsign.Signer{Credentials: auth.Mock()}, ClientID: auth.MockClientID, Suite: suite.API(nil, nil), Features: harness.Features,
		Spec: sp, Tags: "@validation", Seed: 1, Timeout: 10 * time.Second, HTTP: &http.Client{Transport: transport},
	})
	dir, err := os.MkdirTemp("", "suitescale-report-")
	if err != nil {
		fmt.Fprintf(stderr, "suitescale: %v\n", err)
		return 2
	}
	defer os.RemoveAll(dir)
	if err := report.Write(dir, result, report.Options{Provider: "Tingee", Spec: sp, OpenAPI: doc, Features: harness.Features}); err != nil {
		fmt.Fprintf(stderr, "suitescale: report: %v\n", err)
		return 2
	}
	elapsed := time.Since(start)
	passed, failed := tally(result.Scenarios)
	fmt.Fprintf(stdout, "scale %d: %d request fields, %d scenarios (%d passed, %d failed), %d requests, %.3fs in-process, %.1f µs/request, exit %d\n",
		*scale, fields, len(result.Scenarios), passed, failed, requests.Load(), elapsed.Seconds(),
		float64(elapsed.Microseconds())/float64(max(requests.Load(), 1)), code)
	return code
}

type countingTransport struct {
	next http.RoundTripper
	n    *atomic.Int64
}

func (t countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	t.n.Add(1)
	return t.next.RoundTrip(r)
}

func tally(scenarios []evidence.Scenario) (passed, failed int) {
	for _, s := range scenarios {
		switch s.Status {
		case evidence.Passed:
			passed++
		case evidence.Failed:
			failed++
		}
	}
	return passed, failed
}
