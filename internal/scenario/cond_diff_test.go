package scenario

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// The differential test: condparse.go against the expr-based parser it
// replaced (condexpr_test.go), on conditions made at random from the
// language's tokens and from a few that conditions do not allow. Both must
// accept the same conditions and build the same trees; for a condition
// with a problem, both must report it with the same words at the same
// place, except where the new words are deliberately better (improved).

func exprEnvFor(env *condEnv) *exprEnv {
	return newExprEnv(env.meters, env.flags, env.ex)
}

// improved reports whether the old message is one the new parser words
// differently on purpose: expr's own messages, which name its tokens and
// internals rather than telling a teacher what to write.
func improved(oldMsg string) bool {
	for _, p := range []string{
		"unrecognized character", "bad number syntax", "compilation failed",
		"the condition stops too early: unexpected end of expression", "unclosed comment",
		"invalid ", "expected name", "Operator (", "unexpected String(", "unexpected `\"",
		"integer literal is too large", "expected at least", "a map key must be",
		"wrap predicate", "`|` is not allowed", "unexpected `#", "unexpected `::`",
	} {
		if strings.Contains(oldMsg, p) {
			return true
		}
	}
	return false
}

// exotic reports whether src uses syntax that conditions never allow and
// whose exact message the new parser does not copy (a list, a map, a
// member, a pipe, a ternary, bytes, a function of expr's with arguments of
// its own kind): both must reject it, in any words.
func exotic(src string) bool {
	return strings.ContainsAny(src, "[]{}.?|#:;`$") || strings.Contains(strings.ToLower(src), "b'") || strings.Contains(strings.ToLower(src), "b\"") ||
		strings.Contains(src, "not in") || strings.Contains(src, "let") || strings.Contains(src, "if")
}

func compareConds(t *testing.T, src string) {
	t.Helper()
	env := testEnv()
	newRoot, newErr := compileCond(src, env)
	oldRoot, oldErr := compileCondExpr(src, exprEnvFor(env))
	switch {
	case (newErr == nil) != (oldErr == nil):
		t.Fatalf("%q: new error %v, old error %v", src, newErr, oldErr)
	case newErr == nil:
		if !reflect.DeepEqual(newRoot, oldRoot) {
			t.Fatalf("%q: the trees differ", src)
		}
	case improved(oldErr.Msg) || exotic(src):
	case strings.HasPrefix(newErr.Msg, "text in quotes") && strings.HasPrefix(oldErr.Msg, "unexpected "):
		// expr named the text without its quotes.
	case strings.HasPrefix(oldErr.Msg, "a quote is not closed") || strings.HasPrefix(newErr.Msg, "a quote is not closed"):
		// expr's lexer reads ahead and reports an unclosed quote after the
		// first problem of a condition that has two; the new one names the first.
	case newErr.Msg != oldErr.Msg || newErr.Offset != oldErr.Offset:
		t.Fatalf("%q:\n new %d: %s\n old %d: %s", src, newErr.Offset, newErr.Msg, oldErr.Offset, oldErr.Msg)
	}
}

var condTokens = []string{
	"stalin", "churchill", "home", "bomb_secret", "hopkins_sent", "stlin", "bom_secret", "x",
	"0", "60", "1.5", "0x1F", "1_000", "1e2", ".5", "12abc", "5.", "99999999999999999999",
	"true", "false", "nil",
	"and", "or", "not", "&&", "||", "!", "<", "<=", ">", ">=", "==", "!=", "=",
	"+", "-", "*", "/", "%", "**", "^", "in", "..", "??", "?", ":", ",", ";", ".", "&",
	"(", ")", "(", ")", "[", "]", "{", "}",
	"'x'", `"y"`, "'open", "len(", "max(", "// note", "/* c */", "/* open", "@", "é", "#",
}

func randomTokens(r *rand.Rand) string {
	var b strings.Builder
	n := 1 + r.IntN(9)
	for i := 0; i < n; i++ {
		if i > 0 && r.IntN(4) > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(condTokens[r.IntN(len(condTokens))])
	}
	return b.String()
}

