package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/tingee-conformance/harness/internal/history"
	"github.com/tingee-conformance/harness/internal/snapshot"
)

func init() {
	commands["history"] = command{summary: "write one HTML page of trends (verdicts, pass rates, latency, drift) from many bundles", run: writeHistory}
}

// writeHistory reads every bundle under the DIRs and writes the trends page.
// A bundle that cannot be read is skipped with a one-line warning naming it.
// Exit 0 written, 2 usage, or no bundle found or readable.
func writeHistory(_ context.Context, c *cli, args []string) int {
	fs := c.flags("history", "[--out FILE] [--title TEXT] DIR…   (bundles, or directories holding them at any depth)")
	out := fs.String("out", "history.html", "the page to write")
	title := fs.String("title", "Tingee Open API conformance", "the page's title")
	if code, ok := c.parse(fs, args); !ok {
		return code
	}
	if fs.NArg() == 0 {
		return c.errorf(exitUsage, "history: name at least one directory of bundles")
	}
	paths, err := snapshot.Find(fs.Args())
	if err != nil {
		return c.errorf(exitUsage, "history: %v", err)
	}
	runs, skipped := snapshot.LoadAll(paths)
	for _, err := range skipped { // one bad night does not hide the others
		fmt.Fprintf(c.stderr, "history: skipped %s\n", strings.ReplaceAll(err.Error(), "\n", " "))
	}
	if len(runs) == 0 {
		return c.errorf(exitUsage, "history: none of the %d bundles found could be read", len(paths))
	}
	trends := history.Collect(runs)
	page, err := history.Render(trends, *title, time.Now())
	if err != nil {
		return c.errorf(exitUsage, "history: %v", err)
	}
	if err := os.WriteFile(*out, page, 0o644); err != nil {
		return c.errorf(exitUsage, "history: %v", err)
	}
	fmt.Fprintf(c.stdout, "history: %d runs → %s\n", len(trends.Nights), *out) // the same run twice counts once, as on the page
	return exitOK
}
