package suite

import (
	"net/http"
	"time"

	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/internal/mask"
	"github.com/tingee-conformance/harness/profiles/ocb/client"
	"github.com/tingee-conformance/harness/spec"
)

// withheld are the request headers evidence never keeps: the client secret
// (X-IBM-Client-Secret) and the access token (Authorization: Bearer) [obs].
var withheld = []string{"X-IBM-Client-Secret", "Authorization"}

// exchangeOf is one call as evidence. Nothing secret enters it: request
// bodies are left out (the token form holds the client secret and the
// password; a resource call's data the company's account numbers), nor is
// a body's base64url copy in a JWS-shaped header (keptValue), the secret
// headers are named but withheld, and an answer's body is kept only
// for an error (status 400 and up), its tokens redacted and its digit runs
// masked (package mask), since a success may carry balances and account numbers.
func exchangeOf(sp *spec.Spec, base, method, path string, h http.Header, a client.Answer, err error, took time.Duration) evidence.Exchange {
	x := evidence.Exchange{Method: method, URL: base + path, Duration: took, RequestHeader: http.Header{}}
	if sp != nil {
		if op, ok := sp.Find(method, path); ok {
			x.Operation = op.ID
		}
	}
	for k, vs := range h {
		for _, v := range vs {
			x.RequestHeader[k] = append(x.RequestHeader[k], keptValue(v))
		}
	}
	for _, k := range withheld {
		if x.RequestHeader.Get(k) != "" {
			x.RequestHeader.Set(k, "[withheld]")
		}
	}
	if err != nil {
		x.TransportError = err.Error()
		return x
	}
	x.Status, x.ResponseHeader = a.Status, a.Header
	if a.Status >= http.StatusBadRequest {
		x.ResponseBody = []byte(mask.AllNumbers(mask.Tokens(string(a.Body))))
	}
	return x
}
