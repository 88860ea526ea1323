package main

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/tingee-conformance/harness/profiles/tingee/auth"
	"github.com/tingee-conformance/harness/profiles/tingee/mock"
	"github.com/tingee-conformance/harness/profiles/tingee/signing"
)

// BenchmarkMix measures each request of the load mix through the mock's
// handler in-process (no network), with and without --self-check: the
// server-side cost bench/compare's figures are made of.
func BenchmarkMix(b *testing.B) {
	pair := auth.Mock()
	for _, selfCheck := range []bool{false, true} {
		h, err := mock.New(mock.Config{ClientID: pair.ClientID, Secret: pair.Secret, SelfCheck: selfCheck})
		if err != nil {
			b.Fatal(err)
		}
		for _, c := range mix[:2] {
			b.Run(benchName(c, selfCheck), func(b *testing.B) { benchCall(b, h, c) })
		}
		b.Run(benchName(mix[len(mix)-1], selfCheck), func(b *testing.B) { benchCall(b, h, mix[len(mix)-1]) })
	}
}

func benchName(c call, selfCheck bool) string {
	if selfCheck {
		return c.path[len("/v1/"):] + "/self-check"
	}
	return c.path[len("/v1/"):]
}

func benchCall(b *testing.B, h http.Handler, c call) {
	pair := auth.Mock()
	r := httptest.NewRequest(c.method, c.path, nil)
	r.Header.Set("Content-Type", "application/json")
	b.ReportAllocs()
	for b.Loop() {
		signing.SetHeaders(r.Header, pair.ClientID, pair.Secret, c.body, time.Now())
		r.Body = io.NopCloser(bytes.NewReader(c.body))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		if rec.Code != http.StatusOK {
			b.Fatalf("%s: %d %s", c.path, rec.Code, rec.Body)
		}
	}
}
