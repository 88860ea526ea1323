// Package credentials reads a partner's client id and secret token from the
// environment variables a profile names or from a file named on the command
// line, and keeps the secret out of every printed form.
package credentials

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// Variables are the environment variables a profile reads its pair from.
type Variables struct {
	ClientID string
	Secret   string
}

// ErrMissing is returned when a credential is neither in the environment nor in a file.
var ErrMissing = errors.New("missing credentials")

// Secret is a secret token. No fmt verb and no JSON encoding shows its value.
type Secret []byte

// redacted is what a Secret prints as.
const redacted = "[secret redacted]"

func (Secret) String() string   { return redacted }
func (Secret) GoString() string { return redacted }

// Format prints the redaction for every verb: without it, %d, %c or %o
// would print the bytes of the token.
func (Secret) Format(f fmt.State, _ rune) { io.WriteString(f, redacted) }

// MarshalJSON encodes the redaction, not the base64 of the token.
func (Secret) MarshalJSON() ([]byte, error) { return []byte(`"` + redacted + `"`), nil }

// Credentials are a client id and its secret token.
type Credentials struct {
	ClientID string
	Secret   Secret
}

// Sources says where to look: explicit flag values first, then the environment.
type Sources struct {
	ClientID   string              // --client-id
	SecretFile string              // --secret-file PATH
	Getenv     func(string) string // os.Getenv in production
	Vars       Variables           // the profile's variables
}

// Load resolves the client id and the secret. A secret file is read whole and
// trailing newlines are trimmed, as editors add one.
func Load(s Sources) (Credentials, error) {
	getenv := s.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	c := Credentials{ClientID: s.ClientID}
	if c.ClientID == "" {
		c.ClientID = getenv(s.Vars.ClientID)
	}
	secret, err := LoadSecret(s.SecretFile, s.Vars.Secret, getenv)
	switch {
	case c.ClientID == "" && s.SecretFile == "" && errors.Is(err, ErrMissing):
		return Credentials{}, fmt.Errorf("%w: set %s and %s (or --client-id and --secret-file PATH)", ErrMissing, s.Vars.ClientID, s.Vars.Secret)
	case err != nil:
		return Credentials{}, err
	case c.ClientID == "":
		return Credentials{}, fmt.Errorf("%w: set %s (or --client-id)", ErrMissing, s.Vars.ClientID)
	}
	c.Secret = secret
	return c, nil
}

// LoadSecret reads the secret from file (when path is not empty) or from the
// environment variable named variable.
func LoadSecret(path, variable string, getenv func(string) string) (Secret, error) {
	if path != "" {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("cannot read --secret-file: %w", err)
		}
		b = []byte(strings.TrimRight(string(b), "\r\n"))
		if len(b) == 0 {
			return nil, fmt.Errorf("%w: --secret-file %s is empty", ErrMissing, path)
		}
		return Secret(b), nil
	}
	if v := getenv(variable); v != "" {
		return Secret(v), nil
	}
	return nil, fmt.Errorf("%w: set %s (or --secret-file PATH)", ErrMissing, variable)
}

// MaskID shows the last four characters of a client id, enough to tell ids apart.
func MaskID(id string) string {
	if len(id) <= 4 {
		return strings.Repeat("*", len(id))
	}
	return strings.Repeat("*", len(id)-4) + id[len(id)-4:]
}
