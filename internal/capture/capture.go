// Package capture reads a request a user captured, as a curl command line
// (what `conformance sign --curl` and the report print, or a browser's "copy
// as cURL") or as a raw HTTP/1.1 request (a proxy's or tcpdump's dump), into
// its method, URL, headers and body bytes.
package capture

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"net/textproto"
	"os"
	"strconv"
	"strings"
)

// Request is a captured request. Body is nil when none was captured.
type Request struct {
	Method string
	URL    string
	Header http.Header
	Body   []byte
}

// ErrFormat is wrapped by every error about the capture's form.
var ErrFormat = errors.New("capture")

// Parse reads data as a curl command line when its first word is curl
// (comment lines aside), else as a raw HTTP request.
func Parse(data []byte) (Request, error) {
	if first, _ := firstWord(data); first == "curl" {
		return parseCurl(string(data))
	}
	return parseRaw(data)
}

// firstWord is the first word outside "#" comment lines.
func firstWord(data []byte) (string, bool) {
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		w, _, _ := strings.Cut(line, " ")
		return w, true
	}
	return "", false
}

// parseRaw reads "METHOD target HTTP/1.1", header lines, a blank line, then
// the body: to Content-Length when the request has one, else all the rest,
// byte for byte.
func parseRaw(data []byte) (Request, error) {
	head, body, found := bytes.Cut(data, []byte("\r\n\r\n"))
	if !found {
		head, body, found = bytes.Cut(data, []byte("\n\n"))
	}
	r := bufio.NewReader(bytes.NewReader(append(bytes.Clone(head), "\r\n\r\n"...))) // a copy: head shares data
	tp := textproto.NewReader(r)
	line, err := tp.ReadLine()
	if err != nil {
		return Request{}, fmt.Errorf("%w: no request line", ErrFormat)
	}
	parts := strings.Fields(line)
	if len(parts) != 3 || !strings.HasPrefix(parts[2], "HTTP/") {
		return Request{}, fmt.Errorf("%w: the first line %q is neither curl nor an HTTP request line (METHOD /path HTTP/1.1)", ErrFormat, line)
	}
	mh, err := tp.ReadMIMEHeader()
	if err != nil {
		return Request{}, fmt.Errorf("%w: headers: %v", ErrFormat, err)
	}
	req := Request{Method: parts[0], URL: parts[1], Header: http.Header(mh)}
	if host := req.Header.Get("Host"); host != "" && strings.HasPrefix(req.URL, "/") {
		req.URL = "http://" + host + req.URL
	}
	if found {
		req.Body = body
		if cl := req.Header.Get("Content-Length"); cl != "" {
			n, err := strconv.Atoi(cl)
			if err != nil || n < 0 || n > len(body) {
				return Request{}, fmt.Errorf("%w: Content-Length %q, but %d body bytes follow the headers", ErrFormat, cl, len(body))
			}
			req.Body = body[:n]
		}
	}
	return req, nil
}

// parseCurl reads a curl command: -X/--request, -H/--header, the data
// options (-d, --data, --data-raw, --data-binary; @FILE reads a file; -d and
// --data drop newlines as curl does), and the URL.
func parseCurl(s string) (Request, error) {
	words, err := shellWords(s)
	if err != nil {
		return Request{}, err
	}
	req := Request{Header: http.Header{}}
	for i := 1; i < len(words); i++ {
		w := words[i]
		arg := func() (string, error) {
			if i+1 >= len(words) {
				return "", fmt.Errorf("%w: curl: %s needs a value", ErrFormat, w)
			}
			i++
			return words[i], nil
		}
		switch {
		case w == "-X" || w == "--request":
			v, err := arg()
			if err != nil {
				return Request{}, err
			}
			req.Method = v
		case w == "-H" || w == "--header":
			v, err := arg()
			if err != nil {
				return Request{}, err
			}
			k, val, ok := strings.Cut(v, ":")
			if !ok {
				return Request{}, fmt.Errorf("%w: curl: header %q has no colon", ErrFormat, v)
			}
			req.Header.Add(strings.TrimSpace(k), strings.TrimSpace(val))
		case w == "-d" || w == "--data" || w == "--data-raw" || w == "--data-binary" || w == "--data-ascii":
			v, err := arg()
			if err != nil {
				return Request{}, err
			}
			b := []byte(v)
			if strings.HasPrefix(v, "@") && w != "--data-raw" {
				if b, err = os.ReadFile(v[1:]); err != nil {
					return Request{}, fmt.Errorf("%w: curl %s %s: %v", ErrFormat, w, v, err)
				}
				if w != "--data-binary" { // curl drops CR and LF from -d @file
					b = bytes.ReplaceAll(bytes.ReplaceAll(b, []byte("\r"), nil), []byte("\n"), nil)
				}
			}
			if req.Body != nil {
				req.Body = append(req.Body, '&')
			}
			req.Body = append(req.Body, b...)
		case w == "--url":
			v, err := arg()
			if err != nil {
				return Request{}, err
			}
			req.URL = v
		case strings.HasPrefix(w, "-"):
			// -sS, --compressed and the like change nothing that is signed.
		default:
			req.URL = w
		}
	}
	if req.Method == "" {
		req.Method = http.MethodGet
		if req.Body != nil {
			req.Method = http.MethodPost
		}
	}
	return req, nil
}

