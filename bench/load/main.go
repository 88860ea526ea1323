// Command load drives a Tingee-compatible target on loopback (the standalone
// `conformance mock`, or Prism for bench/compare) with signed confirm-va,
// get-va-paging and get-banks requests at a fixed number of connections,
// validates every answer against openapi.yaml, and prints req/s, p50, p99,
// transport errors, answers outside the spec and the target's peak RSS.
//
//	go run ./bench/load --url http://127.0.0.1:8080 [-n 100000] [-c 64] [--duration 2m] [--pid PID] [--validate=false]
//	go run ./bench/load --wrk-script mix.lua   # the same mix for wrk, signed once now (bench/compare)
//
// Each worker signs the mix once a second (timestamps hold for ±10 minutes).
// It stops at -n requests or at --duration, whichever comes first (-n 0: only
// the duration). Exit 1 when any request failed at the transport level, any
// answer refused the timestamp or the signature (code 90 or 97), or any
// validated answer broke the spec; 2 on bad flags.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/tingee-conformance/harness/profiles/tingee/auth"
	"github.com/tingee-conformance/harness/profiles/tingee/contract"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("load", flag.ContinueOnError)
	fs.SetOutput(stderr)
	base := fs.String("url", "", "base URL of the target, on loopback (required)")
	n := fs.Int("n", 100_000, "requests to send (0: until --duration)")
	conns := fs.Int("c", 64, "connections (one worker each)")
	duration := fs.Duration("duration", 2*time.Minute, "stop after this long whatever -n says")
	pid := fs.Int("pid", 0, "pid of the target, to print its peak RSS (VmHWM)")
	validate := fs.Bool("validate", true, "validate every answer with spec.ValidateResponse (off for targets that ignore signatures)")
	timeout := fs.Duration("timeout", 10*time.Second, "per request")
	wrkScript := fs.String("wrk-script", "", "write the mix, signed now, as a wrk Lua script to `FILE` and exit")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *wrkScript != "" {
		return writeWrkFile(*wrkScript, stderr)
	}
	cfg := config{base: *base, n: *n, conns: *conns, duration: *duration, timeout: *timeout, pair: auth.Mock()}
	if err := cfg.check(fs.NArg()); err != nil {
		fmt.Fprintf(stderr, "load: %v\n", err)
		return 2
	}
	if *validate {
		sp, err := contract.Load()
		if err != nil {
			fmt.Fprintf(stderr, "load: %v\n", err)
			return 2
		}
		cfg.spec = sp
	}
	ctx, cancel := context.WithTimeout(context.Background(), cfg.duration)
	defer cancel()
	before, cpuErr := readCPU(*pid)
	res := drive(ctx, cfg)
	after, err := readCPU(*pid)
	printResult(stdout, cfg, res)
	if cpuErr == nil && err == nil {
		printCPU(stdout, after.sub(before), len(res.latencies), *pid > 0)
	}
	if *pid > 0 {
		printRSS(stdout, *pid)
	}
	if res.transportErrors > 0 || res.outsideSpec > 0 || res.refused > 0 {
		return 1
	}
	return 0
}

// writeWrkFile writes the wrk script of the mix to path.
func writeWrkFile(path string, stderr io.Writer) int {
	f, err := os.Create(path)
	if err == nil {
		err = writeWrkScript(f, auth.Mock(), time.Now())
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "load: --wrk-script: %v\n", err)
		return 2
	}
	return 0
}

// check refuses flags that would make an unbounded or off-machine run.
func (c config) check(extra int) error {
	switch {
	case extra > 0:
		return errors.New("unexpected arguments")
	case c.base == "":
		return errors.New("--url is required")
	case c.n < 0 || c.conns < 1 || c.duration <= 0 || c.timeout <= 0:
		return errors.New("-n must be ≥ 0, -c ≥ 1, --duration and --timeout positive")
	}
	return checkLoopback(c.base)
}
