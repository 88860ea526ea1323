package suite

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/tingee-conformance/harness/internal/credentials"
	"github.com/tingee-conformance/harness/profiles/tingee/fixtures"
)

// ErrNoOTP means an OTP could not be had; the scenario is skipped with the reason.
var ErrNoOTP = errors.New("no OTP")

// OTPResolver reads an account's OTP from where its fixture says: fixed:N,
// env:NAME, or prompt (asked on the terminal, waiting up to Wait).
type OTPResolver struct {
	Getenv func(string) string
	In     io.Reader     // the terminal; nil makes prompt sources unusable
	Out    io.Writer     // where the question is printed
	Wait   time.Duration // how long a prompt waits for an answer

	once  sync.Once
	lines chan string
}

// Resolve returns the OTP for acct; purpose names the call it is for (create-va, delete-va).
func (r *OTPResolver) Resolve(ctx context.Context, acct fixtures.Account, purpose string) (string, error) {
	kind, arg, err := fixtures.ParseOTP(acct.OTP)
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrNoOTP, err)
	}
	switch kind {
	case fixtures.OTPFixed:
		return arg, nil
	case fixtures.OTPEnv:
		if v := strings.TrimSpace(r.Getenv(arg)); v != "" {
			return v, nil
		}
		return "", fmt.Errorf("%w: the fixtures read it from $%s, which is not set", ErrNoOTP, arg)
	}
	return r.prompt(ctx, acct, purpose)
}

// Ready tells before the run whether acct's OTP can be had at all: an
// env:NAME source needs NAME set, a prompt a terminal on the input
// (terminal). The scenarios that need an OTP send create-va first, which
// makes the bank text the account holder, so this is found before them.
func (r *OTPResolver) Ready(acct fixtures.Account, terminal bool) error {
	kind, arg, err := fixtures.ParseOTP(acct.OTP)
	switch {
	case acct.OTP == "" || err != nil || kind == fixtures.OTPFixed:
		return nil // a redirect bank, or a fault the fixtures check names
	case kind == fixtures.OTPEnv && strings.TrimSpace(r.Getenv(arg)) == "":
		return fmt.Errorf("env:%s, but $%s is not set", arg, arg)
	case kind == fixtures.OTPPrompt && (!terminal || r.In == nil):
		return fmt.Errorf("prompt, but the input is not a terminal to type the OTP on")
	}
	return nil
}

func (r *OTPResolver) prompt(ctx context.Context, acct fixtures.Account, purpose string) (string, error) {
	if r.In == nil || r.Out == nil {
		return "", fmt.Errorf("%w: the fixtures say prompt, but there is no terminal to ask on", ErrNoOTP)
	}
	r.once.Do(func() {
		r.lines = make(chan string)
		go func() {
			sc := bufio.NewScanner(r.In)
			for sc.Scan() {
				r.lines <- strings.TrimSpace(sc.Text())
			}
			close(r.lines)
		}()
	})
	fmt.Fprintf(r.Out, "Enter the OTP bank %s sent for account %s (%s), within %s: ", bankLabel(acct), credentials.MaskID(acct.AccountNumber), purpose, r.Wait)
	timer := time.NewTimer(r.Wait)
	defer timer.Stop()
	select {
	case line, ok := <-r.lines:
		if !ok {
			fmt.Fprintln(r.Out, "(input closed)")
			return "", fmt.Errorf("%w: no OTP was entered (the input is closed)", ErrNoOTP)
		}
		if line == "" {
			return "", fmt.Errorf("%w: no OTP was entered", ErrNoOTP)
		}
		return line, nil
	case <-timer.C:
		fmt.Fprintln(r.Out, "(no answer)")
		return "", fmt.Errorf("%w: no OTP was entered within %s (--otp-wait)", ErrNoOTP, r.Wait)
	case <-ctx.Done():
		fmt.Fprintln(r.Out)
		return "", fmt.Errorf("%w: %v", ErrNoOTP, ctx.Err())
	}
}

// bankLabel names an account's bank by short name, else by BIN.
func bankLabel(a fixtures.Account) string {
	if a.BankName != "" {
		return a.BankName
	}
	return a.BankBin
}
