package runner

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// A tag expression with a syntax error is refused in one line naming the
// position, before any request; godog v0.15.1 panics on "@TG-SIG-01 &&".
func TestTagSyntaxErrorIsRefused(t *testing.T) {
	var out bytes.Buffer
	run, code := Run(context.Background(), options("http://127.0.0.1:1", EnvMock, "@TG-SIG-01 &&", &out))
	if code != ExitConfig || len(run.Scenarios) != 0 || !strings.Contains(out.String(), "position 14") || strings.Count(out.String(), "\n") != 1 {
		t.Fatalf("exit %d, %d scenarios:\n%s", code, len(run.Scenarios), out.String())
	}
}

// Cucumber's syntax selects what it says (it silently matched nothing before).
func TestCucumberTagSyntax(t *testing.T) {
	var out bytes.Buffer
	run, code := Run(context.Background(), options(mockURL(t), EnvMock, "@TG-SIG-01 and not @nothing-has-this", &out))
	if code != ExitOK || len(run.Scenarios) == 0 {
		t.Fatalf("exit %d, %d scenarios:\n%s", code, len(run.Scenarios), out.String())
	}
	for _, s := range run.Scenarios {
		if !strings.Contains(strings.Join(s.Tags, " "), "@TG-SIG-01") {
			t.Fatalf("%s ran, without @TG-SIG-01", s.Name)
		}
	}
}

// Statuses are coloured only when asked (the CLI asks on a terminal without
// NO_COLOR); otherwise the output holds no escape code.
func TestColour(t *testing.T) {
	base := mockURL(t)
	for _, colour := range []bool{false, true} {
		var out bytes.Buffer
		o := options(base, EnvMock, "@TG-SIG-01", &out)
		o.Colour = colour
		if _, code := Run(context.Background(), o); code != ExitOK {
			t.Fatalf("exit %d\n%s", code, out.String())
		}
		if got := strings.Contains(out.String(), "\033[32mpassed"); got != colour {
			t.Errorf("colour %v: green passed %v\n%q", colour, got, out.String())
		}
		if !colour && strings.Contains(out.String(), "\033[") {
			t.Errorf("an escape code without colour: %q", out.String())
		}
	}
}
