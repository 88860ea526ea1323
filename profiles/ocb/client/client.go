// Package client sends OCB Open API requests: the password grant, the PAR
// request, and signed resource calls with the {trace, data} envelope. It
// returns answers as they came, for the preflight and the suite to judge.
package client

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/tingee-conformance/harness/internal/credentials"
	"github.com/tingee-conformance/harness/profiles/ocb/jws"
)

// Paths of the OAuth provider [obs].
const (
	TokenPath = "/ocb-oauth-provider/oauth2/token"
	PARPath   = "/oauth2/v2/par/request"
)

// OCB's gateways [obs].
const (
	Sandbox = "https://sandbox.api.ocb.com.vn/corporates/developer"
	Live    = "https://api.ocb.com.vn/corporates/partner"
)

// maxAnswer caps how much of an answer is read.
const maxAnswer = 1 << 20

// vietnam is the zone public code writes clientTimestamp in [?].
var vietnam = time.FixedZone("ICT", 7*3600)

// Client talks to one gateway base URL.
type Client struct {
	Base string
	HTTP *http.Client
}

// New is a client with a per-request timeout.
func New(base string, timeout time.Duration) *Client {
	return &Client{Base: strings.TrimSuffix(base, "/"), HTTP: &http.Client{Timeout: timeout}}
}

// Answer is one HTTP answer.
type Answer struct {
	Status int
	Header http.Header
	Body   []byte
}

// JSON decodes the body into a map; nil when it is not a JSON object.
func (a Answer) JSON() map[string]any {
	var m map[string]any
	if json.Unmarshal(a.Body, &m) != nil {
		return nil
	}
	return m
}

// Do sends one request. An error means the target was not reached (or broke off).
func (c *Client) Do(ctx context.Context, method, path string, h http.Header, body []byte) (Answer, error) {
	req, err := http.NewRequestWithContext(ctx, method, c.Base+path, bytes.NewReader(body))
	if err != nil {
		return Answer{}, err
	}
	for k, v := range h {
		req.Header[k] = v
	}
	res, err := c.HTTP.Do(req)
	if err != nil {
		return Answer{}, fmt.Errorf("%s %s: %w", method, path, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(io.LimitReader(res.Body, maxAnswer))
	if err != nil {
		return Answer{}, fmt.Errorf("%s %s: reading the answer: %w", method, path, err)
	}
	return Answer{Status: res.StatusCode, Header: res.Header, Body: b}, nil
}

// PasswordForm is the token request's form [obs].
func PasswordForm(clientID string, clientSecret credentials.Secret, username string, password credentials.Secret) url.Values {
	return url.Values{
		"grant_type": {"password"}, "username": {username}, "password": {string(password)},
		"client_id": {clientID}, "client_secret": {string(clientSecret)}, "scope": {"OCB"},
	}
}

// Token posts a form to the token endpoint.
func (c *Client) Token(ctx context.Context, form url.Values) (Answer, error) {
	return c.Do(ctx, http.MethodPost, TokenPath, TokenHeader(), []byte(form.Encode()))
}

// TokenHeader is the token request's header: a form, answered in JSON [obs].
func TokenHeader() http.Header {
	return http.Header{"Content-Type": {"application/x-www-form-urlencoded"}, "Accept": {"application/json"}}
}

// AccessToken is access_token of a 200 token answer, "" otherwise.
func AccessToken(a Answer) string {
	if a.Status != http.StatusOK {
		return ""
	}
	s, _ := a.JSON()["access_token"].(string)
	return s
}

// PAR sends a pushed authorization request with this redirect_uri [obs, RFC 9126].
func (c *Client) PAR(ctx context.Context, clientID string, clientSecret credentials.Secret, redirectURI string) (Answer, error) {
	verifier := randomHex(32)
	form := url.Values{
		"response_type": {"code"}, "redirect_uri": {redirectURI}, "scope": {"openid"},
		"state": {randomHex(8)}, "nonce": {randomHex(8)},
		"code_challenge": {pkceChallenge(verifier)}, "code_challenge_method": {"S256"},
	}
	req := http.Header{"Content-Type": {"application/x-www-form-urlencoded"}, "Accept": {"application/json"}}
	req.Set("Authorization", "Basic "+basic(clientID, clientSecret))
	return c.Do(ctx, http.MethodPost, PARPath, req, []byte(form.Encode()))
}

// Envelope is the request body {"trace":{clientTransId, clientTimestamp}, "data": data} [obs].
func Envelope(transID string, at time.Time, data any) []byte {
	b, _ := json.Marshal(map[string]any{
		"trace": map[string]string{"clientTransId": transID, "clientTimestamp": Timestamp(at)},
		"data":  data,
	})
	return b
}

// Timestamp is yyyyMMddHHmmssSSS in Vietnam time [obs format, ? zone].
func Timestamp(t time.Time) string {
	return strings.Replace(t.In(vietnam).Format("20060102150405.000"), ".", "", 1)
}

// NewTransID is a fresh clientTransId.
func NewTransID() string { return "CONF-" + randomHex(10) }

// Identity is what signs and authorises resource calls.
type Identity struct {
	ClientID     string
	ClientSecret credentials.Secret
	Token        string
	Key          *rsa.PrivateKey
	Cert         *x509.Certificate
}

// SignedHeaders are a resource call's headers for body [obs]. What the
// identity lacks is left out (a preflight before step 9 has no token, a
// company without a key pair sends no signature).
func (id Identity) SignedHeaders(body []byte) (http.Header, error) {
	h := http.Header{}
	h.Set("Content-Type", "application/json")
	h.Set("Accept", "application/json")
	h.Set("X-IBM-Client-Id", id.ClientID)
	h.Set("X-IBM-Client-Secret", string(id.ClientSecret))
	if id.Token != "" {
		h.Set("Authorization", "Bearer "+id.Token)
	}
	if id.Cert != nil {
		h.Set("X-Client-Certificate", jws.CertificateHeader(id.Cert))
	}
	if id.Key != nil {
		sig, err := jws.Sign(id.Key, body)
		if err != nil {
			return nil, err
		}
		h.Set("X-Signature", sig)
	}
	return h, nil
}

// Call signs and posts body to path.
func (c *Client) Call(ctx context.Context, id Identity, path string, body []byte) (Answer, error) {
	h, err := id.SignedHeaders(body)
	if err != nil {
		return Answer{}, err
	}
	return c.Do(ctx, http.MethodPost, path, h, body)
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}
