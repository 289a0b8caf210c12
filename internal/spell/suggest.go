package spell

import (
	"encoding/binary"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unsafe"
)

// weights are the parameters of the noisy-channel model: a candidate w
// for typo t scores Freq*ln(1+count(w)) - Edit*cost(t|w) + bonuses, i.e.
// log P(w) + log P(t|w) with P(t|w) falling exponentially in a weighted
// Damerau–Levenshtein cost. They were tuned on the training split of the
// Wikipedia misspellings list (see eval_test.go), never per word.
type weights struct {
	Del, DelDouble, DelPunct float32 // the typo lacks a letter of w
	DelVowel                 float32 // ... a vowel (0: as Del; 0.45 and 0.8 did not help)
	Ins, InsDouble           float32 // the typo has an extra letter
	Sub, SubKey, SubVowel    float32 // the typo has another letter
	Trans                    float32 // two adjacent letters swapped
	FirstLetter              float32 // extra cost of an edit at the first letter
	SecondLetter             float32 // extra cost of an edit at the second letter
	Bound                    float32 // candidates cost at most this much
	Near                     float32 // first search this close, widen only if needed

	Freq     float64 // weight of the log-frequency prior
	Edit     float64 // weight of the edit cost
	Phonetic float64 // bonus when the metaphone keys agree
	// PhoneticBelow: the metaphone index is searched only when no
	// candidate costs less than this.
	PhoneticBelow float32
	// PhoneticMin: only candidates at least this far get the sound-alike
	// bonus. (Raising it to 0.7 or 1.0 cost 0.3-0.7 points of top-1 on
	// the training split, so every candidate gets it.)
	PhoneticMin float32
	NameLower   float64 // penalty for a capitalised-only form when the typo is lower case
	NameTitle   float64 // bonus for a capitalised-only form when the typo is capitalised
	UserFreq    float64 // count assumed for the user's and the draft's own words
	UnseenFreq  float64 // count assumed for forms missing from the frequency list
	Split       float64 // cost of a missing space
	SplitMin    int     // both halves of a split need at least this count
}

var defaultWeights = weights{
	Del: 0.595, DelDouble: 0.28, DelPunct: 0.3, DelVowel: 0,
	Ins: 1.15, InsDouble: 0.28,
	Sub: 1, SubKey: 1.05, SubVowel: 0.75,
	Trans: 0.7, FirstLetter: 0.7, SecondLetter: 0.2, Bound: 2.4, Near: 1.1,
	Freq: 0.7, Edit: 5.6, Phonetic: 2.1, PhoneticBelow: 1.2, PhoneticMin: 0,
	NameLower: 2.1, NameTitle: 3, UserFreq: 100000, UnseenFreq: 2.1,
	Split: 1.68, SplitMin: 500,
}

// suggester is the candidate index: a trie of the folded keys searched
// with a bounded weighted Damerau–Levenshtein automaton, plus a
// metaphone index for sound-alikes beyond the bound. Both are sections
// of compact.bin, used in place; for other lists they are built on the
// first Suggest.
//
// The trie's nodes are numbered breadth first, so that the children of a
// node are consecutive nodes, and each node is one 8-byte record (see
// nodeSize), read with the next one, so that visiting a node touches one
// cache line (two for one node in eight). Each node also
// records what its subtree holds below it (the letters, the least and
// greatest number of letters to a key), which bounds from below the cost
// of completing a prefix (see lowerBound).
type suggester struct {
	nodes    string // nodeSize bytes per node, then an end record; node 0 is the root
	labels   string // per node: its letter, so that children are screened without reading their records
	terms    u32s   // per node that is a key, in node order: its key number (see key)
	rank     u32s   // per 64 nodes: the number of keys before them, and a bit per node that is a key
	maxDepth int
	adj      [26][26]bool

	// The metaphone index: key numbers sorted by the hash of their
	// metaphone key, phonHash[i] being the hash for phonIDs[i].
	phonOnce sync.Once
	phonHash u32s
	phonIDs  u32s
}

// PrepareSuggest builds the suggestion index in the background, so that
// a caller that will need suggestions (a linter about to read its files)
// can overlap the build with other work. Suggest builds it anyway when
// needed; calling this is only an optimisation.
//
// It warms the lazily built parts on separate goroutines (the trie, then
// its sound-alike index; the bigram table), so that on a multi-core
// machine they are ready by the time the first unknown word is met. With
// the built-in lists there is nothing to build but the bigram table's
// small line index.
func (d *Dict) PrepareSuggest() {
	if d.b.pre == nil {
		go func() { d.b.suggester().phonetic(d.b) }()
	}
	go d.b.bigrams()
}

func (b *base) suggester() *suggester {
	b.suggestOnce.Do(func() { b.sugg = newSuggester(b) })
	return b.sugg
}

func newSuggester(b *base) *suggester {
	var s *suggester
	if b.pre != nil {
		s = b.pre.suggester()
	} else {
		s = buildTrie(b)
	}
	s.linkKeys()
	return s
}

// buildTrie inserts every folded key into a fresh trie and lays it out.
func buildTrie(b *base) *suggester {
	// A linked trie first: first child, next sibling.
	type node struct {
		first, next, term uint32
		label             byte
	}
	nk := b.keys.len()
	nodes := make([]node, 1, 1+nk*3) // (1+: an empty list has the root alone)
	maxDepth := 0
	for id := 0; id < nk; id++ {
		key := b.keys.key(uint32(id))
		x := uint32(0)
		for i := 0; i < len(key); i++ {
			c := key[i]
			// Move-to-front: keys come nearly sorted, so the child a key
			// needs is almost always the one the previous key used.
			child, prev := nodes[x].first, uint32(0)
			for child != 0 && nodes[child].label != c {
				prev, child = child, nodes[child].next
			}
			if child != 0 && prev != 0 {
				nodes[prev].next = nodes[child].next
				nodes[child].next = nodes[x].first
				nodes[x].first = child
			}
			if child == 0 {
				child = uint32(len(nodes))
				nodes = append(nodes, node{next: nodes[x].first, label: c})
				nodes[x].first = child
			}
			x = child
		}
		nodes[x].term = uint32(id) + 1
		maxDepth = max(maxDepth, len(key))
	}
	// Then breadth first, each node's children in their sibling order
	// (the order the search visits them in).
	n := len(nodes)
	order := make([]uint32, 1, n)
	child := make([]uint32, n+1)
	for p := 0; p < len(order); p++ {
		child[p] = uint32(len(order))
		for c := nodes[order[p]].first; c != 0; c = nodes[c].next {
			order = append(order, c)
		}
	}
	child[n] = uint32(n)
	recs := make([]trieNode, n)
	for p := n - 1; p >= 0; p-- {
		nd := nodes[order[p]]
		t := trieNode{first: child[p], children: int(child[p+1] - child[p]), term: nd.term, label: nd.label, hmin: math.MaxInt}
		if nd.term != 0 {
			t.hmin = 0
			t.maxCount = b.count(nd.term - 1)
		}
		for c := child[p]; c < child[p+1]; c++ {
			t.mask |= recs[c].mask | letterBit(recs[c].label)
			t.hmin = min(t.hmin, recs[c].hmin+1)
			t.hmax = max(t.hmax, recs[c].hmax+1)
			t.maxCount = max(t.maxCount, recs[c].maxCount)
		}
		if t.hmin == math.MaxInt {
			t.hmin = heightMax // the root of an empty trie: no key below
		}
		recs[p] = t
	}
	return layoutTrie(recs, maxDepth)
}

// layoutTrie encodes the breadth-first records of a trie (see nodeSize).
// It panics if a child number does not fit its bits: the record must
// never hold a truncated number, and the builder of compact.bin must fail
// loudly. The heights saturate instead (see heightMax).
func layoutTrie(recs []trieNode, maxDepth int) *suggester {
	n := len(recs)
	if n >= 1<<firstBits {
		panic(fmt.Sprintf("spell: %d trie nodes do not fit a node record's %d-bit child number", n, firstBits))
	}
	buf, labels := make([]byte, 0, (n+1)*nodeSize), make([]byte, n)
	var terms []uint32
	rank := make([]uint32, 0, 3*((n+63)/64))
	var set uint64
	for p, t := range recs {
		t.hmin, t.hmax = min(t.hmin, heightMax), min(t.hmax, heightMax)
		if (t.hmin == 0) != (t.term != 0) {
			panic(fmt.Sprintf("spell: trie node %d has key number %d but %d letters below it to a key", p, t.term, t.hmin))
		}
		labels[p] = t.label
		if p%64 == 0 {
			rank = append(rank, uint32(len(terms)), 0, 0)
			set = 0
		}
		if t.term != 0 {
			terms = append(terms, t.term-1)
			set |= 1 << (p % 64)
			rank[len(rank)-2], rank[len(rank)-1] = uint32(set), uint32(set>>32)
		}
		// The count class: ln(1+count) <= class/2 (31: any count).
		class := uint32(min(math.Ceil(2*math.Log1p(float64(t.maxCount))+1e-9), 31))
		buf = binary.LittleEndian.AppendUint32(buf, t.first|uint32(t.hmin)<<hminShift|uint32(t.hmax)<<hmaxShift)
		buf = binary.LittleEndian.AppendUint32(buf, t.mask|class<<27)
	}
	// A last record holds only the number after the last node's
	// children, from which that node's count of children follows.
	buf = binary.LittleEndian.AppendUint32(buf, uint32(n))
	buf = binary.LittleEndian.AppendUint32(buf, 0)
	return &suggester{nodes: string(buf), labels: string(labels), terms: packU32s(terms), rank: packU32s(rank), maxDepth: maxDepth}
}

// nodeSize is the size of a trie node's record, two little-endian
// uint32s: the number of its first child (bits 0-19) with the fewest
// (bits 20-25) and the most (bits 26-31) letters below it to a key (0: it
// is a key itself); then the letterBits below it (bits 0-26) with the
// count class of its subtree's most frequent key (bits 27-31). Its number
// of children is the next record's first child less its own (the
// children of consecutive nodes are consecutive), its letter is in
// labels, and the key it is (if any) in terms (see key).
const nodeSize = 8

// The bits of a node record's first uint32 (see nodeSize). A height
// (hmin, hmax) of heightMax means heightMax or more: a loaded list may
// have keys of 64 letters and more, which the six bits cannot count (the
// built-in keys are shorter). Read as exact, such a height only lowers a
// lower bound, but for hmax, the longest key below a node, as long as
// the typo has at most heightMax letters: with more, what is left of it
// after a cell may exceed hmax only because hmax saturated. So a search
// of a longer typo in a trie with such keys (maxDepth over heightMax)
// does without the lower bound (see newSearcher), and HasCommonNeighbour
// does not search. (Leaving the long keys out of the trie instead would
// leave them out of the suggestions too.)
const (
	firstBits = 20
	firstMask = 1<<firstBits - 1
	hminShift = firstBits
	hmaxShift = firstBits + 6
	heightMax = 1<<6 - 1
)

// trieNode is a trie node's record, decoded.
type trieNode struct {
	first, mask uint32 // mask: letterBits | count class << 27
	label       byte
	hmin, hmax  int // hmin 0: the node is a key
	children    int
	term        uint32 // while building only: key number + 1 (0: none); see key
	maxCount    uint32 // while building only
}

// node decodes node x, but for the key it is (see key).
func (s *suggester) node(x uint32) trieNode {
	r := s.nodes[nodeSize*int(x) : nodeSize*int(x)+nodeSize+4]
	w := le32(r, 0)
	first := w & firstMask
	return trieNode{
		first:    first,
		mask:     le32(r, 4),
		label:    s.labels[x],
		hmin:     int(w >> hminShift & heightMax),
		hmax:     int(w >> hmaxShift),
		children: int(le32(r, 8)&firstMask - first),
	}
}

// key returns the key number of node x, which must be a key (hmin 0):
// the keys of the trie's nodes are listed in node order, and rank holds
// per 64 nodes the number of keys before them and a bit per node that is
// one.
func (s *suggester) key(x uint32) uint32 {
	b := 3 * int(x/64)
	set := uint64(s.rank.at(b+1)) | uint64(s.rank.at(b+2))<<32
	return s.terms.at(int(s.rank.at(b)) + bits.OnesCount64(set&(1<<(x%64)-1)))
}

// letterIndex is the number of c's letterBit.
func letterIndex(c byte) int {
	if c >= 'a' && c <= 'z' {
		return int(c - 'a')
	}
	return 26
}

