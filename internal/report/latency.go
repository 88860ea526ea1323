package report

import (
	"fmt"
	"strings"

	"github.com/tingee-conformance/harness/internal/latency"
)

// latencies are p50/p95/max per operation over every answered exchange; an
// exchange that got no answer (transport error) has no latency to count, and
// one that routed to no operation (a 404 probe, a wrong method sent on
// purpose) is no operation's latency.
func latencies(scenarios []Scenario) []latency.Operation {
	s := latency.Samples{}
	for _, sc := range scenarios {
		for _, st := range sc.Steps {
			for _, x := range st.Exchanges {
				if x.TransportError != "" || x.Status == 0 || x.Operation == "" {
					continue
				}
				s.Add(x.Operation, x.DurationMS)
			}
		}
	}
	return s.Summary()
}

// writeLatencyTable writes the latency section of summary.md.
func writeLatencyTable(b *strings.Builder, ops []latency.Operation) {
	if len(ops) == 0 {
		b.WriteString("No answered exchange.\n")
		return
	}
	b.WriteString("| operation | answers | p50 | p95 | max |\n|---|---|---|---|---|\n")
	for _, op := range ops {
		fmt.Fprintf(b, "| %s | %d | %.1f ms | %.1f ms | %.1f ms |\n", mdCell(op.Operation), op.Count, op.P50MS, op.P95MS, op.MaxMS)
	}
}
