package mock

import (
	"encoding/json"
	"fmt"
	"math"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tingee-conformance/harness/profiles/tingee/signing"
)

// kind is the JSON type a field must have.
type kind int

const (
	kString  kind = iota
	kInt          // a JSON integer within [min, max]
	kBool         // a JSON boolean
	kStrings      // an array of strings
	kDigits       // a string of digits (query parameters that stand for numbers)
	kAny          // any JSON value (fields whose type the docs do not give)
)

// maxSafeInteger is the largest integer the NestJS service (JavaScript) holds exactly.
const maxSafeInteger = 1<<53 - 1

// field is one property of a request and what class-validator would check on it.
type field struct {
	name     string
	kind     kind
	required bool
	enum     []string
	min, max int64                 // kInt bounds; max 0 means maxSafeInteger
	format   func(s string) string // kString: returns a fault, or ""
}

// rules are the properties an operation accepts; anything else is rejected
// ("property X should not exist", as ValidationPipe with forbidNonWhitelisted).
type rules struct {
	fields []field
	// oneOf lists groups of fields of which at least one must be present (bankBin or bankName).
	oneOf [][]string
	// needs maps a field to one it makes required (confirm-va: bankName needs otpNumber).
	needs map[string]string
}

// validate returns the faults of values against rules, in the NestJS wording, each naming its field.
func (rs rules) validate(values map[string]any) []string {
	var faults []string
	known := map[string]bool{}
	for _, f := range rs.fields {
		known[f.name] = true
		v, present := values[f.name]
		if !present || v == nil || v == "" {
			if f.required {
				faults = append(faults, f.name+" should not be empty")
			}
			continue
		}
		if fault := f.check(v); fault != "" {
			faults = append(faults, fault)
		}
	}
	for _, group := range rs.oneOf {
		if !anyPresent(values, group) {
			faults = append(faults, strings.Join(group, " or ")+" should not be empty")
		}
	}
	for name, needed := range rs.needs {
		if anyPresent(values, []string{name}) && !anyPresent(values, []string{needed}) {
			faults = append(faults, needed+" should not be empty")
		}
	}
	var unknown []string
	for name := range values {
		if !known[name] {
			unknown = append(unknown, "property "+name+" should not exist")
		}
	}
	sort.Strings(unknown)
	return append(faults, unknown...)
}

func anyPresent(values map[string]any, names []string) bool {
	for _, n := range names {
		if v, ok := values[n]; ok && v != nil && v != "" {
			return true
		}
	}
	return false
}

// check returns the fault of one present value, or "".
func (f field) check(v any) string {
	switch f.kind {
	case kString, kDigits:
		s, ok := v.(string)
		if !ok {
			return f.name + " must be a string"
		}
		if f.kind == kDigits && !digits.MatchString(s) {
			return f.name + " must be a number string"
		}
		if len(f.enum) > 0 && !slices.Contains(f.enum, s) {
			return fmt.Sprintf("%s must be one of the following values: %s", f.name, strings.Join(f.enum, ", "))
		}
		if f.format != nil {
			return f.format(s)
		}
	case kInt:
		return f.checkInt(v)
	case kBool:
		if _, ok := v.(bool); !ok {
			return f.name + " must be a boolean value"
		}
	case kStrings:
		arr, ok := v.([]any)
		if !ok {
			return f.name + " must be an array"
		}
		for _, e := range arr {
			if _, ok := e.(string); !ok {
				return "each value in " + f.name + " must be a string"
			}
		}
	}
	return ""
}

func (f field) checkInt(v any) string {
	n, ok := v.(json.Number)
	if !ok {
		return f.name + " must be a number conforming to the specified constraints"
	}
	x, err := n.Float64()
	if err != nil || math.IsInf(x, 0) || math.IsNaN(x) {
		return f.name + " must be a number conforming to the specified constraints"
	}
	if x != math.Trunc(x) {
		return f.name + " must be an integer number"
	}
	hi := f.max
	if hi == 0 {
		hi = maxSafeInteger
	}
	switch {
	case x < float64(f.min):
		return fmt.Sprintf("%s must not be less than %d", f.name, f.min)
	case x > float64(hi):
		return fmt.Sprintf("%s must not be greater than %d", f.name, hi)
	}
	return ""
}

var digits = regexp.MustCompile(`^[0-9]+$`)

// domesticMobile is the only phone form create-va accepts ("84…" is a 400 live).
var domesticMobile = regexp.MustCompile(`^0[0-9]{9,10}$`)

func validMobile(s string) string {
	if !domesticMobile.MatchString(s) {
		return "mobile must be a valid phone number"
	}
	return ""
}

func maxLen(name string, n int) func(string) string {
	return func(s string) string {
		if utf8.RuneCountInString(s) > n {
			return fmt.Sprintf("%s must be shorter than or equal to %d characters", name, n)
		}
		return ""
	}
}

// timeLayout is yyyyMMddHHmmss, the form of transaction times (Vietnam time).
const timeLayout = "20060102150405"

func validTime(name string) func(string) string {
	return func(s string) string {
		if _, err := time.ParseInLocation(timeLayout, s, signing.Vietnam); err != nil || len(s) != len(timeLayout) {
			return name + " must be a time in the form yyyyMMddHHmmss"
		}
		return ""
	}
}

func validURL(name string) func(string) string {
	return func(s string) string {
		u, err := url.Parse(s)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return name + " must be a URL address"
		}
		return ""
	}
}

// queryValues turns query parameters into the values rules check (the first of each).
func queryValues(q url.Values) map[string]any {
	values := make(map[string]any, len(q))
	for k := range q {
		values[k] = q.Get(k)
	}
	return values
}
