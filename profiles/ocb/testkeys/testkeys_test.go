package testkeys

import (
	"errors"
	"testing"

	"github.com/tingee-conformance/harness/profiles/ocb/jws"
)

func TestPairs(t *testing.T) {
	if err := jws.CheckPair(AppKey(), AppCert()); err != nil {
		t.Errorf("test app: %v", err)
	}
	if err := jws.CheckPair(OtherKey(), OtherCert()); err != nil {
		t.Errorf("other: %v", err)
	}
	if err := jws.CheckPair(AppKey(), OtherCert()); !errors.Is(err, jws.ErrKeyMismatch) {
		t.Errorf("the two pairs must differ: %v", err)
	}
}
