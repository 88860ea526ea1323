package mock

import (
	"encoding/json"
	"slices"

	"github.com/tingee-conformance/harness/profiles/tingee/fixtures"
)

// triggered reports the status of the fixtures trigger a call matches, if any: same
// operation, and every query parameter and body field the trigger names, equal.
func (s *server) triggered(c *call) (int, bool) {
	statuses := make([]int, 0, len(s.fixtures.Triggers))
	for status := range s.fixtures.Triggers {
		statuses = append(statuses, status)
	}
	slices.Sort(statuses)
	for _, status := range statuses {
		if matches(s.fixtures.Triggers[status], c) {
			return status, true
		}
	}
	return 0, false
}

func matches(t fixtures.Request, c *call) bool {
	if t.Operation != c.op.id {
		return false
	}
	for k, v := range t.Query {
		if c.query.Get(k) != v {
			return false
		}
	}
	for k, v := range t.Body {
		if !sameJSON(v, c.body[k]) {
			return false
		}
	}
	return true
}

// sameJSON compares a YAML value with a decoded JSON value by their JSON encodings.
func sameJSON(a, b any) bool {
	ja, errA := json.Marshal(a)
	jb, errB := json.Marshal(b)
	return errA == nil && errB == nil && string(ja) == string(jb)
}
