package prose

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestMarkRange compares markRange with setting the bits one by one, on
// random words and ranges that start and end at every place in and
// across words, and reach past the end of the bits.
func TestMarkRange(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 9))
	for range 20000 {
		n := r.IntN(4)
		bits := make([]uint64, n)
		for k := range bits {
			bits[k] = r.Uint64() & r.Uint64()
		}
		from := r.IntN(64*n + 70)
		to := from + r.IntN(200)
		if r.IntN(8) == 0 {
			to = from - r.IntN(3) // empty
		}
		want := slices.Clone(bits)
		for k := from; k < to && k < 64*n; k++ {
			want[k>>6] |= 1 << (k & 63)
		}
		got := slices.Clone(bits)
		markRange(got, from, to)
		if !slices.Equal(got, want) {
			t.Fatalf("markRange(%x, %d, %d) = %x, want %x", bits, from, to, got, want)
		}
	}
}
