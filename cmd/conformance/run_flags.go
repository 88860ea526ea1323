package main

import (
	"errors"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/tingee-conformance/harness/internal/runner"
	"github.com/tingee-conformance/harness/internal/tagexpr"
)

// suiteFlags are the flags every profile's run takes to choose the target and
// the scenarios and to shape the run, declared and checked in one place.
type suiteFlags struct {
	target, tags, format string
	seed                 int64
	timeout              time.Duration
	allowLive, strict    bool
}

// suiteHelp is what differs between profiles in those flags' help.
type suiteHelp struct {
	target, tags, allowLive, timeout string
	timeoutDefault                   time.Duration
}

func addSuiteFlags(fs *flag.FlagSet, h suiteHelp) *suiteFlags {
	s := &suiteFlags{}
	fs.StringVar(&s.target, "target", runner.EnvMock, h.target)
	fs.StringVar(&s.tags, "tags", "", h.tags)
	fs.StringVar(&s.format, "format", "progress", "pretty (step by step) or progress (one line per scenario)")
	fs.Int64Var(&s.seed, "seed", 0, "scenario order (0: a new one, printed)")
	fs.DurationVar(&s.timeout, "timeout", h.timeoutDefault, h.timeout)
	fs.BoolVar(&s.allowLive, "allow-live", false, h.allowLive)
	fs.BoolVar(&s.strict, "strict", false, "exit 1 when should-level checks warned (CONFORMANT WITH WARNINGS)")
	return s
}

// check refuses, before anything is sent, a format, a timeout or a tag
// expression the run could not use.
func (s *suiteFlags) check() error {
	if err := runner.CheckFormat(s.format); err != nil {
		return err
	}
	if s.timeout <= 0 {
		return errors.New("--timeout must be positive")
	}
	if _, err := tagexpr.Parse(s.tags); err != nil {
		return fmt.Errorf("--tags %q: %v", s.tags, err)
	}
	return nil
}

// subset names what narrowed the run, its tags and its paths; "" for the
// whole suite. The report puts it beside the verdict.
func (s *suiteFlags) subset(paths []string) string {
	return strings.TrimSpace(s.tags + " " + strings.Join(paths, " "))
}

// apply sets the runner options these flags choose.
func (s *suiteFlags) apply(o *runner.Options) {
	o.Tags, o.Format, o.Seed, o.Timeout, o.AllowLive, o.Strict = s.tags, s.format, s.seed, s.timeout, s.allowLive, s.strict
}
