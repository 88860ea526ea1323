// Command stubcheck checks that a contract tool's stub reads openapi.yaml's
// examples as the harness does. `write DIR` writes each request example with
// its success answer as a Specmatic example file; `check URL` sends each
// request example (signed with the mock's test pair, so the same requests
// also suit the mock) and fails unless every answer is HTTP 200 with the
// body of the contract's success example. Used by contract/check.
//
//	go run ./contract/stubcheck write /tmp/examples
//	go run ./contract/stubcheck check http://127.0.0.1:9000
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/tingee-conformance/harness/profiles/tingee/auth"
	"github.com/tingee-conformance/harness/profiles/tingee/contract"
	"github.com/tingee-conformance/harness/profiles/tingee/signing"
	"github.com/tingee-conformance/harness/spec"
)

func main() {
	if len(os.Args) != 3 || (os.Args[1] != "write" && os.Args[1] != "check") {
		fmt.Fprintln(os.Stderr, "usage: stubcheck write DIR | stubcheck check URL")
		os.Exit(2)
	}
	s, err := contract.Load()
	if err == nil {
		var exs []spec.Example
		if exs, err = s.Examples(); err == nil {
			if os.Args[1] == "write" {
				err = write(os.Args[2], exs)
			} else {
				err = check(strings.TrimSuffix(os.Args[2], "/"), exs)
			}
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "stubcheck:", err)
		os.Exit(1)
	}
}

// write writes one Specmatic example file per request example.
func write(dir string, exs []spec.Example) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, ex := range exs {
		req := map[string]any{"method": ex.Operation.Method, "path": ex.Operation.Path}
		if len(ex.Query) > 0 {
			q := map[string]string{}
			for k := range ex.Query {
				q[k] = ex.Query.Get(k)
			}
			req["query"] = q
		}
		if ex.Body != nil {
			req["body"] = json.RawMessage(ex.Body)
		}
		file := map[string]any{
			"http-request":  req,
			"http-response": map[string]any{"status": 200, "body": json.RawMessage(ex.Answer)},
		}
		raw, err := json.MarshalIndent(file, "", "  ")
		if err != nil {
			return err
		}
		name := filepath.Join(dir, ex.Operation.ID+"_"+ex.Name+".json")
		if err := os.WriteFile(name, raw, 0o644); err != nil {
			return err
		}
	}
	fmt.Printf("stubcheck: %d examples written to %s\n", len(exs), dir)
	return nil
}

// check sends every request example to base and compares each answer with its success example.
func check(base string, exs []spec.Example) error {
	client := &http.Client{Timeout: 30 * time.Second}
	failed := 0
	for _, ex := range exs {
		status, got, err := send(client, base, ex)
		switch {
		case err != nil:
			fmt.Printf("FAIL %s %s: %v\n", ex.Operation.ID, ex.Name, err)
			failed++
		case status != http.StatusOK || !sameJSON(got, ex.Answer):
			fmt.Printf("FAIL %s %s: HTTP %d %s\n     want HTTP 200 %s\n", ex.Operation.ID, ex.Name, status, oneLine(got), ex.Answer)
			failed++
		default:
			fmt.Printf("ok   %s %s\n", ex.Operation.ID, ex.Name)
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d examples not answered with their success example", failed, len(exs))
	}
	fmt.Printf("stubcheck: all %d examples answered with their success example\n", len(exs))
	return nil
}

// send signs and sends one example; a bodyless operation signs `{}` and sends no body.
func send(client *http.Client, base string, ex spec.Example) (int, []byte, error) {
	target := base + ex.Operation.Path
	if len(ex.Query) > 0 {
		target += "?" + ex.Query.Encode()
	}
	var body io.Reader
	if ex.Body != nil {
		body = bytes.NewReader(ex.Body)
	}
	req, err := http.NewRequest(ex.Operation.Method, target, body)
	if err != nil {
		return 0, nil, err
	}
	if ex.Body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	mock := auth.Mock()
	signing.SetHeaders(req.Header, mock.ClientID, mock.Secret, ex.Body, time.Now())
	resp, err := client.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	got, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	return resp.StatusCode, got, err
}

func sameJSON(a, b []byte) bool {
	var x, y any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		return false
	}
	ra, _ := json.Marshal(x)
	rb, _ := json.Marshal(y)
	return bytes.Equal(ra, rb)
}

func oneLine(b []byte) string {
	s := strings.Join(strings.Fields(string(b)), " ")
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return s
}