// shellWords splits a POSIX shell command line: single and double quotes,
// bash's $'…' (what a browser's "Copy as cURL" writes for a body with a
// newline, ' or !), backslash escapes and line continuations; "#" lines are
// comments.
func shellWords(s string) ([]string, error) {
	var words []string
	var cur strings.Builder
	inWord := false
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == '#' && !inWord:
			for i < len(rs) && rs[i] != '\n' {
				i++
			}
		case r == ' ' || r == '\t' || r == '\n' || r == '\r':
			if inWord {
				words, inWord = append(words, cur.String()), false
				cur.Reset()
			}
		case r == '\\':
			if i+1 < len(rs) && rs[i+1] == '\n' {
				i++
				continue
			}
			if i+1 < len(rs) {
				i++
				cur.WriteRune(rs[i])
				inWord = true
			}
		case r == '$' && i+1 < len(rs) && rs[i+1] == '\'':
			j, err := ansiC(rs, i+2, &cur)
			if err != nil {
				return nil, err
			}
			i, inWord = j, true
		case r == '\'':
			j := i + 1
			for j < len(rs) && rs[j] != '\'' {
				j++
			}
			if j >= len(rs) {
				return nil, fmt.Errorf("%w: curl: a single quote is never closed", ErrFormat)
			}
			cur.WriteString(string(rs[i+1 : j]))
			i, inWord = j, true
		case r == '"':
			j := i + 1
			for ; j < len(rs) && rs[j] != '"'; j++ {
				if rs[j] == '\\' && j+1 < len(rs) && strings.ContainsRune("\"\\$`\n", rs[j+1]) {
					j++
					if rs[j] != '\n' {
						cur.WriteRune(rs[j])
					}
					continue
				}
				cur.WriteRune(rs[j])
			}
			if j >= len(rs) {
				return nil, fmt.Errorf("%w: curl: a double quote is never closed", ErrFormat)
			}
			i, inWord = j, true
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words, nil
}

// ansiC reads a bash $'…' string from rs[start:] into cur, up to its closing
// quote, and returns that quote's index. Escapes as bash's manual lists them:
// \n \t \r \\ \' \" \? \a \b \e \E \f \v, \NNN (octal), \xHH (a byte),
// \uHHHH and \UHHHHHHHH (a character), \cX (a control character).
func ansiC(rs []rune, start int, cur *strings.Builder) (int, error) {
	simple := map[rune]string{'n': "\n", 't': "\t", 'r': "\r", '\\': "\\", '\'': "'", '"': "\"", '?': "?",
		'a': "\a", 'b': "\b", 'e': "\x1b", 'E': "\x1b", 'f': "\f", 'v': "\v"}
	digits := func(i, max int, base int) (int, int) { // the value of up to max digits at rs[i:], and how many
		n, v := 0, 0
		for ; n < max && i+n < len(rs); n++ {
			d, err := strconv.ParseUint(string(rs[i+n]), base, 8)
			if err != nil {
				break
			}
			v = v*base + int(d)
		}
		return v, n
	}
	for i := start; i < len(rs); i++ {
		switch r := rs[i]; {
		case r == '\'':
			return i, nil
		case r != '\\' || i+1 >= len(rs):
			cur.WriteRune(r)
		default:
			i++
			e := rs[i]
			if s, ok := simple[e]; ok {
				cur.WriteString(s)
				continue
			}
			switch e {
			case 'x':
				if v, n := digits(i+1, 2, 16); n > 0 {
					cur.WriteByte(byte(v))
					i += n
					continue
				}
			case 'u', 'U':
				max := 4
				if e == 'U' {
					max = 8
				}
				if v, n := digits(i+1, max, 16); n > 0 {
					cur.WriteRune(rune(v))
					i += n
					continue
				}
			case 'c':
				if i+1 < len(rs) {
					i++
					cur.WriteByte(byte(rs[i]) & 0x1f)
					continue
				}
			default:
				if v, n := digits(i, 3, 8); n > 0 {
					cur.WriteByte(byte(v))
					i += n - 1
					continue
				}
			}
			cur.WriteRune('\\') // an unknown escape stays as written
			cur.WriteRune(e)
		}
	}
	return 0, fmt.Errorf("%w: curl: a $' quote is never closed", ErrFormat)
}
