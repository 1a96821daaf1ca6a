package scenario

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/conf"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/parser"
)

// MaxCondLen is the longest condition accepted, in bytes. Conditions are
// meant to be short; a longer one is almost always a paste gone wrong.
const MaxCondLen = 400

// Cond is a compiled condition over a scenario's meters and flags, such as
// `trust >= 60 and not letter_sent`.
//
// Conditions are parsed and type-checked with expr-lang/expr when the file
// loads, then compiled into a small tree that is evaluated without
// allocating: choosing must cost nothing beyond the history record.
type Cond struct {
	Src  string
	Pos  Pos
	root *cnode
}

type opcode uint8

const (
	opNum opcode = iota
	opMeter
	opFlag
	opBool
	opNot
	opNeg
	opAnd
	opOr
	opAdd
	opSub
	opMul
	opDiv
	opLt
	opLe
	opGt
	opGe
	opEq
	opNe
)

type cnode struct {
	op     opcode
	isBool bool
	a, b   *cnode
	val    float64 // opNum; opBool uses val != 0
	idx    int     // opMeter, opFlag
}

// Eval reports whether the condition holds for the given meter values and flags.
// A nil condition always holds.
func (c *Cond) Eval(meters []int, flags []bool) bool {
	if c == nil {
		return true
	}
	return c.root.truth(meters, flags)
}

func (n *cnode) truth(m []int, f []bool) bool {
	switch n.op {
	case opFlag:
		return f[n.idx]
	case opBool:
		return n.val != 0
	case opNot:
		return !n.a.truth(m, f)
	case opAnd:
		return n.a.truth(m, f) && n.b.truth(m, f)
	case opOr:
		return n.a.truth(m, f) || n.b.truth(m, f)
	case opLt:
		return n.a.num(m, f) < n.b.num(m, f)
	case opLe:
		return n.a.num(m, f) <= n.b.num(m, f)
	case opGt:
		return n.a.num(m, f) > n.b.num(m, f)
	case opGe:
		return n.a.num(m, f) >= n.b.num(m, f)
	case opEq:
		if n.a.isBool {
			return n.a.truth(m, f) == n.b.truth(m, f)
		}
		return n.a.num(m, f) == n.b.num(m, f)
	case opNe:
		if n.a.isBool {
			return n.a.truth(m, f) != n.b.truth(m, f)
		}
		return n.a.num(m, f) != n.b.num(m, f)
	}
	return n.num(m, f) != 0
}

func (n *cnode) num(m []int, f []bool) float64 {
	switch n.op {
	case opNum:
		return n.val
	case opMeter:
		return float64(m[n.idx])
	case opNeg:
		return -n.a.num(m, f)
	case opAdd:
		return n.a.num(m, f) + n.b.num(m, f)
	case opSub:
		return n.a.num(m, f) - n.b.num(m, f)
	case opMul:
		return n.a.num(m, f) * n.b.num(m, f)
	case opDiv:
		return n.a.num(m, f) / n.b.num(m, f)
	}
	if n.truth(m, f) {
		return 1
	}
	return 0
}

// Meters returns the indices of the meters the condition reads, each once.
func (c *Cond) Meters() []int { return c.collect(opMeter) }

// FlagsUsed returns the indices of the flags the condition reads, each once.
func (c *Cond) FlagsUsed() []int { return c.collect(opFlag) }

func (c *Cond) collect(op opcode) []int {
	if c == nil {
		return nil
	}
	var out []int
	var walk func(n *cnode)
	walk = func(n *cnode) {
		if n == nil {
			return
		}
		if n.op == op && !containsInt(out, n.idx) {
			out = append(out, n.idx)
		}
		walk(n.a)
		walk(n.b)
	}
	walk(c.root)
	return out
}

