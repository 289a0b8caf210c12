package spell

import (
	"math/rand/v2"
	"testing"
)

// TestShapeASCII checks shapeOf's byte-at-a-time classification of
// ASCII words against the classification by the unicode tables.
func TestShapeASCII(t *testing.T) {
	words := []string{"", "a", "A", "ab", "Ab", "AB", "aB", "iPhone", "McDonald", "CiA", "KGB's",
		"long-term", "x1", "1X", "--", "O'Neil", "NASA-led", "e.g.", "Followig", "3D", "ÉCOLE", "École", "éA"}
	rng := rand.New(rand.NewPCG(1, 2))
	const alphabet = "aAbBzZ-'. 09"
	for range 5000 {
		b := make([]byte, rng.IntN(8))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		words = append(words, string(b))
	}
	for _, w := range words {
		if got, want := shapeOf(w), shapeOfRunes(w); got != want {
			t.Errorf("shapeOf(%q) = %d, by the unicode tables %d", w, got, want)
		}
	}
}
