package spell

import (
	"math"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// HasCommonNeighbour reports whether Suggest could offer for word a
// correction s with Freq(s) >= minFreq, the same first letter as word
// (case aside), no space, and Distance(lower(word), lower(s)) <= maxDist.
// A false answer is exact: no such suggestion exists, so a caller that
// would only act on one can skip the search. It answers true, without
// searching, for words it does not handle (anything but 1 to 64 ASCII
// letters), for maxDist above 2, and for a word of 64 letters when the
// dictionary has keys longer than heightMax (whose trie heights may
// have saturated).
//
// It walks only the first letter's subtree of the trie with an
// optimal-string-alignment table (see nbWalk), skipping subtrees whose
// most frequent key is too rare, and checks each key within reach exactly. The table
// is a lower bound on the distance to any form of the key: letters of
// the key from non-ASCII runes cost nothing, and the pairs that fold
// expands one letter into (ss, ae, oe, th) may count as one letter.
func (d *Dict) HasCommonNeighbour(word string, maxDist, minFreq int) bool {
	n := len(word)
	if n == 0 || n > 64 || maxDist > 2 || maxDist < 0 {
		return true
	}
	for i := 0; i < n; i++ {
		if c := word[i] | 0x20; c < 'a' || c > 'z' {
			return true
		}
	}
	q := neighbourQuery{word, maxDist, minFreq}
	if d.near != nil {
		if v, ok := d.near.Load(q); ok {
			return v.(bool)
		}
	}
	found := d.hasCommonNeighbour(word, maxDist, minFreq)
	if d.near != nil {
		d.near.Store(q, found)
	}
	return found
}

// neighbourQuery is a memoised HasCommonNeighbour question.
type neighbourQuery struct {
	word             string
	maxDist, minFreq int
}

func (d *Dict) hasCommonNeighbour(word string, maxDist, minFreq int) bool {
	n := len(word)
	f := strings.ToLower(word)
	w := &nbWalk{d: d, s: d.b.suggester(), word: word, f: f, n: n, maxDist: maxDist, minFreq: minFreq}
	w.minClass = uint32(math.Ceil(2*math.Log1p(float64(minFreq)) - 1e-6))
	if d.o != nil {
		for _, forms := range d.o.folds {
			for _, form := range forms {
				if w.accept(adaptForm(form, word)) {
					return true
				}
			}
		}
	}
	for i := 0; i < n; i++ {
		w.eq[f[i]-'a'] |= 1 << i
		w.letters |= 1 << (f[i] - 'a')
	}
	w.cells = ^uint64(0) >> (64 - n)
	s := w.s
	if n > heightMax && s.maxDepth > heightMax {
		return true // the trie's heights may have saturated (see heightMax)
	}
	// rows[0] stands for the row before row 0, that nothing is within.
	w.rows = make([]nbRow, s.maxDepth+3)
	w.rows[0].c0 = math.MaxInt32
	w.path = make([]byte, s.maxDepth+2)
	// Row 0: cell i is i.
	for t := 0; t <= 2; t++ {
		w.rows[1].m[t] = 1<<min(t, n) - 1
	}
	w.rows[1].z = 7
	root := s.node(0)
	labels := s.labels[root.first : root.first+uint32(root.children)]
	k := strings.IndexByte(labels, f[0])
	if k < 0 {
		return false
	}
	return w.children(root.first+uint32(k), 1, 0, root.mask)
}

// nbWalk is the state of one HasCommonNeighbour search.
//
// Its table is the plain optimal-string-alignment one, but the walk only
// ever asks whether a cell is within t edits for t up to maxDist (at most
// 2), so a row is kept as one bit set per t: bit i-1 of m[t] is set when
// cell i (the word's first i letters) is within t. Cell 0 is apart, so
// that a 64-letter word fits a uint64. A row then costs a few word
// operations instead of a pass over the word: on clean.txt (872
// questions) the rows of int16 cells took 147M instructions, 590 a row,
// these 14M, 140 a row, and the walk fills 86K rows instead of 248K (see
// children and viable).
type nbWalk struct {
	d        *Dict
	s        *suggester
	word, f  string
	n        int
	maxDist  int
	minFreq  int
	minClass uint32
	eq       [26]uint64 // per letter: bit i set where f[i] is that letter
	letters  uint32     // the letterBits of the word's letters
	cells    uint64     // the bits of cells 1 to n
	rows     []nbRow    // rows[j+1]: the table's row after the key's j-th ASCII letter
	path     []byte     // the key's ASCII letters
}

// row returns &w.rows[j], and at &w.path[j], letter w.path[j], without
// the bounds checks: the walk's rows and letters go no deeper than the
// trie's deepest key, maxDepth, by the records (see suggester.record),
// and rows has maxDepth+3 rows, path maxDepth+2 letters. (Checked, the
// row lookups took step a fifth of its instructions.)
func (w *nbWalk) row(j int) *nbRow {
	return (*nbRow)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(w.rows)), uintptr(j)*unsafe.Sizeof(nbRow{})))
}

