package main

import (
	"context"
	"fmt"
	"net"

	"github.com/tingee-conformance/harness/profiles/tingee/auth"
	"github.com/tingee-conformance/harness/profiles/tingee/webhook"
)

func init() {
	commands["example-receiver"] = command{summary: "serve the reference webhook receiver, the model for partners", run: runExampleReceiver}
}

// runExampleReceiver serves webhook.Receiver (read profiles/tingee/webhook/receiver.go):
// raw-byte signature check, idempotency by transactionCode, fast ack. Each
// payment is printed once; a repeat is acknowledged as already processed.
func runExampleReceiver(ctx context.Context, c *cli, args []string) int {
	fs := c.flags("example-receiver", "[--addr HOST:PORT] [--secret-file PATH]")
	addr := fs.String("addr", "127.0.0.1:8090", "address to listen on")
	secretFile := fs.String("secret-file", "", "file holding the secret token (default: $"+auth.EnvSecret+")")
	if code, ok := c.parse(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		return c.errorf(exitUsage, "example-receiver: unexpected argument %q", fs.Arg(0))
	}
	secret, err := auth.LoadSecret(*secretFile, c.getenv)
	if err != nil {
		return c.errorf(exitUsage, "example-receiver: %v", err)
	}
	receiver := &webhook.Receiver{
		Secret: secret,
		OnPayment: func(n webhook.PaymentNotification) error {
			fmt.Fprintf(c.stdout, "payment %s: %d VND to %s, %q\n", n.TransactionCode, n.Amount, n.VaAccountNumber, n.Content)
			return nil
		},
		OnLinkResult: func(l webhook.LinkResult) error {
			fmt.Fprintf(c.stdout, "link result %s: VA %q, account %q, requestId %q\n", l.Status, l.VaAccountNumber, l.AccountNumber, l.RequestID)
			return nil
		},
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return c.errorf(exitUsage, "example-receiver: --addr: %v", err)
	}
	fmt.Fprintf(c.stdout, "example receiver listening on http://%s (Ctrl-C stops it)\n", ln.Addr())
	return serve(ctx, c, "example-receiver", ln, receiver)
}
