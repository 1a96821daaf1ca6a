package check_test

import (
	"fmt"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"bigthree/internal/check"
	"bigthree/internal/rules"
	"bigthree/internal/scenario"
	"bigthree/scenarios"
)

// generate writes a scenario of n short events, each with two replies
// (one conditional and locked; effects, flags, some jumps), for the load
// benchmarks: about 400 bytes an event, the shape of a teacher's quick draft.
func generate(n int) []byte {
	var b strings.Builder
	b.WriteString("format: 1\nid: generated\ntitle: Generated\nplayer: roosevelt\n")
	b.WriteString("characters:\n  roosevelt: {name: Franklin D. Roosevelt, emblem: eagle}\n  stalin: {name: Joseph Stalin, color: \"#a0202a\", emblem: star}\n  churchill: {name: Winston Churchill, emblem: lion}\n")
	b.WriteString("meters:\n  stalin: {label: Stalin's trust, start: 30}\n  churchill: {label: Churchill's trust, start: 70}\n  home: {label: Support at home, start: 55}\n")
	b.WriteString("flags: [a, b, c]\nsources:\n  frus: \"FRUS 1943, doc. 163\"\nevents:\n")
	text := "The Prime Minister has read your message with care."
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "  - id: event-%d\n    date: %d-%02d-%02d\n    kind: letter\n    from: stalin\n    title: Letter number %d\n    source: frus\n", i, 1941+i/3000, 1+i/250%12, 1+i%28, i)
		fmt.Fprintf(&b, "    text: %s\n    choices:\n", text)
		fmt.Fprintf(&b, "      - text: Agree with the marshal, number %d.\n        effects: {stalin: +5, churchill: -3}\n        set: [a]\n        historical: true\n", i)
		fmt.Fprintf(&b, "      - text: Side with the prime minister, number %d.\n        if: home >= 40 and not b\n        locked: Only with support at home.\n        effects: {stalin: \"%%-10\", churchill: \"%%+10\"}\n        clear: [a]\n", i)
		if i%100 == 99 && i+2 < n {
			fmt.Fprintf(&b, "        next: event-%d\n", i+2)
		}
	}
	b.WriteString("triggers:\n  - {if: stalin <= 0, goto: collapse}\nendings:\n  - {id: collapse, if: stalin <= 0, title: Collapse, text: It fell apart.}\n  - {id: alliance, if: stalin >= 60 and churchill >= 60, title: Alliance, text: It held.}\n  - {id: cold, title: Cold peace, text: It cooled.}\n")
	return []byte(b.String())
}

func TestGeneratedScenarioIsClean(t *testing.T) {
	data := generate(300)
	s, diags := check.File("generated.yaml", data)
	if s == nil || diags.HasErrors() {
		t.Fatalf("generated scenario:\n%s", diags)
	}
}

var gen10k = generate(10_000)

// BenchmarkLoad10k loads (parses, validates, compiles) a 10,000-event scenario.
func BenchmarkLoad10k(b *testing.B) {
	b.SetBytes(int64(len(gen10k)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if s, d := scenario.Load("g.yaml", gen10k); s == nil {
			b.Fatal(d)
		}
	}
}

// BenchmarkCheck10k loads and checks the same scenario: the loader, the
// graph checks and the bounded exploration `b3 check` makes.
func BenchmarkCheck10k(b *testing.B) {
	b.SetBytes(int64(len(gen10k)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if s, d := check.File("g.yaml", gen10k); s == nil {
			b.Fatal(d)
		}
	}
}

// BenchmarkYAMLDecode10k is the baseline: a bare yaml.v3 decode of the same
// file into generic values, with no checks at all.
func BenchmarkYAMLDecode10k(b *testing.B) {
	b.SetBytes(int64(len(gen10k)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		var v any
		if err := yaml.Unmarshal(gen10k, &v); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExplore10kRuns makes 10,000 random playthroughs of the example.
func BenchmarkExplore10kRuns(b *testing.B) {
	s := example(b)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		check.Explore(s, check.ExploreOptions{Runs: 10_000, Seed: uint64(i)})
	}
}

var _ = rules.New

// BenchmarkCheckCampaign is `b3 check` on the shipped campaign: load, graph
// checks and the exploration (a walk that gives up at check.WalkStates, then
// 2,000 playthroughs).
func BenchmarkCheckCampaign(b *testing.B) {
	data, err := scenarios.Read(scenarios.Campaign)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		check.File("big-three.yaml", data)
	}
}

// BenchmarkExploreCampaign is `b3 explore` on the campaign with its defaults.
func BenchmarkExploreCampaign(b *testing.B) {
	data, err := scenarios.Read(scenarios.Campaign)
	if err != nil {
		b.Fatal(err)
	}
	s, _ := scenario.Load("big-three.yaml", data)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		check.Explore(s, check.DefaultExplore)
	}
}

// generateMinimal writes n events of the smallest useful shape (id, date,
// title, a sentence, two replies by shorthand): about 130 bytes an event.
func generateMinimal(n int) []byte {
	var b strings.Builder
	b.WriteString("format: 1\ntitle: Minimal\nmeters: {stalin: 30}\nevents:\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "  - id: e%d\n    date: %d-%02d-%02d\n    title: Letter %d\n    text: A short letter.\n    choices: [Agree, Refuse]\n", i, 1941+i/3000, 1+i/250%12, 1+i%28, i)
	}
	b.WriteString("endings:\n  - {id: end, title: The end, text: It ended.}\n")
	return []byte(b.String())
}

var min10k = generateMinimal(10_000)

// BenchmarkCheck10kMinimal loads and checks 10,000 minimal events.
func BenchmarkCheck10kMinimal(b *testing.B) {
	b.SetBytes(int64(len(min10k)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if s, d := check.File("m.yaml", min10k); s == nil {
			b.Fatal(d)
		}
	}
}

// BenchmarkYAMLDecode10kMinimal is its baseline: a bare yaml.v3 decode.
func BenchmarkYAMLDecode10kMinimal(b *testing.B) {
	b.SetBytes(int64(len(min10k)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		var v any
		if err := yaml.Unmarshal(min10k, &v); err != nil {
			b.Fatal(err)
		}
	}
}
