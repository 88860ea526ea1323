package main

import (
	"flag"
	"fmt"
	"strings"

	"github.com/tingee-conformance/harness/internal/runner"
)

// planSynopsis lists, for every profile's run synopsis, the flags that list
// a run's scenarios, preview it or cut it short.
const planSynopsis = "[--list] [--dry-run] [--fail-fast]"

// planFlags are the flags every profile's run takes to list its scenarios
// (--list), check everything and send nothing (--dry-run), or stop at the
// first failure that fails the run (--fail-fast).
type planFlags struct {
	list, dryRun, failFast bool
}

func addPlanFlags(fs *flag.FlagSet) *planFlags {
	p := &planFlags{}
	fs.BoolVar(&p.list, "list", false, "list the scenarios (matching --tags and the paths) with their tags, level and source, and exit; nothing is checked or sent")
	fs.BoolVar(&p.dryRun, "dry-run", false, "check everything a run checks first, list the scenarios it would run against --target, and exit; nothing is sent")
	fs.BoolVar(&p.failFast, "fail-fast", false, "stop at the first failed scenario")
	return p
}

// listScenarios prints the plan of a run (runner.Plan): for --list every
// scenario the tags and paths select, for --dry-run (narrow, against target)
// those a run would start. Nothing is sent. note says, when nothing matched,
// which scenarios of the profile another command runs ("" when none).
func listScenarios(c *cli, o runner.Options, narrow bool, target, note string) int {
	plan, err := runner.Plan(o, narrow)
	if err != nil {
		return c.errorf(exitUsage, "run: %v", err)
	}
	for _, l := range plan {
		runner.ListLine(c.stdout, l)
	}
	if narrow {
		fmt.Fprintf(c.stdout, "dry run: %d scenarios would run against %s (%s); every check passed, nothing was sent\n", len(plan), target, o.Environment)
	} else {
		fmt.Fprintf(c.stdout, "%d scenarios (columns: where, level, sources, feature: name, tags)\n", len(plan))
	}
	if len(plan) == 0 {
		var what []string
		if o.Tags != "" {
			what = append(what, fmt.Sprintf("--tags %q", o.Tags))
		}
		what = append(what, o.Paths...)
		return c.errorf(exitUsage, "run: %s matched no scenario of run's suite (%s--list alone lists them all)", strings.Join(what, " "), note)
	}
	return exitOK
}
