package jws

import (
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Sentinel errors of key and certificate handling.
var (
	// ErrNoPEM: the file holds no PEM block of the expected kind.
	ErrNoPEM = errors.New("no PEM block found")
	// ErrNotRSA: the key or certificate is not RSA; RS256 needs RSA.
	ErrNotRSA = errors.New("not an RSA key (RS256 needs RSA)")
	// ErrCertificate: the certificate cannot be parsed.
	ErrCertificate = errors.New("not a valid X.509 certificate")
	// ErrKeyMismatch: the certificate's public key is not the private key's.
	ErrKeyMismatch = errors.New("the certificate does not match the private key")
	// ErrCertificateExpired: now is outside the certificate's validity.
	ErrCertificateExpired = errors.New("the certificate is expired or not yet valid")
)

// ParsePrivateKey reads an RSA private key from PEM: PKCS#8 ("PRIVATE KEY")
// or PKCS#1 ("RSA PRIVATE KEY"). Errors never quote the key.
func ParsePrivateKey(pemBytes []byte) (*rsa.PrivateKey, error) {
	for rest := pemBytes; ; {
		var block *pem.Block
		block, rest = pem.Decode(rest)
		if block == nil {
			return nil, fmt.Errorf("private key: %w (want PRIVATE KEY or RSA PRIVATE KEY)", ErrNoPEM)
		}
		switch block.Type {
		case "RSA PRIVATE KEY":
			k, err := x509.ParsePKCS1PrivateKey(block.Bytes)
			if err != nil {
				return nil, errors.New("private key: the PKCS#1 block cannot be parsed")
			}
			return k, nil
		case "PRIVATE KEY":
			k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
			if err != nil {
				return nil, errors.New("private key: the PKCS#8 block cannot be parsed")
			}
			rk, ok := k.(*rsa.PrivateKey)
			if !ok {
				return nil, fmt.Errorf("private key: %w", ErrNotRSA)
			}
			return rk, nil
		}
	}
}

// ParseCertificate reads the first CERTIFICATE block of a PEM file.
func ParseCertificate(pemBytes []byte) (*x509.Certificate, error) {
	for rest := pemBytes; ; {
		var block *pem.Block
		block, rest = pem.Decode(rest)
		if block == nil {
			return nil, fmt.Errorf("certificate: %w (want CERTIFICATE)", ErrNoPEM)
		}
		if block.Type == "CERTIFICATE" {
			return parseDER(block.Bytes)
		}
	}
}

func parseDER(der []byte) (*x509.Certificate, error) {
	c, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCertificate, err)
	}
	if _, ok := c.PublicKey.(*rsa.PublicKey); !ok {
		return nil, fmt.Errorf("certificate: %w", ErrNotRSA)
	}
	return c, nil
}

// CertificateHeader is the X-Client-Certificate value: the DER, standard
// base64, one line, no PEM armour [obs].
func CertificateHeader(c *x509.Certificate) string {
	return base64.StdEncoding.EncodeToString(c.Raw)
}

// ParseCertificateHeader reads an X-Client-Certificate value. A PEM-armoured
// value is refused: OCB's header carries the bare DER in base64 [obs].
func ParseCertificateHeader(v string) (*x509.Certificate, error) {
	if strings.Contains(v, "-----BEGIN") {
		return nil, fmt.Errorf("%w: X-Client-Certificate holds PEM armour; send base64 DER on one line", ErrCertificate)
	}
	der, err := base64.StdEncoding.DecodeString(v)
	if err != nil {
		return nil, fmt.Errorf("%w: X-Client-Certificate is not base64", ErrCertificate)
	}
	return parseDER(der)
}

// PublicKey is the certificate's RSA public key (ParseCertificate checked the type).
func PublicKey(c *x509.Certificate) *rsa.PublicKey {
	pub, _ := c.PublicKey.(*rsa.PublicKey)
	return pub
}

// CheckPair says whether the certificate carries the private key's public half.
func CheckPair(key *rsa.PrivateKey, c *x509.Certificate) error {
	if pub := PublicKey(c); pub == nil || !key.PublicKey.Equal(pub) {
		return ErrKeyMismatch
	}
	return nil
}

// CheckValidity says whether now lies within the certificate's NotBefore..NotAfter.
func CheckValidity(c *x509.Certificate, now time.Time) error {
	if now.Before(c.NotBefore) || now.After(c.NotAfter) {
		return fmt.Errorf("%w (valid %s to %s)", ErrCertificateExpired,
			c.NotBefore.UTC().Format(time.DateOnly), c.NotAfter.UTC().Format(time.DateOnly))
	}
	return nil
}
