package webhook

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/profiles/tingee/auth"
	"github.com/tingee-conformance/harness/profiles/tingee/signing"
)

var testSecret = []byte(auth.MockSecret)

// check runs the suite against h with a short ack deadline.
func check(t *testing.T, h http.Handler, deadline time.Duration) Result {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	res, err := Check(context.Background(), Config{
		URL: srv.URL + "/webhook", ClientID: auth.MockClientID, Secret: testSecret, AckDeadline: deadline,
	})
	require.NoError(t, err)
	return res
}

// failures maps each failed rule to the error of its failing step.
func failures(res Result) map[string]string {
	out := map[string]string{}
	for _, s := range res.Run.Scenarios {
		for _, st := range s.Steps {
			if st.Status == evidence.Failed {
				out[ruleOf(s)] = st.Error
			}
		}
	}
	return out
}

func TestReferenceReceiverPasses(t *testing.T) {
	res := check(t, reference(), time.Second)
	assert.Empty(t, failures(res))
	assert.False(t, res.Unreachable)
	require.Len(t, res.Run.Scenarios, 11)
	for _, s := range res.Run.Scenarios {
		assert.Equal(t, evidence.Passed, s.Status, s.Name)
		assert.Regexp(t, `^features/webhook-receiver\.feature:\d+$`, s.URI)
		assert.Contains(t, []string{evidence.LevelMust, evidence.LevelShould}, s.Level(), s.Name)
		assert.NotEmpty(t, s.Source(), s.Name)
	}
	assert.Equal(t, Suite, res.Run.Suite)
	assert.Equal(t, "A partner's webhook receiver", res.Run.Scenarios[0].Feature)
}

func TestEvidenceHoldsTheExchangesAndNoSecret(t *testing.T) {
	res := check(t, reference(), time.Second)
	first := res.Run.Scenarios[0].Steps[1] // When it is delivered signed over its raw bytes
	require.Len(t, first.Exchanges, 1)
	ex := first.Exchanges[0]
	assert.Equal(t, 200, ex.Status)
	assert.Len(t, ex.StringToSignSHA256, 64)
	assert.NoError(t, signing.CheckSignature(testSecret, ex.RequestHeader.Get(signing.HeaderTimestamp), ex.RequestBody, ex.RequestHeader.Get(signing.HeaderSignature)))
	all, err := json.Marshal(res.Run)
	require.NoError(t, err)
	assert.NotContains(t, string(all), string(testSecret))
}

func TestTheSameNotificationIsSentAgainUnchanged(t *testing.T) {
	res := check(t, reference(), time.Second)
	repeat := res.Run.Scenarios[1]
	first, again := repeat.Steps[1].Exchanges[0], repeat.Steps[3].Exchanges[0]
	assert.Equal(t, first.RequestBody, again.RequestBody)
	assert.Contains(t, string(again.ResponseBody), "Already processed")
}

func TestVietnameseContentIsSentUnescaped(t *testing.T) {
	res := check(t, reference(), time.Second)
	body := string(res.Run.Scenarios[9].Steps[1].Exchanges[0].RequestBody)
	assert.Contains(t, body, `"content":"Thanh toán đơn hàng 12/2025"`)
}

