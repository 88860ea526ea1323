package diagnose

import (
	"bytes"
	"encoding/json"
	"net/url"
	"strings"
	"unicode/utf8"
)

// variant is one other serialisation of a body, named for the report.
type variant struct {
	name string
	body []byte
}

// style is how a JSON value is written out again: separators, indent, escapes.
type style struct {
	indent      string // "" for one line
	comma, colo string // separators on one line
	escape      func(r rune) string
}

// layouts are the other layouts of body that clients commonly sign: pretty-
// printed (2, 4 spaces, tab), minified, Python's default separators, keys
// sorted, the line ends changed (CRLF, LF), a trailing newline added or
// dropped. Key order is kept otherwise.
func layouts(body []byte) []variant {
	v, ok := parse(body)
	if !ok {
		return nil
	}
	var out []variant
	add := func(name string, b []byte) {
		if !bytes.Equal(b, body) {
			out = append(out, variant{name, b})
		}
	}
	add("minified", write(v, style{comma: ",", colo: ":"}))
	add("pretty-printed (2 spaces)", write(v, style{indent: "  "}))
	add("pretty-printed (4 spaces)", write(v, style{indent: "    "}))
	add("pretty-printed (tab)", write(v, style{indent: "\t"}))
	add(`with ", " and ": " separators (Python json.dumps)`, write(v, style{comma: ", ", colo: ": "}))
	add("with its keys sorted", sorted(body))
	if bytes.Contains(body, []byte("\r\n")) {
		add("with LF line ends (sent with CRLF)", bytes.ReplaceAll(body, []byte("\r\n"), []byte("\n")))
	} else if bytes.Contains(body, []byte("\n")) {
		add("with CRLF line ends (sent with LF)", bytes.ReplaceAll(body, []byte("\n"), []byte("\r\n")))
	}
	if bytes.HasSuffix(body, []byte("\n")) {
		add("without its trailing newline", bytes.TrimRight(body, "\r\n"))
	} else {
		add("with a trailing newline", append(append([]byte{}, body...), '\n'))
	}
	return out
}

// escapings are body with other string escapes: non-ASCII as \uXXXX (Python's
// ensure_ascii), "/" as "\/" (PHP's json_encode), <>& as \u003c… (Go's
// json.Marshal), or every escape undone (the raw characters).
func escapings(body []byte) []variant {
	v, ok := parse(body)
	if !ok {
		return nil
	}
	min := func(esc func(rune) string) []byte { return write(v, style{comma: ",", colo: ":", escape: esc}) }
	var out []variant
	for _, e := range []variant{
		{"with non-ASCII escaped as \\uXXXX", min(escapeNonASCII)},
		{`with "/" escaped as "\/"`, min(escapeSlash)},
		{"with <, > and & escaped as \\u003c, \\u003e, \\u0026", min(escapeHTML)},
		{"with its escapes undone (raw characters)", min(nil)},
	} {
		if !bytes.Equal(e.body, body) && !bytes.Equal(e.body, write(v, style{comma: ",", colo: ":"})) {
			out = append(out, e)
		}
	}
	return out
}

// queryForms are what a client signs when it signs its query string: the raw
// query, with "?", appended to the body, or its parameters as a JSON object.
func queryForms(query string, body []byte) []variant {
	if query == "" {
		return nil
	}
	var out []variant
	out = append(out,
		variant{"the query string instead of the body", []byte(query)},
		variant{`"?" and the query string`, []byte("?" + query)},
		variant{"the body followed by the query string", append(append([]byte{}, body...), "?"+query...)},
	)
	if values, err := url.ParseQuery(query); err == nil {
		var b strings.Builder
		b.WriteByte('{')
		first := true
		for _, part := range strings.Split(query, "&") {
			k, _, _ := strings.Cut(part, "=")
			key, err := url.QueryUnescape(k)
			if err != nil || !values.Has(key) {
				continue
			}
			if !first {
				b.WriteByte(',')
			}
			first = false
			b.WriteString(quote(key, nil) + ":" + quote(values.Get(key), nil))
			values.Del(key)
		}
		b.WriteByte('}')
		out = append(out, variant{"the query parameters as a JSON body", []byte(b.String())})
	}
	return out
}

