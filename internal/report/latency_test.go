package report

import "testing"

// TestLatencyCountsOperationsOnly: an exchange that routed to no operation (a
// 404 probe, a wrong method sent on purpose) is no operation's latency, so it
// makes no row of the latency table (review-13-14 N12).
func TestLatencyCountsOperationsOnly(t *testing.T) {
	scenarios := []Scenario{{Steps: []Step{{Exchanges: []Exchange{
		{Operation: "getBanks", Status: 200, DurationMS: 12},
		{Status: 404, DurationMS: 3},
	}}}}}
	got := latencies(scenarios)
	if len(got) != 1 || got[0].Operation != "getBanks" || got[0].Count != 1 {
		t.Errorf("latencies = %+v, want one row, getBanks with 1 answer", got)
	}
}
