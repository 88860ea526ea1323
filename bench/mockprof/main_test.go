package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

func TestRefusesBadFlags(t *testing.T) {
	prof := filepath.Join(t.TempDir(), "cpu.prof")
	for name, args := range map[string][]string{
		"no profile":   {"--duration", "1s"},
		"not loopback": {"--cpuprofile", prof, "--addr", "0.0.0.0:0"},
		"no duration":  {"--cpuprofile", prof, "--duration", "0s"},
	} {
		var out, errOut bytes.Buffer
		if code := run(args, &out, &errOut); code != 2 || !strings.HasPrefix(errOut.String(), "mockprof: ") {
			t.Errorf("%s: exit %d, stderr %q", name, code, errOut.String())
		}
	}
}

func TestServesThenStopsByItself(t *testing.T) {
	prof := filepath.Join(t.TempDir(), "cpu.prof")
	var out, errOut bytes.Buffer
	if code := run([]string{"--cpuprofile", prof, "--duration", "200ms"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), "serving http://127.0.0.1:") {
		t.Fatalf("stdout %q", out.String())
	}
}
