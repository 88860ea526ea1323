package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
)

// flags makes a command's flag set. Parse errors are reported by parse as one line.
func (c *cli) flags(name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {
		fmt.Fprintf(c.stdout, "usage: conformance %s %s\n", name, synopsis)
		fs.SetOutput(c.stdout)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
	return fs
}

// parse parses args. When ok is false the command must return code at once:
// 0 after -h, 2 after a bad flag (named in one line on stderr).
func (c *cli) parse(fs *flag.FlagSet, args []string) (code int, ok bool) {
	usage := fs.Usage
	fs.Usage = func() {} // the flag package calls Usage on -h and on every bad flag
	err := fs.Parse(args)
	fs.Usage = usage
	switch {
	case errors.Is(err, flag.ErrHelp):
		fs.Usage()
		return exitOK, false
	case err != nil:
		return c.errorf(exitUsage, "%s: %v", fs.Name(), err), false
	}
	return 0, true
}

// parseWithArgs parses args whose flags may come before, between or after
// the positional arguments (godog's "features/x.feature:12 --tags …"), and
// returns those in order. code and ok are parse's.
func (c *cli) parseWithArgs(fs *flag.FlagSet, args []string) (positional []string, code int, ok bool) {
	for {
		if code, ok := c.parse(fs, args); !ok {
			return nil, code, false
		}
		if fs.NArg() == 0 {
			return positional, 0, true
		}
		positional, args = append(positional, fs.Arg(0)), fs.Args()[1:]
	}
}
