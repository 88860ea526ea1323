package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The templates' rule, from README "Running nightly": red only on a
// regression (conformance diff exits 1) or an expired known deviation (which
// diff also counts), or when the run could not judge (exit 2 or 3); with
// nothing to compare, the run's own exit code decides. Each case runs the
// real template with a stand-in conformance that exits as told.
func TestTemplatesRedOnlyOnARegression(t *testing.T) {
	cases := []struct {
		name              string
		previous          bool
		runCode, diffCode int
		want              int
	}{
		{"old failure, nothing new", true, 1, 0, 0},
		{"regression", true, 1, 1, 1},
		{"all passed", true, 0, 0, 0},
		{"unreachable", true, 3, 0, 3},
		{"first night, failures", false, 1, 0, 1},
		{"first night, all passed", false, 0, 0, 0},
	}
	templates := []struct {
		kind, file, job string
		run             func(data []byte, job, dir string, set map[string]string) (int, error)
	}{
		{"github", "../../examples/ci/github-nightly.yml", "uat", runGitHub},
		{"gitlab", "../../examples/ci/gitlab-ci.yml", "conformance-nightly", runGitLab},
	}
	for _, tpl := range templates {
		data, err := os.ReadFile(tpl.file)
		if err != nil {
			t.Fatal(err)
		}
		for _, tc := range cases {
			t.Run(tpl.kind+"/"+tc.name, func(t *testing.T) {
				dir := t.TempDir()
				fakeConformance(t, tc.runCode, tc.diffCode)
				if tc.previous {
					os.MkdirAll(filepath.Join(dir, "previous-report"), 0o755)
					os.WriteFile(filepath.Join(dir, "previous-report", "report.json"), []byte("{}"), 0o644)
				}
				code, err := tpl.run(data, tpl.job, dir, nil)
				if err != nil || code != tc.want {
					t.Errorf("job exit %d (%v), want %d", code, err, tc.want)
				}
			})
		}
	}
}

// fakeConformance puts on PATH a conformance whose run writes a bundle and
// exits runCode, and whose diff exits diffCode.
func fakeConformance(t *testing.T, runCode, diffCode int) {
	t.Helper()
	bin := t.TempDir()
	script := fmt.Sprintf(`#!/bin/sh
case "$1" in
run)
	[ -n "$CONFORMANCE_ARGS" ] && echo "$*" > "$CONFORMANCE_ARGS"
	while [ $# -gt 0 ]; do [ "$1" = --report-dir ] && dir=$2; shift; done
	mkdir -p "$dir" && echo '{}' > "$dir/report.json" && echo '# summary' > "$dir/summary.md"
	exit %d ;;
diff) echo '# Conformance diff'; exit %d ;;
esac
exit 2
`, runCode, diffCode)
	if err := os.WriteFile(filepath.Join(bin, "conformance"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
}

// The templates run only the @uat-safe scenarios by default (README "What a
// nightly run can and cannot cover": they change nothing on UAT); the
// variable CONFORMANCE_DESTRUCTIVE=true adds the @destructive ones, and the
// @needs-otp ones stay out without TINGEE_OTP (review-13-14 S9: the
// templates sent @destructive requests to UAT every night).
func TestTemplatesLeaveDestructiveOutByDefault(t *testing.T) {
	templates := []struct {
		kind, file, job, switchName string
		run                         func(data []byte, job, dir string, set map[string]string) (int, error)
	}{
		{"github", "../../examples/ci/github-nightly.yml", "uat", "vars.CONFORMANCE_DESTRUCTIVE", runGitHub},
		{"gitlab", "../../examples/ci/gitlab-ci.yml", "conformance-nightly", "CONFORMANCE_DESTRUCTIVE", runGitLab},
	}
	for _, tpl := range templates {
		data, err := os.ReadFile(tpl.file)
		if err != nil {
			t.Fatal(err)
		}
		for set, want := range map[string]string{"": "--tags not @destructive", "true": "--tags not @needs-otp"} {
			t.Run(tpl.kind+"/"+set, func(t *testing.T) {
				dir := t.TempDir()
				fakeConformance(t, 0, 0)
				args := filepath.Join(t.TempDir(), "args")
				t.Setenv("CONFORMANCE_ARGS", args)
				vars := map[string]string{}
				if set != "" {
					vars[tpl.switchName] = set
				}
				if code, err := tpl.run(data, tpl.job, dir, vars); err != nil || code != 0 {
					t.Fatalf("job exit %d (%v)", code, err)
				}
				got, _ := os.ReadFile(args)
				if !strings.Contains(string(got), want) || strings.Count(string(got), "--tags") != 1 {
					t.Errorf("conformance run %s; want %q", got, want)
				}
			})
		}
	}
}