func (w *nbWalk) at(j int) *byte {
	return (*byte)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(w.path)), j))
}

func (w *nbWalk) letter(j int) byte { return *w.at(j) }

// nbRow is a row of nbWalk's table.
type nbRow struct {
	m  [3]uint64 // m[t]: bit i-1 set when cell i (i >= 1) is within t
	z  uint64    // bit t set when cell 0 is within t
	c0 int       // cell 0
}

// low returns the cells 0 to 63 of row r within t, bit i for cell i.
func (r *nbRow) low(t int) uint64 {
	return r.m[t]<<1 | r.z>>t&1
}

// last returns the last cell of row r within t, -1 if none.
func (r *nbRow) last(t int) int {
	if h := bits.Len64(r.m[t]); h > 0 {
		return h
	}
	return int(r.z>>t&1) - 1
}

// any reports whether some cell of row r is within t.
func (r *nbRow) any(t int) bool {
	return t >= 0 && (r.m[t] != 0 || r.z>>t&1 != 0)
}

// children handles nodes first to first+nc-1, the children of a node
// whose table ends at row e, and their subtrees; it reports whether a
// neighbour was found. Each child's row is filled and judged here, so
// that the many children that end the walk cost no call.
func (w *nbWalk) children(first uint32, nc, e int, mask uint32) bool {
	row, prev := w.row(e+1), w.row(e)
	// A row is at least the least cell of the row above, or of the one
	// above that plus one (a transposition or a pair read as one letter),
	// so a child whose row has no cell within maxDist, while this row has
	// none within maxDist-1, has no neighbour below it. With such slack,
	// every child keeps a cell within maxDist (a deletion). Without, a
	// child keeps one only with a letter that matches the word where this
	// row is within maxDist, or that makes an expansion pair with this
	// node's letter where the row before is within maxDist-1 (a letter
	// from a non-ASCII rune is free and always kept). A transposition
	// from cell i-2 of the row before needs the word's letter i-2, and
	// cell i-2 of this row is at most one more (a deletion): that letter
	// is kept already. The others are skipped unread: the walk that
	// stepped into every child and tested its row there filled 2.4 times
	// the rows.
	slack := row.any(w.maxDist - 1)
	keep := ^uint32(0) // nbBits of the letters kept
	if !slack {
		keep = nbNonASCII
		if e > 0 && prev.any(w.maxDist-1) {
			keep |= letterBit(pairPartner(w.letter(e-1))) &^ letterBits[utf8.RuneSelf]
		}
		for m := row.low(w.maxDist) & w.cells; m != 0; m &= m - 1 {
			keep |= letterBit(w.f[bits.TrailingZeros64(m)])
		}
		if keep&mask&^nbNonASCII == 0 && mask&letterBits[utf8.RuneSelf] == 0 {
			return false // none of them below, nor any non-ASCII rune
		}
	}
	// (The letters and the records are read as walk reads them, without
	// bounds checks: see suggester.record.)
	labels := w.s.childLabels(first, nc)
	for k := 0; k < len(labels); k++ {
		c := labels[k]
		if nbBits[c]&keep == 0 {
			continue
		}
		x := first + uint32(k)
		rec := w.s.record(x)
		w0, below := uint32(rec), uint32(rec>>32)
		if below>>27 < w.minClass {
			continue // every key below is too rare
		}
		ce := e
		if c < utf8.RuneSelf {
			// Could a key through the child be a neighbour, by its
			// length and its letters, before its row is filled?
			if hmax, mask := int(w0>>hmaxShift)+1, below|letterBit(c); (hmax < w.n || w.letters&^mask != 0) && !w.viable(row, hmax, mask) {
				continue
			}
			ce++
			*w.at(e) = c
			w.step(ce)
		}
		crow := w.row(ce + 1)
		if w0>>hminShift&heightMax == 0 && crow.m[w.maxDist]>>(w.n-1)&1 != 0 {
			if id := w.s.key(x); int(w.d.b.count(id)) >= w.minFreq && w.verify(id) {
				return true
			}
		}
		if w0>>hmaxShift == 0 {
			continue // no children
		}
		cf := w0 & firstMask
		if w.children(cf, int(uint32(w.s.record(x+1))&firstMask-cf), ce, below) {
			return true
		}
	}
	return false
}

