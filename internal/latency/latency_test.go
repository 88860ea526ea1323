package latency

import (
	"reflect"
	"testing"
)

// Nearest-rank percentiles, worked by hand (NIST/Wikipedia "Percentile",
// nearest-rank method: rank = ceil(p/100 × n)).
func TestPercentileNearestRank(t *testing.T) {
	values := []float64{15, 20, 35, 40, 50}
	cases := []struct {
		p    float64
		want float64
	}{{5, 15}, {30, 20}, {40, 20}, {50, 35}, {95, 50}, {100, 50}}
	for _, c := range cases {
		if got := Percentile(values, c.p); got != c.want {
			t.Errorf("Percentile(%v, %v) = %v, want %v", values, c.p, got, c.want)
		}
	}
	if got := Percentile(nil, 50); got != 0 {
		t.Errorf("Percentile(nil) = %v, want 0", got)
	}
}

func TestSummaryPerOperationSorted(t *testing.T) {
	s := Samples{}
	for _, v := range []float64{30, 10, 20} {
		s.Add("get-banks", v)
	}
	s.Add("create-va", 7)
	want := []Operation{
		{Operation: "create-va", Count: 1, P50MS: 7, P95MS: 7, MaxMS: 7},
		{Operation: "get-banks", Count: 3, P50MS: 20, P95MS: 30, MaxMS: 30},
	}
	if got := s.Summary(); !reflect.DeepEqual(got, want) {
		t.Errorf("Summary = %+v, want %+v", got, want)
	}
}
