// Command stubcheck checks that a contract tool's stub reads a contract's
// examples as the harness does. `write DIR` writes each request example with
// its success answer as a Specmatic example file; `check URL` sends each
// request example (with the headers its security asks for, made from the
// profile's test credentials, so the same requests also suit the profile's
// mock) and fails unless every answer has the status and the body of the
// contract's success example. --contract names the contract by its path in
// the repository: openapi.yaml (Tingee's, the default) or
// profiles/ocb/contract/openapi.yaml (OCB's). Used by contract/check.
//
//	go run ./contract/stubcheck write /tmp/examples
//	go run ./contract/stubcheck check --contract profiles/ocb/contract/openapi.yaml http://127.0.0.1:9000
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/tingee-conformance/harness/spec"
)

func main() {
	mode, path, target, ok := parseArgs(os.Args[1:])
	if !ok {
		fmt.Fprintln(os.Stderr, "usage: stubcheck write|check [--contract PATH] DIR|URL   (PATH: "+strings.Join(contractPaths(), " or ")+")")
		os.Exit(2)
	}
	c, ok := contracts[path]
	if !ok {
		fmt.Fprintf(os.Stderr, "stubcheck: --contract %q: want %s\n", path, strings.Join(contractPaths(), " or "))
		os.Exit(2)
	}
	s, err := c.load()
	if err == nil {
		var exs []spec.Example
		if exs, err = s.Examples(); err == nil {
			if mode == "write" {
				err = write(target, exs, c.headers)
			} else {
				err = check(strings.TrimSuffix(target, "/"), exs, c.headers)
			}
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "stubcheck:", err)
		os.Exit(1)
	}
}

// parseArgs reads `write|check [--contract PATH] DIR|URL`; PATH is openapi.yaml when not given.
// (The house keeps the flag package to cmd/, bench/ and scripts/: internal/archtest.)
func parseArgs(args []string) (mode, path, target string, ok bool) {
	if len(args) == 0 || (args[0] != "write" && args[0] != "check") {
		return "", "", "", false
	}
	mode, path, args = args[0], "openapi.yaml", args[1:]
	if len(args) == 3 && (args[0] == "--contract" || args[0] == "-contract") {
		path, args = args[1], args[2:]
	}
	if len(args) != 1 || strings.HasPrefix(args[0], "-") {
		return "", "", "", false
	}
	return mode, path, args[0], true
}

// write writes one Specmatic example file per request example. A header the operation declares as a
// parameter (OCB's X-Signature and X-Client-Certificate) is written with the value check sends: the
// signature is over the example's fixed body, and RS256 is deterministic.
func write(dir string, exs []spec.Example, headers headerFunc) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, ex := range exs {
		req := map[string]any{"method": ex.Operation.Method, "path": ex.Operation.Path}
		if len(ex.Query) > 0 {
			req["query"] = firstValues(ex.Query)
		}
		if h, err := headerParameters(ex, headers); err != nil {
			return fmt.Errorf("%s %s: %w", ex.Operation.ID, ex.Name, err)
		} else if len(h) > 0 {
			req["headers"] = h
		}
		switch {
		case ex.ContentType == spec.FormMedia:
			form, err := url.ParseQuery(string(ex.Body))
			if err != nil {
				return fmt.Errorf("%s %s: %w", ex.Operation.ID, ex.Name, err)
			}
			req["form-fields"] = firstValues(form)
		case ex.Body != nil:
			req["body"] = json.RawMessage(ex.Body)
		}
		file := map[string]any{
			"http-request":  req,
			"http-response": map[string]any{"status": ex.Status, "body": json.RawMessage(ex.Answer)},
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

// headerParameters are the values check sends for the headers ex's operation declares as parameters.
func headerParameters(ex spec.Example, headers headerFunc) (map[string]string, error) {
	h := http.Header{}
	if err := headers(h, ex); err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, p := range ex.Operation.Op.Parameters {
		if p.Value != nil && p.Value.In == "header" && h.Get(p.Value.Name) != "" {
			out[p.Value.Name] = h.Get(p.Value.Name)
		}
	}
	return out, nil
}

// firstValues is a query or form as Specmatic's example files hold it: one value per name.
func firstValues(v url.Values) map[string]string {
	out := map[string]string{}
	for k := range v {
		out[k] = v.Get(k)
	}
	return out
}

// check sends every request example to base, with the headers the contract's security asks for, and
// compares each answer with its success example.
func check(base string, exs []spec.Example, headers headerFunc) error {
	client := &http.Client{Timeout: 30 * time.Second}
	failed := 0
	for _, ex := range exs {
		status, got, err := send(client, base, ex, headers)
		switch {
		case err != nil:
			fmt.Printf("FAIL %s %s: %v\n", ex.Operation.ID, ex.Name, err)
			failed++
		case status != ex.Status || !sameJSON(got, ex.Answer):
			fmt.Printf("FAIL %s %s: HTTP %d %s\n     want HTTP %d %s\n", ex.Operation.ID, ex.Name, status, oneLine(got), ex.Status, ex.Answer)
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

// send sends one example with its headers.
func send(client *http.Client, base string, ex spec.Example, headers headerFunc) (int, []byte, error) {
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
		req.Header.Set("Content-Type", ex.ContentType)
	}
	if err := headers(req.Header, ex); err != nil {
		return 0, nil, err
	}
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
