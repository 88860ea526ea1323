package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"
)

type ghWorkflow struct {
	Env  map[string]string `yaml:"env"`
	Jobs map[string]struct {
		Env   map[string]string `yaml:"env"`
		Steps []struct {
			Name string            `yaml:"name"`
			ID   string            `yaml:"id"`
			Uses string            `yaml:"uses"`
			Run  string            `yaml:"run"`
			Env  map[string]string `yaml:"env"`
		} `yaml:"steps"`
	} `yaml:"jobs"`
}

// runGitHub runs the run: steps of job in dir.
func runGitHub(data []byte, job, dir string, set map[string]string) (int, error) {
	var wf ghWorkflow
	if err := yaml.Unmarshal(data, &wf); err != nil {
		return 0, err
	}
	j, ok := wf.Jobs[job]
	if !ok {
		return 0, fmt.Errorf("no job %q", job)
	}
	tmp, err := os.MkdirTemp("", "run-workflow-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(tmp)
	ctx := expressionContext{values: set, outputs: map[string]map[string]string{}}
	env := map[string]string{"RUNNER_TEMP": tmp, "GITHUB_STEP_SUMMARY": filepath.Join(dir, "step-summary.md"),
		"GITHUB_REPOSITORY": set["github.repository"], "GITHUB_WORKSPACE": dir}
	for _, layer := range []map[string]string{wf.Env, j.Env} {
		for k, v := range layer {
			if env[k], err = ctx.eval(v); err != nil {
				return 0, fmt.Errorf("env %s: %w", k, err)
			}
			ctx.env = env
		}
	}
	ctx.env = env
	for i, st := range j.Steps {
		name := nonEmpty(st.Name, st.ID, st.Uses, fmt.Sprintf("step %d", i+1))
		if st.Uses != "" {
			fmt.Printf("\n-- %s: uses %s, left to GitHub\n", name, st.Uses)
			continue
		}
		if expression.MatchString(st.Run) {
			return 0, fmt.Errorf("step %q: an expression in run: (pass it through env: instead)", name)
		}
		fmt.Printf("\n-- %s\n", name)
		stepEnv := map[string]string{}
		for k, v := range env {
			stepEnv[k] = v
		}
		for k, v := range st.Env {
			if stepEnv[k], err = ctx.eval(v); err != nil {
				return 0, fmt.Errorf("step %q env %s: %w", name, k, err)
			}
		}
		out := filepath.Join(tmp, fmt.Sprintf("output-%d", i))
		stepEnv["GITHUB_OUTPUT"] = out
		code, err := shell(st.Run, dir, stepEnv)
		if err != nil {
			return 0, err
		}
		if st.ID != "" {
			ctx.outputs[st.ID] = readOutputs(out)
		}
		if code != 0 {
			fmt.Printf("-- %s: exit %d\n", name, code)
			return code, nil
		}
	}
	return 0, nil
}

// readOutputs reads the NAME=VALUE lines a step appended to $GITHUB_OUTPUT.
func readOutputs(path string) map[string]string {
	out := map[string]string{}
	data, _ := os.ReadFile(path)
	for _, line := range strings.Split(string(data), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			out[k] = v
		}
	}
	return out
}

var (
	expression = regexp.MustCompile(`\$\{\{\s*(.*?)\s*\}\}`)
	name       = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*)*$`)
	literal    = regexp.MustCompile(`^'([^']*)'$`)
)

// expressionContext is what ${{ }} expressions can read.
type expressionContext struct {
	values  map[string]string            // --set: secrets.X, vars.X, github.X
	env     map[string]string            // the job's env
	outputs map[string]map[string]string // steps.ID.outputs.X
}

// eval replaces each ${{ a || 'b' }} in s.
func (c expressionContext) eval(s string) (string, error) {
	var err error
	out := expression.ReplaceAllStringFunc(s, func(m string) string {
		inner := expression.FindStringSubmatch(m)[1]
		for _, operand := range strings.Split(inner, "||") {
			v, e := c.operand(strings.TrimSpace(operand))
			if e != nil {
				err = fmt.Errorf("${{ %s }}: %w", inner, e)
				return ""
			}
			if v != "" {
				return v
			}
		}
		return ""
	})
	return out, err
}

func (c expressionContext) operand(op string) (string, error) {
	if m := literal.FindStringSubmatch(op); m != nil {
		return m[1], nil
	}
	if !name.MatchString(op) {
		return "", fmt.Errorf("only names and 'literals' joined by || are understood")
	}
	parts := strings.Split(op, ".")
	switch {
	case parts[0] == "env" && len(parts) == 2:
		return c.env[parts[1]], nil
	case parts[0] == "steps" && len(parts) == 4 && parts[2] == "outputs":
		return c.outputs[parts[1]][parts[3]], nil
	case parts[0] == "secrets" || parts[0] == "vars" || parts[0] == "github":
		return c.values[op], nil
	}
	return "", fmt.Errorf("unknown name %s", op)
}

func nonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
