package spell

import (
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
)

// TestKeepClass checks what lets the walk take a subtree of count class
// keepClass or more without the costs the pruner would need: skip says
// no for such a subtree at every cost the walk may ask about, up to the
// bound plus the margin; and the class below keepClass (looked for from
// 0) is one that skip may say yes for.
func TestKeepClass(t *testing.T) {
	w := &defaultWeights
	rng := rand.New(rand.NewPCG(7, 11))
	for trial := range 5000 {
		floor := newKBest(1)
		if trial > 0 {
			floor.offer("x", -30+35*rng.Float64())
		}
		minCost := float32(0) // a key within PhoneticBelow is known: skip's guard is off
		p := &pruner{floor: floor, minCost: &minCost, below: w.PhoneticBelow, edit: w.Edit, anySound: trial%2 == 0}
		bonus, phon := []float64{0, w.NameTitle}[rng.IntN(2)], []float64{0, w.Phonetic}[rng.IntN(2)]
		for class := range p.ceiling[0] {
			c := w.Freq*max(float64(class)/2, math.Log1p(w.UnseenFreq)) + bonus
			p.ceiling[0][class], p.ceiling[1][class] = c, c+phon
		}
		bound := float32(rng.Float64()) * w.Bound
		r := &searcher{prune: p, bound: &bound}
		from := uint32(0)
		if trial%3 == 0 {
			from = uint32(rng.IntN(32))
		}
		keep := r.keepClass(from)
		if trial == 0 {
			if keep != 0 {
				t.Fatalf("no floor: keepClass = %d, want 0", keep)
			}
			continue
		}
		if keep < from || keep > 31 {
			t.Fatalf("keepClass(%d) = %d", from, keep)
		}
		top := bound + 1e-3
		for class := keep; class < 32; class++ {
			for _, cost := range []float32{0, bound / 2, bound, top, top * rng.Float32()} {
				if p.skip(0, class, cost) {
					t.Fatalf("floor %v bound %v: class %d >= keepClass %d skipped at cost %v", floor.low, bound, class, keep, cost)
				}
			}
		}
		if from == 0 && keep > 0 && p.ceiling[0][keep-1]-p.edit*float64(top) >= floor.low-1e-9 {
			t.Fatalf("floor %v bound %v: keepClass %d, but class %d is never skipped either", floor.low, bound, keep, keep-1)
		}
	}
}

// TestSearchDiagonal compares the wide search in diagonal order with the
// search in the trie's order, candidates and exact scores, for the
// corpus queries and the slow ones, capitalised too, with and without
// user words and for several n: where the diagonal search does not give
// up, it must find the same.
func TestSearchDiagonal(t *testing.T) {
	corpus, err := os.ReadFile("testdata/corpus-queries.txt")
	if err != nil {
		t.Fatal(err)
	}
	var queries []string
	for _, q := range append(slices.Clone(slowQueries), strings.Fields(string(corpus))...) {
		queries = append(queries, q, strings.ToUpper(q[:1])+q[1:])
	}
	d := &Dict{b: Builtin().b}
	du := &Dict{b: d.b, o: Builtin().WithWords([]string{"Qaeda", "takfiri", "madeIn"}).o}
	diagonal := 0
	for i, q := range queries {
		dict, n := d, memoDepth
		switch i % 5 {
		case 1:
			n = 3
		case 2:
			dict = du
		}
		got, ok := dict.searchOrdered(&defaultWeights, q, n, true)
		if !ok {
			continue
		}
		diagonal++
		want, _ := dict.searchOrdered(&defaultWeights, q, n, false)
		if !slices.Equal(got, want) {
			t.Errorf("%q n=%d: diagonal order %v, trie order %v", q, n, got, want)
		}
	}
	if diagonal < len(queries)/2 {
		t.Errorf("only %d of %d queries searched in diagonal order", diagonal, len(queries))
	}
}

// TestMissSum checks the lower bound's sums of the costs of sets of the
// typo's positions, read a byte or two at a time, against the sums
// worked out one position at a time, bit for bit, for typos of every
// length up to 63 letters: in a byte, from its highest position down (as
// init fills the table), and the bytes from the lowest up.
func TestMissSum(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	bufs := new(searchBufs)
	s := Builtin().b.suggester()
	for n := 1; n <= 63; n++ {
		q := make([]byte, n)
		for i := range q {
			q[i] = "abcdefghijklmnopqrstuvwxyz-'"[rng.IntN(28)]
		}
		l := bufs.lb.init(bufs.a.init(s, &defaultWeights, string(q)))
		for trial := range 300 {
			m := rng.Uint64() & (2<<n - 1)
			if trial%3 == 0 {
				m &= 1<<rng.IntN(n+1) - 1 // mostly low positions
			}
			// The sum by bytes, as missSum's general case adds them.
			var want float32
			for c := 0; c <= n/8; c++ {
				var b float32
				for k := min(8*c+7, n); k >= 8*c; k-- {
					if m&(1<<k) != 0 {
						b += l.cq[k]
					}
				}
				want += b
			}
			if got := l.missSum(m); math.Float32bits(got) != math.Float32bits(want) {
				t.Fatalf("%q: missSum(%#x) = %v, want %v", q, m, got, want)
			}
		}
	}
}
