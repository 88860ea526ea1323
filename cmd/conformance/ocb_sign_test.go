package main

import (
	"os"
	"strings"
	"testing"
)

const ocbVectors = "../../profiles/ocb/testdata/vectors/"

func readVector(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(ocbVectors + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// conformance sign --profile ocb reproduces the openssl vectors byte for byte [obs].
func TestOCBSignReproducesTheVector(t *testing.T) {
	for _, key := range []string{"test-partner.key", "test-partner.pkcs1.key"} {
		f := newFakeCLI("", nil)
		code := f.run("sign", "--profile", "ocb", "--key", ocbVectors+key, "--cert", ocbVectors+"test-partner.crt", "--body-file", ocbVectors+"body.json")
		if code != exitOK {
			t.Fatalf("%s: exit %d: %s", key, code, f.errOut.String())
		}
		out := f.out.String()
		if got := lastLine(out); got != readVector(t, "x-signature.txt") {
			t.Errorf("%s: last line %q, want the vector", key, got)
		}
		for _, want := range []string{readVector(t, "signing-input.txt"), readVector(t, "x-client-certificate.txt")} {
			if !strings.Contains(out, want) {
				t.Errorf("%s: output lacks %.40q…", key, want)
			}
		}
		if strings.Contains(out, "PRIVATE KEY") || strings.Contains(f.errOut.String(), "PRIVATE KEY") {
			t.Error("the private key was printed")
		}
	}
}

func TestOCBSignFromStdinAndEnvironment(t *testing.T) {
	f := newFakeCLI(readVector(t, "body.json"), map[string]string{"OCB_PRIVATE_KEY_FILE": ocbVectors + "test-partner.key"})
	if code := f.run("sign", "--profile=ocb", "--body-file", "-"); code != exitOK {
		t.Fatalf("exit %d: %s", code, f.errOut.String())
	}
	if lastLine(f.out.String()) != readVector(t, "x-signature.txt") {
		t.Error("stdin body and $OCB_PRIVATE_KEY_FILE did not give the vector")
	}
}

func TestOCBSignBadInput(t *testing.T) {
	other := "../../profiles/ocb/testkeys/testapp.crt"
	cases := map[string][]string{
		"no key":            {"--body-file", ocbVectors + "body.json"},
		"no body":           {"--key", ocbVectors + "test-partner.key"},
		"cert as key":       {"--key", ocbVectors + "test-partner.crt", "--body-file", ocbVectors + "body.json"},
		"cert not matching": {"--key", ocbVectors + "test-partner.key", "--cert", other, "--body-file", ocbVectors + "body.json"},
		"stray argument":    {"--key", ocbVectors + "test-partner.key", "--body-file", ocbVectors + "body.json", "x"},
		"unknown profile":   {"--profile", "xyz"},
	}
	for name, args := range cases {
		f := newFakeCLI("", nil)
		if name != "unknown profile" {
			args = append([]string{"--profile", "ocb"}, args...)
		}
		if code := f.run(append([]string{"sign"}, args...)...); code != exitUsage {
			t.Errorf("%s: exit %d, want %d", name, code, exitUsage)
		}
		if strings.Count(f.errOut.String(), "\n") != 1 {
			t.Errorf("%s: stderr %q, want one line", name, f.errOut.String())
		}
	}
}

func TestOCBRefusesCommandsItDoesNotOffer(t *testing.T) {
	f := newFakeCLI("", nil)
	if code := f.run("keygen", "--profile", "ocb"); code != exitUsage {
		t.Errorf("exit %d, want %d", code, exitUsage)
	}
	if !strings.Contains(f.errOut.String(), "not offered by --profile ocb") {
		t.Errorf("stderr %q", f.errOut.String())
	}
}
