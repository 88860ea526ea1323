package main

import (
	"context"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"

	"github.com/tingee-conformance/harness/profiles/tingee/auth"
	"github.com/tingee-conformance/harness/profiles/tingee/contract"
	"github.com/tingee-conformance/harness/profiles/tingee/postman"
)

func init() {
	commands["export"] = command{summary: "write the contract for other tools: a signed Postman collection and environment", run: runExport}
}

// Export file names, in --out.
const (
	postmanCollectionFile  = "tingee.postman_collection.json"
	postmanEnvironmentFile = "tingee.postman_environment.json"
)

// runExport writes the Postman collection and environment. The environment's
// secretToken is always a placeholder: the secret is never written.
func runExport(_ context.Context, c *cli, args []string) int {
	fs := c.flags("export", "postman [--out DIR] [--base-url URL] [--client-id ID]")
	out, baseURL := addExportFlags(fs, "Tingee's `URL`")
	clientID := fs.String("client-id", "", "the environment's clientId (default "+auth.EnvClientID+", else the placeholder "+postman.ClientIDPlaceholder+")")
	if code, ok := c.parseExport(fs, args, baseURL, "conformance export postman [flags]"); !ok {
		return code
	}
	id := *clientID
	if id == "" {
		id = c.getenv(auth.EnvClientID)
	}
	s, err := contract.Load()
	if err != nil {
		return c.errorf(exitFail, "export: %v", err)
	}
	coll, err := postman.Collection(s)
	if err != nil {
		return c.errorf(exitFail, "export: %v", err)
	}
	env, err := postman.Environment(s.Doc.Info.Title+" — "+*baseURL, *baseURL, id)
	if err != nil {
		return c.errorf(exitFail, "export: %v", err)
	}
	if err := writeExport(*out, map[string][]byte{postmanCollectionFile: coll, postmanEnvironmentFile: env}); err != nil {
		return c.errorf(exitUsage, "export: %v", err)
	}
	fmt.Fprintf(c.stdout, "collection:  %s\nenvironment: %s (set secretToken in Postman, or newman --env-var secretToken=…; the file holds %s)\n",
		filepath.Join(*out, postmanCollectionFile), filepath.Join(*out, postmanEnvironmentFile), postman.SecretPlaceholder)
	return exitOK
}

// addExportFlags adds --out and --base-url, which every profile's export has.
func addExportFlags(fs *flag.FlagSet, target string) (out, baseURL *string) {
	out = fs.String("out", ".", "write the two files into `DIR` (created if missing)")
	baseURL = fs.String("base-url", "http://127.0.0.1:8080", "the environment's baseUrl: the mock's default address, or "+target)
	return out, baseURL
}

// parseExport reads args, "postman [flags]": the format, the flags, no stray
// argument, and an absolute http(s) --base-url. When ok is false the command
// returns code at once (help printed, or a one-line usage error).
func (c *cli) parseExport(fs *flag.FlagSet, args []string, baseURL *string, synopsis string) (code int, ok bool) {
	if len(args) == 0 || args[0] != "postman" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			fs.Usage()
			return exitOK, false
		}
		return c.errorf(exitUsage, "export: name the format: %s", synopsis), false
	}
	if code, ok := c.parse(fs, args[1:]); !ok {
		return code, false
	}
	if fs.NArg() > 0 {
		return c.errorf(exitUsage, "export: unexpected argument %q", fs.Arg(0)), false
	}
	if u, err := url.Parse(*baseURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return c.errorf(exitUsage, "export: --base-url %q: want an http:// or https:// URL", *baseURL), false
	}
	return 0, true
}

// writeExport writes files (name → content) into dir, creating it.
func writeExport(dir string, files map[string][]byte) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
