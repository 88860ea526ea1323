// Package postman builds the OCB profile's Postman collection (format v2.1)
// and environment: the password grant, whose test keeps the access token, then
// each package's probe operation with its {trace, data} body, signed by a
// collection-level pre-request script that computes RS256 itself (rs256.js:
// Postman's sandbox has no RSA). Secrets — client secret, password, private
// key — are environment variables the user fills in; the files only ever hold
// placeholders. The file format is internal/postman's, shared with Tingee's.
package postman

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	pm "github.com/tingee-conformance/harness/internal/postman"
	"github.com/tingee-conformance/harness/profiles/ocb/client"
	"github.com/tingee-conformance/harness/profiles/ocb/packages"
)

// Placeholders the exported environment holds instead of secrets (and of what
// the user did not give). prerequest.js refuses to sign while one is left.
const (
	ClientIDPlaceholder     = "YOUR_CLIENT_ID"
	ClientSecretPlaceholder = "YOUR_CLIENT_SECRET"
	UsernamePlaceholder     = "YOUR_API_USER"
	PasswordPlaceholder     = "YOUR_API_PASSWORD"
	PrivateKeyPlaceholder   = "YOUR_PRIVATE_KEY_PEM"
	CertificatePlaceholder  = "YOUR_CERTIFICATE_PEM"
)

// RS256JS is the signing code, rs256Sign(pem, input, sha256) and its helpers.
//
//go:embed rs256.js
var RS256JS string

//go:embed prerequest.js
var preRequestScript string

//go:embed token-test.js
var tokenTestScript string

//go:embed test.js
var testScript string

// Collection is the token request, then one signed request per probe.
// doc (the OCB contract) gives each probe operation's summary.
func Collection(doc *openapi3.T, probes []packages.Package) ([]byte, error) {
	c := pm.File{
		Info: pm.Info{
			Name: doc.Info.Title,
			Description: "The password grant, then each API package's probe operation (contract version " + doc.Info.Version +
				"). The collection's pre-request script fills trace.clientTransId and clientTimestamp and signs each call " +
				"with RS256 (X-Signature) in the script itself. Set the environment's clientSecret, password and privateKey " +
				"(type secret) and certificate. Made by `conformance export postman --profile ocb`.",
			Schema: pm.CollectionSchema,
		},
		Event: []pm.Event{{Listen: "prerequest", Script: pm.Lines(pm.VietnamTimestampJS, RS256JS, preRequestScript)}},
		Item:  []pm.Item{tokenItem()},
	}
	for _, p := range probes {
		it, err := probeItem(doc, p)
		if err != nil {
			return nil, err
		}
		c.Item = append(c.Item, it)
	}
	return pm.Marshal(c)
}

// tokenItem is the password grant, form-encoded [obs].
func tokenItem() pm.Item {
	return pm.Item{
		Name: "token (password grant)",
		Request: pm.Request{
			Method: "POST", URL: pm.BaseURL(client.TokenPath),
			Header: []pm.KV{{Key: "Content-Type", Value: "application/x-www-form-urlencoded"}, {Key: "Accept", Value: "application/json"}},
			Body: pm.FormBody(
				pm.KV{Key: "grant_type", Value: "password"}, pm.KV{Key: "username", Value: "{{username}}"},
				pm.KV{Key: "password", Value: "{{password}}"}, pm.KV{Key: "client_id", Value: "{{clientId}}"},
				pm.KV{Key: "client_secret", Value: "{{clientSecret}}"}, pm.KV{Key: "scope", Value: "OCB"}),
			Description: "OAuth 2.0 password grant [obs]; its test keeps access_token in the environment as accessToken.",
		},
		Event: []pm.Event{{Listen: "test", Script: pm.Lines(tokenTestScript)}},
	}
}

// probeBody is the envelope [obs] with the trace left to the pre-request script.
type probeBody struct {
	Trace struct {
		ClientTransID   string `json:"clientTransId"`
		ClientTimestamp string `json:"clientTimestamp"`
	} `json:"trace"`
	Data map[string]any `json:"data"`
}

// probeItem is one package's probe: POST path with {trace, data}.
func probeItem(doc *openapi3.T, p packages.Package) (pm.Item, error) {
	b := probeBody{Data: p.Data}
	b.Trace.ClientTransID, b.Trace.ClientTimestamp = "{{clientTransId}}", "{{clientTimestamp}}"
	raw, err := json.Marshal(b)
	if err != nil {
		return pm.Item{}, fmt.Errorf("probe %s: data: %w", p.ID, err)
	}
	summary := p.Name + " — not an operation of the contract (from --probes)"
	if op := doc.Paths.Find(p.Path); op != nil && op.Post != nil {
		summary = op.Post.Summary
	}
	test := strings.Replace(testScript, "__UNCONFIRMED_PATH__", fmt.Sprint(p.Source != "[obs]"), 1)
	return pm.Item{
		Name: p.ID + " " + p.Path,
		Request: pm.Request{
			Method: "POST", URL: pm.BaseURL(p.Path),
			Header:      []pm.KV{{Key: "Content-Type", Value: "application/json"}},
			Body:        pm.RawJSONBody(string(raw)),
			Description: summary + " (path " + p.Source + ")",
		},
		Event: []pm.Event{{Listen: "test", Script: pm.Lines(test)}},
	}, nil
}

// Env are the environment's non-secret values; empty ones become placeholders.
type Env struct {
	BaseURL, ClientID, Username string
	Certificate                 string // X-Client-Certificate's value, base64 DER (public)
}

// Environment is the environment: the values of e, and the secrets as placeholders only.
func Environment(name string, e Env) ([]byte, error) {
	or := func(v, placeholder string) string {
		if v == "" {
			return placeholder
		}
		return v
	}
	return pm.NewEnvironment(name,
		pm.Plain("baseUrl", e.BaseURL),
		pm.Plain("clientId", or(e.ClientID, ClientIDPlaceholder)),
		pm.Secret("clientSecret", ClientSecretPlaceholder),
		pm.Plain("username", or(e.Username, UsernamePlaceholder)),
		pm.Secret("password", PasswordPlaceholder),
		pm.Secret("privateKey", PrivateKeyPlaceholder),
		pm.Plain("certificate", or(e.Certificate, CertificatePlaceholder)),
		pm.Secret("accessToken", ""),
	)
}
