package mock

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tingee-conformance/harness/profiles/tingee/auth"
	"github.com/tingee-conformance/harness/profiles/tingee/signing"
)

// pageBody is the confirm-va body laid out as in the 6.2.2 page's curl example (newlines, spaces).
func pageBody(confirmID string) string {
	return "{\n\"bankName\": \"OCB\",\n\"confirmId\": \"" + confirmID + "\",\n\"otpNumber\": \"123456\"\n}"
}

// opensslSign signs as a partner would by hand: openssl dgst -sha512 -hmac SECRET over "ts:body".
func opensslSign(t *testing.T, secret, ts, body string) string {
	t.Helper()
	path, err := exec.LookPath("openssl")
	if err != nil {
		t.Skip("openssl is not installed: the by-hand signing check cannot run")
	}
	cmd := exec.Command(path, "dgst", "-sha512", "-hmac", secret)
	cmd.Stdin = strings.NewReader(ts + ":" + body)
	out, err := cmd.Output()
	require.NoError(t, err)
	// "SHA2-512(stdin)= <hex>" or "(stdin)= <hex>", depending on the openssl version
	fields := strings.Fields(string(out))
	return fields[len(fields)-1]
}

// TestCurlSignedWithOpenSSL sends the 6.2.2 page's curl request, signed with openssl for the
// mock's test pair, to a mock served over HTTP.
func TestCurlSignedWithOpenSSL(t *testing.T) {
	now := time.Now()
	srv := httptest.NewServer(newMock(t, func(c *Config) { c.Now = func() time.Time { return now } }))
	defer srv.Close()
	mockPair := auth.Mock()

	curl := func(clientID string, at time.Time, body string, edit func(string) string) map[string]any {
		ts := signing.Timestamp(at)
		sig := opensslSign(t, auth.MockSecret, ts, body)
		hr, err := http.NewRequest(http.MethodPost, srv.URL+"/v1/confirm-va", strings.NewReader(edit(body)))
		require.NoError(t, err)
		hr.Header.Set("accept", "application/json")
		hr.Header.Set("Content-Type", "application/json")
		hr.Header.Set("x-request-timestamp", ts)
		hr.Header.Set("x-client-id", clientID)
		hr.Header.Set("x-signature", sig)
		resp, err := srv.Client().Do(hr)
		require.NoError(t, err)
		defer resp.Body.Close()
		raw, err := io.ReadAll(resp.Body)
		require.NoError(t, err)
		return map[string]any{"status": resp.StatusCode, "body": string(raw)}
	}
	same := func(s string) string { return s }

	h := srv.Config.Handler
	link := send(t, h, req{path: "/v1/create-va", at: now, body: `{"accountType":"personal-account","bankName":"OCB","accountNumber":"0123456789"}`})
	require.Equal(t, "00", link.code(), link.Raw)
	confirmID := link.data()["confirmId"].(string)

	got := curl(mockPair.ClientID, now, pageBody(confirmID), same)
	assert.Equal(t, 200, got["status"])
	assert.Contains(t, got["body"], `{"code":"00","message":"Success","data":{"accountType":"personal-account","bankName":"OCB","accountNumber":"0123456789","vaAccountNumber":"TNG`)

	got = curl(mockPair.ClientID, now, pageBody("string"), func(s string) string { return strings.Replace(s, "123456", "123457", 1) })
	assert.Equal(t, `{"code":"97","message":"Invalid signature","data":null}`, got["body"])

	got = curl("0fe48681158f17495ce4a5879188b81a", now, pageBody("string"), same)
	assert.Equal(t, 401, got["status"])
	assert.Equal(t, body401, got["body"])

	got = curl(mockPair.ClientID, now.Add(-11*time.Minute), pageBody("string"), same)
	assert.Equal(t, 200, got["status"])
	assert.Contains(t, got["body"], `{"code":"90",`)
	assert.Contains(t, got["body"], `"data":null}`)
}
