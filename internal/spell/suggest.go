package spell

import (
	"math"
	"slices"
	"strings"
	"sync"
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

// suggester is the candidate index, built on the first Suggest: a trie
// of the folded keys searched with a bounded weighted Damerau–Levenshtein
// automaton, plus a metaphone index for sound-alikes beyond the bound.
type suggester struct {
	nodes    []trieNode // nodes[0] is the root
	maxDepth int
	adj      [26][26]bool

	// The metaphone index: key numbers sorted by the hash of their
	// metaphone key, phonHash[i] being the hash for phonIDs[i].
	phonOnce sync.Once
	phonHash []uint32
	phonIDs  []uint32
}

// PrepareSuggest builds the suggestion index in the background, so that
// a caller that will need suggestions (a linter about to read its files)
// can overlap the build with other work. Suggest builds it anyway when
// needed; calling this is only an optimisation.
//
// It warms the three lazily built parts on separate goroutines (the trie,
// then its sound-alike index; the bigram table), so that on a multi-core
// machine they are ready by the time the first unknown word is met.
func (d *Dict) PrepareSuggest() {
	go func() { d.b.suggester().phonetic(d.b) }()
	go d.b.bigrams()
}

func (b *base) suggester() *suggester {
	b.suggestOnce.Do(func() { b.sugg = newSuggester(b) })
	return b.sugg
}

func newSuggester(b *base) *suggester {
	s := &suggester{}
	if b.pre != nil {
		s.nodes, s.maxDepth = b.pre.trie()
	} else {
		s.buildTrie(b)
	}
	s.linkKeys()
	return s
}

// buildTrie inserts every folded key into a fresh trie.
func (s *suggester) buildTrie(b *base) {
	nk := b.keys.len()
	s.nodes = make([]trieNode, 1, nk*3)
	for id := 0; id < nk; id++ {
		key := b.keys.key(uint32(id))
		node := uint32(0)
		for i := 0; i < len(key); i++ {
			c := key[i]
			// Move-to-front: keys come nearly sorted, so the child a key
			// needs is almost always the one the previous key used.
			child, prev := s.nodes[node].first, uint32(0)
			for child != 0 && s.nodes[child].label != c {
				prev, child = child, s.nodes[child].next
			}
			if child != 0 && prev != 0 {
				s.nodes[prev].next = s.nodes[child].next
				s.nodes[child].next = s.nodes[node].first
				s.nodes[node].first = child
			}
			if child == 0 {
				child = uint32(len(s.nodes))
				s.nodes = append(s.nodes, trieNode{next: s.nodes[node].first, label: c})
				s.nodes[node].first = child
			}
			node = child
		}
		s.nodes[node].term = uint32(id) + 1
		s.maxDepth = max(s.maxDepth, len(key))
	}
}

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

// trieNode is one node of the key trie, kept in one array so that a
// search touches one cache line per node.
type trieNode struct {
	first, next uint32 // first child, next sibling (0 = none)
	term        uint32 // key number + 1, or 0
	label       byte
}

// phonetic readies the metaphone index on first use.
func (s *suggester) phonetic(b *base) *suggester {
	s.phonOnce.Do(func() {
		if b.pre != nil {
			s.phonHash, s.phonIDs = b.pre.phonetic()
			return
		}
		s.phonHash, s.phonIDs = buildPhonetic(b)
	})
	return s
}

// buildPhonetic computes the metaphone index of every key.
func buildPhonetic(b *base) (hashes, ids []uint32) {
	n := b.keys.len()
	pairs := make([]uint64, n)
	for id := 0; id < n; id++ {
		pairs[id] = uint64(strHash(metaphone(b.keys.key(uint32(id)))))<<32 | uint64(id)
	}
	slices.Sort(pairs)
	hashes, ids = make([]uint32, n), make([]uint32, n)
	for i, p := range pairs {
		hashes[i], ids[i] = uint32(p>>32), uint32(p)
	}
	return hashes, ids
}

// soundAlikes calls fn with every key whose metaphone key is mp.
func (s *suggester) soundAlikes(b *base, mp string, fn func(id uint32)) {
	h := strHash(mp)
	i, _ := slices.BinarySearch(s.phonHash, h)
	for ; i < len(s.phonHash) && s.phonHash[i] == h; i++ {
		if id := s.phonIDs[i]; metaphone(b.keys.key(id)) == mp {
			fn(id)
		}
	}
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
	early [3]float32
}

func newAligner(s *suggester, w *weights, q []byte) *aligner {
	n := len(q)
	a := &aligner{s: s, w: w, q: q, n: n, ins: make([]float32, n+1), sub: make([]float32, 26*(n+1))}
	a.early = [3]float32{w.FirstLetter, w.SecondLetter, 0}
	for i := 1; i <= n; i++ {
		t := q[i-1]
		a.ins[i] = w.Ins
		if (i >= 2 && t == q[i-2]) || t == '-' || t == '\'' {
			a.ins[i] = w.InsDouble
		}
		for c := byte('a'); c <= 'z'; c++ {
			a.sub[int(c-'a')*(n+1)+i] = s.subCost(w, c, t)
		}
	}
	return a
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

// search walks the trie and calls emit for every folded key within
// bound of q, with its cost. Each row of the table is computed only over
// its band: the cells that can still lead to a cost within bound
// (Ukkonen's cut-off), which is a few cells wide for most prefixes.
//
// emit may lower *bound as it learns that farther keys cannot win; the
// search applies the new bound from the next node on.
func (s *suggester) search(q []byte, w *weights, bound *float32, emit func(key uint32, cost float32)) {
	a := newAligner(s, w, q)
	width := a.n + 1
	rows := make([]float32, (s.maxDepth+2)*width)
	bands := make([]band, s.maxDepth+2)
	path := make([]byte, s.maxDepth+2)
	a.first(rows[:width])
	bands[0] = band{0, 0}
	for i := 1; i <= a.n && rows[i] <= *bound; i++ {
		bands[0].hi = i
	}
	var walk func(node uint32, depth int)
	walk = func(node uint32, depth int) {
		up := rows[(depth-1)*width : depth*width]
		cur := rows[depth*width : (depth+1)*width]
		ub := bands[depth-1]
		var up2 []float32
		u2b := band{1, 0} // empty
		var pc byte
		if depth >= 2 {
			up2 = rows[(depth-2)*width : (depth-1)*width]
			u2b = bands[depth-2]
			pc = path[depth-2]
		}
		for child := s.nodes[node].first; child != 0; child = s.nodes[child].next {
			nd := &s.nodes[child]
			c := nd.label
			path[depth-1] = c
			cb := a.stepBand(cur, up, up2, ub, u2b, c, pc, depth, *bound)
			if cb.lo > cb.hi {
				continue
			}
			if nd.term != 0 && cb.hi == a.n {
				emit(nd.term-1, cur[a.n])
			}
			if nd.first != 0 && depth <= s.maxDepth {
				bands[depth] = cb
				walk(child, depth+1)
			}
		}
	}
	walk(0, 1)
}

// band is the range of cells of a row within the bound (empty if lo > hi).
type band struct{ lo, hi int }

// stepBand is step restricted to the cells reachable from the previous
// rows' bands; cells outside the returned band must not be read.
func (a *aligner) stepBand(cur, up, up2 []float32, ub, u2b band, c, pc byte, j int, bound float32) band {
	extra, insExtra, dc, sub := a.rowCosts(c, pc, j)
	q, n := a.q, a.n
	start, end := ub.lo, ub.hi+1
	if up2 != nil && u2b.lo <= u2b.hi {
		start = min(start, u2b.lo+2)
		end = max(end, u2b.hi+2)
	}
	end = min(end, n)
	out := band{1, 0}
	const dead = float32(math.MaxFloat32)
	for i := start; i <= n; i++ {
		if i > end && cur[i-1] > bound {
			break // beyond the band only the typo's extra letters continue a live cell
		}
		best := dead
		if i >= 1 && i-1 >= ub.lo && i-1 <= ub.hi {
			var sc float32
			if sub != nil {
				sc = sub[i]
			} else {
				sc = a.s.subCost(a.w, c, q[i-1])
			}
			if sc != 0 {
				sc += extra
			}
			best = up[i-1] + sc
		}
		if i >= ub.lo && i <= ub.hi {
			best = min(best, up[i]+dc)
		}
		if i > start {
			best = min(best, cur[i-1]+a.ins[i]+insExtra)
		}
		if up2 != nil && i >= 2 && i-2 >= u2b.lo && i-2 <= u2b.hi && c == q[i-2] && pc == q[i-1] && c != pc {
			best = min(best, up2[i-2]+a.w.Trans+extra)
		}
		cur[i] = best
		if best <= bound {
			if out.lo > out.hi {
				out.lo = i
			}
			out.hi = i
		}
	}
	return out
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
	cands := d.rankScored(w, typed, n)
	out := make([]string, len(cands))
	for i, c := range cands {
		out[i] = c.form
	}
	return out
}

// rankKey identifies one memoised candidate search.
type rankKey struct {
	typed string
	n     int
}

// rankScored scores the candidates for one token and returns the n best,
// best first, in a slice the caller owns. Searches with the default
// weights are memoised per Dict (safe for concurrent use); the tuning
// tests' other weights always search.
func (d *Dict) rankScored(w *weights, typed string, n int) []candidate {
	if w != &defaultWeights || d.ranked == nil {
		return d.searchScored(w, typed, n)
	}
	key := rankKey{typed, n}
	if c, ok := d.ranked.Load(key); ok {
		return slices.Clone(c.([]candidate))
	}
	cands := d.searchScored(w, typed, n)
	d.ranked.Store(key, slices.Clone(cands))
	return cands
}

// searchScored is rankScored without the memo.
func (d *Dict) searchScored(w *weights, typed string, n int) []candidate {
	b := d.b
	s := b.suggester()
	counts := b.counts()
	q := fold(typed)
	shape := shapeOf(typed)
	// Sound-alike evidence means little for words of three letters or
	// fewer, whose keys collide by the hundred ("o"/"oh", "ge"/"gee").
	qPhon := metaphone(q)

	best := map[string]float64{}
	top := math.Inf(-1) // the best score offered
	offer := func(form string, score float64) {
		if old, ok := best[form]; !ok || score > old {
			best[form] = score
			top = max(top, score)
		}
	}
	prior := func(count uint32) float64 {
		c := float64(count)
		if c == 0 {
			c = w.UnseenFreq
		}
		return w.Freq * math.Log1p(c)
	}
	score := func(key string, cost float32, count uint32) float64 {
		sc := prior(count) - w.Edit*float64(cost)
		if cost >= w.PhoneticMin && len(q) > 3 && len(qPhon) > 1 && metaphone(key) == qPhon {
			sc += w.Phonetic
		}
		return sc
	}
	minCost := float32(math.MaxFloat32)
	consider := func(fid uint32, cost float32) {
		minCost = min(minCost, cost)
		key := b.keys.key(fid)
		sc := score(key, cost, counts[fid])
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
				offer(adaptForm(form, typed), msc)
			}
			return true
		})
	}
	al := newAligner(s, w, []byte(q))
	// Search near first; search wider only as far as a candidate could
	// still outscore the best found: its cost c must satisfy
	// maxPrior + bonuses - Edit*c > best score. (Lower-ranked suggestions
	// may be missed by this; the first one never is.)
	near := min(w.Near, w.Bound)
	s.search([]byte(q), w, &near, consider)
	if near < w.Bound {
		ceiling := prior(b.maxCount) + w.Phonetic + max(w.NameTitle, 0)
		reach := w.Bound
		tighten := func() { reach = min(reach, float32((ceiling-top)/w.Edit)) }
		if len(best) > 0 {
			tighten()
		}
		if reach > near {
			s.search([]byte(q), w, &reach, func(key uint32, cost float32) {
				consider(key, cost)
				tighten()
			})
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
					offer(adaptForm(f, typed), score(k, cost, uint32(w.UserFreq)))
				}
			}
		}
	}

	// A missing space: both halves common words.
	for i := 1; i < len(q); i++ {
		left, right := q[:i], q[i:]
		lf, rf := d.splitFreq(left, w), d.splitFreq(right, w)
		if lf == 0 || rf == 0 {
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
	return cands
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
	if !ok || d.b.self[id] == 0 || int(d.b.counts()[id]) < w.SplitMin {
		return 0
	}
	return d.b.counts()[id]
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
