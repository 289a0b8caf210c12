package spell

import (
	"bytes"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/fstest"
)

// The search reads the trie's records and labels (record, childLabels)
// and the cells of its rows (cell, setCell) without bounds checks. These
// tests hold the invariants those reads rely on:
//
//   - record(x) for x up to the number of nodes n (the end record's),
//     childLabels(first, children) within labels: every node's first
//     child comes after it and at or after the previous node's, the end
//     record's first child is n, so a node's children, first to
//     first+children-1, are nodes; layoutTrie numbers them so for any
//     list a Dict is loaded from, however hostile (checkTrie).
//   - stepBand and stepEarly read cells of up and write cells of cur
//     within [0, n] of a typo of n letters, given a band within it, and
//     return a band within it (or an empty one); trim, reachCost and cost
//     read cells of a band and insSum at i*(n+1)+r for r in [0, n]
//     (TestStepBandWithinRow, TestLowerBoundCellsWithinRow, checked
//     against the bounds-checked stepTrans and a checked oracle).
//
// Run with -race -gcflags=all=-d=checkptr, the searches below fault on a
// read that leaves its array.

// checkTrie checks, with bounds-checked reads, the layout the unchecked
// reads of the search rely on, and that record and childLabels agree
// with them.
func checkTrie(t testing.TB, s *suggester) {
	t.Helper()
	n := len(s.labels)
	if len(s.nodes) != (n+1)*nodeSize {
		t.Fatalf("%d node bytes for %d labels: want %d", len(s.nodes), n, (n+1)*nodeSize)
	}
	firstOf := func(x int) uint32 { return le32(s.nodes, nodeSize*x) & firstMask }
	if got := firstOf(n); got != uint32(n) {
		t.Fatalf("end record's first child %d, want the number of nodes %d", got, n)
	}
	if n == 0 {
		t.Fatal("no root")
	}
	prev := uint32(1)
	for x := 0; x < n; x++ {
		f, next := firstOf(x), firstOf(x+1)
		if f < prev || f > next || next > uint32(n) || (f != next && f <= uint32(x)) {
			t.Fatalf("node %d: children %d to %d (previous node's first %d) of %d nodes", x, f, next, prev, n)
		}
		prev = f
		if got := uint32(s.record(uint32(x))); got != le32(s.nodes, nodeSize*x) {
			t.Fatalf("record(%d) = %#x, want %#x", x, got, le32(s.nodes, nodeSize*x))
		}
		// (Asked of nodes with children only, as the walks ask: a
		// leaf's first may be n, whose pointer checkptr rejects.)
		if next > f && s.childLabels(f, int(next-f)) != s.labels[f:next] {
			t.Fatalf("childLabels(%d, %d) = %q, want %q", f, next-f, s.childLabels(f, int(next-f)), s.labels[f:next])
		}
	}
}