// Thresholds returns, for each meter the condition compares directly with a
// number, the numbers it is compared with. The checker uses them to find
// states where every reply of an event is locked.
func (c *Cond) Thresholds() map[int][]float64 {
	out := map[int][]float64{}
	if c == nil {
		return out
	}
	var walk func(n *cnode)
	walk = func(n *cnode) {
		if n == nil {
			return
		}
		switch n.op {
		case opLt, opLe, opGt, opGe, opEq, opNe:
			if n.a.op == opMeter && n.b.op == opNum {
				out[n.a.idx] = append(out[n.a.idx], n.b.val)
			} else if n.b.op == opMeter && n.a.op == opNum {
				out[n.b.idx] = append(out[n.b.idx], n.a.val)
			}
		}
		walk(n.a)
		walk(n.b)
	}
	walk(c.root)
	return out
}

// Arithmetic reports whether the condition does arithmetic on meters, which
// makes Thresholds an incomplete description of where its truth changes.
func (c *Cond) Arithmetic() bool {
	if c == nil {
		return false
	}
	var walk func(n *cnode) bool
	walk = func(n *cnode) bool {
		if n == nil {
			return false
		}
		switch n.op {
		case opAdd, opSub, opMul, opDiv, opNeg:
			return true
		}
		return walk(n.a) || walk(n.b)
	}
	return walk(c.root)
}

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// condError is a problem inside a condition, at a rune offset into its text.
type condError struct {
	Offset int
	Msg    string
}

func (e *condError) Error() string { return e.Msg }

// condEnv describes the names a condition may use.
type condEnv struct {
	meters, flags *index
	names         []string // every meter and flag id, for suggestions
	ex            *examples
	cfg           map[string]any
	conf          *conf.Config
	// done remembers compiled conditions: scenarios repeat the same ones
	// (`home < 40`) many times, and a compiled tree is never changed.
	done map[string]*cnode
}

func newCondEnv(meters, flags *index, ex *examples) *condEnv {
	env := &condEnv{meters: meters, flags: flags, ex: ex, cfg: map[string]any{}, done: map[string]*cnode{}}
	env.names = append(append(make([]string, 0, len(meters.ids)+len(flags.ids)), meters.ids...), flags.ids...)
	for _, id := range meters.ids {
		env.cfg[id] = 0
	}
	for _, id := range flags.ids {
		env.cfg[id] = false
	}
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
	if env.conf == nil {
		env.conf = conf.New(env.cfg)
		env.conf.Optimize = false
		env.conf.MaxNodes = 200
		env.conf.Strict = true
	}
	cfg := env.conf
	tree, perr := parser.ParseWithConfig(src, cfg)
	if perr != nil {
		return nil, translateExprError(perr)
	}
	// Reject what conditions do not support before the checker sees it, so the
	// message names the construct rather than a type.
	if err := supported(tree.Node); err != nil {
		return nil, err
	}
	isBool, err := typeOf(tree.Node, env)
	if err != nil {
		return nil, err
	}
	if !isBool {
		return nil, &condError{0, fmt.Sprintf("`%s` is a number, not true or false: compare it with something, for example `%s > 50`", src, strings.TrimSpace(src))}
	}
	n := build(tree.Node, env)
	env.done[src] = n
	return n, nil
}

