package scenario

import (
	"strings"
	"testing"
)

func testEnv() *condEnv {
	meters := &index{kind: "meter", code: "unknown-meter", byID: map[string]int{}}
	for i, id := range []string{"stalin", "churchill", "home"} {
		meters.add(id, i)
	}
	flags := &index{kind: "flag", code: "unknown-flag", byID: map[string]int{}}
	for i, id := range []string{"bomb_secret", "hopkins_sent"} {
		flags.add(id, i)
	}
	return newCondEnv(meters, flags, &examples{meters: []string{"stalin", "churchill"}, flags: []string{"bomb_secret", "hopkins_sent"}})
}

func TestCondEval(t *testing.T) {
	meters := []int{60, 40, 55}
	flags := []bool{false, true}
	for _, tc := range []struct {
		src  string
		want bool
	}{
		{"stalin >= 60 and not bomb_secret", true},
		{"stalin > 60", false},
		{"home < 40 or churchill > 30", true},
		{"(stalin + churchill) / 2 > 50", false},
		{"(stalin + churchill) / 2 >= 50", true},
		{"hopkins_sent", true},
		{"!hopkins_sent || bomb_secret", false},
		{"hopkins_sent == true", true},
		{"bomb_secret != hopkins_sent", true},
		{"stalin == 60 && churchill != 40", false},
		{"-stalin < 0", true},
		{"stalin * 2 == 120", true},
		{"true", true},
		{"false or stalin - 10 == 50", true},
		{"50 < stalin < 70", true},
		{"50 < stalin < 55", false},
		{"stalin > 5; ", true},
		{"0x3C == stalin and 1_000 > 999 and .5 < 1", true},
		{"stalin > 5 // a note", true},
		{"not hopkins_sent or -2 * -3 == 6", true},
	} {
		root, err := compileCond(tc.src, testEnv())
		if err != nil {
			t.Errorf("%q: %v", tc.src, err)
			continue
		}
		c := &Cond{Src: tc.src, root: root}
		if got := c.Eval(meters, flags); got != tc.want {
			t.Errorf("%q = %v, want %v", tc.src, got, tc.want)
		}
	}
}

func TestCondErrors(t *testing.T) {
	for _, tc := range []struct {
		src    string
		offset int
		want   string
	}{
		{"stalni > 3", 0, "did you mean `stalin`"},
		{"stalin > 3 and bom_secret", 15, "did you mean `bomb_secret`"},
		{"stalin = 50", 7, "write =="},
		{"stalin >", 7, "stops too early"},
		{"stalin > 'x'", 9, "text in quotes"},
		{"stalin", 0, "is a number, not true or false"},
		{"len(stalin) > 2", 0, "functions cannot be used"},
		{"stalin in [1, 2]", 7, "`in` is not allowed"},
		{"stalin and home", 7, "joins yes/no conditions"},
		{"bomb_secret > 3", 12, "compares numbers"},
		{"", 0, "empty"},
		{"stalin > 5 @ home", 11, "`@` cannot be used in a condition"},
		{"stalin > 12abc", 9, "`12abc` is not a number"},
		{"stalin > 5 /* note", 18, "comment that starts with /* is not closed"},
		{"stalin > 5 and 'x' == 'x'", 15, "text in quotes"},
		{"stalin > 5 stalin", 11, "unexpected `stalin`"},
		{"(stalin > 5", 10, "stops too early"},
		{"not stalin > 5", 0, "`not` turns a yes/no flag or condition around"},
		{"stalin % 2 == 0", 7, "`%` is not allowed"},
		{"stalin.x > 1", 7, "this cannot be used"},
		{strings.Repeat("1+", 120) + "1 > 0", 0, "more than 200 parts"},
		{strings.Repeat("stalin > 1 and ", 40) + "true", 0, "characters long"},
	} {
		_, err := compileCond(tc.src, testEnv())
		if err == nil {
			t.Errorf("%q: no error", tc.src)
			continue
		}
		ce := err
		if !strings.Contains(ce.Msg, tc.want) {
			t.Errorf("%q: message %q does not contain %q", tc.src, ce.Msg, tc.want)
		}
		if ce.Offset != tc.offset {
			t.Errorf("%q: offset %d, want %d (%s)", tc.src, ce.Offset, tc.offset, ce.Msg)
		}
	}
}

func TestThresholds(t *testing.T) {
	root, err := compileCond("stalin >= 60 and 40 > home or churchill < 10", testEnv())
	if err != nil {
		t.Fatal(err)
	}
	c := &Cond{root: root}
	th := c.Thresholds()
	if th[0][0] != 60 || th[2][0] != 40 || th[1][0] != 10 || c.Arithmetic() {
		t.Errorf("thresholds %v, arithmetic %v", th, c.Arithmetic())
	}
}

func TestParseEffect(t *testing.T) {
	for _, tc := range []struct {
		in string
		op EffectOp
		n  int
		ok bool
	}{
		{"+15", Add, 15, true},
		{"15", Add, 15, true},
		{"-10", Add, -10, true},
		{"%+20", FairUp, 20, true},
		{"%-20", FairDown, 20, true},
		{"% -20", FairDown, 20, true},
		{"=50", SetTo, 50, true},
		{"%20", 0, 0, false},
		{"%+120", 0, 0, false},
		{"lots", 0, 0, false},
		{"+1.5", 0, 0, false},
	} {
		op, n, ok := parseEffect(tc.in)
		if ok != tc.ok || ok && (op != tc.op || n != tc.n) {
			t.Errorf("parseEffect(%q) = %v %d %v, want %v %d %v", tc.in, op, n, ok, tc.op, tc.n, tc.ok)
		}
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Promise aid at once, before Congress agrees.": "promise-aid-at-once-before",
		"Принять предложение":                          "принять-предложение",
		"!!!":                                          "reply",
		strings.Repeat("𠀀", 11):                        strings.Repeat("𠀀", 10),
		strings.Repeat("x", 50):                        strings.Repeat("x", 20),
	} {
		if got := slug(in); got != want {
			t.Errorf("slug(%q) = %q, want %q", in, got, want)
		}
	}
}
