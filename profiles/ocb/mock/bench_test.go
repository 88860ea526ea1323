package mock_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/tingee-conformance/harness/internal/credentials"
	"github.com/tingee-conformance/harness/profiles/ocb/client"
	"github.com/tingee-conformance/harness/profiles/ocb/jws"
	"github.com/tingee-conformance/harness/profiles/ocb/mock"
	"github.com/tingee-conformance/harness/profiles/ocb/testkeys"
)

// poolSize signed requests are made before timing; the mock refuses a
// clientTransId twice, so a fresh mock serves each pool.
const poolSize = 500

type signedCall struct {
	h    http.Header
	body string
}

func signedPool(b *testing.B, token string) []signedCall {
	app := mock.TestApp()
	id := client.Identity{ClientID: app.ClientID, ClientSecret: credentials.Secret(app.ClientSecret), Token: token, Key: testkeys.AppKey(), Cert: app.Cert}
	pool := make([]signedCall, poolSize)
	for i := range pool {
		body := client.Envelope(client.NewTransID(), time.Now(), map[string]any{"accountNumbers": []string{"0123456789"}})
		h, err := id.SignedHeaders(body)
		if err != nil {
			b.Fatal(err)
		}
		pool[i] = signedCall{h, string(body)}
	}
	return pool
}

// freshMock is a mock and a token it issued.
func freshMock(b *testing.B) (*mock.Mock, string) {
	m := mock.New(mock.Config{})
	srv := httptest.NewServer(m)
	defer srv.Close()
	app := mock.TestApp()
	a, err := client.New(srv.URL, time.Second).Token(context.Background(), client.PasswordForm(app.ClientID, credentials.Secret(app.ClientSecret), app.Users[0].Username, credentials.Secret(app.Users[0].Password)))
	if err != nil || client.AccessToken(a) == "" {
		b.Fatalf("token: %v %s", err, a.Body)
	}
	return m, client.AccessToken(a)
}

func serve(b *testing.B, h http.Handler, c signedCall) {
	req := httptest.NewRequest(http.MethodPost, "/v1/accounts/details", strings.NewReader(c.body))
	req.Header = c.h.Clone()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		b.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
}

// BenchmarkMockSignedCall: one accounts/details call through the whole mock
// (gateway, token, certificate, RS256 verify, envelope, answer).
func BenchmarkMockSignedCall(b *testing.B) {
	var m *mock.Mock
	var pool []signedCall
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if i%poolSize == 0 {
			b.StopTimer()
			var token string
			m, token = freshMock(b)
			pool = signedPool(b, token)
			b.StartTimer()
		}
		serve(b, m, pool[i%poolSize])
	}
}

// BenchmarkBareRS256Verify: a handler that only reads the body and verifies
// X-Signature with the certificate's key — the floor the mock is compared with.
func BenchmarkBareRS256Verify(b *testing.B) {
	pub := jws.PublicKey(mock.TestApp().Cert)
	bare := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if jws.Verify(pub, body, r.Header.Get("X-Signature")) != nil {
			w.WriteHeader(http.StatusExpectationFailed)
			return
		}
		w.WriteHeader(http.StatusOK)
	})
	pool := signedPool(b, "unused")
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		serve(b, bare, pool[i%poolSize])
	}
}
