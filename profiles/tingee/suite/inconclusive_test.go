package suite_test

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/tingee-conformance/harness/internal/evidence"
)

// TestAGatewayAnswerIsInconclusive: a status the operation does not document
// and a gateway or rate limiter gives (here 429) makes the scenario
// inconclusive — skipped, with the answer — not a contract break (notes,
// "Levels and sources"); any other undocumented status still breaks it.
func TestAGatewayAnswerIsInconclusive(t *testing.T) {
	limited := func(status int) func(http.Handler) http.Handler {
		return func(next http.Handler) http.Handler {
			return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if strings.HasSuffix(r.URL.Path, "/transaction/get-paging") {
					w.Header().Set("Content-Type", "text/plain")
					w.WriteHeader(status)
					io.WriteString(w, "slow down")
					return
				}
				next.ServeHTTP(w, r)
			})
		}
	}
	f := mockFixtures(t)
	res, _ := runSuite(t, nil, mockServer(t, f, limited(http.StatusTooManyRequests)).URL, "@TG-SIG-01", 1, f)
	if failed := res.byStatus(evidence.Failed); len(failed) > 0 {
		t.Fatalf("a 429 failed %s: %s", failed[0].Name, failures(failed[0]))
	}
	var inconclusive int
	for _, s := range res.byStatus(evidence.Skipped) {
		if strings.Contains(s.SkipReason, "inconclusive") && strings.Contains(s.SkipReason, "HTTP 429") && strings.Contains(s.SkipReason, "slow down") {
			inconclusive++
		}
	}
	if inconclusive != 1 {
		t.Errorf("%d inconclusive scenarios, want the getTransactionPaging row", inconclusive)
	}
	res, _ = runSuite(t, nil, mockServer(t, f, limited(http.StatusTeapot)).URL, "@TG-SIG-01", 1, f)
	if len(res.byStatus(evidence.Failed)) != 1 {
		t.Errorf("an undocumented 418 is not inconclusive: want the row failed")
	}
}
