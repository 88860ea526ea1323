package capture

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tingee-conformance/harness/internal/client"
)

// The curl line the harness prints (client.Curl, in sign --curl and the
// report) reads back to the very bytes it sends, quotes and newlines included.
func TestCurlRoundTrip(t *testing.T) {
	body := []byte("{\"note\":\"it's \\\"quoted\\\"\",\n \"x\":\"a\\\\b $HOME `cmd`\"}")
	h := http.Header{}
	h.Set("x-client-id", "abc")
	h.Set("x-request-timestamp", "20250101120000000")
	h.Set("x-signature", "ff00")
	line := client.Curl("POST", "https://uat-open-api.tingee.vn/v1/create-va", h, body, "20250101120000000")
	req, err := Parse([]byte(line))
	require.NoError(t, err)
	assert.Equal(t, "POST", req.Method)
	assert.Equal(t, "https://uat-open-api.tingee.vn/v1/create-va", req.URL)
	assert.Equal(t, string(body), string(req.Body))
	assert.Equal(t, "20250101120000000", req.Header.Get("x-request-timestamp"))
	assert.Equal(t, "ff00", req.Header.Get("x-signature"))
}

// A browser's "copy as cURL": double quotes, --data-raw, no -X.
func TestCurlDoubleQuoted(t *testing.T) {
	req, err := Parse([]byte(`curl "https://h/v1/get-banks" -H "x-signature: AB" --data-raw "{\"a\":\"\\u00e9\"}" --compressed`))
	require.NoError(t, err)
	assert.Equal(t, "POST", req.Method)
	assert.Equal(t, `{"a":"\u00e9"}`, string(req.Body))
	assert.Equal(t, "AB", req.Header.Get("X-Signature"))
}

func TestRawRequest(t *testing.T) {
	crlf := "POST /v1/create-va HTTP/1.1\r\nHost: h:8080\r\nx-signature: ab\r\nContent-Length: 9\r\n\r\n{\"a\":1}\r\n"
	req, err := Parse([]byte(crlf))
	require.NoError(t, err)
	assert.Equal(t, "http://h:8080/v1/create-va", req.URL)
	assert.Equal(t, "{\"a\":1}\r\n", string(req.Body), "Content-Length bounds the body")

	lf := "POST /v1/x HTTP/1.1\nx-request-timestamp: 20250101120000000\n\n{\"a\":1}"
	req, err = Parse([]byte(lf))
	require.NoError(t, err)
	assert.Equal(t, `{"a":1}`, string(req.Body), "without Content-Length, the rest is the body")
	assert.Equal(t, "20250101120000000", req.Header.Get("X-Request-Timestamp"))

	for _, bad := range []string{"hello world\n", "POST /x HTTP/1.1\nContent-Length: 99\n\n{}", `curl -H 'x: y`} {
		_, err := Parse([]byte(bad))
		assert.ErrorIs(t, err, ErrFormat, bad)
	}
}

// A browser's "Copy as cURL" writes a body holding a newline, ' or ! in
// bash's $'…' quoting; it reads back to the bytes the browser sent
// (review-13-14 S1; escapes as bash's manual lists them).
func TestCurlANSICQuoting(t *testing.T) {
	line := `curl 'https://uat-open-api.tingee.vn/v1/confirm-va' \
  -H 'x-request-timestamp: 20250101120000000' \
  --data-raw $'{\n  "bankBin": "970448",\n  "note": "Nam\'s \\ \x41\u1ec5\101\t!"\n}'`
	req, err := Parse([]byte(line))
	require.NoError(t, err)
	assert.Equal(t, "{\n  \"bankBin\": \"970448\",\n  \"note\": \"Nam's \\ Aễ\x41\t!\"\n}", string(req.Body))
	assert.Equal(t, "POST", req.Method)
	_, err = Parse([]byte(`curl https://x/v1/a --data-raw $'{"a":1}`))
	assert.ErrorIs(t, err, ErrFormat)
}
