package report

import (
	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/internal/mask"
)

// Evidence is masked by package mask's three rules, the same the console
// follows; the values of rule 3 are those masked fields hold anywhere in the
// run's exchanges (their URLs, bodies, curl lines and client id headers).

// newMasker learns the values masked fields hold in the run's exchanges.
func newMasker(in []evidence.Scenario) *mask.Masker {
	m := &mask.Masker{}
	for _, sc := range in {
		for _, st := range sc.Steps {
			for _, x := range st.Exchanges {
				for _, s := range []string{x.URL, string(x.RequestBody), string(x.ResponseBody), x.Curl} {
					m.Learn(s)
				}
				for name, vs := range x.RequestHeader {
					if mask.IsClientIDHeader(name) {
						for _, v := range vs {
							m.LearnValue(v)
						}
					}
				}
			}
		}
	}
	return m
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
				Text:       m.Text(st.Text),
				Status:     st.Status,
				Error:      m.Text(st.Error),
				DurationMS: ms(st.Duration),
				Exchanges:  exchanges(m, st.Exchanges),
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
			Observations: m.Texts(sc.Observations),
			Warning:      sc.Warning,
			HarnessError: m.Text(sc.HarnessError),
			Steps:        steps,
		}
	}
	return out
}

func exchanges(m *mask.Masker, in []evidence.Exchange) []Exchange {
	if len(in) == 0 {
		return nil
	}
	out := make([]Exchange, len(in))
	for i, x := range in {
		findings := make([]evidence.Finding, len(x.Findings))
		for k, f := range x.Findings {
			f.Got = m.Found(f.Pointer, f.Got)
			findings[k] = f
		}
		if len(findings) == 0 {
			findings = nil
		}
		out[i] = Exchange{
			Operation:          x.Operation,
			Method:             x.Method,
			URL:                m.Text(x.URL),
			RequestHeader:      m.Header(x.RequestHeader),
			RequestBody:        m.Body(x.RequestBody),
			StringToSignSHA256: x.StringToSignSHA256,
			Status:             x.Status,
			ResponseHeader:     m.Header(x.ResponseHeader),
			ResponseBody:       m.Body(x.ResponseBody),
			DurationMS:         ms(x.Duration),
			Findings:           findings,
			TransportError:     m.Text(x.TransportError),
			Retries:            x.Retries,
			Curl:               m.Curl(x.Curl),
		}
	}
	return out
}
