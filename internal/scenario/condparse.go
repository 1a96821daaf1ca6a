package scenario

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The condition language (docs/scenario-format.md, "Conditions") is meter
// and flag ids, numbers, true and false, comparisons, and, or, not,
// arithmetic and parentheses. Its grammar and precedences are those of the
// expr-lang/expr library, which parsed conditions before this file did, so
// that every condition written for it means the same thing here (the
// differential test in cond_diff_test.go compares the two). The lexer and
// parser also know the parts of expr's syntax that conditions do not allow
// (text in quotes, functions, lists, `in`, `%` ...) well enough to name them
// in the message instead of reporting a character they did not expect.

// condError is a problem inside a condition, at a rune offset into its text.
type condError struct {
	Offset int
	Msg    string
}

func (e *condError) Error() string { return e.Msg }

// condMaxNodes bounds the parts (ids, numbers, operators) of a condition.
const condMaxNodes = 200

// condAllowed ends the messages about what a condition cannot contain.
const condAllowed = "use meters, flags, numbers and < <= > >= == != and or not + - * /"

// condEnv describes the names a condition may use.
type condEnv struct {
	meters, flags *index
	names         []string // every meter and flag id, for suggestions
	ex            *examples
	// done remembers compiled conditions: scenarios repeat the same ones
	// (`home < 40`) many times, and a compiled tree is never changed.
	done map[string]*cnode
}

func newCondEnv(meters, flags *index, ex *examples) *condEnv {
	env := &condEnv{meters: meters, flags: flags, ex: ex, done: map[string]*cnode{}}
	env.names = append(append(make([]string, 0, len(meters.ids)+len(flags.ids)), meters.ids...), flags.ids...)
	return env
}

// compileCond parses, type-checks and compiles src. Errors carry the rune
// offset of the problem inside src and a message written for a teacher.
func compileCond(src string, env *condEnv) (*cnode, *condError) {
	if strings.TrimSpace(src) == "" {
		return nil, &condError{0, "the condition is empty"}
	}
	if len(src) > MaxCondLen {
		return nil, &condError{0, fmt.Sprintf("the condition is %d characters long; the limit is %d: split the idea into a flag set earlier, or simplify", len(src), MaxCondLen)}
	}
	if i := strings.Index(src, "="); i >= 0 && !strings.Contains(src, "==") && !strings.ContainsAny(src, "<>!") {
		example := env.ex.meter(0) + " == 50"
		if fixed := strings.ReplaceAll(strings.Join(strings.Fields(src), " "), "=", "=="); len(fixed) <= 60 {
			example = fixed
		}
		return nil, &condError{runeOffset(src, i), fmt.Sprintf("a single = does not compare: write == (for example `%s`)", example)}
	}
	if n, ok := env.done[src]; ok {
		return n, nil
	}
	p := condParser{lex: condLexer{src: src}}
	tree := p.parse()
	if p.err != nil {
		return nil, p.err
	}
	// Reject what conditions do not support before the types are checked, so
	// the message names the construct rather than a type.
	if err := supported(tree); err != nil {
		return nil, err
	}
	isBool, err := typeOf(tree, env)
	if err != nil {
		return nil, err
	}
	if !isBool {
		return nil, &condError{0, fmt.Sprintf("`%s` is a number, not true or false: compare it with something, for example `%s > 50`", src, strings.TrimSpace(src))}
	}
	n := build(tree, env)
	env.done[src] = n
	return n, nil
}

// tokKind is the kind of a condition's token.
type tokKind uint8

const (
	tokEOF tokKind = iota
	tokIdent
	tokNumber
	tokString
	tokOp
	tokBracket
)

type token struct {
	kind tokKind
	val  string
	at   int // rune offset of its first character
}

func (t token) is(kind tokKind, vals ...string) bool {
	if t.kind != kind {
		return false
	}
	for _, v := range vals {
		if t.val == v {
			return true
		}
	}
	return len(vals) == 0
}

// condLexer cuts a condition into tokens, one at a time.
type condLexer struct {
	src        string
	pos, runes int // byte and rune offset of the next character
	done       bool
}

