// Command mockprof serves the mock as `conformance mock --self-check` does
// (same handler, test pair, embedded fixtures) on a loopback port and writes a
// CPU profile of the whole process while bench/load drives it, to explain
// where a request's server time goes:
//
//	go run ./bench/mockprof --cpuprofile /tmp/mock.prof --duration 15s &
//	go run ./bench/load --url http://127.0.0.1:PORT -n 0 -c 32 --duration 10s
//	go tool pprof -top /tmp/mock.prof
//
// It stops by itself after --duration.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"runtime/pprof"
	"time"

	"github.com/tingee-conformance/harness/profiles/tingee/auth"
	"github.com/tingee-conformance/harness/profiles/tingee/mock"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("mockprof", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:0", "loopback address to serve on")
	profile := fs.String("cpuprofile", "", "where the CPU profile goes (required)")
	duration := fs.Duration("duration", 15*time.Second, "serve and profile this long, then stop")
	selfCheck := fs.Bool("self-check", true, "validate every answer against openapi.yaml, as bench/compare runs the mock")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *profile == "" || *duration <= 0 || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "mockprof: --cpuprofile FILE is required and --duration must be positive")
		return 2
	}
	pair := auth.Mock()
	h, err := mock.New(mock.Config{ClientID: pair.ClientID, Secret: pair.Secret, Control: true, SelfCheck: *selfCheck, Log: stderr})
	if err != nil {
		fmt.Fprintf(stderr, "mockprof: %v\n", err)
		return 2
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "mockprof: --addr %s: %v\n", *addr, err)
		return 2
	}
	if !ln.Addr().(*net.TCPAddr).IP.IsLoopback() {
		ln.Close()
		fmt.Fprintf(stderr, "mockprof: --addr %s: want a loopback address\n", *addr)
		return 2
	}
	f, err := os.Create(*profile)
	if err != nil {
		fmt.Fprintf(stderr, "mockprof: %v\n", err)
		return 2
	}
	defer f.Close()
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintf(stderr, "mockprof: %v\n", err)
		return 2
	}
	defer pprof.StopCPUProfile()
	fmt.Fprintf(stdout, "mockprof: serving http://%s for %s\n", ln.Addr(), *duration)
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	time.AfterFunc(*duration, func() { srv.Close() })
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "mockprof: %v\n", err)
		return 1
	}
	return 0
}
