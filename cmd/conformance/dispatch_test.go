package main

import (
	"strings"
	"testing"
)

func TestDispatchUnknownCommand(t *testing.T) {
	f := newFakeCLI("", nil)
	if code := f.run("frobnicate", "--x"); code != exitUsage {
		t.Errorf("exit %d, want %d", code, exitUsage)
	}
	stderr := f.errOut.String()
	if strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, `"frobnicate"`) || !strings.Contains(stderr, "sign") {
		t.Errorf("stderr %q: want one line naming the command and listing the commands", stderr)
	}
	if f.out.Len() != 0 {
		t.Errorf("stdout %q, want nothing", f.out.String())
	}
}

func TestDispatchHelpListsCommands(t *testing.T) {
	f := newFakeCLI("", nil)
	if code := f.run("help"); code != exitOK {
		t.Errorf("exit %d, want 0", code)
	}
	if len(commands) == 0 {
		t.Fatal("no command registered")
	}
	for name, cmd := range commands {
		if !strings.Contains(f.out.String(), "  "+name+" ") || !strings.Contains(f.out.String(), cmd.summary) {
			t.Errorf("usage lacks %s (%s):\n%s", name, cmd.summary, f.out.String())
		}
	}
}

func TestCommandHelpExitsZeroAndPrintsUsageOnce(t *testing.T) {
	f := newFakeCLI("", nil)
	if code := f.run("sign", "-h"); code != exitOK {
		t.Errorf("exit %d, want 0", code)
	}
	if n := strings.Count(f.out.String(), "usage: conformance sign"); n != 1 {
		t.Errorf("usage printed %d times:\n%s", n, f.out.String())
	}
}

// help COMMAND prints that command's flags (it printed the general help).
func TestHelpCommandPrintsItsFlags(t *testing.T) {
	f := newFakeCLI("", nil)
	if code := f.run("help", "run"); code != exitOK || !strings.Contains(f.out.String(), "usage: conformance run") || !strings.Contains(f.out.String(), "-tags") {
		t.Errorf("exit %d:\n%s", code, f.out.String())
	}
	f = newFakeCLI("", nil)
	if code := f.run("help", "frobnicate"); code != exitUsage || !strings.Contains(f.errOut.String(), `"frobnicate"`) {
		t.Errorf("exit %d: %q", code, f.errOut.String())
	}
}

// --version names the module, its version and the VCS revision (under go
// test the build info has no VCS stamp: "unknown").
func TestVersion(t *testing.T) {
	for _, arg := range []string{"--version", "version"} {
		f := newFakeCLI("", nil)
		if code := f.run(arg); code != exitOK || !strings.HasPrefix(f.out.String(), "conformance ") || !strings.Contains(f.out.String(), "revision ") {
			t.Errorf("%s: exit %d: %q", arg, code, f.out.String())
		}
	}
}

// A command another profile offers is refused in one line naming what the
// profile offers (Tingee's preflight names OCB's), an unknown profile too; exit 2.
func TestCommandsAProfileDoesNotOffer(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"preflight"}, "conformance: preflight: not offered by --profile tingee; use conformance preflight --profile ocb\n"},
		{[]string{"keygen", "--profile", "ocb"}, "conformance: keygen: not offered by --profile ocb (it offers: export, mock, preflight, run, sign)\n"},
		{[]string{"run", "--profile", "nope"}, "conformance: run: --profile \"nope\": want tingee or ocb\n"},
	} {
		f := newFakeCLI("", nil)
		if code := f.run(c.args...); code != exitUsage || f.errOut.String() != c.want {
			t.Errorf("%v: exit %d, stderr %q, want %q", c.args, code, f.errOut.String(), c.want)
		}
	}
}

// A feature path first runs run, as godog users type it: README's example
// `conformance features/signing.feature:14 --fail-fast` said "unknown
// command" (review-10-15 S4).
func TestDispatchFeaturePathFirstIsRun(t *testing.T) {
	for _, arg := range []string{"features/signing.feature:14", "features/signing.feature"} {
		f := newFakeCLI("", nil)
		if code := f.run(arg, "--list"); code != exitOK || !strings.Contains(f.out.String(), "features/signing.feature:") {
			t.Errorf("%s --list: exit %d\n%s%s", arg, code, f.out.String(), f.errOut.String())
		}
	}
}

// help COMMAND prints the flags of a command only another profile offers
// (preflight is OCB's), exit 0: `help` lists it, and README says help COMMAND
// prints its flags (review-final finding 11: it said "not offered", exit 2).
func TestHelpOfAnotherProfilesCommand(t *testing.T) {
	for _, args := range [][]string{{"help", "preflight"}, {"preflight", "-h"}, {"help", "preflight", "--profile", "ocb"}} {
		f := newFakeCLI("", nil)
		if code := f.run(args...); code != exitOK || !strings.Contains(f.out.String(), "usage: conformance preflight --profile ocb") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, f.out.String(), f.errOut.String())
		}
	}
	f := newFakeCLI("", nil)
	if code := f.run("help", "keygen", "--profile", "ocb"); code != exitUsage || !strings.Contains(f.errOut.String(), `help: unknown command "keygen"`) {
		t.Errorf("help keygen --profile ocb: exit %d, stderr %q", code, f.errOut.String())
	}
}

// A file flag's error names the file once, in the package's words, without a
// doubled prefix (review-final finding 11: "--fixtures: fixtures: open …",
// "--baseline: baseline: open …").
func TestFileFlagErrorsSayItOnce(t *testing.T) {
	missing := t.TempDir() + "/missing.yaml"
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"mock", "--fixtures", missing}, "conformance: mock: fixtures: open " + missing + ": "},
		{[]string{"certify-client", "--fixtures", missing, "--secret-file", t.TempDir() + "/s"}, "conformance: certify-client: fixtures: open " + missing + ": "},
		{[]string{"run", "--baseline", missing}, "conformance: run: baseline: open " + missing + ": "},
	} {
		f := newFakeCLI("", nil)
		if code := f.run(c.args...); code != exitUsage || !strings.HasPrefix(f.errOut.String(), c.want) || strings.Count(f.errOut.String(), "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q, want one line starting %q", c.args, code, f.errOut.String(), c.want)
		}
	}
}

// --profile stands anywhere, help included: README "OCB profile" lists `help` among what --profile ocb takes.
func TestProfileBeforeOrAfterHelp(t *testing.T) {
	for _, args := range [][]string{{"--profile", "ocb", "help"}, {"help", "--profile", "ocb"}, {"--profile=ocb", "help", "preflight"}} {
		f := newFakeCLI("", nil)
		if code := f.run(args...); code != exitOK || f.out.Len() == 0 || f.errOut.Len() != 0 {
			t.Errorf("%q: exit %d, stdout %d bytes, stderr %q: want the usage, exit 0", args, code, f.out.Len(), f.errOut.String())
		}
	}
}
