package goclient

import (
	"bytes"
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/tingee-conformance/harness/profiles/tingee/signing"
)

// The copyable Signer is held to the published vectors (secret test-secret, timestamp 20250101120000000,
// checked with openssl) [doc: Tingee's signing rule; vectors from the project's API notes] and to the
// harness's own signer for a body and for a bodyless call ("{}" is signed) [live].
func TestSignerMatchesTheHarness(t *testing.T) {
	at := time.Date(2025, 1, 1, 12, 0, 0, 0, time.FixedZone("UTC+7", 7*60*60))
	cases := []struct {
		name, body, want string
	}{
		{"confirm-va body", `{"bankBin":"970448","confirmId":"886b05e9-2d94-4b41-9839-138c941fd1d9","otpNumber":"123456"}`,
			"70e5339ed553b64c33d7e70e24ec3af496d8a2620b20b763ec293b78d82cbf2d53bc11245216af6a9ec9839d8ff7b71e9725f608372a5c09862992c0795e3920"},
		{"no body signs {}", "",
			"eda8e99c03a13c2d4aea69e7193a291e969144b46895ea9b8c7efa8d9035091d77aa48b4f16a23b347b165bfefcde8692d27be203866dc34777411fb3e28207d"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var req *http.Request
			if tc.body == "" {
				req, _ = http.NewRequest(http.MethodGet, "http://127.0.0.1/v1/get-banks", nil)
			} else {
				req, _ = http.NewRequest(http.MethodPost, "http://127.0.0.1/v1/confirm-va", bytes.NewReader([]byte(tc.body)))
			}
			// A machine in another zone must still write Vietnam time.
			now := func() time.Time { return at.In(time.FixedZone("PST", -8*60*60)) }
			if err := Signer("client", []byte("test-secret"), now)(context.Background(), req); err != nil {
				t.Fatal(err)
			}
			if got := req.Header.Get("x-request-timestamp"); got != "20250101120000000" {
				t.Errorf("timestamp %s, want 20250101120000000", got)
			}
			if got := req.Header.Get("x-signature"); got != tc.want {
				t.Errorf("signature %s, want the vector %s", got, tc.want)
			}
			h := http.Header{}
			signing.SetHeaders(h, "client", []byte("test-secret"), []byte(tc.body), at)
			if h.Get("x-signature") != req.Header.Get("x-signature") || h.Get("x-client-id") != req.Header.Get("x-client-id") {
				t.Errorf("the copyable signer and the harness's differ: %v vs %v", req.Header, h)
			}
		})
	}
}
