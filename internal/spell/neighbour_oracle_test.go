package spell

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// hasCommonNeighbour's first walk, kept as the oracle of
// TestHasCommonNeighbourWalks: the same search with a plain table of
// int16 cells per row instead of bit-parallel rows.

func (d *Dict) hasCommonNeighbourTable(word string, maxDist, minFreq int) bool {
	n := len(word)
	f := strings.ToLower(word)
	w := &nbTableWalk{d: d, s: d.b.suggester(), word: word, f: f, n: n, maxDist: int16(maxDist), minFreq: minFreq}
	w.minClass = int(math.Ceil(2*math.Log1p(float64(minFreq)) - 1e-6))
	if d.o != nil {
		for _, forms := range d.o.folds {
			for _, form := range forms {
				if w.accept(adaptForm(form, word)) {
					return true
				}
			}
		}
	}
	s := w.s
	width := n + 1
	w.rows = make([]int16, (s.maxDepth+2)*width)
	w.mins = make([]int16, s.maxDepth+2)
	w.path = make([]byte, s.maxDepth+2)
	for i := 0; i <= n; i++ {
		w.rows[i] = int16(i)
	}
	w.mins[0] = 0
	root := s.node(0)
	labels := s.labels[root.first : root.first+uint32(root.children)]
	k := strings.IndexByte(labels, f[0])
	if k < 0 {
		return false
	}
	return w.visit(root.first+uint32(k), 0)
}

// nbTableWalk is the state of one search of hasCommonNeighbourTable.
type nbTableWalk struct {
	d        *Dict
	s        *suggester
	word, f  string
	n        int
	maxDist  int16
	minFreq  int
	minClass int
	rows     []int16 // row j: the table's row after the key's j-th ASCII letter
	mins     []int16 // per row: its least cell
	path     []byte  // the key's ASCII letters
}

// visit handles node x, whose parent's table ends at row e, and its
// subtree; it reports whether a neighbour was found.
func (w *nbTableWalk) visit(x uint32, e int) bool {
	ch := w.s.node(x)
	if class := int(ch.mask >> 27); class < w.minClass {
		return false // every key below is too rare
	}
	c := ch.label
	if c < utf8.RuneSelf {
		e++
		w.path[e-1] = c
		w.step(e)
	}
	width := w.n + 1
	if ch.hmin == 0 && w.rows[e*width+w.n] <= w.maxDist {
		if id := w.s.key(x); int(w.d.b.count(id)) >= w.minFreq && w.verify(id) {
			return true
		}
	}
	if ch.children == 0 {
		return false
	}
	// A later row is at least the least cell of this row, or of the row
	// before plus one (a transposition or a pair read as one letter).
	if w.mins[e] > w.maxDist && (e == 0 || w.mins[e-1]+1 > w.maxDist) {
		return false
	}
	// With no slack left, only a letter that matches the word keeps a
	// cell within reach (or one from a non-ASCII rune, which is free).
	all := w.mins[e] < w.maxDist || e > 0 && w.mins[e-1] < w.maxDist
	var allowed uint32
	if !all {
		row := w.rows[e*width : (e+1)*width]
		for i := 0; i < w.n; i++ {
			if row[i] <= w.maxDist {
				allowed |= 1 << (w.f[i] - 'a')
			}
		}
	}
	labels := w.s.labels[ch.first : ch.first+uint32(ch.children)]
	for k := 0; k < len(labels); k++ {
		if c := labels[k]; !all && c < utf8.RuneSelf && (c < 'a' || c > 'z' || allowed&(1<<(c-'a')) == 0) {
			continue
		}
		if w.visit(ch.first+uint32(k), e) {
			return true
		}
	}
	return false
}

// step fills row j for the key letter path[j-1].
func (w *nbTableWalk) step(j int) {
	width := w.n + 1
	cur := w.rows[j*width : (j+1)*width]
	up := w.rows[(j-1)*width : j*width]
	var up2 []int16
	var pc byte
	pair := false
	if j >= 2 {
		up2 = w.rows[(j-2)*width : (j-1)*width]
		pc = w.path[j-2]
		pair = expansionPair(pc, w.path[j-1])
	}
	c, f := w.path[j-1], w.f
	cur[0] = up[0] + 1
	if pair {
		cur[0] = min(cur[0], up2[0]+1)
	}
	lo := cur[0]
	for i := 1; i <= w.n; i++ {
		sc := int16(1)
		if f[i-1] == c {
			sc = 0
		}
		v := min(up[i]+1, cur[i-1]+1, up[i-1]+sc)
		if up2 != nil {
			if i >= 2 && f[i-2] == c && f[i-1] == pc {
				v = min(v, up2[i-2]+1)
			}
			if pair {
				v = min(v, up2[i]+1, up2[i-1]+1)
			}
		}
		cur[i] = v
		lo = min(lo, v)
	}
	w.mins[j] = lo
}

// verify reports whether a form of key id (or the key itself, which a
// split spells) is a neighbour.
func (w *nbTableWalk) verify(id uint32) bool {
	found := false
	w.d.b.forms(id, func(form string, _ entryFlag) bool {
		found = w.accept(adaptForm(form, w.word))
		return !found
	})
	return found || w.accept(w.d.b.keys.key(id))
}

// accept reports whether suggestion s would be a neighbour.
func (w *nbTableWalk) accept(s string) bool {
	if s == "" || strings.Contains(s, " ") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if unicode.ToLower(r) != rune(w.f[0]) {
		return false
	}
	return Distance(w.f, strings.ToLower(s)) <= int(w.maxDist) && w.d.Freq(s) >= w.minFreq
}