// viable reports whether a key through a child could be a neighbour: one
// with at most hmax letters after row r, the row of the child's parent,
// all of them in mask (letterBits: the child's letter and those below
// it). children asks it before it fills the child's row.
//
// From cell i of r within t, the word's n-i letters left cost at least
// n-i-hmax insertions. And each of them that is not in mask costs an
// edit of its own: a match or a transposition takes letters of the key,
// a letter from a non-ASCII rune takes none of the word's, and a
// substitution, a deletion or a pair read as one letter take at most
// one. So cell i of r within t needs i >= n-hmax-(maxDist-t), and at
// most maxDist-t missing letters from i on.
//
// A path that jumps over r, from cell k of the row before within t-1,
// needs no test of its own: a transposition lands at cell k+2 of the
// child's row, and the word's letter k+1 is the one r was filled for, so
// cell k+2 of r is within t too (the word's letter k inserted); a pair
// read as one letter lands at cell k or k+1, and cell k+1 of r is within
// t (a substitution). Either cell of r asks no more than the jump would.
//
// On the questions of clean.txt and many/, the length alone, asked of
// the child's row once filled, skipped a sixth of the rows; with the
// letters, it skipped 51K of the 86K children with a missing letter;
// asked before the row is filled, both leave 37% fewer rows to fill.
func (w *nbWalk) viable(r *nbRow, hmax int, mask uint32) bool {
	var v uint64 // bit j: the word's letter j is not in mask
	for miss := w.letters &^ mask; miss != 0; miss &= miss - 1 {
		v |= w.eq[bits.TrailingZeros32(miss)]
	}
	lo := w.n - hmax - w.maxDist // plus t: the least cell within t
	for t := w.maxDist; t >= 0; t-- {
		// p: the (maxDist-t+1)-th missing letter from the end, -1 if
		// none; a cell of r within t must come after it.
		p := bits.Len64(v) - 1
		v &^= 1 << (p & 63)
		if h := r.last(t); h > p && h >= lo+t {
			return true
		}
	}
	return false
}

// nbBits is letterBits but for non-ASCII bytes, which have nbNonASCII:
// the letters nbWalk.children keeps always include those.
var nbBits = func() (t [256]uint32) {
	for c := range t {
		t[c] = letterBits[c]
		if c >= utf8.RuneSelf {
			t[c] = nbNonASCII
		}
	}
	return t
}()

const nbNonASCII = 1 << 27

// step fills row j for the key letter path[j-1]. A cell is within t when
// one of the cells it is made from is within t less that step's cost:
// the cell above (a deletion), the one to the left (an insertion), the
// one above-left (a match or a substitution), and two rows up a
// transposition or a pair read as one letter. All three t are filled,
// whatever maxDist: it is cheaper than asking.
func (w *nbWalk) step(j int) {
	up2, up, cur := w.row(j-1), w.row(j), w.row(j+1)
	c := w.letter(j - 1)
	var eqc uint64
	if c-'a' < 26 {
		eqc = w.eq[c-'a']
	}
	var trans uint64 // cells i where the word has c, path[j-2] at i-2, i-1
	pair := false
	if j >= 2 {
		pc := w.letter(j - 2)
		if pc-'a' < 26 {
			trans = eqc << 1 & w.eq[pc-'a']
		}
		pair = expansionPair(pc, c)
	}
	c0 := up.c0 + 1
	var p0, p1 uint64 // a pair read as one letter, from cells i and i-1
	if pair {
		c0 = min(c0, up2.c0+1)
		p0, p1 = up2.m[0]|up2.low(0), up2.m[1]|up2.low(1)
	}
	cur.c0 = c0
	z := uint64(7) << min(c0, 3) & 7
	cur.z = z
	// Bit i-1 is cell i: low(t) moves cell i-1 to it.
	u0, u1, u2 := up.low(0), up.low(1), up.low(2)
	m0 := u0 & eqc
	m1 := u1&eqc | up.m[0] | u0 | (m0<<1 | z&1) | up2.low(0)<<1&trans | p0
	m2 := u2&eqc | up.m[1] | u1 | (m1<<1 | z>>1&1) | up2.low(1)<<1&trans | p1
	cells := w.cells
	cur.m = [3]uint64{m0 & cells, m1 & cells, m2 & cells}
}

// pairPartner returns the letter that makes an expansion pair after c,
// or 0.
func pairPartner(c byte) byte {
	switch c {
	case 's':
		return 's'
	case 'a', 'o':
		return 'e'
	case 't':
		return 'h'
	}
	return 0
}

// expansionPair reports a pair of letters that fold makes of one letter
// (ß, æ, œ, þ).
func expansionPair(a, b byte) bool {
	return b != 0 && pairPartner(a) == b
}

// verify reports whether a form of key id (or the key itself, which a
// split spells) is a neighbour.
func (w *nbWalk) verify(id uint32) bool {
	found := false
	w.d.b.forms(id, func(form string, _ entryFlag) bool {
		found = w.accept(adaptForm(form, w.word))
		return !found
	})
	return found || w.accept(w.d.b.keys.key(id))
}

// accept reports whether suggestion s would be a neighbour.
func (w *nbWalk) accept(s string) bool {
	if s == "" || strings.Contains(s, " ") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if unicode.ToLower(r) != rune(w.f[0]) {
		return false
	}
	return Distance(w.f, strings.ToLower(s)) <= w.maxDist && w.d.Freq(s) >= w.minFreq
}
