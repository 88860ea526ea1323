package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEval(t *testing.T) {
	c := expressionContext{values: map[string]string{"secrets.ID": "abc"}, env: map[string]string{"B": "bundle"},
		outputs: map[string]map[string]string{"run": {"code": "1"}}}
	for in, want := range map[string]string{
		"${{ secrets.ID }}":                            "abc",
		"${{ vars.TARGET || 'uat' }}":                  "uat",
		"x-${{ env.B }}-${{ steps.run.outputs.code }}": "x-bundle-1",
	} {
		if got, err := c.eval(in); err != nil || got != want {
			t.Errorf("eval(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"${{ github.event_name == 'schedule' }}", "${{ hashFiles('x') }}", "${{ matrix.os }}"} {
		if _, err := c.eval(bad); err == nil {
			t.Errorf("eval(%q) accepted an expression it cannot evaluate", bad)
		}
	}
}

// A job's steps run in order with outputs passed on; the first failing step stops it with its code.
func TestRunGitHub(t *testing.T) {
	wf := `
jobs:
  j:
    env:
      WHO: ${{ vars.WHO || 'nobody' }}
    steps:
      - uses: actions/checkout@v4
      - id: one
        run: echo "said=hello $WHO" >> "$GITHUB_OUTPUT"
      - env:
          SAID: ${{ steps.one.outputs.said }}
        run: echo "$SAID" > said.txt; exit 3
      - run: touch never.txt
`
	dir := t.TempDir()
	code, err := runGitHub([]byte(wf), "j", dir, map[string]string{"vars.WHO": "ci"})
	if err != nil || code != 3 {
		t.Fatalf("code %d, err %v; want 3", code, err)
	}
	said, _ := os.ReadFile(filepath.Join(dir, "said.txt"))
	if strings.TrimSpace(string(said)) != "hello ci" {
		t.Errorf("said.txt = %q", said)
	}
	if _, err := os.Stat(filepath.Join(dir, "never.txt")); err == nil {
		t.Error("a step after the failing one ran")
	}
	if _, err := runGitHub([]byte("jobs:\n  j:\n    steps:\n      - run: echo ${{ secrets.X }}\n"), "j", dir, nil); err == nil {
		t.Error("an expression inside run: was accepted")
	}
}

func TestRunGitLab(t *testing.T) {
	job := `
variables:
  A: global
j:
  variables:
    B: job
  script:
    - echo "$A $B $C" > out.txt
    - exit 4
`
	dir := t.TempDir()
	code, err := runGitLab([]byte(job), "j", dir, map[string]string{"C": "set"})
	out, _ := os.ReadFile(filepath.Join(dir, "out.txt"))
	if err != nil || code != 4 || strings.TrimSpace(string(out)) != "global job set" {
		t.Errorf("code %d, err %v, out %q; want 4 and \"global job set\"", code, err, out)
	}
}
