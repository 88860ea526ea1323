package suite

import (
	"encoding/base64"
	"encoding/json"
	"net/http"

	"github.com/tingee-conformance/harness/profiles/ocb/jws"
	"github.com/tingee-conformance/harness/profiles/ocb/testkeys"
)

// mistake is one way a call is made wrong: body builds another body before
// signing; after changes the signed request.
type mistake struct {
	body  func(transID string, data any) []byte
	after func(w *world, r *request) error
}

// mistakes by their phrase in the features. "" is a correct call.
var mistakes = map[string]mistake{
	"": {},
	// The signature matrix [obs].
	"the body changed after signing": {after: func(_ *world, r *request) error {
		r.body = append(r.body, ' ') // still the same JSON, other bytes
		return nil
	}},
	"a signature made with another key": {after: resign(func(w *world, body []byte) (string, error) {
		return jws.Sign(testkeys.OtherKey(), body)
	})},
	"a certificate that does not match the key": {after: func(_ *world, r *request) error {
		r.header.Set("X-Client-Certificate", jws.CertificateHeader(testkeys.OtherCert()))
		return nil
	}},
	`the protected header {"alg":"RS512"}`: {after: resign(otherHeader(`{"alg":"RS512"}`))},
	`the protected header {"alg":"PS256"}`: {after: resign(otherHeader(`{"alg":"PS256"}`))},
	"the signature padded with =": {after: func(_ *world, r *request) error {
		r.header.Set("X-Signature", r.header.Get("X-Signature")+"==") // 256 bytes: base64 pads with ==
		return nil
	}},
	"the signature in base64 instead of base64url": {after: func(_ *world, r *request) error {
		raw, err := base64.RawURLEncoding.DecodeString(r.header.Get("X-Signature"))
		r.header.Set("X-Signature", base64.StdEncoding.EncodeToString(raw))
		return err
	}},
	"the whole compact JWS": {after: func(_ *world, r *request) error {
		r.header.Set("X-Signature", jws.SigningInput(jws.ProtectedHeader, r.body)+"."+r.header.Get("X-Signature"))
		return nil
	}},
	"no X-Signature":          {after: without("X-Signature")},
	"no X-Client-Certificate": {after: without("X-Client-Certificate")},
	"a PEM-armoured X-Client-Certificate": {after: func(_ *world, r *request) error {
		r.header.Set("X-Client-Certificate", "-----BEGIN CERTIFICATE-----"+r.header.Get("X-Client-Certificate")+"-----END CERTIFICATE-----")
		return nil
	}},
	// The gateway [apic].
	"an unknown X-IBM-Client-Id":  {after: setHeader("X-IBM-Client-Id", "00000000000000000000000000000000")},
	"a wrong X-IBM-Client-Secret": {after: setHeader("X-IBM-Client-Secret", "ffffffffffffffffffffffffffffffff")},
	"an invalid token":            {after: setHeader("Authorization", "Bearer not-a-token-the-provider-issued")},
	"the path /v1/no-such-api": {after: func(_ *world, r *request) error {
		r.path = "/v1/no-such-api"
		return nil
	}},
	"the method GET": {after: func(_ *world, r *request) error {
		r.method = http.MethodGet
		return nil
	}},
	// The envelope [obs] (bodies signed correctly).
	"no trace": {body: func(_ string, data any) []byte {
		b, _ := json.Marshal(map[string]any{"data": data})
		return b
	}},
	"a clientTimestamp in ISO 8601": {body: func(transID string, data any) []byte {
		b, _ := json.Marshal(map[string]any{
			"trace": map[string]string{"clientTransId": transID, "clientTimestamp": "2026-01-01T09:00:00.000+07:00"},
			"data":  data,
		})
		return b
	}},
}

func without(name string) func(*world, *request) error {
	return func(_ *world, r *request) error {
		r.header.Del(name)
		return nil
	}
}

func setHeader(name, value string) func(*world, *request) error {
	return func(_ *world, r *request) error {
		r.header.Set(name, value)
		return nil
	}
}

// resign replaces X-Signature with sign's.
func resign(sign func(w *world, body []byte) (string, error)) func(*world, *request) error {
	return func(w *world, r *request) error {
		sig, err := sign(w, r.body)
		r.header.Set("X-Signature", sig)
		return err
	}
}

// otherHeader signs with the app's key over another protected header.
func otherHeader(header string) func(*world, []byte) (string, error) {
	return func(w *world, body []byte) (string, error) {
		return jws.SignInput(w.app.Key, jws.SigningInput(header, body))
	}
}
