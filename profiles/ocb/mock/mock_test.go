package mock_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/tingee-conformance/harness/internal/credentials"
	"github.com/tingee-conformance/harness/profiles/ocb/client"
	"github.com/tingee-conformance/harness/profiles/ocb/mock"
	"github.com/tingee-conformance/harness/profiles/ocb/testkeys"
)

type rig struct {
	t   *testing.T
	c   *client.Client
	app mock.App
	now *time.Time
}

func newRig(t *testing.T, r mock.Rehearsal) *rig {
	fx := mock.DefaultFixtures()
	r.Apply(fx)
	now := time.Now()
	srv := httptest.NewServer(mock.New(mock.Config{Fixtures: fx, Now: func() time.Time { return now }}))
	t.Cleanup(srv.Close)
	return &rig{t: t, c: client.New(srv.URL, 5*time.Second), app: fx.Apps[0], now: &now}
}

func (r *rig) token(app mock.App) string {
	a, err := r.c.Token(context.Background(), client.PasswordForm(app.ClientID, credentials.Secret(app.ClientSecret), app.Users[0].Username, credentials.Secret(app.Users[0].Password)))
	if err != nil {
		r.t.Fatal(err)
	}
	return client.AccessToken(a)
}

func (r *rig) identity() client.Identity {
	return client.Identity{ClientID: r.app.ClientID, ClientSecret: credentials.Secret(r.app.ClientSecret), Token: r.token(r.app), Key: mock.TestKey(), Cert: r.app.Cert}
}

func (r *rig) call(id client.Identity, path string, body []byte) client.Answer {
	a, err := r.c.Call(context.Background(), id, path, body)
	if err != nil {
		r.t.Fatal(err)
	}
	return a
}

func accountsBody(transID string) []byte {
	return client.Envelope(transID, time.Now(), map[string]any{"accountNumbers": []string{"0123456789"}})
}

func TestSignedCallReachesTheBackend(t *testing.T) {
	r := newRig(t, mock.Rehearsal{})
	a := r.call(r.identity(), "/v1/accounts/details", accountsBody("T-1"))
	if a.Status != 200 {
		t.Fatalf("status %d: %s", a.Status, a.Body)
	}
	tr, _ := a.JSON()["trace"].(map[string]any)
	if tr["clientTransId"] != "T-1" || tr["bankRefNo"] == "" { // trace echoed + bankRefNo [obs]
		t.Errorf("trace %v", tr)
	}
}

func TestGatewayAnswers(t *testing.T) {
	r := newRig(t, mock.Rehearsal{Unsubscribed: []string{"saving"}})
	id := r.identity()
	wrongSecret := id
	wrongSecret.ClientSecret = credentials.Secret("x")
	unknown := id
	unknown.ClientID = "nobody"
	badToken := id
	badToken.Token = "nope"
	cases := []struct {
		name   string
		id     client.Identity
		method string
		path   string
		want   int
	}{
		{"unknown client", unknown, "POST", "/v1/accounts/details", 401},   // [apic]
		{"wrong secret", wrongSecret, "POST", "/v1/accounts/details", 401}, // [apic]
		{"bad token", badToken, "POST", "/v1/accounts/details", 401},       // [apic]
		{"unsubscribed", id, "POST", "/v1/savings/products", 403},          // [apic]
		{"no such path", id, "POST", "/v1/nothing", 404},                   // [apic]
		{"wrong method", id, "GET", "/v1/accounts/details", 405},           // [apic]
	}
	for _, c := range cases {
		body := accountsBody(client.NewTransID())
		h, _ := c.id.SignedHeaders(body)
		a, err := r.c.Do(context.Background(), c.method, c.path, h, body)
		if err != nil {
			t.Fatal(err)
		}
		if a.Status != c.want || a.JSON()["httpCode"] == nil {
			t.Errorf("%s: %d %s, want %d with httpCode", c.name, a.Status, a.Body, c.want)
		}
	}
}

func TestUnapprovedApp(t *testing.T) {
	r := newRig(t, mock.Rehearsal{Unapproved: true})
	a, _ := r.c.Token(context.Background(), client.PasswordForm(r.app.ClientID, credentials.Secret(r.app.ClientSecret), "conformance-test-user", credentials.Secret("conformance-test-password")))
	if a.Status != 400 || a.JSON()["error"] != "invalid_grant" {
		t.Errorf("token of an unapproved app: %d %s", a.Status, a.Body)
	}
}

