package main

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/tingee-conformance/harness/profiles/ocb/contract"
	"github.com/tingee-conformance/harness/profiles/ocb/creds"
	"github.com/tingee-conformance/harness/profiles/ocb/jws"
	"github.com/tingee-conformance/harness/profiles/ocb/postman"
)

func init() {
	ocbCommands["export"] = command{summary: "write a Postman collection and environment that sign with RS256 in the pre-request script", run: runOCBExport}
}

// OCB export file names, in --out.
const (
	ocbPostmanCollectionFile  = "ocb.postman_collection.json"
	ocbPostmanEnvironmentFile = "ocb.postman_environment.json"
)

// runOCBExport writes OCB's Postman collection and environment. Client
// secret, password and private key are always placeholders: never written.
func runOCBExport(_ context.Context, c *cli, args []string) int {
	fs := c.flags("export --profile ocb", "postman [--out DIR] [--base-url URL] [--client-id ID] [--username USER] [--cert FILE] [--probes PATH]")
	out, baseURL := addExportFlags(fs, "OCB's gateway `URL` (sandbox https://sandbox.api.ocb.com.vn/corporates/developer)")
	clientID := fs.String("client-id", "", "the environment's clientId (default $"+creds.EnvClientID+", else a placeholder)")
	username := fs.String("username", "", "the environment's username, the API user (default $"+creds.EnvUsername+", else a placeholder)")
	certFile := fs.String("cert", "", "your certificate `FILE`, PEM: the environment's certificate, public (default $"+creds.EnvCertFile+", else a placeholder)")
	probes := fs.String("probes", "", "per package, the operation to probe, a YAML `PATH` (default: profiles/ocb/packages/packages.yaml)")
	if code, ok := c.parseExport(fs, args, baseURL, "conformance export postman --profile ocb [flags]"); !ok {
		return code
	}
	env := postman.Env{BaseURL: *baseURL, ClientID: *clientID, Username: *username}
	if env.ClientID == "" {
		env.ClientID = c.getenv(creds.EnvClientID)
	}
	if env.Username == "" {
		env.Username = c.getenv(creds.EnvUsername)
	}
	if *certFile == "" {
		*certFile = c.getenv(creds.EnvCertFile)
	}
	if *certFile != "" {
		cert, err := creds.LoadCert(*certFile)
		if err != nil {
			return c.errorf(exitUsage, "export: --cert: %v", err)
		}
		env.Certificate = jws.CertificateHeader(cert)
	}
	list, err := loadProbes(*probes)
	if err != nil {
		return c.errorf(exitUsage, "export: %v", err)
	}
	s, err := contract.Load()
	if err != nil {
		return c.errorf(exitFail, "export: %v", err)
	}
	coll, err := postman.Collection(s.Doc, list)
	if err != nil {
		return c.errorf(exitUsage, "export: %v", err)
	}
	envFile, err := postman.Environment("OCB Open API — "+*baseURL, env)
	if err != nil {
		return c.errorf(exitFail, "export: %v", err)
	}
	if err := writeExport(*out, map[string][]byte{ocbPostmanCollectionFile: coll, ocbPostmanEnvironmentFile: envFile}); err != nil {
		return c.errorf(exitUsage, "export: %v", err)
	}
	fmt.Fprintf(c.stdout, "collection:  %s\nenvironment: %s (set clientSecret, password and privateKey in Postman, or newman --env-var NAME=…; the file holds placeholders)\n",
		filepath.Join(*out, ocbPostmanCollectionFile), filepath.Join(*out, ocbPostmanEnvironmentFile))
	return exitOK
}
