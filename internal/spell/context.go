package spell

import (
	"encoding/binary"
	"io/fs"
	"math"
	"math/bits"
	"strconv"
	"strings"
	"sync"
)

// bigramsFile is the word-bigram table (dict/en-bigrams.txt). It is
// optional: without it SuggestContext ranks as Suggest does.
const bigramsFile = "en-bigrams.txt"

// ctxWeights are the parameters of the context re-ranking, tuned on the
// tuning half of the synthetic typos made from the clean corpora
// (context_test.go), never per word.
type ctxWeights struct {
	Pool   int     // re-rank this many of the context-free model's best candidates
	Weight float64 // weight of the context evidence against the word's own score
	Prior  float64 // Dirichlet prior mass: how many observations a bigram needs to count
	Doc    float64 // weight of the document (cache model) evidence
	// Cache sets the cache model's share λ = size/(size+Cache) for a
	// document of size words: P(w) = λ·P_doc(w) + (1-λ)·P(w). A short
	// document says little.
	Cache float64
}

var defaultCtx = ctxWeights{Pool: 10, Weight: 0.75, Prior: 3000, Doc: 0.75, Cache: 1000}

// Context is what a word's sentence and document say about it.
type Context struct {
	// Prev and Next are the words before and after it in the same
	// sentence: "" at a sentence boundary, beside a number, or across
	// punctuation other than quotes and brackets.
	Prev, Next string
	// Uses, if not nil, returns how often the document uses a word
	// (given in lower case), and Size is the number of words in the
	// document: a draft's words recur, so a candidate the draft uses more
	// often than English at large does is likelier (a cache model).
	Uses func(word string) int
	Size int
}

// bigramModel is the word-bigram table, kept as the sorted lines of
// en-bigrams.txt: a lookup is a binary search over the text itself. The
// built-in table is a section of compact.bin with its totals, so loading
// it costs nothing; another is read and summed on first use.
type bigramModel struct {
	data  string
	start int     // the offset of the first entry line, after the header
	total float64 // the sum of the unigram counts
	vocab float64 // the number of unigram entries
	// marks: the offsets of about bigramMarks lines, spread evenly over
	// the data, in order, so that a lookup narrows its search to the
	// lines between two of them without reading for line ends (see
	// countKey). They are found on the first lookup (markOnce), not when
	// the table is loaded: a run that looks nothing up (most) spares
	// them.
	marks    []int32
	markOnce sync.Once
}

// bigramMarks is how many lines a bigram table marks: 2,048 of the
// built-in table's 130K lines, 8 KB of offsets, each found by a read for
// a line end once per run (0.1M instructions), which spare each lookup
// about eleven of its seventeen such reads (2,685 lookups on clean.txt:
// -2.7M). 1,024 spared the seed draft's 190 lookups 14K less, and clean
// 0.3M less.
const bigramMarks = 2048

// bigrams loads the bigram table on first use; nil if there is none.
func (b *base) bigrams() *bigramModel {
	b.lmOnce.Do(func() {
		if b.lmPre != nil {
			b.lm = b.lmPre
			b.lm.start = headerEnd(b.lm.data)
			return
		}
		if b.lmSrc == nil {
			return
		}
		data, err := fs.ReadFile(b.lmSrc, bigramsFile)
		if err != nil {
			return
		}
		b.lm = newBigramModel(data)
	})
	return b.lm
}

// headerEnd returns the offset of the first line of data that is neither
// empty nor a comment.
func headerEnd(data string) int {
	off := 0
	for off < len(data) && (data[off] == '#' || data[off] == '\n') {
		end := strings.IndexByte(data[off:], '\n')
		if end < 0 {
			return len(data)
		}
		off += end + 1
	}
	return off
}

func newBigramModel(text []byte) *bigramModel {
	data := string(text)
	m := &bigramModel{data: data, start: headerEnd(data)}
	for off := m.start; off < len(data); {
		end := strings.IndexByte(data[off:], '\n')
		if end < 0 {
			end = len(data) - off
		}
		line := data[off : off+end]
		if key, count, ok := strings.Cut(line, "\t"); ok && strings.IndexByte(key, ' ') < 0 {
			n, _ := strconv.Atoi(count)
			m.total += float64(n)
			m.vocab++
		}
		off += end + 1
	}
	return m
}

