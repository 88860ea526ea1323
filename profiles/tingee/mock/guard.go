package mock

import (
	"crypto/subtle"
	"net/http"

	"github.com/tingee-conformance/harness/profiles/tingee/contract"
	"github.com/tingee-conformance/harness/profiles/tingee/signing"
)

// guard is the auth guard: the three signing headers present and a known client id, else the 401 body.
func (s *server) guard(r *http.Request) (result, bool) {
	if signing.CheckHeaders(r.Header, signing.RequestHeaders...) != nil {
		return documented(http.StatusUnauthorized), false
	}
	if subtle.ConstantTimeCompare([]byte(r.Header.Get(signing.HeaderClientID)), []byte(s.cfg.ClientID)) != 1 {
		return documented(http.StatusUnauthorized), false
	}
	return result{}, true
}

// verify checks the timestamp (code 90) then the signature over the raw body
// (code 97; empty body signs {}), with signing's checks and sentinel errors.
func (s *server) verify(r *http.Request, raw []byte) (result, bool) {
	err := signing.CheckSigned(r.Header, signing.BodyToSign(raw), s.cfg.Secret, s.now())
	switch {
	case err == nil:
		return result{}, true
	case signing.IsTimestampError(err):
		return failure(contract.CodeBadTimestamp, "Invalid request timestamp"), false
	}
	return failure(contract.CodeBadSignature, "Invalid signature"), false
}