// letterIndices is letterIndex by table.
var letterIndices = func() (t [256]uint8) {
	for c := range t {
		t[c] = uint8(letterIndex(byte(c)))
	}
	return t
}()

// letterBit is c's bit in a node's mask: one per letter a–z, one for
// every other byte.
func letterBit(c byte) uint32 { return letterBits[c] }

// letterBits is letterBit by table: the search asks it for every child.
var letterBits = func() (t [256]uint32) {
	for c := range t {
		t[c] = 1 << 26
		if c >= 'a' && c <= 'z' {
			t[c] = 1 << (c - 'a')
		}
	}
	return t
}()

// linkKeys fills the QWERTY adjacency table.
func (s *suggester) linkKeys() {
	rows := []string{"qwertyuiop", "asdfghjkl", "zxcvbnm"}
	link := func(a, c byte) {
		s.adj[a-'a'][c-'a'] = true
		s.adj[c-'a'][a-'a'] = true
	}
	for r, row := range rows {
		for i := 0; i < len(row); i++ {
			if i+1 < len(row) {
				link(row[i], row[i+1])
			}
			if r+1 < len(rows) {
				below := rows[r+1]
				// Staggered rows: a key touches the two below it.
				for _, j := range []int{i - 1, i} {
					if j >= 0 && j < len(below) {
						link(row[i], below[j])
					}
				}
			}
		}
	}
}

// phonetic readies the metaphone index on first use.
func (s *suggester) phonetic(b *base) *suggester {
	s.phonOnce.Do(func() {
		if b.pre != nil {
			s.phonHash, s.phonIDs = b.pre.phonHash, b.pre.phonIDs
			return
		}
		s.phonHash, s.phonIDs = buildPhonetic(b)
	})
	return s
}

// buildPhonetic computes the metaphone index of every key.
func buildPhonetic(b *base) (hashes, ids u32s) {
	n := b.keys.len()
	pairs := make([]uint64, n)
	for id := 0; id < n; id++ {
		pairs[id] = uint64(strHash(metaphone(b.keys.key(uint32(id)))))<<32 | uint64(id)
	}
	slices.Sort(pairs)
	hs, is := make([]uint32, n), make([]uint32, n)
	for i, p := range pairs {
		hs[i], is[i] = uint32(p>>32), uint32(p)
	}
	return packU32s(hs), packU32s(is)
}

// soundAlikes calls fn with every key whose metaphone key is mp.
func (s *suggester) soundAlikes(b *base, mp string, fn func(id uint32)) {
	for i, end := s.phonRange(mp); i < end; i++ {
		if id := s.phonIDs.at(i); metaphone(b.keys.key(id)) == mp {
			fn(id)
		}
	}
}

// phonRange returns the range [i, end) of the metaphone index that holds
// the keys whose metaphone key hashes as mp does.
func (s *suggester) phonRange(mp string) (i, end int) {
	h := strHash(mp)
	i = s.phonFirst(h)
	for end = i; end < s.phonHash.len() && s.phonHash.at(end) == h; end++ {
	}
	return i, end
}