// member is one key of an object, in the order it came.
type member struct {
	key   string
	value any
}

// parse reads body as JSON keeping key order (objects as []member, numbers as json.Number).
func parse(body []byte) (any, bool) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	v, err := value(dec)
	if err != nil || dec.More() {
		return nil, false
	}
	return v, true
}

func value(dec *json.Decoder) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch tok {
	case json.Delim('{'):
		obj := []member{}
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				return nil, err
			}
			v, err := value(dec)
			if err != nil {
				return nil, err
			}
			obj = append(obj, member{k.(string), v})
		}
		_, err = dec.Token()
		return obj, err
	case json.Delim('['):
		arr := []any{}
		for dec.More() {
			v, err := value(dec)
			if err != nil {
				return nil, err
			}
			arr = append(arr, v)
		}
		_, err = dec.Token()
		return arr, err
	}
	return tok, nil
}

// write serialises v in style s; with an indent it lays out as JSON.stringify(v, null, indent).
func write(v any, s style) []byte {
	var b bytes.Buffer
	writeValue(&b, v, s, 0)
	return b.Bytes()
}

func writeValue(b *bytes.Buffer, v any, s style, depth int) {
	newline := func(d int) {
		if s.indent != "" {
			b.WriteByte('\n')
			b.WriteString(strings.Repeat(s.indent, d))
		}
	}
	comma, colon := s.comma, s.colo
	if s.indent != "" {
		comma, colon = ",", ": "
	}
	switch x := v.(type) {
	case []member:
		b.WriteByte('{')
		for i, m := range x {
			if i > 0 {
				b.WriteString(comma)
			}
			newline(depth + 1)
			b.WriteString(quote(m.key, s.escape) + colon)
			writeValue(b, m.value, s, depth+1)
		}
		if len(x) > 0 {
			newline(depth)
		}
		b.WriteByte('}')
	case []any:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteString(comma)
			}
			newline(depth + 1)
			writeValue(b, e, s, depth+1)
		}
		if len(x) > 0 {
			newline(depth)
		}
		b.WriteByte(']')
	case string:
		b.WriteString(quote(x, s.escape))
	case json.Number:
		b.WriteString(x.String())
	case bool:
		if x {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
	default:
		b.WriteString("null")
	}
}

// quote writes s as a JSON string the way JSON.stringify does, then applies escape to each rune.
func quote(s string, escape func(rune) string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20:
			b.WriteString(`\u00` + string("0123456789abcdef"[r>>4]) + string("0123456789abcdef"[r&15]))
		case escape != nil && escape(r) != "":
			b.WriteString(escape(r))
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func escapeNonASCII(r rune) string {
	if r < utf8.RuneSelf {
		return ""
	}
	var out string
	for _, u := range utf16(r) {
		out += `\u` + hex4(u)
	}
	return out
}

func escapeSlash(r rune) string {
	if r == '/' {
		return `\/`
	}
	return ""
}

func escapeHTML(r rune) string {
	switch r {
	case '<', '>', '&':
		return `\u00` + hex4(uint16(r))[2:]
	}
	return ""
}

func utf16(r rune) []uint16 {
	if r < 0x10000 {
		return []uint16{uint16(r)}
	}
	r -= 0x10000
	return []uint16{uint16(0xD800 + (r >> 10)), uint16(0xDC00 + (r & 0x3FF))}
}

func hex4(u uint16) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[u>>12], digits[u>>8&15], digits[u>>4&15], digits[u&15]})
}

// sorted is body minified with its keys sorted at every level (Go's json.Marshal of a map,
// Python's sort_keys), or nil when body is not JSON.
func sorted(body []byte) []byte {
	var v any
	if json.Unmarshal(body, &v) != nil {
		return nil
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if enc.Encode(v) != nil {
		return nil
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}
