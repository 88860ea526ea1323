package main

import (
	"context"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/tingee-conformance/harness/profile"
	"github.com/tingee-conformance/harness/profiles/ocb"
	"github.com/tingee-conformance/harness/profiles/tingee"
)

// profiles are the APIs --profile chooses from; Tingee's is the default.
var profiles = profile.NewRegistry(tingee.Profile(), ocb.Profile())

// ocbCommands is filled by the ocb_*.go files, as commands by Tingee's.
var ocbCommands = map[string]command{}

// offered are, by profile name, the commands each profile offers.
var offered = map[string]map[string]command{tingee.Name: commands, ocb.Name: ocbCommands}

// splitProfile takes --profile NAME (or --profile=NAME) out of args; the
// default profile when absent. An unknown profile is a usage error.
func splitProfile(args []string) (p profile.Profile, rest []string, err error) {
	name := profiles.Default().Name
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i:]...)
			break
		}
		switch {
		case a == "--profile" || a == "-profile":
			if i+1 >= len(args) {
				return p, nil, fmt.Errorf("--profile needs a value: %s", strings.Join(profiles.Names(), " or "))
			}
			name = args[i+1]
			i++
		case strings.HasPrefix(a, "--profile=") || strings.HasPrefix(a, "-profile="):
			name = a[strings.IndexByte(a, '=')+1:]
		default:
			rest = append(rest, a)
		}
	}
	p, err = profiles.Lookup(name)
	return p, rest, err
}

// dispatchTo runs a command of profile p. A command p does not offer is a
// usage error naming what p offers.
func dispatchTo(ctx context.Context, c *cli, p profile.Profile, name string, args []string) int {
	if cmd, ok := offered[p.Name][name]; ok {
		return cmd.run(ctx, c, args)
	}
	if p.Name == profiles.Default().Name {
		return c.errorf(exitUsage, "unknown command %q (commands: %s)", name, strings.Join(commandNames(p), ", "))
	}
	return c.errorf(exitUsage, "%s: not offered by --profile %s (it offers: %s)", name, p.Name, strings.Join(commandNames(p), ", "))
}

// profileUsage lists the commands each other profile offers, under the main usage.
func profileUsage(w io.Writer) {
	for _, name := range profiles.Names()[1:] {
		p, _ := profiles.Lookup(name)
		fmt.Fprintf(w, "with --profile %s (%s; default --profile %s):\n", p.Name, p.Title(), profiles.Default().Name)
		for _, n := range commandNames(p) {
			fmt.Fprintf(w, "  %-16s %s\n", n, offered[p.Name][n].summary)
		}
	}
}

// commandNames lists the commands p offers, sorted.
func commandNames(p profile.Profile) []string { return slices.Sorted(maps.Keys(offered[p.Name])) }