// mark fills marks: the first line starting at or after each of
// bigramMarks offsets spread evenly over the lines.
func (m *bigramModel) mark() {
	data, n := m.data, len(m.data)-m.start
	m.marks = make([]int32, 0, bigramMarks)
	last := m.start
	for k := 1; k < bigramMarks; k++ {
		off := m.start + int(int64(n)*int64(k)/bigramMarks)
		if off <= m.start {
			continue // (the first line is no mark: every search starts there)
		}
		j := strings.IndexByte(data[off-1:], '\n')
		if j < 0 {
			break
		}
		if s := off + j; s > last && s < len(data) {
			m.marks = append(m.marks, int32(s))
			last = s
		}
	}
}

// count returns the count of a word ("word") or a pair ("word1 word2"),
// 0 if it is not in the table.
func (m *bigramModel) count(key string) float64 {
	var buf [64]byte
	return m.countKey(append(buf[:0], key...))
}

// countPair is count(v + " " + w) without building the string.
func (m *bigramModel) countPair(v, w string) float64 {
	var buf [64]byte
	return m.countKey(append(append(append(buf[:0], v...), ' '), w...))
}

// countKey binary-searches the table's lines for key: first the marked
// lines (see marks), each read where it starts, then the lines between
// the two marks about key, each found by reading for a line end from the
// middle of the range.
//
// Each probe takes the first line that starts at or after the middle of
// the unread range (found by a forward scan, which is fast), or the
// range's first line if none does, and compares key with the line's
// bytes in place: the line's key ends at its tab, which sorts before
// every byte of a word, so a line whose key is a prefix of key sorts
// before it, as strings.Compare has it. Only a line that sorts before key
// needs its end found.
func (m *bigramModel) countKey(key []byte) float64 {
	data := m.data
	lo, hi := m.start, len(data) // lines starting in [lo, hi) are unread; lo starts one
	m.markOnce.Do(m.mark)
	marks := m.marks
	lead := keyLead(key)
	for a, b := 0, len(marks); a < b; {
		mid := int(uint(a+b) >> 1)
		s := int(marks[mid])
		line := data[s:]
		var i, order int
		if len(line) >= 8 && be64(line, 0) != lead {
			i, order = leadOrder(be64(line, 0), lead, len(key))
		} else {
			i, order = lineOrder(line, key, lead)
		}
		switch order {
		case 0:
			return lineCount(line[i+1:])
		case -1:
			// The line sorts before key: so do the marks before it,
			// and it starts the lines left to read (again).
			a, lo = mid+1, s
		default:
			b, hi = mid, s
		}
	}
	for lo < hi {
		s := lo
		if mid := int(uint(lo+hi) >> 1); mid > lo {
			if j := strings.IndexByte(data[mid-1:hi], '\n'); j >= 0 && mid+j < hi {
				s = mid + j
			}
		}
		line := data[s:]
		var i, order int
		if len(line) >= 8 && be64(line, 0) != lead {
			i, order = leadOrder(be64(line, 0), lead, len(key))
		} else {
			i, order = lineOrder(line, key, lead)
		}
		switch order {
		case 0:
			return lineCount(line[i+1:])
		case -1:
			// The line sorts before key: read on after it.
			e := strings.IndexByte(line[i:], '\n')
			if e < 0 {
				return 0
			}
			lo = s + i + e + 1
		default:
			hi = s
		}
	}
	return 0
}

// lineOrder compares the key that starts line (up to a tab) with key: 0
// when they are equal, the line's count then after the tab at line[i];
// -1 when the line's key sorts before key, 1 otherwise. i is at most the
// length of their common prefix. lead is keyLead(key).
//
// It compares the line's first eight bytes with lead as numbers first
// (leadOrder), which settles all but the keys of eight bytes or more
// that the line shares them with: the byte loop alone took 6.5M
// instructions of countKey's 18M on many/ (30K lookups of some 17
// probes). countKey makes that first comparison itself, as lineOrder
// is too big to inline.
func lineOrder(line string, key []byte, lead uint64) (i, order int) {
	if len(line) >= 8 {
		if kl := be64(line, 0); kl != lead {
			return leadOrder(kl, lead, len(key))
		}
		i = min(8, len(key))
	}
	for i < len(key) && i < len(line) && line[i] == key[i] {
		i++
	}
	switch {
	case i == len(key) && i < len(line) && line[i] == '\t':
		return i, 0
	case i < len(key) && (i == len(line) || line[i] == '\t' || line[i] < key[i]):
		return i, -1
	}
	return i, 1
}

// leadOrder is lineOrder for a line whose first eight bytes, kl, are
// not lead, for a key of n bytes.
func leadOrder(kl, lead uint64, n int) (i, order int) {
	i, order = bits.LeadingZeros64(kl^lead)>>3, 1
	if i > n {
		i, order = n, 0 // the line's key, then its tab
	} else if kl < lead {
		order = -1
	}
	return i, order
}

