package mock

import (
	"bytes"
	"encoding/json"
)

// maxPlainKeys is how many keys an object may have for the fast path; no request of the API has
// more than 17, and the duplicate check below is quadratic in it.
const maxPlainKeys = 32

// decodePlain is decodeObject's fast path, for the bodies clients actually send: one JSON object,
// nested at most maxDepth deep, whose keys carry no escapes and none twice in one object. Such a
// body decodes in one pass of encoding/json to exactly what the token-by-token decoding gives.
// Anything else, every faulty body included, returns ok false and takes the token way, which
// finds and words the fault.
func decodePlain(body []byte) (obj map[string]any, ok bool) {
	if !plainKeys(body) {
		return nil, false
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(&obj); err != nil || obj == nil {
		return nil, false
	}
	if len(bytes.TrimSpace(body[dec.InputOffset():])) > 0 {
		return nil, false
	}
	return obj, true
}

// plainKeys scans body's structure: containers nested at most maxDepth deep, object keys without
// a backslash, at most maxPlainKeys of them per object and none repeated. It does not check that
// body is JSON (decodePlain's decoding does), and gives false for anything it does not follow.
func plainKeys(body []byte) bool {
	type frame struct {
		object    bool
		expectKey bool
		firstKey  int // index in keys of this object's first key
	}
	var frames []frame
	var keys [][]byte
	for i := 0; i < len(body); i++ {
		switch body[i] {
		case '{', '[':
			if len(frames) == maxDepth {
				return false
			}
			frames = append(frames, frame{object: body[i] == '{', expectKey: body[i] == '{', firstKey: len(keys)})
		case '}', ']':
			if len(frames) == 0 {
				return false
			}
			keys = keys[:frames[len(frames)-1].firstKey]
			frames = frames[:len(frames)-1]
		case ',':
			if len(frames) > 0 && frames[len(frames)-1].object {
				frames[len(frames)-1].expectKey = true
			}
		case '"':
			end := stringEnd(body, i+1)
			if end < 0 {
				return false
			}
			if n := len(frames); n > 0 && frames[n-1].expectKey {
				key := body[i+1 : end]
				if bytes.IndexByte(key, '\\') >= 0 || len(keys)-frames[n-1].firstKey == maxPlainKeys {
					return false
				}
				for _, k := range keys[frames[n-1].firstKey:] {
					if bytes.Equal(k, key) {
						return false
					}
				}
				keys = append(keys, key)
				frames[n-1].expectKey = false
			}
			i = end
		}
	}
	return true
}

// stringEnd returns the index of the quote closing the string whose content starts at from, or -1.
func stringEnd(body []byte, from int) int {
	for i := from; i < len(body); i++ {
		switch body[i] {
		case '\\':
			i++
		case '"':
			return i
		}
	}
	return -1
}
