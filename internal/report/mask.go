package report

import (
	"net/http"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/tingee-conformance/harness/internal/credentials"
	"github.com/tingee-conformance/harness/internal/evidence"
)

// How evidence is masked. Every string of a scenario's evidence (step text and
// error, observations, URL, headers, bodies, curl line, findings) goes
// through three rules, in this order:
//
//  1. Images: a base64 data URL of an image (generate-viet-qr's qrCodeImage)
//     is replaced by a note, "[PNG image, N bytes, not kept in evidence: it may
//     encode an account number]": a QR code carries the account number and no
//     text rule can mask it inside the pixels.
//  2. Fields: the value of a masked field (maskedFields), as a JSON field or a
//     query parameter, shows only its last four characters
//     (credentials.MaskID, the rule the report's client id follows).
//  3. Copies: the raw values rule 2 masks anywhere in the run's exchanges
//     (their URLs, bodies, curl lines and x-client-id headers) are masked
//     wherever else they occur in the evidence, when at least minCopyLength
//     long (shorter ones would mask unrelated digits). A JSON string that held
//     such a value inside a longer text, such as the EMVCo payload in qrCode
//     (tag 38 holds the account number), is prefixed with copyMark: it is no
//     longer what was sent, and a payload so altered must not be scanned.

// maskedFields are the JSON fields and query parameters whose values are a
// person's account, identity or phone number (qrAccount is the account the QR
// pays into), or the partner's client id. vaAccountNumber is Tingee's routing
// key, not a person's number, and stays readable.
const maskedFields = `accountNumber|qrAccount|identity|identityNumber|citizenId|idNumber|cardNumber|mobile|phone|phoneNumber|clientId`

// minCopyLength is the shortest masked value whose copies are masked too.
const minCopyLength = 6

// copyMark starts a JSON string in which a copy of a masked value was masked.
const copyMark = "[masked copy, not as sent: not a scannable payload] "

var (
	// "accountNumber": "0123456789" or "mobile":84912345678, in bodies and in curl lines.
	// Also when the JSON is itself quoted inside a string (\"mobile\":\"0912…\").
	jsonMasked = regexp.MustCompile(`(?i)(\\?"(?:` + maskedFields + `)\\?"\s*:\s*(?:\\?")?)([^",}\]\s\\]+)`)
	// ?accountNumber=0123456789 in URLs and curl lines.
	queryMasked = regexp.MustCompile(`(?i)([?&](?:` + maskedFields + `)=)([^&#\s'"]+)`)
	// The last segment of a finding's JSON pointer, when it names a masked field.
	maskedPointer = regexp.MustCompile(`(?i)/(?:` + maskedFields + `)$`)
	// -H 'x-client-id: value' in curl lines.
	curlClientID = regexp.MustCompile(`(?i)(x-client-id:\s*)([^'"\s]+)`)
	// data:image/png;base64,iVBOR…, with "/" possibly escaped as "\/" in JSON.
	imageDataURL = regexp.MustCompile(`data:image/([A-Za-z0-9.+-]+);base64,((?:[A-Za-z0-9+=_-]|\\?/)+)`)
	// A JSON string literal, escapes included.
	jsonString = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)
)

