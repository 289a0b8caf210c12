package spell

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/edlint/edlint/internal/shareddir"
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

// TestHasCommonNeighbourWalks compares the bit-parallel walk with the
// plain table it replaced (neighbour_oracle_test.go), question by
// question and without the memo: the capitalised unknown words of the
// shared corpora and samples (the questions the rules ask), edits of
// dictionary words, and random strings, at distances 0 to 2 and several
// frequencies, in the built-in dictionary and one with added words.
func TestHasCommonNeighbourWalks(t *testing.T) {
	base := Builtin()
	dicts := []*Dict{base, base.WithWords([]string{"Strassburg", "Scarvio", "Kamelot", "Smørrebrød", "Thørsen", "satyendro"})}
	rng := rand.New(rand.NewPCG(3, 4))
	var words []string
	seen := map[string]bool{}
	add := func(w string) {
		if w != "" && len(w) <= 64 && !seen[w] {
			seen[w] = true
			words = append(words, w)
		}
	}
	// Real questions: capitalised ASCII tokens the dictionary does not
	// accept.
	if sh := shareddir.Find(); sh != "" {
		files, _ := filepath.Glob(filepath.Join(sh, "corpora", "clean", "*.txt"))
		samples, _ := filepath.Glob(filepath.Join(sh, "samples", "*.txt"))
		real := 0
		for _, name := range append(files, samples...) {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			for _, tok := range strings.FieldsFunc(string(data), func(r rune) bool { return r >= utf8.RuneSelf || !unicode.IsLetter(r) }) {
				if tok[0] >= 'A' && tok[0] <= 'Z' && !seen[tok] && !base.Check(tok).OK() {
					add(tok)
					real++
				}
			}
		}
		t.Logf("%d unknown capitalised words from ../shared", real)
	} else {
		t.Log("../shared not found: only made-up words")
	}
	letters := "abcdefghijklmnopqrstuvwxyz"
	b := base.b
	n := 3000
	if testing.Short() {
		n = 300
	}
	for range n {
		// A dictionary key (letters only) with up to three edits, in one
		// of three shapes; or random letters, some of them long.
		var w string
		switch k := rng.IntN(5); k {
		case 0:
			m := 1 + rng.IntN(12)
			if rng.IntN(8) == 0 {
				m = 1 + rng.IntN(64)
			}
			var sb strings.Builder
			for range m {
				sb.WriteByte(letters[rng.IntN(26)])
			}
			w = sb.String()
		default:
			key := b.keys.key(uint32(rng.IntN(b.keys.len())))
			var sb strings.Builder
			for i := 0; i < len(key); i++ {
				if c := key[i]; c >= 'a' && c <= 'z' {
					sb.WriteByte(c)
				}
			}
			w = sb.String()
			for range rng.IntN(4) {
				if w == "" {
					break
				}
				i := rng.IntN(len(w))
				c := string(letters[rng.IntN(26)])
				switch rng.IntN(4) {
				case 0:
					w = w[:i] + c + w[i:]
				case 1:
					w = w[:i] + w[i+1:]
				case 2:
					w = w[:i] + c + w[i+1:]
				default:
					if i+1 < len(w) {
						w = w[:i] + w[i+1:i+2] + w[i:i+1] + w[i+2:]
					}
				}
			}
		}
		if w == "" {
			continue
		}
		switch rng.IntN(4) {
		case 0, 1:
			w = strings.ToUpper(w[:1]) + w[1:]
		case 2:
			w = strings.ToUpper(w)
		}
		add(w)
	}
	// Keys with one to three letters replaced by, or with added, letters
	// few keys below a prefix have (j, q, x, z, v, k, w, y): the walk
	// skips a subtree that lacks more of the word's letters than the
	// edits left (see viable), so these put that count at its edge.
	for range n / 2 {
		key := b.keys.key(uint32(rng.IntN(b.keys.len())))
		if len(key) < 2 || strings.IndexFunc(key, func(r rune) bool { return r < 'a' || r > 'z' }) >= 0 {
			continue
		}
		rare := "jqxzvkwy"
		w := key
		for range 1 + rng.IntN(3) {
			i := rng.IntN(len(w))
			c := string(rare[rng.IntN(len(rare))])
			if rng.IntN(2) == 0 {
				w = w[:i] + c + w[i+1:]
			} else {
				w = w[:i] + c + w[i:]
			}
		}
		add(w)
		add(strings.ToUpper(w[:1]) + w[1:])
	}
	// The forms with letters fold changes (Straße, Æsir, Þór, café), with
	// each such letter replaced by an ASCII one or dropped: the walk's
	// table reads their keys' letters as free or as pairs.
	var odd []string
	for id := uint32(0); id < uint32(b.keys.len()); id++ {
		b.forms(id, func(form string, _ entryFlag) bool {
			if !isASCII(form) && !strings.Contains(form, " ") {
				odd = append(odd, form)
			}
			return true
		})
	}
	ascii := func(form string, other func(r rune) string) string {
		var sb strings.Builder
		for _, r := range form {
			if r < utf8.RuneSelf && unicode.IsLetter(r) {
				sb.WriteRune(r)
			} else {
				sb.WriteString(other(r))
			}
		}
		return sb.String()
	}
	random := func(rune) string {
		if rng.IntN(3) > 0 {
			return string(letters[rng.IntN(26)])
		}
		return ""
	}
	for range n / 2 {
		add(ascii(odd[rng.IntN(len(odd))], random))
	}
	// Every form with a letter that folds to a pair (few, and rare ones),
	// that letter dropped, kept as its pair's first letter, or replaced.
	pairs := func(r rune) bool {
		f := fold(string(r))
		return len(f) == 2 && expansionPair(f[0], f[1])
	}
	for _, form := range odd {
		if !strings.ContainsFunc(form, pairs) {
			continue
		}
		for _, with := range []func(string) string{
			func(string) string { return "" },
			func(p string) string { return p[:1] },
			func(string) string { return "b" },
		} {
			add(ascii(form, func(r rune) string {
				if pairs(r) {
					return with(fold(string(r)))
				}
				return random(r)
			}))
		}
	}
	yes, asked := 0, 0
	for _, w := range words {
		for di, d := range dicts {
			if di > 0 && rng.IntN(4) != 0 {
				continue // the overlay only on some words
			}
			for dist := 0; dist <= 2; dist++ {
				for _, minFreq := range []int{0, 1, 20, 300, 5000} {
					got, want := d.hasCommonNeighbour(w, dist, minFreq), d.hasCommonNeighbourTable(w, dist, minFreq)
					if got != want {
						t.Errorf("dict %d: hasCommonNeighbour(%q, %d, %d) = %v, the table walk says %v", di, w, dist, minFreq, got, want)
					}
					asked++
					if got {
						yes++
					}
				}
			}
		}
	}
	t.Logf("%d words, %d questions, %d yes", len(words), asked, yes)
}
