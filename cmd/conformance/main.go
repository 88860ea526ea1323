// Command conformance is the conformance harness for bank APIs, one API
// profile at a time (--profile tingee, the default, or ocb; a command a
// profile does not offer says so). For Tingee's Open API it runs the
// Gherkin suite against the embedded mock, UAT, live or any URL (run, the
// default), serves the mock (mock), signs a body as Tingee expects (sign),
// certifies a partner's webhook receiver (webhook-check) and serves the
// reference one (example-receiver), and makes and checks the signed report
// bundle (keygen, verify-report), exports the contract as a signed Postman
// collection (export), certifies a partner's own client (certify-client),
// compares and charts bundles (diff, history), and prints its version
// (version, --version). For OCB's Open API it offers run, mock, sign,
// preflight and export (files ocb_*.go). Each command lives in its own file.
//
//	go run ./cmd/conformance                      # the suite against the embedded mock
//	go run ./cmd/conformance mock --addr 127.0.0.1:8080
//	printf '{}' | TINGEE_SECRET_TOKEN=… go run ./cmd/conformance sign --body-file -
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/tingee-conformance/harness/internal/term"
)

// Exit codes shared by every command.
const (
	exitOK          = 0 // everything passed
	exitFail        = 1 // the target (or the input) broke the contract; for a run, also INCOMPLETE (report.Judgement.ExitCode)
	exitUsage       = 2 // bad flags, arguments or configuration
	exitUnreachable = 3 // the target could not be reached
)

// cli is what a command gets from the process: streams and the environment.
type cli struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	stdinTerminal  bool // stdin is a terminal a person can type on (an OTP prompt)
}

// errorf prints a one-line error naming what is wrong and returns code.
func (c *cli) errorf(code int, format string, args ...any) int {
	fmt.Fprintf(c.stderr, "conformance: "+format+"\n", args...)
	return code
}

type command struct {
	summary string
	run     func(ctx context.Context, c *cli, args []string) int
}

// commands is filled by each command's own file (run.go, mock.go, sign.go, …).
var commands = map[string]command{}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := dispatch(ctx, &cli{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv, stdinTerminal: term.IsTerminal(os.Stdin)}, os.Args[1:])
	stop()
	os.Exit(code)
}

// dispatch picks the command named by the first argument; with none, or a flag first, it is run.
func dispatch(ctx context.Context, c *cli, args []string) int {
	p, rest, err := splitProfile(args) // --profile may stand anywhere: before or after the command, with help too
	if err != nil {
		name := "run"
		if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
			name = args[0]
		}
		return c.errorf(exitUsage, "%s: %v", name, err)
	}
	args = rest
	if len(args) > 0 && (args[0] == "help" || args[0] == "-h" || args[0] == "--help") {
		if len(args) > 1 && args[0] == "help" { // help COMMAND [--profile P]: that command's flags
			if cmd, ok := offered[p.Name][args[1]]; ok {
				return cmd.run(ctx, c, []string{"-h"})
			}
			return c.errorf(exitUsage, "help: unknown command %q (commands: %s)", args[1], strings.Join(commandNames(p), ", "))
		}
		usage(c.stdout)
		return exitOK
	}
	if len(args) > 0 && (args[0] == "--version" || args[0] == "-version") {
		args = append([]string{"version"}, args[1:]...)
	}
	name := "run"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") && !isFeaturePath(args[0]) {
		name, args = args[0], args[1:]
	}
	return dispatchTo(ctx, c, p, name, args)
}

// isFeaturePath tells a feature file argument (FILE.feature or
// FILE.feature:LINE), which godog users type first, from a command name: it
// goes to run.
func isFeaturePath(arg string) bool {
	path, _, _ := strings.Cut(arg, ":")
	return strings.HasSuffix(path, ".feature")
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: conformance [command] [flags]   (command defaults to run; help COMMAND for its flags; --version)")
	for _, n := range commandNames(profiles.Default()) {
		fmt.Fprintf(w, "  %-16s %s\n", n, commands[n].summary)
	}
	profileUsage(w)
}
