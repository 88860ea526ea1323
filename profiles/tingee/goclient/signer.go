package goclient

import (
	"context"
	"crypto/hmac"
	"crypto/sha512"
	"encoding/hex"
	"io"
	"net/http"
	"time"
)

// vietnam is Tingee's clock: x-request-timestamp is Vietnam time (UTC+7)
// whatever the machine's zone.
var vietnam = time.FixedZone("UTC+7", 7*60*60)

// Signer returns a request editor that signs each request as Tingee checks it:
// x-client-id, x-request-timestamp (yyyyMMddHHmmssSSS, Vietnam time, at now())
// and x-signature, lowercase hex of HMAC-SHA512 under the secret over
// "timestamp:body" with the exact body the client sends, or "{}" for a call
// without a body. Pass it with WithRequestEditorFn.
//
// It uses the standard library only, so that an integrator can copy this file
// beside a generated client; TestSignerMatchesTheHarness holds it to the
// harness's own signer and to the published vectors.
func Signer(clientID string, secret []byte, now func() time.Time) RequestEditorFn {
	return func(_ context.Context, req *http.Request) error {
		body := []byte("{}")
		if req.GetBody != nil {
			rc, err := req.GetBody()
			if err != nil {
				return err
			}
			defer rc.Close()
			b, err := io.ReadAll(rc)
			if err != nil {
				return err
			}
			if len(b) > 0 {
				body = b
			}
		}
		t := now().In(vietnam)
		timestamp := t.Format("20060102150405") + t.Format(".000")[1:]
		mac := hmac.New(sha512.New, secret)
		mac.Write([]byte(timestamp + ":"))
		mac.Write(body)
		req.Header.Set("x-client-id", clientID)
		req.Header.Set("x-request-timestamp", timestamp)
		req.Header.Set("x-signature", hex.EncodeToString(mac.Sum(nil)))
		return nil
	}
}
