package mock

import (
	"crypto/subtle"
	"net/http"

	"github.com/tingee-conformance/harness/profiles/tingee/contract"
	"github.com/tingee-conformance/harness/profiles/tingee/signing"
)

// guard is the auth guard: the three signing headers present and a known client id, else the 401 body.
func (s *server) guard(r *http.Request) (result, bool) {
	for _, name := range []string{signing.HeaderClientID, signing.HeaderTimestamp, signing.HeaderSignature} {
		if r.Header.Get(name) == "" {
			return documented(http.StatusUnauthorized), false
		}
	}
	if subtle.ConstantTimeCompare([]byte(r.Header.Get(signing.HeaderClientID)), []byte(s.cfg.ClientID)) != 1 {
		return documented(http.StatusUnauthorized), false
	}
	return result{}, true
}

// verify checks the timestamp (code 90) then the signature over the raw body (code 97; empty body signs {}).
func (s *server) verify(r *http.Request, raw []byte) (result, bool) {
	ts := r.Header.Get(signing.HeaderTimestamp)
	if _, err := signing.CheckTimestamp(ts, s.now()); err != nil {
		return failure(contract.CodeBadTimestamp, "Invalid request timestamp"), false
	}
	if err := signing.CheckSignature(s.cfg.Secret, ts, signing.BodyToSign(raw), r.Header.Get(signing.HeaderSignature)); err != nil {
		return failure(contract.CodeBadSignature, "Invalid signature"), false
	}
	return result{}, true
}
