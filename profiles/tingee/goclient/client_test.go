package goclient

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	harness "github.com/tingee-conformance/harness"
	"github.com/tingee-conformance/harness/profiles/tingee/auth"
	"github.com/tingee-conformance/harness/profiles/tingee/mock"
)

// newClient starts the mock (its test pair, the embedded fixtures) and returns a generated
// client signing through its request-editor hook.
func newClient(t *testing.T, secret string) *ClientWithResponses {
	t.Helper()
	pair := auth.Mock()
	h, err := mock.New(mock.Config{ClientID: pair.ClientID, Secret: pair.Secret})
	require.NoError(t, err)
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	c, err := NewClientWithResponses(srv.URL, WithRequestEditorFn(Signer(pair.ClientID, []byte(secret), time.Now)))
	require.NoError(t, err)
	return c
}

// A VA's whole life through the generated client, on the fixtures' OCB account (OTP 123456):
// create-va, confirm-va in the newer docs' form, get-va-paging, delete-va, confirm-delete-va
// [doc 6.2.1, 6.2.2, 6.2.7, 6.2.5, 6.2.6]. Every answer is decoded into the generated types.
func TestVALifecycleThroughTheGeneratedClient(t *testing.T) {
	ctx := context.Background()
	c := newClient(t, auth.MockSecret)

	banks, err := c.GetBanksWithResponse(ctx)
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, banks.StatusCode(), string(banks.Body))
	list, err := banks.JSON200.AsGetBanksList()
	require.NoError(t, err)
	assert.NotEmpty(t, list)

	var create CreateVaRequest
	require.NoError(t, create.FromCreateVaRequest0(CreateVaRequest0{
		AccountType: PersonalAccount, BankBin: "970448", AccountNumber: ptr("0123456789"),
	}))
	created, err := c.CreateVaWithResponse(ctx, create)
	require.NoError(t, err)
	createOK := success[CreateVaSuccess](t, created.StatusCode(), created.Body)
	otpBank, err := createOK.Data.AsCreateVaData0()
	require.NoError(t, err)
	require.NotEmpty(t, otpBank.ConfirmId)

	var confirm ConfirmVaRequest
	require.NoError(t, confirm.FromConfirmVaRequest1(ConfirmVaRequest1{BankBin: "970448", ConfirmId: otpBank.ConfirmId, OtpNumber: ptr("123456")}))
	confirmed, err := c.ConfirmVaWithResponse(ctx, confirm)
	require.NoError(t, err)
	va := success[ConfirmVaSuccess](t, confirmed.StatusCode(), confirmed.Body).Data.VaAccountNumber
	require.NotEmpty(t, va)

	paged, err := c.GetVaPagingWithResponse(ctx, GetVaPagingRequest{MaxResultCount: 50})
	require.NoError(t, err)
	page := success[GetVaPagingSuccess](t, paged.StatusCode(), paged.Body)
	var listed []string
	for _, it := range page.Data.Items {
		listed = append(listed, it.VaAccountNumber)
	}
	assert.Contains(t, listed, va)

	bin := BankBin("970448")
	deleted, err := c.DeleteVaWithResponse(ctx, &DeleteVaParams{VaAccountNumber: va, BankBin: &bin}, EmptyBody{})
	require.NoError(t, err)
	deleteOK := success[DeleteVaSuccess](t, deleted.StatusCode(), deleted.Body)
	require.NotNil(t, deleteOK.Data.ConfirmId, string(deleted.Body))

	gone, err := c.ConfirmDeleteVaWithResponse(ctx, ConfirmDeleteVaRequest{BankBin: bin, ConfirmId: *deleteOK.Data.ConfirmId, OtpNumber: "123456"})
	require.NoError(t, err)
	success[ConfirmDeleteVaSuccess](t, gone.StatusCode(), gone.Body)
}

// The hook is what makes the mock accept the requests: signed with another secret, the same
// call is refused with code 97 [live: invalid signature].
func TestAnotherSecretIsRefused(t *testing.T) {
	c := newClient(t, "not-the-mock-secret")
	paged, err := c.GetVaPagingWithResponse(context.Background(), GetVaPagingRequest{MaxResultCount: 10})
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, paged.StatusCode())
	be, err := paged.JSON200.AsBusinessError()
	require.NoError(t, err)
	assert.Equal(t, "97", be.Code)
}

// success decodes an HTTP 200 answer with code "00" into T, failing the test otherwise.
func success[T any](t *testing.T, status int, body []byte) T {
	t.Helper()
	require.Equal(t, http.StatusOK, status, string(body))
	var envelope struct{ Code string }
	require.NoError(t, json.Unmarshal(body, &envelope), string(body))
	require.Equal(t, "00", envelope.Code, string(body))
	var v T
	require.NoError(t, json.Unmarshal(body, &v), string(body))
	return v
}

func ptr[T any](v T) *T { return &v }

// go generate records the SHA-256 of the openapi.yaml it generated from: when openapi.yaml
// changes, this fails until `go generate ./profiles/tingee/goclient` is run again.
func TestGeneratedClientIsFresh(t *testing.T) {
	recorded, err := os.ReadFile("openapi.yaml.sha256")
	require.NoError(t, err)
	sum := sha256.Sum256(harness.OpenAPI)
	assert.Equal(t, hex.EncodeToString(sum[:]), strings.TrimSpace(string(recorded)),
		"profiles/tingee/goclient/tingee.gen.go is stale: run go generate ./profiles/tingee/goclient")
}
