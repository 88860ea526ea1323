package suite_test

import (
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/tingee-conformance/harness/internal/evidence"
)

// answerTransactionPaging answers transaction/get-paging with status and
// body, and leaves every other call to the mock.
func answerTransactionPaging(status int, contentType, body string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if strings.HasSuffix(r.URL.Path, "/transaction/get-paging") {
				w.Header().Set("Content-Type", contentType)
				w.WriteHeader(status)
				io.WriteString(w, body)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// TestAnUndocumentedStatusIsInconclusive: an answer with a status the
// operation does not document makes the scenario inconclusive — skipped,
// listed with the answer — not a contract break, whatever the status (issue 10
// §3; docs/levels-and-sources.md): a gateway's 429 and a 418 error body alike.
func TestAnUndocumentedStatusIsInconclusive(t *testing.T) {
	f := mockFixtures(t)
	for _, c := range []struct {
		status      int
		contentType string
		body        string
	}{
		{http.StatusTooManyRequests, "text/plain", "slow down"},
		{http.StatusTeapot, "application/json", `{"message":"I'm a teapot","error":"Teapot","statusCode":418}`},
	} {
		res, _ := runSuite(t, nil, mockServer(t, f, answerTransactionPaging(c.status, c.contentType, c.body)).URL, "@TG-SIG-01", 1, f)
		if failed := res.byStatus(evidence.Failed); len(failed) > 0 {
			t.Errorf("HTTP %d failed %s: %s", c.status, failed[0].Name, failures(failed[0]))
		}
		var inconclusive int
		for _, s := range res.byStatus(evidence.Skipped) {
			if strings.Contains(s.SkipReason, "inconclusive") && strings.Contains(s.SkipReason, "HTTP "+strconv.Itoa(c.status)) && strings.Contains(s.SkipReason, c.body) {
				inconclusive++
			}
		}
		if inconclusive != 1 {
			t.Errorf("HTTP %d: %d inconclusive scenarios, want the getTransactionPaging row, listed with the answer", c.status, inconclusive)
		}
	}
}

// TestASuccessWithAnotherStatusBreaksTheContract: an answer that claims
// success (code "00") with a status the operation does not document is no
// inconclusive one: a success is HTTP 200 [doc] (notes, "Answers").
func TestASuccessWithAnotherStatusBreaksTheContract(t *testing.T) {
	f := mockFixtures(t)
	success := `{"code":"00","message":"Success","data":{"totalCount":0,"items":[]}}`
	res, _ := runSuite(t, nil, mockServer(t, f, answerTransactionPaging(http.StatusCreated, "application/json", success)).URL, "@TG-SIG-01", 1, f)
	failed := res.byStatus(evidence.Failed)
	if len(failed) != 1 {
		t.Fatalf("%d failed scenarios, want the getTransactionPaging row", len(failed))
	}
	if msg := failures(failed[0]); !strings.Contains(msg, "expected HTTP 200") || !strings.Contains(msg, "got HTTP 201") {
		t.Errorf("the failure does not say a success is HTTP 200: %s", msg)
	}
}