func TestTokenErrorsAndExpiry(t *testing.T) {
	r := newRig(t, mock.Rehearsal{})
	ctx := context.Background()
	for name, c := range map[string]struct {
		key, value, err string
		status          int
	}{
		"wrong secret":   {"client_secret", "x", "invalid_client", 401},                       // [oauth]
		"wrong password": {"password", "x", "invalid_grant", 400},                             // [oauth]
		"wrong grant":    {"grant_type", "client_credentials", "unsupported_grant_type", 400}, // [oauth]
		"wrong scope":    {"scope", "ALL", "invalid_scope", 400},                              // [oauth]
	} {
		f := client.PasswordForm(r.app.ClientID, credentials.Secret(r.app.ClientSecret), "conformance-test-user", credentials.Secret("conformance-test-password"))
		f.Set(c.key, c.value)
		a, _ := r.c.Token(ctx, f)
		if a.Status != c.status || a.JSON()["error"] != c.err {
			t.Errorf("%s: %d %s", name, a.Status, a.Body)
		}
	}
	id := r.identity()
	*r.now = r.now.Add(mock.DefaultTokenTTL + time.Second)
	if a := r.call(id, "/v1/accounts/details", accountsBody("T-exp")); a.Status != 401 {
		t.Errorf("expired token: %d", a.Status)
	}
}

func TestPARRefusesUnregisteredRedirect(t *testing.T) {
	r := newRig(t, mock.Rehearsal{RedirectURL: mock.MISARedirectURL + "/"})
	ctx := context.Background()
	a, _ := r.c.PAR(ctx, r.app.ClientID, credentials.Secret(r.app.ClientSecret), mock.MISARedirectURL)
	if a.Status != 400 || a.JSON()["error"] != "invalid_request" { // [oauth, RFC 9126]
		t.Errorf("MISA's URL with a trailing slash registered: %d %s", a.Status, a.Body)
	}
	a, _ = r.c.PAR(ctx, r.app.ClientID, credentials.Secret(r.app.ClientSecret), mock.MISARedirectURL+"/")
	if a.Status != 201 || a.JSON()["request_uri"] == nil {
		t.Errorf("the registered URL: %d %s", a.Status, a.Body)
	}
}

func TestBackendChecks(t *testing.T) {
	r := newRig(t, mock.Rehearsal{})
	id := r.identity()
	ctx := context.Background()
	send := func(h http.Header, body []byte) client.Answer {
		a, err := r.c.Do(ctx, "POST", "/v1/accounts/details", h, body)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	signed := func(body []byte) http.Header { h, _ := id.SignedHeaders(body); return h }
	other := id
	other.Key = testkeys.OtherKey()
	otherCert := id
	otherCert.Cert = testkeys.OtherCert()
	unknownAccount := client.Envelope("F", time.Now(), map[string]any{"accountNumbers": []string{"111"}})
	cases := map[string]struct {
		h        http.Header
		body     []byte
		location string
	}{
		"body changed":    {signed(accountsBody("A")), accountsBody("B"), "header.X-Signature"},
		"wrong key":       {must(other.SignedHeaders(accountsBody("C"))), accountsBody("C"), "header.X-Signature"},
		"other cert":      {must(otherCert.SignedHeaders(accountsBody("D"))), accountsBody("D"), "header.X-Client-Certificate"},
		"no trace":        {signed([]byte(`{"data":{}}`)), []byte(`{"data":{}}`), "trace"},
		"bad timestamp":   {signed([]byte(`{"trace":{"clientTransId":"E","clientTimestamp":"2026-01-01"},"data":{}}`)), []byte(`{"trace":{"clientTransId":"E","clientTimestamp":"2026-01-01"},"data":{}}`), "trace.clientTimestamp"},
		"unknown account": {signed(unknownAccount), unknownAccount, "data.accountNumbers[0]"},
	}
	for name, c := range cases {
		a := send(c.h, c.body)
		e, _ := a.JSON()["error"].(map[string]any)
		if a.Status != 417 || e["location"] != c.location || e["type"] == nil || e["code"] == nil || e["details"] == nil {
			t.Errorf("%s: %d %s", name, a.Status, a.Body)
		}
	}
	body := accountsBody("DUP")
	if a := send(signed(body), body); a.Status != 200 {
		t.Fatalf("first use: %d", a.Status)
	}
	if a := send(signed(body), body); a.Status != 417 || !strings.Contains(string(a.Body), "DUPLICATE") {
		t.Errorf("reused clientTransId: %d %s", a.Status, a.Body)
	}
	h := signed(accountsBody("G"))
	h.Set("X-Signature", h.Get("X-Signature")+"==")
	if a := send(h, accountsBody("G")); a.Status != 417 || !strings.Contains(string(a.Body), "INVALID_SIGNATURE_FORMAT") {
		t.Errorf("padded signature: %d %s", a.Status, a.Body)
	}
}

func TestRateLimit(t *testing.T) {
	r := newRig(t, mock.Rehearsal{})
	limited := mock.DefaultFixtures().Apps[3]
	id := client.Identity{ClientID: limited.ClientID, ClientSecret: credentials.Secret(limited.ClientSecret), Token: r.token(limited), Key: mock.TestKey(), Cert: limited.Cert}
	var last int
	for i := 0; i < limited.RateLimit+1; i++ {
		last = r.call(id, "/v1/savings/products", client.Envelope(client.NewTransID(), time.Now(), map[string]any{})).Status
	}
	if last != 429 { // [apic]
		t.Errorf("call over the plan's limit: %d", last)
	}
}

func must(h http.Header, err error) http.Header {
	if err != nil {
		panic(err)
	}
	return h
}
