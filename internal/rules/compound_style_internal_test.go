package rules

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

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

// TestClosedSpellings checks what closedSpellings reads of the letters:
// the runes strings.ToLower maps to an ASCII letter are the letter, its
// capital, and the Kelvin sign (k) and İ (i), both capitals, which a
// closed spelling has only first (lowerOrTitle).
func TestClosedSpellings(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		l := unicode.ToLower(r)
		if l >= utf8.RuneSelf || !unicode.IsLetter(l) || r == l || r == unicode.ToUpper(l) && r < utf8.RuneSelf {
			continue
		}
		switch {
		case r == '\u212A' && l == 'k', r == '\u0130' && l == 'i':
		default:
			t.Errorf("%U lowers to %q: closedSpellings does not look for it", r, l)
			continue
		}
		if !unicode.IsUpper(r) {
			t.Errorf("%U is not a capital: lowerOrTitle passes it after the first letter", r)
		}
	}
}

// TestCompoundKeyASCII checks compoundKeyASCII against compoundKeyRunes
// on random texts of letters in either case, hyphens, a digit or an
// apostrophe, and a letter outside ASCII (which it must leave to
// compoundKeyRunes unless a part before it is found wanting).
func TestCompoundKeyASCII(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 23))
	pieces := []string{"a", "b", "e", "m", "n", "r", "u", "x", "A", "R", "U", "Z", "z", "-", "-", "-", "1", "'", "é", "co", "op", "re", "un", "sign", "ly"}
	done := 0
	for range 200000 {
		var b strings.Builder
		for range 1 + rng.IntN(7) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := b.String()
		lower := strings.ToLower(text)
		key, ok, fin := compoundKeyASCII(text, lower)
		if !fin {
			if isASCII8(text) && strings.Contains(text, "-") {
				t.Errorf("compoundKeyASCII(%q) left it to compoundKeyRunes", text)
			}
			continue
		}
		done++
		if wkey, wok := compoundKeyRunes(text, lower); key != wkey || ok != wok {
			t.Fatalf("compoundKeyASCII(%q) = %q, %v; compoundKeyRunes: %q, %v", text, key, ok, wkey, wok)
		}
	}
	for _, w := range []string{"co-op", "Co-Op", "re-sign", "Un-ionized", "multi-ply", "e-mail", "E-mail", "x-Ray", "long-term", "a-b"} {
		key, ok, _ := compoundKeyASCII(w, strings.ToLower(w))
		if wkey, wok := compoundKeyRunes(w, strings.ToLower(w)); key != wkey || ok != wok {
			t.Errorf("compoundKeyASCII(%q) = %q, %v; compoundKeyRunes: %q, %v", w, key, ok, wkey, wok)
		}
	}
	if done < 100000 {
		t.Errorf("compoundKeyASCII decided %d texts: the test says little", done)
	}
}