func TestBrokenReceiversFailTheRuleTheyBreak(t *testing.T) {
	tests := []struct {
		name     string
		receiver http.Handler
		deadline time.Duration
		broken   map[string]string // rule → part of its message
	}{
		{"accepts unsigned", acceptsUnsigned(), time.Second, map[string]string{
			"TG-WH-04": `must not be acknowledged as success`,
			"TG-WH-05": `must not be acknowledged as success`,
			"TG-WH-06": `must not be acknowledged as success`,
			"TG-WH-07": `must not be acknowledged as success`,
			"TG-WH-08": `must not be acknowledged as success`,
		}},
		{"verifies a Go re-encoding", reserialising(goEncode), time.Second, map[string]string{
			"TG-WH-11": `signature is checked over the bytes received`,
		}},
		{"verifies a PHP re-encoding", reserialising(phpEncode), time.Second, map[string]string{
			"TG-WH-10": `Vietnamese text and "/" in content are verified as sent`,
			"TG-WH-11": `signature is checked over the bytes received`,
		}},
		{"no idempotency", noIdempotency(), time.Second, map[string]string{
			"TG-WH-02": `want HTTP 200 with {"code":"00"} or {"code":"02"} within 1s; got HTTP 500`,
		}},
		{"slow ack", slowAck(400 * time.Millisecond), 200 * time.Millisecond, map[string]string{
			"TG-WH-01": `within 200ms; got no answer`,
			"TG-WH-02": `within 200ms; got no answer`,
			"TG-WH-03": `want HTTP 200 within 200ms; got no answer`,
			"TG-WH-09": `within 200ms; got no answer`,
			"TG-WH-10": `within 200ms; got no answer`,
			"TG-WH-11": `within 200ms; got no answer`,
		}},
		{"hangs up on bad JSON", hangsUpOnBadJSON(), time.Second, map[string]string{
			"TG-WH-09": `want an answer (any HTTP status)`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := failures(check(t, tt.receiver, tt.deadline))
			assert.ElementsMatch(t, keys(tt.broken), keys(got), "rules broken")
			for rule, part := range tt.broken {
				assert.True(t, strings.HasPrefix(got[rule], rule+" ("), "message names the rule: %q", got[rule])
				assert.Contains(t, got[rule], part)
			}
		})
	}
}

func keys(m map[string]string) []string {
	out := []string{}
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestAnUnreachableReceiverIsReportedAsSuch(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	url := "http://" + l.Addr().String() + "/webhook"
	l.Close() // nobody listens there now
	res, err := Check(context.Background(), Config{URL: url, ClientID: "c", Secret: testSecret, AckDeadline: time.Second})
	require.NoError(t, err)
	assert.True(t, res.Unreachable)
	assert.Equal(t, 11, res.Failed())
}

func TestCheckNeedsAURLAndASecret(t *testing.T) {
	_, err := Check(context.Background(), Config{URL: "http://127.0.0.1:1"})
	assert.ErrorContains(t, err, "a URL and a secret are required")
}

func TestAReceiverThatCrashesOnBadJSONBreaksARuleAndIsNotUnreachable(t *testing.T) {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if !json.Valid(body) {
			srv.Listener.Close() // the process dies: nobody listens any more
			panic(http.ErrAbortHandler)
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		reference().ServeHTTP(w, r)
	}))
	defer srv.Close()
	res, err := Check(context.Background(), Config{URL: srv.URL, ClientID: "c", Secret: testSecret, AckDeadline: time.Second, Tags: "@TG-WH-01,@TG-WH-09"})
	require.NoError(t, err)
	assert.False(t, res.Unreachable, "it answered before it went down")
	got := failures(res)
	assert.Equal(t, []string{"TG-WH-09"}, keys(got))
	assert.Contains(t, got["TG-WH-09"], "want an answer")
}

func TestAnInterruptedCheckListsWhatDidNotRun(t *testing.T) {
	srv := httptest.NewServer(reference())
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res, err := Check(ctx, Config{URL: srv.URL, ClientID: "c", Secret: testSecret})
	require.NoError(t, err)
	assert.True(t, res.Run.Interrupted)
	assert.Empty(t, failures(res), "no failure is blamed on the receiver")
	assert.Len(t, res.Run.NotRun, 11)
	assert.Empty(t, res.Run.Scenarios)
}

// Failed counts (for the tests) the scenarios that did not pass, should-level warnings aside.
func (r Result) Failed() int {
	n := 0
	for _, s := range r.Run.Scenarios {
		if s.Status != evidence.Passed && !s.Warned() {
			n++
		}
	}
	return n
}
