package rules

import "testing"

// TestLowerOrTitle checks lowerOrTitle against lowerOrTitleRunes, which
// decodes every rune, on ASCII words and words with letters outside it.
func TestLowerOrTitle(t *testing.T) {
	for _, w := range []string{"", "a", "A", "ab", "Ab", "aB", "AB", "longterm", "Longterm", "LongTerm", "longterM",
		"émile", "Émile", "ÉMILE", "éMile", "naïve", "NaÏve", "Naïve", "ÇaVa", "çava", "x-Ray", "Ω", "ωΩ", "aΩ", "Aω"} {
		if got, want := lowerOrTitle(w), lowerOrTitleRunes(w); got != want {
			t.Errorf("lowerOrTitle(%q) = %v, want %v", w, got, want)
		}
	}
}
