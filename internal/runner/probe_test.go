package runner

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

type scripted struct{ fail []bool }

func (s *scripted) RoundTrip(r *http.Request) (*http.Response, error) {
	f := s.fail[0]
	s.fail = s.fail[1:]
	if f {
		return nil, errors.New("connection refused")
	}
	rec := httptest.NewRecorder()
	rec.Header().Set("Date", time.Now().Add(time.Hour).UTC().Format(http.TimeFormat))
	return rec.Result(), nil
}

func TestProbeTellsAnOutage(t *testing.T) {
	p := &probe{base: &scripted{fail: []bool{true, true, false, true, true, true}}, threshold: 3}
	req, _ := http.NewRequest("GET", "http://target/", nil)
	want := []bool{false, false, false, false, false, true}
	for i, w := range want {
		p.RoundTrip(req)
		if down, _ := p.outage(); down != w {
			t.Fatalf("after request %d: outage %v, want %v", i+1, down, w)
		}
	}
	if p.everyRequestFailed() {
		t.Fatal("one request was answered")
	}
	if s := p.clockSkew(); s == nil || *s < 59*time.Minute || *s > 61*time.Minute {
		t.Fatalf("clock skew %v, want about 1h", s)
	}
	if d := p.targetNow().Sub(time.Now()); d < 59*time.Minute || d > 61*time.Minute {
		t.Fatalf("timestamps are not moved to the target's clock: %v", d)
	}
}
