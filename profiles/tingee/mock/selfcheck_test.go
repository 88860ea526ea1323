package mock

import (
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tingee-conformance/harness/profiles/tingee/contract"
)

// An answer with findings is logged every time it is sent, and a clean answer remembered under the
// same request does not hide a different, broken body.
func TestSelfCheckNeverRemembersABrokenAnswer(t *testing.T) {
	sp, err := contract.Load()
	require.NoError(t, err)
	var log strings.Builder
	broken := false
	h := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		if broken {
			write(w, result{http.StatusOK, envelope{contract.CodeSuccess, "Success", "not an object"}})
			return
		}
		write(w, business(errConfirmIDNotFound))
	})
	checked := selfCheck(h, sp, &log)
	for range 2 {
		send(t, checked, req{path: "/v1/confirm-va", body: confirmBody})
	}
	assert.Empty(t, log.String(), "the business failure is inside the spec")
	broken = true
	for range 2 {
		send(t, checked, req{path: "/v1/confirm-va", body: confirmBody})
	}
	assert.Equal(t, 2, strings.Count(log.String(), "self-check: POST /v1/confirm-va → 200: confirmVa /data"), log.String())
}

func TestCleanAnswersKeysOnEverythingTheVerdictDependsOn(t *testing.T) {
	var c cleanAnswers
	k := answerKey{"POST", "/v1/confirm-va", 200, "application/json; charset=utf-8"}
	body := []byte(`{"code":"1001","message":"confirmId not found","data":null}`)
	assert.False(t, c.has(k, body))
	c.add(k, body)
	assert.True(t, c.has(k, body))
	for _, other := range []answerKey{
		{"GET", k.uri, k.status, k.contentType},
		{k.method, "/v1/confirm-delete-va", k.status, k.contentType},
		{k.method, k.uri, 400, k.contentType},
		{k.method, k.uri, k.status, "text/plain"},
	} {
		assert.False(t, c.has(other, body), "%+v", other)
	}
	assert.False(t, c.has(k, append(body, ' ')))
}

func TestCleanAnswersStartAfreshPastTheirBudget(t *testing.T) {
	var c cleanAnswers
	k := answerKey{"GET", "/v1/get-banks", 200, "application/json"}
	first := []byte("[1]")
	c.add(k, first)
	c.add(k, make([]byte, maxCleanBytes))
	assert.False(t, c.has(k, first), "the budget was passed, so what was remembered is forgotten")
	assert.True(t, c.has(k, make([]byte, maxCleanBytes)))
}

// Parallel requests share the remembered verdicts and the pooled recorders safely (run with -race).
func TestSelfCheckUnderParallelRequests(t *testing.T) {
	var log lockedBuilder
	h := newMock(t, func(c *Config) { c.SelfCheck = true; c.Log = &log })
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 20 {
				if a := send(t, h, req{method: http.MethodGet, path: "/v1/get-banks"}); a.Status != 200 {
					t.Errorf("get-banks: %d %s", a.Status, a.Raw)
				}
				if a := send(t, h, req{path: "/v1/confirm-va", body: confirmBody}); a.code() != "1001" {
					t.Errorf("confirm-va: %s", a.Raw)
				}
			}
		})
	}
	wg.Wait()
	assert.Empty(t, log.String())
}

// lockedBuilder is a strings.Builder safe for parallel writers.
type lockedBuilder struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuilder) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuilder) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
