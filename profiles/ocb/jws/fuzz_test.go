package jws

import (
	"bytes"
	"errors"
	"testing"
)

// FuzzSignVerify: every body signed verifies, and the same signature refuses
// any other body (the rule: the signature covers the exact bytes [obs]).
func FuzzSignVerify(f *testing.F) {
	key, err := ParsePrivateKey(vector(f, "test-partner.key"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(vector(f, "body.json"), byte(1))
	f.Add([]byte{}, byte(0))
	f.Add([]byte(`{"data":{"tên":"Nguyễn"}}`+"\r\n"), byte(7))
	f.Add([]byte{0, 0xff, '\n'}, byte(255))
	f.Fuzz(func(t *testing.T, body []byte, flip byte) {
		sig, err := Sign(key, body)
		if err != nil {
			t.Fatal(err)
		}
		if err := Verify(&key.PublicKey, body, sig); err != nil {
			t.Fatalf("round trip: %v", err)
		}
		other := append(bytes.Clone(body), flip)
		if err := Verify(&key.PublicKey, other, sig); !errors.Is(err, ErrSignatureMismatch) {
			t.Fatalf("a changed body verified: %v", err)
		}
	})
}
