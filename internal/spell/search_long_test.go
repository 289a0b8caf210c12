package spell

import (
	"math/rand/v2"
	"slices"
	"testing"
	"testing/fstest"
)

// TestSearchLongTransposition checks that the walk still finds a key by
// a transposition at the end of a typo of 64 letters, where the bits of
// a band (bandBits) cannot hold its cells: a 63-letter key, typed with a
// doubled letter and its last two letters swapped (cost 0.98), must be
// emitted within the bound 1.1. (The walk once skipped the transposition
// there; the built-in keys are shorter, a loaded list's need not be.)
func TestSearchLongTransposition(t *testing.T) {
	key := "vknmtfaokckglxqdflbcgnczsyqzbesfznflnvgtiqyvbdbdgjczshssxekbiib"
	q := "vknmtfaokckglxqdflbcgnczsyqzbesfznflnvgtiqyvbdbdgjczshssxxekbibi"
	d, err := Load(fstest.MapFS{wordsFile: {Data: []byte(key + "\nthe\n")}, freqFile: {Data: []byte(key + "\t1000\nthe\t1000\n")}})
	if err != nil {
		t.Fatal(err)
	}
	r := d.b.suggester().newSearcher(new(searchBufs), &defaultWeights, q)
	if c := r.a.editCost(key); c > 1.1 {
		t.Fatalf("the key costs %v, over the bound: the test tests nothing", c)
	}
	bound := float32(1.1)
	found := false
	r.search(&bound, func(id uint32, _ float32) { found = found || d.b.keys.key(id) == key }, nil)
	if !found {
		t.Errorf("key at cost %v not emitted within bound 1.1", r.a.editCost(key))
	}
}

