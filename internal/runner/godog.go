package runner

import (
	"context"
	"io"
	"io/fs"

	"github.com/cucumber/godog"
)

// Godog is one run of godog: the only way the harness builds a godog suite
// (Run's API suite, webhook-check's receiver suite, OCB's suite).
type Godog struct {
	Name  string
	FS    fs.FS    // holds the feature files
	Paths []string // feature files, folders or file:line within FS
	Tags  string   // a tag expression in godog's syntax
	Seed  int64    // scenario order; 0 keeps the files' order
	// Format and Out are godog's own output; "" and nil print nothing (the
	// caller prints from its recorder).
	Format string
	Out    io.Writer
	// Initialize registers the hooks and steps of each scenario.
	Initialize func(*godog.ScenarioContext)
}

// RunGodog runs g strictly (an undefined or pending step fails), without
// colours, under ctx, and returns godog's status: 0 passed, 1 failed, 2 its
// options were refused.
func RunGodog(ctx context.Context, g Godog) int {
	format, out := g.Format, g.Out
	if format == "" {
		format, out = "progress", io.Discard
	}
	if out == nil {
		out = io.Discard
	}
	return godog.TestSuite{
		Name:                g.Name,
		ScenarioInitializer: g.Initialize,
		Options: &godog.Options{
			Format: format, Output: out, Strict: true, Randomize: g.Seed, NoColors: true,
			FS: g.FS, Paths: g.Paths, Tags: g.Tags, DefaultContext: ctx,
		},
	}.Run()
}
