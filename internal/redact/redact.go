// Package redact keeps secrets out of every file a run writes: a secret too
// short to be told from ordinary text is refused up front (CheckSecret), and
// a Scrubber replaces every form a secret could take — plain, hex, base64,
// JSON- and HTML-escaped — in a value's strings and in rendered files.
package redact

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"path"
	"reflect"
	"sort"
	"strings"

	"github.com/tingee-conformance/harness/internal/credentials"
)

// Redacted replaces a secret wherever the scrubber finds one.
const Redacted = "[REDACTED]"

// MinSecretLength is the shortest secret a report can be written for. A
// shorter one cannot be told apart from ordinary text (a one-byte secret is in
// nearly every word), so scrubbing it would destroy the report without hiding
// anything; and it could be guessed from any signature the report shows.
const MinSecretLength = 8

// ErrShortSecret is returned for a secret shorter than MinSecretLength.
var ErrShortSecret = errors.New("secret too short to keep out of a report")

// CheckSecret refuses a secret a report cannot be scrubbed of. An empty secret
// means none and passes. Commands call it before a run, so a short secret is a
// usage error up front rather than a lost report at the end.
func CheckSecret(secret credentials.Secret) error {
	if n := len(secret); n > 0 && n < MinSecretLength {
		return fmt.Errorf("%w: it is %d bytes, want at least %d", ErrShortSecret, n, MinSecretLength)
	}
	return nil
}

// Scrubber removes secrets from a report: a second line of defence, since
// evidence is built never to hold one. It replaces them inside a document's
// strings (Strings), where no secret can break the structure, then checks
// every rendered file for any form the renderers made (File).
type Scrubber struct {
	forms    []string // what the document's strings are searched for
	rendered []string // forms plus how the renderers escape them
}

// New lists every form a secret could take: plain, lower- and upper-case
// hex, standard and URL base64 with and without padding; and in rendered
// files also escaped as JSON and HTML would escape it.
func New(secrets []credentials.Secret) (Scrubber, error) {
	forms, rendered := map[string]bool{}, map[string]bool{}
	for _, secret := range secrets {
		if err := CheckSecret(secret); err != nil {
			return Scrubber{}, err
		}
		if len(secret) == 0 {
			continue
		}
		for _, form := range Forms(secret) {
			forms[form], rendered[form] = true, true
		}
		quoted, _ := json.Marshal(string(secret))
		rendered[string(quoted[1:len(quoted)-1])] = true
		rendered[html.EscapeString(string(secret))] = true
	}
	return Scrubber{forms: longestFirst(forms), rendered: longestFirst(rendered)}, nil
}

// longestFirst sorts forms so that none is half-replaced by a shorter one.
func longestFirst(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for form := range set {
		out = append(out, form)
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i]) != len(out[j]) {
			return len(out[i]) > len(out[j])
		}
		return out[i] < out[j]
	})
	return out
}

// Forms are the encodings of a secret an artifact must never contain:
// plain, hex (both cases) and base64 (standard and URL, padded and raw).
func Forms(secret []byte) []string {
	h := hex.EncodeToString(secret)
	return []string{
		string(secret),
		h,
		strings.ToUpper(h),
		base64.StdEncoding.EncodeToString(secret),
		base64.RawStdEncoding.EncodeToString(secret),
		base64.URLEncoding.EncodeToString(secret),
		base64.RawURLEncoding.EncodeToString(secret),
	}
}

func replaceAll(s string, forms []string) string {
	for _, form := range forms {
		s = strings.ReplaceAll(s, form, Redacted)
	}
	return s
}

// Strings scrubs every string reachable from ptr (a pointer), map keys
// included. Numbers and times are left alone.
func (s Scrubber) Strings(ptr any) {
	if len(s.forms) > 0 {
		s.value(reflect.ValueOf(ptr).Elem())
	}
}

// value scrubs the strings reachable from v, which must be settable.
func (s Scrubber) value(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(replaceAll(v.String(), s.forms))
	case reflect.Pointer:
		if !v.IsNil() {
			s.value(v.Elem())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				s.value(v.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			s.value(v.Index(i))
		}
	case reflect.Map:
		if v.IsNil() {
			return
		}
		out := reflect.MakeMapWithSize(v.Type(), v.Len())
		for iter := v.MapRange(); iter.Next(); {
			key, elem := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
			key.Set(iter.Key())
			elem.Set(iter.Value())
			s.value(key)
			s.value(elem)
			out.SetMapIndex(key, elem)
		}
		v.Set(out)
	}
}

// File scrubs a rendered file of the forms renderers make (escapes, and a
// secret that happens to match the report's own text). It refuses, rather
// than write, a JSON or XML file the replacement left malformed.
func (s Scrubber) File(name string, data []byte) ([]byte, error) {
	out := []byte(replaceAll(string(data), s.rendered))
	if bytes.Equal(out, data) || wellFormed(name, out) {
		return out, nil
	}
	return nil, fmt.Errorf("%s: the secret matches the report's own text there; it cannot be redacted without breaking the file", name)
}

// wellFormed checks a .json or .xml file; other files have no syntax to break.
func wellFormed(name string, data []byte) bool {
	switch path.Ext(name) {
	case ".json":
		return json.Valid(data)
	case ".xml":
		dec := xml.NewDecoder(bytes.NewReader(data))
		for {
			_, err := dec.Token()
			if err == io.EOF {
				return true
			}
			if err != nil {
				return false
			}
		}
	}
	return true
}
