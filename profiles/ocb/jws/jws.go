// Package jws signs and verifies OCB Open API request bodies as a detached
// JWS with RS256: the X-Signature header is the signature segment only of
// base64url('{"alg":"RS256"}') + "." + base64url(body), over the exact body
// bytes. It uses the standard library only and imports nothing of the project.
// Source: docs/ocb-open-api.md, "Resource calls" [obs].
package jws

import (
	"crypto"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
)

// ProtectedHeader is the JWS protected header OCB's signatures are made with [obs].
const ProtectedHeader = `{"alg":"RS256"}`

// Sentinel errors; wrap them with %w and test them with errors.Is.
var (
	// ErrSignatureEncoding: the header value is not unpadded base64url.
	ErrSignatureEncoding = errors.New("X-Signature is not unpadded base64url")
	// ErrSignatureMismatch: the signature does not verify with the public key.
	ErrSignatureMismatch = errors.New("X-Signature does not verify against the certificate")
	// ErrMissingSignature: no X-Signature value at all.
	ErrMissingSignature = errors.New("X-Signature is missing")
)

// encoding is base64url without '=' padding (RFC 7515 §2).
var encoding = base64.RawURLEncoding

// SigningInput is base64url(header) + "." + base64url(body).
func SigningInput(header string, body []byte) string {
	return encoding.EncodeToString([]byte(header)) + "." + encoding.EncodeToString(body)
}

// Sign returns the X-Signature value for body: RSASSA-PKCS1-v1_5 SHA-256 over
// the RS256 signing input, base64url without padding. PKCS#1 v1.5 is
// deterministic, so the same key and body always give the same value.
func Sign(key *rsa.PrivateKey, body []byte) (string, error) {
	return SignInput(key, SigningInput(ProtectedHeader, body))
}

// SignInput signs an already built signing input (tests use it to sign a
// different protected header, e.g. an alg other than RS256).
func SignInput(key *rsa.PrivateKey, input string) (string, error) {
	digest := sha256.Sum256([]byte(input))
	sig, err := rsa.SignPKCS1v15(nil, key, crypto.SHA256, digest[:])
	if err != nil {
		return "", fmt.Errorf("jws: sign: %w", err)
	}
	return encoding.EncodeToString(sig), nil
}

// Verify checks an X-Signature value against body with the partner's public key.
func Verify(pub *rsa.PublicKey, body []byte, signature string) error {
	if signature == "" {
		return ErrMissingSignature
	}
	if strings.ContainsAny(signature, "=+/") {
		return ErrSignatureEncoding
	}
	sig, err := encoding.DecodeString(signature)
	if err != nil {
		return ErrSignatureEncoding
	}
	digest := sha256.Sum256([]byte(SigningInput(ProtectedHeader, body)))
	if err := rsa.VerifyPKCS1v15(pub, crypto.SHA256, digest[:], sig); err != nil {
		return ErrSignatureMismatch
	}
	return nil
}
