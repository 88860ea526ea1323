package runner

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/tingee-conformance/harness/internal/tagexpr"
	"github.com/tingee-conformance/harness/steps"
)

// Tags that say what a scenario does to the target.
const (
	TagUATSafe     = "@uat-safe"
	TagDestructive = "@destructive"
	TagNeedsOTP    = "@needs-otp"
	TagMockOnly    = "@mock-only"
)

// tagsFor rewrites the user's tag expression (godog's or Cucumber's syntax)
// as godog filters and narrows it to what the environment allows: a live
// target only ever runs @uat-safe scenarios, never @destructive or
// @needs-otp; @mock-only needs the mock's control endpoints, absent from UAT
// (or a sandbox) and live. excluded is the suite's own narrowing (steps.Suite.Excluded).
func tagsFor(env string, allowLive bool, user, excluded string) (string, error) {
	expr, err := tagexpr.Godog(user) // Cucumber's syntax too; a syntax error is refused before godog panics on it
	if err != nil {
		return "", fmt.Errorf("--tags %q: %w", user, err)
	}
	user = expr
	switch env {
	case EnvLive:
		if err := CheckLive(env, allowLive); err != nil {
			return "", err
		}
		return steps.TagFilter(user, TagUATSafe, "~"+TagDestructive, "~"+TagNeedsOTP, "~"+TagMockOnly, excluded), nil
	case EnvUAT, EnvSandbox:
		return steps.TagFilter(user, "~"+TagMockOnly, excluded), nil
	case EnvMock, EnvURL:
		return steps.TagFilter(user, excluded), nil
	}
	return "", fmt.Errorf("environment %q: want mock, uat, sandbox, live or url", env)
}

// CheckFormat refuses an output format the runner does not print.
func CheckFormat(format string) error {
	if format == "pretty" || format == "progress" {
		return nil
	}
	return fmt.Errorf("--format %q: want pretty or progress", format)
}

// CheckLive refuses a live run not allowed with --allow-live.
func CheckLive(env string, allowLive bool) error {
	if env == EnvLive && !allowLive {
		return errors.New("--target live is refused without --allow-live (and then only @uat-safe scenarios run)")
	}
	return nil
}

// gate keeps a scenario from running after an interrupt, an outage or
// --fail-fast's stop (ff, may be nil), and enforces the live rule whatever
// the tag expression let through.
func gate(ctx context.Context, p *probe, env string, ff *failFast) func(context.Context, []string) error {
	return func(_ context.Context, tags []string) error {
		if ctx.Err() != nil {
			return fmt.Errorf("interrupted")
		}
		if ff != nil {
			if err := ff.err(); err != nil {
				return err
			}
		}
		if down, why := p.outage(); down {
			return fmt.Errorf("the target is unreachable (%s)", why)
		}
		if env == EnvLive && (!slices.Contains(tags, TagUATSafe) || slices.Contains(tags, TagDestructive) || slices.Contains(tags, TagNeedsOTP)) {
			return fmt.Errorf("a live target only runs @uat-safe scenarios")
		}
		return nil
	}
}