// randomCond makes a condition of the documented language, with now and
// then one token wrong.
func randomCond(r *rand.Rand, depth int, wantBool bool) string {
	if depth <= 0 || r.IntN(3) == 0 {
		if wantBool {
			return []string{"bomb_secret", "hopkins_sent", "true", "false"}[r.IntN(4)]
		}
		return []string{"stalin", "churchill", "home", "0", "60", "7", "2.5"}[r.IntN(7)]
	}
	sub := func(b bool) string { return randomCond(r, depth-1, b) }
	if wantBool {
		switch r.IntN(6) {
		case 0:
			return sub(true) + []string{" and ", " or ", " && ", " || "}[r.IntN(4)] + sub(true)
		case 1:
			return []string{"not ", "!", "not("}[r.IntN(3)] + sub(true) + map[bool]string{true: ")", false: ""}[r.IntN(2) == 0]
		case 2:
			return "(" + sub(true) + ")"
		case 3:
			return sub(false) + []string{" < ", " <= ", " > ", " >= "}[r.IntN(4)] + sub(false) + map[bool]string{true: " < " + sub(false), false: ""}[r.IntN(4) == 0]
		case 4:
			b := r.IntN(2) == 0
			return sub(b) + []string{" == ", " != "}[r.IntN(2)] + sub(b)
		default:
			return sub(r.IntN(2) == 0) + []string{" == ", " < ", " and ", " % "}[r.IntN(4)] + sub(r.IntN(2) == 0)
		}
	}
	switch r.IntN(4) {
	case 0:
		return sub(false) + []string{" + ", " - ", " * ", " / ", "+", "-"}[r.IntN(6)] + sub(false)
	case 1:
		return "-" + sub(false)
	case 2:
		return "(" + sub(false) + ")"
	default:
		return sub(false)
	}
}

func mutate(r *rand.Rand, src string) string {
	if len(src) == 0 || r.IntN(3) > 0 {
		return src
	}
	i := r.IntN(len(src))
	switch r.IntN(3) {
	case 0:
		return src[:i] + src[i+1:]
	case 1:
		return src[:i] + condTokens[r.IntN(len(condTokens))] + src[i:]
	default:
		return src[:i]
	}
}

func TestCondMatchesExpr(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	n := 40000
	if testing.Short() {
		n = 4000
	}
	accepted := 0
	for i := 0; i < n; i++ {
		src := randomTokens(r)
		if i%2 == 1 {
			src = mutate(r, randomCond(r, 4, true))
		}
		compareConds(t, src)
		if _, err := compileCond(src, testEnv()); err == nil {
			accepted++
		}
	}
	if accepted < n/10 {
		t.Errorf("only %d of %d conditions were valid: the test compares too few trees", accepted, n)
	}
}

func FuzzCondMatchesExpr(f *testing.F) {
	for _, s := range []string{"stalin >= 60 and not bomb_secret", "0 < home < 10", "-stalin * 2 == 120", "a not in b", "(", "'x", "1..2", "stalin > 5;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > MaxCondLen {
			return
		}
		compareConds(t, src)
	})
}

// BenchmarkCondCompile compiles 500 valid conditions of the documented
// language with the new parser and with the old one, each time in a fresh
// environment (no cache), so that the two sub-benchmarks give the ratio.
func BenchmarkCondCompile(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	var conds []string
	for len(conds) < 500 {
		if c := randomCond(r, 4, true); func() bool { _, err := compileCond(c, testEnv()); return err == nil }() {
			conds = append(conds, c)
		}
	}
	b.Run("new", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			env := testEnv()
			for _, c := range conds {
				compileCond(c, env)
			}
		}
	})
	b.Run("expr", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			env := exprEnvFor(testEnv())
			for _, c := range conds {
				compileCondExpr(c, env)
			}
		}
	})
}
