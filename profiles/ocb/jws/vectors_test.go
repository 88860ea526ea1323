package jws

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// vectorDir holds the openssl-made vectors copied from OCB's notes (see its README.md).
const vectorDir = "../testdata/vectors"

func vector(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(vectorDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The vectors were made with openssl independently of this code [obs rule, openssl output].
func TestVectorsByteForByte(t *testing.T) {
	key, err := ParsePrivateKey(vector(t, "test-partner.key"))
	if err != nil {
		t.Fatal(err)
	}
	cert, err := ParseCertificate(vector(t, "test-partner.crt"))
	if err != nil {
		t.Fatal(err)
	}
	body := vector(t, "body.json")
	if got, want := SigningInput(ProtectedHeader, body), string(vector(t, "signing-input.txt")); got != want {
		t.Errorf("signing input\n got %s\nwant %s", got, want)
	}
	sig, err := Sign(key, body)
	if err != nil {
		t.Fatal(err)
	}
	if want := string(vector(t, "x-signature.txt")); sig != want {
		t.Errorf("X-Signature\n got %s\nwant %s", sig, want)
	}
	if got, want := CertificateHeader(cert), string(vector(t, "x-client-certificate.txt")); got != want {
		t.Errorf("X-Client-Certificate differs")
	}
	if err := Verify(PublicKey(cert), body, sig); err != nil {
		t.Errorf("verify the vector: %v", err)
	}
	if err := CheckPair(key, cert); err != nil {
		t.Errorf("the vector pair: %v", err)
	}
	fromHeader, err := ParseCertificateHeader(string(vector(t, "x-client-certificate.txt")))
	if err != nil || !fromHeader.Equal(cert) {
		t.Errorf("X-Client-Certificate does not parse back to the certificate: %v", err)
	}
}

func TestPKCS1KeyGivesTheSameSignature(t *testing.T) {
	key, err := ParsePrivateKey(vector(t, "test-partner.key"))
	if err != nil {
		t.Fatal(err)
	}
	pkcs1, err := ParsePrivateKey(vector(t, "test-partner.pkcs1.key"))
	if err != nil {
		t.Fatal(err)
	}
	if !key.Equal(pkcs1) {
		t.Fatal("PKCS#1 and PKCS#8 files hold different keys")
	}
}

func TestVerifyRefusals(t *testing.T) {
	key, _ := ParsePrivateKey(vector(t, "test-partner.key"))
	cert, _ := ParseCertificate(vector(t, "test-partner.crt"))
	body := vector(t, "body.json")
	sig := string(vector(t, "x-signature.txt"))
	pub := PublicKey(cert)
	changed := []byte(strings.Replace(string(body), "0001", "0002", 1))
	rs512, _ := SignInput(key, SigningInput(`{"alg":"RS512"}`, body))
	cases := []struct {
		name string
		body []byte
		sig  string
		want error
	}{
		{"body changed after signing", changed, sig, ErrSignatureMismatch},
		{"missing", body, "", ErrMissingSignature},
		{"padded", body, sig + "==", ErrSignatureEncoding},
		{"standard base64 alphabet", body, strings.NewReplacer("-", "+", "_", "/").Replace(sig), ErrSignatureEncoding},
		{"another protected header", body, rs512, ErrSignatureMismatch},
		{"whole compact JWS", body, SigningInput(ProtectedHeader, body) + "." + sig, ErrSignatureEncoding},
	}
	for _, c := range cases {
		if err := Verify(pub, c.body, c.sig); !errors.Is(err, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, err, c.want)
		}
	}
}

func TestKeyAndCertificateErrors(t *testing.T) {
	if _, err := ParsePrivateKey([]byte("not pem")); !errors.Is(err, ErrNoPEM) {
		t.Errorf("no PEM: %v", err)
	}
	if _, err := ParsePrivateKey(vector(t, "test-partner.crt")); !errors.Is(err, ErrNoPEM) {
		t.Errorf("a certificate as key: %v", err)
	}
	if _, err := ParseCertificate(vector(t, "test-partner.key")); !errors.Is(err, ErrNoPEM) {
		t.Errorf("a key as certificate: %v", err)
	}
	if _, err := ParseCertificateHeader(string(vector(t, "test-partner.crt"))); !errors.Is(err, ErrCertificate) {
		t.Errorf("PEM armour in the header: %v", err)
	}
	cert, _ := ParseCertificate(vector(t, "test-partner.crt"))
	if err := CheckValidity(cert, cert.NotAfter.Add(time.Hour)); !errors.Is(err, ErrCertificateExpired) {
		t.Errorf("after NotAfter: %v", err)
	}
	if err := CheckValidity(cert, cert.NotBefore.Add(time.Hour)); err != nil {
		t.Errorf("inside validity: %v", err)
	}
}
