// TestFeatures runs the whole Gherkin suite against the in-process mock:
// strict (undefined or pending steps fail), in random order with the seed
// printed, one subtest per scenario.
//
//	go test ./profiles/tingee/suite -run TestFeatures                       # the whole suite
//	go test ./profiles/tingee/suite -run TestFeatures -v                    # with one line per scenario
//	go test ./profiles/tingee/suite -run 'TestFeatures/a_correctly_signed'  # scenarios by name (spaces become _)
//	go test ./profiles/tingee/suite -run TestFeatures -godog.tags=@signing          # one feature, by its feature tag
//	go test ./profiles/tingee/suite -run TestFeatures -godog.tags=@TG-SIG-01        # one requirement
//	go test ./profiles/tingee/suite -run TestFeatures -godog.tags='@signing && ~@destructive'
//	go test ./profiles/tingee/suite -run TestFeatures -godog.random=42      # replay an order by its seed
package suite_test

import (
	"flag"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cucumber/godog"
	harness "github.com/tingee-conformance/harness"
	"github.com/tingee-conformance/harness/internal/client"
	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/profiles/tingee/auth"
	"github.com/tingee-conformance/harness/profiles/tingee/contract"
	"github.com/tingee-conformance/harness/profiles/tingee/fixtures"
	"github.com/tingee-conformance/harness/profiles/tingee/hmacsign"
	"github.com/tingee-conformance/harness/profiles/tingee/mock"
	"github.com/tingee-conformance/harness/profiles/tingee/suite"
	"github.com/tingee-conformance/harness/spec"
	"github.com/tingee-conformance/harness/steps"
)

var (
	tags = flag.String("godog.tags", "", "run only the scenarios matching this tag expression")
	seed = flag.Int64("godog.random", -1, "seed of the scenario order (-1: a new one, printed)")
)

// suiteResult is what one run of the suite recorded.
type suiteResult struct {
	mu      sync.Mutex
	results []steps.Result
}

func (s *suiteResult) record(r steps.Result) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.results = append(s.results, r)
}

// byStatus lists the scenarios of a status.
func (s *suiteResult) byStatus(status string) []evidence.Scenario {
	var out []evidence.Scenario
	for _, r := range s.results {
		if r.Scenario.Status == status {
			out = append(out, r.Scenario)
		}
	}
	return out
}

// mockFixtures is the embedded mock's fixtures file.
func mockFixtures(t testing.TB) *fixtures.File {
	t.Helper()
	data, err := harness.Features.ReadFile(mock.FixturesPath)
	if err != nil {
		t.Fatal(err)
	}
	f, err := fixtures.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// mockServer serves the mock with its test pair; wrap may break it on purpose.
func mockServer(t testing.TB, f *fixtures.File, wrap func(http.Handler) http.Handler) *httptest.Server {
	t.Helper()
	creds := auth.Mock()
	h, err := mock.New(mock.Config{ClientID: creds.ClientID, Secret: creds.Secret, Fixtures: f, Control: true})
	if err != nil {
		t.Fatal(err)
	}
	if wrap != nil {
		h = wrap(h)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// runSuite runs the features matching tagExpr against baseURL, with the
// embedded openapi.yaml. With tt set, each scenario is a subtest of tt and a
// failing scenario fails tt.
func runSuite(t testing.TB, tt *testing.T, baseURL, tagExpr string, order int64, f *fixtures.File) (*suiteResult, int) {
	t.Helper()
	sp, err := contract.Load()
	if err != nil {
		t.Fatal(err)
	}
	return runSuiteWith(t, tt, sp, baseURL, tagExpr, order, f)
}

// suitePaths is the path family runSuiteWith sends (spec.PathsDocs unless a test sets it).
var suitePaths = spec.PathsDocs

// runSuiteWith is runSuite with the steps reading sp instead of the embedded openapi.yaml.
func runSuiteWith(t testing.TB, tt *testing.T, sp *spec.Spec, baseURL, tagExpr string, order int64, f *fixtures.File) (*suiteResult, int) {
	t.Helper()
	locs, err := steps.Locate(harness.Features, "features")
	if err != nil {
		t.Fatal(err)
	}
	res := &suiteResult{}
	cfg := steps.Config{
		Spec: sp,
		NewClient: func() *client.Client {
			return &client.Client{BaseURL: baseURL, Signer: hmacsign.Signer{Credentials: auth.Mock()}, Timeout: 10 * time.Second, Spec: sp}
		},
		Locations: locs,
		Record:    res.record,
		Paths:     suitePaths,
	}
	api := suite.API(f, &suite.OTPResolver{Getenv: func(string) string { return "" }})
	ts := godog.TestSuite{
		Name:                "conformance",
		ScenarioInitializer: func(sc *godog.ScenarioContext) { api.Initialize(sc, cfg) },
		Options: &godog.Options{
			Format: "progress", Output: io.Discard, Strict: true, Randomize: order,
			FS: harness.Features, Paths: []string{"features"}, Tags: steps.TagFilter(tagExpr, api.Excluded), TestingT: tt,
		},
	}
	return res, ts.Run()
}

func TestFeatures(t *testing.T) {
	testFeatures(t)
}

// TestFeaturesOnSDKPaths runs the whole suite again on the official SDKs'
// path family, /v1/bank/<action> (notes, "Levels and sources"): the mock
// serves both with the same handlers, so every scenario must pass there too.
func TestFeaturesOnSDKPaths(t *testing.T) {
	suitePaths = spec.PathsSDK
	t.Cleanup(func() { suitePaths = spec.PathsDocs })
	res := testFeatures(t)
	sdk, docs := 0, 0
	for _, r := range res.results {
		for _, st := range r.Scenario.Steps {
			for _, x := range st.Exchanges {
				switch {
				case strings.Contains(x.URL, "/v1/bank/"):
					sdk++
				case strings.Contains(x.URL, "/v1/confirm-va"), strings.Contains(x.URL, "/v1/get-va-paging"):
					docs++
				}
			}
		}
	}
	if sdk == 0 || docs != 0 {
		t.Errorf("%d exchanges on /v1/bank/…, %d on the docs' bank-group paths: want all on the SDK family", sdk, docs)
	}
}

func testFeatures(t *testing.T) *suiteResult {
	order := *seed
	if order == -1 {
		order = time.Now().UnixNano()
	}
	t.Logf("scenario order seed %d (replay with -godog.random=%d)", order, order)
	f := mockFixtures(t)
	srv := mockServer(t, f, nil)
	res, status := runSuite(t, t, srv.URL, *tags, order, f)
	for _, s := range res.byStatus(evidence.Skipped) {
		t.Logf("SKIPPED %s (%s): %s", s.Name, s.URI, s.SkipReason)
	}
	if len(res.results) == 0 {
		t.Fatal("no scenario ran")
	}
	if status != 0 {
		t.Fatalf("the suite failed against the in-process mock (status %d)", status)
	}
	return res
}
