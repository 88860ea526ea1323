package main

import (
	"crypto/ed25519"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/tingee-conformance/harness/internal/baseline"
	"github.com/tingee-conformance/harness/internal/bundle"
	"github.com/tingee-conformance/harness/internal/credentials"
	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/internal/redact"
	"github.com/tingee-conformance/harness/internal/report"
	"github.com/tingee-conformance/harness/profile"
)

// reportFlagsSynopsis lists the report flags for a command's synopsis.
const reportFlagsSynopsis = `[--report-dir DIR] [--sign-key PATH] [--partner NAME] [--attested-by "Name, Title"] [--environment uat|production]`

// reportFlags are the flags of every command that writes a report bundle.
type reportFlags struct {
	dir     string
	keyPath string
	key     ed25519.PrivateKey
	att     evidence.Attestation
	secrets []credentials.Secret // what check was given: the bundle is scrubbed of each
}

// reportSecret is a secret the bundle is scrubbed of, named as the user
// knows it ("the secret token", "the client secret").
type reportSecret struct {
	name  string
	value credentials.Secret
}

// addReportFlags registers --report-dir, --sign-key, --partner, --attested-by
// and --environment on fs.
func addReportFlags(fs *flag.FlagSet) *reportFlags {
	r := &reportFlags{}
	fs.StringVar(&r.dir, "report-dir", "", "where the report bundle goes (default reports/<run id>/)")
	fs.StringVar(&r.keyPath, "sign-key", "", "Ed25519 private key (PEM, from conformance keygen) that signs the bundle's manifest")
	fs.StringVar(&r.att.Partner, "partner", "", "the partner the run certifies")
	fs.StringVar(&r.att.AttestedBy, "attested-by", "", `who vouches for the run, "Name, Title"`)
	fs.StringVar(&r.att.Environment, "environment", "", "uat or production")
	return r
}

// check validates the parsed flags, the secrets the report must be scrubbed
// of (kept for write), loads the signing key and proves the report folder writable: all before the run, so that a mistake costs
// an exit 2 at once rather than the report at the end.
func (r *reportFlags) check(secrets ...reportSecret) error {
	if e := r.att.Environment; e != "" && e != "uat" && e != "production" {
		return fmt.Errorf("--environment must be uat or production, got %q", e)
	}
	for _, s := range secrets {
		if err := redact.CheckSecret(s.value); err != nil {
			return fmt.Errorf("%s: %w", s.name, err)
		}
		r.secrets = append(r.secrets, s.value)
	}
	if r.keyPath != "" {
		key, err := bundle.LoadPrivateKey(r.keyPath)
		if err != nil {
			return fmt.Errorf("--sign-key: %w", err)
		}
		r.key = key
	}
	if err := writable(r.outDir()); err != nil {
		return fmt.Errorf("--report-dir: %w", err)
	}
	if r.dir != "" {
		if err := holdsNoBundle(r.dir); err != nil {
			return fmt.Errorf("--report-dir: %w", err)
		}
	}
	return nil
}

// holdsNoBundle refuses a folder that already holds a report bundle: a second
// run would replace its evidence (a UAT run with OTPs is costly to redo), and
// the folder named is the one README's steps then verify and upload, so it is
// not silently swapped for a sub-folder either.
func holdsNoBundle(dir string) error {
	for _, name := range []string{bundle.FileManifest, report.FileJSON} {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			return fmt.Errorf("%s already holds a report bundle (%s): name a new folder, or move that bundle away first", dir, name)
		}
	}
	return nil
}

// outDir is --report-dir, or reports/, where each run gets its own folder.
func (r *reportFlags) outDir() string {
	if r.dir == "" {
		return "reports"
	}
	return r.dir
}

// writable proves a file can be written in dir or, when dir is missing, in
// the nearest folder above it that exists (where dir will be made), so that an
// unwritable folder is found before the run, not after it, and a dry run
// creates nothing.
func writable(dir string) error {
	existing := dir
	for {
		info, err := os.Stat(existing)
		if err == nil && !info.IsDir() {
			return fmt.Errorf("cannot create %s: %s is not a folder", dir, existing)
		}
		if err == nil {
			break
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("cannot create %s: %w", dir, cause(err))
		}
		parent := filepath.Dir(existing)
		if parent == existing {
			break
		}
		existing = parent
	}
	f, err := os.CreateTemp(existing, ".write-check-*")
	if err != nil {
		return fmt.Errorf("cannot write in %s: %w", existing, cause(err))
	}
	f.Close()
	return os.Remove(f.Name())
}

// cause drops the path an *os.PathError repeats, keeping what went wrong.
func cause(err error) error {
	if pe, ok := errors.AsType[*os.PathError](err); ok {
		return pe.Err
	}
	return err
}

// write attests run, made with profile p, and writes its bundle into
// --report-dir, default reports/<run id>/, scrubbed of the secrets check was
// given. subset is the user's --tags, shown with the verdict; known
// (--baseline, may be nil) waives the failures its live entries name.
func (r *reportFlags) write(p profile.Profile, run evidence.Run, subset string, known *baseline.File) (dir string, doc *report.Document, err error) {
	run.Attestation = r.att
	dir = r.dir
	if dir == "" {
		dir = filepath.Join(r.outDir(), run.ID)
	}
	o, err := p.ReportOptions()
	if err != nil {
		return dir, nil, err
	}
	o.SignKey, o.Subset, o.Secrets, o.Baseline = r.key, subset, r.secrets, known
	doc, err = report.WriteDocument(dir, run, o)
	return dir, doc, err
}
