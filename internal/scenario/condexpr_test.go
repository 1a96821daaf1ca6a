package scenario

// The conditions' parser before condparse.go: expr-lang/expr's parser with
// the checks that conditions add. It stays here, in a test, only so that
// cond_diff_test.go can show that condparse.go accepts the same conditions,
// builds the same trees and reports the same problems at the same places.

import (
	"errors"
	"fmt"
	"strings"

	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/conf"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/parser"
)

// condEnv describes the names a condition may use.
type exprEnv struct {
	meters, flags *index
	names         []string // every meter and flag id, for suggestions
	ex            *examples
	cfg           map[string]any
	conf          *conf.Config
	// done remembers compiled conditions: scenarios repeat the same ones
	// (`home < 40`) many times, and a compiled tree is never changed.
	done map[string]*cnode
}

func newExprEnv(meters, flags *index, ex *examples) *exprEnv {
	env := &exprEnv{meters: meters, flags: flags, ex: ex, cfg: map[string]any{}, done: map[string]*cnode{}}
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
func compileCondExpr(src string, env *exprEnv) (*cnode, *condError) {
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
		return nil, translateExprErrorOld(perr)
	}
	// Reject what conditions do not support before the checker sees it, so the
	// message names the construct rather than a type.
	if err := supportedExpr(tree.Node); err != nil {
		return nil, err
	}
	isBool, err := typeOfExpr(tree.Node, env)
	if err != nil {
		return nil, err
	}
	if !isBool {
		return nil, &condError{0, fmt.Sprintf("`%s` is a number, not true or false: compare it with something, for example `%s > 50`", src, strings.TrimSpace(src))}
	}
	n := buildExpr(tree.Node, env)
	env.done[src] = n
	return n, nil
}

// typeOf checks a condition's types against the scenario's meters (numbers)
// and flags (true or false) and reports whether n is true-or-false. The
// language is small enough that these few rules are its whole type system;
// expr's own checker would add its interpreter to the browser download.
func typeOfExpr(n ast.Node, env *exprEnv) (isBool bool, err *condError) {
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
		b, err := typeOfExpr(n.Node, env)
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
		l, err := typeOfExpr(n.Left, env)
		if err != nil {
			return false, err
		}
		r, err := typeOfExpr(n.Right, env)
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

func supportedExpr(n ast.Node) *condError {
	switch n := n.(type) {
	case *ast.IdentifierNode, *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode:
		return nil
	case *ast.UnaryNode:
		switch n.Operator {
		case "not", "!", "-", "+":
			return supportedExpr(n.Node)
		}
	case *ast.BinaryNode:
		switch n.Operator {
		case "and", "&&", "or", "||", "<", "<=", ">", ">=", "==", "!=", "+", "-", "*", "/":
			if err := supportedExpr(n.Left); err != nil {
				return err
			}
			return supportedExpr(n.Right)
		}
		return &condError{n.Location().From, fmt.Sprintf("`%s` is not allowed in a condition; use < <= > >= == != and or not + - * /", n.Operator)}
	case *ast.StringNode:
		return &condError{n.Location().From, "text in quotes cannot be used in a condition: use meter and flag ids without quotes"}
	case *ast.CallNode, *ast.BuiltinNode:
		return &condError{n.Location().From, "functions cannot be used in a condition; use meters, flags, numbers and < <= > >= == != and or not + - * /"}
	}
	return &condError{n.Location().From, "this cannot be used in a condition; use meters, flags, numbers and < <= > >= == != and or not + - * /"}
}

func buildExpr(n ast.Node, env *exprEnv) *cnode {
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
		a := buildExpr(n.Node, env)
		switch n.Operator {
		case "not", "!":
			return &cnode{op: opNot, a: a, isBool: true}
		case "-":
			return &cnode{op: opNeg, a: a}
		}
		return a
	case *ast.BinaryNode:
		a, b := buildExpr(n.Left, env), buildExpr(n.Right, env)
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

func translateExprErrorOld(err error) *condError {
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
