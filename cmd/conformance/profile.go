package main

import (
	"context"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
)

// Profiles --profile accepts. Tingee's commands are the table in main.go;
// OCB's are ocbCommands (ocb_*.go).
const (
	profileTingee = "tingee"
	profileOCB    = "ocb"
)

// ocbCommands is filled by the ocb_*.go files.
var ocbCommands = map[string]command{}

// splitProfile takes --profile NAME (or --profile=NAME) out of args; tingee
// when absent. An unknown profile is a usage error.
func splitProfile(args []string) (profile string, rest []string, err error) {
	profile = profileTingee
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i:]...)
			break
		}
		switch {
		case a == "--profile" || a == "-profile":
			if i+1 >= len(args) {
				return "", nil, fmt.Errorf("--profile needs a value: tingee or ocb")
			}
			profile = args[i+1]
			i++
		case strings.HasPrefix(a, "--profile=") || strings.HasPrefix(a, "-profile="):
			profile = a[strings.IndexByte(a, '=')+1:]
		default:
			rest = append(rest, a)
		}
	}
	if profile != profileTingee && profile != profileOCB {
		return "", nil, fmt.Errorf("--profile %q: want tingee or ocb", profile)
	}
	return profile, rest, nil
}

// dispatchOCB runs an OCB command; a command OCB does not offer is a usage error.
func dispatchOCB(ctx context.Context, c *cli, name string, args []string) int {
	cmd, ok := ocbCommands[name]
	if !ok {
		names := slices.Sorted(maps.Keys(ocbCommands))
		return c.errorf(exitUsage, "%s: not offered by --profile ocb (it offers: %s)", name, strings.Join(names, ", "))
	}
	return cmd.run(ctx, c, args)
}

// ocbUsage lists the commands --profile ocb offers, under the main usage.
func ocbUsage(w io.Writer) {
	fmt.Fprintln(w, "with --profile ocb (OCB Open API; default --profile tingee):")
	for _, n := range slices.Sorted(maps.Keys(ocbCommands)) {
		fmt.Fprintf(w, "  %-16s %s\n", n, ocbCommands[n].summary)
	}
}
