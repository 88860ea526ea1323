// Package testkeys holds the OCB profile's TEST key pairs (see README.md):
// the mock's test app and a second pair that matches no app. They sign
// nothing real; the mock, the preflight's rehearsal and the suite use them.
package testkeys

import (
	"crypto/rsa"
	"crypto/x509"
	"embed"

	"github.com/tingee-conformance/harness/profiles/ocb/jws"
)

// FS holds testapp.key, testapp.crt, other.key and other.crt.
//
//go:embed *.key *.crt
var FS embed.FS

// AppKey is the test app's private key.
func AppKey() *rsa.PrivateKey { return key("testapp.key") }

// AppCert is the test app's certificate.
func AppCert() *x509.Certificate { return cert("testapp.crt") }

// OtherKey is a key that matches no app ("wrong key").
func OtherKey() *rsa.PrivateKey { return key("other.key") }

// OtherCert is OtherKey's certificate ("certificate not matching the key").
func OtherCert() *x509.Certificate { return cert("other.crt") }

func key(name string) *rsa.PrivateKey {
	b, _ := FS.ReadFile(name)
	k, err := jws.ParsePrivateKey(b)
	if err != nil {
		panic(err) // embedded and tested
	}
	return k
}

func cert(name string) *x509.Certificate {
	b, _ := FS.ReadFile(name)
	c, err := jws.ParseCertificate(b)
	if err != nil {
		panic(err)
	}
	return c
}
