package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/tingee-conformance/harness/internal/history"
	"github.com/tingee-conformance/harness/internal/snapshot"
)

func init() {
	commands["history"] = command{summary: "write one HTML page of trends (verdicts, pass rates, latency, drift) from many bundles", run: writeHistory}
}

// writeHistory reads every bundle under the DIRs and writes the trends page.
// Exit 0 written, 2 usage or no bundle found.
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
	runs, err := snapshot.LoadAll(paths)
	if err != nil {
		return c.errorf(exitUsage, "history: %v", err)
	}
	page, err := history.Render(history.Collect(runs), *title, time.Now())
	if err != nil {
		return c.errorf(exitUsage, "history: %v", err)
	}
	if err := os.WriteFile(*out, page, 0o644); err != nil {
		return c.errorf(exitUsage, "history: %v", err)
	}
	fmt.Fprintf(c.stdout, "history: %d runs → %s\n", len(runs), *out)
	return exitOK
}
