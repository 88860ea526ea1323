package main

import (
	"context"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	harness "github.com/tingee-conformance/harness"
	"github.com/tingee-conformance/harness/internal/runner"
	"github.com/tingee-conformance/harness/profiles/tingee/auth"
	"github.com/tingee-conformance/harness/profiles/tingee/contract"
	"github.com/tingee-conformance/harness/profiles/tingee/fixtures"
	"github.com/tingee-conformance/harness/profiles/tingee/hmacsign"
	"github.com/tingee-conformance/harness/profiles/tingee/mock"
	"github.com/tingee-conformance/harness/profiles/tingee/suite"
)

// BenchmarkVaLifecycleScenarios runs the whole-life VA scenarios (@TG-LINK-01:
// create → confirm → listed → delete → confirm delete, in both confirm-va
// forms, so 2 scenarios and their answers validated) through the runner
// against the mock in-process on loopback; one op is one run of both.
func BenchmarkVaLifecycleScenarios(b *testing.B) {
	pair := auth.Mock()
	h, err := mock.New(mock.Config{ClientID: pair.ClientID, Secret: pair.Secret, Control: true})
	if err != nil {
		b.Fatal(err)
	}
	target := httptest.NewServer(h)
	defer target.Close()
	data, err := harness.Features.ReadFile(mock.FixturesPath)
	if err != nil {
		b.Fatal(err)
	}
	fx, err := fixtures.Parse(data)
	if err != nil {
		b.Fatal(err)
	}
	sp, err := contract.Load()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		run, code := runner.Run(context.Background(), runner.Options{
			BaseURL: target.URL, Environment: runner.EnvMock, Signer: hmacsign.Signer{Credentials: pair}, ClientID: pair.ClientID,
			Suite: suite.API(fx, &suite.OTPResolver{Getenv: os.Getenv}), Spec: sp, Features: harness.Features,
			Tags: "@TG-LINK-01", Seed: 1, Timeout: 10 * time.Second,
		})
		if passed, _ := tally(run.Scenarios); code != runner.ExitOK || passed != 2 {
			b.Fatalf("exit %d, %d of %d scenarios passed", code, passed, len(run.Scenarios))
		}
	}
}
