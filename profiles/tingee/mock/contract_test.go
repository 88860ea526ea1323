package mock

import (
	"bytes"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	harness "github.com/tingee-conformance/harness"
	"github.com/tingee-conformance/harness/profiles/tingee/auth"
	"github.com/tingee-conformance/harness/profiles/tingee/contract"
	"github.com/tingee-conformance/harness/spec"
)

// TestRoutesMatchTheSpec: the mock serves every operation of openapi.yaml, at its method and path.
func TestRoutesMatchTheSpec(t *testing.T) {
	sp, err := contract.Load()
	require.NoError(t, err)
	var want, got []string
	for _, op := range sp.Operations() {
		want = append(want, op.ID+" "+op.Method+" "+op.Path)
	}
	for _, op := range operations {
		got = append(got, op.id+" "+op.method+" "+op.path)
	}
	slices.Sort(want)
	slices.Sort(got)
	assert.Equal(t, want, got)
}

// TestBusinessCodesAreInTheFixtures: every code the mock answers is listed, with its meaning.
func TestBusinessCodesAreInTheFixtures(t *testing.T) {
	f, err := defaultFixtures()
	require.NoError(t, err)
	listed := map[string]bool{}
	for code := range f.BusinessCodes {
		listed[code] = true
	}
	for _, c := range businessCodes {
		assert.True(t, listed[c.code], "code %s (%s) missing from %s", c.code, c.message, FixturesPath)
		assert.True(t, c.code >= "1001" && c.code <= "1076", c.code)
		delete(listed, c.code)
	}
	assert.Empty(t, listed, "codes listed in the fixtures that the mock never answers")
}

// TestSpecIsTheBackstopOfValidation: a request the rules accept but openapi.yaml refuses is a 400
// naming the field. Shown with a contract narrowed to maxResultCount ≤ 50.
func TestSpecIsTheBackstopOfValidation(t *testing.T) {
	narrowed := bytes.Replace(harness.OpenAPI, []byte("        maxResultCount:\n          type: integer\n          minimum: 1"),
		[]byte("        maxResultCount:\n          type: integer\n          minimum: 1\n          maximum: 50"), 1)
	require.NotEqual(t, harness.OpenAPI, narrowed, "openapi.yaml changed: update this test's edit")
	contract, err := spec.Parse(narrowed, contract.Rules)
	require.NoError(t, err)
	pair := auth.Mock()
	s, err := newServer(Config{ClientID: pair.ClientID, Secret: pair.Secret, Now: func() time.Time { return testNow }}, contract)
	require.NoError(t, err)
	a := send(t, s, req{path: "/v1/get-va-paging", body: `{"skipCount":0,"maxResultCount":60}`})
	assert.Equal(t, 400, a.Status)
	assert.Contains(t, a.JSON["message"], "maxResultCount")
}

// TestSelfCheckLogsFindings: the self-check middleware logs an answer that breaks the contract, and
// nothing for a good one.
func TestSelfCheckLogsFindings(t *testing.T) {
	sp, err := contract.Load()
	require.NoError(t, err)
	var log strings.Builder
	bad := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		write(w, result{http.StatusUnauthorized, httpError{"Unauthorized.", "Unauthorized", 403}})
	})
	send(t, selfCheck(bad, sp, &log), req{path: "/v1/confirm-va", body: confirmBody})
	assert.Contains(t, log.String(), "self-check: POST /v1/confirm-va → 401")
	assert.Contains(t, log.String(), "/statusCode")

	log.Reset()
	h := newMock(t, func(c *Config) { c.SelfCheck = true; c.Log = &log })
	linkVA(t, h, "970448", "0123456789", "123456")
	send(t, h, req{path: "/v1/confirm-va", body: confirmBody})
	send(t, h, req{path: "/v1/nope"})
	assert.Empty(t, log.String())
}

func TestNewRefusesBadConfig(t *testing.T) {
	_, err := New(Config{})
	assert.ErrorContains(t, err, "client id and a secret")
	f, err := defaultFixtures()
	require.NoError(t, err)
	f.Accounts[0].OTP = "prompt"
	_, err = New(Config{ClientID: "c", Secret: []byte("s"), Fixtures: f})
	assert.ErrorContains(t, err, "otp fixed:DIGITS")
}
