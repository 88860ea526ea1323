// Package mask is the one rule that hides personal numbers in every output of
// the harness: the report bundle, the console and the CI log. Every string
// goes through these rules, in this order:
//
//  0. Tokens: an OAuth access, refresh or id token's value, and a Bearer
//     credential, are replaced by TokenRedacted (Tokens).
//  1. Images: a base64 data URL of an image (generate-viet-qr's qrCodeImage)
//     is replaced by a note, "[PNG image, N bytes, not kept in evidence: it may
//     encode an account number]": a QR code carries the account number and no
//     text rule can mask it inside the pixels.
//  2. Fields: the value of a masked field (Fields), as a JSON field or a
//     query parameter, shows only its last four characters
//     (credentials.MaskID, the rule the report's client id follows).
//  3. Copies: the raw values rule 2 masks wherever they were learnt (a run's
//     exchanges, the fixtures, what the console already printed) are masked
//     wherever else they occur, when at least MinCopyLength long (shorter
//     ones would mask unrelated digits). A JSON string that held such a value
//     inside a longer text, such as the EMVCo payload in qrCode (tag 38 holds
//     the account number), is prefixed with CopyMark: it is no longer what
//     was sent, and a payload so altered must not be scanned.
//
// An API whose personal numbers come in no named field (OCB's) masks its
// output with AllNumbers: rules 0 to 2, then every run of 9 to 16 digits.
package mask

import (
	"net/http"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/tingee-conformance/harness/internal/credentials"
)

// Fields are the JSON fields and query parameters whose values are a
// person's account, identity or phone number (qrAccount is the account the QR
// pays into), or the partner's client id. vaAccountNumber is Tingee's routing
// key, not a person's number, and stays readable.
const Fields = `accountNumber|qrAccount|identity|identityNumber|citizenId|idNumber|cardNumber|mobile|phone|phoneNumber|clientId`

// MinCopyLength is the shortest masked value whose copies are masked too.
const MinCopyLength = 6

// CopyMark starts a JSON string in which a copy of a masked value was masked.
const CopyMark = "[masked copy, not as sent: not a scannable payload] "

var (
	// "accountNumber": "0123456789" or "mobile":84912345678, in bodies and in curl lines.
	// Also when the JSON is itself quoted inside a string (\"mobile\":\"0912…\").
	jsonField = regexp.MustCompile(`(?i)(\\?"(?:` + Fields + `)\\?"\s*:\s*(?:\\?")?)([^",}\]\s\\]+)`)
	// ?accountNumber=0123456789 in URLs and curl lines.
	queryField = regexp.MustCompile(`(?i)([?&](?:` + Fields + `)=)([^&#\s'"]+)`)
	// The last segment of a JSON pointer, when it names a masked field.
	fieldPointer = regexp.MustCompile(`(?i)/(?:` + Fields + `)$`)
	// -H 'NAME-client-id: value' (any header naming a client id) in curl lines.
	curlClientID = regexp.MustCompile(`(?i)([a-z0-9-]*client-id:\s*)([^'"\s]+)`)
	// data:image/png;base64,iVBOR…, with "/" possibly escaped as "\/" in JSON.
	imageDataURL = regexp.MustCompile(`data:image/([A-Za-z0-9.+-]+);base64,((?:[A-Za-z0-9+=_-]|\\?/)+)`)
	// A JSON string literal, escapes included.
	jsonString = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)
)

