package scenario

import "math"

// MaxCondLen is the longest condition accepted, in bytes. Conditions are
// meant to be short; a longer one is almost always a paste gone wrong.
const MaxCondLen = 400

// Cond is a compiled condition over a scenario's meters and flags, such as
// `trust >= 60 and not letter_sent`.
//
// Conditions are parsed and type-checked when the file loads (condparse.go,
// a small parser of its own: a general expression library would add most of
// its size to the Studio's checker in the browser), then compiled into a
// small tree that is evaluated without allocating: choosing must cost
// nothing beyond the history record.
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