// keyLead returns key's first eight bytes as a big-endian number, for
// lineOrder: a shorter key is followed by a tab, then zero bytes. A line
// has no byte below a tab, so where the numbers differ they order the
// line and the key as lineOrder does (for a key of word bytes, all above
// the tab), and a line that has the key and its tab in its first eight
// bytes matches.
func keyLead(key []byte) uint64 {
	if len(key) >= 8 {
		return binary.BigEndian.Uint64(key)
	}
	k := uint64('\t') << (56 - 8*len(key))
	for j := 0; j < len(key); j++ {
		k |= uint64(key[j]) << (56 - 8*j)
	}
	return k
}

func lineCount(v string) float64 {
	if e := strings.IndexByte(v, '\n'); e >= 0 {
		v = v[:e]
	}
	n, _ := strconv.Atoi(v)
	return float64(n)
}

// follows returns ln(P(w|v) / P(w)), how much likelier w is after v than
// anywhere, with P(w|v) smoothed towards P(w) by a Dirichlet prior of
// mass prior: (c(v w) + prior·P(w)) / (c(v) + prior). A pair never seen
// costs ln(prior / (c(v) + prior)), which the more v is seen the more it
// says; a word v the table lacks says nothing (0). cw is c(w).
func (m *bigramModel) follows(v, w string, cv, cw, prior float64) float64 {
	if cv == 0 {
		return 0
	}
	pw := (cw + 0.5) / (m.total + 0.5*m.vocab)
	return math.Log((m.countPair(v, w) + prior*pw) / ((cv + prior) * pw))
}

// SuggestContext is Suggest for a word between two neighbours, the
// words before and after it in the same sentence ("" at a sentence
// boundary or across punctuation other than quotes and brackets). The
// context-free model's best candidates are re-ranked by adding the
// evidence of a word-bigram model (dict/en-bigrams.txt, from WordNet's
// glosses): ln P(cand|prev)/P(cand) + ln P(next|cand)/P(next), smoothed
// so that an unseen pair lowers a candidate only as far as its
// neighbour's frequency says it should. A split candidate ("about the")
// is joined to the context by its outer words. Tokens with an apostrophe
// or hyphen, and words with no context, are ranked as Suggest ranks them.
func (d *Dict) SuggestContext(word, prev, next string, n int) []string {
	return d.suggestContextWith(&defaultWeights, &defaultCtx, word, Context{Prev: prev, Next: next}, n)
}

// SuggestIn is SuggestContext with the whole Context: the neighbours and,
// when c.Uses is set, the document's own words. A candidate gains
// ln(P'(w)/P(w)) where P' mixes in the document's own word distribution
// (λ·uses/size + (1-λ)·P(w), λ growing with the document's size): words
// a draft uses more than English at large does are likelier corrections
// ("foregoing" in a draft that says "the foregoing" elsewhere), while
// common words the draft merely uses gain little.
func (d *Dict) SuggestIn(word string, c Context, n int) []string {
	return d.suggestContextWith(&defaultWeights, &defaultCtx, word, c, n)
}

func (d *Dict) suggestContextWith(w *weights, cw *ctxWeights, word string, c Context, n int) []string {
	prev, next := contextWord(c.Prev), contextWord(c.Next)
	uses := c.Uses
	if cw.Doc == 0 || c.Size <= 0 {
		uses = nil
	}
	if prev == "" && next == "" && uses == nil || strings.ContainsAny(word, "'’-") || n <= 0 || word == "" || len(word) > 64 {
		return d.suggestWith(w, word, n)
	}
	m := d.b.bigrams()
	if m == nil {
		return d.suggestWith(w, word, n)
	}
	cands := d.rankScored(w, word, max(n, cw.Pool))
	cr := d.contextRanking(w, cw, m, word, prev, next, cands)
	for i := range cands {
		e := &cr[i]
		if e.take&takesEvidence == 0 {
			continue
		}
		cands[i].score += cw.Weight * e.ev
		if uses != nil && e.take&oneWordCand != 0 {
			// ln(P_cache(w) / P(w)), P(w) from the table's unigrams.
			pw := (e.cFirst + 0.5) / (m.total + 0.5*m.vocab)
			size := float64(c.Size)
			lambda := size / (size + cw.Cache)
			pdoc := float64(uses(strings.ToLower(cands[i].form))) / size
			cands[i].score += cw.Doc * math.Log(lambda*pdoc/pw+1-lambda)
		}
	}
	sortCandidates(cands)
	if len(cands) > n {
		cands = cands[:n]
	}
	out := make([]string, len(cands))
	for i, c := range cands {
		out[i] = c.form
	}
	return out
}