// phonFirst returns the index in the metaphone index of the first key
// whose hash is h or more.
func (s *suggester) phonFirst(h uint32) int {
	lo, hi := 0, s.phonHash.len()
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if s.phonHash.at(mid) < h {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

func isVowel(c byte) bool {
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'
}

func (s *suggester) subCost(w *weights, c, t byte) float32 {
	switch {
	case c == t:
		return 0
	case isVowel(c) && isVowel(t):
		return w.SubVowel
	case c >= 'a' && c <= 'z' && t >= 'a' && t <= 'z' && s.adj[c-'a'][t-'a']:
		return w.SubKey
	}
	return w.Sub
}

func delCost(w *weights, c, prev byte) float32 {
	switch c {
	case prev:
		return w.DelDouble
	case '-', '\'', ' ':
		return w.DelPunct
	}
	if w.DelVowel > 0 && isVowel(c) {
		return w.DelVowel
	}
	return w.Del
}

// aligner computes rows of the weighted Damerau–Levenshtein (optimal
// string alignment) table of one query against many words, with the
// query's substitution and insertion costs precomputed.
type aligner struct {
	s     *suggester
	w     *weights
	q     []byte
	n     int
	ins   []float32 // ins[i]: cost of the typo's extra letter q[i-1]
	sub   []float32 // sub[c*(n+1)+i]: cost of q[i-1] typed for letter c (a–z)
	other []float32 // the same for a letter outside a–z, filled on demand
	early [3]float32
	// minStep: the cheapest way for any word letter to take a step, by
	// deleting or substituting it or by a transposition over it (see
	// searcher.letters and overDepth).
	minStep float32
	// vowelStep: the cheapest way for a vowel to take a step (by
	// replacing a vowel of the typo, or by deleting it if DelVowel is
	// set; see searcher.letters).
	vowelStep float32
	// overDepth: the rows (j <= overDepth) that a transposition within
	// the bound may step over though none of their cells is within it.
	// A transposition from cell i of row j-1 into row j+1 otherwise has
	// row j's cell i, its letter deleted, within the bound too: deleting
	// costs no more than Trans. But the early-position surcharges can
	// make the deletion costlier: on row 1 it costs Del+FirstLetter
	// (1.295), the swap of the first two letters into row 2
	// Trans+SecondLetter (0.9); on row 2, 0.795 against 0.7. The walk
	// stopped at such a row and missed the swap at bounds in between
	// (the first search's, Near, among them). So over these rows the
	// walk admits the letters a transposition steps over (letters) and
	// descends below an empty row a transposition steps over (walk).
	// (letters looks for those letters on the first three rows only,
	// where the surcharges are; below, minStep admits them.)
	overDepth int
	// pairs[i]: the typo's letters q[i-2] and q[i-1] (i >= 2) as
	// q[i-2]<<8 | q[i-1], which a transposition into cell i swaps; 0xffff
	// for i < 2, which none can reach (a swap is of two different letters).
	pairs []uint16
	// qbit[i]: the letterBit of the typo's letter q[i] (i < n), and 0
	// for i = n, so that searcher.letters looks up a row's matches
	// without a test for the row's last cell.
	qbit []uint32
	// at[c]: the positions i (bit i) with q[i-1] == c, so that whether a
	// row has a transposition cell is told by a shift and an and (see
	// stepBand); all ones for every c when q is too long for the bits.
	at [256]uint64
	// transAt[c]: the cells i from which a transposition can start
	// below a node of letter c, those with q[i+1] == c != q[i] (bit i+2,
	// and not i+1, of at[c]; see walk). Set with at, for q of up to 62
	// letters.
	transAt [256]uint64
	// subOf[c]: the substitution costs for word letter c (a–z; nil for
	// the others, see otherSub), and delOf[c] the cost of deleting it
	// after another letter, so that a row's costs are found by a look-up
	// each.
	subOf [256][]float32
	delOf [256]float32
	// subBy[letterIndex(t)][c-'a']: the cost of typing t for the word
	// letter c (a–z), and subMin[letterIndex(t)] the least of them for
	// c != t and Sub (see lowerBound); with delOf, filled for the
	// weights costsW (costsOK) and kept from query to query.
	subBy   [27][26]float32
	subMin  [27]float32
	costsW  weights
	costsOK bool
}

// init readies a for query q, reusing its tables' memory.
//
// It sets every field rather than clearing the whole aligner: the
// tables by letter (at, subOf, delOf) are kilobytes that a search of a
// short word mostly leaves alone, so only the entries of the previous
// query's letters are cleared, and the costs that depend on the weights
// alone are kept while the weights stay the same.
func (a *aligner) init(s *suggester, w *weights, q string) *aligner {
	n := len(q)
	if a.n > 62 {
		clear(a.at[:])
	} else {
		for _, c := range a.q {
			a.at[c], a.transAt[c] = 0, 0
		}
	}
	a.s, a.w, a.q, a.n = s, w, append(a.q[:0], q...), n
	a.ins, a.sub, a.other = floats(a.ins, n+1), floats(a.sub, 26*(n+1)), a.other[:0]
	a.pairs, a.qbit = a.pairs[:0], a.qbit[:0]
	for i := 0; i < n; i++ {
		a.qbit = append(a.qbit, letterBit(q[i]))
	}
	a.qbit = append(a.qbit, 0)
	if !a.costsOK || a.costsW != *w {
		a.fillCosts(s, w)
	}
	if n <= 62 {
		for i := 1; i <= n; i++ {
			a.at[q[i-1]] |= 1 << i
		}
		for _, c := range a.q {
			a.transAt[c] = a.at[c] >> 2 &^ (a.at[c] >> 1)
		}
	} else {
		for c := range a.at {
			a.at[c] = math.MaxUint64
		}
	}
	for i := 0; i <= n; i++ {
		p := uint16(0xffff)
		if i >= 2 {
			p = uint16(q[i-2])<<8 | uint16(q[i-1])
		}
		a.pairs = append(a.pairs, p)
	}
	a.early = [3]float32{w.FirstLetter, w.SecondLetter, 0}
	a.overDepth = 0
	maxDel := w.maxDel()
	for j := 1; j <= len(a.early); j++ {
		// Row j's surcharge, and that of row j+1, into which the
		// transposition goes (0 from the third row on).
		next := float32(0)
		if j < len(a.early) {
			next = a.early[j]
		}
		if maxDel+a.early[j-1] > w.Trans+next {
			a.overDepth = j
		}
	}
	if !lowerBoundExact(w) {
		a.overDepth = math.MaxInt // every row (and no lower bound: see lowerBoundExact)
	}
	// (And Trans: from the fourth row on a transposition that steps
	// over a row starts at a cell, so within the bound less Trans,
	// which then has every letter admitted: see overDepth. The
	// default weights' Trans is above the others.)
	a.minStep = min(w.Del, w.Sub, w.SubKey, w.Trans)
	a.vowelStep = w.SubVowel
	if w.DelVowel > 0 {
		a.vowelStep = min(w.SubVowel, w.DelVowel)
	}
	for i := 1; i <= n; i++ {
		t := q[i-1]
		a.ins[i] = w.Ins
		if (i >= 2 && t == q[i-2]) || t == '-' || t == '\'' {
			a.ins[i] = w.InsDouble
		}
		// subCost(w, c, t) for every letter c, from the table by the
		// typo's letter.
		col := &a.subBy[letterIndices[t]]
		for c := range col {
			a.sub[c*(n+1)+i] = col[c]
		}
	}
	for c := byte('a'); c <= 'z'; c++ {
		a.subOf[c] = a.sub[int(c-'a')*(n+1) : int(c-'a'+1)*(n+1)]
	}
	return a
}

// fillCosts fills the costs that depend on the weights alone: subBy,
// subMin and delOf.
func (a *aligner) fillCosts(s *suggester, w *weights) {
	a.costsW, a.costsOK = *w, true
	for ti := range a.subBy {
		// subCost(w, c, t) for every letter c, written out: a call per
		// cell cost more than the cell. (A typo letter outside a–z,
		// index 26, matches no c: it costs Sub.)
		t := byte('a' + ti)
		tv, tl := ti < 26 && isVowel(t), ti < 26
		least := w.Sub // the cheapest substitution of another letter, w.Sub for one outside a–z
		for c := byte('a'); c <= 'z'; c++ {
			sc := w.Sub
			switch {
			case tl && c == t:
				sc = 0
			case tv && isVowel(c):
				sc = w.SubVowel
			case tl && s.adj[c-'a'][t-'a']:
				sc = w.SubKey
			}
			a.subBy[ti][c-'a'] = sc
			if !tl || c != t {
				least = min(least, sc)
			}
		}
		a.subMin[ti] = least
	}
	// delCost(w, c, prev) for prev != c, filled by kinds of letter.
	for c := range a.delOf {
		a.delOf[c] = w.Del
	}
	if w.DelVowel > 0 {
		for _, c := range []byte("aeiouy") {
			a.delOf[c] = w.DelVowel
		}
	}
	a.delOf['-'], a.delOf['\''], a.delOf[' '] = w.DelPunct, w.DelPunct, w.DelPunct
}

// first fills row 0: the typo's letters before the word's first one.
func (a *aligner) first(row []float32) {
	row[0] = 0
	for i := 1; i <= a.n; i++ {
		row[i] = row[i-1] + a.ins[i] + a.early[0]
	}
}

// rowCosts returns what every cell of the row for word letter c at
// position j shares: the early-position surcharge on this row and the
// next, the cost of deleting c, and the substitution costs for c.
func (a *aligner) rowCosts(c, pc byte, j int) (extra, insExtra, dc float32, sub []float32) {
	if j <= len(a.early) {
		extra = a.early[j-1]
	}
	if j < len(a.early) {
		insExtra = a.early[j]
	}
	dc = delCost(a.w, c, pc) + extra
	if c >= 'a' && c <= 'z' {
		sub = a.sub[int(c-'a')*(a.n+1) : int(c-'a'+1)*(a.n+1)]
	}
	return extra, insExtra, dc, sub
}

// step fills row cur for word letter c at position j (1-based) from the
// previous rows up (j-1) and up2 (j-2, nil at j=1); pc is the previous
// word letter. It returns the row minimum, a lower bound for every longer
// word with this prefix.
func (a *aligner) step(cur, up, up2 []float32, c, pc byte, j int) float32 {
	extra, insExtra, dc, sub := a.rowCosts(c, pc, j)
	q, n := a.q, a.n
	cur[0] = up[0] + dc
	lo := cur[0]
	for i := 1; i <= n; i++ {
		var sc float32
		if sub != nil {
			sc = sub[i]
		} else {
			sc = a.s.subCost(a.w, c, q[i-1])
		}
		best := up[i-1] + sc + extra
		if sc == 0 {
			best -= extra
		}
		if x := up[i] + dc; x < best {
			best = x
		}
		if y := cur[i-1] + a.ins[i] + insExtra; y < best {
			best = y
		}
		if up2 != nil && i >= 2 && c == q[i-2] && pc == q[i-1] && c != pc {
			if z := up2[i-2] + a.w.Trans + extra; z < best {
				best = z
			}
		}
		cur[i] = best
		if best < lo {
			lo = best
		}
	}
	return lo
}

// searcher is the state of one search.
type searcher struct {
	s     *suggester
	a     *aligner
	lb    *lowerBound
	bound *float32
	emit  func(key uint32, cost float32)
	prune *pruner // if set, the subtrees it rejects are skipped
	// keep: the pruner skips no subtree whose count class is keep or
	// more (see keepClass), as of the last key emitted: only emit can
	// change it, and the walk asks after every descent. A subtree it
	// cannot skip needs no costs for it.
	keep uint32
	// diagonal: the search visits the query's diagonal first (see
	// walkDiagonal); onDiagonal is the depth of the walk whose one child
	// is on it, whose descent continues it (0: none).
	diagonal   bool
	onDiagonal int
	width      int
	rows       []float32   // row j is rows[j*width:(j+1)*width]
	rowAt      [][]float32 // row j, sliced once: walk asks for three rows per node
}

// searchBufs is the state of one query's searches: the aligner, the
// lower bound and the searcher with their tables. A run makes hundreds of
// searches and each would allocate ~10 KB of tables, so they are pooled.
type searchBufs struct {
	a  aligner
	lb lowerBound
	r  searcher
	p  pruner
	// sounds: the keys that sound like the query (see soundAlikeIDs).
	sounds []uint32
}

var searchPool = sync.Pool{New: func() any { return new(searchBufs) }}

// floats returns buf resized to n zero cells, in its own memory if it
// has room.
func floats(buf []float32, n int) []float32 {
	if cap(buf) < n {
		return make([]float32, n)
	}
	buf = buf[:n]
	clear(buf)
	return buf
}

// newSearcher readies the search state for query q in bufs; one
// searcher serves several searches of it in turn.
func (s *suggester) newSearcher(bufs *searchBufs, w *weights, q string) *searcher {
	a := bufs.a.init(s, w, q)
	width := a.n + 1
	r := &bufs.r
	*r = searcher{
		s: s, a: a, width: width,
		rows:  floats(r.rows, (s.maxDepth+2)*width),
		rowAt: r.rowAt,
	}
	r.rowAt = r.rowAt[:0]
	for j := 0; j < s.maxDepth+2; j++ {
		r.rowAt = append(r.rowAt, r.rows[j*width:(j+1)*width])
	}
	// (The heights the lower bound reads may have saturated, if the
	// trie has keys longer than heightMax, and then they hold for a typo
	// of at most heightMax letters only.)
	if lowerBoundExact(a.w) && (a.n <= heightMax || s.maxDepth <= heightMax) {
		r.lb = bufs.lb.init(a)
	}
	return r
}

// search walks the trie and calls emit for every folded key within
// *bound of the query, with its cost, in the trie's order. Each row of the table
// is computed only over its band: the cells that can still lead to a
// cost within bound (Ukkonen's cut-off), narrowed further by a lower
// bound on the cost of completing the prefix in its subtree, which is a
// few cells wide for most prefixes.
//
// emit may lower *bound as it learns that farther keys cannot win; the
// search applies the new bound from the next node on.
func (r *searcher) search(bound *float32, emit func(key uint32, cost float32), prune *pruner) {
	r.bound, r.emit, r.prune = bound, emit, prune
	r.keep = r.keepClass(0)
	a, width := r.a, r.width
	a.first(r.rows[:width])
	b := band{0, 0}
	for i := 1; i <= a.n && r.rows[i] <= *bound; i++ {
		b.hi = i
	}
	root := r.s.node(0)
	if r.diagonal {
		r.walkDiagonal(root.first, root.children, 1, 0, b, band{1, 0})
		return
	}
	r.walk(root.first, root.children, 1, 0, b, band{1, 0})
}

// walkDiagonal is walk with the child whose letter is the query's at its
// depth, if there is one, visited before its siblings, which are visited
// in their order; and below that child likewise: the nodes of the
// query's prefixes, its diagonal, come first. The keys that cost least
// are mostly below them, and finding them first raises the pruner's
// floor sooner; the keys emitted are the same, in another order (see
// searchOrdered for when that changes nothing).
func (r *searcher) walkDiagonal(first uint32, children, depth int, pc byte, ub, u2b band) {
	if depth-1 < r.a.n {
		labels := r.s.labels[first : first+uint32(children)]
		if k := strings.IndexByte(labels, r.a.q[depth-1]); k >= 0 {
			r.onDiagonal = depth
			r.walk(first+uint32(k), 1, depth, pc, ub, u2b)
			r.onDiagonal = 0
			if k > 0 {
				r.walk(first, k, depth, pc, ub, u2b)
			}
			if rest := children - k - 1; rest > 0 {
				r.walk(first+uint32(k)+1, rest, depth, pc, ub, u2b)
			}
			return
		}
	}
	r.walk(first, children, depth, pc, ub, u2b)
}

// walk steps into the children of a node (nodes first to
// first+children-1), whose row is depth-1. A child is skipped, with the
// same result as computing its row, when no key below it can be within
// the bound: its letter cannot extend the node's row (letters), or the
// lower bound says so (the tail test, reachCost); a child is descended
// into only if its row leaves a cell from which a key can be reached,
// or a transposition can step over it (jump); and a subtree that cannot
// change the ranking is skipped (prune).
//
// The node's letter is pc (0 at the root), the live cells of its row
// are ub, and those of its parent's row u2b (empty at depth 1): they are
// arguments, which a call passes in registers, rather than tables.
func (r *searcher) walk(first uint32, children, depth int, pc byte, ub, u2b band) {
	s, a := r.s, r.a
	up, cur := r.rowAt[depth-1], r.rowAt[depth]
	// The letters of the children a transposition from up2 may reach
	// (with the bound as it is now, which only falls): transIntoCost
	// need only look at those, and only their rows are stepTrans's. So
	// up2, the parent's row, is read only where into has a cell to look
	// at, and is looked up only there (nil otherwise: no row is then
	// stepTrans's, nor asks transIntoCost). (Looked up for every node,
	// with the test of the depth for the root's children, it took walk
	// 0.4M more on the corpus queries.)
	var up2 []float32
	var into uint32
	if depth >= 2 && u2b.lo <= u2b.hi {
		if a.n <= 62 {
			// Only the cells i with q[i+1] == pc != q[i] (transAt[pc])
			// can start one: most nodes have none, and then no cell is
			// looked at, nor the band's mask and the costs. (The shift
			// counts are below 63: masking them spares their tests.)
			if st := a.transAt[pc]; st != 0 {
				up2 = r.rowAt[depth-2]
				band := (uint64(2)<<(u2b.hi&63) - 1) &^ (uint64(1)<<(u2b.lo&63) - 1)
				for m := st & band; m != 0; m &= m - 1 {
					if i := bits.TrailingZeros64(m); up2[i]+a.w.Trans <= *r.bound {
						into |= letterBit(a.q[i])
					}
				}
			}
		} else {
			up2 = r.rowAt[depth-2]
			q, trans, bound := a.q, a.w.Trans, *r.bound
			for i := u2b.lo; i <= u2b.hi && i+1 < len(q); i++ {
				if q[i+1] == pc && q[i] != pc && up2[i]+trans <= bound {
					into |= letterBit(q[i])
				}
			}
		}
	}
	// The typo's positions after the band's last cell: a letter there
	// that a subtree lacks costs from every cell of the band.
	// (For a typo of more than 63 letters after's masked shift makes it
	// another set, but then there are no position sets to mask with it:
	// see noMask.)
	tail := after(^uint64(0), ub.hi)
	labels := s.childLabels(first, children)
	lb := r.lb
	upMin := float32(-1) // rowMin(up, ub), computed when first needed
	// The bound and the classes to prune change only by an emit, here
	// or below a child: they are read again after each.
	keep, bound := r.keep, *r.bound
	// letters is asked last, just before the loop: the call leaves no
	// value in a register, so the loop's head expects none, and the
	// children it passes over by their letters (three in five) go back
	// to it without reloading any. (Asked before the lines above, the
	// head took three values in registers, reloaded on every pass:
	// walk +6.1M on clean.)
	allowed, best := r.letters(up, ub, into, pc, depth)
	for k := 0; k < len(labels); k++ {
		c := labels[k]
		if allowed&letterBit(c) == 0 {
			continue
		}
		// The child's record, read as one word (see node); the next
		// record, whose first child gives the child's number of
		// children, only to descend. (Its two halves read with the
		// next record's first in one slice took a bounds check and
		// a load more: corpus queries +1.1M.)
		x := first + uint32(k)
		rec := s.record(x)
		w0, mask := uint32(rec), uint32(rec>>32)
		// The positions of the typo's letters the subtree below the child
		// lacks, and those the child's subtree lacks (its letter too).
		var missing, sub uint64
		if lb != nil {
			missing = lb.missing(mask)
			sub = missing & lb.others[c] // missing &^ pos[letterIndex(c)]
			// When the letters the child's subtree lacks after the
			// band take even the best cell past the bound, reachCost
			// and the child's row find no cell (each of their cells
			// costs at least that), and only a transposition can keep
			// the child; most children the bound rejects are rejected
			// so, without a look at each cell.
			if m := sub & tail; m != 0 && into&letterBit(c) == 0 {
				ms := lb.missSum(m)
				if best+ms > bound+1e-3 {
					continue
				}
				// Each cell costs at least the cell plus the lacking
				// letters after it (see lowerBound), so the cells up to
				// j at least best plus those after j: when the band's
				// last cell fails on its own, the cells before it have
				// the letter of its position to type too; and likewise
				// for the one before. (Going on, cell by cell, as a loop
				// in a call of its own, cost more than it saved.)
				if up[ub.hi]+ms > bound+1e-3 {
					ms = lb.missSum(sub & after(^uint64(0), ub.hi-1))
					if best+ms > bound+1e-3 {
						continue
					}
					if ub.hi-1 > ub.lo && up[ub.hi-1]+ms > bound+1e-3 && best+lb.missSum(sub&after(^uint64(0), ub.hi-2)) > bound+1e-3 {
						continue
					}
				}
			}
		}
		hmin, hmax := int(w0>>hminShift&heightMax), int(w0>>hmaxShift)
		// A subtree the pruner may skip, by its count class, is asked
		// about before its row is computed, with the least cost the
		// lower bound bounds its keys by. For the others the row itself
		// tells whether a key below can be within the bound. (A test of
		// that by the lower bound on the node's row, reachCost's but
		// stopping at the first cell that passes, came before the row
		// too: it turned down one child in five, and cost more than the
		// rows it spared; without it, clean -5.7M, seed -0.35M.)
		if lb != nil {
			if mask>>27 < keep {
				trans := float32(math.MaxFloat32)
				if into&letterBit(c) != 0 {
					trans = r.transIntoCost(up2, u2b, c, pc, bound)
				}
				// The pruner skips at a cost if it skips at a lower one,
				// and the tail test's sum (see above) is at most
				// reachCost's least (its cells and sums are each at
				// least that sum's, in floats too): if that is enough,
				// the subtree is skipped, or cannot be reached, without
				// reachCost. It is enough for nearly half the subtrees
				// the pruner is asked about. (skipAt is skip's test,
				// solved for the cost: see skipFrom.)
				near := best
				if m := sub & tail; m != 0 {
					near += lb.missSum(m)
				}
				if cost, at := min(near-1e-3, trans), &r.prune.skipAt[mask>>27]; cost > at[1] || cost > at[0] && !r.prune.sound(x) {
					continue
				}
				least := lb.reachCost(up, ub, sub, hmin+1, hmax+1, bound)
				if least > bound+1e-3 && trans > bound {
					continue // no key below can be within bound
				}
				if r.prune.skips(x, mask>>27, min(least-1e-3, trans)) {
					continue
				}
			}
		}
		// A row that a transposition within the bound may reach (its
		// letter is in into) is stepTrans's; few are. A transposition
		// past the bound gives only cells past it, and no cell within
		// it, nor any after it, is then other than stepBand's. (Told
		// here, by into, rather than in stepBand by the typo's letters
		// alone: stepBand takes neither the parent's row nor its band,
		// which the call passed on the stack, and fewer rows are
		// stepTrans's. Clean -8.6M, c20 -5.1M.)
		// The first two rows, which carry the early-position
		// surcharges, are stepEarly's: stepBand's loops then add none,
		// which took a test per cell and an argument more. (stepTrans
		// for them instead, without up2, cost more than that saved:
		// its tests per cell, on the widest rows, clean +10.7M.)
		var cb band
		if into&letterBit(c) != 0 {
			cb = a.stepTrans(cur, up, up2, ub, u2b, c, pc, depth, bound)
		} else if depth <= 2 {
			cb = a.stepEarly(cur, up, ub, c, pc, depth, bound)
		} else {
			cb = a.stepBand(cur, up, ub, c, pc, bound)
		}
		if cb.lo > cb.hi {
			// Near the start a transposition may step over a row with
			// no cell within the bound (see aligner.overDepth): below
			// it, only the rows it goes into are live.
			if depth > a.overDepth || hmax == 0 || !r.jump(up, ub, c, bound) {
				continue
			}
		} else if cb.hi == a.n && hmin == 0 {
			r.emit(s.key(x), cur[a.n])
			bound = *r.bound
			r.keep = r.keepClass(r.keep)
			keep = r.keep
		}
		// (A node with children has keys below it: hmax 0 is a leaf. A
		// node with keys below it is above the deepest key, maxDepth: the
		// rows below its row are there, and need no test of the depth;
		// a height that saturated, heightMax, is only lower.)
		if hmax == 0 {
			continue
		}
		if lb != nil && depth >= 2 && (missing&after(^uint64(0), cb.lo) != 0 || a.n-cb.lo > hmax || a.n-cb.hi < hmin) {
			// (Otherwise trim would keep the band's ends, which are
			// within the bound, and so every cell.)
			tb := lb.trim(cur, cb, missing, hmin, hmax, bound)
			// (A transposition over the row starts at a cell i of up's
			// band with q[i+1] == c, bit i of at[c]>>2. A typo of more
			// than 62 letters has too many cells for the bits, whose
			// band bandBits does not give: then jump tells.)
			if tb.lo > tb.hi && (a.n <= 62 && a.at[c]>>2&bandBits(ub) == 0 || !r.jump(up, ub, c, bound)) {
				continue
			}
			cb = tb
		}
		if mask>>27 < keep {
			// The least cost of a key below: through a cell of this
			// row, at least the cell plus the lower bound on completing
			// it; over this row, by a transposition from the parent's.
			var least float32
			if lb != nil {
				least = lb.cost(cur, cb, missing, hmin, hmax)
				if a.n > 62 || a.at[c]>>2&bandBits(ub) != 0 { // as for jump above
					least = min(least, r.jumpCost(up, ub, c))
				}
			} else {
				if upMin < 0 {
					upMin = r.rowMin(up, ub)
				}
				least = min(r.rowMin(cur, cb), upMin)
			}
			if r.prune.skips(x, mask>>27, least) {
				continue
			}
		}
		nc := int(uint32(s.record(x+1))&firstMask - w0&firstMask)
		if depth == r.onDiagonal {
			r.walkDiagonal(w0&firstMask, nc, depth+1, c, cb, ub)
		} else {
			r.walk(w0&firstMask, nc, depth+1, c, cb, ub)
		}
		keep, bound = r.keep, *r.bound
	}
}

// keepClass returns the least count class, from on, of the subtrees the
// pruner does not skip in this search as its floor is now: 0 if it has
// no floor (it has once it holds n forms, and keeps it), else the least
// class whose ceiling (see pruner.skip) at the highest cost the walk asks
// about (bound+1e-3) is not below the floor, or 31, which it never skips.
// The ceilings rise with the class, so no class above it is skipped
// either.
//
// During a search the floor only rises and the bound only falls, so the
// class mostly rises: from, the last answer, is where it looks from. (An
// answer above the least, when the bound has fallen, only has the walk
// work out costs that skip will not use.)
func (r *searcher) keepClass(from uint32) uint32 {
	p := r.prune
	if p == nil || math.IsInf(p.floor.low, -1) {
		return 0
	}
	low := p.floor.low - 1e-9
	cost := p.edit * float64(*r.bound+1e-3)
	c := from
	for c < 31 && p.ceiling[0][c]-cost < low {
		c++
	}
	p.skipFrom(c)
	return c
}

// record returns node x's record (see nodeSize) as one little-endian
// uint64, for x up to the number of nodes (the end record's). The walk
// reads it for every child it does not pass over by its letter, and the
// next one's for every descent. Its node numbers come from the records
// themselves, which layoutTrie makes consistent (compact.bin's are its
// output: TestCompactFresh), so the read skips the bounds check of a slice of nodes; with
// the one in childLabels, and their spills, that took walk 10M of its
// 164M on the corpus queries (c20 -7.7M).
func (s *suggester) record(x uint32) uint64 {
	return binary.LittleEndian.Uint64((*[nodeSize]byte)(unsafe.Add(unsafe.Pointer(unsafe.StringData(s.nodes)), uintptr(x)*nodeSize))[:])
}

// childLabels returns the letters of the children first to
// first+children-1 of a node, from its record: within labels by
// construction, as for record. (The table's rows, looked up without
// rowAt's bounds check likewise, took walk 3.5M more: the registers.)
func (s *suggester) childLabels(first uint32, children int) string {
	return unsafe.String((*byte)(unsafe.Add(unsafe.Pointer(unsafe.StringData(s.labels)), first)), children)
}

// le32 reads the little-endian uint32 at r[i:i+4].
func le32(r string, i int) uint32 {
	r = r[i : i+4]
	return uint32(r[0]) | uint32(r[1])<<8 | uint32(r[2])<<16 | uint32(r[3])<<24
}

// letters returns the letterBits of the letters whose rows below the
// node's (up, band ub) can have a cell within the bound, or that a
// transposition within it steps over on the rows near the start (see
// aligner.overDepth), and the least cell of ub (MaxFloat32 if it is
// empty): when even the best cell of up is close to the bound, only a
// letter that matches the typo, or costs little to drop, or is swapped
// into the row from the parent's (into, the letters a transposition from
// up2 reaches within the bound; see walk), can follow; the rows of the
// others would be empty and stepped over by no transposition, so they
// are not computed. (into is exact where the letters of the typo in the
// parent's band, which this took before, were a superset: of the
// nodes it looked at, most have no transposition at all.)
func (r *searcher) letters(up []float32, ub band, into uint32, pc byte, depth int) (letters uint32, best float32) {
	const all = 1<<27 - 1
	a, w, bound := r.a, r.a.w, *r.bound
	best = float32(math.MaxFloat32)
	var m uint32
	// (depth is at least 1: as an unsigned index, depth-1 needs no
	// bounds check.)
	var extra float32
	if k := uint(depth - 1); k < uint(len(a.early)) {
		extra = a.early[k]
		if depth <= a.overDepth {
			// A row a transposition may step over with none of its
			// cells within the bound (see aligner.overDepth): the letter
			// it steps over, q[i+1] for a cell i of up. (Asked here, the
			// test costs only the rows near the start; after the loop
			// below, the loop took a register more: clean +4.3M, 1.2M
			// of it its own; called from walk, +19M in walk.) From the
			// fourth row on, the slack is at least Trans then, which
			// minStep is at most: every letter is admitted.
			q, trans := a.q, w.Trans
			for i := ub.lo; i <= ub.hi && i+1 < len(q); i++ {
				if up[i]+trans <= bound {
					m |= letterBit(q[i+1])
				}
			}
		}
	}
	// The least cell, and the letters that match a cell within the
	// bound, in one loop over the band: the matches are needed for most
	// nodes, and the loop reads each cell only once.
	// A band's cells are cells of the row, and qbit has an entry per
	// cell (see aligner.qbit): both are read without bounds checks, as
	// stepBand reads its rows (letters -1.4M on the corpus queries).
	upp, qbp := unsafe.Pointer(unsafe.SliceData(up)), unsafe.Pointer(unsafe.SliceData(a.qbit))
	for i := ub.lo; i <= ub.hi; i++ {
		x := *(*float32)(unsafe.Add(upp, uintptr(i)*4))
		best = min(best, x)
		b := *(*uint32)(unsafe.Add(qbp, uintptr(i)*4)) // a match
		if x > bound {
			b = 0
		}
		m |= b
	}
	slack := bound - best - extra + 1e-3 // a margin for rounding
	if slack >= a.minStep {
		return all, best
	}
	m |= into // a transposition
	if slack >= w.DelDouble {
		m |= letterBit(pc)
	}
	if slack >= w.DelPunct {
		m |= letterBit('-')
	}
	if slack >= a.vowelStep { // slack >= w.SubVowel || w.DelVowel > 0 && slack >= w.DelVowel
		m |= letterBit('a') | letterBit('e') | letterBit('i') | letterBit('o') | letterBit('u') | letterBit('y')
	}
	return m, best
}

// transIntoCost is the least cost, within bound, of a transposition
// from the row up2 (band u2b) into the row of a node with letter c,
// whose parent has letter pc (MaxFloat32 if none).
func (r *searcher) transIntoCost(up2 []float32, u2b band, c, pc byte, bound float32) float32 {
	least := float32(math.MaxFloat32)
	if up2 == nil || c == pc {
		return least
	}
	q, trans := r.a.q, r.a.w.Trans
	for k := u2b.lo; k <= u2b.hi && k+1 < len(q); k++ {
		if q[k] == c && q[k+1] == pc && up2[k]+trans <= bound {
			least = min(least, up2[k]+trans)
		}
	}
	return least
}

// rowMin returns the least cell of row in band b (MaxFloat32 if empty).
func (r *searcher) rowMin(row []float32, b band) float32 {
	m := float32(math.MaxFloat32)
	for i := b.lo; i <= b.hi; i++ {
		m = min(m, row[i])
	}
	return m
}

// jumpCost returns the least cost, from the parent's row (up, band ub),
// of a transposition stepping over the row of a node with letter c
// (MaxFloat32 if none can).
func (r *searcher) jumpCost(up []float32, ub band, c byte) float32 {
	a := r.a
	if a.n > 62 {
		return r.jumpCostLong(up, ub, c)
	}
	// The cells i with q[i+1] == c, by the positions of c (see
	// aligner.at): most children have none in the band.
	m := float32(math.MaxFloat32)
	for at := a.at[c] >> 2 & bandBits(ub); at != 0; at &= at - 1 {
		m = min(m, up[bits.TrailingZeros64(at)]+a.w.Trans)
	}
	return m
}

// jumpCostLong is jumpCost for a typo of more than 62 letters.
func (r *searcher) jumpCostLong(up []float32, ub band, c byte) float32 {
	q, trans := r.a.q, r.a.w.Trans
	m := float32(math.MaxFloat32)
	for i := ub.lo; i <= ub.hi && i+1 < len(q); i++ {
		if q[i+1] == c {
			m = min(m, up[i]+trans)
		}
	}
	return m
}

// jump reports whether a transposition could step over the row of a
// node with letter c, from a cell of its parent's row (up, band ub) to a
// row below it, within bound.
func (r *searcher) jump(up []float32, ub band, c byte, bound float32) bool {
	a := r.a
	if a.n > 62 {
		return r.jumpLong(up, ub, c, bound)
	}
	// As in jumpCost.
	for at := a.at[c] >> 2 & bandBits(ub); at != 0; at &= at - 1 {
		if up[bits.TrailingZeros64(at)]+a.w.Trans <= bound {
			return true
		}
	}
	return false
}

// jumpLong is jump for a typo of more than 62 letters.
func (r *searcher) jumpLong(up []float32, ub band, c byte, bound float32) bool {
	q, trans := r.a.q, r.a.w.Trans
	for i := ub.lo; i <= ub.hi && i+1 < len(q); i++ {
		if q[i+1] == c && up[i]+trans <= bound {
			return true
		}
	}
	return false
}

// lowerBound bounds from below the cost of completing an alignment: from
// cell i of a prefix's row, the typo's letters after i must still be
// typed, and the subtree below the prefix must supply a key. A typo
// letter the subtree lacks costs at least its insertion or its cheapest
// substitution; a subtree whose keys are all shorter than what is left
// of the typo costs insertions, and one whose keys are all longer costs
// deletions. The deletions add to the lacking letters' costs (a deletion
// types no letter of the typo, so it is never one of their edits); the
// insertions may be theirs, so the larger of the two counts. Cells from
// which even that exceeds the bound are cut from the band, which leaves
// the keys found and their costs as they were.
type lowerBound struct {
	n  int
	cq []float32 // cq[k]: the least cost of typing q[k-1] other than by matching it
	// pos[b]: the positions k of q's letters with letterBit 1<<b (b < 27;
	// the rest are empty, so that a byte's index masked to 5 bits needs
	// no bounds check)
	pos [32]uint64
	// others[c]: every position but those of q's letters with c's
	// letterBit (^pos[letterIndex(c)]), by byte: the walk asks for each
	// child it screens.
	others   [256]uint64
	othersOK bool           // others is filled (for the previous query)
	chunk    [3][512]uint64 // the union of pos over each 9-bit slice of a mask
	qbits    uint32         // the letterBits of q
	maskBits uint32         // qbits, or none if q is too long for the position sets (see missing)
	insSum   []float32      // insSum[i*(n+1)+m]: the m cheapest insertions among q[i:]
	minDel   float32        // the cheapest deletion
	noMask   bool           // q is too long for the position sets
	// msum[c<<8|b]: the sum of cq[8c+k] over the bits k of b, so that
	// the costs of a set of positions are summed a byte at a time.
	msum   []float32
	msum0  *[256]float32 // msum's first 256, which missSum reads without a bounds check
	msum1  *[256]float32 // and its second 256, for a typo of 8 letters or more
	sorted []float32     // scratch for init
}

// lowerBoundExact reports whether cutting bands with lowerBound leaves
// the search's result exactly as without it. The cuts themselves never
// lose a key; but below the rows near the start (aligner.overDepth) the
// search descends below a node only if some cell of its row is within
// the bound, and a transposition can step over a row whose cells the
// cuts removed. From the third row on that changes nothing when deleting
// any letter costs no more than a transposition (the cell below a
// transposition's start is then within the bound too), and the first two
// rows are never cut.
func lowerBoundExact(w *weights) bool {
	return w.maxDel() <= w.Trans
}

// maxDel is the most a deletion costs (any letter, not counting the
// early-position surcharges).
func (w *weights) maxDel() float32 {
	return max(w.Del, w.DelDouble, w.DelPunct, w.DelVowel)
}

// init readies l for a's query, reusing its tables' memory.
func (l *lowerBound) init(a *aligner) *lowerBound {
	w, n := a.w, a.n
	// The fields are set one by one rather than by clearing l: chunk is
	// 12 KB, and only its entries for the subsets of q's letters, each
	// written here before any is read, are looked up (see missing; the
	// entry for the empty set is never written, and stays 0).
	l.n, l.cq, l.insSum, l.noMask = n, floats(l.cq, n+1), floats(l.insSum, (n+1)*(n+1)), n > 63
	old := l.qbits // the previous query's letters (see others)
	l.msum, l.msum0, l.msum1, l.sorted, l.pos, l.qbits = l.msum[:0], nil, nil, l.sorted[:0], [32]uint64{}, 0
	l.minDel = min(w.Del, w.DelDouble, w.DelPunct)
	if w.DelVowel > 0 {
		l.minDel = min(l.minDel, w.DelVowel)
	}
	for k := 1; k <= n; k++ {
		t := a.q[k-1]
		// The cheapest substitution of another letter for t, and Sub
		// for a word letter outside a–z.
		l.cq[k] = min(a.ins[k], a.subMin[letterIndices[t]])
		if !l.noMask {
			l.pos[bits.TrailingZeros32(letterBit(t))] |= 1 << k
		}
		l.qbits |= letterBit(t)
	}
	// others differs from all ones only at q's letters, and at every
	// byte outside a–z if q has one: only the previous query's and this
	// one's letters are set, unless either has such a byte.
	if !l.othersOK || (old|l.qbits)&(1<<26) != 0 {
		for c := range l.others {
			l.others[c] = ^l.pos[letterIndices[c]&31]
		}
		l.othersOK = true
	} else {
		for m := old; m != 0; m &= m - 1 {
			l.others['a'+bits.TrailingZeros32(m)] = math.MaxUint64
		}
		for m := l.qbits; m != 0; m &= m - 1 {
			b := bits.TrailingZeros32(m)
			l.others['a'+b] = ^l.pos[b]
		}
	}
	l.maskBits = 0
	if !l.noMask {
		l.maskBits = l.qbits
		l.msum = floats(l.msum, (n>>3+1)<<8) // the bytes holding bits 0..n
		l.msum0 = (*[256]float32)(l.msum)
		if len(l.msum) >= 512 {
			l.msum1 = (*[256]float32)(l.msum[256:])
		}
		for c := 0; c < len(l.msum); c += 256 {
			t := (*[256]float32)(l.msum[c : c+256]) // (an array: its indices, masked, need no checks)
			// Only sets of positions up to n are looked up: in the last
			// byte, the values below 2<<(n%8). Each set's sum is its sum
			// without its lowest position plus that position's cost, and
			// the sets are taken by their lowest position k, from the
			// highest, so that the set without it is done before. (The
			// position k is at most n by top; position 0 adds cq[0], 0.)
			top := min(n-c>>5, 7)
			for k := top; k >= 0; k-- {
				v := l.cq[c>>5+k]
				for h := 0; h < 1<<(top-k); h++ {
					rest := h << (k + 1)
					t[(rest|1<<k)&255] = t[rest&255] + v
				}
			}
		}
		for c := range l.chunk {
			// Only sets of q's letters are looked up (see missing): the
			// subsets of qc, taken in increasing order, so that each
			// comes after itself less its lowest bit.
			qc := l.qbits >> (9 * c) & 511
			for m := -qc & qc; m != 0; m = (m - qc) & qc {
				l.chunk[c][m] = l.chunk[c][m&(m-1)] | l.pos[9*c+bits.TrailingZeros32(m)]
			}
		}
	}
	ins := l.sorted
	for i := 0; i <= n; i++ {
		ins = append(ins[:0], a.ins[i+1:]...)
		slices.Sort(ins)
		sums := l.insSum[i*(n+1) : (i+1)*(n+1)]
		for m, c := range ins {
			sums[m+1] = sums[m] + c
		}
	}
	l.sorted = ins
	return l
}

// missing returns the positions k (bit k) of q's letters whose
// letterBits are not in mask. (For a typo too long for the position
// sets maskBits is empty, so that the walk's one test per child tells
// both cases: a test of noMask first cost walk 1.3M on the corpus
// queries.)
func (l *lowerBound) missing(mask uint32) uint64 {
	m := l.maskBits &^ mask
	if m == 0 {
		return 0
	}
	return l.chunk[0][m&511] | l.chunk[1][m>>9&511] | l.chunk[2][m>>18&511]
}

// trim narrows band b of row cur, for a node with the given subtree
// summary, to the cells from which a key may still be within bound.
func (l *lowerBound) trim(cur []float32, b band, missing uint64, hmin, hmax int, bound float32) band {
	// A margin keeps float rounding from cutting a cell whose key would
	// just make the bound.
	lim := bound + 1e-3
	// A cell is alive (may lead to a key within the bound) if it is
	// within the bound, and so are the cell with the insertions of what
	// is left of the typo past the subtree's longest key, and the cell
	// with the deletions of the subtree's shortest key past the typo's
	// end and the typo's letters after the cell that the subtree lacks
	// (see lowerBound). The test is written out in both loops: a call
	// per cell cost more than the test.
	n := l.n
	// (The cells and the sums read as in reachCost.)
	rowp, insp := unsafe.Pointer(unsafe.SliceData(cur)), unsafe.Pointer(unsafe.SliceData(l.insSum))
	keep := ^(uint64(2)<<(b.lo&63) - 1) // after's mask for b.lo (see reachCost)
	for ; b.lo <= b.hi; b.lo, keep = b.lo+1, keep<<1 {
		i, c := b.lo, cell(rowp, b.lo)
		if c > bound {
			continue
		}
		if r := n - i; r > hmax {
			if c+cell(insp, i*(n+1)+r-hmax) > lim {
				continue
			}
		} else if hmin > r {
			c += float32(hmin-r) * l.minDel
			if c > lim {
				continue
			}
		}
		if m := missing & keep; m != 0 {
			c += l.missSum(m)
		}
		if c <= lim {
			break
		}
	}
	for ; b.hi > b.lo; b.hi-- {
		i, c := b.hi, cell(rowp, b.hi)
		if c > bound {
			continue
		}
		if r := n - i; r > hmax {
			if c+cell(insp, i*(n+1)+r-hmax) > lim {
				continue
			}
		} else if hmin > r {
			c += float32(hmin-r) * l.minDel
			if c > lim {
				continue
			}
		}
		if m := after(missing, i); m != 0 {
			c += l.missSum(m)
		}
		if c <= lim {
			break
		}
	}
	return b
}

// reachCost returns the least, over the cells of row in band b within
// bound, of the cell plus the lower bound trim tests it by: if it is
// more than bound+1e-3, no key of the subtree is within bound through
// row. Less 1e-3, it bounds from below the cost of every key of the
// subtree within bound reached through row (see cost).
func (l *lowerBound) reachCost(row []float32, b band, missing uint64, hmin, hmax int, bound float32) float32 {
	n := l.n
	least := float32(math.MaxFloat32)
	// The band's cells, and the sums insSum has for them, are read as
	// stepBand reads its cells (see cell).
	rowp, insp := unsafe.Pointer(unsafe.SliceData(row)), unsafe.Pointer(unsafe.SliceData(l.insSum))
	// The cells fall in three runs by what is left of the typo after
	// them, r = n-i: more letters than the subtree's longest key (i <
	// n-hmax), fewer than its shortest (i > n-hmin), or neither. Each run
	// has a loop of its own, which tests no r; the middle one, which
	// holds most cells, adds no insertions nor deletions. keep is after's
	// mask for cell i, shifted along with it.
	i, keep := b.lo, ^(uint64(2)<<(b.lo&63) - 1)
	for e := min(b.hi, n-hmax-1); i <= e; i, keep = i+1, keep<<1 {
		c := cell(rowp, i)
		if c > bound {
			continue
		}
		rest := cell(insp, i*(n+1)+n-i-hmax)
		if m := missing & keep; m != 0 {
			// (A branch rather than the builtin max, which spends
			// instructions on NaNs and signed zeros: the costs are
			// neither, and the sum is mostly the larger.)
			if ms := l.missSum(m); ms > rest {
				rest = ms
			}
		}
		least = min(least, c+rest)
	}
	for e := min(b.hi, n-hmin); i <= e; i, keep = i+1, keep<<1 {
		c := cell(rowp, i)
		if c > bound {
			continue
		}
		if m := missing & keep; m != 0 {
			c += l.missSum(m)
		}
		least = min(least, c)
	}
	for ; i <= b.hi; i, keep = i+1, keep<<1 {
		c := cell(rowp, i)
		if c > bound {
			continue
		}
		var rest float32
		if m := missing & keep; m != 0 {
			rest = l.missSum(m)
		}
		rest += float32(hmin-(n-i)) * l.minDel
		least = min(least, c+rest)
	}
	return least
}

// cost returns a lower bound on the cost of every key, of a subtree
// with the given summary, reached through a cell of row in band b
// (MaxFloat32 if b is empty): the least over the cells of the cell plus
// what trim bounds the completion from below by, less a margin for
// float rounding.
func (l *lowerBound) cost(row []float32, b band, missing uint64, hmin, hmax int) float32 {
	n := l.n
	least := float32(math.MaxFloat32)
	// (The cells and the sums read as in reachCost.)
	rowp, insp := unsafe.Pointer(unsafe.SliceData(row)), unsafe.Pointer(unsafe.SliceData(l.insSum))
	// In three runs, as in reachCost.
	i, keep := b.lo, ^(uint64(2)<<(b.lo&63) - 1)
	for e := min(b.hi, n-hmax-1); i <= e; i, keep = i+1, keep<<1 {
		rest := cell(insp, i*(n+1)+n-i-hmax)
		if m := missing & keep; m != 0 {
			if ms := l.missSum(m); ms > rest { // max, as in reachCost
				rest = ms
			}
		}
		least = min(least, cell(rowp, i)+rest)
	}
	for e := min(b.hi, n-hmin); i <= e; i, keep = i+1, keep<<1 {
		c := cell(rowp, i)
		if m := missing & keep; m != 0 {
			c += l.missSum(m)
		}
		least = min(least, c)
	}
	for ; i <= b.hi; i, keep = i+1, keep<<1 {
		var rest float32
		if m := missing & keep; m != 0 {
			rest = l.missSum(m)
		}
		rest += float32(hmin-(n-i)) * l.minDel
		least = min(least, cell(rowp, i)+rest)
	}
	return least - 1e-3
}

// after returns the positions of m after i (bits i+1 and up). The set of
// positions is empty for a typo of more than 63 letters (see noMask), so
// i&63 changes nothing, and spares a shift count test per cell.
func after(m uint64, i int) uint64 {
	return m &^ (2<<(i&63) - 1)
}

// missSum returns the sum of cq[k] over the positions k (bits) of m,
// which are at most n.
func (l *lowerBound) missSum(m uint64) float32 {
	if m < 256 {
		return l.msum0[m] // positions below 8 only, as for every typo of up to 7 letters
	}
	if m < 1<<16 {
		// Positions below 16, as for every typo of up to 15 letters:
		// the loop's sum, 0 plus the two bytes' sums, in two look-ups
		// (the walk's tail test asks for a typo of 8 letters or more
		// half the time: clean -7.7M, c20 -5.1M).
		return l.msum0[m&255] + l.msum1[m>>8]
	}
	var sum float32
	for c := 0; m != 0; c += 256 {
		sum += l.msum[c+int(m&255)]
		m >>= 8
	}
	return sum
}

// band is the range of cells of a row within the bound (empty if lo > hi).
type band struct{ lo, hi int }

// bandBits returns the cells of b as bits (cell i as bit i), for a band
// of a typo of up to 62 letters only: a longer one's cells reach past
// the bits. (The shift counts are then below 64: masking them spares
// their tests.)
func bandBits(b band) uint64 {
	return (uint64(2)<<(b.hi&63) - 1) &^ (uint64(1)<<(b.lo&63) - 1)
}

// add widens the band to cell i, which lies after every cell in it.
func (b *band) add(i int) {
	if b.lo > b.hi {
		b.lo = i
	}
	b.hi = i
}

// stepBand is step restricted to the cells reachable from the previous
// row's band (ub), for a row below the second (which has no
// early-position surcharges: see aligner.early) that no transposition
// within bound reaches (see walk); cells outside the returned band must
// not be read.
func (a *aligner) stepBand(cur, up []float32, ub band, c, pc byte, bound float32) band {
	dc := a.delOf[c] // delCost(a.w, c, pc)
	if c == pc {
		dc = a.w.DelDouble
	}
	sub := a.subOf[c]
	if sub == nil {
		sub = a.otherSub(c)
	}
	n, lo, hi := a.n, ub.lo, ub.hi
	// No transposition reaches this row: its live cells are those
	// below the parent's band and the typo's extra letters after them.
	// Each of the band's cells after the first has all three of its
	// neighbours, so the loop tests no ranges; the cells are those
	// stepTrans would compute, with the same operations. (The row is
	// computed here rather than by a call of its own: most rows are of
	// this kind, and the call cost more than its loop.)
	if lo > hi {
		return band{1, 0}
	}
	// The cells looked at are those of the band, up to n, and the
	// typo's extra letters after it, up to n too: cells of rows of n+1,
	// as ins and sub have n+1. So they are read and written without
	// bounds checks (see cell), which took the reslicing that spared
	// the loops some of them, and the rest: stepBand -6.5M of 30.5M on
	// the corpus queries, stepEarly, which reads them alike, -1.9M.
	ins, subp := unsafe.Pointer(unsafe.SliceData(a.ins)), unsafe.Pointer(unsafe.SliceData(sub))
	curp, upp := unsafe.Pointer(unsafe.SliceData(cur)), unsafe.Pointer(unsafe.SliceData(up))
	// The last cell within the bound (-1: none yet), kept without
	// branches: whether a cell is within it is unpredictable. The
	// first is found after the row, from lo, which it is mostly at or
	// near. (Both ends kept per cell took four instructions a cell
	// more: stepBand and stepEarly +2.9M on clean.)
	last := -1
	best := cell(upp, lo) + dc
	setCell(curp, lo, best)
	if best <= bound {
		last = lo
	}
	prev := best
	i := lo + 1
	for ; i <= hi; i++ {
		// The builtin min, without branches: which of the three is
		// least is the data's whim, and a mispredicted branch costs
		// more than the builtin's NaN handling.
		best := min(cell(upp, i-1)+cell(subp, i), cell(upp, i)+dc, prev+cell(ins, i))
		setCell(curp, i, best)
		prev = best
		if best <= bound {
			last = i
		}
	}
	if i <= n {
		// The cell after the band: the parent's cell above it is not
		// live.
		best := min(cell(upp, i-1)+cell(subp, i), prev+cell(ins, i))
		setCell(curp, i, best)
		prev = best
		if best <= bound {
			last = i
		}
		i++
	}
	// Beyond the band only the typo's extra letters continue a live
	// cell.
	for ; i <= n && prev <= bound; i++ {
		best := prev + cell(ins, i)
		setCell(curp, i, best)
		prev = best
		if best <= bound {
			last = i
		}
	}
	if last < 0 {
		return band{1, 0}
	}
	first := lo
	for cell(curp, first) > bound {
		first++
	}
	return band{first, last}
}

// stepEarly is stepBand for the first two rows, with their
// early-position surcharges (extra on a row's substitutions and
// deletions, insExtra on its insertions).
func (a *aligner) stepEarly(cur, up []float32, ub band, c, pc byte, j int, bound float32) band {
	// The surcharges of this row and the next (early[2] is 0).
	extra, insExtra := a.early[j-1], a.early[j]
	dc := a.delOf[c] // delCost(a.w, c, pc)
	if c == pc {
		dc = a.w.DelDouble
	}
	dc += extra
	sub := a.subOf[c]
	if sub == nil {
		sub = a.otherSub(c)
	}
	n, lo, hi := a.n, ub.lo, ub.hi
	// The cells as in stepBand (read and written as there).
	if lo > hi {
		return band{1, 0}
	}
	ins, subp := unsafe.Pointer(unsafe.SliceData(a.ins)), unsafe.Pointer(unsafe.SliceData(sub))
	curp, upp := unsafe.Pointer(unsafe.SliceData(cur)), unsafe.Pointer(unsafe.SliceData(up))
	last := -1
	best := cell(upp, lo) + dc
	setCell(curp, lo, best)
	if best <= bound {
		last = lo
	}
	prev := best
	i := lo + 1
	for ; i <= hi; i++ {
		best := min(cell(upp, i-1)+surcharged(cell(subp, i), extra), cell(upp, i)+dc, prev+cell(ins, i)+insExtra)
		setCell(curp, i, best)
		prev = best
		if best <= bound {
			last = i
		}
	}
	if i <= n {
		best := min(cell(upp, i-1)+surcharged(cell(subp, i), extra), prev+cell(ins, i)+insExtra)
		setCell(curp, i, best)
		prev = best
		if best <= bound {
			last = i
		}
		i++
	}
	for ; i <= n && prev <= bound; i++ {
		best := prev + cell(ins, i) + insExtra
		setCell(curp, i, best)
		prev = best
		if best <= bound {
			last = i
		}
	}
	if last < 0 {
		return band{1, 0}
	}
	first := lo
	for cell(curp, first) > bound {
		first++
	}
	return band{first, last}
}

// stepTrans is stepBand for a row that a transposition may reach.
func (a *aligner) stepTrans(cur, up, up2 []float32, ub, u2b band, c, pc byte, j int, bound float32) band {
	// The row's costs, as stepBand works them out (in a call of their
	// own, not inlined, they cost stepBand more than its own copy).
	var extra, insExtra float32
	if j <= 2 {
		extra, insExtra = a.early[j-1], a.early[j]
	}
	dc := a.delOf[c] // delCost(a.w, c, pc)
	if c == pc {
		dc = a.w.DelDouble
	}
	dc += extra
	sub := a.subOf[c]
	if sub == nil {
		sub = a.otherSub(c)
	}
	n := a.n
	lo, hi := ub.lo, ub.hi
	start, end := lo, hi+1
	trans := false
	if up2 != nil && u2b.lo <= u2b.hi {
		start = min(start, u2b.lo+2)
		end = max(end, u2b.hi+2)
		trans = c != pc
	}
	end = min(end, n)
	// The cells are those of the two bands, up to n, and the typo's
	// extra letters after them: read and written as in stepBand, and
	// pairs, of n+1 entries too, likewise; up2's cells are those of its
	// band. (With the slices resliced to n+1 instead, the loop kept a
	// check per read of up2 and of the cells before the band.)
	ins, pairs, pair := unsafe.Pointer(unsafe.SliceData(a.ins)), unsafe.Pointer(unsafe.SliceData(a.pairs)), uint16(c)<<8|uint16(pc)
	subp, curp, upp := unsafe.Pointer(unsafe.SliceData(sub)), unsafe.Pointer(unsafe.SliceData(cur)), unsafe.Pointer(unsafe.SliceData(up))
	up2p := unsafe.Pointer(unsafe.SliceData(up2))
	out := band{1, 0}
	const dead = float32(math.MaxFloat32)
	prev := dead
	i := start
	for ; i <= end; i++ {
		best := dead
		if i-1 >= lo && i-1 <= hi {
			sc := cell(subp, i)
			if sc != 0 {
				sc += extra
			}
			best = cell(upp, i-1) + sc
		}
		if i >= lo && i <= hi {
			if x := cell(upp, i) + dc; x < best {
				best = x
			}
		}
		if i > start {
			if x := prev + cell(ins, i) + insExtra; x < best {
				best = x
			}
		}
		if trans && *(*uint16)(unsafe.Add(pairs, uintptr(i)*2)) == pair && i-2 >= u2b.lo && i-2 <= u2b.hi {
			if x := cell(up2p, i-2) + a.w.Trans + extra; x < best {
				best = x
			}
		}
		setCell(curp, i, best)
		prev = best
		if best <= bound {
			out.add(i)
		}
	}
	// Beyond the band only the typo's extra letters continue a live cell.
	for ; i <= n && prev <= bound; i++ {
		best := prev + cell(ins, i) + insExtra
		setCell(curp, i, best)
		prev = best
		if best <= bound {
			out.add(i)
		}
	}
	return out
}

// cell returns the float32 at index i of the array at p, and setCell
// sets it: for the loops over a row's cells, whose indices are within
// the row by construction (see stepBand).
func cell(p unsafe.Pointer, i int) float32 { return *(*float32)(unsafe.Add(p, uintptr(i)*4)) }

func setCell(p unsafe.Pointer, i int, v float32) { *(*float32)(unsafe.Add(p, uintptr(i)*4)) = v }

// surcharged is a substitution cost sc with the early-position surcharge
// extra of its row; a match (0) has none.
func surcharged(sc, extra float32) float32 {
	if extra != 0 && sc != 0 {
		sc += extra
	}
	return sc
}

// otherSub returns the substitution costs for a word letter outside a–z.
func (a *aligner) otherSub(c byte) []float32 {
	if len(a.other) == 0 {
		a.other = floats(a.other, a.n+1)
	}
	for i := 1; i <= a.n; i++ {
		a.other[i] = a.s.subCost(a.w, c, a.q[i-1])
	}
	return a.other
}

// editCost is the same weighted distance as search, unbounded, for
// candidates found another way (the phonetic index, the user's words).
func (a *aligner) editCost(key string) float32 {
	width := a.n + 1
	rows := make([]float32, (len(key)+1)*width)
	a.first(rows[:width])
	for j := 1; j <= len(key); j++ {
		var G []float32
		var pc byte
		if j >= 2 {
			G = rows[(j-2)*width : (j-1)*width]
			pc = key[j-2]
		}
		a.step(rows[j*width:(j+1)*width], rows[(j-1)*width:j*width], G, key[j-1], pc, j)
	}
	return rows[len(key)*width+a.n]
}

// candidate is one scored suggestion.
type candidate struct {
	form  string
	score float64
}

// Suggest returns up to n corrections for word, best first, with the
// capitalisation of word (Followig gives Following, CZECK gives CZECH).
// Possessive and compound tokens are corrected in the failing part.
func (d *Dict) Suggest(word string, n int) []string {
	return d.suggestWith(&defaultWeights, word, n)
}

func (d *Dict) suggestWith(w *weights, word string, n int) []string {
	if n <= 0 || word == "" || len(word) > 64 {
		return nil
	}
	typed := normApos(word)
	curly := len(typed) != len(word)
	out := d.suggestToken(w, typed, n)
	if curly {
		for i := range out {
			out[i] = strings.ReplaceAll(out[i], "'", "’")
		}
	}
	return out
}

func (d *Dict) suggestToken(w *weights, typed string, n int) []string {
	// Correct the one failing part of a possessive or a compound.
	if i := strings.LastIndexByte(typed, '\''); i > 0 {
		suffix := strings.ToLower(typed[i+1:])
		if (suffix == "s" || suffix == "") && !d.check(typed[:i]).OK() {
			return mapForms(d.suggestToken(w, typed[:i], n), "", typed[i:])
		}
	}
	if strings.IndexByte(typed, '-') > 0 {
		parts := strings.Split(typed, "-")
		bad := -1
		for i, p := range parts {
			if p != "" && !d.check(p).OK() && (i == len(parts)-1 || !isPrefix(strings.ToLower(p))) {
				if bad >= 0 {
					bad = -2
					break
				}
				bad = i
			}
		}
		if bad >= 0 {
			pre := strings.Join(parts[:bad], "-")
			if pre != "" {
				pre += "-"
			}
			post := strings.Join(parts[bad+1:], "-")
			if post != "" {
				post = "-" + post
			}
			return mapForms(d.suggestToken(w, parts[bad], n), pre, post)
		}
	}
	return d.rank(w, typed, n)
}

func mapForms(forms []string, pre, post string) []string {
	for i := range forms {
		forms[i] = pre + forms[i] + post
	}
	return forms
}

// rank returns the n best candidates for one token.
func (d *Dict) rank(w *weights, typed string, n int) []string {
	if m := d.memo(w, typed, n); m != nil {
		return slices.Clone(m.forms[:min(n, len(m.forms))])
	}
	cands := d.rankScored(w, typed, n)
	out := make([]string, len(cands))
	for i, c := range cands {
		out[i] = c.form
	}
	return out
}

// memo returns the memoised search for typed if it holds n candidates.
func (d *Dict) memo(w *weights, typed string, n int) *ranking {
	if w != &defaultWeights || d.ranked == nil {
		return nil
	}
	if c, ok := d.ranked.Load(typed); ok {
		if m := c.(*ranking); n <= m.depth {
			return m
		}
	}
	return nil
}

// memoDepth is how many candidates a memoised search keeps: enough for
// Suggest's callers and for SuggestContext's pool, so that one search
// serves both.
//
// A search for the best candidate alone does not pay for the callers
// that read only that one first. On many/ (c20's text in 205 files, one
// Dict) 685 words are searched, against 307 on c20 itself: 363 of them
// are capitalised forms that a file of 100 KB uses at most twice, so
// that rules.judgeCapitalised asks whether they are typos, where c20
// uses each more often and learns it as a name unsearched. 215 of those
// end as unknown words with their suggestions; 148 are judged names
// after looksLikeTypo turns down their first candidate (for 120 of them
// a key used fewer than 20 times, mostly a name one edit away, outranks
// the common words near the form). Searching those with n = 1 (depth 1)
// first, and fully only a form kept as a typo, cost more than it saved
// (many/ +55.8M: a search for one candidate costs about 57% of one for
// ten). HasCommonNeighbour, asked first, already turns down every form
// with no common word near enough at its first letter.
const memoDepth = 10

// rankScored scores the candidates for one token and returns the n best,
// best first, in a slice the caller owns. Searches with the default
// weights are memoised per Dict (safe for concurrent use), keeping the
// memoDepth best (or n, if more); the tuning tests' other weights always
// search.
func (d *Dict) rankScored(w *weights, typed string, n int) []candidate {
	if w != &defaultWeights || d.ranked == nil {
		return d.searchScored(w, typed, n)
	}
	if m := d.memo(w, typed, n); m != nil {
		return slices.Clone(m.cands[:min(n, len(m.cands))])
	}
	depth := max(n, memoDepth)
	cands := d.searchScored(w, typed, depth)
	m := &ranking{depth: depth, cands: slices.Clone(cands), forms: make([]string, len(cands))}
	for i, c := range cands {
		m.forms[i] = c.form
	}
	d.ranked.Store(typed, m)
	return cands[:min(n, len(cands))]
}

// ranking is a memoised search: the depth best candidates (fewer if there
// are fewer), and their forms.
type ranking struct {
	depth int
	cands []candidate
	forms []string
}

// searchScored is rankScored without the memo. The n best candidates do
// not depend on n beyond which are kept: candidates that cannot rank
// among the n best are skipped early, which changes nothing else.
//
// It first searches wide in diagonal order (see searchOrdered), which
// most queries allow, and else in the trie's order.
func (d *Dict) searchScored(w *weights, typed string, n int) []candidate {
	if cands, ok := d.searchOrdered(w, typed, n, true); ok {
		return cands
	}
	cands, _ := d.searchOrdered(w, typed, n, false)
	return cands
}

// searchOrdered is searchScored, its wide search in diagonal order if
// diagonal is set (see searcher.walkDiagonal). That search gives up (ok
// false) at the first key that would narrow the search's reach.
//
// The wide search's result depends on the order of its keys only by the
// reach: a key scoring so high that the keys beyond some cost cannot
// outscore it narrows the reach for the keys after it. Nothing else does:
// the n best candidates are the same whatever the order, the pruner
// skipping only keys below the n best offered so far (which are in the
// result too), and the least cost (which decides the sound-alike search)
// is the same. So a search in another order that never narrows the reach
// emits the keys within it that the search in the trie's order does,
// which never narrows it either: each key of that search is one emitted
// in the other, or one it pruned, whose score is below the floor, which
// is below the best score.
func (d *Dict) searchOrdered(w *weights, typed string, n int, diagonal bool) (_ []candidate, ok bool) {
	b := d.b
	s := b.suggester()
	q := fold(typed)
	shape := shapeOf(typed)
	// Sound-alike evidence means little for words of three letters or
	// fewer, whose keys collide by the hundred ("o"/"oh", "ge"/"gee").
	qPhon := metaphone(q)

	best := map[string]float64{}
	top := math.Inf(-1) // the best score offered
	floor := newKBest(n)
	offer := func(form string, score float64) {
		if old, ok := best[form]; !ok || score > old {
			best[form] = score
			top = max(top, score)
			floor.offer(form, score)
		}
	}
	unseenLn := math.Log1p(w.UnseenFreq) // (for prior and the pruner's ceilings)
	prior := func(count uint32) float64 {
		if count == 0 {
			return w.Freq * unseenLn
		}
		if count < uint32(len(smallLog1p)) {
			return w.Freq * smallLog1p[count]
		}
		return w.Freq * math.Log1p(float64(count))
	}
	// score is a key's score: its prior (pr, from prior) less its edit
	// cost, plus the sound-alike bonus when the typo is long enough, the
	// cost leaves room for it and the key sounds like the typo. like says
	// whether it does when the caller knows (1 or 0, from the sound-alike
	// index); -1 compares metaphones.
	score := func(key string, cost float32, pr float64, like int8) float64 {
		sc := pr - w.Edit*float64(cost)
		if cost >= w.PhoneticMin && len(q) > 3 && len(qPhon) > 1 && (like == 1 || like < 0 && metaphone(key) == qPhon) {
			sc += w.Phonetic
		}
		return sc
	}
	minCost := float32(math.MaxFloat32)
	// A key scores at most its prior plus every bonus it can get less its
	// cost: the sound-alike bonus only for a typo long enough (see score),
	// the name bonus or penalty by the typo's shape (see consider).
	var bonus, phonBonus float64
	if len(q) > 3 && len(qPhon) > 1 {
		phonBonus = max(w.Phonetic, 0)
	}
	switch shape {
	case shapeLower:
		bonus += max(-w.NameLower, 0)
	case shapeTitle, shapeUpper:
		bonus += max(w.NameTitle, 0)
	}
	bufs := searchPool.Get().(*searchBufs)
	defer searchPool.Put(bufs)
	// The keys that sound like the typo, if the index is at hand: only
	// they can have the sound-alike bonus (see soundAlikeIDs).
	var sounds []uint32
	soundsKnown := false
	if phonBonus > 0 {
		sounds, soundsKnown = soundAlikeIDs(b, s, qPhon, bufs.sounds[:0])
		bufs.sounds = sounds
	}
	// soundBits: bit id%4096 of each of sounds, which tells most keys
	// that are not among them so without a binary search (see
	// pruner.soundBits).
	var soundBits [64]uint64
	for _, id := range sounds {
		soundBits[id>>6&63] |= 1 << (id & 63)
	}
	consider := func(fid uint32, cost float32) {
		minCost = min(minCost, cost)
		count := b.count(fid)
		sound := phonBonus > 0
		if soundsKnown {
			sound = soundBits[fid>>6&63]&(1<<(fid&63)) != 0
			if sound {
				_, sound = slices.BinarySearch(sounds, fid)
			}
			if sound {
				// Not a key with another metaphone key of the same
				// hash (see soundAlikeIDs).
				sound = metaphone(b.keys.key(fid)) == qPhon
			}
		}
		pb := 0.0
		if sound {
			pb = phonBonus
		}
		pr := prior(count)
		if pr+bonus+pb-w.Edit*float64(cost) < floor.min()-1e-9 {
			return // below the n best already offered
		}
		like := int8(-1)
		if soundsKnown {
			like = 0
			if sound {
				like = 1
			}
		}
		sc := score(b.keys.key(fid), cost, pr, like)
		hasLower := b.self[fid] != 0
		b.forms(fid, func(form string, f entryFlag) bool {
			fs := shapeOf(form)
			if letters, isShort := shortWord(form); isShort && letters > 0 &&
				f&fromNames == 0 && !shortEnglish(strings.ToLower(form)) && !shortCapitalised(form) {
				return true // base-list abbreviations are not suggestions
			}
			msc := sc
			if fs != shapeLower {
				if hasLower && shape == shapeLower {
					return true // a lower-case typo of a common word
				}
				switch shape {
				case shapeLower:
					msc -= w.NameLower
				case shapeTitle, shapeUpper:
					msc += w.NameTitle
				}
			}
			if form != typed {
				offer(adaptShaped(form, fs, typed, shape), msc)
			}
			return true
		})
	}
	// Subtrees whose keys all score below the n best already offered are
	// skipped, unless one of them might still decide the sound-alike
	// search below.
	var prune *pruner
	if w.Edit > 0 && w.Freq >= 0 {
		prune = &bufs.p
		*prune = pruner{floor: floor, minCost: &minCost, below: w.PhoneticBelow, edit: w.Edit, path: prune.path, skipLow: math.NaN()}
		for class := range prune.ceiling[0] {
			c := w.Freq*max(float64(class)/2, unseenLn) + bonus
			prune.ceiling[0][class] = c
			prune.ceiling[1][class] = c + phonBonus
		}
		switch {
		case soundsKnown:
			prune.markSounds(b, s, sounds)
		case phonBonus > 0:
			prune.anySound = true
		}
	}
	sr := s.newSearcher(bufs, w, q)
	al := sr.a
	// Search near first; search wider only as far as a candidate could
	// still outscore the best found: its cost c must satisfy
	// maxPrior + bonuses - Edit*c > best score. (Lower-ranked suggestions
	// may be missed by this; the first one never is.)
	near := min(w.Near, w.Bound)
	sr.search(&near, consider, prune)
	if near < w.Bound {
		ceiling := prior(b.maxCount) + w.Phonetic + max(w.NameTitle, 0)
		reach := w.Bound
		tighten := func() { reach = min(reach, float32((ceiling-top)/w.Edit)) }
		if len(best) > 0 {
			tighten()
		}
		if reach > near {
			wide, narrowed := reach, false
			sr.diagonal = diagonal
			sr.search(&reach, func(key uint32, cost float32) {
				consider(key, cost)
				tighten()
				if diagonal && reach < wide {
					reach, narrowed = -1, true // no cell is within: the walk ends
				}
			}, prune)
			sr.diagonal = false
			if narrowed {
				return nil, false
			}
		}
	}

	// Sound-alikes beyond the edit bound, when nothing close was found:
	// the index costs tens of milliseconds to build, so most runs never
	// build it.
	if len(q) > 3 && len(qPhon) > 1 && minCost > w.PhoneticBelow {
		s.phonetic(b).soundAlikes(b, qPhon, func(fid uint32) {
			if cost := al.editCost(b.keys.key(fid)); cost > w.Bound && cost <= 2*w.Bound {
				consider(fid, cost)
			}
		})
	}

	// The user's words.
	if d.o != nil {
		for k, forms := range d.o.folds {
			cost := al.editCost(k)
			if cost > w.Bound {
				continue
			}
			for _, f := range forms {
				if f != typed {
					offer(adaptForm(f, typed), score(k, cost, prior(uint32(w.UserFreq)), -1))
				}
			}
		}
	}

	// A missing space: both halves common words.
	for i := 1; i < len(q); i++ {
		left, right := q[:i], q[i:]
		lf := d.splitFreq(left, w)
		if lf == 0 {
			continue
		}
		rf := d.splitFreq(right, w)
		if rf == 0 {
			continue
		}
		sc := w.Freq*math.Log1p(float64(min(lf, rf))) - w.Edit*w.Split
		sep, alt := " ", "-"
		if !functionWord(left) && !functionWord(right) {
			sep, alt = "-", " "
		}
		offer(matchCase(left+sep+right, typed), sc)
		offer(matchCase(left+alt+right, typed), sc-0.5)
	}

	cands := make([]candidate, 0, len(best))
	for f, sc := range best {
		cands = append(cands, candidate{f, sc})
	}
	sortCandidates(cands)
	if len(cands) > n {
		cands = cands[:n]
	}
	return cands, true
}

// smallLog1p[c] is ln(1+c), the same float64 as math.Log1p(float64(c)):
// most keys a search offers are rare, and a look-up costs a hundredth of
// the call (20,532 calls on clean.txt, 2.1M instructions).
var smallLog1p = func() (t [256]float64) {
	for c := range t {
		t[c] = math.Log1p(float64(c))
	}
	return t
}()

// pruner tells the search which subtrees cannot change a ranking: those
// whose keys all score below the n best candidates already offered
// (floor), unless a key of theirs might still be the closest one, which
// decides whether sound-alikes are looked for.
type pruner struct {
	floor   *kBest
	minCost *float32 // the least cost offered so far
	below   float32  // weights.PhoneticBelow
	edit    float64  // weights.Edit
	// ceiling[class]: the highest score a key of count class class can
	// have at no cost (class 31: any count; see nodeSize).
	// ceiling[1] is for a subtree that may hold a key with the query's
	// metaphone key, ceiling[0] for one that cannot (no sound-alike bonus).
	ceiling [2][32]float64
	// anySound: the sound-alikes are not known, every subtree may hold
	// one.
	anySound bool
	path     []uint32 // scratch for markSounds
	// soundBits: bit x%16384 for each trie node x on the paths to the
	// keys with the query's metaphone key (when that gives a bonus; see
	// markSounds). A node that shares its bit with one of them is taken
	// for one (see sound).
	soundBits [256]uint64
	// skipAt[class][k]: a cost above which skip's test by ceiling[k]
	// says yes (see skipFrom), for the classes below skipN, as of the
	// floor and least cost skipLow and skipMin.
	skipAt           [32][2]float32
	skipN            uint32
	skipLow, skipMin float64
}

// soundAlikeIDs appends to buf the keys whose metaphone key hashes as
// mp does, sorted, if the metaphone index is prebuilt (ok); building it
// costs tens of milliseconds, which a search does only when it has to.
//
// A key among them may have another metaphone key with the same hash:
// the caller tells by the key's own metaphone key, for the keys the
// search offers only. (Telling every key here, as soundAlikes does, took
// 5.5M on clean.txt, for keys most of which the search never reaches.)
func soundAlikeIDs(b *base, s *suggester, mp string, buf []uint32) (ids []uint32, ok bool) {
	if b.pre == nil {
		return buf, false
	}
	s = s.phonetic(b)
	for i, end := s.phonRange(mp); i < end; i++ {
		buf = append(buf, s.phonIDs.at(i))
	}
	slices.Sort(buf)
	return buf, true
}

// markSounds marks in soundBits the trie nodes on the paths to the keys
// that sound like the query (ids, see soundAlikeIDs), whose subtrees
// alone can hold a key with the sound-alike bonus.
//
// The keys come nearly in alphabetical order, so a key mostly shares a
// prefix with the one before it, whose path (path) is listed already:
// the walk starts below it.
func (p *pruner) markSounds(b *base, s *suggester, ids []uint32) {
	path, prev := p.path[:0], ""
	for _, id := range ids {
		key := b.keys.key(id)
		i := 0
		for i < len(key) && i < len(prev) && key[i] == prev[i] {
			i++
		}
		path = path[:i]
		x := uint32(0)
		if i > 0 {
			x = path[i-1]
		}
		for ; i < len(key); i++ {
			// Only the node's children, from its record and the next
			// one's (see node, which decodes the rest too).
			first := uint32(s.record(x)) & firstMask
			labels := s.childLabels(first, int(uint32(s.record(x+1))&firstMask-first))
			k := strings.IndexByte(labels, key[i])
			if k < 0 {
				p.anySound = true // not in the trie: cannot happen
				return
			}
			x = first + uint32(k)
			path = append(path, x)
			p.soundBits[x>>6&255] |= 1 << (x & 63)
		}
		prev = key
	}
	p.path = path
}

// sound reports whether the subtree of node x may hold a sound-alike.
// The nodes markSounds marks are closed under taking the parent, so this
// needs no word of x's ancestors.
//
// It also says yes for a node that only shares its bit with a marked one.
// That changes no result: it only has skip test the subtree by the
// higher ceiling (ceiling[1], which adds a bonus of at least 0), and so
// skip it less often; a subtree walked rather than skipped holds only
// keys below the floor, which neither rank nor raise the best score, nor
// decide the sound-alike search (skip never skips at a cost up to below
// while no key is that close). The exact test, a binary search in the
// sorted list of the marked nodes, cost more than the walks it spared:
// the sort of the list alone took markSounds 3.9M of its 10.1M on
// clean.txt; with 16384 bits about one node in a hundred that is not on
// a path is taken for one, 4096 bits walked 0.5M more.
func (p *pruner) sound(x uint32) bool {
	if p.anySound {
		return true
	}
	return p.soundBits[x>>6&255]&(1<<(x&63)) != 0
}

// skipFrom readies skipAt for the classes below keep: skip's test
// solved for the cost, for each class and ceiling k (see skip), a cost
// above which the test by ceiling[k] says yes, for any node; +Inf if it
// never does. It has a margin over float rounding, so that it says yes
// only where skip would. The walk compares a bound on a subtree's cost
// with them, a float compare where skip takes a float64 product and, at
// times, a binary search. Only the classes below keepClass are asked
// about; the floor or the least cost changes at most keys the walk
// emits, and then they are worked out again.
func (p *pruner) skipFrom(keep uint32) {
	low, minCost := p.floor.low, float64(*p.minCost)
	if low != p.skipLow || minCost != p.skipMin {
		p.skipLow, p.skipMin, p.skipN = low, minCost, 0
	}
	if keep <= p.skipN {
		return
	}
	low -= 1e-9
	var least float64 // skip says no at costs up to below while no key is that close
	if *p.minCost > p.below {
		least = float64(p.below)
	}
	for class := p.skipN; class < keep && class < 31; class++ {
		for k := range p.skipAt[class] {
			// ceiling - edit*cost < low for every cost above x.
			// (A branch rather than the builtin max, which spends
			// instructions on NaNs and signed zeros: the ceilings, the
			// floor and least are neither.)
			x := (p.ceiling[k][class] - low) / p.edit
			if x < least {
				x = least
			}
			p.skipAt[class][k] = float32(x + 1e-6 + math.Abs(x)*1e-6)
		}
	}
	p.skipN = max(p.skipN, keep)
}

// skips is skip by skipAt, for the walk: for a class below keepClass,
// it says yes where skip does but within skipAt's margin over float
// rounding (which only leaves a subtree to the walk).
func (p *pruner) skips(x, class uint32, cost float32) bool {
	at := &p.skipAt[class&31]
	return cost > at[1] || cost > at[0] && !p.sound(x)
}

// skip reports whether the keys of the subtree of node x, whose most
// frequent key has count class class and which each cost at least cost,
// can be skipped. Whether one of them may have the query's metaphone key
// (sound) only chooses between two ceilings, so it is looked up only
// when they disagree: the lookup is a binary search.
//
// This is the pruner's rule; the walk asks skips, the rule solved for
// the cost (see skipFrom), and TestSkipFrom holds the one to the other.
func (p *pruner) skip(x, class uint32, cost float32) bool {
	if class >= 31 || (*p.minCost > p.below && cost <= p.below) {
		return false
	}
	low := p.floor.low - 1e-9
	switch {
	case p.ceiling[1][class]-p.edit*float64(cost) < low:
		return true
	case p.ceiling[0][class]-p.edit*float64(cost) >= low:
		return false
	}
	return !p.sound(x)
}

// kBest keeps a lower bound on the score of the k-th best form offered:
// the scores of k distinct forms, each no higher than that form's best.
type kBest struct {
	forms  []string
	scores []float64
	k      int
	low    float64 // the least of scores once there are k, else -Inf
}

func newKBest(k int) *kBest {
	return &kBest{forms: make([]string, 0, k), scores: make([]float64, 0, k), k: k, low: math.Inf(-1)}
}

// min returns the bound (-Inf until k forms are offered).
func (t *kBest) min() float64 { return t.low }

func (t *kBest) offer(form string, score float64) {
	if t.k == 0 {
		return
	}
	if i := slices.Index(t.forms, form); i >= 0 {
		t.scores[i] = max(t.scores[i], score)
	} else if len(t.forms) < t.k {
		t.forms = append(t.forms, form)
		t.scores = append(t.scores, score)
	} else if score > t.low {
		i := slices.Index(t.scores, t.low)
		t.forms[i], t.scores[i] = form, score
	} else {
		return
	}
	if len(t.scores) == t.k {
		t.low = slices.Min(t.scores)
	}
}

// sortCandidates orders candidates best first, ties by form.
func sortCandidates(cands []candidate) {
	slices.SortFunc(cands, func(a, b candidate) int {
		switch {
		case a.score > b.score:
			return -1
		case a.score < b.score:
			return 1
		}
		return strings.Compare(a.form, b.form)
	})
}

// splitFreq returns the count of a lower-case word usable as half of a
// split, 0 if it is not one.
func (d *Dict) splitFreq(part string, w *weights) uint32 {
	if len(part) <= 2 && !functionWord(part) {
		return 0
	}
	id, ok := d.b.keys.get(part)
	if !ok || d.b.self[id] == 0 || int(d.b.count(id)) < w.SplitMin {
		return 0
	}
	return d.b.count(id)
}

// functionWord lists closed-class words: a run-together pair with one of
// them is two words ("aboutthe"), otherwise more often a compound
// ("longrunning" for long-running).
func functionWord(w string) bool {
	switch w {
	case "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from",
		"and", "or", "but", "as", "is", "are", "was", "were", "be", "it", "its",
		"this", "that", "these", "those", "he", "she", "we", "they", "you", "i",
		"his", "her", "our", "their", "not", "no", "if", "so", "than", "then",
		"about", "into", "over", "after", "before", "what", "which", "who", "has", "have", "had":
		return true
	}
	return false
}