// typeOf checks a condition's types against the scenario's meters (numbers)
// and flags (true or false) and reports whether n is true-or-false. The
// language is small enough that these few rules are its whole type system;
// expr's own checker would add its interpreter to the browser download.
func typeOf(n ast.Node, env *condEnv) (isBool bool, err *condError) {
	at := n.Location().From
	switch n := n.(type) {
	case *ast.IdentifierNode:
		if _, ok := env.meters.byID[n.Value]; ok {
			return false, nil
		}
		if _, ok := env.flags.byID[n.Value]; ok {
			return true, nil
		}
		msg := fmt.Sprintf("unknown meter or flag `%s` in the condition", n.Value)
		switch {
		case Nearest(n.Value, env.names) != "":
			msg += fmt.Sprintf("; did you mean `%s`?", Nearest(n.Value, env.names))
		case len(env.names) > 0:
			msg += fmt.Sprintf(" (the meters and flags are: %s)", strings.Join(quoteAll(env.names), ", "))
		default:
			msg += " (this scenario has no meters or flags)"
		}
		return false, &condError{at, msg}
	case *ast.IntegerNode, *ast.FloatNode:
		return false, nil
	case *ast.BoolNode:
		return true, nil
	case *ast.UnaryNode:
		b, err := typeOf(n.Node, env)
		if err != nil {
			return false, err
		}
		logical := n.Operator == "not" || n.Operator == "!"
		if b != logical {
			if logical {
				return false, &condError{at, fmt.Sprintf("`%s` turns a yes/no flag or condition around, but this is a number: compare it first, for example `%s (%s > 50)`", n.Operator, n.Operator, env.ex.meter(0))}
			}
			return false, &condError{at, fmt.Sprintf("`%s` works on numbers (meters), but this is a flag (yes/no)", n.Operator)}
		}
		return logical, nil
	case *ast.BinaryNode:
		l, err := typeOf(n.Left, env)
		if err != nil {
			return false, err
		}
		r, err := typeOf(n.Right, env)
		if err != nil {
			return false, err
		}
		op := n.Operator
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
	return false, &condError{at, "this cannot be used in a condition; use meters, flags, numbers and < <= > >= == != and or not + - * /"}
}

func supported(n ast.Node) *condError {
	switch n := n.(type) {
	case *ast.IdentifierNode, *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode:
		return nil
	case *ast.UnaryNode:
		switch n.Operator {
		case "not", "!", "-", "+":
			return supported(n.Node)
		}
	case *ast.BinaryNode:
		switch n.Operator {
		case "and", "&&", "or", "||", "<", "<=", ">", ">=", "==", "!=", "+", "-", "*", "/":
			if err := supported(n.Left); err != nil {
				return err
			}
			return supported(n.Right)
		}
		return &condError{n.Location().From, fmt.Sprintf("`%s` is not allowed in a condition; use < <= > >= == != and or not + - * /", n.Operator)}
	case *ast.StringNode:
		return &condError{n.Location().From, "text in quotes cannot be used in a condition: use meter and flag ids without quotes"}
	case *ast.CallNode, *ast.BuiltinNode:
		return &condError{n.Location().From, "functions cannot be used in a condition; use meters, flags, numbers and < <= > >= == != and or not + - * /"}
	}
	return &condError{n.Location().From, "this cannot be used in a condition; use meters, flags, numbers and < <= > >= == != and or not + - * /"}
}

func build(n ast.Node, env *condEnv) *cnode {
	switch n := n.(type) {
	case *ast.IdentifierNode:
		if i, ok := env.meters.byID[n.Value]; ok {
			return &cnode{op: opMeter, idx: i}
		}
		return &cnode{op: opFlag, idx: env.flags.byID[n.Value], isBool: true}
	case *ast.IntegerNode:
		return &cnode{op: opNum, val: float64(n.Value)}
	case *ast.FloatNode:
		return &cnode{op: opNum, val: n.Value}
	case *ast.BoolNode:
		v := 0.0
		if n.Value {
			v = 1
		}
		return &cnode{op: opBool, val: v, isBool: true}
	case *ast.UnaryNode:
		a := build(n.Node, env)
		switch n.Operator {
		case "not", "!":
			return &cnode{op: opNot, a: a, isBool: true}
		case "-":
			return &cnode{op: opNeg, a: a}
		}
		return a
	case *ast.BinaryNode:
		a, b := build(n.Left, env), build(n.Right, env)
		ops := map[string]opcode{
			"and": opAnd, "&&": opAnd, "or": opOr, "||": opOr,
			"<": opLt, "<=": opLe, ">": opGt, ">=": opGe, "==": opEq, "!=": opNe,
			"+": opAdd, "-": opSub, "*": opMul, "/": opDiv,
		}
		op := ops[n.Operator]
		isBool := op <= opOr && op >= opAnd || op >= opLt
		return &cnode{op: op, a: a, b: b, isBool: isBool}
	}
	panic(fmt.Sprintf("scenario: condition node %T passed the check but cannot be built", n))
}

func translateExprError(err error) *condError {
	var fe *file.Error
	if !errors.As(err, &fe) {
		return &condError{0, err.Error()}
	}
	off := fe.From
	msg := fe.Message
	switch {
	case strings.HasPrefix(msg, "unexpected token EOF"):
		msg = "the condition stops too early: something is missing at its end"
	case strings.HasPrefix(msg, "unexpected token"):
		msg = "unexpected " + describeToken(strings.TrimPrefix(msg, "unexpected token ")) + " in the condition"
	case strings.Contains(msg, "unexpected end of"):
		msg = "the condition stops too early: " + msg
	case strings.HasPrefix(msg, "literal not terminated"):
		msg = "a quote is not closed (and text in quotes cannot be used in a condition anyway)"
	}
	return &condError{off, msg}
}

func describeToken(tok string) string {
	// expr prints tokens as Kind("value").
	if i := strings.Index(tok, "(\""); i >= 0 && strings.HasSuffix(tok, "\")") {
		return "`" + tok[i+2:len(tok)-2] + "`"
	}
	return tok
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

// Gap says how far the condition is from holding, in replies: 0 when it
// holds now, about 1 when one reply could make it hold, and more (or +Inf)
// when it is further off. Each comparison of a meter with a number counts
// the points still missing divided by reach(meter), the most that one reply
// can move that meter; "and" takes the largest gap of its parts, "or" the
// smallest. A false flag's gap is flagGap(flag) (nil means +Inf); any
// other test counts 0 when true and +Inf when false. The game uses it to
// warn before a trigger fires.
func (c *Cond) Gap(meters []int, flags []bool, reach func(meter int) float64, flagGap func(flag int) float64) float64 {
	if c == nil {
		return 0
	}
	return c.root.gap(false, meters, flags, reach, flagGap)
}

func (n *cnode) gap(neg bool, m []int, f []bool, reach func(int) float64, flagGap func(int) float64) float64 {
	inf := math.Inf(1)
	switch n.op {
	case opNot:
		return n.a.gap(!neg, m, f, reach, flagGap)
	case opAnd, opOr:
		a, b := n.a.gap(neg, m, f, reach, flagGap), n.b.gap(neg, m, f, reach, flagGap)
		if (n.op == opAnd) != neg {
			return math.Max(a, b)
		}
		return math.Min(a, b)
	case opFlag:
		if f[n.idx] != neg {
			return 0
		}
		if neg || flagGap == nil {
			return inf
		}
		return flagGap(n.idx)
	case opLt, opLe, opGt, opGe:
		op, meter, num := n.op, n.a, n.b
		if n.b.op == opMeter && n.a.op == opNum {
			meter, num = n.b, n.a
			op = map[opcode]opcode{opLt: opGt, opLe: opGe, opGt: opLt, opGe: opLe}[op]
		}
		if meter.op == opMeter && num.op == opNum {
			if neg {
				op = map[opcode]opcode{opLt: opGe, opLe: opGt, opGt: opLe, opGe: opLt}[op]
			}
			v, t := float64(m[meter.idx]), num.val
			var missing float64
			switch op {
			case opLt:
				missing = math.Max(0, v-t+1)
			case opLe:
				missing = math.Max(0, v-t)
			case opGt:
				missing = math.Max(0, t-v+1)
			case opGe:
				missing = math.Max(0, t-v)
			}
			if missing == 0 {
				return 0
			}
			if r := reach(meter.idx); r > 0 {
				return missing / r
			}
			return inf
		}
	}
	if n.truth(m, f) != neg {
		return 0
	}
	return inf
}

// Watched returns, for each meter the condition compares directly with a
// number, the first such number: where a meter's bar marks the trigger's
// threshold.
func (c *Cond) Watched() map[int]int {
	out := map[int]int{}
	for m, ts := range c.Thresholds() {
		if len(ts) > 0 {
			out[m] = int(ts[0])
		}
	}
	return out
}
