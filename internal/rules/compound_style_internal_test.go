package rules

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/edlint/edlint/internal/prose"
)

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

// commonFormRef is commonForm with a map alone.
func commonFormRef(uses []compoundUse) string {
	count := map[string]int{}
	best, bestN := "", 0
	for _, u := range uses {
		w := u.doc.Slice(u.span)
		n := 1
		if isLowerASCII(w) {
			n = 2
		}
		count[w] += n
		if count[w] > bestN {
			best, bestN = w, count[w]
		}
	}
	return best
}

// TestCommonForm checks commonForm, which counts in a list until it has
// formListMax spellings, against commonFormRef, on the uses of random
// drafts of a few spellings and of more than the list holds.
func TestCommonForm(t *testing.T) {
	r := rand.New(rand.NewPCG(45, 46))
	forms := []string{"long-term", "Long-term", "longterm", "Long-Term", "LONG-TERM", "long-Term", "Longterm",
		"LONGTERM", "lOng-term", "loNg-term", "lonG-term", "long-tErm", "Naïve-ish", "naïve-ish"}
	for range 2000 {
		k := 1 + r.IntN(len(forms))
		var b strings.Builder
		var spans []prose.Span
		for range 1 + r.IntN(40) {
			f := forms[r.IntN(k)]
			spans = append(spans, prose.Span{Start: b.Len(), End: b.Len() + len(f)})
			b.WriteString(f + " ")
		}
		d := prose.Parse("x.txt", []byte(b.String()), prose.Plain)
		uses := make([]compoundUse, len(spans))
		for i, s := range spans {
			uses[i] = compoundUse{doc: d, span: s}
		}
		if got, want := commonForm(uses), commonFormRef(uses); got != want {
			t.Fatalf("%q: commonForm = %q, want %q", b.String(), got, want)
		}
	}
}
