package main

import (
	"context"
	"strings"
	"testing"
	"time"
)

func TestOCBMockFlagsRefuseBadValues(t *testing.T) {
	for _, args := range [][]string{
		{"--unsubscribed", "loans"},
		{"--redirect-url", "not a url"},
		{"--probes", "/nonexistent.yaml"},
		{"--addr", "256.0.0.1:1"},
	} {
		f := newFakeCLI("", nil)
		if code := f.run(append([]string{"mock", "--profile", "ocb"}, args...)...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
		if strings.Count(f.errOut.String(), "\n") != 1 {
			t.Errorf("%v: stderr %q", args, f.errOut.String())
		}
	}
}

func TestOCBMockServesAndStops(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	f := newFakeCLI("", nil)
	if code := dispatch(ctx, &f.cli, []string{"mock", "--profile", "ocb", "--addr", "127.0.0.1:0", "--unsubscribed", "saving,utility"}); code != exitOK {
		t.Fatalf("exit %d: %s", code, f.errOut.String())
	}
	if !strings.Contains(f.out.String(), "mock (ocb): serving http://127.0.0.1:") {
		t.Errorf("stdout %q", f.out.String())
	}
}
