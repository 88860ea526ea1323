package certify

import (
	"encoding/json"
	"fmt"
)

// issuer names, for each operation that takes an id a former answer gave, the operation that gives
// it and the field that carries it.
var issuer = map[string]struct{ op, field string }{
	"confirmVa":             {"createVa", "confirmId"},
	"confirmDeleteVa":       {"deleteVa", "confirmId"},
	"confirmRegisterNotify": {"registerNotify", "confirmId"},
	"getStatusDynamicQr":    {"generateDynamicQr", "billId"},
	"deleteDynamicQr":       {"generateDynamicQr", "billId"},
}

// actsOnData grades a call that takes an id from a former answer: the id must come from a "00"
// answer, not be made up after the issuing call got a non-"00" one (a 97 taken for a success).
// A made-up id with no failed issuing call before it is a deliberate probe of an error path.
func actsOnData(rec *record, before []*record) (outcome, bool) {
	src, ok := issuer[rec.op]
	if !ok {
		return outcome{}, false
	}
	id := field(rec.body, src.field)
	var last *record
	for _, b := range before {
		if b.op != src.op {
			continue
		}
		last = b
		if data, ok := b.data(); ok && fmt.Sprint(data[src.field]) == id {
			return outcome{checkActsOnData, true, ""}, true
		}
	}
	if last != nil && last.status != 0 {
		if _, ok := last.data(); !ok {
			return outcome{checkActsOnData, false, fmt.Sprintf(
				"sent %s with a %s no \"00\" answer gave, after %s #%d was answered %s", rec.op, src.field, src.op, last.n, last.code())}, true
		}
	}
	return outcome{checkActsOnData, true, "the " + src.field + " was never issued: taken as a deliberate probe"}, true
}

// field is a top-level field of a JSON body as text, "" when absent.
func field(body []byte, name string) string {
	var obj map[string]any
	if json.Unmarshal(body, &obj) != nil || obj[name] == nil {
		return ""
	}
	return fmt.Sprint(obj[name])
}
