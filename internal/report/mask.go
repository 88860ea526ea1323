package report

import (
	"net/http"
	"regexp"
	"strings"

	"github.com/tingee-conformance/harness/internal/credentials"
	"github.com/tingee-conformance/harness/internal/evidence"
)

// personalFields are the JSON fields and query parameters whose values are a
// person's account, identity or phone number. vaAccountNumber is Tingee's
// routing key, not a person's number, and stays readable.
const personalFields = `accountNumber|identity|identityNumber|citizenId|idNumber|cardNumber|mobile|phone|phoneNumber`

var (
	// "accountNumber": "0123456789" or "mobile":84912345678, in bodies and in curl lines.
	// Also when the JSON is itself quoted inside a string (\"mobile\":\"0912…\").
	jsonPersonal = regexp.MustCompile(`(?i)(\\?"(?:` + personalFields + `)\\?"\s*:\s*(?:\\?")?)([^",}\]\s\\]+)`)
	// ?accountNumber=0123456789 in URLs and curl lines.
	queryPersonal = regexp.MustCompile(`(?i)([?&](?:` + personalFields + `)=)([^&#\s'"]+)`)
	// The last segment of a finding's JSON pointer, when it names a personal field.
	personalPointer = regexp.MustCompile(`(?i)/(?:` + personalFields + `)$`)
	// -H 'x-client-id: value' in curl lines.
	curlClientID = regexp.MustCompile(`(?i)(x-client-id:\s*)([^'"\s]+)`)
)

// maskText masks personal numbers to their last four characters wherever they
// appear as a JSON field or a query parameter.
func maskText(s string) string {
	s = jsonPersonal.ReplaceAllStringFunc(s, func(m string) string {
		g := jsonPersonal.FindStringSubmatch(m)
		if g[2] == "null" {
			return m
		}
		return g[1] + credentials.MaskID(g[2])
	})
	return queryPersonal.ReplaceAllStringFunc(s, func(m string) string {
		g := queryPersonal.FindStringSubmatch(m)
		return g[1] + credentials.MaskID(g[2])
	})
}

// absent is what spec findings say they got for a value that is not there.
const absent = "(missing)"

// maskFindingValue masks what a finding got at a personal field's pointer
// (keeping its JSON quotes), and masks personal fields inside any other value.
func maskFindingValue(pointer, got string) string {
	if !personalPointer.MatchString(pointer) || got == "" || got == "null" || got == absent {
		return maskText(got)
	}
	if inner, quoted := strings.CutPrefix(got, `"`); quoted {
		return `"` + credentials.MaskID(strings.TrimSuffix(inner, `"`)) + `"`
	}
	return credentials.MaskID(got)
}

// maskBody is maskText over a body kept as text.
func maskBody(b []byte) string {
	return maskText(strings.ToValidUTF8(string(b), "\uFFFD"))
}

// maskHeader copies h, masking the client id like the report's header does.
func maskHeader(h http.Header) map[string][]string {
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
			cp[i] = maskText(v)
		}
		out[k] = cp
	}
	return out
}

// maskCurl masks the client id and personal numbers in a curl line.
func maskCurl(s string) string {
	s = curlClientID.ReplaceAllStringFunc(s, func(m string) string {
		g := curlClientID.FindStringSubmatch(m)
		return g[1] + credentials.MaskID(g[2])
	})
	return maskText(s)
}

func maskScenarios(in []evidence.Scenario) []Scenario {
	out := make([]Scenario, len(in))
	for i, sc := range in {
		steps := make([]Step, len(sc.Steps))
		for j, st := range sc.Steps {
			steps[j] = Step{
				Keyword:    st.Keyword,
				Text:       maskText(st.Text),
				Status:     st.Status,
				Error:      maskText(st.Error),
				DurationMS: ms(st.Duration),
				Exchanges:  maskExchanges(st.Exchanges),
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
			Observations: sc.Observations,
			Steps:        steps,
		}
	}
	return out
}

func maskExchanges(in []evidence.Exchange) []Exchange {
	if len(in) == 0 {
		return nil
	}
	out := make([]Exchange, len(in))
	for i, x := range in {
		findings := make([]evidence.Finding, len(x.Findings))
		for k, f := range x.Findings {
			f.Got = maskFindingValue(f.Pointer, f.Got)
			findings[k] = f
		}
		if len(findings) == 0 {
			findings = nil
		}
		out[i] = Exchange{
			Operation:          x.Operation,
			Method:             x.Method,
			URL:                maskText(x.URL),
			RequestHeader:      maskHeader(x.RequestHeader),
			RequestBody:        maskBody(x.RequestBody),
			StringToSignSHA256: x.StringToSignSHA256,
			Status:             x.Status,
			ResponseHeader:     maskHeader(x.ResponseHeader),
			ResponseBody:       maskBody(x.ResponseBody),
			DurationMS:         ms(x.Duration),
			Findings:           findings,
			TransportError:     maskText(x.TransportError),
			Retries:            x.Retries,
			Curl:               maskCurl(x.Curl),
		}
	}
	return out
}
