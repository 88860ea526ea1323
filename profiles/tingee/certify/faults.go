package certify

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// Kind is a documented failure a fault drill answers instead of the real answer.
type Kind string

// The fault kinds (docs/certify-client.md, "Fault drills").
const (
	Kind97       Kind = "97"       // HTTP 200, code 97 (invalid signature); repeated to the same request up to loopLimit times
	Kind90       Kind = "90"       // HTTP 200, code 90 (timestamp outside the window)
	KindBusiness Kind = "business" // HTTP 200, a business code of 1001–1076, data null
	Kind500      Kind = "500"      // the documented 500 body; the request is not carried out
	Kind503      Kind = "503"      // a gateway's 503; the request is not carried out
	KindSlow     Kind = "slow"     // the request is carried out, the answer comes after the slow delay
)

var kinds = []Kind{Kind97, Kind90, KindBusiness, Kind500, Kind503, KindSlow}

// Fault answers the Nth request (from 1) to an operation with Kind.
type Fault struct {
	Op   string
	Nth  int
	Kind Kind
}

func (f Fault) String() string { return fmt.Sprintf("%s#%d=%s", f.Op, f.Nth, f.Kind) }

// Plan is the fault drills of a run. Seed is 0 for a plan written out by hand.
type Plan struct {
	Seed   int64
	Faults []Fault
}

// String is the plan in the form ParsePlan reads, so a printed plan can be replayed.
func (p Plan) String() string {
	parts := make([]string, len(p.Faults))
	for i, f := range p.Faults {
		parts[i] = f.String()
	}
	return strings.Join(parts, ",")
}

// drillOps are the operations a seeded plan picks from: the ones a partner's code calls most.
var drillOps = []string{"createVa", "confirmVa", "getVaPaging", "getBanks", "deleteVa", "confirmDeleteVa", "generateDynamicQr", "getStatusDynamicQr"}

// ParsePlan reads --faults: "seed:N" (a plan drawn from seed N) or a list "OP#N=KIND,…"
// (KIND one of 97, 90, business, 500, 503, slow; OP an operationId of ops).
func ParsePlan(s string, ops []string) (Plan, error) {
	if seed, ok := strings.CutPrefix(s, "seed:"); ok {
		n, err := strconv.ParseInt(seed, 10, 64)
		if err != nil || n == 0 {
			return Plan{}, fmt.Errorf("--faults %q: the seed must be a non-zero integer", s)
		}
		return SeededPlan(n), nil
	}
	var p Plan
	for _, part := range strings.Split(s, ",") {
		f, err := parseFault(strings.TrimSpace(part), ops)
		if err != nil {
			return Plan{}, fmt.Errorf("--faults %q: %w", s, err)
		}
		p.Faults = append(p.Faults, f)
	}
	return p, nil
}

func parseFault(s string, ops []string) (Fault, error) {
	target, kind, ok := strings.Cut(s, "=")
	op, nth, ok2 := strings.Cut(target, "#")
	n, err := strconv.Atoi(nth)
	switch {
	case !ok || !ok2 || err != nil || n < 1:
		return Fault{}, fmt.Errorf("%q is not OP#N=KIND (e.g. createVa#1=slow) or seed:N", s)
	case !slices.Contains(ops, op):
		return Fault{}, fmt.Errorf("%q: unknown operation %q (one of %s)", s, op, strings.Join(ops, ", "))
	case !slices.Contains(kinds, Kind(kind)):
		return Fault{}, fmt.Errorf("%q: unknown fault %q (one of 97, 90, business, 500, 503, slow)", s, kind)
	}
	return Fault{op, n, Kind(kind)}, nil
}

// SeededPlan draws one fault of each kind, each on the first or second request to a
// different operation: the same seed, the same plan.
func SeededPlan(seed int64) Plan {
	r := rand.New(rand.NewPCG(uint64(seed), uint64(seed)>>1|1))
	ops := slices.Clone(drillOps)
	r.Shuffle(len(ops), func(i, j int) { ops[i], ops[j] = ops[j], ops[i] })
	p := Plan{Seed: seed}
	for i, k := range kinds {
		p.Faults = append(p.Faults, Fault{ops[i], 1 + r.IntN(2), k})
	}
	return p
}

// find returns the fault planned for the nth request to op.
func (p Plan) find(op string, nth int) (Fault, bool) {
	for _, f := range p.Faults {
		if f.Op == op && f.Nth == nth {
			return f, true
		}
	}
	return Fault{}, false
}

// loopLimit is how many times a client may repeat a request answered 97 before it is looping.
const loopLimit = 3

// businessDrill is the business error a drill answers (a code in the documented 1001–1076 range).
const businessDrill = `{"code":"1070","message":"Fault drill: business error","data":null}`

// answer is the status and body a fault answers with (a slow answer is the real one, late).
func (k Kind) answer() (int, string) {
	switch k {
	case Kind97:
		return http.StatusOK, `{"code":"97","message":"Invalid signature","data":null}`
	case Kind90:
		return http.StatusOK, `{"code":"90","message":"Invalid request timestamp","data":null}`
	case KindBusiness:
		return http.StatusOK, businessDrill
	case Kind500:
		return http.StatusInternalServerError, `{"message":"Internal Server Error.","error":"Internal Server Error","statusCode":500}`
	}
	return http.StatusServiceUnavailable, `{"message":"Service Unavailable.","error":"Service Unavailable","statusCode":503}`
}
