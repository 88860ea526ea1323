package certify

import (
	"fmt"
	"slices"
	"time"

	"github.com/tingee-conformance/harness/profiles/tingee/signing"
)

// writes are the operations that change state: repeating one blindly may do it twice.
var writes = []string{"createVa", "confirmVa", "registerNotify", "confirmRegisterNotify", "deleteVa", "confirmDeleteVa", "generateDynamicQr", "deleteDynamicQr"}

// minBackoff is the least wait before retrying a read after a timeout or a 5xx that counts as backing off.
const minBackoff = 500 * time.Millisecond

// drill is one planned fault and how the client moved after it.
type drill struct {
	fault    Fault
	rec      *record // the request it answered; nil when the client never sent it
	outcomes []outcome
	notes    []string // the later calls that took an id rec would have given, graded on their own request
}

// drills grades the client's moves after each planned fault (o.mu held).
func (o *Observer) drills() []drill {
	var out []drill
	for _, f := range o.cfg.Plan.Faults {
		d := drill{fault: f}
		for _, rec := range o.records {
			if rec.fault != nil && *rec.fault == f && !rec.repeat {
				d.rec = rec
				break
			}
		}
		if d.rec != nil {
			d.outcomes, d.notes = nextMoves(d.rec, o.records[d.rec.n:])
		}
		out = append(out, d)
	}
	return out
}

// nextMoves grades what the client did after rec, given the requests that came after it, and
// notes the later calls that took an id rec would have given (CC-FLT-05 grades those on their own
// request, so that a broken one counts once).
func nextMoves(rec *record, after []*record) (out []outcome, notes []string) {
	var next *record
	readBetween := false
	for _, r := range after {
		if r.op == rec.op && !r.repeat {
			next = r
			break
		}
		readBetween = readBetween || (r.op != "" && !slices.Contains(writes, r.op))
	}
	switch rec.fault.Kind {
	case Kind90:
		out = append(out, resigned(rec, next))
	case Kind97:
		n := 0
		for _, r := range after {
			if r.repeat && *r.fault == *rec.fault {
				n++
			}
		}
		out = append(out, outcome{checkNoLoop97, n < loopLimit, fmt.Sprintf("repeated the request %d times after code 97", n)})
	case Kind500, Kind503, KindSlow:
		if slices.Contains(writes, rec.op) {
			out = append(out, blindRepeat(rec, next, readBetween))
		} else {
			out = append(out, backoff(rec, next))
		}
	}
	for _, r := range after { // the later calls that take an id rec would have given
		if src, ok := issuer[r.op]; ok && src.op == rec.op {
			for _, c := range r.outcomes {
				if c.check == checkActsOnData && !c.ok {
					notes = append(notes, fmt.Sprintf("%s broken by request #%d (graded there): %s", c.check.ID, r.n, c.detail))
				}
			}
		}
	}
	return out, notes
}

func resigned(rec, next *record) outcome {
	if next == nil {
		return outcome{checkResign, true, "did not retry"}
	}
	ts := rec.header.Get(signing.HeaderTimestamp)
	if next.header.Get(signing.HeaderTimestamp) == ts {
		return outcome{checkResign, false, fmt.Sprintf("request #%d re-sent the refused timestamp %s", next.n, ts)}
	}
	return outcome{checkResign, true, fmt.Sprintf("request #%d carried a fresh timestamp", next.n)}
}

func blindRepeat(rec, next *record, readBetween bool) outcome {
	what := map[Kind]string{Kind500: "a 500", Kind503: "a 503", KindSlow: "a timeout"}[rec.fault.Kind]
	check := blindCheck(rec.fault.Kind)
	switch {
	case next == nil:
		return outcome{check, true, "did not repeat the write"}
	case next.key() != rec.key():
		return outcome{check, true, fmt.Sprintf("request #%d is another %s, not a repeat", next.n, rec.op)}
	case readBetween:
		return outcome{check, true, fmt.Sprintf("read the state before repeating %s (request #%d)", rec.op, next.n)}
	case rec.fault.Kind == Kind503:
		return outcome{check, false, fmt.Sprintf("repeated %s (request #%d) blindly as request #%d after a 503: this drill carried nothing out, but a 503 that did would now be done twice",
			rec.op, rec.n, next.n)}
	}
	return outcome{check, false, fmt.Sprintf("repeated %s (request #%d) blindly as request #%d after %s: the first was carried out or may have been, so the partner now risks doing it twice",
		rec.op, rec.n, next.n, what)}
}

// blindCheck is the check a blind repeat after kind breaks: MUST after a timeout or a 500, SHOULD
// after a 503 (docs/certify-client.md, "Fault drills").
func blindCheck(kind Kind) Check {
	if kind == Kind503 {
		return checkNoBlind503
	}
	return checkNoBlind
}

// drillCheck is the check a drill of f grades the client's next move on.
func drillCheck(f Fault) Check {
	switch {
	case f.Kind == Kind90:
		return checkResign
	case f.Kind == Kind97:
		return checkNoLoop97
	case f.Kind == KindBusiness:
		return checkActsOnData
	case slices.Contains(writes, f.Op):
		return blindCheck(f.Kind)
	}
	return checkBackoff
}

func backoff(rec, next *record) outcome {
	if next == nil {
		return outcome{checkBackoff, true, "did not retry the read"}
	}
	from := rec.answeredAt
	if !rec.gaveUpAt.IsZero() {
		from = rec.gaveUpAt
	}
	gap := next.at.Sub(from)
	return outcome{checkBackoff, gap >= minBackoff, fmt.Sprintf("request #%d retried %s after the failure (at least %s counts as backing off)",
		next.n, gap.Round(time.Millisecond), minBackoff)}
}
