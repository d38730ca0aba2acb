package seal

import "testing"

// BenchmarkSealHash is the per-person cost of storing one ID number and
// one phone: two seals and one keyed hash.
func BenchmarkSealHash(b *testing.B) {
	for _, c := range []string{"aes", "sm4"} {
		r := newRing(b, c)
		b.Run(c, func(b *testing.B) {
			for b.Loop() {
				r.Seal("222424198001010225")
				r.Seal("13900001111")
				r.Hash("222424198001010225")
			}
		})
	}
}

// BenchmarkOpen is the cost of reading one sealed ID number.
func BenchmarkOpen(b *testing.B) {
	for _, c := range []string{"aes", "sm4"} {
		r := newRing(b, c)
		s := r.Seal("222424198001010225")
		b.Run(c, func(b *testing.B) {
			for b.Loop() {
				r.Open(s)
			}
		})
	}
}