// loadList loads a dictionary from a words list (and the same words in
// the frequency list, count 5).
func loadList(t testing.TB, words []byte) *Dict {
	t.Helper()
	var freq []byte
	for _, w := range bytes.Split(words, []byte{'\n'}) {
		if len(w) > 0 && !bytes.ContainsAny(w, "\t#") {
			freq = append(append(freq, w...), "\t5\n"...)
		}
	}
	d, err := Load(fstest.MapFS{wordsFile: {Data: words}, freqFile: {Data: freq}})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// hostileLists are word lists a user could load: empty, invalid UTF-8,
// NULs, control bytes, duplicates, keys far longer than heightMax and
// the band bits, many words.
func hostileLists() map[string][]byte {
	rng := rand.New(rand.NewPCG(23, 2))
	many := make([]byte, 0, 1<<20)
	for range 20000 {
		n := 1 + rng.IntN(40)
		if rng.IntN(50) == 0 {
			n = 60 + rng.IntN(200)
		}
		for range n {
			c := byte('a' + rng.IntN(26))
			switch rng.IntN(40) {
			case 0:
				c = byte(rng.IntN(256))
			case 1:
				c = '\''
			}
			if c == '\n' {
				c = 'n'
			}
			many = append(many, c)
		}
		many = append(many, '\n')
	}
	long := strings.Repeat("abcdefghij", 40)
	return map[string][]byte{
		"empty":     nil,
		"blank":     []byte("\n\n\n"),
		"one":       []byte("a\n"),
		"invalid":   []byte("\xff\xfe\xfd\nab\xc3\ncaf\xc3\xa9\n\xed\xa0\x80x\n"),
		"nul":       []byte("\x00\n\x00\x00a\nb\x00c\n"),
		"control":   []byte("\x01\x02\x7f\n\x1b[31mred\n\r\n"),
		"duplicate": []byte("word\nword\nWord\nWORD\nword\nwórd\n"),
		"long":      []byte(long + "\n" + long[:64] + "\n" + long[:63] + "\n" + long[:65] + "\n" + long + "x\nthe\n"),
		"chain":     []byte(strings.Repeat("a", 300) + "\n" + strings.Repeat("a", 150) + "\n" + "a\n"),
		"many":      many,
	}
}

// hostileQueries are the typos searched in each hostile dictionary.
func hostileQueries() []string {
	return []string{
		"", "a", "x", "word", "wrod", "\xff", "\x00", "ab\xc3", "caf\xc3\xa9",
		strings.Repeat("a", 62), strings.Repeat("a", 63), strings.Repeat("a", 64), strings.Repeat("a", 301),
		strings.Repeat("abcdefghij", 7), strings.Repeat("bacdefghij", 40), letterRun(7, 90),
	}
}

// TestHostileListsSearch loads each hostile list, checks the trie's
// layout, and searches it with hostile typos, by every walk that reads
// it unchecked: Suggest (walk, walkDiagonal, markSounds) and
// HasCommonNeighbour (nbWalk.children).
func TestHostileListsSearch(t *testing.T) {
	for name, list := range hostileLists() {
		t.Run(name, func(t *testing.T) {
			d := loadList(t, list)
			checkTrie(t, d.b.suggester())
			qs := hostileQueries()
			for _, w := range bytes.Split(list, []byte{'\n'}) {
				if len(qs) > 60 {
					break
				}
				if len(w) > 1 {
					qs = append(qs, string(w), string(w[1:]), string(w)+"e")
				}
			}
			for _, q := range qs {
				d.Suggest(q, 5)
				for dist := 1; dist <= 2; dist++ {
					d.HasCommonNeighbour(q, dist, 1)
				}
			}
		})
	}
}

// TestBuiltinTrieLayout checks compact.bin's trie as checkTrie checks a
// loaded one (TestCompactFresh checks it is layoutTrie's output).
func TestBuiltinTrieLayout(t *testing.T) {
	checkTrie(t, Builtin().b.suggester())
}

// guarded returns a row of n cells inside a larger array whose cells
// outside it hold sentinel, and a check that they still do.
func guarded(n int, fill func(i int) float32) (row []float32, intact func() bool) {
	const pad = 8
	const sentinel = float32(-12345)
	all := make([]float32, n+2*pad)
	for i := range all {
		all[i] = sentinel
	}
	row = all[pad : pad+n : pad+n]
	for i := range row {
		row[i] = fill(i)
	}
	return row, func() bool {
		for i := range pad {
			if all[i] != sentinel || all[len(all)-1-i] != sentinel {
				return false
			}
		}
		return true
	}
}

// TestStepBandWithinRow checks stepBand and stepEarly against
// stepTrans without a parent row (which computes the same cells with
// bounds-checked reads) on random rows and bands of typos of up to 80
// letters, and that they write no cell outside the row and return a
// band within it.
func TestStepBandWithinRow(t *testing.T) {
	s := Builtin().b.suggester()
	rng := rand.New(rand.NewPCG(7, 11))
	bufs := new(searchBufs)
	for iter := range 4000 {
		n := rng.IntN(81)
		q := letterRun(uint64(iter), n)
		if n > 0 && rng.IntN(4) == 0 {
			b := []byte(q)
			b[rng.IntN(n)] = "-'\xff\x00é"[rng.IntN(5)]
			q = string(b)
		}
		a := bufs.a.init(s, &defaultWeights, q)
		up, _ := guarded(n+1, func(int) float32 { return float32(rng.IntN(40)) / 10 })
		lo := rng.IntN(n + 1)
		ub := band{lo, lo + rng.IntN(n+1-lo)}
		if rng.IntN(8) == 0 {
			ub = band{1, 0}
		}
		c := "abcxyz'-\xff\x00"[rng.IntN(10)]
		pc := "abe\x00"[rng.IntN(4)]
		bound := float32(rng.IntN(30)) / 10
		j := 1 + rng.IntN(4)
		want := make([]float32, n+1)
		wb := a.stepTrans(want, up, nil, ub, band{1, 0}, c, pc, j, bound)
		cur, intact := guarded(n+1, func(int) float32 { return -1 })
		var got band
		if j <= 2 {
			got = a.stepEarly(cur, up, ub, c, pc, j, bound)
		} else {
			got = a.stepBand(cur, up, ub, c, pc, bound)
		}
		if !intact() {
			t.Fatalf("q %q band %v: a cell outside the row was written", q, ub)
		}
		if got.lo > got.hi {
			if wb.lo <= wb.hi {
				t.Fatalf("q %q band %v c %q j %d: empty band, stepTrans's %v", q, ub, c, j, wb)
			}
			continue
		}
		if got != wb || got.lo < 0 || got.hi > n {
			t.Fatalf("q %q band %v c %q j %d: band %v, stepTrans's %v (row of %d)", q, ub, c, j, got, wb, n+1)
		}
		for i := got.lo; i <= got.hi; i++ {
			if cur[i] != want[i] {
				t.Fatalf("q %q band %v c %q j %d: cell %d = %v, stepTrans's %v", q, ub, c, j, i, cur[i], want[i])
			}
		}
	}
}

// TestLowerBoundCellsWithinRow checks trim, reachCost and cost, which
// read cells and insSum unchecked, against the same sums read with
// bounds checks, for random bands, heights and rows of typos of up to
// 63 letters (the lower bound is not used for longer ones with long
// keys: see newSearcher).
func TestLowerBoundCellsWithinRow(t *testing.T) {
	s := Builtin().b.suggester()
	rng := rand.New(rand.NewPCG(5, 3))
	bufs := new(searchBufs)
	for iter := range 4000 {
		n := rng.IntN(64)
		r := s.newSearcher(bufs, &defaultWeights, letterRun(uint64(iter)+99, n))
		l := r.lb
		if l == nil {
			t.Fatal("no lower bound")
		}
		row := make([]float32, n+1)
		for i := range row {
			row[i] = float32(rng.IntN(40)) / 10
		}
		lo := rng.IntN(n + 1)
		b := band{lo, lo + rng.IntN(n+1-lo)}
		hmin := rng.IntN(heightMax + 1)
		hmax := hmin + rng.IntN(heightMax+1-hmin)
		missing := rng.Uint64() & (uint64(2)<<n - 1) &^ 1
		bound := float32(rng.IntN(30)) / 10
		// The completion bound of cell i, by checked reads.
		rest := func(i int) float32 {
			var x float32
			if k := n - i; k > hmax {
				x = l.insSum[i*(n+1)+k-hmax]
				if m := after(missing, i); m != 0 {
					x = max(x, l.missSum(m))
				}
				return x
			}
			if m := after(missing, i); m != 0 {
				x = l.missSum(m)
			}
			if k := n - i; hmin > k {
				x += float32(hmin-k) * l.minDel
			}
			return x
		}
		wantReach, wantCost := float32(math.MaxFloat32), float32(math.MaxFloat32)
		for i := b.lo; i <= b.hi; i++ {
			wantCost = min(wantCost, row[i]+rest(i))
			if row[i] <= bound {
				wantReach = min(wantReach, row[i]+rest(i))
			}
		}
		if got := l.reachCost(row, b, missing, hmin, hmax, bound); got != wantReach {
			t.Fatalf("n %d band %v h %d-%d: reachCost %v, want %v", n, b, hmin, hmax, got, wantReach)
		}
		if got := l.cost(row, b, missing, hmin, hmax); got != wantCost-1e-3 {
			t.Fatalf("n %d band %v h %d-%d: cost %v, want %v", n, b, hmin, hmax, got, wantCost-1e-3)
		}
		if tb := l.trim(row, b, missing, hmin, hmax, bound); tb.lo <= tb.hi && (tb.lo < b.lo || tb.hi > b.hi) {
			t.Fatalf("n %d band %v: trimmed to %v, outside it", n, b, tb)
		}
	}
}

// FuzzHostileList loads a fuzzed word list and searches it with a
// fuzzed typo (the seeds run as a test; go test -fuzz FuzzHostileList
// with -gcflags=all=-d=checkptr explores).
func FuzzHostileList(f *testing.F) {
	for _, list := range hostileLists() {
		if len(list) < 4096 {
			f.Add(list, "wrod")
		}
	}
	for _, q := range hostileQueries() {
		f.Add([]byte("word\nwords\nsword\n"+q+"\n"), q)
	}
	f.Fuzz(func(t *testing.T, list []byte, q string) {
		if len(list) > 1<<16 || len(q) > 512 {
			return
		}
		d, err := Load(fstest.MapFS{wordsFile: {Data: list}, freqFile: {Data: nil}})
		if err != nil {
			return
		}
		checkTrie(t, d.b.suggester())
		d.Suggest(q, 5)
		d.HasCommonNeighbour(q, 1, 0)
		d.HasCommonNeighbour(q, 2, 0)
	})
}
