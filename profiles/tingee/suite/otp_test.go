package suite

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/tingee-conformance/harness/profiles/tingee/fixtures"
)

func TestOTPResolver(t *testing.T) {
	env := map[string]string{"BANK_OTP": "777888"}
	acct := fixtures.Account{BankName: "OCB", AccountNumber: "0123456789"}
	var asked bytes.Buffer
	r := &OTPResolver{Getenv: func(k string) string { return env[k] }, In: strings.NewReader("654321\n"), Out: &asked, Wait: time.Second}
	for src, want := range map[string]string{"fixed:123456": "123456", "env:BANK_OTP": "777888", "prompt": "654321"} {
		acct.OTP = src
		got, err := r.Resolve(context.Background(), acct, "create-va")
		if err != nil || got != want {
			t.Errorf("%s: got %q, %v; want %q", src, got, err, want)
		}
	}
	if !strings.Contains(asked.String(), "******6789") || strings.Contains(asked.String(), "0123456789") {
		t.Errorf("prompt %q should name the account masked", asked.String())
	}
	acct.OTP = "env:UNSET"
	if _, err := r.Resolve(context.Background(), acct, "create-va"); !errors.Is(err, ErrNoOTP) || !strings.Contains(err.Error(), "UNSET") {
		t.Errorf("unset variable: %v", err)
	}
}

func TestOTPPromptGivesUp(t *testing.T) {
	in, w := io.Pipe()
	defer w.Close()
	r := &OTPResolver{In: in, Out: io.Discard, Wait: 20 * time.Millisecond}
	_, err := r.Resolve(context.Background(), fixtures.Account{OTP: "prompt"}, "create-va")
	if !errors.Is(err, ErrNoOTP) || !strings.Contains(err.Error(), "--otp-wait") {
		t.Fatalf("no answer: %v", err)
	}
	none := &OTPResolver{}
	if _, err := none.Resolve(context.Background(), fixtures.Account{OTP: "prompt"}, "create-va"); !errors.Is(err, ErrNoOTP) {
		t.Fatalf("no terminal: %v", err)
	}
}

// TestOTPPromptEndsItsLine: a prompt left without an answer (the wait runs
// out, or the input is closed) ends its line, so the next progress line does
// not start after the question.
func TestOTPPromptEndsItsLine(t *testing.T) {
	open, w := io.Pipe()
	defer w.Close()
	for name, in := range map[string]io.Reader{"wait ran out": open, "input closed": strings.NewReader("")} {
		var asked bytes.Buffer
		r := &OTPResolver{In: in, Out: &asked, Wait: 20 * time.Millisecond}
		if _, err := r.Resolve(context.Background(), fixtures.Account{OTP: "prompt"}, "create-va"); !errors.Is(err, ErrNoOTP) {
			t.Fatalf("%s: %v", name, err)
		}
		if !strings.HasPrefix(asked.String(), "Enter the OTP") || !strings.HasSuffix(asked.String(), "\n") {
			t.Errorf("%s: the prompt %q does not end its line", name, asked.String())
		}
	}
}
