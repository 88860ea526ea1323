package tagexpr

import (
	"fmt"
	"strings"
	"unicode"
)

type kind int

const (
	kTag   kind = iota
	kOr         // or, ||
	kComma      // godog's or, binding tighter than and
	kAnd        // and, &&
	kNot        // not, ~, !
	kOpen
	kClose
)

type token struct {
	kind kind
	text string
	pos  int // 1-based, in characters
}

// lex splits s into tokens. A tag is any run of characters other than
// blanks, parentheses, ",", "&", "|", "~" and "!"; the words and, or and not
// are operators.
func lex(s string) ([]token, error) {
	rs := []rune(s)
	var toks []token
	for i := 0; i < len(rs); {
		r := rs[i]
		pos := i + 1
		switch {
		case unicode.IsSpace(r):
			i++
		case r == '(':
			toks, i = append(toks, token{kOpen, "(", pos}), i+1
		case r == ')':
			toks, i = append(toks, token{kClose, ")", pos}), i+1
		case r == ',':
			toks, i = append(toks, token{kComma, ",", pos}), i+1
		case r == '~' || r == '!':
			toks, i = append(toks, token{kNot, string(r), pos}), i+1
		case r == '&' || r == '|':
			if i+1 >= len(rs) || rs[i+1] != r {
				return nil, fmt.Errorf("%w: position %d: %q alone: want %q", ErrSyntax, pos, string(r), string(r)+string(r))
			}
			k := kAnd
			if r == '|' {
				k = kOr
			}
			toks, i = append(toks, token{k, string(rs[i : i+2]), pos}), i+2
		default:
			j := i
			for j < len(rs) && !unicode.IsSpace(rs[j]) && !strings.ContainsRune("(),&|~!", rs[j]) {
				j++
			}
			word := string(rs[i:j])
			t := token{kTag, word, pos}
			switch strings.ToLower(word) {
			case "and":
				t.kind = kAnd
			case "or":
				t.kind = kOr
			case "not":
				t.kind = kNot
			}
			if t.kind == kTag && (word == "@" || strings.HasPrefix(word, "@@")) {
				return nil, fmt.Errorf("%w: position %d: %q is not a tag name", ErrSyntax, pos, word)
			}
			toks, i = append(toks, t), j
		}
	}
	return toks, nil
}

// parser is a recursive descent over: or := and {("or"|"||") and};
// and := alt {("and"|"&&") alt}; alt := not {"," not}; not := ("not"|"~"|"!") not | "(" or ")" | tag.
type parser struct {
	toks []token
	i    int
	end  int // the position just past the input, for "ended too early"
}

func (p *parser) peek() *token {
	if p.i < len(p.toks) {
		return &p.toks[p.i]
	}
	return nil
}

func (p *parser) fail(pos int, format string, args ...any) error {
	return fmt.Errorf("%w: position %d: "+format, append([]any{ErrSyntax, pos}, args...)...)
}

func (p *parser) binary(k kind, next func() (node, error), join func(l, r node) node) (node, error) {
	l, err := next()
	if err != nil {
		return nil, err
	}
	for t := p.peek(); t != nil && t.kind == k; t = p.peek() {
		p.i++
		r, err := next()
		if err != nil {
			return nil, err
		}
		l = join(l, r)
	}
	return l, nil
}

func (p *parser) or() (node, error) {
	return p.binary(kOr, p.and, func(l, r node) node { return orNode{l, r} })
}

func (p *parser) and() (node, error) {
	return p.binary(kAnd, p.alt, func(l, r node) node { return andNode{l, r} })
}

func (p *parser) alt() (node, error) {
	return p.binary(kComma, p.not, func(l, r node) node { return orNode{l, r} })
}

func (p *parser) not() (node, error) {
	t := p.peek()
	if t == nil {
		return nil, p.fail(p.end, "the expression ends too early: want a tag such as @must")
	}
	p.i++
	switch t.kind {
	case kNot:
		x, err := p.not()
		if err != nil {
			return nil, err
		}
		return notNode{x}, nil
	case kOpen:
		x, err := p.or()
		if err != nil {
			return nil, err
		}
		c := p.peek()
		if c == nil {
			return nil, p.fail(p.end, "the expression ends before the \")\" closing the \"(\" at position %d", t.pos)
		}
		if c.kind != kClose {
			return nil, p.fail(c.pos, "want \")\" (closing the \"(\" at position %d), got %q", t.pos, c.text)
		}
		p.i++
		return x, nil
	case kTag:
		return tagNode{strings.TrimPrefix(t.text, "@")}, nil
	}
	return nil, p.fail(t.pos, "want a tag such as @must, got %q", t.text)
}
