package spell

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestSearchExhaustive checks the walk's screens (letters, the lower
// bound, the transpositions into and over a row) against every key: with
// no pruner, the search, in the trie's order and in diagonal order, must
// emit exactly the keys whose edit cost (editCost, the full table) is
// within the bound, each once, at that cost. The queries are typos of
// the kinds that exercise the screens: swapped, doubled and dropped
// letters near the start and the end, and words the list lacks. (The
// banded rows add a substitution's surcharge in another order than the
// full table, so costs are compared to within a rounding margin, and
// keys that close to the bound may go either way.)
func TestSearchExhaustive(t *testing.T) {
	b := Builtin().b
	s := b.suggester()
	w := &defaultWeights
	queries := []string{"hte", "teh", "recieve", "wierd", "acheive", "sional", "aterror", "arein", "bnet", "laons", "ditsance", "tranpsoition", "accross", "occured", "x", "qzx"}
	rng := rand.New(rand.NewPCG(3, 5))
	for range 6 {
		// A key with two of its letters swapped, one doubled or dropped.
		k := []byte(b.keys.key(uint32(rng.IntN(b.keys.len()))))
		if len(k) < 3 {
			continue
		}
		i := rng.IntN(len(k) - 1)
		switch rng.IntN(3) {
		case 0:
			k[i], k[i+1] = k[i+1], k[i]
		case 1:
			k = append(k[:i+1], k[i:]...)
		default:
			k = append(k[:i], k[i+1:]...)
		}
		queries = append(queries, string(k))
	}
	const margin = 1e-4
	bufs := new(searchBufs)
	for qi, q := range queries {
		bound := w.Bound
		if qi%3 == 1 {
			bound = w.Near + rng.Float32()*(w.Bound-w.Near)
		}
		sr := s.newSearcher(bufs, w, q)
		want := map[uint32]float32{}
		for id := range uint32(b.keys.len()) {
			if c := sr.a.editCost(b.keys.key(id)); c <= bound+margin {
				want[id] = c
			}
		}
		for _, diagonal := range []bool{false, true} {
			got := map[uint32]float32{}
			sr.diagonal = diagonal
			bd := bound
			sr.search(&bd, func(key uint32, cost float32) {
				if _, dup := got[key]; dup {
					t.Errorf("%q: key %q emitted twice", q, b.keys.key(key))
				}
				got[key] = cost
			}, nil)
			sr.diagonal = false
			for id, c := range got {
				if wc, ok := want[id]; !ok || math.Abs(float64(c-wc)) > margin {
					t.Errorf("%q (bound %v, diagonal %v): emitted %q at %v, its cost is %v", q, bound, diagonal, b.keys.key(id), c, sr.a.editCost(b.keys.key(id)))
				}
			}
			for id, c := range want {
				if _, ok := got[id]; !ok && c <= bound-margin {
					t.Errorf("%q (bound %v, diagonal %v): missed %q at %v", q, bound, diagonal, b.keys.key(id), c)
				}
			}
		}
	}
}
