package spell

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestExpansionPairs checks that the pairs HasCommonNeighbour reads as
// one letter are all that fold makes of one rune in ASCII.
func TestExpansionPairs(t *testing.T) {
	if testing.Short() {
		t.Skip("scans every rune")
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		f := fold(string(r))
		if len(f) < 2 || !isASCII(f) {
			continue
		}
		if len(f) != 2 || !expansionPair(f[0], f[1]) {
			t.Errorf("fold(%q) = %q: not a known expansion", r, f)
		}
	}
}

// TestHasCommonNeighbour compares HasCommonNeighbour with a scan of every
// form of the dictionary, on typos of common words and random strings.
func TestHasCommonNeighbour(t *testing.T) {
	d := Builtin()
	b := d.b
	const minFreq = 20
	type cand struct {
		lower string
		first rune
	}
	// The suggestions a form can become, for a Title and an UPPER word.
	lists := map[string][]cand{}
	var common []string
	for _, typed := range []string{"Xx", "XX"} {
		for id := uint32(0); id < uint32(b.keys.len()); id++ {
			if int(b.count(id)) < minFreq {
				continue
			}
			add := func(s string) {
				if strings.Contains(s, " ") || d.Freq(s) < minFreq {
					return
				}
				r, _ := utf8.DecodeRuneInString(s)
				lists[typed] = append(lists[typed], cand{strings.ToLower(s), unicode.ToLower(r)})
			}
			b.forms(id, func(form string, _ entryFlag) bool {
				add(adaptForm(form, typed))
				return true
			})
			add(b.keys.key(id))
			if typed == "Xx" {
				k := b.keys.key(id)
				ok := len(k) >= 3
				for i := 0; i < len(k); i++ {
					ok = ok && k[i] >= 'a' && k[i] <= 'z'
				}
				if ok {
					common = append(common, k)
				}
			}
		}
	}
	brute := func(word string, maxDist int) bool {
		typed := "Xx"
		if strings.ToUpper(word) == word && len(word) > 1 {
			typed = "XX"
		}
		f := strings.ToLower(word)
		for _, c := range lists[typed] {
			if c.first == rune(f[0]) && Distance(f, c.lower) <= maxDist {
				return true
			}
		}
		return false
	}
	rng := rand.New(rand.NewPCG(1, 2))
	letters := "abcdefghijklmnopqrstuvwxyz"
	edit := func(w string) string {
		i := rng.IntN(len(w) + 1)
		c := string(letters[rng.IntN(26)])
		switch rng.IntN(4) {
		case 0:
			return w[:i] + c + w[i:]
		case 1:
			if i < len(w) {
				return w[:i] + w[i+1:]
			}
		case 2:
			if i < len(w) {
				return w[:i] + c + w[i+1:]
			}
		default:
			if i+1 < len(w) {
				return w[:i] + w[i+1:i+2] + w[i:i+1] + w[i+2:]
			}
		}
		return w
	}
	n := 4000
	if testing.Short() {
		n = 400
	}
	yes := [3]int{}
	for k := 0; k < n; k++ {
		var w string
		switch k % 4 {
		case 0: // random letters
			m := 2 + rng.IntN(9)
			var sb strings.Builder
			for range m {
				sb.WriteByte(letters[rng.IntN(26)])
			}
			w = sb.String()
		default: // one to three edits of a common word
			w = common[rng.IntN(len(common))]
			for range k % 4 {
				w = edit(w)
			}
		}
		if w == "" {
			continue
		}
		w = strings.ToUpper(w[:1]) + w[1:]
		if k%7 == 0 {
			w = strings.ToUpper(w)
		}
		for dist := 1; dist <= 2; dist++ {
			got, want := d.HasCommonNeighbour(w, dist, minFreq), brute(w, dist)
			if got != want {
				t.Errorf("HasCommonNeighbour(%q, %d) = %v, scan says %v", w, dist, got, want)
			}
			if got {
				yes[dist]++
			}
		}
	}
	t.Logf("%d words: %d within 1, %d within 2", n, yes[1], yes[2])
}
