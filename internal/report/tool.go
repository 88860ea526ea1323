package report

import (
	"runtime"
	"runtime/debug"
)

const unknown = "unknown"

// BuildTool (the report's tool block, and conformance --version) reads the harness's version and VCS revision from its build info.
// Under go run, go test or -buildvcs=false they are missing and read "unknown".
func BuildTool() Tool {
	t := Tool{Module: unknown, Version: unknown, Revision: unknown, GoVersion: runtime.Version()}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return t
	}
	if info.Main.Path != "" {
		t.Module = info.Main.Path
	}
	if info.Main.Version != "" {
		t.Version = info.Main.Version
	}
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			t.Revision = s.Value
		case "vcs.modified":
			t.Modified = s.Value == "true"
		}
	}
	return t
}
