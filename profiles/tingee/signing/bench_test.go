package signing_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/tingee-conformance/harness/profiles/tingee/signing"
)

// benchBody is a 1 KiB JSON body, about the size of a large Tingee request.
var benchBody = []byte(`{"content":"` + strings.Repeat("x", 1024-14) + `"}`)

func BenchmarkSign(b *testing.B) {
	b.SetBytes(int64(len(benchBody)))
	for b.Loop() {
		signing.Sign(secret, signedAtStamp, benchBody)
	}
}

func BenchmarkVerify(b *testing.B) {
	h := http.Header{}
	signing.SetHeaders(h, "client-1", secret, benchBody, signedAt)
	b.SetBytes(int64(len(benchBody)))
	for b.Loop() {
		if err := signing.Verify(h, benchBody, secret, signedAt); err != nil {
			b.Fatal(err)
		}
	}
}