func (l *condLexer) peek() rune {
	if l.pos >= len(l.src) {
		return -1
	}
	r, _ := utf8.DecodeRuneInString(l.src[l.pos:])
	return r
}

func (l *condLexer) advance() rune {
	if l.pos >= len(l.src) {
		return -1
	}
	r, n := utf8.DecodeRuneInString(l.src[l.pos:])
	l.pos += n
	l.runes++
	return r
}

func (l *condLexer) accept(set string) bool {
	if r := l.peek(); r >= 0 && strings.ContainsRune(set, r) {
		l.advance()
		return true
	}
	return false
}

func (l *condLexer) acceptRun(set string) {
	for l.accept(set) {
	}
}

func isIdentRune(r rune) bool {
	return r == '_' || r == '$' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// next returns the next token. At the end it returns an EOF token at the
// condition's last character; asked again after that, it reports that the
// condition stops too early.
func (l *condLexer) next() (token, *condError) {
	for {
		startByte, start := l.pos, l.runes
		r := l.advance()
		word := func() string { return l.src[startByte:l.pos] }
		switch {
		case r < 0:
			if l.done {
				return token{}, &condError{max(l.runes-1, 0), "the condition stops too early: something is missing at its end"}
			}
			l.done = true
			return token{kind: tokEOF, at: max(l.runes-1, 0)}, nil
		case unicode.IsSpace(r):
			continue
		case r == '\'' || r == '"' || r == '`':
			for {
				c := l.advance()
				if c == r && r == '`' && l.peek() == '`' {
					l.advance() // `` inside a raw string
					continue
				}
				if c == r {
					break
				}
				if c < 0 || c == '\n' && r != '`' {
					at := l.runes - 1
					if c < 0 {
						at = l.runes
					}
					return token{}, &condError{at, "a quote is not closed (and text in quotes cannot be used in a condition anyway)"}
				}
				if c == '\\' && r != '`' {
					l.advance()
				}
			}
			return token{tokString, word(), start}, nil
		case r >= '0' && r <= '9' || r == '.' && l.peek() >= '0' && l.peek() <= '9':
			l.pos, l.runes = startByte, start
			return l.number()
		case r == '.':
			l.accept(".")
			return token{tokOp, word(), start}, nil
		case r == '/' && l.peek() == '/':
			for c := l.advance(); c >= 0 && c != '\n'; c = l.advance() {
			}
			continue
		case r == '/' && l.peek() == '*':
			l.advance()
			closed := false
			for c := l.advance(); c >= 0; c = l.advance() {
				if c == '*' && l.accept("/") {
					closed = true
					break
				}
			}
			if !closed {
				return token{}, &condError{l.runes, "a comment that starts with /* is not closed with */"}
			}
			continue
		case r == '?':
			l.accept(".?")
		case r == '|':
			l.accept("|")
		case r == ':':
			l.accept(":")
		case strings.ContainsRune("([{)]}", r):
			return token{tokBracket, word(), start}, nil
		case strings.ContainsRune(",;%+-^#/", r):
		case strings.ContainsRune("&!=*<>", r):
			l.accept("&=*")
		case isIdentRune(r):
			for isIdentRune(l.peek()) {
				l.advance()
			}
			w := word()
			switch w {
			case "not", "in", "or", "and", "matches", "contains", "startsWith", "endsWith", "let", "if", "else":
				return token{tokOp, w, start}, nil
			}
			return token{tokIdent, w, start}, nil
		default:
			return token{}, &condError{start, fmt.Sprintf("`%c` cannot be used in a condition; %s", r, condAllowed)}
		}
		return token{tokOp, word(), start}, nil
	}
}

// number reads a number as expr wrote them: whole numbers, decimals, 1e3,
// 1_000, 0x1F, 0o17 and 0b101.
func (l *condLexer) number() (token, *condError) {
	startByte, start := l.pos, l.runes
	digits := "0123456789_"
	if l.accept("0") {
		switch {
		case l.accept("xX"):
			digits = "0123456789abcdefABCDEF_"
		case l.accept("oO"):
			digits = "01234567_"
		case l.accept("bB"):
			digits = "01_"
		}
	}
	l.acceptRun(digits)
	if l.peek() == '.' {
		// 1..2 is the number 1 and the operator `..`.
		if !strings.HasPrefix(l.src[l.pos:], "..") {
			l.advance()
			l.acceptRun(digits)
		}
	}
	if l.accept("eE") {
		l.accept("+-")
		l.acceptRun(digits)
	}
	if isIdentRune(l.peek()) {
		for isIdentRune(l.peek()) {
			l.advance()
		}
		return token{}, &condError{start, fmt.Sprintf("`%s` is not a number, and an id cannot start with a digit", l.src[startByte:l.pos])}
	}
	return token{tokNumber, l.src[startByte:l.pos], start}, nil
}

// pkind is the kind of a node of a parsed condition.
type pkind uint8

const (
	pIdent pkind = iota
	pNumber
	pBool
	pUnary
	pBinary
	pString
	pCall  // a function call
	pOther // a list, a map, a.b, a[0], a ? b : c, nil, a; b: never allowed
)

// pnode is a node of a parsed condition, before its names are resolved.
type pnode struct {
	kind pkind
	op   string // pUnary, pBinary
	name string // pIdent
	num  float64
	at   int // rune offset: the operator's for pUnary and pBinary
	a, b *pnode
}

// condParser is a precedence-climbing parser with expr's precedences.
type condParser struct {
	lex   condLexer
	cur   token
	err   *condError
	nodes int
	// stash is a token read ahead and given back (after a `not` that an
	// outer level must handle).
	stash    token
	hasStash bool
}

var unaryPrec = map[string]int{"not": 50, "!": 50, "-": 90, "+": 90}

var binaryPrec = map[string]int{
	"|": 0, "or": 10, "||": 10, "and": 15, "&&": 15,
	"==": 20, "!=": 20, "<": 20, ">": 20, ">=": 20, "<=": 20,
	"in": 20, "matches": 20, "contains": 20, "startsWith": 20, "endsWith": 20,
	"..": 25, "+": 30, "-": 30, "*": 60, "/": 60, "%": 60, "**": 100, "^": 100, "??": 500,
}

func (p *condParser) fail(at int, msg string) {
	if p.err == nil {
		p.err = &condError{at, msg}
	}
}

func (p *condParser) unexpected() {
	switch p.cur.kind {
	case tokEOF:
		p.fail(p.cur.at, "the condition stops too early: something is missing at its end")
		return
	case tokString:
		p.fail(p.cur.at, "text in quotes cannot be used in a condition: use meter and flag ids without quotes")
		return
	}
	p.fail(p.cur.at, fmt.Sprintf("unexpected `%s` in the condition", p.cur.val))
}

func (p *condParser) next() {
	if p.hasStash {
		p.cur, p.hasStash = p.stash, false
		return
	}
	t, err := p.lex.next()
	if err != nil {
		// A problem of the text itself outweighs one of the grammar found before it.
		p.err = err
		return
	}
	p.cur = t
}

func (p *condParser) expect(kind tokKind, val string) {
	if p.cur.is(kind, val) {
		p.next()
		return
	}
	p.unexpected()
}

func (p *condParser) node(n *pnode) *pnode {
	p.nodes++
	if p.nodes > condMaxNodes {
		p.fail(0, fmt.Sprintf("the condition has more than %d parts (ids, numbers and operators): split the idea into a flag set earlier, or simplify", condMaxNodes))
	}
	if p.err != nil {
		return nil
	}
	return n
}

func (p *condParser) parse() *pnode {
	p.next()
	n := p.sequence()
	if p.err == nil && p.cur.kind != tokEOF {
		p.unexpected()
	}
	return n
}

func (p *condParser) sequence() *pnode {
	n := p.expression(0)
	for p.err == nil && p.cur.is(tokOp, ";") {
		at := p.cur.at
		p.next()
		if p.cur.kind == tokEOF {
			break
		}
		p.expression(0)
		n = p.node(&pnode{kind: pOther, at: at})
	}
	return n
}

func (p *condParser) expression(prec int) *pnode {
	if p.err != nil {
		return nil
	}
	if prec == 0 && p.cur.is(tokOp, "let", "if") {
		p.fail(p.cur.at, fmt.Sprintf("`%s` cannot be used in a condition; %s", p.cur.val, condAllowed))
		return nil
	}
	left := p.primary()
	for p.err == nil && p.cur.kind == tokOp {
		opTok := p.cur
		negate := false
		if opTok.val == "not" {
			// `not in`, `not contains` ...: one operator, never allowed.
			p.next()
			if p.err != nil {
				return nil
			}
			switch p.cur.val {
			case "in", "matches", "contains", "startsWith", "endsWith":
			default:
				p.unexpected()
				return nil
			}
			if binaryPrec[p.cur.val] < prec {
				// An outer level reads `not in` again.
				p.stash, p.hasStash, p.cur = p.cur, true, opTok
				break
			}
			opTok, negate = p.cur, true
		}
		op, ok := binaryPrec[opTok.val]
		if !ok || op < prec {
			break
		}
		p.next()
		if opTok.val == "<" || opTok.val == ">" || opTok.val == "<=" || opTok.val == ">=" {
			left = p.comparison(left, opTok, op)
			continue
		}
		next := op + 1
		if opTok.val == "**" || opTok.val == "^" {
			next = op
		}
		right := p.expression(next)
		left = p.node(&pnode{kind: pBinary, op: opTok.val, at: opTok.at, a: left, b: right})
		if negate {
			left = p.node(&pnode{kind: pUnary, op: "not", at: opTok.at, a: left})
		}
	}
	if prec == 0 && p.err == nil && p.cur.is(tokOp, "?") {
		// a ? b : c and a ?: b
		at := p.cur.at
		for p.err == nil && p.cur.is(tokOp, "?") {
			p.next()
			if !p.cur.is(tokOp, ":") {
				p.expression(0)
			}
			p.expect(tokOp, ":")
			p.expression(0)
			left = p.node(&pnode{kind: pOther, at: at})
		}
	}
	return left
}

// comparison parses the rest of a < b, and of chains such as 0 < a < 10,
// which mean 0 < a and a < 10.
func (p *condParser) comparison(left *pnode, opTok token, prec int) *pnode {
	var root *pnode
	for {
		right := p.expression(prec + 1)
		cmp := p.node(&pnode{kind: pBinary, op: opTok.val, at: opTok.at, a: left, b: right})
		if root == nil {
			root = cmp
		} else {
			root = p.node(&pnode{kind: pBinary, op: "&&", at: opTok.at, a: root, b: cmp})
		}
		left, opTok = right, p.cur
		if p.err != nil || !opTok.is(tokOp, "<", ">", "<=", ">=") {
			return root
		}
		p.next()
	}
}

func (p *condParser) primary() *pnode {
	t := p.cur
	if t.kind == tokOp {
		if prec, ok := unaryPrec[t.val]; ok {
			p.next()
			a := p.expression(prec)
			return p.postfix(p.node(&pnode{kind: pUnary, op: t.val, at: t.at, a: a}))
		}
	}
	if t.is(tokBracket, "(") {
		p.next()
		n := p.sequence()
		p.expect(tokBracket, ")")
		return p.postfix(n)
	}
	var n *pnode
	switch t.kind {
	case tokIdent:
		p.next()
		switch t.val {
		case "true", "false":
			return p.node(&pnode{kind: pBool, name: t.val, at: t.at})
		case "nil":
			return p.node(&pnode{kind: pOther, at: t.at})
		}
		if p.cur.is(tokBracket, "(") {
			p.arguments("(", ")")
			n = p.node(&pnode{kind: pCall, at: t.at})
		} else {
			n = p.node(&pnode{kind: pIdent, name: t.val, at: t.at})
		}
	case tokNumber:
		p.next()
		v, ok := parseNumber(t.val)
		if !ok {
			p.fail(t.at, fmt.Sprintf("`%s` is too large a number for a condition", t.val))
		}
		return p.node(&pnode{kind: pNumber, num: v, at: t.at})
	case tokString:
		p.next()
		n = p.node(&pnode{kind: pString, at: t.at})
	default:
		switch {
		case t.is(tokBracket, "["):
			p.arguments("[", "]")
		case t.is(tokBracket, "{"):
			p.skipBalanced()
		default:
			p.unexpected()
			return nil
		}
		n = p.node(&pnode{kind: pOther, at: t.at})
	}
	return p.postfix(n)
}

// arguments reads (a, b, ...) or [a, b, ...].
func (p *condParser) arguments(open, end string) {
	p.expect(tokBracket, open)
	for i := 0; p.err == nil && !p.cur.is(tokBracket, end); i++ {
		if i > 0 {
			p.expect(tokOp, ",")
			if p.cur.is(tokBracket, end) {
				break
			}
		}
		p.expression(0)
	}
	p.expect(tokBracket, end)
}

// skipBalanced reads a {...} map up to its closing brace.
func (p *condParser) skipBalanced() {
	depth := 0
	for p.err == nil {
		switch {
		case p.cur.kind == tokEOF:
			p.unexpected()
			return
		case p.cur.kind == tokBracket && strings.Contains("([{", p.cur.val):
			depth++
		case p.cur.kind == tokBracket:
			depth--
		}
		p.next()
		if depth == 0 {
			return
		}
	}
}

// postfix reads a.b, a?.b, a.b(...) and a[i] after a value.
func (p *condParser) postfix(n *pnode) *pnode {
	for p.err == nil {
		switch {
		case p.cur.is(tokOp, ".", "?."):
			p.next()
			if p.cur.is(tokBracket, "[") {
				continue
			}
			prop := p.cur
			p.next()
			if p.err == nil && prop.kind != tokIdent && prop.kind != tokOp {
				p.fail(prop.at, fmt.Sprintf("a name must follow `.`; anyway, this cannot be used in a condition: %s", condAllowed))
			}
			if p.cur.is(tokBracket, "(") {
				p.arguments("(", ")")
			}
			n = p.node(&pnode{kind: pOther, at: prop.at})
		case p.cur.is(tokBracket, "["):
			at := p.cur.at
			p.next()
			if !p.cur.is(tokOp, ":") {
				p.expression(0)
			}
			if p.cur.is(tokOp, ":") {
				p.next()
				if !p.cur.is(tokBracket, "]") {
					p.expression(0)
				}
			}
			p.expect(tokBracket, "]")
			n = p.node(&pnode{kind: pOther, at: at})
		default:
			return n
		}
	}
	return n
}

func parseNumber(s string) (float64, bool) {
	s = strings.ReplaceAll(s, "_", "")
	low := strings.ToLower(s)
	if strings.HasPrefix(low, "0x") || strings.HasPrefix(low, "0o") || strings.HasPrefix(low, "0b") {
		v, err := strconv.ParseInt(s, 0, 64)
		return float64(v), err == nil
	}
	if strings.ContainsAny(low, ".e") {
		v, err := strconv.ParseFloat(s, 64)
		return v, err == nil && !math.IsInf(v, 0)
	}
	v, err := strconv.ParseInt(s, 10, 64)
	return float64(v), err == nil
}

func supported(n *pnode) *condError {
	switch n.kind {
	case pIdent, pNumber, pBool:
		return nil
	case pUnary:
		return supported(n.a)
	case pBinary:
		switch n.op {
		case "and", "&&", "or", "||", "<", "<=", ">", ">=", "==", "!=", "+", "-", "*", "/":
			if err := supported(n.a); err != nil {
				return err
			}
			return supported(n.b)
		}
		return &condError{n.at, fmt.Sprintf("`%s` is not allowed in a condition; use < <= > >= == != and or not + - * /", n.op)}
	case pString:
		return &condError{n.at, "text in quotes cannot be used in a condition: use meter and flag ids without quotes"}
	case pCall:
		return &condError{n.at, "functions cannot be used in a condition; " + condAllowed}
	}
	return &condError{n.at, "this cannot be used in a condition; " + condAllowed}
}

// typeOf checks a condition's types against the scenario's meters (numbers)
// and flags (true or false) and reports whether n is true-or-false. The
// language is small enough that these few rules are its whole type system.
func typeOf(n *pnode, env *condEnv) (isBool bool, err *condError) {
	at := n.at
	switch n.kind {
	case pIdent:
		if _, ok := env.meters.byID[n.name]; ok {
			return false, nil
		}
		if _, ok := env.flags.byID[n.name]; ok {
			return true, nil
		}
		msg := fmt.Sprintf("unknown meter or flag `%s` in the condition", n.name)
		switch {
		case Nearest(n.name, env.names) != "":
			msg += fmt.Sprintf("; did you mean `%s`?", Nearest(n.name, env.names))
		case len(env.names) > 0:
			msg += fmt.Sprintf(" (the meters and flags are: %s)", strings.Join(quoteAll(env.names), ", "))
		default:
			msg += " (this scenario has no meters or flags)"
		}
		return false, &condError{at, msg}
	case pNumber:
		return false, nil
	case pBool:
		return true, nil
	case pUnary:
		b, err := typeOf(n.a, env)
		if err != nil {
			return false, err
		}
		logical := n.op == "not" || n.op == "!"
		if b != logical {
			if logical {
				return false, &condError{at, fmt.Sprintf("`%s` turns a yes/no flag or condition around, but this is a number: compare it first, for example `%s (%s > 50)`", n.op, n.op, env.ex.meter(0))}
			}
			return false, &condError{at, fmt.Sprintf("`%s` works on numbers (meters), but this is a flag (yes/no)", n.op)}
		}
		return logical, nil
	case pBinary:
		l, err := typeOf(n.a, env)
		if err != nil {
			return false, err
		}
		r, err := typeOf(n.b, env)
		if err != nil {
			return false, err
		}
		op := n.op
		switch op {
		case "and", "&&", "or", "||":
			if !l || !r {
				return false, &condError{at, fmt.Sprintf("`%s` joins yes/no conditions, but one side is a number (a meter): compare the meter with a number, for example `%s >= 50 %s %s`", op, env.ex.meter(0), op, env.ex.flag(0))}
			}
			return true, nil
		case "==", "!=":
			if l != r {
				return false, &condError{at, fmt.Sprintf("`%s` compares numbers, but one side is a flag (yes/no) and the other a number: use the flag alone (`%s` or `not %s`)", op, env.ex.flag(0), env.ex.flag(0))}
			}
			return true, nil
		case "<", "<=", ">", ">=":
			if l || r {
				return false, &condError{at, fmt.Sprintf("`%s` compares numbers, but one side is a flag (yes/no) and the other a number: use the flag alone (`%s` or `not %s`)", op, env.ex.flag(0), env.ex.flag(0))}
			}
			return true, nil
		}
		if l || r {
			return false, &condError{at, fmt.Sprintf("`%s` works on numbers (meters), but one side is a flag (yes/no)", op)}
		}
		return false, nil
	}
	return false, &condError{at, "this cannot be used in a condition; " + condAllowed}
}

var binaryOps = map[string]opcode{
	"and": opAnd, "&&": opAnd, "or": opOr, "||": opOr,
	"<": opLt, "<=": opLe, ">": opGt, ">=": opGe, "==": opEq, "!=": opNe,
	"+": opAdd, "-": opSub, "*": opMul, "/": opDiv,
}

func build(n *pnode, env *condEnv) *cnode {
	switch n.kind {
	case pIdent:
		if i, ok := env.meters.byID[n.name]; ok {
			return &cnode{op: opMeter, idx: i}
		}
		return &cnode{op: opFlag, idx: env.flags.byID[n.name], isBool: true}
	case pNumber:
		return &cnode{op: opNum, val: n.num}
	case pBool:
		v := 0.0
		if n.name == "true" {
			v = 1
		}
		return &cnode{op: opBool, val: v, isBool: true}
	case pUnary:
		a := build(n.a, env)
		switch n.op {
		case "not", "!":
			return &cnode{op: opNot, a: a, isBool: true}
		case "-":
			return &cnode{op: opNeg, a: a}
		}
		return a
	case pBinary:
		a, b := build(n.a, env), build(n.b, env)
		op := binaryOps[n.op]
		isBool := op <= opOr && op >= opAnd || op >= opLt
		return &cnode{op: op, a: a, b: b, isBool: isBool}
	}
	panic(fmt.Sprintf("scenario: condition node of kind %d passed the check but cannot be built", n.kind))
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = "`" + s + "`"
	}
	return out
}

func runeOffset(s string, byteOff int) int {
	return len([]rune(s[:byteOff]))
}
