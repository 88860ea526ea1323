package mock

import (
	"errors"
	"net/http"
	"time"

	"github.com/tingee-conformance/harness/profiles/ocb/jws"
)

// checkSignature is the backend's check of X-Client-Certificate and
// X-Signature [obs]: the certificate sent must be the one registered for the
// app and valid now, and the detached JWS must verify with it over the exact body.
func checkSignature(app *App, h http.Header, body []byte, now time.Time) *failure {
	certHeader := h.Get("X-Client-Certificate")
	if certHeader == "" {
		return &failure{"MISSING_CLIENT_CERTIFICATE", "X-Client-Certificate is required", "header.X-Client-Certificate"}
	}
	cert, err := jws.ParseCertificateHeader(certHeader)
	switch {
	case err != nil:
		return &failure{"INVALID_CLIENT_CERTIFICATE", "X-Client-Certificate is not a base64 DER certificate", "header.X-Client-Certificate"}
	case !cert.Equal(app.Cert):
		return &failure{"CERTIFICATE_NOT_REGISTERED", "X-Client-Certificate is not the certificate registered for this application", "header.X-Client-Certificate"}
	}
	if err := jws.CheckValidity(cert, now); err != nil {
		return &failure{"CERTIFICATE_EXPIRED", "the certificate is expired or not yet valid", "header.X-Client-Certificate"}
	}
	switch err := jws.Verify(jws.PublicKey(app.Cert), body, h.Get("X-Signature")); {
	case errors.Is(err, jws.ErrMissingSignature):
		return &failure{"MISSING_SIGNATURE", "X-Signature is required", "header.X-Signature"}
	case errors.Is(err, jws.ErrSignatureEncoding):
		return &failure{"INVALID_SIGNATURE_FORMAT", "X-Signature must be the base64url (no padding) signature segment of a detached JWS", "header.X-Signature"}
	case err != nil:
		return &failure{"INVALID_SIGNATURE", "X-Signature does not verify over the body with the registered certificate", "header.X-Signature"}
	}
	return nil
}
