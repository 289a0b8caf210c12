package rules

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/edlint/edlint/dict"
	"github.com/edlint/edlint/internal/spell"
)

// TestHedgingWordTable checks word's table of the trie's keys against
// the map it is built from, on the keys and on words near them.
func TestHedgingWordTable(t *testing.T) {
	h := hedgeData()
	var words []string
	for k := range h.vocab {
		words = append(words, k, k+"s", "x"+k, k[:len(k)-1], strings.ToUpper(k))
	}
	words = append(words, "", strings.Repeat("a", 70), "the", "likely", "very", "#")
	for _, k := range words {
		want := h.vocab[k]
		if len(k) >= 64 {
			want = 0
		}
		got := uint16(0)
		if h.mayBeWord(k) {
			got = h.word(k)
		}
		if got != want || h.word(k) != want {
			t.Errorf("word(%q) = %d (%d after mayBeWord), the map says %d", k, h.word(k), got, want)
		}
	}
}

// TestNearBoosterIndex checks nearBooster's index of the boosters by
// their first two letters against a search of them all.
func TestNearBoosterIndex(t *testing.T) {
	h := hedgeData()
	slow := func(text, w string) int {
		if len(text) < 7 || len(text) > 18 {
			return -1
		}
		best, bestD := -1, 3
		for bi, b := range h.boosters {
			if len(b) < 8 || w[0] != b[0] || w[1] != b[1] {
				continue
			}
			limit := 1
			if len(b) >= 10 {
				limit = 2
			}
			if d := spell.Distance(w, b); d <= limit && d > 0 && d < bestD {
				best, bestD = bi, d
			}
		}
		return best
	}
	rng := rand.New(rand.NewPCG(5, 6))
	var words []string
	for _, b := range h.boosters {
		words = append(words, b)
		for range 200 {
			w := []byte(b)
			for range 1 + rng.IntN(3) {
				i := rng.IntN(len(w))
				switch rng.IntN(3) {
				case 0:
					w[i] = byte('a' + rng.IntN(26))
				case 1:
					w = append(w[:i], w[i+1:]...)
				default:
					w = append(w[:i], append([]byte{byte('a' + rng.IntN(26))}, w[i:]...)...)
				}
			}
			words = append(words, string(w))
		}
	}
	found := 0
	for _, w := range words {
		if len(w) < 2 {
			continue
		}
		got, want := h.nearBooster(w, w), slow(w, w)
		if got != want {
			t.Errorf("nearBooster(%q) = %d, a search of every booster %d", w, got, want)
		}
		if got >= 0 {
			found++
		}
	}
	if found == 0 {
		t.Fatal("no word near a booster: the test says nothing")
	}
}

// TestHedgeVocabTable checks that the built-in lists leave the hedging
// words' table (vocabSlots) at most half full, and that lists too large
// for it are an error rather than a start-up that never ends.
func TestHedgeVocabTable(t *testing.T) {
	h := hedgeData()
	if h.err != nil {
		t.Fatal(h.err)
	}
	if 2*len(h.vocab) > vocabSlotCount {
		t.Fatalf("%d words for %d slots", len(h.vocab), vocabSlotCount)
	}
	big := newHedging()
	for i := range vocabSlotCount {
		big.insert(fmt.Sprintf("w%d", i))
	}
	if err := big.number(); err == nil {
		t.Fatalf("number took %d words for %d slots", vocabSlotCount, vocabSlotCount)
	}
}

// TestHedgeRowsAndKeys checks eachRow's in-place cutting against
// strings.Split, on the embedded lists and on rows of odd shapes, and
// phraseKeys' fields against strings.Fields.
func TestHedgeRowsAndKeys(t *testing.T) {
	for _, name := range []string{"icd203", "phia", "nato", "phrases", "cues"} {
		b, err := dict.Read("yardsticks/" + name + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		var want [][]string
		for _, line := range strings.Split(string(b), "\n") {
			if line != "" && line[0] != '#' {
				want = append(want, strings.Split(line, "\t"))
			}
		}
		n := len(want[0])
		var got [][]string
		err = eachRow("yardsticks/"+name+".txt", n, func(f []string) error {
			got = append(got, append([]string(nil), f...))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(got) != fmt.Sprint(want) || len(got) != len(want) {
			t.Errorf("%s: eachRow gave %d rows, Split %d", name, len(got), len(want))
		}
		// Every count of fields but n is an error.
		for _, m := range []int{n - 1, n + 1, 1, 12} {
			if eachRow("yardsticks/"+name+".txt", m, func([]string) error { return nil }) == nil {
				t.Errorf("%s: %d fields accepted for %d", name, m, n)
			}
		}
	}
	oracle := func(s string) []string {
		var out []string
		for _, f := range strings.Fields(s) {
			out = phraseKeys(out, f)
		}
		return out
	}
	r := rand.New(rand.NewPCG(1, 2))
	const alphabet = "ab1 '-\t.%#\n"
	for range 5000 {
		var sb strings.Builder
		for range r.IntN(16) {
			sb.WriteByte(alphabet[r.IntN(len(alphabet))])
		}
		s := sb.String()
		if got, want := phraseKeys(nil, s), oracle(s); fmt.Sprintf("%q", got) != fmt.Sprintf("%q", want) {
			t.Fatalf("phraseKeys(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestHedgingTrieLayout checks the trie's arrays (layOut) against the
// phrases inserted: every match is found by walking its keys, every node
// but the root is the child of exactly one run, and kid, with its filter
// (trieNode.words), agrees with a scan of the node's children for every
// vocabulary number.
func TestHedgingTrieLayout(t *testing.T) {
	h := hedgeData()
	if h.err != nil {
		t.Fatal(h.err)
	}
	for i := range h.matches {
		m := &h.matches[i]
		var buf [8]string
		keys := phraseKeys(buf[:0], m.key)
		n := h.rootKid(h.vocab[keys[0]])
		for _, k := range keys[1:] {
			if n == nil {
				break
			}
			n = h.kid(n, h.vocab[k])
		}
		if n == nil || h.match(n) != m {
			t.Errorf("%q: the walk of its keys does not end at its match", m.key)
		}
	}
	parents := make([]int, len(h.nodes))
	total := 0
	for i := range h.nodes {
		n := &h.nodes[i]
		run := h.kids[n.kids : n.kids+n.nkids]
		total += len(run)
		for _, k := range run {
			parents[k.node]++
		}
		for w := 0; w <= len(h.vocab)+1; w++ {
			var want *trieNode
			for _, k := range run {
				if int(k.word) == w {
					want = &h.nodes[k.node]
				}
			}
			if got := h.kid(n, uint16(w)); got != want {
				t.Errorf("node %d: kid(%d) = %p, its children hold %p", i, w, got, want)
			}
		}
	}
	if total != len(h.kids) {
		t.Errorf("the runs hold %d children of %d", total, len(h.kids))
	}
	for i, p := range parents {
		if want := min(i, 1); p != want {
			t.Errorf("node %d is the child of %d runs, want %d", i, p, want)
		}
	}
}
