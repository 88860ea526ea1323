package main

import (
	"context"
	"fmt"

	"github.com/tingee-conformance/harness/internal/report"
)

func init() {
	commands["version"] = command{summary: "print the module version and VCS revision this binary was built from (also --version)", run: runVersion}
}

// runVersion prints what the report's tool block records: module, version,
// VCS revision (+dirty for uncommitted changes) and Go version.
func runVersion(_ context.Context, c *cli, args []string) int {
	fs := c.flags("version", "")
	if code, ok := c.parse(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		return c.errorf(exitUsage, "version: unexpected argument %q", fs.Arg(0))
	}
	t := report.BuildTool()
	rev := t.Revision
	if t.Modified {
		rev += "+dirty"
	}
	fmt.Fprintf(c.stdout, "conformance %s (%s, revision %s, %s)\n", t.Version, t.Module, rev, t.GoVersion)
	return exitOK
}
