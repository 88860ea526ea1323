// Package tagexpr parses scenario tag expressions in both syntaxes users
// bring: godog's ("@a,@b && ~@c": "," is or and binds tighter than "&&",
// "~" is not) and Cucumber's ("@a and (@b or not @c)"). An expression is
// evaluated against a scenario's tags (Match), and rewritten into the one
// form godog v0.15 filters with (Godog), since godog itself knows neither
// Cucumber's words nor parentheses, and panics on a dangling operator.
package tagexpr

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// ErrSyntax is wrapped by every parse error; its message names the position.
var ErrSyntax = errors.New("tag expression")

// maxClauses bounds the godog form of an expression (an "or" of "and"s
// multiplies out): beyond it the expression is refused as too complex.
const maxClauses = 256

// Expr is a parsed tag expression.
type Expr struct{ root node }

// Parse reads s. An empty (or blank) s matches every scenario. A syntax error
// names its position (1-based, in characters) and what was expected there.
func Parse(s string) (Expr, error) {
	toks, err := lex(s)
	if err != nil {
		return Expr{}, err
	}
	if len(toks) == 0 {
		return Expr{}, nil
	}
	p := &parser{toks: toks, end: len([]rune(s)) + 1}
	n, err := p.or()
	if err != nil {
		return Expr{}, err
	}
	if t := p.peek(); t != nil {
		return Expr{}, p.fail(t.pos, "want an operator (and, or, &&, \",\") or the end, got %q", t.text)
	}
	return Expr{root: n}, nil
}

// Match reports whether a scenario with these tags (with or without their
// "@") is selected by e.
func (e Expr) Match(tags []string) bool {
	if e.root == nil {
		return true
	}
	set := make([]string, len(tags))
	for i, t := range tags {
		set[i] = strings.TrimPrefix(t, "@")
	}
	return e.root.eval(set)
}

// Godog writes e as godog v0.15 filters: "&&"-joined groups of ","-joined
// tags, each possibly negated by "~" (conjunctive normal form). Empty for an
// empty e.
func (e Expr) Godog() (string, error) {
	if e.root == nil {
		return "", nil
	}
	clauses := cnf(e.root.nnf(false))
	if len(clauses) > maxClauses {
		return "", fmt.Errorf("%w: too complex for godog's filter (%d groups, at most %d): simplify it", ErrSyntax, len(clauses), maxClauses)
	}
	groups := make([]string, len(clauses))
	for i, c := range clauses {
		lits := make([]string, len(c))
		for j, l := range c {
			lits[j] = l.String()
		}
		groups[i] = strings.Join(lits, ",")
	}
	return strings.Join(groups, " && "), nil
}

// Godog parses s and writes it as godog filters (see Expr.Godog).
func Godog(s string) (string, error) {
	e, err := Parse(s)
	if err != nil {
		return "", err
	}
	return e.Godog()
}

type node interface {
	eval(tags []string) bool
	nnf(negate bool) node // pushes "not" down to the tags
}

type tagNode struct{ name string } // without "@"
type notNode struct{ x node }
type andNode struct{ l, r node }
type orNode struct{ l, r node }

func (n tagNode) eval(tags []string) bool { return slices.Contains(tags, n.name) }
func (n notNode) eval(tags []string) bool { return !n.x.eval(tags) }
func (n andNode) eval(tags []string) bool { return n.l.eval(tags) && n.r.eval(tags) }
func (n orNode) eval(tags []string) bool  { return n.l.eval(tags) || n.r.eval(tags) }

func (n tagNode) nnf(neg bool) node {
	if neg {
		return literal{n.name, true}
	}
	return literal{n.name, false}
}
func (n notNode) nnf(neg bool) node { return n.x.nnf(!neg) }
func (n andNode) nnf(neg bool) node {
	if neg {
		return orNode{n.l.nnf(true), n.r.nnf(true)}
	}
	return andNode{n.l.nnf(false), n.r.nnf(false)}
}
func (n orNode) nnf(neg bool) node {
	if neg {
		return andNode{n.l.nnf(true), n.r.nnf(true)}
	}
	return orNode{n.l.nnf(false), n.r.nnf(false)}
}

// literal is a tag or its negation, the leaves of the normal form.
type literal struct {
	name    string
	negated bool
}

func (l literal) eval(tags []string) bool { return slices.Contains(tags, l.name) != l.negated }
func (l literal) nnf(neg bool) node       { return literal{l.name, l.negated != neg} }
func (l literal) String() string {
	if l.negated {
		return "~@" + l.name
	}
	return "@" + l.name
}

// cnf multiplies a negation normal form out into clauses (ors of literals) joined by and.
func cnf(n node) [][]literal {
	switch n := n.(type) {
	case literal:
		return [][]literal{{n}}
	case andNode:
		return append(cnf(n.l), cnf(n.r)...)
	case orNode:
		l, r := cnf(n.l), cnf(n.r)
		out := make([][]literal, 0, len(l)*len(r))
		for _, a := range l {
			for _, b := range r {
				out = append(out, append(append([]literal{}, a...), b...))
				if len(out) > maxClauses {
					return out
				}
			}
		}
		return out
	}
	panic("tagexpr: not in negation normal form") // unreachable: nnf only makes the three kinds above
}
