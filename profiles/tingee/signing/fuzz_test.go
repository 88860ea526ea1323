package signing_test

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/tingee-conformance/harness/profiles/tingee/signing"
)

// FuzzSignVerify: a request signed with SetHeaders verifies, and changing any
// single byte of its body, timestamp or signature (XOR with flip) makes Verify
// fail. The one exception is a change of letter case in the hex signature,
// which CheckSignature accepts by design. Seeds: testdata/fuzz/FuzzSignVerify.
func FuzzSignVerify(f *testing.F) {
	f.Fuzz(func(t *testing.T, body, secret []byte, flip byte) {
		if flip == 0 {
			flip = 1
		}
		h := http.Header{}
		ts, sig := signing.SetHeaders(h, "client-1", secret, body, signedAt)
		if err := signing.Verify(h, body, secret, signedAt); err != nil {
			t.Fatalf("freshly signed request does not verify: %v", err)
		}
		for _, i := range positions(len(body)) {
			changed := []byte(string(body))
			changed[i] ^= flip
			if err := signing.Verify(h, changed, secret, signedAt); !errors.Is(err, signing.ErrBadSignature) {
				t.Errorf("body byte %d changed: Verify = %v, want ErrBadSignature", i, err)
			}
		}
		for i := range len(ts) {
			h.Set(signing.HeaderTimestamp, flipByte(ts, i, flip))
			err := signing.Verify(h, body, secret, signedAt)
			if !isRejection(err) {
				t.Errorf("timestamp byte %d changed (%q): Verify = %v, want a rejection", i, h.Get(signing.HeaderTimestamp), err)
			}
		}
		h.Set(signing.HeaderTimestamp, ts)
		for i := range len(sig) {
			changed := flipByte(sig, i, flip)
			h.Set(signing.HeaderSignature, changed)
			err := signing.Verify(h, body, secret, signedAt)
			if strings.EqualFold(changed, sig) {
				if err != nil {
					t.Errorf("signature byte %d changed case only: Verify = %v, want accepted", i, err)
				}
			} else if !errors.Is(err, signing.ErrBadSignature) {
				t.Errorf("signature byte %d changed: Verify = %v, want ErrBadSignature", i, err)
			}
		}
	})
}

// positions lists the body bytes to change: all of them for short bodies,
// 64 spread over the body (first and last included) for long ones.
func positions(n int) []int {
	step := max(1, n/64)
	var out []int
	for i := 0; i < n; i += step {
		out = append(out, i)
	}
	if n > 0 && out[len(out)-1] != n-1 {
		out = append(out, n-1)
	}
	return out
}

func flipByte(s string, i int, flip byte) string {
	b := []byte(s)
	b[i] ^= flip
	return string(b)
}

func isRejection(err error) bool {
	for _, want := range []error{signing.ErrMalformedTimestamp, signing.ErrStaleTimestamp, signing.ErrFutureTimestamp, signing.ErrBadSignature} {
		if errors.Is(err, want) {
			return true
		}
	}
	return false
}
