package runner

import (
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/tingee-conformance/harness/internal/evidence"
	"github.com/tingee-conformance/harness/internal/tagexpr"
	"github.com/tingee-conformance/harness/steps"
)

// featuresDir holds the suite's .feature files in Options.Features.
const featuresDir = "features"

// Plan lists, in file order, the scenarios a run with o would start: those
// its paths select and its tags match, narrowed as o.Environment requires
// when narrow is set (--dry-run), else only to this suite (--list). Nothing
// is sent. A path that names no feature file or no scenario's line is an error.
func Plan(o Options, narrow bool) ([]steps.Location, error) {
	env := o.Environment
	if !narrow {
		env = EnvMock // the suite's own narrowing only
	}
	filter, err := tagsFor(env, o.AllowLive, o.Tags, o.Suite.Excluded)
	if err != nil {
		return nil, err
	}
	expr, err := tagexpr.Parse(filter)
	if err != nil {
		return nil, err
	}
	if o.Features == nil {
		return nil, errNoFeatures
	}
	locs, err := steps.Locate(o.Features, featuresDir)
	if err != nil {
		return nil, fmt.Errorf("features: %w", err)
	}
	all := sorted(locs)
	if err := checkPaths(all, o.Paths); err != nil {
		return nil, err
	}
	var out []steps.Location
	for _, l := range all {
		if selected(l, o.Paths) && expr.Match(l.Tags) {
			out = append(out, l)
		}
	}
	return out, nil
}

// sorted lists locs in file order.
func sorted(locs steps.Locations) []steps.Location {
	all := make([]steps.Location, 0, len(locs))
	for _, l := range locs {
		all = append(all, l)
	}
	slices.SortFunc(all, func(a, b steps.Location) int { return compareURI(a.URI, b.URI) })
	return all
}

// compareURI orders file:line URIs by file, then by line as a number.
func compareURI(a, b string) int {
	fa, la := splitLine(a)
	fb, lb := splitLine(b)
	if c := strings.Compare(fa, fb); c != 0 {
		return c
	}
	return la - lb
}

// splitLine splits "features/x.feature:12" into the file and 12 (-1 without a line).
func splitLine(p string) (string, int) {
	if i := strings.LastIndexByte(p, ':'); i >= 0 {
		if n, err := strconv.Atoi(p[i+1:]); err == nil && n > 0 {
			return p[:i], n
		}
	}
	return p, -1
}

// cleanPath writes a user's path as the suite's URIs do: "./features/x.feature" → "features/x.feature".
func cleanPath(p string) string {
	file, line := splitLine(p)
	file = path.Clean(strings.TrimPrefix(file, "./"))
	if line > 0 {
		return file + ":" + strconv.Itoa(line)
	}
	return file
}

// selected: no paths select everything; else l's file is, or is under, a
// path, or a path with a line names l: its Scenario (Outline) line (godog's
// rule: every row), or its own example row's line (the address every output
// of the harness prints, as Cucumber takes it: that row alone).
func selected(l steps.Location, paths []string) bool {
	if len(paths) == 0 {
		return true
	}
	file, _ := splitLine(l.URI)
	for _, p := range paths {
		pf, line := splitLine(cleanPath(p))
		switch {
		case line > 0 && (l.Scenario == pf+":"+strconv.Itoa(line) || l.URI == pf+":"+strconv.Itoa(line)):
			return true
		case line < 0 && (file == pf || strings.HasPrefix(file, pf+"/")):
			return true
		}
	}
	return false
}

// checkPaths refuses a path that names no feature file, or a line on which
// neither a scenario nor an example row starts (naming the lines that do).
func checkPaths(all []steps.Location, paths []string) error {
	for _, p := range paths {
		if err := checkAddress(all, p); err != nil {
			return err
		}
	}
	return nil
}

