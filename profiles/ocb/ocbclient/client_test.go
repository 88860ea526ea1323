package ocbclient

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	ocbclient "github.com/tingee-conformance/harness/profiles/ocb/client"
	"github.com/tingee-conformance/harness/profiles/ocb/contract"
	"github.com/tingee-conformance/harness/profiles/ocb/mock"
	"github.com/tingee-conformance/harness/profiles/ocb/packages"
	"github.com/tingee-conformance/harness/profiles/ocb/testkeys"
)

// probe calls one package's probe operation through the generated client; it returns the status, the
// decoded 200 answer and the decoded 417 error (nil when the answer was not one).
type probe func(ctx context.Context, c *ClientWithResponses, body Request, sign RequestEditorFn) (int, *Answer, *ErrorAnswer, error)

// answer is what every generated probe answer offers.
type answer interface {
	StatusCode() int
	GetJSON200() *Answer
	GetJSON417() *BackendError
}

// generated adapts one generated operation, whose headers params are left to the signer, to a probe.
func generated[P, B any, R answer](op func(*ClientWithResponses, context.Context, *P, B, ...RequestEditorFn) (R, error), body func(Request) B) probe {
	return func(ctx context.Context, c *ClientWithResponses, req Request, sign RequestEditorFn) (int, *Answer, *ErrorAnswer, error) {
		r, err := op(c, ctx, new(P), body(req), sign)
		if err != nil {
			return 0, nil, nil, err
		}
		return r.StatusCode(), r.GetJSON200(), r.GetJSON417(), nil
	}
}

func asIs(r Request) Request { return r }

// accountsBody is the accounts probe's envelope in accounts/details' own request type.
func accountsBody(r Request) AccountsDetailsRequest {
	var req AccountsDetailsRequest
	req.Trace = r.Trace
	for _, n := range r.Data["accountNumbers"].([]any) {
		req.Data.AccountNumbers = append(req.Data.AccountNumbers, n.(string))
	}
	return req
}

// probes are the generated operations of the five packages [seed step 7], by package id.
var probes = map[string]probe{
	"accounts": generated((*ClientWithResponses).AccountsDetailsWithResponse, accountsBody),
	"transfer": generated((*ClientWithResponses).TransferProbeWithResponse, asIs),
	"payment":  generated((*ClientWithResponses).PaymentProbeWithResponse, asIs),
	"saving":   generated((*ClientWithResponses).SavingProbeWithResponse, asIs),
	"utility":  generated((*ClientWithResponses).UtilityProbeWithResponse, asIs),
}

// tokenFromMock starts the OCB mock (its embedded fixtures) and gets an access token for its test app
// through the generated client: the form-encoded password grant [obs].
func tokenFromMock(t *testing.T) (*ClientWithResponses, string) {
	t.Helper()
	srv := httptest.NewServer(mock.New(mock.Config{}))
	t.Cleanup(srv.Close)
	c, err := NewClientWithResponses(srv.URL)
	require.NoError(t, err)
	app := mock.TestApp()
	scope := "OCB"
	tok, err := c.TokenWithFormdataBodyWithResponse(context.Background(), TokenRequest{
		GrantType: Password, ClientId: app.ClientID, ClientSecret: app.ClientSecret,
		Username: app.Users[0].Username, Password: app.Users[0].Password, Scope: &scope,
	})
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, tok.StatusCode(), string(tok.Body))
	require.NotNil(t, tok.JSON200, string(tok.Body))
	require.NotEmpty(t, tok.JSON200.AccessToken)
	return c, tok.JSON200.AccessToken
}

// envelope is a probe's {trace, data} body: a fresh clientTransId and yyyyMMddHHmmssSSS [obs].
func envelope(p packages.Package) Request {
	return Request{Trace: RequestTrace{ClientTransId: ocbclient.NewTransID(), ClientTimestamp: ocbclient.Timestamp(time.Now())}, Data: p.Data}
}

// Each package's probe, signed through the request-editor hook, reaches the mock's backend: HTTP 200,
// the answer envelope decoded into the generated Answer, clientTransId echoed and a bankRefNo [obs].
// The mock verifies X-Signature with Go's crypto/rsa against the test app's registered certificate.
func TestEachPackageProbeThroughTheGeneratedClient(t *testing.T) {
	c, token := tokenFromMock(t)
	app := mock.TestApp()
	sign := Signer(app.ClientID, app.ClientSecret, token, testkeys.AppKey(), testkeys.AppCert())
	for _, p := range packages.Default() {
		t.Run(p.ID, func(t *testing.T) {
			call, ok := probes[p.ID]
			require.True(t, ok, "no generated operation for package %s", p.ID)
			body := envelope(p)
			status, answer, _, err := call(context.Background(), c, body, sign)
			require.NoError(t, err)
			require.Equal(t, http.StatusOK, status)
			require.NotNil(t, answer)
			assert.Equal(t, body.Trace.ClientTransId, answer.Trace.ClientTransId)
			assert.NotEmpty(t, answer.Trace.BankRefNo)
		})
	}
	assert.Len(t, probes, len(packages.Default()), "one generated operation per package")
}

// The hook is what makes the mock accept the calls: signed with a key that is not the test app's, each
// probe is refused with the backend's 417 INVALID_SIGNATURE [obs: 417 errors; the mock's code].
func TestAnotherKeyIsRefused(t *testing.T) {
	c, token := tokenFromMock(t)
	app := mock.TestApp()
	sign := Signer(app.ClientID, app.ClientSecret, token, testkeys.OtherKey(), testkeys.AppCert())
	for _, p := range packages.Default() {
		status, _, refused, err := probes[p.ID](context.Background(), c, envelope(p), sign)
		require.NoError(t, err)
		require.Equal(t, http.StatusExpectationFailed, status, p.ID)
		require.NotNil(t, refused, p.ID)
		assert.Equal(t, "INVALID_SIGNATURE", refused.Error.Code, p.ID)
	}
}

// go generate records the SHA-256 of the contract it generated from: when the OCB contract changes,
// this fails until `go generate ./profiles/ocb/ocbclient` is run again.
func TestGeneratedClientIsFresh(t *testing.T) {
	recorded, err := os.ReadFile("openapi.yaml.sha256")
	require.NoError(t, err)
	sum := sha256.Sum256(contract.OpenAPI)
	assert.Equal(t, hex.EncodeToString(sum[:]), strings.TrimSpace(string(recorded)),
		"profiles/ocb/ocbclient/ocb.gen.go is stale: run go generate ./profiles/ocb/ocbclient")
}
