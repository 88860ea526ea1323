package spec

import (
	"net/http"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// signedRequest builds a request carrying the three signing headers.
func signedRequest(t testing.TB, method, url, body string) *http.Request {
	t.Helper()
	r, err := http.NewRequest(method, url, strings.NewReader(body))
	require.NoError(t, err)
	r.Header.Set("Content-Type", "application/json")
	r.Header.Set("x-client-id", "conformance-test-client")
	r.Header.Set("x-request-timestamp", "20250101120000000")
	r.Header.Set("x-signature", strings.Repeat("ab", 64))
	return r
}

func validateRequest(t *testing.T, s *Spec, method, url, body string) []Finding {
	t.Helper()
	return s.ValidateRequest(signedRequest(t, method, url, body), []byte(body))
}

func TestConfirmVaAcceptsBothForms(t *testing.T) {
	s := mustLoad(t)
	for _, body := range []string{
		`{"bankName":"OCB","confirmId":"string","otpNumber":"string"}`,
		`{"bankBin":"970448","confirmId":"886b05e9-2d94-4b41-9839-138c941fd1d9","otpNumber":"123456"}`,
		`{"bankBin":"970448","confirmId":"c","merchantId":42}`,
		// Both forms at once: the anyOf of the two complete forms accepts it, as the anyOf of two
		// required lists did [doc: both forms are documented, neither excludes the other's fields].
		`{"bankName":"OCB","bankBin":"970448","confirmId":"c","otpNumber":"1"}`,
	} {
		assert.Empty(t, validateRequest(t, s, "POST", "http://127.0.0.1:1234/v1/confirm-va", body), body)
	}
}

func TestConfirmVaRequestFindingsNameTheField(t *testing.T) {
	s := mustLoad(t)
	cases := map[string][]string{
		`{"bankName":"VCB","confirmId":"c","otpNumber":"1"}`:    {"/bankName"},
		`{"bankName":"OCB","confirmId":5,"otpNumber":"1"}`:      {"/confirmId"},
		`{"bankName":"OCB","otpNumber":"1"}`:                    {"/confirmId"},
		`{"bankName":"OCB","confirmId":"c"}`:                    {""}, // neither form: no otpNumber, no bankBin
		`{"bankBin":"97044","confirmId":"c"}`:                   {"/bankBin"},
		`{"bankBin":"970448","confirmId":"c","merchantId":"7"}`: {"/merchantId"},
		`not json`: {""},
		// a fault of a property both forms share, and neither form complete: both are reported
		`{"bankName":"VCB","confirmId":"c"}`: {"/bankName", ""},
	}
	for body, want := range cases {
		fs := validateRequest(t, s, "POST", "https://uat-open-api.tingee.vn/v1/confirm-va", body)
		assert.Equal(t, want, pointers(fs), body)
		for _, f := range fs {
			assert.Equal(t, "confirmVa", f.Operation)
			assert.Equal(t, "6.2.2", f.DocRef)
		}
	}
}

func TestRequestHeadersAndContentType(t *testing.T) {
	s := mustLoad(t)
	body := `{"bankName":"OCB","confirmId":"c","otpNumber":"1"}`
	r := signedRequest(t, "POST", "/v1/confirm-va", body)
	r.Header.Del("x-signature")
	r.Header.Del("x-client-id")
	r.Header.Set("Content-Type", "text/plain")
	assert.Equal(t, []string{"/header/x-client-id", "/header/x-signature", "/header/Content-Type"}, pointers(s.ValidateRequest(r, []byte(body))))
}

func TestDeleteVaTakesQueryParametersAndAnEmptyBody(t *testing.T) {
	s := mustLoad(t)
	ok := "https://uat-open-api.tingee.vn/v1/delete-va?bankBin=970448&vaAccountNumber=TNG60716171228&merchantId=7"
	assert.Empty(t, validateRequest(t, s, "POST", ok, `{}`))
	fs := validateRequest(t, s, "POST", "/v1/delete-va?bankBin=OCB&merchantId=x", `{"vaAccountNumber":"TNG1"}`)
	assert.ElementsMatch(t, []string{"/query/bankBin", "/query/vaAccountNumber", "/query/merchantId", ""}, pointers(fs))
}

func TestGetBanksHasNoBody(t *testing.T) {
	s := mustLoad(t)
	r := signedRequest(t, "GET", "https://open-api.tingee.vn/v1/get-banks", "")
	r.Header.Del("Content-Type")
	assert.Empty(t, s.ValidateRequest(r, nil))
}

func TestRequestToAnUnknownPath(t *testing.T) {
	s := mustLoad(t)
	fs := validateRequest(t, s, "POST", "/v1/bank/transaction/get-paging", `{}`)
	require.Len(t, fs, 1)
	assert.Equal(t, "POST /v1/bank/transaction/get-paging", fs[0].Operation)
	assert.Contains(t, fs[0].Got, "no such operation")
}

func TestNilRequestIsAFinding(t *testing.T) {
	s := mustLoad(t)
	fs := s.ValidateRequest(nil, nil)
	require.Len(t, fs, 1)
	assert.Equal(t, "/path", fs[0].Pointer)
	fs = s.ValidateRequest(&http.Request{Method: "POST"}, nil)
	require.Len(t, fs, 1)
}

// ValidateDecodedRequest gives, for a body decoded as jsonschema does, the findings ValidateRequest
// gives for the raw body.
func TestValidateDecodedRequestFindsWhatValidateRequestFinds(t *testing.T) {
	s := mustLoad(t)
	bodies := []string{
		`{"bankName":"OCB","confirmId":"c","otpNumber":"1"}`,
		`{"bankName":"VCB","confirmId":5,"otpNumber":"1"}`,
		`{"bankBin":"970448","confirmId":"c","merchantId":"7","extra":[1,2.5e3,{"a":null}]}`,
		`{}`,
	}
	for _, body := range bodies {
		for _, ct := range []string{"application/json", "text/plain"} {
			r := signedRequest(t, "POST", "/v1/confirm-va", body)
			r.Header.Set("Content-Type", ct)
			decoded, err := jsonschema.UnmarshalJSON(strings.NewReader(body))
			require.NoError(t, err)
			want := s.ValidateRequest(r, []byte(body))
			assert.ElementsMatch(t, want, s.ValidateDecodedRequest(r, decoded), "%s (%s)", body, ct)
			if body != bodies[0] || ct != "application/json" {
				assert.NotEmpty(t, want, "%s (%s)", body, ct)
			}
		}
	}
}

// ValidateRequest runs openapi3filter only for operations with parameters: for every other
// operation it can find nothing, however wrong the request.
func TestOpenapi3filterFindsNothingWithoutParameters(t *testing.T) {
	s := mustLoad(t)
	skipped := 0
	for i, op := range s.ops {
		if s.hasParams[i] {
			continue
		}
		skipped++
		r := signedRequest(t, op.Method, op.Path+"?bankBin=x&merchantId=y", `{"nonsense":[`)
		r.Header.Del("x-signature")
		r.Header.Set("Content-Type", "text/html")
		err := openapi3filter.ValidateRequest(r.Context(), &openapi3filter.RequestValidationInput{
			Request: r, Route: s.routes[i],
			Options: &openapi3filter.Options{MultiError: true, ExcludeRequestBody: true, AuthenticationFunc: openapi3filter.NoopAuthenticationFunc},
		})
		assert.NoError(t, err, op.ID)
	}
	assert.Equal(t, len(s.ops)-1, skipped, "only delete-va takes parameters")
}

// The bodies with a bank named by bankBin or bankName (create-va, generate-viet-qr) are
// anyOf of complete object schemas: a fault the alternatives share is reported once at its
// field, and the anyOf only when no alternative is otherwise complete [doc: either field].
func TestAlternativeFormsReportSharedFaultsAtTheField(t *testing.T) {
	s := mustLoad(t)
	cases := []struct {
		path, body string
		want       []string
	}{
		{"/v1/create-va", `{"bankBin":"970448"}`, []string{"/accountType"}},
		{"/v1/create-va", `{"accountType":"personal-account","bankName":"OCB","mobile":"84912345678"}`, []string{"/mobile"}},
		{"/v1/create-va", `{"accountType":"personal-account"}`, []string{""}},
		{"/v1/create-va", `{"bankBin":"970448","bankName":"OCB","accountType":"personal-account"}`, nil},
		{"/v1/generate-viet-qr", `{"bankBin":"970448"}`, []string{"/accountNumber"}},
		{"/v1/generate-viet-qr", `{"accountNumber":"1","amount":-1}`, []string{"/amount", ""}},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, pointers(validateRequest(t, s, "POST", c.path, c.body)), c.path+" "+c.body)
	}
}