// checkAddress refuses p unless it names a feature file or folder of the
// suite, or a line of one where a scenario or an example row starts.
func checkAddress(all []steps.Location, p string) error {
	pf, line := splitLine(cleanPath(p))
	var starts, rows []string
	found := false
	for _, l := range all {
		file, _ := splitLine(l.URI)
		if file != pf && !strings.HasPrefix(file, pf+"/") {
			continue
		}
		found = true
		if line > 0 && selected(l, []string{p}) {
			return nil
		}
		if _, n := splitLine(l.Scenario); !slices.Contains(starts, strconv.Itoa(n)) {
			starts = append(starts, strconv.Itoa(n))
		}
		if l.URI != l.Scenario {
			_, n := splitLine(l.URI)
			rows = append(rows, strconv.Itoa(n))
		}
	}
	switch {
	case !found && len(all) > 0: // an example from this suite, whichever profile's
		example, _ := splitLine(all[0].Scenario)
		return fmt.Errorf("%s: no such feature file or folder in the suite (paths look like %s or %s)", p, example, all[0].Scenario)
	case !found:
		return fmt.Errorf("%s: no such feature file or folder in the suite", p)
	case line > 0 && len(rows) > 0:
		return fmt.Errorf("%s: no scenario or example row starts on line %d of %s (scenarios start on lines %s; example rows on %s)", p, line, pf, strings.Join(starts, ", "), strings.Join(rows, ", "))
	case line > 0:
		return fmt.Errorf("%s: no scenario starts on line %d of %s (scenarios start on lines %s)", p, line, pf, strings.Join(starts, ", "))
	}
	return nil
}

// godogPaths writes paths as godog v0.15 takes them: an example row's line
// becomes its Scenario Outline's line (godog selects by that line only), and
// rows reports whether one did, so that the run keeps only the rows named
// (selected) and leaves the outline's other rows out.
func godogPaths(all []steps.Location, paths []string) (out []string, rows bool) {
	for _, p := range paths {
		p = cleanPath(p)
		for _, l := range all {
			if l.URI == p && l.Scenario != l.URI {
				p, rows = l.Scenario, true
				break
			}
		}
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out, rows
}

// ScenarioURIs lists the URIs of the scenarios of fsys (a profile's
// features) that addr names — a file:line of a scenario (every row of an
// outline) or of an example row (run's rule for paths), or a scenario's name
// — and refuses one that names none. A known-deviations file's entries
// follow it.
func ScenarioURIs(fsys fs.FS, addr string) ([]string, error) {
	locs, err := steps.Locate(fsys, featuresDir)
	if err != nil {
		return nil, fmt.Errorf("features: %w", err)
	}
	all := sorted(locs)
	var uris []string
	if _, line := splitLine(addr); line < 0 {
		for _, l := range all {
			if l.Name == addr {
				uris = append(uris, l.URI)
			}
		}
		if uris == nil {
			return nil, fmt.Errorf("no scenario of the suite is named %q: name it by its file:line, as the report prints it", addr)
		}
		return uris, nil
	}
	if err := checkAddress(all, addr); err != nil {
		return nil, err
	}
	for _, l := range all {
		if selected(l, []string{addr}) {
			uris = append(uris, l.URI)
		}
	}
	return uris, nil
}

// Requirements lists the requirement ids (TG-SIG-01, without the @) of the
// scenarios of fsys (a profile's features), as the report names them
// (evidence's rule).
func Requirements(fsys fs.FS) ([]string, error) {
	locs, err := steps.Locate(fsys, featuresDir)
	if err != nil {
		return nil, fmt.Errorf("features: %w", err)
	}
	var ids []string
	for _, l := range locs {
		if id := (evidence.Scenario{Tags: l.Tags}).Requirement(); id != "" && !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids, nil
}

// ListLine prints one scenario of a plan: where, level, sources, feature and
// name, tags. Level (@must, @should) and source (@src-…) tags show "-" when
// the scenario has none.
func ListLine(w io.Writer, l steps.Location) {
	level, sources := "-", []string{}
	for _, t := range l.Tags {
		switch {
		case t == "@must" || t == "@should":
			level = strings.TrimPrefix(t, "@")
		case strings.HasPrefix(t, "@src-"):
			sources = append(sources, strings.TrimPrefix(t, "@"))
		}
	}
	src := strings.Join(sources, ",")
	if src == "" {
		src = "-"
	}
	fmt.Fprintf(w, "%-38s %-6s %-12s %s: %s  %s\n", l.URI, level, src, l.Feature, l.Name, strings.Join(l.Tags, " "))
}
