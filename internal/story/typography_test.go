package story

import "testing"

func TestTypeset(t *testing.T) {
	for _, c := range []struct{ have, want string }{
		{"", ""},
		{"No marks at all.", "No marks at all."},
		{`He said "come" and went.`, "He said “come” and went."},
		{`"At the start," he wrote.`, "“At the start,” he wrote."},
		{`A quote ("in brackets") here.`, "A quote (“in brackets”) here."},
		{`She wrote: "He said 'never' twice."`, "She wrote: “He said ‘never’ twice.”"},
		{"Don't; Roosevelt's; the Allies' plan.", "Don’t; Roosevelt’s; the Allies’ plan."},
		{"The winter of '41 was hard.", "The winter of ’41 was hard."},
		{"'Tis so.", "‘Tis so."},
		{"1941--1945", "1941–1945"},
		{"a pause---then", "a pause—then"},
		{"Moscow -- then London", "Moscow – then London"},
		{"Moscow - then London", "Moscow – then London"},
		{"well-known, Anglo-Soviet", "well-known, Anglo-Soviet"},
		{"-5 degrees", "-5 degrees"},
		{"Wait...", "Wait…"},
		{"The end.", "The end."},
		{`"--" alone`, "“–” alone"},
		{"Already “curly” and ’41", "Already “curly” and ’41"},
	} {
		if got := Typeset(c.have); got != c.want {
			t.Errorf("Typeset(%q) = %q, want %q", c.have, got, c.want)
		}
	}
}

func TestTypesetCleanTextDoesNotAllocate(t *testing.T) {
	s := "A plain sentence, with commas; and a well-known hyphen."
	if n := testing.AllocsPerRun(100, func() { _ = Typeset(s) }); n != 0 {
		t.Errorf("Typeset of clean text allocated %v times, want 0", n)
	}
}
