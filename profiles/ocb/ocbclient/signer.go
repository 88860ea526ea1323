package ocbclient

import (
	"context"
	"crypto"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"io"
	"net/http"
)

// Signer returns a request editor for OCB's package calls: it sets the
// gateway's X-IBM-Client-Id and X-IBM-Client-Secret, Authorization: Bearer
// with the password grant's access token, X-Client-Certificate (the
// certificate's DER, standard base64, one line) and X-Signature, the detached
// JWS of the exact body the client sends (SignDetached) [obs]. Pass it to each
// package call (or to NewClientWithResponses with WithRequestEditorFn once the
// token is known); the token request itself needs no editor.
//
// It uses the standard library only, so that an integrator can copy this file
// beside a generated client; TestSignerMatchesTheVectors holds it to the
// openssl-made vectors (profiles/ocb/testdata/vectors) and to the harness's signer.
func Signer(clientID, clientSecret, accessToken string, key *rsa.PrivateKey, cert *x509.Certificate) RequestEditorFn {
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
		sig, err := SignDetached(key, body)
		if err != nil {
			return err
		}
		req.Header.Set("X-IBM-Client-Id", clientID)
		req.Header.Set("X-IBM-Client-Secret", clientSecret)
		req.Header.Set("Authorization", "Bearer "+accessToken)
		req.Header.Set("X-Client-Certificate", base64.StdEncoding.EncodeToString(cert.Raw))
		req.Header.Set("X-Signature", sig)
		return nil
	}
}

// SignDetached is the X-Signature value of body: the signature segment of a
// JWS with the protected header {"alg":"RS256"} over the body, i.e.
// base64url(RSASSA-PKCS1-v1_5-SHA256(key, base64url(header) + "." +
// base64url(body))), base64url without '=' padding [obs].
func SignDetached(key *rsa.PrivateKey, body []byte) (string, error) {
	b64 := base64.RawURLEncoding
	input := b64.EncodeToString([]byte(`{"alg":"RS256"}`)) + "." + b64.EncodeToString(body)
	digest := sha256.Sum256([]byte(input))
	sig, err := rsa.SignPKCS1v15(nil, key, crypto.SHA256, digest[:])
	if err != nil {
		return "", err
	}
	return b64.EncodeToString(sig), nil
}
