package spell

import (
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