// ctxRanking is the part of SuggestIn's ranking of a word between two
// neighbours that the document's own words do not change: the bigram
// evidence of each of the word's candidates (rankScored's, whose memo
// keeps them in the same order) that takes it. A run of many files
// suggests in the same places file after file, with other documents'
// uses (on many/, c20's text in 205 files, 1,572 rankings of 429 words
// in context; c20's one document ranks each of its 407 once), so each
// Dict remembers these per word, neighbours and pool (ctxKey), and only
// the cache term is worked out per document. Each entry's evidence is a
// pointer-free array, so the collector, which reads the memo at every
// cycle, follows only the keys' strings and one slice per entry: the
// candidates' forms stay in rankScored's memo.
type ctxRanking []ctxEvidence

// ctxEvidence is the context's part in a candidate's score.
type ctxEvidence struct {
	ev     float64 // the bigram evidence, if it takes it
	cFirst float64 // the table's count of its form, if one word that takes it
	take   uint8   // takesEvidence, oneWordCand
}

const (
	takesEvidence = 1 << iota // at the pool's least edit distance
	oneWordCand               // one word: the cache term applies to it
)

// ctxKey is a ctxRanking's question.
type ctxKey struct {
	word, prev, next string
	k                int
}

// ctxMemo is a Dict's memo of ctxRankings, for the default weights.
type ctxMemo struct {
	mu sync.Mutex
	m  map[ctxKey]ctxRanking
}

// contextRanking returns the ctxRanking of word between prev and next
// (normalised by contextWord) for cands, its best candidates as
// rankScored gives them, memoised per Dict for the default weights; the
// caller may not modify it.
func (d *Dict) contextRanking(w *weights, cw *ctxWeights, m *bigramModel, word, prev, next string, cands []candidate) ctxRanking {
	memo := w == &defaultWeights && cw == &defaultCtx && d.inContext != nil
	key := ctxKey{word, prev, next, len(cands)}
	if memo {
		d.inContext.mu.Lock()
		cr, ok := d.inContext.m[key]
		d.inContext.mu.Unlock()
		if ok {
			return cr
		}
	}
	cr := make(ctxRanking, len(cands))
	var cPrev, cNext float64
	if prev != "" {
		cPrev = m.count(prev)
	}
	if next != "" {
		cNext = m.count(next)
	}
	// Context chooses among candidates that are equally good as typos: only
	// those at the smallest edit distance in the pool take its evidence, so
	// a likelier pair never beats a closer word ("knowng" is "knowing", not
	// "know", whatever follows it).
	lw := strings.ToLower(word)
	var buf [16]int
	dist := buf[:0]
	minDist := math.MaxInt
	for i := range cands {
		dist = append(dist, Distance(lw, strings.ToLower(cands[i].form)))
		minDist = min(minDist, dist[i])
	}
	for i := range cands {
		if dist[i] > minDist {
			continue
		}
		form := strings.ToLower(cands[i].form)
		first, last := outerWords(form)
		// A one-word candidate is its own first and last word: its
		// count, looked up once, serves all three uses.
		oneWord := first == form
		e := &cr[i]
		e.take = takesEvidence
		if oneWord {
			e.take |= oneWordCand
		}
		if cPrev > 0 || oneWord {
			e.cFirst = m.count(first)
		}
		if cPrev > 0 {
			e.ev += m.follows(prev, first, cPrev, e.cFirst, cw.Prior)
		}
		if cNext > 0 {
			cl := e.cFirst
			if !oneWord {
				cl = m.count(last)
			}
			if cl > 0 {
				e.ev += m.follows(last, next, cl, cNext, cw.Prior)
			}
		}
	}
	if memo {
		d.inContext.mu.Lock()
		if d.inContext.m == nil {
			d.inContext.m = map[ctxKey]ctxRanking{}
		}
		d.inContext.m[key] = cr
		d.inContext.mu.Unlock()
	}
	return cr
}

// contextWord normalises a neighbouring word for the table: lower case,
// straight apostrophes.
func contextWord(w string) string {
	if w == "" {
		return ""
	}
	return strings.ToLower(normApos(w))
}

// outerWords returns the first and last words of a candidate, which is a
// split ("about the", "long-running") or one word.
func outerWords(form string) (first, last string) {
	i := strings.IndexAny(form, " -")
	if i < 0 {
		return form, form
	}
	j := strings.LastIndexAny(form, " -")
	return form[:i], form[j+1:]
}
