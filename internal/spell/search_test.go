package spell

import (
	"math"
	"math/rand/v2"
	"slices"
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
	queries := []string{"hte", "teh", "recieve", "wierd", "acheive", "sional", "aterror", "arein", "bnet", "laons", "ditsance", "tranpsoition", "accross", "occured", "x", "qzx",
		// Keys with two letters swapped, on which a transposition steps
		// over a row whose cells the lower bound cut (see jump).
		"ruat", "poap", "wohm", "wlels", "pacvic"}
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

// TestSkipFrom checks skipAt against skip: above skipAt[class][1] skip
// says yes for every node, above skipAt[class][0] for every node that
// cannot hold a sound-alike; and skipAt is skip's own turning point, to
// within its margin (a little below it, skip's test by that ceiling
// says no), so that the walk's short cut is taken where skip's would be.
func TestSkipFrom(t *testing.T) {
	w := &defaultWeights
	rng := rand.New(rand.NewPCG(5, 7))
	for trial := range 3000 {
		floor := newKBest(1)
		floor.offer("x", -30+35*rng.Float64())
		minCost := float32(rng.Float64()) * 2 * w.Bound
		p := &pruner{floor: floor, minCost: &minCost, below: w.PhoneticBelow, edit: w.Edit, skipLow: math.NaN()}
		// A sound-alike at node 1, none at node 2.
		p.soundBits[0] = 1 << 1
		bonus, phon := []float64{0, w.NameTitle}[rng.IntN(2)], []float64{0, w.Phonetic}[rng.IntN(2)]
		for class := range p.ceiling[0] {
			c := w.Freq*max(float64(class)/2, math.Log1p(w.UnseenFreq)) + bonus
			p.ceiling[0][class], p.ceiling[1][class] = c, c+phon
		}
		keep := uint32(rng.IntN(32))
		p.skipFrom(keep)
		if trial%4 == 0 {
			// The floor rises: the classes are worked out again.
			floor.offer("y", floor.low+rng.Float64())
			p.skipFrom(keep)
		}
		for class := range min(keep, 31) {
			for k, x := range []uint32{2, 1} { // ceiling[0] for a node without a sound-alike
				at := p.skipAt[class][k]
				for _, cost := range []float32{at, math.Nextafter32(at, 10), at + 1e-3, at + rng.Float32()} {
					if cost > at && !p.skip(x, class, cost) {
						t.Fatalf("floor %v minCost %v class %d: skipAt %v, but skip(%d) says no at %v", floor.low, minCost, class, p.skipAt[class], x, cost)
					}
				}
				if below := at - 1e-3; below > 0 && (minCost <= p.below || below > p.below) &&
					p.ceiling[k][class]-p.edit*float64(below) < floor.low-1e-9 {
					t.Fatalf("floor %v minCost %v class %d ceiling %d: skipAt %v, but skip's test says yes at %v", floor.low, minCost, class, k, at, below)
				}
			}
		}
	}
}

// TestLeafHeights checks what the walk takes a node's record to say of
// its children: it has none exactly when no key is below it (hmax 0),
// in the trie of compact.bin and in one buildTrie makes of the lists.
func TestLeafHeights(t *testing.T) {
	for name, s := range map[string]*suggester{"compact.bin": Builtin().b.suggester(), "buildTrie": buildTrie(Builtin().b)} {
		n := uint32(len(s.labels))
		leaves := 0
		for x := range n {
			nd := s.node(x)
			if (nd.hmax == 0) != (nd.children == 0) {
				t.Fatalf("%s trie: node %d has %d children and hmax %d", name, x, nd.children, nd.hmax)
			}
			if nd.children == 0 {
				leaves++
			}
		}
		if leaves == 0 {
			t.Fatalf("%s trie: no leaves among %d nodes", name, n)
		}
	}
}

// TestSoundAlikeIDs checks the sound-alike keys a search starts from
// against every key's metaphone key: those of soundAlikeIDs with the
// query's metaphone key (as the search tells them when it offers one)
// must be exactly the keys with it, sorted, for the typos' metaphone keys
// and for those of keys of the list; and soundAlikes must give the same.
func TestSoundAlikeIDs(t *testing.T) {
	b := Builtin().b
	s := b.suggester()
	byKey := map[string][]uint32{}
	for id := range uint32(b.keys.len()) {
		mp := metaphone(b.keys.key(id))
		byKey[mp] = append(byKey[mp], id)
	}
	train, test := loadTypos(t)
	var mps []string
	for _, c := range append(train, test...) {
		mps = append(mps, metaphone(fold(c.wrong)))
	}
	for id := 0; id < b.keys.len(); id += 97 {
		mps = append(mps, metaphone(b.keys.key(uint32(id))))
	}
	for _, mp := range mps {
		ids, ok := soundAlikeIDs(b, s, mp, nil)
		if !ok {
			t.Fatal("no prebuilt metaphone index")
		}
		var got, alike []uint32
		for i, id := range ids {
			if i > 0 && ids[i-1] >= id {
				t.Fatalf("%q: keys not sorted: %v", mp, ids)
			}
			if metaphone(b.keys.key(id)) == mp {
				got = append(got, id)
			}
		}
		if want := byKey[mp]; !slices.Equal(got, want) {
			t.Fatalf("%q: soundAlikeIDs gives %v, the keys with it are %v", mp, got, want)
		}
		s.soundAlikes(b, mp, func(id uint32) { alike = append(alike, id) })
		if !slices.Equal(alike, got) {
			t.Fatalf("%q: soundAlikes gives %v, soundAlikeIDs %v", mp, alike, got)
		}
	}
}
