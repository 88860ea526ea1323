// Package progress shows that a run is alive while one step waits (for a
// bank's answer, say): what it waits for, since when, and until when. On a
// terminal the line is redrawn every second and erased when the wait ends;
// elsewhere (a CI log) one line is written once the wait passes Quiet.
package progress

import (
	"fmt"
	"io"
	"sync"
	"time"
)

// Defaults of a Line's timing.
const (
	DefaultEvery = time.Second     // how often a live line is redrawn
	DefaultQuiet = 5 * time.Second // how long a wait is shown nowhere (and, off a terminal, before its one line)
)

// Line shows waits on Out. The zero durations take the defaults. A Line
// shows one wait at a time; steps run one after another.
type Line struct {
	Out   io.Writer
	Live  bool // Out is a terminal: redraw in place
	Every time.Duration
	Quiet time.Duration

	mu sync.Mutex // held while a line is drawn or erased
}

// Wait starts showing a wait for what (e.g. "POST /v1/confirm-va") that
// began now and gives up at until (zero: no limit known); the returned done
// ends it, erasing a live line. Waits shorter than Quiet show nothing.
func (l *Line) Wait(what string, until time.Time) (done func()) {
	every, quiet := l.Every, l.Quiet
	if every <= 0 {
		every = DefaultEvery
	}
	if quiet <= 0 {
		quiet = DefaultQuiet
	}
	since := time.Now()
	stop, stopped := make(chan struct{}), make(chan struct{})
	drawn := false
	go func() {
		defer close(stopped)
		timer := time.NewTimer(quiet)
		defer timer.Stop()
		select {
		case <-stop:
			return
		case <-timer.C:
		}
		l.draw(what, since, until)
		drawn = true
		if !l.Live {
			return
		}
		tick := time.NewTicker(every)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				l.draw(what, since, until)
			}
		}
	}()
	return func() {
		close(stop)
		<-stopped
		if drawn && l.Live {
			l.mu.Lock()
			io.WriteString(l.Out, "\r\033[K")
			l.mu.Unlock()
		}
	}
}

// draw writes the line: in place on a terminal, as a line of its own elsewhere.
func (l *Line) draw(what string, since, until time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	text := Text(what, since, until, time.Now())
	if l.Live {
		fmt.Fprintf(l.Out, "\r\033[K%s", text)
	} else {
		fmt.Fprintln(l.Out, text)
	}
}

// Text is the line for a wait seen at now: "… waiting for POST /v1/x since
// 10:58:02 (12s), giving up at 10:59:02 (in 48s)".
func Text(what string, since, until, now time.Time) string {
	s := fmt.Sprintf("  … waiting for %s since %s (%s)", what, since.Format(time.TimeOnly), now.Sub(since).Round(time.Second))
	if !until.IsZero() {
		s += fmt.Sprintf(", giving up at %s (in %s)", until.Format(time.TimeOnly), until.Sub(now).Round(time.Second))
	}
	return s
}
