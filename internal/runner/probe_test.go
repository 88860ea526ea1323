package runner

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/tingee-conformance/harness/internal/evidence"
)

// answered is a call the target answered with its clock an hour ahead of ours.
func answered() evidence.Exchange {
	h := http.Header{}
	h.Set("Date", time.Now().Add(time.Hour).UTC().Format(http.TimeFormat))
	return evidence.Exchange{Status: http.StatusOK, ResponseHeader: h}
}

// failed is a call that got no complete answer.
func failed(why string) evidence.Exchange { return evidence.Exchange{TransportError: why} }

func TestProbeTellsAnOutage(t *testing.T) {
	p := &probe{threshold: 3}
	calls := []evidence.Exchange{failed("connection refused"), failed("unexpected EOF"), answered(),
		failed("connection reset"), failed("unexpected EOF"), failed("response body exceeds the size cap")}
	want := []bool{false, false, false, false, false, true}
	for i, x := range calls {
		p.observe(context.Background(), x)
		if down, _ := p.outage(); down != want[i] {
			t.Fatalf("after call %d: outage %v, want %v", i+1, down, want[i])
		}
	}
	if _, why := p.outage(); why != "response body exceeds the size cap" {
		t.Fatalf("last error %q", why)
	}
	if p.everyCallFailed() {
		t.Fatal("one call was answered")
	}
	if s := p.clockSkew(); s == nil || *s < 59*time.Minute || *s > 61*time.Minute {
		t.Fatalf("clock skew %v, want about 1h", s)
	}
	if d := time.Until(p.targetNow()); d < 59*time.Minute || d > 61*time.Minute {
		t.Fatalf("timestamps are not moved to the target's clock: %v", d)
	}
}

func TestProbeIgnoresAnInterrupt(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	p := &probe{threshold: 1}
	p.observe(ctx, failed("context canceled"))
	if down, _ := p.outage(); down || p.everyCallFailed() {
		t.Fatal("an interrupted call was counted as an outage")
	}
}
