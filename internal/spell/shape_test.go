package spell

import (
	"math/rand/v2"
	"strings"
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

// TestCheckASCII checks Check's one-pass reading of ASCII words
// (findASCII, classesOf) against find and the byte-by-byte tests it
// replaces: the verdicts of check on the words as they are.
func TestCheckASCII(t *testing.T) {
	d := Builtin()
	x := d.b.keys
	var words []string
	for i := 0; i < x.len(); i += 11 {
		k := x.key(uint32(i))
		words = append(words, k, capitalize(k), strings.ToUpper(k), k+"s", k[:len(k)/2])
	}
	rng := rand.New(rand.NewPCG(3, 4))
	const alphabet = "aAeEkKtTzZ-'. 09"
	for range 20000 {
		b := make([]byte, 5+rng.IntN(8))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		words = append(words, string(b))
	}
	words = append(words, "Zelníčková", "naïve", "don’t", "KGB’s", "officers'", "long-term", "U.S.A.", "1980s")
	for _, w := range words {
		k, cls, ok := d.b.findASCII(w)
		if ok != isASCII(w) {
			t.Fatalf("findASCII(%q): ascii %v", w, ok)
		}
		if !ok {
			continue
		}
		if want := d.b.find(w); k != want {
			t.Errorf("findASCII(%q) = %+v, find %+v", w, k, want)
		}
		if want := slowClasses(w); cls != want || classesOf(w) != want {
			t.Errorf("classes of %q: findASCII %b, classesOf %b, want %b", w, cls, classesOf(w), want)
		}
	}
	for _, w := range words {
		if got, want := d.Check(w), d.checkSlow(w); got != want {
			t.Errorf("Check(%q) = %+v, by check %+v", w, got, want)
		}
	}
}

// slowClasses is classesOf by the byte tests it replaces.
func slowClasses(w string) uint8 {
	var cls uint8
	for _, c := range []byte(w) {
		switch {
		case 'A' <= c && c <= 'Z':
			cls |= clsUpper
		case '0' <= c && c <= '9':
			cls |= clsDigit
		case c == '.':
			cls |= clsDot
		case c == '\'':
			cls |= clsApos
		case c == '-':
			cls |= clsHyphen
		case c >= 0x80:
			cls |= clsNonASCII
		}
	}
	return cls
}
