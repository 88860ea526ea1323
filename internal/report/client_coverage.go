package report

import (
	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/spec"
)

// ClientLifecycles is the feature of a certify-client run's lifecycle scenarios: one step per
// stage, passed when the client reached it. The client coverage lists them.
const ClientLifecycles = "partner client: lifecycles"

// clientScope is the banner of a certify-client bundle: its subject is the partner's client.
const clientScope = "A certification of the partner's own client: the requests the partner's code sent, as observed " +
	"against the harness's mock, and how it handled the mock's answers and fault drills. It covers only the operations " +
	"and lifecycles the client exercised (see the client coverage), and says nothing of any bank's API."

// ClientCoverage is what a partner's client exercised against the contract (certify-client only).
type ClientCoverage struct {
	Operations []OperationUse `json:"operations"`
	Lifecycles []LifecycleUse `json:"lifecycles"`
}

// OperationUse is one operation of the contract and the client's requests to it.
type OperationUse struct {
	Operation  string `json:"operation"`
	DocRef     string `json:"docRef,omitempty"`
	Requests   int    `json:"requests"`   // 0: not exercised, so not certified
	Answered00 int    `json:"answered00"` // answered with a success
}

// LifecycleUse is one lifecycle and how far the client took it.
type LifecycleUse struct {
	Name      string `json:"name"`
	URI       string `json:"uri"`
	Stages    int    `json:"stages"`
	Reached   int    `json:"reached"`
	Completed bool   `json:"completed"`
	Next      string `json:"next,omitempty"` // the first stage not reached
}

// clientCoverage counts the client's requests per operation of the contract (each request's
// exchange is carried by one scenario), plus a row for paths that are no operation, and lists the
// lifecycles.
func clientCoverage(s *spec.Spec, scenarios []Scenario) *ClientCoverage {
	cov := &ClientCoverage{Operations: []OperationUse{}, Lifecycles: []LifecycleUse{}}
	success := "200/" + s.Rules().SuccessCode // answerKey's column of a success
	row := map[string]int{}
	for _, op := range s.Operations() {
		row[op.ID] = len(cov.Operations)
		cov.Operations = append(cov.Operations, OperationUse{Operation: op.ID, DocRef: op.DocRef})
	}
	for _, sc := range scenarios {
		for _, st := range sc.Steps {
			for _, x := range st.Exchanges {
				i, ok := row[x.Operation]
				if !ok || x.Operation == "" {
					if _, seen := row[noOperation]; !seen {
						row[noOperation] = len(cov.Operations)
						cov.Operations = append(cov.Operations, OperationUse{Operation: noOperation})
					}
					i = row[noOperation]
				}
				cov.Operations[i].Requests++
				if k, answered := answerKey(s, x); answered && k == success {
					cov.Operations[i].Answered00++
				}
			}
		}
		if sc.Feature == ClientLifecycles {
			lc := LifecycleUse{Name: sc.Name, URI: sc.URI, Stages: len(sc.Steps), Completed: sc.Status == evidence.Passed}
			for _, st := range sc.Steps {
				if st.Status == evidence.Passed {
					lc.Reached++
				} else if lc.Next == "" {
					lc.Next = st.Text
				}
			}
			cov.Lifecycles = append(cov.Lifecycles, lc)
		}
	}
	return cov
}
