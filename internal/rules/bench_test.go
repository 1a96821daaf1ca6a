package rules_test

import (
	"testing"

	"bigthree/internal/rules"
)

// BenchmarkChoose measures one choice: options, effects, triggers, the
// history record and the move on. Runs are reset (keeping their memory)
// when they end, so allocations are those of the choice itself.
func BenchmarkChoose(b *testing.B) {
	s := example(b)
	r := rules.New(s)
	var opts []rules.Option
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if r.Over() {
			r.Reset()
		}
		opts = r.Options(opts)
		pick := opts[i%len(opts)]
		if pick.Locked {
			pick = opts[0]
		}
		if err := r.ChooseIndex(pick.Index); err != nil {
			b.Fatal(err)
		}
	}
}
