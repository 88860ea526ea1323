package runner

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"strings"
	"testing"
	"time"
)

// Against a target nothing listens on, each scenario that tried is labelled
// no-answer (not failed, which says the contract broke), and one line counts
// what was not run: the list stays in the report (run.NotRun), off the console.
func TestOutageOnTheConsole(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens there now: connection refused
	var out bytes.Buffer
	o := options("http://"+addr, EnvURL, "", &out)
	o.Timeout = time.Second
	run, code := Run(context.Background(), o)
	console := out.String()
	if code != ExitUnreachable || len(run.NotRun) == 0 {
		t.Fatalf("exit %d, %d not run\n%s", code, len(run.NotRun), console)
	}
	if !strings.Contains(console, " no-answer ") || strings.Contains(console, " failed ") {
		t.Errorf("scenarios not labelled no-answer:\n%s", console)
	}
	if strings.Count(console, "NOT RUN") != 1 || !strings.Contains(console, fmt.Sprintf("NOT RUN: %d scenarios", len(run.NotRun))+", the target being unreachable (listed in the report)") {
		t.Errorf("want one line counting %d not run:\n%s", len(run.NotRun), console)
	}
}
