// Command go-install-check shows that `go install
// github.com/tingee-conformance/harness/cmd/conformance@latest` works for a
// user without a checkout: it packs the committed tree into a module zip,
// exactly as the module proxy would serve it (golang.org/x/mod/zip refuses
// what the proxy refuses), serves it from a file:// GOPROXY and runs go
// install from the module path into a temporary GOBIN, then runs the
// installed binary. A replace directive, a file the zip cannot hold or an
// embed the zip leaves out breaks it. It is a module of its own so that the
// harness's go.mod stays free of golang.org/x/mod.
//
//	cd scripts/go-install-check && go run . ../..
package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"golang.org/x/mod/module"
	"golang.org/x/mod/zip"
)

const (
	modulePath = "github.com/tingee-conformance/harness"
	version    = "v0.0.0-20260101000000-000000000000"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: go run . REPOSITORY_ROOT")
		os.Exit(2)
	}
	if err := check(os.Args[1]); err != nil {
		fmt.Fprintf(os.Stderr, "go-install-check: %v\n", err)
		os.Exit(1)
	}
}

func check(root string) error {
	tmp, err := os.MkdirTemp("", "go-install-check-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	tree := filepath.Join(tmp, "tree") // the committed files only, as a tag would publish them
	if err := os.MkdirAll(tree, 0o755); err != nil {
		return err
	}
	if err := run(root, nil, "bash", "-c", "git archive HEAD | tar -x -C "+tree); err != nil {
		return err
	}
	proxy := filepath.Join(tmp, "proxy", modulePath, "@v")
	if err := os.MkdirAll(proxy, 0o755); err != nil {
		return err
	}
	f, err := os.Create(filepath.Join(proxy, version+".zip"))
	if err != nil {
		return err
	}
	if err := zip.CreateFromDir(f, module.Version{Path: modulePath, Version: version}, tree); err != nil {
		return fmt.Errorf("the module zip: %w", err)
	}
	if err := f.Close(); err != nil {
		return err
	}
	mod, err := os.ReadFile(filepath.Join(tree, "go.mod"))
	if err != nil {
		return err
	}
	if strings.Contains(string(mod), "\nreplace ") {
		return fmt.Errorf("go.mod has a replace directive: go install pkg@version refuses it")
	}
	files := map[string]string{
		version + ".mod":  string(mod),
		version + ".info": `{"Version":"` + version + `","Time":"2026-01-01T00:00:00Z"}`,
		"list":            version + "\n",
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(proxy, name), []byte(content), 0o644); err != nil {
			return err
		}
	}
	gobin := filepath.Join(tmp, "bin")
	env := []string{
		"GOBIN=" + gobin, "GOFLAGS=", "GONOSUMDB=" + modulePath, "GOPRIVATE=", "GONOPROXY=",
		"GOPROXY=file://" + filepath.Join(tmp, "proxy") + "," + goenv("GOPROXY"),
	}
	if err := run(tmp, env, "go", "install", modulePath+"/cmd/conformance@latest"); err != nil {
		return err
	}
	out, err := exec.Command(filepath.Join(gobin, "conformance"), "help").Output()
	if err != nil || !strings.Contains(string(out), "usage: conformance") {
		return fmt.Errorf("the installed conformance does not run: %v %s", err, out)
	}
	fmt.Println("go install " + modulePath + "/cmd/conformance@latest: ok (served from a local proxy)")
	return nil
}

func goenv(name string) string {
	out, err := exec.Command("go", "env", name).Output()
	if err != nil {
		return "https://proxy.golang.org,direct"
	}
	return strings.TrimSpace(string(out))
}

func run(dir string, env []string, name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Dir, cmd.Stdout, cmd.Stderr = dir, os.Stdout, os.Stderr
	cmd.Env = append(os.Environ(), env...)
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s %s: %w", name, strings.Join(args, " "), err)
	}
	return nil
}
