package redact

import (
	"errors"
	"testing"

	"github.com/tingee-conformance/harness/internal/credentials"
)

func TestCheckSecretRefusesSecretsTooShortToScrub(t *testing.T) {
	for secret, want := range map[string]error{"": nil, "a": ErrShortSecret, "1234567": ErrShortSecret, "12345678": nil} {
		if err := CheckSecret(credentials.Secret(secret)); !errors.Is(err, want) || (want == nil) != (err == nil) {
			t.Errorf("CheckSecret(%d bytes) = %v, want %v", len(secret), err, want)
		}
	}
}
