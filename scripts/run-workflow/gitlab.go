package main

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

type glJob struct {
	Variables    map[string]string `yaml:"variables"`
	BeforeScript []string          `yaml:"before_script"`
	Script       []string          `yaml:"script"`
}

// runGitLab runs job's before_script and script in dir.
func runGitLab(data []byte, job, dir string, set map[string]string) (int, error) {
	var doc map[string]yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return 0, err
	}
	node, ok := doc[job]
	if !ok {
		return 0, fmt.Errorf("no job %q", job)
	}
	var j glJob
	if err := node.Decode(&j); err != nil {
		return 0, fmt.Errorf("job %s: %w", job, err)
	}
	if len(j.Script) == 0 {
		return 0, fmt.Errorf("job %s has no script", job)
	}
	env := map[string]string{}
	if global, ok := doc["variables"]; ok {
		if err := global.Decode(&env); err != nil {
			return 0, fmt.Errorf("variables: %w", err)
		}
	}
	for k, v := range j.Variables {
		env[k] = v
	}
	for k, v := range set {
		env[k] = v
	}
	script := strings.Join(append(j.BeforeScript, j.Script...), "\n")
	fmt.Printf("\n-- %s (before_script and script)\n", job)
	return shell(script, dir, env)
}
