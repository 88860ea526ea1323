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

func TestCredentialsIn(t *testing.T) {
	p := Profile{Credentials: []string{"A_ID", "A_SECRET"}}
	env := map[string]string{"A_SECRET": "s"}
	if !p.CredentialsIn(func(k string) string { return env[k] }) {
		t.Error("A_SECRET is set: the profile's credentials are in the environment")
	}
	if p.CredentialsIn(func(k string) string { return map[string]string{"OTHER": "x"}[k] }) {
		t.Error("only another variable is set")
	}
}