// maskText applies rules 1 and 2: images become a note, and masked fields
// show their last four characters.
func maskText(s string) string {
	s = imageDataURL.ReplaceAllStringFunc(s, func(m string) string {
		g := imageDataURL.FindStringSubmatch(m)
		b64 := strings.TrimRight(strings.ReplaceAll(g[2], `\`, ""), "=")
		return "[" + strings.ToUpper(g[1]) + " image, " + strconv.Itoa(len(b64)*3/4) +
			" bytes, not kept in evidence: it may encode an account number]"
	})
	s = jsonMasked.ReplaceAllStringFunc(s, func(m string) string {
		g := jsonMasked.FindStringSubmatch(m)
		if g[2] == "null" {
			return m
		}
		return g[1] + credentials.MaskID(g[2])
	})
	return queryMasked.ReplaceAllStringFunc(s, func(m string) string {
		g := queryMasked.FindStringSubmatch(m)
		return g[1] + credentials.MaskID(g[2])
	})
}

// masker masks one run's evidence with all three rules.
type masker struct {
	copies *strings.Replacer // rule 3: each raw value to its masked form
	values map[string]bool   // the raw values rule 3 masks
}

// newMasker collects the values masked fields hold in the run's exchanges.
func newMasker(in []evidence.Scenario) masker {
	values := map[string]bool{}
	note := func(v string) {
		if len(v) >= minCopyLength && v != "null" && credentials.MaskID(v) != v {
			values[v] = true
		}
	}
	collect := func(s string) {
		for _, g := range jsonMasked.FindAllStringSubmatch(s, -1) {
			note(g[2])
		}
		for _, g := range queryMasked.FindAllStringSubmatch(s, -1) {
			note(g[2])
		}
	}
	for _, sc := range in {
		for _, st := range sc.Steps {
			for _, x := range st.Exchanges {
				for _, s := range []string{x.URL, string(x.RequestBody), string(x.ResponseBody), x.Curl} {
					collect(s)
				}
				for _, v := range x.RequestHeader.Values("X-Client-Id") {
					note(v)
				}
			}
		}
	}
	raw := make([]string, 0, len(values))
	for v := range values {
		raw = append(raw, v)
	}
	// Longest first: a value inside another is not half-replaced.
	sort.Slice(raw, func(i, j int) bool { return len(raw[i]) > len(raw[j]) || len(raw[i]) == len(raw[j]) && raw[i] < raw[j] })
	pairs := make([]string, 0, 2*len(raw))
	for _, v := range raw {
		pairs = append(pairs, v, credentials.MaskID(v))
	}
	return masker{copies: strings.NewReplacer(pairs...), values: values}
}

// text masks s by all three rules.
func (m masker) text(s string) string {
	s = maskText(s)
	if len(m.values) == 0 {
		return s
	}
	s = jsonString.ReplaceAllStringFunc(s, func(lit string) string {
		out := m.copies.Replace(lit)
		if out == lit || m.values[lit[1:len(lit)-1]] {
			return out
		}
		return `"` + copyMark + out[1:]
	})
	return m.copies.Replace(s)
}

// absent is what spec findings say they got for a value that is not there.
const absent = "(missing)"

// findingValue masks what a finding got at a masked field's pointer (keeping
// its JSON quotes), and masks any other value like the rest of the evidence.
func (m masker) findingValue(pointer, got string) string {
	if !maskedPointer.MatchString(pointer) || got == "" || got == "null" || got == absent {
		return m.text(got)
	}
	if inner, quoted := strings.CutPrefix(got, `"`); quoted {
		return `"` + credentials.MaskID(strings.TrimSuffix(inner, `"`)) + `"`
	}
	return credentials.MaskID(got)
}

// body masks a body kept as text.
func (m masker) body(b []byte) string {
	return m.text(strings.ToValidUTF8(string(b), "\uFFFD"))
}

// header copies h, masking the client id like the report's header does.
func (m masker) header(h http.Header) map[string][]string {
	if h == nil {
		return nil
	}
	out := make(map[string][]string, len(h))
	for k, vs := range h {
		cp := make([]string, len(vs))
		for i, v := range vs {
			if strings.EqualFold(k, "x-client-id") {
				v = credentials.MaskID(v)
			}
			cp[i] = m.text(v)
		}
		out[k] = cp
	}
	return out
}

// curl masks the client id and the rest of a curl line.
func (m masker) curl(s string) string {
	s = curlClientID.ReplaceAllStringFunc(s, func(match string) string {
		g := curlClientID.FindStringSubmatch(match)
		return g[1] + credentials.MaskID(g[2])
	})
	return m.text(s)
}

func (m masker) texts(in []string) []string {
	if in == nil {
		return nil
	}
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = m.text(s)
	}
	return out
}

// maskScenarios copies the run's scenarios with their evidence masked.
func maskScenarios(in []evidence.Scenario) []Scenario {
	m := newMasker(in)
	out := make([]Scenario, len(in))
	for i, sc := range in {
		steps := make([]Step, len(sc.Steps))
		for j, st := range sc.Steps {
			steps[j] = Step{
				Keyword:    st.Keyword,
				Text:       m.text(st.Text),
				Status:     st.Status,
				Error:      m.text(st.Error),
				DurationMS: ms(st.Duration),
				Exchanges:  m.exchanges(st.Exchanges),
			}
		}
		out[i] = Scenario{
			Feature:      sc.Feature,
			Name:         sc.Name,
			URI:          sc.URI,
			Tags:         append([]string{}, sc.Tags...),
			Status:       sc.Status,
			SkipReason:   sc.SkipReason,
			DurationMS:   ms(sc.Duration),
			Observations: m.texts(sc.Observations),
			Warning:      sc.Warning,
			HarnessError: m.text(sc.HarnessError),
			Steps:        steps,
		}
	}
	return out
}

func (m masker) exchanges(in []evidence.Exchange) []Exchange {
	if len(in) == 0 {
		return nil
	}
	out := make([]Exchange, len(in))
	for i, x := range in {
		findings := make([]evidence.Finding, len(x.Findings))
		for k, f := range x.Findings {
			f.Got = m.findingValue(f.Pointer, f.Got)
			findings[k] = f
		}
		if len(findings) == 0 {
			findings = nil
		}
		out[i] = Exchange{
			Operation:          x.Operation,
			Method:             x.Method,
			URL:                m.text(x.URL),
			RequestHeader:      m.header(x.RequestHeader),
			RequestBody:        m.body(x.RequestBody),
			StringToSignSHA256: x.StringToSignSHA256,
			Status:             x.Status,
			ResponseHeader:     m.header(x.ResponseHeader),
			ResponseBody:       m.body(x.ResponseBody),
			DurationMS:         ms(x.Duration),
			Findings:           findings,
			TransportError:     m.text(x.TransportError),
			Retries:            x.Retries,
			Curl:               m.curl(x.Curl),
		}
	}
	return out
}
