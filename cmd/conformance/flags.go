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
