package profile

import (
	"strings"
	"testing"
)

func TestRegistry(t *testing.T) {
	r := NewRegistry(Profile{Name: "a"}, Profile{Name: "b"})
	if r.Default().Name != "a" || strings.Join(r.Names(), ",") != "a,b" {
		t.Fatalf("default %q, names %v", r.Default().Name, r.Names())
	}
	if p, err := r.Lookup("b"); err != nil || p.Name != "b" {
		t.Fatalf("Lookup(b) = %q, %v", p.Name, err)
	}
	if _, err := r.Lookup("c"); err == nil || err.Error() != `--profile "c": want a or b` {
		t.Fatalf("Lookup(c) error %v", err)
	}
}

func TestRepeatedNamesPanic(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("two profiles named a were accepted")
		}
	}()
	NewRegistry(Profile{Name: "a"}, Profile{Name: "a"})
}