// Fixed applies rules 0 to 2: tokens are redacted, images become a note,
// and masked fields show their last four characters.
func Fixed(s string) string {
	s = Tokens(s)
	s = imageDataURL.ReplaceAllStringFunc(s, func(m string) string {
		g := imageDataURL.FindStringSubmatch(m)
		b64 := strings.TrimRight(strings.ReplaceAll(g[2], `\`, ""), "=")
		return "[" + strings.ToUpper(g[1]) + " image, " + strconv.Itoa(len(b64)*3/4) +
			" bytes, not kept in evidence: it may encode an account number]"
	})
	s = jsonField.ReplaceAllStringFunc(s, func(m string) string {
		g := jsonField.FindStringSubmatch(m)
		if g[2] == "null" {
			return m
		}
		return g[1] + credentials.MaskID(g[2])
	})
	return queryField.ReplaceAllStringFunc(s, func(m string) string {
		g := queryField.FindStringSubmatch(m)
		return g[1] + credentials.MaskID(g[2])
	})
}

// maskedValue is what rule 2 leaves of a value: stars, then at most its last four characters.
var maskedValue = regexp.MustCompile(`^\*{2,}[^*]{0,4}$`)

// Masked tells whether s (a body or a curl line) holds what this package
// masked — a masked field's starred value, a masked copy or an image note —
// and names the first such field: it is then not what was sent.
func Masked(s string) (bool, string) {
	for _, g := range jsonField.FindAllStringSubmatch(s, -1) {
		if maskedValue.MatchString(g[2]) {
			return true, strings.Trim(strings.SplitN(g[1], ":", 2)[0], `\" `)
		}
	}
	for _, g := range queryField.FindAllStringSubmatch(s, -1) {
		if maskedValue.MatchString(g[2]) {
			return true, strings.Trim(g[1], "?&=")
		}
	}
	switch {
	case strings.Contains(s, CopyMark):
		return true, "a masked copy"
	case strings.Contains(s, "not kept in evidence: it may encode an account number]"):
		return true, "an image note"
	}
	return false, ""
}

// Masker applies all three rules, with the values rule 3 searches for
// learnt from the text it is shown. Safe for concurrent use; the zero value
// knows no values yet.
type Masker struct {
	mu     sync.Mutex
	values map[string]bool   // the raw values rule 3 masks
	copies *strings.Replacer // rule 3: each raw value to its masked form; nil when stale
}

// Learn notes the values masked fields hold in s, for rule 3.
func (m *Masker) Learn(s string) {
	for _, g := range jsonField.FindAllStringSubmatch(s, -1) {
		m.LearnValue(g[2])
	}
	for _, g := range queryField.FindAllStringSubmatch(s, -1) {
		m.LearnValue(g[2])
	}
}

// LearnValue notes one raw value (a fixture's account number, a client id
// header) for rule 3; too short a value, or null, is ignored.
func (m *Masker) LearnValue(v string) {
	if len(v) < MinCopyLength || v == "null" || credentials.MaskID(v) == v {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.values[v] {
		return
	}
	if m.values == nil {
		m.values = map[string]bool{}
	}
	m.values[v] = true
	m.copies = nil
}

// replacer returns rule 3's replacer and whether v is a learnt value.
func (m *Masker) replacer() (*strings.Replacer, map[string]bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.values) == 0 {
		return nil, nil
	}
	if m.copies == nil {
		raw := make([]string, 0, len(m.values))
		for v := range m.values {
			raw = append(raw, v)
		}
		// Longest first: a value inside another is not half-replaced.
		sort.Slice(raw, func(i, j int) bool { return len(raw[i]) > len(raw[j]) || len(raw[i]) == len(raw[j]) && raw[i] < raw[j] })
		pairs := make([]string, 0, 2*len(raw))
		for _, v := range raw {
			pairs = append(pairs, v, credentials.MaskID(v))
		}
		m.copies = strings.NewReplacer(pairs...)
	}
	return m.copies, m.values
}

// Text masks s by all three rules.
func (m *Masker) Text(s string) string {
	s = Fixed(s)
	copies, values := m.replacer()
	if copies == nil {
		return s
	}
	s = jsonString.ReplaceAllStringFunc(s, func(lit string) string {
		out := copies.Replace(lit)
		if out == lit || values[lit[1:len(lit)-1]] {
			return out
		}
		return `"` + CopyMark + out[1:]
	})
	return copies.Replace(s)
}

// Texts masks each of in.
func (m *Masker) Texts(in []string) []string {
	if in == nil {
		return nil
	}
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = m.Text(s)
	}
	return out
}

// Body masks a body kept as text.
func (m *Masker) Body(b []byte) string {
	return m.Text(strings.ToValidUTF8(string(b), "\uFFFD"))
}

// Curl masks the client id header and the rest of a curl line.
func (m *Masker) Curl(s string) string {
	s = curlClientID.ReplaceAllStringFunc(s, func(match string) string {
		g := curlClientID.FindStringSubmatch(match)
		return g[1] + credentials.MaskID(g[2])
	})
	return m.Text(s)
}

// Absent is what spec findings say they got for a value that is not there.
const Absent = "(missing)"

// Found masks what a spec finding got at a JSON pointer: at a masked field
// the value itself (keeping its JSON quotes), elsewhere like any text.
func (m *Masker) Found(pointer, got string) string {
	if !fieldPointer.MatchString(pointer) || got == "" || got == "null" || got == Absent {
		return m.Text(got)
	}
	if inner, quoted := strings.CutPrefix(got, `"`); quoted {
		return `"` + credentials.MaskID(strings.TrimSuffix(inner, `"`)) + `"`
	}
	return credentials.MaskID(got)
}

// IsClientIDHeader reports whether a header names a client id, whatever the API calls it
// (its name ends in client-id: Tingee's, OCB's X-IBM-Client-Id).
func IsClientIDHeader(name string) bool {
	return strings.HasSuffix(strings.ToLower(name), "client-id")
}

// Header copies h masked: a client id header shows its last four
// characters, every other value is masked as text.
func (m *Masker) Header(h http.Header) map[string][]string {
	if h == nil {
		return nil
	}
	out := make(map[string][]string, len(h))
	for k, vs := range h {
		cp := make([]string, len(vs))
		for i, v := range vs {
			if IsClientIDHeader(k) {
				v = credentials.MaskID(v)
			}
			cp[i] = m.Text(v)
		}
		out[k] = cp
	}
	return out
}
