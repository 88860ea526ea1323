package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/tingee-conformance/harness/internal/diff"
	"github.com/tingee-conformance/harness/internal/snapshot"
)

func init() {
	commands["diff"] = command{summary: "compare two runs (bundles or report.json): exit 1 when the newer one regressed", run: diffRuns}
}

// diffRuns compares OLD with NEW. Exit 0 no regression, 1 a regression (a
// must-level requirement newly failing, or a new undocumented status or
// code), 2 usage or an unreadable report.
func diffRuns(_ context.Context, c *cli, args []string) int {
	fs := c.flags("diff", "[--format markdown|json] [--json FILE] OLD NEW   (each a report bundle directory or its report.json)")
	format := fs.String("format", "markdown", "markdown (for a CI job summary) or json, on stdout")
	jsonOut := fs.String("json", "", "also write the comparison as JSON into FILE")
	if code, ok := c.parse(fs, args); !ok {
		return code
	}
	switch {
	case fs.NArg() != 2:
		return c.errorf(exitUsage, "diff: want two runs, OLD and NEW, got %d argument(s)", fs.NArg())
	case *format != "markdown" && *format != "json":
		return c.errorf(exitUsage, "diff: --format %q: want markdown or json", *format)
	}
	old, err := snapshot.Load(fs.Arg(0))
	if err != nil {
		return c.errorf(exitUsage, "diff: %v", err)
	}
	new, err := snapshot.Load(fs.Arg(1))
	if err != nil {
		return c.errorf(exitUsage, "diff: %v", err)
	}
	r := diff.Compare(old, new)
	js, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return c.errorf(exitUsage, "diff: %v", err)
	}
	js = append(js, '\n')
	if *jsonOut != "" {
		if err := os.WriteFile(*jsonOut, js, 0o644); err != nil {
			return c.errorf(exitUsage, "diff: --json: %v", err)
		}
	}
	if *format == "json" {
		c.stdout.Write(js)
	} else {
		fmt.Fprint(c.stdout, r.Markdown())
	}
	if r.Regressed() {
		return exitFail
	}
	return exitOK
}
