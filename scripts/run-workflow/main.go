// Command run-workflow runs the shell commands of a CI template on this
// machine, the way GitHub Actions or GitLab CI would, so that .ci/run can
// show that examples/ci works as written (against the embedded mock):
//
//	go run ./scripts/run-workflow [--dir DIR] [--set NAME=VALUE]… github FILE JOB
//	go run ./scripts/run-workflow [--dir DIR] [--set NAME=VALUE]… gitlab FILE JOB
//
// GitHub: each `run:` step of the job runs in bash -eo pipefail, in order,
// with the job's and the step's env; `uses:` steps (checkout, setup-go,
// artifacts) are named and left to GitHub. Expressions ${{ a || 'b' }} are
// evaluated over --set values (secrets.X, vars.X, github.X), env.X and
// steps.ID.outputs.X (from $GITHUB_OUTPUT); a missing name is empty, as on
// GitHub; any other expression is refused. `if:` is not evaluated: every
// step runs, and the run stops at the first failing one.
//
// GitLab: the job's before_script and script run as one bash -eo pipefail
// script with the global and the job's variables; --set NAME=VALUE
// overrides a variable.
//
// Exit: the job's exit status; 2 for bad usage or a template it cannot run.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

type setFlags map[string]string

func (s setFlags) String() string { return "" }
func (s setFlags) Set(v string) error {
	name, value, ok := strings.Cut(v, "=")
	if !ok || name == "" {
		return fmt.Errorf("want NAME=VALUE, got %q", v)
	}
	s[name] = value
	return nil
}

func main() {
	set := setFlags{}
	fs := flag.NewFlagSet("run-workflow", flag.ContinueOnError)
	dir := fs.String("dir", ".", "the working directory the job runs in (created when missing)")
	fs.Var(set, "set", "NAME=VALUE: a secrets./vars./github. value (GitHub) or a variable (GitLab); repeatable")
	if err := fs.Parse(os.Args[1:]); err != nil {
		os.Exit(2)
	}
	if fs.NArg() != 3 || (fs.Arg(0) != "github" && fs.Arg(0) != "gitlab") {
		fmt.Fprintln(os.Stderr, "usage: run-workflow [--dir DIR] [--set NAME=VALUE]… github|gitlab FILE JOB")
		os.Exit(2)
	}
	data, err := os.ReadFile(fs.Arg(1))
	if err != nil {
		fail(err)
	}
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		fail(err)
	}
	abs, err := filepath.Abs(*dir)
	if err != nil {
		fail(err)
	}
	var code int
	if fs.Arg(0) == "github" {
		code, err = runGitHub(data, fs.Arg(2), abs, set)
	} else {
		code, err = runGitLab(data, fs.Arg(2), abs, set)
	}
	if err != nil {
		fail(err)
	}
	os.Exit(code)
}

func fail(err error) {
	fmt.Fprintf(os.Stderr, "run-workflow: %v\n", err)
	os.Exit(2)
}

// shell runs script in bash -eo pipefail in dir with env added to this
// process's environment; its exit status.
func shell(script, dir string, env map[string]string) (int, error) {
	cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script)
	cmd.Dir, cmd.Stdout, cmd.Stderr = dir, os.Stdout, os.Stderr
	cmd.Env = os.Environ()
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	err := cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.ExitCode(), nil
	}
	if err != nil {
		return 0, err
	}
	return 0, nil
}
