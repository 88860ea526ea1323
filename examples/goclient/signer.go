package goclient

import (
	"context"
	"io"
	"net/http"
	"time"

	"github.com/tingee-conformance/harness/profiles/tingee/signing"
)

// Signer returns a request editor that signs each request as Tingee checks it:
// x-client-id, x-request-timestamp (Vietnam time, at now()) and x-signature,
// HMAC-SHA512 over "timestamp:body" with the exact body the client sends, or
// "{}" for a call without a body. Pass it with WithRequestEditorFn.
func Signer(clientID string, secret []byte, now func() time.Time) RequestEditorFn {
	return func(_ context.Context, req *http.Request) error {
		var body []byte
		if req.GetBody != nil {
			rc, err := req.GetBody()
			if err != nil {
				return err
			}
			defer rc.Close()
			if body, err = io.ReadAll(rc); err != nil {
				return err
			}
		}
		signing.SetHeaders(req.Header, clientID, secret, body, now())
		return nil
	}
}
