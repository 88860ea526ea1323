// Package latency sums up response times per operation: p50, p95 and max by
// the nearest-rank method, so that each figure is a time actually measured.
// The report writes these figures; diff and history read them back, and
// compute them from a report's exchanges when an older report lacks them.
package latency

import (
	"math"
	"sort"
)

// Operation is one operation's latency over a run, in milliseconds.
type Operation struct {
	Operation string  `json:"operation"`
	Count     int     `json:"count"`
	P50MS     float64 `json:"p50Ms"`
	P95MS     float64 `json:"p95Ms"`
	MaxMS     float64 `json:"maxMs"`
}

// Samples collects answer times per operation.
type Samples map[string][]float64

// Add records one answer that took ms milliseconds.
func (s Samples) Add(operation string, ms float64) {
	s[operation] = append(s[operation], ms)
}

// Summary is one Operation per operation with at least one sample, sorted by name.
func (s Samples) Summary() []Operation {
	out := make([]Operation, 0, len(s))
	for op, v := range s {
		sorted := append([]float64(nil), v...)
		sort.Float64s(sorted)
		out = append(out, Operation{Operation: op, Count: len(sorted),
			P50MS: Percentile(sorted, 50), P95MS: Percentile(sorted, 95), MaxMS: sorted[len(sorted)-1]})
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Operation < out[b].Operation })
	return out
}

// Percentile is the nearest-rank p-th percentile (0 < p ≤ 100) of sorted
// values: the smallest value with at least p% of the values at or below it.
// It is 0 for no values.
func Percentile(sorted []float64, p float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	rank := int(math.Ceil(p / 100 * float64(len(sorted))))
	rank = min(max(rank, 1), len(sorted))
	return sorted[rank-1]
}
