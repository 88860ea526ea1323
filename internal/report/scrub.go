package report

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"html"
	"sort"

	"github.com/tingee-conformance/harness/internal/credentials"
)

// Redacted replaces a secret wherever the scrubber finds one.
const Redacted = "[REDACTED]"

// scrubber removes secrets from rendered artifacts: a second line of defence,
// since evidence is built never to hold one.
type scrubber struct{ forms [][]byte }

// newScrubber lists every form a secret could take in an artifact: plain,
// lower- and upper-case hex, standard and URL base64 with and without padding,
// and escaped as JSON and HTML would escape it.
func newScrubber(secrets []credentials.Secret) scrubber {
	seen := map[string]bool{}
	var s scrubber
	for _, secret := range secrets {
		if len(secret) == 0 {
			continue
		}
		quoted, _ := json.Marshal(string(secret))
		for _, form := range secretForms(secret) {
			seen[form] = true
		}
		seen[string(quoted[1:len(quoted)-1])] = true
		seen[html.EscapeString(string(secret))] = true
	}
	for form := range seen {
		s.forms = append(s.forms, []byte(form))
	}
	// Longest first, so a form is never half-replaced by a shorter one.
	sort.Slice(s.forms, func(i, j int) bool {
		if len(s.forms[i]) != len(s.forms[j]) {
			return len(s.forms[i]) > len(s.forms[j])
		}
		return bytes.Compare(s.forms[i], s.forms[j]) < 0
	})
	return s
}

// secretForms are the encodings of a secret an artifact must never contain:
// plain, hex (both cases) and base64 (standard and URL, padded and raw).
func secretForms(secret []byte) []string {
	h := hex.EncodeToString(secret)
	return []string{
		string(secret),
		h,
		string(bytes.ToUpper([]byte(h))),
		base64.StdEncoding.EncodeToString(secret),
		base64.RawStdEncoding.EncodeToString(secret),
		base64.URLEncoding.EncodeToString(secret),
		base64.RawURLEncoding.EncodeToString(secret),
	}
}

func (s scrubber) bytes(b []byte) []byte {
	for _, form := range s.forms {
		b = bytes.ReplaceAll(b, form, []byte(Redacted))
	}
	return b
}

// document scrubs every string of doc before rendering, so that no artifact —
// nor an encoding of one, such as cucumber.json's base64 embeddings — can
// carry a secret that reached the evidence.
func (s scrubber) document(doc *Document) (*Document, error) {
	raw, err := json.Marshal(doc)
	if err != nil {
		return nil, err
	}
	var out Document
	if err := json.Unmarshal(s.bytes(raw), &out); err != nil {
		return nil, err
	}
	return &out, nil
}
