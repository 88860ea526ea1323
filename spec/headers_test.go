package spec

import (
	"net/http"
	"net/textproto"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// driftPointers lists the pointers of the findings that are drift.
func driftPointers(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		if f.Drift {
			out = append(out, f.Pointer)
		}
	}
	return out
}

// expressHeaders are what a NestJS/Express server behind a CDN typically answers.
func expressHeaders() http.Header {
	return http.Header{
		"Content-Type":                {"application/json; charset=utf-8"},
		"Content-Length":              {"120"},
		"Date":                        {"Mon, 23 Nov 2026 07:00:00 GMT"},
		"Connection":                  {"keep-alive"},
		"Keep-Alive":                  {"timeout=5"},
		"Server":                      {"nginx"},
		"Vary":                        {"Origin"},
		"Etag":                        {`W/"78-abc"`},
		"Cache-Control":               {"no-store"},
		"Access-Control-Allow-Origin": {"*"},
		"Strict-Transport-Security":   {"max-age=31536000"},
		"Set-Cookie":                  {"AWSALB=abc; Path=/", "AWSALBCORS=abc; Path=/"},
		"X-Powered-By":                {"Express"},
		"x-ratelimit-remaining":       {"99"},
		"X-Request-Id":                {"r-1", "r-2"},
	}
}

func TestUndocumentedHeadersAreDriftAndTransportHeadersAreNot(t *testing.T) {
	s := mustLoad(t)
	fs := s.ValidateResponse("POST", "/v1/confirm-va", 200, expressHeaders(), []byte(confirmVaSuccess))
	assert.Empty(t, pointers(fs), "headers are never a break")
	require.Equal(t, []string{"/header/X-Powered-By", "/header/X-Ratelimit-Remaining", "/header/X-Request-Id"}, driftPointers(fs))
	assert.Equal(t, "Express", fs[0].Got)
	assert.Equal(t, "r-1, r-2", fs[2].Got)
	for _, f := range fs {
		assert.Equal(t, "confirmVa", f.Operation)
		assert.Equal(t, "6.2.2", f.DocRef)
		assert.Equal(t, "only documented headers", f.Expected)
	}
}

func TestHeadersAreCheckedWhateverTheStatusAndBody(t *testing.T) {
	s := mustLoad(t)
	h := http.Header{"Content-Type": {"text/html"}, "X-Powered-By": {"Express"}}
	fs := s.ValidateResponse("POST", "/v1/confirm-va", 502, h, []byte("<html>bad gateway</html>"))
	assert.ElementsMatch(t, []string{"/status", "/header/Content-Type", ""}, pointers(fs))
	assert.Equal(t, []string{"/header/X-Powered-By"}, driftPointers(fs))
	for status, body := range pageErrorBodies {
		fs := s.ValidateResponse("GET", "/v1/get-banks", status, expressHeaders(), []byte(body))
		assert.Empty(t, pointers(fs), status)
		assert.Len(t, driftPointers(fs), 3, status)
	}
}

func TestHeadersTheAnswerDocumentsAreNotDrift(t *testing.T) {
	doc := `openapi: 3.0.3
info: {title: x, version: '1'}
paths:
  /a:
    get:
      operationId: a
      responses:
        '200':
          description: ok
          headers:
            x-request-id:
              schema: {type: string}
          content:
            application/json:
              schema: {type: object}
`
	s, err := Parse([]byte(doc), tingeeRules)
	require.NoError(t, err)
	h := http.Header{"Content-Type": {"application/json"}, "X-Request-Id": {"r-1"}, "X-Powered-By": {"Express"}}
	assert.Equal(t, []string{"/header/X-Powered-By"}, driftPointers(s.ValidateResponse("GET", "/a", 200, h, []byte(`{}`))))
	fs := s.ValidateResponse("GET", "/a", 500, h, []byte(`{"statusCode":500}`))
	assert.Equal(t, []string{"/status"}, pointers(fs))
	assert.Equal(t, []string{"/header/X-Powered-By", "/header/X-Request-Id"}, driftPointers(fs), "a 500 documents no header")
}

func TestTransportHeaderNamesAreCanonical(t *testing.T) {
	for _, name := range []string{"ETag", "etag", "X-XSS-Protection", "access-control-expose-headers", "Cross-Origin-Resource-Policy"} {
		assert.True(t, isTransportHeader(textproto.CanonicalMIMEHeaderKey(name)), name)
	}
	for _, name := range []string{"X-Powered-By", "Retry-After", "X-Ratelimit-Limit", "X-Signature"} {
		assert.False(t, isTransportHeader(textproto.CanonicalMIMEHeaderKey(name)), name)
	}
}