// longDict loads a list of the given words, each with count 1000, and
// "the".
func longDict(t *testing.T, words ...string) *Dict {
	t.Helper()
	var list, freq []byte
	for _, w := range append(words, "the") {
		list = append(list, w+"\n"...)
		freq = append(freq, w+"\t1000\n"...)
	}
	d, err := Load(fstest.MapFS{wordsFile: {Data: list}, freqFile: {Data: freq}})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// letterRun returns n pseudo-random letters, the same for the same seed.
func letterRun(seed uint64, n int) string {
	b := make([]byte, n)
	for i := range b {
		seed = seed*6364136223846793005 + 1442695040888963407
		b[i] = 'a' + byte(seed>>33%26)
	}
	return string(b)
}

// TestLoadLongWords: a list with words of 64 letters and more, more than
// a trie node's record holds below it (heightMax), loads, knows them, and
// suggests them: building the suggestion index once panicked on them.
func TestLoadLongWords(t *testing.T) {
	w64, w70 := letterRun(1, 64), letterRun(2, 70)
	// q is w66 with its first two letters dropped; it has no doubled
	// letter, whose insertion would cost less than the bound's margin.
	b := []byte(letterRun(3, 64))
	for i := 1; i < len(b); i++ {
		if b[i] == b[i-1] {
			b[i] = 'a' + (b[i]-'a'+1)%26
		}
	}
	q := string(b)
	w66 := "xx" + q
	d := longDict(t, w64, w70, w66)
	d.PrepareSuggest()
	for _, w := range []string{w64, w70, w66} {
		if !d.Check(w).OK() {
			t.Errorf("Check(%q) is not OK", w)
		}
	}
	suggests := func(typo, want string) {
		t.Helper()
		if got := d.Suggest(typo, 5); !slices.Contains(got, want) {
			t.Errorf("Suggest(%q) = %q, want %q among them", typo, got, want)
		}
	}
	suggests(w64[:30]+"q"+w64[31:], w64) // a letter replaced
	suggests(w64[:40]+w64[41:], w64)     // a letter dropped
	// The keys below w66's first two letters are 64 letters long: the
	// lower bound must not take them for at most heightMax, which would
	// add an insertion to the deletion of those letters (1.775) and cut
	// it (2.925, over the bound).
	suggests(q, w66)
	// HasCommonNeighbour's false answers are exact: it must not deny a
	// neighbour Suggest finds.
	typo := w64[:20] + w64[21:22] + w64[20:21] + w64[22:]
	suggests(typo, w64)
	if !d.HasCommonNeighbour(typo, 2, 0) {
		t.Errorf("HasCommonNeighbour(%q) is false; %q is a transposition away", typo, w64)
	}
}

// TestSearchFirstSwap: a key with its first two letters swapped is
// suggested, also when another key is closer. The swap costs 0.9 (Trans
// and the second letter's surcharge), but the row of the key's first
// letter, which it steps over, has no cell within 1.29 (a deletion with
// the first letter's surcharge): the search, which stopped at a row with
// no cell within its bound, missed it at the first bound (Near, 1.1),
// and the wider one went no further than 1.19 once it had found the
// other key (at 0.28). The length of the key changes nothing; 61 letters
// is the case once reported.
func TestSearchFirstSwap(t *testing.T) {
	for _, n := range []int{5, 20, 61, 64} {
		key := letterRun(uint64(n), n)
		if key[0] == key[1] {
			key = "ab" + key[2:]
		}
		typo := key[1:2] + key[:1] + key[2:]
		other := typo + typo[n-1:] // the typo with its last letter doubled
		d := longDict(t, key, other)
		if got := d.Suggest(typo, 5); !slices.Contains(got, key) {
			t.Errorf("%d letters: Suggest(%q) = %q, want %q among them", n, typo, got, key)
		}
	}
}

// TestSearchEarlySwap: the search emits every key within its bound that
// is a swap of a query's first two or second and third letters, whose
// early-position surcharges make the row the swap steps over costlier
// than the swap (see aligner.overDepth), at bounds just above their cost.
func TestSearchEarlySwap(t *testing.T) {
	b := Builtin().b
	s := b.suggester()
	bufs := new(searchBufs)
	rng := rand.New(rand.NewPCG(7, 11))
	tried := 0
	for tried < 300 {
		key := b.keys.key(uint32(rng.IntN(b.keys.len())))
		at := rng.IntN(2)
		if len(key) < at+3 || key[at] == key[at+1] {
			continue
		}
		tried++
		typo := []byte(key)
		typo[at], typo[at+1] = typo[at+1], typo[at]
		sr := s.newSearcher(bufs, &defaultWeights, string(typo))
		cost := sr.a.editCost(key)
		for _, diagonal := range []bool{false, true} {
			for _, bound := range []float32{cost + 1e-3, cost + 0.05, defaultWeights.Near} {
				if bound < cost+1e-3 {
					continue
				}
				found := false
				sr.diagonal = diagonal
				bd := bound
				sr.search(&bd, func(id uint32, _ float32) { found = found || b.keys.key(id) == key }, nil)
				sr.diagonal = false
				if !found {
					t.Errorf("%q (diagonal %v): %q at %v not emitted within %v", typo, diagonal, key, cost, bound)
				}
			}
		}
	}
}

// TestSearchSwapWeights: as TestSearchEarlySwap, for weights under which
// the rows a transposition steps over differ (see aligner.overDepth): no
// surcharges (none), others than the default ones (the first two rows),
// and a deletion costlier than Trans (every row, and no lower bound).
// The search must emit every key within the bound whose cost the full
// table gives, for swaps near the start of built-in keys.
func TestSearchSwapWeights(t *testing.T) {
	b := Builtin().b
	s := b.suggester()
	rng := rand.New(rand.NewPCG(9, 9))
	ws := []weights{defaultWeights, defaultWeights, defaultWeights}
	ws[0].FirstLetter, ws[0].SecondLetter = 0, 0
	ws[1].FirstLetter, ws[1].SecondLetter, ws[1].Trans = 1.5, 0.1, 0.3
	ws[2].Del, ws[2].Trans = 0.9, 0.5
	bufs := new(searchBufs)
	for wi := range ws {
		w := &ws[wi]
		for tried := 0; tried < 6; {
			k := []byte(b.keys.key(uint32(rng.IntN(b.keys.len()))))
			i := rng.IntN(3)
			if len(k) < i+2 || k[i] == k[i+1] {
				continue
			}
			tried++
			k[i], k[i+1] = k[i+1], k[i]
			q := string(k)
			sr := s.newSearcher(bufs, w, q)
			bound := 0.6 + rng.Float32()*1.8
			want := map[uint32]float32{}
			for id := range uint32(b.keys.len()) {
				if c := sr.a.editCost(b.keys.key(id)); c <= bound-1e-4 {
					want[id] = c
				}
			}
			for _, diagonal := range []bool{false, true} {
				got := map[uint32]bool{}
				sr.diagonal = diagonal
				bd := bound
				sr.search(&bd, func(id uint32, _ float32) { got[id] = true }, nil)
				sr.diagonal = false
				for id, c := range want {
					if !got[id] {
						t.Errorf("weights %d, %q (bound %v, diagonal %v): %q at %v not emitted", wi, q, bound, diagonal, b.keys.key(id), c)
					}
				}
			}
		}
	}
}
