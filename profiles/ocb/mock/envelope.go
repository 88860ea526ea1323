package mock

import (
	"encoding/json"
	"errors"
	"time"
)

// trace is the request's trace [obs].
type trace struct {
	ClientTransID   string `json:"clientTransId"`
	ClientTimestamp string `json:"clientTimestamp"`
}

// envelope is {"trace": {…}, "data": {…}} [obs].
type envelope struct {
	Trace *trace          `json:"trace"`
	Data  json.RawMessage `json:"data"`
}

// trace is the request's trace, empty when it had none.
func (e envelope) trace() trace {
	if e.Trace == nil {
		return trace{}
	}
	return *e.Trace
}

// TimestampLayout is clientTimestamp's yyyyMMddHHmmssSSS [obs] as a Go layout.
const TimestampLayout = "20060102150405.000"

// ParseTimestamp reads yyyyMMddHHmmssSSS (17 digits); the zone is not stated [?].
func ParseTimestamp(s string) (time.Time, error) {
	if len(s) != 17 {
		return time.Time{}, errTimestamp
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return time.Time{}, errTimestamp
		}
	}
	return time.Parse(TimestampLayout, s[:14]+"."+s[14:])
}

var errTimestamp = errors.New("clientTimestamp is not yyyyMMddHHmmssSSS")

// check is the envelope's rules, in order [obs].
func (e envelope) check() *failure {
	switch {
	case e.Trace == nil:
		return &failure{"MISSING_TRACE", "trace is required", "trace"}
	case e.Trace.ClientTransID == "":
		return &failure{"MISSING_CLIENT_TRANS_ID", "trace.clientTransId is required", "trace.clientTransId"}
	case e.Trace.ClientTimestamp == "":
		return &failure{"MISSING_CLIENT_TIMESTAMP", "trace.clientTimestamp is required", "trace.clientTimestamp"}
	}
	if _, err := ParseTimestamp(e.Trace.ClientTimestamp); err != nil {
		return &failure{"INVALID_CLIENT_TIMESTAMP", "trace.clientTimestamp must be yyyyMMddHHmmssSSS", "trace.clientTimestamp"}
	}
	if len(e.Data) == 0 || e.Data[0] != '{' {
		return &failure{"MISSING_DATA", "data must be an object", "data"}
	}
	return nil
}
