package rules

import (
	"math/bits"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/edlint/edlint/internal/mem"
	"github.com/edlint/edlint/internal/par"
	"github.com/edlint/edlint/internal/prose"
	"github.com/edlint/edlint/internal/spell"
)

// wordKind classifies a word the dictionary does not accept as written.
type wordKind uint8

const (
	kindMisspelling    wordKind = iota + 1 // a known misspelling with one correction (misspell's list)
	kindUnknown                            // not a word; suggestions from the dictionary
	kindWrongCase                          // a known name or acronym in the wrong case
	kindWrongDiacritic                     // a known name without or with other diacritics
	kindNameVariant                        // a near miss of a name the draft uses more often
	kindLearntName                         // an unknown capitalised word the draft uses as a name
)

// suggestCache remembers the suggestions for each distinct word of a
// document: suggesting is the costly step, and a draft repeats its unknown
// words.
type suggestCache struct {
	*spell.Dict
	memo map[string][]string
	// inContext memoises SuggestIn by word and neighbours.
	inContext map[suggestKey][]string
	uses      *wordCounts // the document's words, lower case, by count; nil until needed
	size      int         // the number of words in the document
}

// Check is Dict.Check. It memoised the verdicts by word while Check read
// a word five times over, but the words asked here (the parts of words
// not accepted whole, their stems, names' lower-case forms) are seldom
// asked twice in a document: 7% of the lookups hit on the 205 files of
// the split corpus, and the map cost 16M instructions there to save 2M.
func (c *suggestCache) Check(w string) spell.Verdict { return c.Dict.Check(w) }

// Suggest returns the dictionary's suggestions for w, computed once; the
// caller may not modify the result.
func (c *suggestCache) Suggest(w string, n int) []string {
	if s, ok := c.memo[w]; ok {
		return s
	}
	s := c.Dict.Suggest(w, n)
	c.memo[w] = s
	return s
}

// SuggestIn is Suggest for a word of the document between neighbours prev
// and next, ranked with them and with the words the document uses (c.uses,
// which judgeWords sets first; see spell.Dict.SuggestIn), computed once
// per word and context.
func (c *suggestCache) SuggestIn(w, prev, next string, n int) []string {
	key := suggestKey{w, prev, next}
	if s, ok := c.inContext[key]; ok {
		return s
	}
	uses := c.uses
	ctx := spell.Context{Prev: prev, Next: next, Uses: uses.get, Size: c.size}
	s := c.Dict.SuggestIn(w, ctx, n)
	if c.inContext == nil {
		c.inContext = map[suggestKey][]string{}
	}
	c.inContext[key] = s
	return s
}

// suggestKey is a word and its neighbours, for SuggestIn.
type suggestKey struct {
	word, prev, next string
}

// suggestJob is one unknown word of a document awaiting suggestions.
type suggestJob struct {
	issue            int // index of its wordIssue
	word, prev, next string
}

// suggestAll computes the suggestions of jobs not yet memoised, on up to
// GOMAXPROCS goroutines: each distinct word costs a dictionary search, and
// a draft's first lint is mostly these searches. Results go to the memo in
// job order, so the findings do not depend on the schedule.
func (c *suggestCache) suggestAll(jobs []suggestJob, n int) {
	if runtime.GOMAXPROCS(0) < 2 || len(jobs) < 2 {
		return // SuggestIn computes each on demand
	}
	uses := c.uses
	var keys []suggestKey
	var todo []suggestJob
	seen := map[suggestKey]bool{}
	for _, j := range jobs {
		key := suggestKey{j.word, j.prev, j.next}
		if _, ok := c.inContext[key]; ok || seen[key] {
			continue
		}
		seen[key] = true
		keys = append(keys, key)
		todo = append(todo, j)
	}
	out := make([][]string, len(todo))
	par.Do(len(todo), 0, func(i int) {
		j := todo[i]
		ctx := spell.Context{Prev: j.prev, Next: j.next, Uses: uses.get, Size: c.size}
		out[i] = c.Dict.SuggestIn(j.word, ctx, n)
	})
	if c.inContext == nil {
		c.inContext = make(map[suggestKey][]string, len(keys))
	}
	for i, key := range keys {
		c.inContext[key] = out[i]
	}
}

// suggestForms is suggestAll for context-free Suggest calls. On one core
// it does nothing: some of the forms may never need a guess.
func (c *suggestCache) suggestForms(forms []string, n int) {
	if runtime.GOMAXPROCS(0) < 2 || len(forms) < 2 {
		return
	}
	var todo []string
	for _, f := range forms {
		if _, ok := c.memo[f]; !ok {
			todo = append(todo, f)
		}
	}
	out := make([][]string, len(todo))
	par.Do(len(todo), 0, func(i int) { out[i] = c.Dict.Suggest(todo[i], n) })
	for i, f := range todo {
		c.memo[f] = out[i]
	}
}

// wordCounts is the uses of a document's words by lower-case form with
// straight apostrophes: the counts by lower-case type, found by text
// through a hash table of type IDs. Building it costs far less than a map
// keyed by every word's text, for the few lookups suggestions make.
type wordCounts struct {
	doc   *prose.Document
	count []int32  // by lower-case type
	slots []uint32 // type ID + 1 of each counted type without a curly apostrophe; 0 empty
	shift uint     // 64 less log2(len(slots)): countsSlot's
	// curly sums the types with a curly apostrophe by their form with
	// straight ones, which another type may spell too.
	curly map[string]int
	// refs and byRef: for a document linted with others, the types
	// whose texts the run's memo held when the document's refs were
	// made are found by their texts' index k in the memo: byRef[k] is
	// type ID + 1, and slots holds the others. byRef is a scratch
	// table of the run's (byRefPool), which earlier documents leave
	// filled: an entry is the type's only if the type's ref is k, and
	// a type of the text whose ref is k that is not counted has no
	// uses. Where each counted type's text was read and hashed, the
	// table cost 54M instructions over the 205 files of the split
	// corpus, for some 3,800 lookups; as an open-addressing table by
	// the index, built of the ASCII texts alone (their class read in
	// the memo: no curly apostrophe), 25M.
	refs  *textRefs
	byRef *[]uint32
	// curlyRefs: the types with a ref are not tested for a curly
	// apostrophe until a word with an apostrophe is asked for (get runs
	// on several goroutines at once: see suggestAll).
	curlyRefs sync.Once
}

// byRefPool holds the scratch tables of wordCounts.byRef.
var byRefPool sync.Pool

// newWordCounts indexes byLower, the word uses of doc by lower-case type;
// refs, when not nil, are doc's types in the run's memo.
func newWordCounts(doc *prose.Document, byLower []int32, refs *textRefs) *wordCounts {
	u := &wordCounts{doc: doc, count: byLower}
	if refs != nil && refs.ref != nil {
		// The types without a ref, to slots: by lower-case type ID.
		var rest []int32
		u.refs = refs
		ref := refs.ref
		refs.memo.mu.RLock()
		n := min(len(refs.memo.words), maxRef)
		refs.memo.mu.RUnlock()
		t, _ := byRefPool.Get().(*[]uint32)
		if t == nil || len(*t) < n {
			// (Grown by half at least, up to maxRef: the memo grows
			// with each document.)
			size := 1024
			if t != nil {
				size = len(*t) * 3 / 2
			}
			s := make([]uint32, min(max(n, size), maxRef))
			t = &s
		}
		u.byRef = t
		tab := *t
		// (ref as long as the counts, so that the loop checks no bound
		// but tab's: it held one more value, and spilled.)
		m := min(len(byLower), len(ref))
		ref = ref[:m]
		for lid, c := range byLower[:m] {
			if c == 0 {
				continue
			}
			if r := ref[lid]; r != 0 {
				tab[r-1] = uint32(lid) + 1
				continue
			}
			rest = append(rest, int32(lid))
		}
		for lid := m; lid < len(byLower); lid++ {
			if byLower[lid] != 0 {
				rest = append(rest, int32(lid))
			}
		}
		u.makeSlots(len(rest))
		for _, lid := range rest {
			u.addText(int(lid))
		}
		return u
	}
	distinct := 0
	for _, c := range byLower {
		if c != 0 {
			distinct++
		}
	}
	u.makeSlots(distinct)
	for lid, c := range byLower {
		if c != 0 {
			u.addText(lid)
		}
	}
	return u
}

// release gives u's scratch table back to the run: u is not read after.
func (u *wordCounts) release() {
	if u != nil && u.byRef != nil {
		byRefPool.Put(u.byRef)
		u.byRef = nil
	}
}

// addCurlyRefs adds the uses of the types with a ref and a curly
// apostrophe to curly.
func (u *wordCounts) addCurlyRefs() {
	ref := u.refs.ref
	for lid, c := range u.count {
		if c == 0 || lid >= len(ref) || ref[lid] == 0 {
			continue
		}
		if w := u.doc.Type(uint32(lid)); !shortASCII(w) && strings.Contains(w, "’") {
			if u.curly == nil {
				u.curly = map[string]int{}
			}
			u.curly[strings.ReplaceAll(w, "’", "'")] += int(c)
		}
	}
}

// makeSlots makes the table by text for n types.
func (u *wordCounts) makeSlots(n int) {
	size := tableSize(n)
	u.slots, u.shift = mem.Table[uint32](size), uint(64-bits.TrailingZeros(uint(size)))
}

// addText adds the lower-case type lid to the table by text, or its uses
// to curly.
func (u *wordCounts) addText(lid int) {
	// (Most words are ASCII, which has no curly apostrophe:
	// strings.Contains, for every type, cost some 85 instructions
	// each, 39M over the 205 files of the split corpus; isASCII8,
	// not inlined, 33.)
	w := u.doc.Type(uint32(lid))
	if !shortASCII(w) && strings.Contains(w, "’") {
		if u.curly == nil {
			u.curly = map[string]int{}
		}
		u.curly[strings.ReplaceAll(w, "’", "'")] += int(u.count[lid])
		return
	}
	mask := uint64(len(u.slots) - 1)
	i := u.slot(w)
	for u.slots[i] != 0 {
		i = (i + 1) & mask
	}
	u.slots[i] = uint32(lid) + 1
}

// tableSize is the size of an open-addressing table of n entries: a power
// of two, at least 2n and 1.
func tableSize(n int) int {
	size := 1
	for size < 2*n {
		size <<= 1
	}
	return size
}

// slot returns the slot where the search for w starts: a hash of its
// length and three of its bytes, not all of them, for its table is built
// for every document with suggestions to rank and read a few dozen times
// (maphash.String cost 30M instructions over the 205 files of the split
// corpus), and words that share those are few enough: the probe tells
// them apart by their IDs' texts.
func (u *wordCounts) slot(w string) uint64 {
	n := len(w)
	if n == 0 {
		return 0
	}
	x := uint64(n) | uint64(w[0])<<8 | uint64(w[n-1])<<16 | uint64(w[n/2])<<24
	return x * 0x9e3779b97f4a7c15 >> u.shift
}

// get returns the uses of w (lower case, straight apostrophes).
func (u *wordCounts) get(w string) int {
	n := 0
	if strings.IndexByte(w, '\'') >= 0 { // (as each key of curly has)
		if u.byRef != nil {
			u.curlyRefs.Do(u.addCurlyRefs)
		}
		if u.curly != nil {
			n = u.curly[w]
		}
	}
	if !shortASCII(w) && strings.Contains(w, "’") {
		return n // (no type in slots has one, and byRef's are counted in curly)
	}
	if u.byRef != nil {
		// (The refs are the judgement's until it has its suggestions.)
		memo, ref := u.refs.memo, u.refs.ref
		memo.mu.RLock()
		k := memo.find(w, memoHash(w))
		memo.mu.RUnlock()
		if tab := *u.byRef; 0 <= k && k < len(tab) {
			if lid := int(tab[k]) - 1; 0 <= lid && lid < len(ref) && int(ref[lid]) == k+1 {
				return n + int(u.count[lid])
			}
		}
	}
	mask := uint64(len(u.slots) - 1)
	for i := u.slot(w); u.slots[i] != 0; i = (i + 1) & mask {
		if id := u.slots[i] - 1; u.doc.Type(id) == w {
			return n + int(u.count[id])
		}
	}
	return n
}

// wordIssue is one word the spelling and names rules report; each rule
// reports the issues of its kind, so every word is judged once.
type wordIssue struct {
	kind  wordKind
	span  prose.Span
	word  string
	want  []string // best first
	count int      // uses of this form in the draft
	other int      // uses of the wanted form, for name variants
	safe  bool     // the first wanted form is a safe fix
	// compound marks an unknown word made of two dictionary words, reported
	// as information only.
	compound bool
	sev      Severity // overrides the rule's severity when set
	rel      []prose.Span
}

// issueBlocks hands out the short lists and strings of the word issues
// from shared blocks. The issues live from the judgement to the last word
// rule, through the last cycles of the collector, which marks every object
// they point to: on the 20 MB corpus, a list of places for each of 1,337
// learnt names, a list and two strings for each of 888 compounds, a list
// and a place for each name variant, some 4,000 small objects. (The
// slices are full: an append to one copies it.)
type issueBlocks struct {
	spanBlock []prose.Span
	strBlock  []string
	text      []byte // the joined strings' bytes; text[len(text):] unused
	made      int    // blocks allocated so far
}

// issueBlockLen is the length of the blocks issueBlocks allocates once
// it has made a few: the first are shorter, for a short draft's few
// issues (blocks of 512 from the first cost the 1,053 files of 1 KB 1.6M
// instructions, in fresh spans of the heap).
const issueBlockLen = 512

// blockLen is the length of the next block, which must hold n.
func (b *issueBlocks) blockLen(n int) int {
	b.made++
	return max(n, min(issueBlockLen, 8<<b.made))
}

// spans returns a list of n places.
func (b *issueBlocks) spans(n int) []prose.Span {
	if n > len(b.spanBlock) {
		b.spanBlock = make([]prose.Span, b.blockLen(n))
	}
	s := b.spanBlock[:n:n]
	b.spanBlock = b.spanBlock[n:]
	return s
}

// strs returns a list of n strings.
func (b *issueBlocks) strs(n int) []string {
	if n > len(b.strBlock) {
		b.strBlock = make([]string, b.blockLen(n))
	}
	s := b.strBlock[:n:n]
	b.strBlock = b.strBlock[n:]
	return s
}

// join returns x, sep and y joined, written after the strings joined
// before it in a block of text: a string no write changes once returned.
func (b *issueBlocks) join(x string, sep byte, y string) string {
	n := len(x) + 1 + len(y)
	if cap(b.text)-len(b.text) < n {
		b.text = make([]byte, 0, 8*b.blockLen(n))
	}
	start := len(b.text)
	b.text = append(b.text, x...)
	b.text = append(b.text, sep)
	b.text = append(b.text, y...)
	return unsafe.String(&b.text[start], n)
}

// wordIssues judges every word of the document once and is shared by the
// spelling and names rules through Pass.Memo.
func wordIssues(p *Pass) []wordIssue {
	return p.Memo(factWordIssues, func() any {
		// When a rule yet to run reads the estimates, the judgement's
		// walk over the tokens also finds where the extraction's walk
		// would stop, for far less than a walk of its own, and leaves
		// those stops with the extraction's tables (see estimatesOf).
		refs := textRefsOf(p, p.Doc)
		known := knownWords(p.Doc, p.Dict, refs)
		var x *extractor
		if p.awaited(factEstimateScan) && !p.Doc.TooVaried() {
			x = newExtractorKnown(p.Doc, nil, nil, known)
		}
		// The owned compounds below need the token index (when
		// compound-style runs): the judgement's walk over the tokens
		// builds it, after the plans, unless it is built already (see
		// buildTokenIndexStops). It is then alive through the
		// judgement's peak of memory, which drops the judgement's
		// garbage first: a 20 MB run's peak RSS is as it was.
		var index indexWalker
		if p.Enabled("compound-style") {
			index = func(js *judgeStops) bool {
				built := false
				tokenIndexWith(p, p.Doc, func() *tokenIndex {
					built = true
					return buildTokenIndexStops(p.Doc, js, textRefsOf(p, p.Doc))
				})
				return built
			}
		}
		issues, suggest := judgeWordsLater(p.Doc, p.Dict, x, index, known, refs)
		// The lower-case words' suggestions wait for the owned
		// compounds (see dropOwned).
		owned := ownedCompounds(p)
		suggest(issues, owned)
		if refs != nil {
			refs.done() // (knownWords' and wordUses', whose counts suggest reads)
		}
		issues = dropOwned(issues, owned)
		if x != nil {
			p.stash(factEstimateScan, x)
		}
		if p.Shared.judged != nil {
			p.Shared.judged()
		}
		return issues
	}).([]wordIssue)
}

// dropOwned removes the unknown words that a consistency rule reports
// instead: a closed compound ("longterm") whose hyphenated form the draft
// uses is an inconsistency, not a spelling error.
func dropOwned(issues []wordIssue, owned map[string]bool) []wordIssue {
	if len(owned) == 0 {
		return issues
	}
	out := issues[:0]
	var buf [32]byte
	for _, is := range issues {
		if is.kind == kindUnknown && ownedWord(owned, is.word, &buf) {
			continue
		}
		out = append(out, is)
	}
	return out
}

// ownedWord is owned[strings.ToLower(w)], an ASCII word of up to 32 bytes
// lowered in buf: the lookup of the bytes as a string copies nothing,
// where ToLower made a string for each capitalised word (6,079 unknown
// words on the 20 MB corpus, 2M instructions with the lookups).
func ownedWord(owned map[string]bool, w string, buf *[32]byte) bool {
	if len(w) > len(buf) {
		return owned[strings.ToLower(w)]
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return owned[strings.ToLower(w)]
		}
		buf[i] = lowerASCII(c)
	}
	return owned[string(buf[:len(w)])]
}

// occurrence is one use of an unknown capitalised form: where it starts
// (a document's offsets fit in 32 bits, as its tokens' do), its end
// following from the form's length. A long draft has hundreds of
// thousands: eight bytes each, where a span took sixteen more.
type occurrence struct {
	start      int32
	positional bool // capitalised because of its position (sentence start, heading)
}

// capForm is an unknown capitalised form with its uses, in order.
type capForm struct {
	form string
	occ  []occurrence
}

// span returns the text of the use o of c.
func (c *capForm) span(o occurrence) prose.Span {
	return prose.Span{Start: int(o.start), End: int(o.start) + len(c.form)}
}

// partAct is what one use of a piece of a word type calls for.
type partAct uint8

const (
	actName      partAct = iota + 1 // an accepted name: counted among the draft's names
	actWrongForm                    // known in another form, unless a piece of a web address
	actIssue                        // a misspelling: the same issue at every use
	actCap                          // an unknown capitalised form, judged once the draft is read
	actLower                        // an unknown lower-case word, judged once the draft is read
)

// partPlan is one piece of a word type that needs work at each use; the
// pieces every use of the type accepts without a name are not kept.
type partPlan struct {
	off, end int32 // the piece's bytes, from the token's start
	base     int32 // bytes of its form without a possessive (actName, actCap)
	ref      int32 // names index (actName), caps index (actCap, -1 until used), issue template (actWrongForm, actIssue)
	act      partAct
	whole    bool // the piece is the whole token
}

// Fragment tests a word type calls for (see fragment).
const (
	fragNever  = iota // more than four letters and no roman numeral
	fragAlways        // a roman numeral
	fragShort         // four letters or fewer: the neighbours decide
)

// wordPlan is what the spelling and names rules make of a word type
// (Token.ID), decided at its first use: everything but position and
// neighbours depends on the text alone, and a draft repeats its words.
type wordPlan struct {
	first, end int32 // its parts in judge.parts
	planned    bool
	ok         bool // the dictionary accepts the whole word
	frag       uint8
	runes      uint8 // letters, for fragShort
	// names: every part is a name (actName), and the word is no
	// fragment (fragNever): each use in a sentence counts one use of
	// each, which judgeWords counts in bulk.
	names bool
}

// judge holds one judgement of a document's words (judgeWords).
type judge struct {
	doc    *prose.Document
	dict   *suggestCache
	plans  []wordPlan // by Token.ID
	parts  []partPlan
	tmpl   []wordIssue // issues that are the same at every use, by partPlan.ref
	names  *draftNames
	caps   []capForm // in order of first use
	capIdx map[string]int32
	lower  chunks[lowerWord]
	issues []wordIssue
	// compounds memoises closedCompound for the unknown lower-case words.
	compounds map[string]compoundSplit
	buf       []checkedPart
	// seen tells, by Token.ID, whether the type's tokens are words, and
	// whether its plan calls for work at each use: for every type at
	// once (planAll), or, in a TooVaried document, once a word token of
	// the type is met.
	seen []uint8
	// counted lists the types of plans.names, by first use in a
	// sentence: after that use, the pass marks them seenCounted and
	// passes over their other uses (walkStops lists none), and
	// judgeWords adds those to the names' counts from the type counts.
	counted []uint32
	shape   []uint8 // by Token.ID, for isTitleCase; nil until needed
	// known is what plan makes of each type alone, by Token.ID, from
	// the run's memo (knownWords); nil for a document linted alone.
	known []wordVerdict
	// refs are the document's types in the run's memo, for wordUses;
	// nil for a document linted alone.
	refs *textRefs
}

// runText is what a run makes of a text alone: its wordVerdict with the
// dictionary of ID dict (0 until known: the documents of a run may not
// share their dictionary, whose verdicts the first to judge the text
// keeps), and its token class (see buildTokenIndexStops), with
// classKnown set once known.
type runText struct {
	verdict wordVerdict
	dict    uint32 // (the ID's low half: a run makes a few dictionaries, not 2^32)
	class   uint32
}

// runTexts holds the texts of a run's documents, each with what the
// word judgement and the token index make of it alone (runText): the
// documents of a run share most of their words (the 205 files of the
// split 20 MB corpus have over half a million types between them, each file
// numbering its own, but few tens of thousands of distinct texts), and a
// lookup costs less than the checks. A document finds its types in it
// once (textRefs), for the two readers: where each read a table of its
// own (the verdicts and the classes), each type was hashed and probed
// twice, 92M instructions of the 205 files' 3,409M. A document reads it
// under the read lock for all its types at once, and adds what it
// lacked if the lock is free then: the memo only spares work, and a
// document never waits for another. A document linted alone has none:
// each of its words is judged once anyway. (It was a generic
// textMemo[V], one for the verdicts and one for the classes.)
type runTexts struct {
	mu sync.RWMutex
	// slots is an open-addressing hash table of words: 0 empty, else
	// the high 32 bits of the word's hash (memoHash), which place it,
	// in the high half and 1 + its index in words in the low. A map's
	// lookup cost some 145 instructions a type (aeshash and the probe),
	// this one about half: find compares the word's whole hash, kept
	// in words, which rules out the other words before their texts are
	// read.
	slots []uint64
	words []memoWord
}

// memoWord is a word of a runTexts, with its memoHash.
type memoWord struct {
	text string
	hash uint64
	v    runText
}

// memoHash hashes a word from its first and last eight bytes (four, or
// three single bytes, in a shorter one) and its length, read a word at a
// time: a byte at a time, its hash cost more than the map's aeshash.
// Long words that share both ends are few, and the probe tells them
// apart by text. A word of under eight bytes is all in its hash, which
// its length and the hash tell apart from every other (see find).
func memoHash(s string) uint64 { return wordHash(s) }

// exactHash is the length under which the words of a length have
// distinct memoHashes: wordHash's x holds all their bytes (four bytes
// from each end, or the three bytes of a shorter word), and for a
// given length, x is xor-ed with a constant and multiplied by an odd
// one, which maps distinct x to distinct hashes.
const exactHash = 8

// wordHash is memoHash's 64 bits, of which the high ones are the better
// mixed (a product's low bits depend only on its factors' low bits).
// (newTextRefs has a copy of it.)
func wordHash(s string) uint64 {
	n := len(s)
	var x uint64
	switch {
	case n >= 8:
		x = load64(s, 0) ^ bits.RotateLeft64(load64(s, n-8), 29)
	case n >= 4:
		x = uint64(load4(s, 0)) | uint64(load4(s, n-4))<<32
	case n > 0:
		x = uint64(s[0]) | uint64(s[n/2])<<8 | uint64(s[n-1])<<16
	}
	return (x ^ uint64(n)*0xc2b2ae3d27d4eb4f) * 0x9e3779b97f4a7c15
}

// find returns the index in w.words of text, whose memoHash is h, or -1.
// A word shorter than exactHash is told by its hash and length: the
// comparison of the texts, a call, cost 30M of the 205 files' lookups.
func (w *runTexts) find(text string, h uint64) int {
	if len(w.slots) == 0 {
		return -1
	}
	mask := uint32(len(w.slots) - 1)
	for i := uint32(h>>32) & mask; ; i = (i + 1) & mask {
		s := w.slots[i]
		if s == 0 {
			return -1
		}
		k := int(uint32(s)) - 1
		if e := &w.words[k]; e.hash == h && len(e.text) == len(text) && (len(text) < exactHash || sameText(e.text, text)) {
			return k
		}
	}
}

// sameText reports whether a and b, of the same length of at least eight
// bytes, are equal: one of 8 to 16 bytes is compared as its first and last
// eight, which hold all its bytes, in place of a call to compare the
// strings (newTextRefs has a copy).
func sameText(a, b string) bool {
	if n := len(b); n <= 16 {
		return load64(a, 0) == load64(b, 0) && load64(a, n-8) == load64(b, n-8)
	}
	return a == b
}

// add adds text, whose memoHash is h and which find does not have, with
// e; text is copied.
func (w *runTexts) add(text string, h uint64, e runText) {
	if 4*(len(w.words)+1) > 3*len(w.slots) {
		old := w.slots
		w.slots = make([]uint64, max(1024, 2*len(old)))
		for _, s := range old {
			if s != 0 {
				w.place(s)
			}
		}
	}
	w.words = append(w.words, memoWord{strings.Clone(text), h, e}) // (text is a view of a document's types)
	w.place(h>>32<<32 | uint64(len(w.words)))
}

// textRefs is where the types of a document linted with others stand in
// the run's runTexts, found once for the word judgement (knownWords) and
// the token index (buildTokenIndexStops), whichever reads them first:
// the index, most often, which the consistency rules of the run's first
// document build for every document.
type textRefs struct {
	memo *runTexts
	// ref is, by type ID, 1 + the index of its text in memo.words; 0
	// if memo lacked it, or held it past the first maxRef (then classes
	// looks for it again, and the word counts list it apart). (Two
	// bytes, not four: a run's documents have few tens of thousands of
	// texts between them, 32 thousand on the 205 files of the split
	// corpus, but over half a million types, whose refs are made
	// together, for most, and each kept until the second reader is
	// done: at four bytes the run's peak RSS grew by 4 MB.)
	ref []uint16
	// read counts the readers done (see done): the second drops ref.
	read atomic.Int32
}

// done tells r that one of its two readers is done with it: the second
// drops r.ref. (The run would keep every document's refs, made for most
// while the first document is checked.)
func (r *textRefs) done() {
	if r.read.Add(1) == 2 {
		r.ref = nil
	}
}

// maxRef bounds the texts of a runTexts that a textRefs refers to.
const maxRef = 1<<16 - 1

// newTextRefs finds the types of d, which is not TooVaried, in memo.
func newTextRefs(memo *runTexts, d *prose.Document) *textRefs {
	r := &textRefs{memo: memo, ref: make([]uint16, d.NumTypes())}
	memo.mu.RLock()
	defer memo.mu.RUnlock()
	if len(memo.slots) == 0 {
		return r
	}
	findRefs(d, r.ref, memo.slots, memo.words)
	return r
}

// findRefs sets ref[id] to 1 + the index in words of the text of each
// type id of d that the hash table slots (not empty) of words holds, under
// maxRef. It is find's probe, the table in locals: find, too costly to
// inline, cost a call a type. So did memoHash (wordHash), written out here
// (TestTextRefsHash): 5M instructions of the 205 files of the split
// corpus. It is a function of its own, not inlined, so that its loop
// keeps its values in registers (in newTextRefs, beside the lock and its
// deferred release, it kept a dozen on the stack, some 20 instructions a
// type), and a probe tells another text by the slot's high half, the
// high half of its hash, before it reads the text's entry.
//
//go:noinline
func findRefs(d *prose.Document, ref []uint16, slots []uint64, words []memoWord) {
	mask := uint32(len(slots) - 1)
	// The slots and the words are read through their first elements'
	// pointers: an index masked with mask is within slots, whose length
	// is a power of two (runTexts.add), and a slot's index within words,
	// to which it was added first. Their bounds checks held two lengths
	// in registers that the loop was short of: -4.0M on the 205 files
	// of the split corpus.
	sp, wp := unsafe.Pointer(unsafe.SliceData(slots)), unsafe.Pointer(unsafe.SliceData(words))
	for id := range ref {
		text := d.Type(uint32(id))
		n := len(text)
		var x uint64
		switch {
		case n >= 8:
			x = load64(text, 0) ^ bits.RotateLeft64(load64(text, n-8), 29)
		case n >= 4:
			x = uint64(load4(text, 0)) | uint64(load4(text, n-4))<<32
		case n > 0:
			x = uint64(text[0]) | uint64(text[n/2])<<8 | uint64(text[n-1])<<16
		}
		h := (x ^ uint64(n)*0xc2b2ae3d27d4eb4f) * 0x9e3779b97f4a7c15
		for i := uint32(h>>32) & mask; ; i = (i + 1) & mask {
			s := *(*uint64)(unsafe.Add(sp, uintptr(i)*8))
			if s == 0 {
				break
			}
			if s>>32 != h>>32 {
				continue
			}
			k := uint32(s) - 1
			// (sameText, written out.)
			if e := (*memoWord)(unsafe.Add(wp, uintptr(k)*unsafe.Sizeof(memoWord{}))); e.hash == h && len(e.text) == n && (n < exactHash ||
				n <= 16 && load64(e.text, 0) == load64(text, 0) && load64(e.text, n-8) == load64(text, n-8) ||
				n > 16 && e.text == text) {
				if k < maxRef {
					ref[id] = uint16(k + 1)
				}
				break
			}
		}
	}
}

// textRefsOf returns the run's textRefs of doc when doc is linted with
// others (nil otherwise: each of its texts is judged and classified once
// anyway) and is not TooVaried (its last ID stands for many texts).
func textRefsOf(p *Pass, doc *prose.Document) *textRefs {
	c := p.Corpus
	if c == nil || len(c.Docs) < 2 || doc.TooVaried() {
		return nil
	}
	i := c.IndexOf(doc)
	if i < 0 {
		return nil
	}
	e := &c.texts[i]
	e.once.Do(func() {
		e.v = newTextRefs(c.Memo("run-texts", func() any { return &runTexts{} }).(*runTexts), doc)
	})
	if r := e.v.(*textRefs); r.read.Load() < 2 {
		return r
	}
	return nil // (read twice already: a third reader does without)
}

// verdicts sets dst[id] to the verdict of each type id of d that the memo
// holds with the dictionary of ID dict, read under the read lock, and
// returns the others' IDs. A type the memo lacked when r was made is
// looked for again: r is most often made by the index, before any
// document but the first is judged. But a lower-case form no token spells
// (not the index's to add, so never referred to) is marked unset: only
// the plan of a capitalised form of it reads its verdict, and a run's
// documents most often plan those from the memo (textPlan). (Their
// verdicts were judged again for each document, 25M over the 205 files
// of the split corpus, then looked for in the memo, 17M.)
func (r *textRefs) verdicts(d *prose.Document, dict uint32, dst []wordVerdict) (todo []uint32) {
	w := r.memo
	w.mu.RLock()
	defer w.mu.RUnlock()
	words := w.words
	for id, ref := range r.ref {
		k := int(ref) - 1
		if k < 0 {
			if d.TypeCount(uint32(id)) == 0 {
				dst[id].unset = true
				continue
			}
			text := d.Type(uint32(id))
			k = w.find(text, memoHash(text))
		}
		if k >= 0 {
			if e := &words[k].v; e.dict == dict {
				dst[id] = e.verdict
				continue
			}
		}
		todo = append(todo, uint32(id))
	}
	return todo
}

// classes sets dst[id] to the class of each type id of d a token spells
// that the memo holds (classKnown set), read under the read lock, and
// returns the other such types' IDs. A type the memo lacked when r was
// made is looked for again only if r could not refer to its text (past
// maxRef): r is most often made just before.
func (r *textRefs) classes(d *prose.Document, dst []uint32) (todo []uint32) {
	w := r.memo
	w.mu.RLock()
	defer w.mu.RUnlock()
	words := w.words
	over := len(words) > maxRef
	for _, id := range copyClasses(r.ref, d.TypeCounts(), words, dst) {
		k := int(r.ref[id]) - 1
		if k < 0 && over {
			text := d.Type(id)
			k = w.find(text, memoHash(text))
		}
		if k >= 0 {
			if c := words[k].v.class; c != 0 {
				dst[id] = c
				continue
			}
		}
		todo = append(todo, id)
	}
	return todo
}

// copyClasses sets dst[id] to the class of each type id with uses
// (counts[id], not 0) whose ref (ref[id], 1 + its index in words) holds
// one, and returns the other such types' IDs in order, for classes to
// look at: most types have theirs, and a loop with nothing else to do
// keeps its values in registers (in classes' loop, which also looks for
// the others, 20M instructions over the 205 files of the split corpus;
// 12M so). (A copyVerdicts so, for verdicts, cost 1.7M more: its copy
// of a wordVerdict, with pointers, may call the write barrier, and its
// values are spilled for that.)
//
//go:noinline
func copyClasses(ref []uint16, counts []int32, words []memoWord, dst []uint32) (miss []uint32) {
	counts, dst = counts[:len(ref)], dst[:len(ref)]
	for id, r := range ref {
		if counts[id] == 0 {
			continue
		}
		if k := int(r) - 1; k >= 0 {
			if c := words[k].v.class; c != 0 {
				dst[id] = c
				continue
			}
		}
		miss = append(miss, uint32(id))
	}
	return miss
}

// store calls set with the memo's entry of each type of d in todo, the
// text added if the memo lacks it, unless another document holds the
// lock: on two cores a third of the documents find it taken, and their
// texts come back with the documents that follow. (A text another
// document added meanwhile is not added twice.)
func (r *textRefs) store(d *prose.Document, todo []uint32, set func(e *runText, id uint32)) {
	w := r.memo
	if len(todo) == 0 || !w.mu.TryLock() {
		return
	}
	defer w.mu.Unlock()
	for _, id := range todo {
		k := int(r.ref[id]) - 1
		if k < 0 {
			text := d.Type(id)
			h := memoHash(text)
			if k = w.find(text, h); k < 0 {
				w.add(text, h, runText{})
				k = len(w.words) - 1
			}
		}
		set(&w.words[k].v, id)
	}
}

// storePlans sets the plan of the memo's entry of each type ids[i] of d
// to tps[i], made with the dictionary of ID dict, unless the entry has
// one, or its verdict is another dictionary's, or another document holds
// the lock (see store).
func (r *textRefs) storePlans(d *prose.Document, dict uint32, ids []uint32, tps []textPlan) {
	w := r.memo
	if !w.mu.TryLock() {
		return
	}
	defer w.mu.Unlock()
	ref := r.ref
	for i, id := range ids {
		k := -1
		if int(id) < len(ref) {
			k = int(ref[id]) - 1
		}
		if k < 0 {
			text := d.Type(id)
			if k = w.find(text, memoHash(text)); k < 0 {
				continue
			}
		}
		if e := &w.words[k].v; e.dict == dict && e.verdict.plan == nil {
			e.verdict.plan = &tps[i]
		}
	}
}

// place puts slot s in the first empty slot from its hash's.
func (w *runTexts) place(s uint64) {
	mask := uint32(len(w.slots) - 1)
	i := uint32(s>>32) & mask
	for w.slots[i] != 0 {
		i = (i + 1) & mask
	}
	w.slots[i] = s
}

// wordVerdict is what plan makes of a word alone, its Check (status and
// want, a spell.Verdict's fields: as one, its padding made the struct 40
// bytes with plain) and its fragment test (wordPlan.frag, runes), and
// typeTable's typeFact.
type wordVerdict struct {
	status spell.Status
	// plain: the word is accepted and not capitalised, and a word by its
	// kind (quickKind): plan's first case, which planAll, the plan's
	// only caller for most such types, then sets without a call (some
	// 60 instructions a type on 205 files, half a million of them).
	plain       bool
	frag, runes uint8
	// capital and shape: isCapitalised and nameShape of the word, which
	// plan asks of the capitalised words (for 150 thousand types on 205
	// files, nameShape cost 18M).
	capital, shape bool
	// unset: the verdict is not known (see textRefs.verdicts), and plan
	// makes it if it needs it.
	unset bool
	typeFact
	want string
	// plan is the word's plan made from its text alone (see textPlan),
	// once a document of the run has planned the word; nil until then.
	plan *textPlan
}

// textPlan is what plan makes of a word type's text with a run's
// dictionary, kept in the run's memo (wordVerdict.plan) for the documents
// that plan the text after the first: a plan depends on the text alone
// but for the document's numbers of its names and issue templates, which
// planFrom gives it. The 205 files of the split corpus planned some
// 147,000 types, 155M instructions with the plans of their lower-case
// forms, the misspelling list's lookups, the names' dictionary tests and
// the compound splits, for a few tens of thousands of texts.
type textPlan struct {
	ok, names bool
	// parts are the plan's pieces, their refs -1 (actName, actCap) or
	// the index in tmpl (actWrongForm, actIssue).
	parts []partPlan
	tmpl  []wordIssue
}

// verdict returns e's Check.
func (e *wordVerdict) verdict() spell.Verdict { return spell.Verdict{Status: e.status, Want: e.want} }

// knownWords returns the wordVerdict of each type of doc, by Token.ID,
// read from the run's memo (r) or computed and added to it; nil when r is
// (the document is linted alone). (A table of pointers into the memo's
// words, in place of the copies, saved 3M of its 75M on the 205 files of
// the split corpus, and the readers' extra loads took half of that
// back.)
func knownWords(doc *prose.Document, d *spell.Dict, r *textRefs) []wordVerdict {
	h := hedgeData()
	if r == nil || h.err != nil {
		return nil
	}
	known := make([]wordVerdict, doc.NumTypes())
	dict := uint32(d.ID())
	todo := r.verdicts(doc, dict, known)
	if len(todo) == 0 {
		return known
	}
	for _, id := range todo {
		text := doc.Type(id)
		v := d.Check(text)
		e := wordVerdict{status: v.Status, want: v.Want}
		e.frag, e.runes = fragOf(text)
		e.capital, e.shape = isCapitalised(text), nameShape(text)
		e.plain = v.OK() && quickKind(text) == prose.Word && !e.capital
		e.typeFact = h.typeFacts(text, doc.Type(doc.Lower(id)), false)
		known[id] = e
	}
	r.store(doc, todo, func(e *runText, id uint32) {
		if e.dict == 0 {
			e.verdict, e.dict = known[id], dict
		}
	})
	return known
}

// fragOf is plan's fragment test of word (wordPlan.frag, runes).
func fragOf(word string) (frag, runes uint8) {
	if romanNumeral(word) {
		return fragAlways, 0
	} else if len(word) <= 4 || len(word) <= 4*utf8.UTFMax && (word[0]|word[1]|word[2]|word[3]|word[4]) >= utf8.RuneSelf {
		// (Five ASCII bytes first are five letters: no count needed.)
		if n := utf8.RuneCountInString(word); n <= 4 {
			return fragShort, uint8(n)
		}
	}
	return fragNever, 0
}

// The values of judge.seen beside 0 (no word token of the type met yet).
// The odd ones need nothing of the token pass (see skipPlain).
const (
	seenPlain   = 1 + iota // every use is accepted, and no name: nothing to do
	seenWork               // the plan has parts
	seenNotWord            // the type's tokens are not words
	_                      // even: a mark the pass would stop at
	seenCounted            // names only, met in a sentence: the other uses are counted in bulk (see judge.counted)
)

// plan decides what the uses of word type id call for.
func (j *judge) plan(id uint32) {
	p := &j.plans[id]
	p.planned = true
	word := j.doc.Type(id)
	var v spell.Verdict
	var capital, shaped bool // shaped: nameShape(word), when known
	known := len(j.known) > 0 && !j.known[id].unset
	if known {
		e := &j.known[id]
		v = e.verdict()
		p.frag, p.runes = e.frag, e.runes
		capital, shaped = e.capital, e.shape
	} else {
		p.frag, p.runes = fragOf(word)
		v = j.dict.Dict.Check(word)
		capital = isCapitalised(word)
	}
	p.ok = v.OK()
	if p.ok && !capital {
		// Accepted and not capitalised, as most types: one part, which
		// no use needs anything of (its base is no name, see isName).
		p.first = int32(len(j.parts))
		p.end = p.first
		return
	}
	wholeName := -1 // whether the word, accepted whole, is a name (isName); -1 unknown
	if p.ok && capital && len(stripPossessive(word)) == len(word) {
		wholeName = 0
		if known && shaped || !known && nameShape(word) {
			// It is if its lower-case form, a type of its own, is no
			// word: plan that, rather than lower-case and check again.
			lid := j.doc.Lower(id)
			if !j.plans[lid].planned {
				j.plan(lid)
			}
			if !j.plans[lid].ok {
				wholeName = 1
			}
		}
	}
	j.buf = checkParts(j.dict, word, 0, v, j.buf[:0])
	p.first = int32(len(j.parts))
	for _, cp := range j.buf {
		v := cp.verdict
		text := word[cp.span.Start:cp.span.End]
		pp := partPlan{off: int32(cp.span.Start), end: int32(cp.span.End), ref: -1, whole: cp.span.Start == 0 && cp.span.End == len(word)}
		switch {
		case v.Status != spell.Accepted && acronymPlural(text):
		case v.Status == spell.Accepted:
			base := stripPossessive(text)
			name := wholeName == 1
			if !pp.whole || wholeName < 0 {
				name = j.names.isName(j.dict, base)
			}
			if name {
				pp.act, pp.base, pp.ref = actName, int32(len(base)), j.names.intern(base)
			}
		case v.Status == spell.WrongForm:
			if text != "i" && !houseStyle(text, v.Want) { // the pronoun "i" is the mechanics rules' business
				pp.act, pp.ref = actWrongForm, int32(len(j.tmpl))
				j.tmpl = append(j.tmpl, wrongForm(text, prose.Span{}, v.Want))
			}
		default:
			if fix, ok := j.dict.Misspelling(text); ok {
				pp.act, pp.ref = actIssue, int32(len(j.tmpl))
				j.tmpl = append(j.tmpl, misspelling(j.dict, text, fix, prose.Span{}))
			} else if !derived(j.dict, text) {
				base := stripPossessive(text)
				pp.act, pp.base = actLower, int32(len(base))
				if isCapitalised(base) {
					pp.act = actCap
				}
			}
		}
		if pp.act != 0 {
			j.parts = append(j.parts, pp)
		}
	}
	p.end = int32(len(j.parts))
	p.names = p.first < p.end && p.frag == fragNever
	for _, pp := range j.parts[p.first:p.end] {
		p.names = p.names && pp.act == actName
	}
}

// planFrom plans word type id from tp, its text's plan (see textPlan).
func (j *judge) planFrom(id uint32, tp *textPlan) {
	p := &j.plans[id]
	e := &j.known[id]
	p.planned, p.ok, p.names = true, tp.ok, tp.names
	p.frag, p.runes = e.frag, e.runes
	p.first = int32(len(j.parts))
	if len(tp.parts) > 0 {
		word := j.doc.Type(id)
		for _, pp := range tp.parts {
			switch pp.act {
			case actName:
				pp.ref = j.names.intern(word[pp.off : pp.off+pp.base])
			case actWrongForm, actIssue:
				pp.ref, j.tmpl = int32(len(j.tmpl)), append(j.tmpl, tp.tmpl[pp.ref])
			}
			j.parts = append(j.parts, pp)
		}
	}
	p.end = int32(len(j.parts))
}

// textPlans returns the plans of the types ids as their texts' (see
// textPlan), made in one array, their parts in another.
func (j *judge) textPlans(ids []uint32) []textPlan {
	tps := make([]textPlan, len(ids))
	total := 0
	for _, id := range ids {
		p := &j.plans[id]
		total += int(p.end - p.first)
	}
	all := make([]partPlan, 0, total)
	for i, id := range ids {
		p := &j.plans[id]
		tp := &tps[i]
		tp.ok, tp.names = p.ok, p.names
		if p.first == p.end {
			continue
		}
		from := len(all)
		for _, pp := range j.parts[p.first:p.end] {
			switch pp.act {
			case actName, actCap:
				pp.ref = -1
			case actWrongForm, actIssue:
				pp.ref, tp.tmpl = int32(len(tp.tmpl)), append(tp.tmpl, j.tmpl[pp.ref])
			}
			all = append(all, pp)
		}
		tp.parts = all[from:len(all):len(all)]
	}
	return tps
}

// judgeWords judges the words of doc. When x is not nil, its walk over the
// tokens also lists where x's extraction stops (see walkStops): x.stops.
func judgeWords(doc *prose.Document, d *spell.Dict, x *extractor) []wordIssue {
	issues, suggest := judgeWordsLater(doc, d, x, nil, nil, nil)
	suggest(issues, nil)
	return issues
}

// judgeWordsLater is judgeWords with the suggestions for the unknown
// lower-case words put off: suggest, given the issues, finds them for
// those that are not among owned, the closed compounds a consistency rule
// reports instead (see dropOwned), whose issues are dropped: their
// suggestions, a search each, are not needed.
func judgeWordsLater(doc *prose.Document, d *spell.Dict, x *extractor, index indexWalker, known []wordVerdict, refs *textRefs) (_ []wordIssue, suggest func(issues []wordIssue, owned map[string]bool)) {
	j := &judge{
		known:  known,
		refs:   refs,
		doc:    doc,
		dict:   &suggestCache{Dict: d, memo: map[string][]string{}},
		plans:  mem.Table[wordPlan](doc.NumTypes()),
		seen:   idTable[uint8](doc.NumTypes()),
		names:  newDraftNames(doc.NumTypes()),
		capIdx: map[string]int32{},
	}
	dict, names := j.dict, j.names
	// One pass over the tokens. The sentences and blocks, in token order
	// like the tokens, are followed only for the few words whose plan
	// calls for work; a token in no sentence is not judged. The uses of
	// each type are counted by the parser (see judge.wordUses).
	sents := doc.Sentences
	si := 0
	block, titleCase := -1, -1 // titleCase: isTitleCase of block, -1 until needed
	toks, seen := doc.Tokens, j.seen
	// Every word type is planned first (a plan depends on the type's
	// text alone), so that one walk (walkStops, or the token index's:
	// see planAll) lists the uses of the types whose plans call for
	// work, the pass's stops, before it: with the stops of x's
	// extraction, where each pass walked the tokens alone. (A TooVaried document's last ID stands for texts of
	// every kind: there the pass plans each type at its first use, and
	// skipPlain finds the stops as it goes.)
	var stops []int32
	tooVaried := doc.TooVaried()
	if !tooVaried {
		stops = j.planAll(x, index)
	}
	for k, ti := 0, 0; ; k, ti = k+1, ti+1 {
		if !tooVaried {
			if k == len(stops) {
				break
			}
			ti = int(stops[k])
		} else if ti = skipPlain(toks, seen, ti); ti == len(toks) {
			break
		}
		if toks[ti].Kind() != prose.Word {
			continue
		}
		id := toks[ti].ID()
		if seen[id]&1 != 0 {
			continue // a name's use after its first, counted in bulk (seenCounted)
		}
		if seen[id] == 0 {
			p := &j.plans[id]
			if !p.planned {
				j.plan(id)
			}
			if p.first == p.end {
				seen[id] = seenPlain
				continue
			}
			seen[id] = seenWork
		}
		p := &j.plans[id]
		for si < len(sents) && sents[si].EndToken() <= ti {
			si++
		}
		if si == len(sents) || sents[si].FirstToken() > ti {
			continue
		}
		s := &sents[si]
		switch p.frag {
		case fragAlways:
			continue
		case fragShort:
			if shortFragment(doc, ti, int(p.runes)) {
				continue
			}
		}
		start := doc.TokenStart(ti)
		for k := p.first; k < p.end; k++ {
			pp := &j.parts[k]
			span := prose.Span{Start: start + int(pp.off), End: start + int(pp.end)}
			switch pp.act {
			case actName:
				names.use(pp.ref, prose.Span{Start: span.Start, End: span.Start + int(pp.base)})
			case actWrongForm, actIssue:
				if pp.act == actWrongForm && urlFragment(doc, ti) {
					continue
				}
				is := j.tmpl[pp.ref]
				is.span = span
				j.issues = append(j.issues, is)
			case actCap:
				// Unknown capitalised forms are judged after the whole
				// draft is read: how often the draft uses a form decides
				// whether it is a name.
				// Its position first: a sentence's first word needs no look
				// at its block.
				positional := ti == s.FirstToken() || afterOpener(doc, ti, s.FirstToken())
				if !positional {
					if s.Block() != block {
						block, titleCase = s.Block(), -1
					}
					if titleCase < 0 {
						b := &doc.Blocks[block]
						titleCase = 0
						if b.Kind() == prose.Heading || j.isTitleCase(b) {
							titleCase = 1
						}
					}
					positional = titleCase == 1
				}
				if pp.ref < 0 {
					pp.ref = j.capIndex(doc.Text[span.Start:span.Start+int(pp.base)], doc.TypeCount(id))
				}
				c := &j.caps[pp.ref]
				c.occ = append(c.occ, occurrence{start: int32(span.Start), positional: positional})
			case actLower:
				lw := lowerWord{span: span, part: k}
				if pp.whole {
					lw.prev, lw.next = neighbours(doc, *s, ti)
				}
				j.lower.add(lw)
			}
		}
		if p.names && !doc.TooVaried() {
			// Its first use has set where each name is first used: the
			// others only count (see countNames).
			seen[id] = seenCounted
			j.counted = append(j.counted, id)
		}
	}
	j.countNames()
	// The unknown capitalised forms join the draft's names and are judged
	// first (nothing below reads the names): their issues, which end the
	// list, are then known in number with the others', and the list's
	// room is made once.
	for _, c := range j.caps {
		ni := names.intern(c.form)
		a := &names.at[ni]
		if a.count == 0 {
			a.first = c.span(c.occ[0])
		}
		a.count += len(c.occ)
		names.index(ni)
	}
	capIssues := judgeCapitalised(dict, j.caps, names)
	// Nothing below reads the names, the plans or their pieces (but
	// for their number), nor, once the forms below have their uses, the
	// capitalised forms: they are garbage, which the judgement's peak of
	// memory, below, need not hold (1 MB on a 20 MB draft).
	nParts := len(j.parts)
	j.names, names, j.plans, j.parts, j.tmpl = nil, nil, nil, nil, nil
	// Each lower-case use below adds one issue. (They are read where the
	// token pass left them, in blocks, not copied into one slice.)
	lower := j.lower.all()
	issues := slices.Grow(j.issues, j.lower.len()+len(capIssues))
	// Lower-case unknown words are judged once every capitalised form is
	// known: "ivana" is a wrong case when the draft writes "Ivana" as a name
	// (mid-sentence) more often than it writes "ivana".
	// What decides is the same for every use of a form (its base, without
	// a possessive): it is found once per form, and the form once per
	// piece of a type (judge.parts).
	type lowerForm struct {
		base, capForm string
		uses, named   int // uses of the base in lower case, and of capForm as a name
		a, b          string
		compound      bool // closedCompound(base) split it into a and b
		// want holds the compound's suggestions, made at its first use
		// and shared by the others' issues, which only read them: a
		// compound's uses joined its strings anew each (3,980 uses of 888
		// forms on the 20 MB corpus, 4.5M instructions).
		want []string
	}
	var forms []lowerForm
	formOf := make(map[string]int32)
	partForm := make([]int32, nParts) // form + 1 by index in j.parts; 0 until met
	formIDs := make([]int32, j.lower.len())
	for i, lw := range lower {
		if partForm[lw.part] > 0 {
			formIDs[i] = partForm[lw.part] - 1
			forms[formIDs[i]].uses++
			continue
		}
		base := stripPossessive(doc.Slice(lw.span))
		f, ok := formOf[base]
		if !ok {
			f = int32(len(forms))
			formOf[base] = f
			forms = append(forms, lowerForm{base: base})
		}
		partForm[lw.part] = f + 1
		formIDs[i] = f
		forms[f].uses++
	}
	for f := range forms {
		lf := &forms[f]
		lf.capForm = capitalize(lf.base)
		if ci, ok := j.capIdx[lf.capForm]; ok {
			lf.named = namedUses(j.caps[ci].occ)
		}
		if lf.named <= lf.uses {
			lf.a, lf.b, lf.compound = j.closedCompound(lf.base)
		}
	}
	j.caps, j.capIdx = nil, nil
	var pending []suggestJob // unknown words whose suggestions are computed together
	// The compounds' suggestions are written side by side in a few
	// blocks, their lists carved from others (see issueBlocks).
	var blocks issueBlocks
	for i, lw := range lower {
		span := lw.span
		text := doc.Slice(span)
		lf := &forms[formIDs[i]]
		if lf.named > lf.uses {
			issues = append(issues, wordIssue{kind: kindWrongCase, span: prose.Span{Start: span.Start, End: span.Start + len(lf.base)}, word: lf.base, want: []string{lf.capForm}, safe: true})
			continue
		}
		is := wordIssue{kind: kindUnknown, span: span, word: text}
		switch a, b, ok := lf.a, lf.b, lf.compound; {
		case ok && lf.want != nil:
			is.compound, is.want = true, lf.want
		case ok && isCapitalised(b):
			// "theTaliban": a space lost in conversion.
			is.compound = true
			is.want = blocks.strs(1)
			is.want[0] = blocks.join(a, ' ', b)
			lf.want = is.want
		case ok:
			// Two dictionary words run together: a compound the lists lack
			// (watchlist, rulemaking) more often than a typo. A note, with the
			// open and hyphenated forms; the consistency rules catch a draft
			// that writes it two ways. No dictionary guess is needed.
			is.compound = true
			is.want = blocks.strs(2)
			is.want[0], is.want[1] = blocks.join(a, '-', b), blocks.join(a, ' ', b)
			lf.want = is.want
		default:
			pending = append(pending, suggestJob{issue: len(issues), word: text, prev: lw.prev, next: lw.next})
		}
		issues = append(issues, is)
	}
	if len(pending) > 0 {
		// The plans have counted the uses of every word for SuggestIn.
		dict.uses, dict.size = j.wordUses()
	}
	suggest = func(issues []wordIssue, owned map[string]bool) {
		jobs := pending[:0:0]
		var buf [32]byte
		for _, job := range pending {
			if !ownedWord(owned, job.word, &buf) {
				jobs = append(jobs, job)
			}
		}
		dict.suggestAll(jobs, 5)
		for _, job := range jobs {
			issues[job.issue].want = dict.SuggestIn(job.word, job.prev, job.next, 5)
		}
		dict.uses.release()
		dict.uses = nil
	}
	// Whether the draft writes a form is asked of the texts its tokens
	// spell, not of its whole text (on the 20 MB corpus that search cost
	// 28M instructions): the forms are tokens' own corrections, so one
	// the tokens spell is found there as in the text, and what no token
	// holds (a code span, a link's target, a region the draft's comments
	// leave unchecked) is not prose the draft writes.
	for i := range issues {
		if softenable(&issues[i]) {
			softenAnglicised(issues, doc.SpeltTexts())
			break
		}
	}
	return append(issues, capIssues...), suggest
}

// indexWalker, given the judgement's stops to list, builds the token index
// with a walk that lists them too (buildTokenIndexStops), and reports
// whether it did: not when the index was built already.
type indexWalker func(js *judgeStops) bool

// planAll plans every word type of j.doc, marks j.seen, and returns the
// uses of the types whose plans call for work (seenWork) that the pass
// reads, listed by walkStops, or by index's walk when index is not nil
// and builds the token index; x's stops are listed in x when x is not
// nil. The document is not TooVaried.
func (j *judge) planAll(x *extractor, index indexWalker) []int32 {
	doc := j.doc
	// The walk's table (see walkStops).
	tab := idTable[uint8](doc.NumTypes())
	n := 0             // room for the stops: the uses of the walkWork types, and a use of each walkFirst type
	var fresh []uint32 // the types planned here whose texts the run's memo has no plan for
	var flags []uint8
	if x != nil {
		flags = x.flags
	}
	// In a run, most types are plain: planPlain passes over them in a
	// loop of its own, and lists the others for this one.
	for _, id := range planPlain(doc.TypeCounts(), j.known, flags, tab, j.seen) {
		if quickKind(doc.Type(id)) != prose.Word {
			j.seen[id] = seenNotWord
			continue
		}
		p := &j.plans[id]
		if len(j.known) > 0 {
			// In a run, a text another document planned is planned from
			// its plan; the others' plans join the run's memo below.
			switch tp := j.known[id].plan; {
			case p.planned:
				// (As another type's lower-case form.)
				if tp == nil {
					fresh = append(fresh, id)
				}
			case tp != nil:
				j.planFrom(id, tp)
			default:
				j.plan(id)
				fresh = append(fresh, id)
			}
		} else if !p.planned {
			j.plan(id)
		}
		j.seen[id] = seenPlain
		switch {
		case p.first == p.end:
		case p.names:
			j.seen[id] = seenWork
			tab[id] |= walkFirst
			n++
		default:
			j.seen[id] = seenWork
			tab[id] |= walkWork
			n += doc.TypeCount(id)
		}
	}
	if len(fresh) > 0 && j.refs != nil {
		j.refs.storePlans(doc, uint32(j.dict.ID()), fresh, j.textPlans(fresh))
	}
	var looks chunks[int32]
	js := judgeStops{tab: tab, sents: doc.Sentences, room: n, look: &looks}
	if index == nil || !index(&js) {
		js.stops = walkStops(doc.Tokens, doc.Sentences, tab, make([]int32, 0, n), &looks)
	}
	stops := js.stops
	if x != nil {
		x.stops, x.scanned = looks.slice(), true
	}
	return stops
}

// planPlain sets tab[id] to walkOfFlags[flags[id]] (when flags is not
// nil) for each type id with uses (counts[id], not 0), and seen[id] to
// seenPlain for those that known marks plain, and returns the others'
// IDs in order (every type with uses, when known is empty: a list
// spares planAll's loop a test per type, +1.8M on the 205 files of the
// split corpus). In a run most types are plain: planAll's loop over
// every type, which set these bits beside its plans' work, kept its
// values on the stack, 53M instructions over the 656,000 types of the
// 205 files of the split corpus; split so, 27M (in two loops here, one
// for the flags, 30M). The tables are at least as long as counts;
// flags is nil when there is no extraction.
//
//go:noinline
func planPlain(counts []int32, known []wordVerdict, flags, tab, seen []uint8) []uint32 {
	n := len(counts)
	tab, seen = tab[:n], seen[:n]
	if len(known) == 0 {
		rest := make([]uint32, 0, n)
		for id, c := range counts {
			if c != 0 {
				if flags != nil {
					tab[id] = walkOfFlags[flags[id]]
				}
				rest = append(rest, uint32(id))
			}
		}
		return rest
	}
	known = known[:n]
	rest := make([]uint32, 0, n/4+16)
	if flags == nil {
		flags = make([]uint8, n) // (walkOfFlags[0] is 0)
	}
	flags = flags[:n]
	for id, c := range counts {
		if c == 0 {
			continue
		}
		tab[id] = walkOfFlags[flags[id]]
		if known[id].plain {
			seen[id] = seenPlain
			continue
		}
		rest = append(rest, uint32(id))
	}
	return rest
}

// countNames adds to the names' counts the uses of the types in
// j.counted that the token pass passed over: all their uses in a
// sentence (the type count less those in no sentence) but the first,
// which the pass counted. Every use of such a type in a sentence is a
// use of each name of its plan, whatever its neighbours (plans.names);
// its first use, and so each name's first use, the pass has met in
// order.
func (j *judge) countNames() {
	if len(j.counted) == 0 {
		return
	}
	// The uses of the types in no sentence, which the pass skips.
	doc := j.doc
	var outside map[uint32]int
	skip := func(from, to int) {
		for ti := from; ti < to; ti++ {
			if id := doc.Tokens[ti].ID(); j.seen[id] == seenCounted {
				if outside == nil {
					outside = map[uint32]int{}
				}
				outside[id]++
			}
		}
	}
	prev := 0
	for _, s := range doc.Sentences {
		if s.FirstToken() > prev {
			skip(prev, s.FirstToken())
		}
		prev = s.EndToken()
	}
	skip(prev, len(doc.Tokens))
	for _, id := range j.counted {
		p := &j.plans[id]
		n := doc.TypeCount(id) - outside[id] - 1
		for _, pp := range j.parts[p.first:p.end] {
			j.names.at[pp.ref].count += n
		}
	}
}

// wordUses counts the word tokens of the document by form, lower case
// with straight apostrophes, and in all, from the types the token pass met
// as words. A type's tokens all have its text (rules never see a
// TooVaried document), so they are all words or none, and the parser has
// counted them (TypeCount).
func (j *judge) wordUses() (uses *wordCounts, size int) {
	// (The counts and lower-case forms in locals, as long as seen: the
	// stores to byLower made the loop load them again from the document
	// at each type, and check their bounds.)
	counts, lowers := j.doc.TypeCounts(), j.doc.Lowers()
	byLower := mem.Table[int32](len(counts))
	seen := j.seen[:len(counts)]
	lowers = lowers[:len(counts)]
	for id, s := range seen {
		if s == seenPlain || s == seenWork || s == seenCounted {
			c := counts[id]
			byLower[lowers[id]] += c
			size += int(c)
		}
	}
	// (Tried: each lower-case type indexed at its first count, in this
	// loop, to spare newWordCounts' loop over the counts; the loop, with
	// more live values, cost 15M where newWordCounts cost 12M, over the
	// 205 files of the split corpus.)
	return newWordCounts(j.doc, byLower, j.refs), size
}

// compoundSplit is a memoised closedCompound.
type compoundSplit struct {
	a, b string
	ok   bool
}

// closedCompound is closedCompound(j.dict, w), once per word.
func (j *judge) closedCompound(w string) (string, string, bool) {
	if c, ok := j.compounds[w]; ok {
		return c.a, c.b, c.ok
	}
	a, b, ok := closedCompound(j.dict, w)
	if j.compounds == nil {
		j.compounds = map[string]compoundSplit{}
	}
	j.compounds[w] = compoundSplit{a, b, ok}
	return a, b, ok
}

// capIndex returns the index of capitalised form in j.caps, adding it.
//
// A new form's uses are those of the type first met with it (uses is
// its count) more often than not: room for them is made at once, not by
// doubling.
func (j *judge) capIndex(form string, uses int) int32 {
	if i, ok := j.capIdx[form]; ok {
		return i
	}
	i := int32(len(j.caps))
	j.capIdx[form] = i
	j.caps = append(j.caps, capForm{form: form, occ: make([]occurrence, 0, uses)})
	return i
}

// productivePrefixes make new words from known ones: nonfederal,
// interagency, reengineer. A prefix joined to a known word of four or more
// letters is accepted, as hunspell's affix rules do for listed stems.
var productivePrefixes = []string{
	"anti", "co", "counter", "cross", "inter", "intra", "micro", "mid", "multi", "non", "over",
	"post", "pre", "re", "semi", "sub", "super", "trans", "un", "under",
}

// productiveSuffixes make agent nouns and the like from known words:
// commenters, requesters, selectees, generalizability.
var productiveSuffixes = []string{"er", "ers", "ee", "ees", "ability", "wide"}

// derived reports whether a lower-case word is a productive derivation of
// a known word.
func derived(dict *suggestCache, w string) bool {
	if len(w) < 7 || !unchangedByLower(w) {
		return false
	}
	if strings.HasSuffix(w, "als") && dict.Check(w[:len(w)-1]).OK() {
		return true // adjectives used as nouns: tribals, nationals
	}
	for _, p := range productivePrefixes {
		if stem, ok := strings.CutPrefix(w, p); ok && len(stem) >= 4 && dict.Check(stem).OK() {
			return true
		}
	}
	for _, suf := range productiveSuffixes {
		stem, ok := strings.CutSuffix(w, suf)
		if !ok || len(stem) < 4 {
			continue
		}
		if dict.Check(stem).OK() || dict.Check(stem+"e").OK() || strings.HasSuffix(suf, "ability") && dict.Check(stem+"able").OK() {
			return true
		}
	}
	return false
}

// unchangedByLower reports whether strings.ToLower(w) == w, without the
// copy.
func unchangedByLower(w string) bool {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		if r == utf8.RuneError && size == 1 || unicode.ToLower(r) != r {
			return false // ToLower writes an invalid byte as U+FFFD
		}
		i += size
	}
	return true
}

// acronymPlural reports an all-caps acronym with a plural s (FTEs, SARs).
func acronymPlural(w string) bool {
	stem, ok := strings.CutSuffix(stripPossessive(w), "s")
	if !ok || len(stem) < 2 || len(stem) > 6 {
		return false
	}
	for i := 0; i < len(stem); i++ {
		if stem[i] < 'A' || stem[i] > 'Z' {
			return false
		}
	}
	return true
}

// closedCompound splits w into two dictionary words of three or more
// letters each, preferring the most even split.
func closedCompound(dict *suggestCache, w string) (string, string, bool) {
	n := len(w)
	if n < 7 || !isLowerASCIIStart(w) {
		return "", "", false
	}
	at := func(i int) bool {
		if i == 2 && n-i < 5 {
			return false // "infact", "aswell": too short to be a compound
		}
		return dict.Check(w[:i]).OK() && dict.Check(w[i:]).OK()
	}
	// Try the splits from the most even out, the shorter first word first
	// when two are as even: the first that works is the one wanted, and a
	// compound needs no more dictionary lookups.
	for d := n % 2; d <= n-4; d += 2 {
		lo, hi := (n-d)/2, (n+d)/2
		if at(lo) {
			return w[:lo], w[lo:], true
		}
		if hi != lo && hi <= n-3 && at(hi) {
			return w[:hi], w[hi:], true
		}
	}
	return "", "", false
}

func removeString(ss []string, x string) []string {
	out := ss[:0:0]
	for _, s := range ss {
		if s != x {
			out = append(out, s)
		}
	}
	return out
}

func isLowerASCIIStart(w string) bool { return w[0] >= 'a' && w[0] <= 'z' }

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// houseStyle reports a case difference that is a matter of style, not an
// error: an acronym written as a word (Nasdaq, Nato), a CamelCase name
// whose letters form a common word (DeLay, WorldWide), and one- or
// two-letter lower-case pieces of names (el, st).
func houseStyle(typed, want string) bool {
	if !strings.EqualFold(typed, want) {
		return false // a diacritic difference
	}
	switch {
	case shapeOf(typed) == shapeTitle && shapeOf(want) == shapeUpper:
		return true
	case shapeOf(typed) == shapeMixed && shapeOf(want) != shapeUpper && shapeOf(want) != shapeMixed:
		return true
	case shapeOf(typed) == shapeLower && utf8.RuneCountInString(typed) <= 2:
		return true
	}
	return false
}

type caseShape uint8

const (
	shapeLower caseShape = iota
	shapeTitle           // first letter upper, the rest lower
	shapeUpper
	shapeMixed // inner capitals: CiA, DeLay, iPhone
)

func shapeOf(w string) caseShape {
	upper, lower, firstUpper := 0, 0, false
	for i, r := range w {
		switch {
		case unicode.IsUpper(r):
			upper++
			if i == 0 {
				firstUpper = true
			}
		case unicode.IsLower(r):
			lower++
		}
	}
	switch {
	case upper == 0:
		return shapeLower
	case lower == 0:
		return shapeUpper
	case upper == 1 && firstUpper:
		return shapeTitle
	}
	return shapeMixed
}

// urlFragment reports a word glued by dots or slashes to its neighbours, a
// piece of a web address broken by extraction (www.gao.gov, index.html).
func urlFragment(doc *prose.Document, ti int) bool {
	glued := func(j int) bool {
		s := doc.TokenText(j)
		return s == "." || s == "/"
	}
	return ti > 0 && doc.TokenEnd(ti-1) == doc.TokenStart(ti) && glued(ti-1) ||
		ti+1 < len(doc.Tokens) && doc.TokenStart(ti+1) == doc.TokenEnd(ti) && glued(ti+1) && ti+2 < len(doc.Tokens) && doc.TokenStart(ti+2) == doc.TokenEnd(ti+1)
}

// namedUses counts the uses of a capitalised form mid-sentence, where only
// a name is capitalised.
func namedUses(occ []occurrence) int {
	n := 0
	for _, o := range occ {
		if !o.positional {
			n++
		}
	}
	return n
}

// draftNames counts the names a draft uses: capitalised forms that are not
// just capitalised dictionary words, known to a list or not. Forms are
// numbered as first seen; a name joins the index when first used.
type draftNames struct {
	forms []string
	ids   map[string]int32
	// at holds what is known of each form, by number. (Five slices, each
	// grown from empty, cost 1,400 instructions a name on the thousand
	// files of a kilobyte, most of them in growslice.)
	at []nameInfo
	// letters holds the letterMask of the ASCII forms closest has read
	// (0: not yet), made there: most forms of a document are never
	// read.
	letters []uint64
	// shapes lists the used names by first letter and length, each its
	// shapeKey, in order, made when closest first needs them, which looks
	// only at the lengths one edit can reach; seq numbers the names as
	// they join (index), and shapes lists the first shaped of them. (A
	// map of the names by shape, each added to its bucket as it joined,
	// cost some 770 instructions a name on the 205 files of the split
	// corpus; sorted as structs by a comparison function, the list cost
	// 1.3M more than the map on the 20 MB corpus.) unshaped: some name
	// has no shapeKey, and closest reads every name.
	shapes   []uint64
	seq      int32
	shaped   int32
	unshaped bool
	names    map[string]bool // memo of the dictionary test per form
}

// nameInfo is what draftNames knows of a form.
type nameInfo struct {
	count int
	first prose.Span // where it is first used
	runes int
	seq   int32 // the order it joined the index in; -1 until it did
	ascii bool  // the form is ASCII (see closest)
}

// shapeKey is the key of name i, of first rune r and n runes: the keys
// of one first rune are in order of length. A rune takes 21 bits, and a
// name i and a length n under nameBits and runeBits fill the other 43;
// others have no key.
func shapeKey(r rune, n int, i int32) uint64 {
	return uint64(r)<<(nameBits+runeBits) | uint64(n)<<nameBits | uint64(i)
}

// The bits of a name's number and of its length in runes in its shapeKey.
const (
	nameBits = 21
	runeBits = 22
)

// newDraftNames makes the names of a document of types word types. The
// names are about one type in sixteen (28,845 of the 533 thousand types
// of the 205 files of the split corpus): ids and the forms start with
// room for them, where growing from empty cost each insert some 500
// instructions.
func newDraftNames(types int) *draftNames {
	room := max(types/16, 4)
	return &draftNames{ids: make(map[string]int32, types/16), forms: make([]string, 0, room), at: make([]nameInfo, 0, room), names: map[string]bool{}}
}

// intern returns the number of form, adding it with no uses.
func (n *draftNames) intern(form string) int32 {
	if i, ok := n.ids[form]; ok {
		return i
	}
	i := int32(len(n.forms))
	n.ids[form] = i
	n.forms = append(n.forms, form)
	n.at = append(n.at, nameInfo{runes: utf8.RuneCountInString(form), seq: -1, ascii: isASCII(form)})
	return i
}

// letterMask returns the set of the bytes of an ASCII text, lower-cased,
// each its bit c&63 (some share one). Two texts one edit apart in any
// case differ in at most two bits of it, a substitution's: a pair whose
// masks differ in more bits is no pair, told before oneEditApartASCII
// reads the two (34,700 pairs on the 20 MB corpus, some 100 instructions
// each, few of them one edit apart).
func letterMask(s string) uint64 {
	var m uint64
	for i := 0; i < len(s); i++ {
		m |= 1 << (lowerASCII(s[i]) & 63)
	}
	return m
}

// isName reports whether an accepted form counts as a name: capitalised,
// not a capitalised dictionary word, and a plain word of four letters or
// more.
func (n *draftNames) isName(dict *suggestCache, form string) bool {
	if !isCapitalised(form) {
		return false
	}
	name, seen := n.names[form]
	if !seen {
		// The shape first: it rules out most forms without a lookup.
		name = nameShape(form) && !dict.Check(strings.ToLower(form)).OK()
		n.names[form] = name
	}
	return name
}

// nameShape reports whether a form is shaped like a name: one plain word
// (no hyphen or dot) of four letters or more.
func nameShape(form string) bool {
	for i := 0; i < len(form); i++ {
		switch form[i] {
		case '-', '.':
			return false
		case "‐"[0]: // the lead byte of ‐ and ‑
			if strings.HasPrefix(form[i:], "‐") || strings.HasPrefix(form[i:], "‑") {
				return false
			}
		}
	}
	return utf8.RuneCountInString(form) >= 4
}

// use counts a use of name i at span.
func (n *draftNames) use(i int32, span prose.Span) {
	a := &n.at[i]
	a.count++
	if a.count == 1 {
		a.first = span
		n.index(i)
	}
}

// index adds name i, first used, to the names closest reads.
func (n *draftNames) index(i int32) {
	n.at[i].seq = n.seq
	n.seq++
}

// shape lists the used names by shape (shapes), in order of key, or
// sets unshaped.
func (n *draftNames) shape() {
	n.shapes, n.shaped = n.shapes[:0], n.seq
	if len(n.forms) >= 1<<nameBits {
		n.unshaped = true
		return
	}
	for i := range n.at {
		if a := &n.at[i]; a.seq >= 0 {
			if a.runes >= 1<<runeBits-1 {
				n.unshaped = true
				return
			}
			n.shapes = append(n.shapes, shapeKey(firstRune(n.forms[i]), a.runes, int32(i)))
		}
	}
	slices.Sort(n.shapes)
}

// closest returns the name the draft uses most often, more often than
// uses, that closeNames pairs with name i (the first to join of those
// used most), or -1.
func (n *draftNames) closest(i int32, uses int) (int32, int) {
	best, bestN, bestSeq := int32(-1), uses, int32(0)
	runes := n.at[i].runes
	if runes < 4 {
		return best, bestN // closeNames pairs no name this short
	}
	r := firstRune(n.forms[i])
	if len(n.letters) < len(n.forms) {
		n.letters = append(n.letters, make([]uint64, len(n.forms)-len(n.letters))...)
	}
	if n.shaped != n.seq || n.shapes == nil && !n.unshaped {
		n.shape()
	}
	// (In locals, which the stores to letters cannot change.)
	letters, forms, at, shapes := n.letters, n.forms, n.at, n.shapes
	a, ascii := forms[i], at[i].ascii
	li := letterMask(a)
	// The names of the lengths one edit can reach, in one stretch of
	// shapes. (The best is the same in any order: the most used, and of
	// those the first to join.)
	all := n.unshaped || runes+1 >= 1<<runeBits
	k, end := 0, len(forms)
	if !all {
		k, _ = slices.BinarySearch(shapes, shapeKey(r, max(runes-1, 4), 0))
		end = len(shapes)
	}
	to := shapeKey(r, runes+1, 1<<nameBits-1)
	for ; k < end; k++ {
		var o int32
		if !all {
			key := shapes[k]
			if key > to {
				break
			}
			o = int32(key & (1<<nameBits - 1))
		} else if s := &at[k]; s.seq < 0 || firstRune(forms[k]) != r || s.runes < max(runes-1, 4) || s.runes > runes+1 {
			continue
		} else {
			o = int32(k)
		}
		oa := &at[o]
		m := oa.count
		if o == i || m < bestN || m == bestN && (best < 0 || oa.seq > bestSeq) {
			continue
		}
		b := forms[o]
		var near bool
		if ascii && oa.ascii {
			lo := letters[o]
			if lo == 0 {
				lo = letterMask(b) // not 0: a form is not empty
				letters[o] = lo
			}
			if bits.OnesCount64(li^lo) > 2 {
				continue
			}
			near = oneEditApartASCII(a, b) // known ASCII at intern: no test for it
		} else {
			near = oneEditApartFold(a, b)
		}
		if !near {
			continue
		}
		best, bestN, bestSeq = o, m, oa.seq
	}
	return best, bestN
}

// oneEditApartFold is spell.Distance(strings.ToLower(a),
// strings.ToLower(b)) <= 1, without the table or the copies for ASCII.
func oneEditApartFold(a, b string) bool {
	for i := 0; i < len(a); i++ {
		if a[i] >= utf8.RuneSelf {
			return spell.Distance(strings.ToLower(a), strings.ToLower(b)) <= 1
		}
	}
	for i := 0; i < len(b); i++ {
		if b[i] >= utf8.RuneSelf {
			return spell.Distance(strings.ToLower(a), strings.ToLower(b)) <= 1
		}
	}
	return oneEditApartASCII(a, b)
}

// oneEditApartASCII is oneEditApartFold for two ASCII strings.
func oneEditApartASCII(a, b string) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	i := 0
	for i < len(b) && lowerASCII(a[i]) == lowerASCII(b[i]) {
		i++
	}
	switch {
	case len(a) == len(b):
		// Equal, one substitution or one transposition of neighbours.
		return i == len(a) || equalFoldASCII(a[i+1:], b[i+1:]) ||
			i+1 < len(a) && lowerASCII(a[i]) == lowerASCII(b[i+1]) && lowerASCII(a[i+1]) == lowerASCII(b[i]) && equalFoldASCII(a[i+2:], b[i+2:])
	case len(a) == len(b)+1:
		return equalFoldASCII(a[i+1:], b[i:])
	}
	return false
}

func lowerASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// equalFoldASCII compares two ASCII strings of equal length ignoring case.
func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if lowerASCII(a[i]) != lowerASCII(b[i]) {
			return false
		}
	}
	return true
}

func wrongForm(text string, span prose.Span, want string) wordIssue {
	kind := kindWrongCase
	if !strings.EqualFold(text, want) {
		kind = kindWrongDiacritic
	}
	return wordIssue{kind: kind, span: span, word: text, want: []string{want}, safe: true}
}

// misspelling turns a hit in misspell's list into an issue. The list's
// correction is a safe fix only when no dictionary word is closer to what
// was typed: the list maps some singular typos to plurals (the seed's typo of
// "relationship" becomes "relationships"), and then the closer word is the better
// guess and a human should choose.
func misspelling(dict *suggestCache, text, fix string, span prose.Span) wordIssue {
	d := spell.Distance(strings.ToLower(text), strings.ToLower(fix))
	if sugg := dict.Suggest(text, 5); len(sugg) > 0 && sugg[0] != fix && !strings.Contains(sugg[0], " ") &&
		spell.Distance(strings.ToLower(text), strings.ToLower(sugg[0])) < d {
		return wordIssue{kind: kindUnknown, span: span, word: text, want: append(sugg[:len(sugg):len(sugg)], fix)}
	}
	return wordIssue{kind: kindMisspelling, span: span, word: text, want: []string{fix}, safe: true}
}

// softenAnglicised turns a missing diacritic into a note when English
// commonly drops it: one mark (Podesta for Podestà, Krakow for Kraków) on a
// name the draft never writes with it. A draft that writes the name both
// ways, or a name with several marks dropped (Zelnickova), stays an error.
// text is what the draft writes: the texts its tokens spell, each once
// (prose.Document.SpeltTexts), which tests may stand in for with any text.
func softenAnglicised(issues []wordIssue, text string) {
	// Each wanted form is searched for once: a long document repeats the
	// same anglicised name, and every search reads all of text.
	var wants []string // distinct, in order of first need
	written := map[string]bool{}
	for i := range issues {
		is := &issues[i]
		if !softenable(is) {
			continue
		}
		if _, ok := written[is.want[0]]; !ok {
			written[is.want[0]] = false
			wants = append(wants, is.want[0])
		}
	}
	if len(wants) == 0 {
		return
	}
	// The forms of ASCII only ("naive" for a draft's "naïve"), which the
	// runes outside ASCII cannot rule out, are searched for in the same
	// read of the text as those runes are gathered: a stretch at a time,
	// each stretch read from memory once for both.
	var ascii []string
	for _, w := range wants {
		if isASCII(w) {
			ascii = append(ascii, w)
		}
	}
	present := newRuneSet()
	for at, i := 0, 0; at < len(text); at += softenStretch {
		end := min(at+softenStretch, len(text))
		i = present.scan(text, i, end)
		for k := 0; k < len(ascii); k++ {
			// Every place a form may start at and end before end, not
			// searched in the stretch before.
			if containsRare(text[max(0, at-len(ascii[k])+1):end], ascii[k]) {
				written[ascii[k]] = true
				ascii = append(ascii[:k], ascii[k+1:]...)
				k--
			}
		}
	}
	for _, w := range wants {
		if !isASCII(w) {
			written[w] = present.mayContain(w) && containsRare(text, w)
		}
	}
	for i := range issues {
		is := &issues[i]
		if softenable(is) && !written[is.want[0]] {
			is.sev = Info
		}
	}
}

// softenStretch is how many bytes of the text softenAnglicised reads at a
// time for both its searches.
const softenStretch = 64 << 10

// softenable reports whether softenAnglicised may soften is: a wrong
// diacritic whose wanted form differs from the word in one mark at most.
func softenable(is *wordIssue) bool {
	return is.kind == kindWrongDiacritic && len(is.want) > 0 && diacriticsDropped(is.word, is.want[0]) <= 1
}

// isASCII reports whether s has only ASCII bytes.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// runeSet records which runes of the Basic Multilingual Plane outside
// ASCII a text holds: a wanted form with a diacritic the text never uses
// is not in it, and one pass over the text rules out every such form. It
// records too, hashed, each such rune with the byte before it and with the
// byte after it: a text may use the letter (à in "à la") but never with
// the neighbours the form gives it ("tà" in Podestà), and then the search
// through the whole text is not needed either.
type runeSet struct {
	runes [0x10000 / 64]uint64
	pairs [1 << pairBits / 64]uint64
}

const pairBits = 16

// pair returns the bit of rune r with byte b before it (after false) or
// after it.
func pair(r rune, b byte, after bool) uint32 {
	key := uint32(r)<<9 | uint32(b)<<1
	if after {
		key |= 1
	}
	return key * 0x9E3779B1 >> (32 - pairBits)
}

func (set *runeSet) addPair(r rune, b byte, after bool) {
	k := pair(r, b, after)
	set.pairs[k/64] |= 1 << (k % 64)
}

func (set *runeSet) hasPair(r rune, b byte, after bool) bool {
	k := pair(r, b, after)
	return set.pairs[k/64]&(1<<(k%64)) != 0
}

// newRuneSet returns an empty set to scan text into.
func newRuneSet() *runeSet {
	set := new(runeSet)
	clear(set.runes[:]) // pages written before they are read (see mem.Table)
	clear(set.pairs[:])
	return set
}

// scan adds to set the runes of text that start at i or after and before
// end, and returns where the rune after them starts (end, or past it when
// the last rune runs over end): scanned again from there, the text is
// read as in one scan.
func (set *runeSet) scan(text string, i, end int) int {
	for i < end {
		// Skip ASCII 128, then eight bytes at a time. (The loads are
		// from a slice of constant length, which needs no bounds check
		// per load.)
		const high = 0x8080808080808080
		for i+128 <= end {
			c := text[i : i+128]
			w := load64(c, 0) | load64(c, 8) | load64(c, 16) | load64(c, 24) | load64(c, 32) | load64(c, 40) | load64(c, 48) | load64(c, 56)
			w |= load64(c, 64) | load64(c, 72) | load64(c, 80) | load64(c, 88) | load64(c, 96) | load64(c, 104) | load64(c, 112) | load64(c, 120)
			if w&high != 0 {
				break
			}
			i += 128
		}
		for i+8 <= end && load64(text, i)&high == 0 {
			i += 8
		}
		if i >= end {
			break
		}
		if text[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r < 0x10000 {
			set.runes[r/64] |= 1 << (r % 64)
			if i > 0 {
				set.addPair(r, text[i-1], false)
			}
			if i+size < len(text) {
				set.addPair(r, text[i+size], true)
			}
		}
		i += size
	}
	return i
}

// containsRare is strings.Contains, searching for the rarest byte of
// needle rather than its first: a name's first letter is common in
// English text, its accented letter or its v or k far less so.
func containsRare(text, needle string) bool {
	if len(needle) < 2 {
		return strings.Contains(text, needle)
	}
	k := 0
	for i := 1; i < len(needle); i++ {
		if byteRarity(needle[i]) < byteRarity(needle[k]) {
			k = i
		}
	}
	c, last := needle[k], len(text)-len(needle)+k // the last place needle[k] can be
	// The needle's first and last bytes are compared before the whole: a
	// rare letter is still found some 100 K times in a long draft.
	first, end := needle[0], needle[len(needle)-1]
	for at := k; at <= last; at++ {
		i := strings.IndexByte(text[at:last+1], c)
		if i < 0 {
			return false
		}
		at += i
		if s := at - k; text[s] == first && text[s+len(needle)-1] == end && text[s:s+len(needle)] == needle {
			return true
		}
	}
	return false
}

// byteRarity ranks bytes by how common they are in English text, rarest
// first: lead bytes of accented letters, other bytes outside ASCII, capital
// letters, then the small letters by frequency; everything else last.
func byteRarity(c byte) int {
	switch {
	case c >= 0xC0 && c != 0xE2: // 0xE2 leads curly quotes and dashes
		return 0
	case c >= utf8.RuneSelf:
		return 1
	case c >= 'A' && c <= 'Z':
		return 2
	case c >= 'a' && c <= 'z':
		return 3 + strings.IndexByte("zqxjkvbpygfwmucldrhsnioate", c)
	}
	return 30
}

// load64 reads the eight bytes of s at i as one little-endian word (the
// compiler makes it one load).
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// indexHyphen is strings.IndexAny(s, "-‐‑"): the index of the first hyphen
// (- ‐ ‑), or -1. IndexAny, given characters outside ASCII, decodes every
// rune of s and looks it up among them, some 500 instructions a word
// (35M over the 205 files of the split corpus, for checkParts and
// soundOf); this reads a byte at a time, the lead byte of ‐ and ‑ then
// their others. (Neither '-' nor that lead byte is a continuation byte:
// the two agree on any text.)
func indexHyphen(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '-':
			return i
		case "‐"[0]:
			if strings.HasPrefix(s[i:], "‐") || strings.HasPrefix(s[i:], "‑") {
				return i
			}
		}
	}
	return -1
}

// shortASCII is isASCII8, inlined for the words of four to sixteen bytes
// (two loads, their first bytes and their last, overlapping).
func shortASCII(s string) bool {
	switch n := len(s); {
	case n >= 8 && n <= 16:
		return (load64(s, 0)|load64(s, n-8))&0x8080808080808080 == 0
	case n >= 4 && n < 8:
		return (load4(s, 0)|load4(s, n-4))&0x80808080 == 0
	}
	return isASCII8(s)
}

// load4 reads the four bytes of s from i as one little-endian word.
func load4(s string, i int) uint32 {
	s = s[i : i+4]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// mayContain reports whether s could be in the text: false when s has a
// rune outside ASCII that the text lacks, or lacks beside the bytes s has
// before or after it. (Where s is in the text, the text's runes are read
// from the same bytes: a lead byte is no rune's continuation.)
func (set *runeSet) mayContain(s string) bool {
	for i, r := range s {
		if r < utf8.RuneSelf || r >= 0x10000 || r == utf8.RuneError {
			continue
		}
		if set.runes[r/64]&(1<<(r%64)) == 0 {
			return false
		}
		if i > 0 && !set.hasPair(r, s[i-1], false) {
			return false
		}
		if end := i + utf8.RuneLen(r); end < len(s) && !set.hasPair(r, s[end], true) {
			return false
		}
	}
	return true
}

// diacriticsDropped counts the letters of want that carry a mark typed
// differs on.
func diacriticsDropped(typed, want string) int {
	t, w := []rune(typed), []rune(want)
	if len(t) != len(w) {
		return len(w) // a different shape: count it as many
	}
	n := 0
	for i := range w {
		if t[i] != w[i] && unicode.ToLower(t[i]) != unicode.ToLower(w[i]) {
			n++
		}
	}
	return n
}

// judgeCapitalised decides what each unknown capitalised form is: a near
// miss of a name the draft uses more often (Shvet beside Shvets), a typo of
// a dictionary word (Czeck, Followig), or a name the draft uses
// consistently, which is worth only a note.
func judgeCapitalised(dict *suggestCache, caps []capForm, names *draftNames) []wordIssue {
	// First what each form is near, and which forms need a dictionary
	// guess: those are searched for together (suggestForms), the rest not
	// at all.
	type nearest struct {
		bi, bestN  int
		best       string
		positional bool
		name       bool // no suggestion could make it a typo (mayBeTypo)
	}
	near := make([]nearest, len(caps))
	var guess []string
	for i, c := range caps {
		form, n := c.form, len(c.occ)
		// A name the draft uses much more often, one or two edits away. A
		// form used three times or more is deliberate: a different person
		// (Shehri and Shehhi) or a transliteration, not a slip.
		bi, bestN := names.closest(names.ids[form], n)
		best := ""
		if bi >= 0 {
			best = names.forms[bi]
		}
		if best != "" && (plural(form, best) || shapeOf(form) != shapeOf(best)) {
			best = ""
		}
		positional := true
		for _, o := range c.occ {
			positional = positional && o.positional
		}
		near[i] = nearest{bi: int(bi), bestN: bestN, best: best, positional: positional}
		switch {
		case best != "" && (n <= 2 && bestN >= 5*n || n == 1 && bestN >= 2):
			// A name variant.
		case best == "" && n > 2:
			// A name.
		case best != "" && !looksLikeTypo(dict, form, best, n, positional):
			// A name: best would lead the suggestions, and decides alone.
		case best == "" && !mayBeTypo(dict, form, positional):
			// A name: no suggestion could make it a typo.
			near[i].name = true
		default:
			guess = append(guess, form)
		}
	}
	dict.suggestForms(guess, 5)
	var issues []wordIssue
	var blocks issueBlocks
	for i := range caps {
		c := &caps[i]
		form, occ, n := c.form, c.occ, len(c.occ)
		best, bestN, positional := near[i].best, near[i].bestN, near[i].positional
		if best != "" && (n <= 2 && bestN >= 5*n || n == 1 && bestN >= 2) {
			// Used once beside a name used a few times: likely, not certain.
			sev := Error
			if bestN < 5*n {
				sev = Warning
			}
			// (Its uses share the lists, which the rules only read.)
			want, rel := blocks.strs(1), blocks.spans(1)
			want[0], rel[0] = best, names.at[near[i].bi].first
			for _, o := range occ {
				issues = append(issues, wordIssue{kind: kindNameVariant, span: c.span(o), word: form, want: want, count: n, other: bestN, rel: rel, sev: sev})
			}
			continue
		}
		if n > 2 && best == "" {
			// Used three times or more and near no other name: a name,
			// whatever word it resembles (see looksLikeTypo).
			issues = append(issues, learntName(c, &blocks))
			continue
		}
		if best != "" && !looksLikeTypo(dict, form, best, n, positional) || near[i].name {
			issues = append(issues, learntName(c, &blocks))
			continue
		}
		sugg := dict.Suggest(form, 5)
		if best != "" {
			// A name the draft uses more often, but not so much more that
			// the form must be a slip: the likeliest correction all the same.
			sugg = append([]string{best}, removeString(sugg, best)...)
		}
		if len(sugg) > 0 && looksLikeTypo(dict, form, sugg[0], n, positional) {
			for _, o := range occ {
				issues = append(issues, wordIssue{kind: kindUnknown, span: c.span(o), word: form, want: sugg, count: n})
			}
			continue
		}
		issues = append(issues, learntName(c, &blocks))
	}
	return issues
}

// learntName notes a name once, at its first use, with the others as
// related places: the writer adds it to a word list once, so one note per
// name is enough, however often the draft uses it. The places are carved
// from b.
func learntName(c *capForm, b *issueBlocks) wordIssue {
	occ := c.occ
	is := wordIssue{kind: kindLearntName, span: c.span(occ[0]), word: c.form, count: len(occ)}
	if rel := occ[1:min(len(occ), 21)]; len(rel) > 0 {
		is.rel = b.spans(len(rel))
		for k, o := range rel {
			is.rel[k] = c.span(o)
		}
	}
	return is
}

// looksLikeTypo decides whether an unknown capitalised form is a misspelled
// word rather than a name: one edit from a dictionary word and used at most
// twice, or only ever capitalised by position (sentence start, title case)
// and within two edits of a word.
//
// The word must also keep its first letter and be a common one (Czeck →
// Czech): a surname one letter from a rare word (Solow, Solon) or from
// another initial (Kamel, camel) is a name.
func looksLikeTypo(dict *suggestCache, form, sugg string, uses int, positional bool) bool {
	if strings.Contains(sugg, " ") || uses > 2 {
		return false
	}
	d := spell.Distance(strings.ToLower(form), strings.ToLower(sugg))
	fr, _ := utf8.DecodeRuneInString(form)
	sr, _ := utf8.DecodeRuneInString(sugg)
	if unicode.ToLower(fr) != unicode.ToLower(sr) || dict.Freq(sugg) < minTypoTargetFreq {
		return false
	}
	return d <= 1 || d == 2 && positional
}

// mayBeTypo reports whether looksLikeTypo could accept some suggestion for
// form (used at most twice): whether a common word with its first letter
// is near enough. When it is not, the costly search is not needed.
func mayBeTypo(dict *suggestCache, form string, positional bool) bool {
	d := 1
	if positional {
		d = 2
	}
	return dict.HasCommonNeighbour(form, d, minTypoTargetFreq)
}

// minTypoTargetFreq is the SUBTLEX-US count (per 51 million words) below
// which a dictionary word is too rare to explain a capitalised unknown word
// mid-sentence as its typo.
const minTypoTargetFreq = 20

// plural reports whether form is the plural of name (CFOs beside CFO).
func plural(form, name string) bool {
	return form == name+"s" || form == name+"es"
}

// closeNames reports whether two capitalised forms look like one name
// spelt two ways: one edit apart, same first letter.
func closeNames(a, b string) bool {
	// Cheap tests first: one edit changes the length by one at most.
	na, nb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
	if na < 4 || nb < 4 || abs(na-nb) > 1 {
		return false
	}
	if firstRune(a) != firstRune(b) {
		return false
	}
	return spell.Distance(strings.ToLower(a), strings.ToLower(b)) <= 1
}

// checkedPart is one checked piece of a token.
type checkedPart struct {
	span    prose.Span
	verdict spell.Verdict
}

// checkParts takes the verdict v on a token as a whole and, when a
// hyphenated compound fails, checks each part, so the finding points at the bad part ("Ex-CiA" → "CiA"). It
// appends to parts, which the caller reuses from token to token.
func checkParts(dict *suggestCache, word string, start int, v spell.Verdict, parts []checkedPart) []checkedPart {
	if v.OK() || indexHyphen(word) < 0 {
		return append(parts, checkedPart{prose.Span{Start: start, End: start + len(word)}, v})
	}
	off := 0
	for off <= len(word) {
		i := indexHyphen(word[off:])
		end := len(word)
		if i >= 0 {
			end = off + i
		}
		if end > off {
			p := word[off:end]
			pv := dict.Check(p)
			if utf8.RuneCountInString(p) == 1 {
				pv = spell.Verdict{Status: spell.Accepted} // e-mail, x-ray, U-turn
			}
			if pv.Status == spell.Unknown && i >= 0 && dict.Check(word[off:end+1]).OK() {
				pv = spell.Verdict{Status: spell.Accepted} // a prefix such as "ex-"
			}
			parts = append(parts, checkedPart{prose.Span{Start: start + off, End: start + end}, pv})
		}
		if i < 0 {
			break
		}
		_, size := utf8.DecodeRuneInString(word[end:])
		off = end + size
	}
	return parts
}

// shortFragment reports a word token ti of n ≤ 4 letters, no roman
// numeral, that is not a word of its own: a list letter ("b)", "(c)"), a
// page or section abbreviation before its dot ("p.", "pp.", "ch."), the
// letters of "a/c" or "w/o", or the "s" of a possessive detached by a
// stray space ("staff 's"). Roman numerals (ii, IV, xiii) are fragments
// too; judge.plan tests for them once per word.
func shortFragment(doc *prose.Document, ti, n int) bool {
	if n == 1 && !strayLetter(doc, ti) {
		return true
	}
	// The neighbours that touch the word (adjacent reads their gaps),
	// by their types' texts (tok).
	next, prev := "", ""
	if ti+1 < len(doc.Tokens) && adjacent(doc, ti, ti+1) {
		next = tok(doc, ti+1)
	}
	if ti > 0 && adjacent(doc, ti-1, ti) {
		prev = tok(doc, ti-1)
	}
	switch {
	case next == "/" || prev == "/":
		return n <= 3
	case prev == "'" || prev == "’":
		return n <= 2
	case next == ")" || prev == "(":
		return n == 1
	case next == "." || next == ":":
		return n == 1 || abbreviation[strings.ToLower(tok(doc, ti))]
	}
	return false
}

// strayLetter reports a lone lower-case letter between two lower-case
// words in running text ("jump o the"): there a single letter is a typo.
// Elsewhere letters are symbols, initials, variables or list markers.
func strayLetter(doc *prose.Document, ti int) bool {
	if ti == 0 || ti+1 >= len(doc.Tokens) {
		return false
	}
	w := doc.TokenText(ti)
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsLower(r) {
		return false
	}
	if doc.Tokens[ti-1].Kind() != prose.Word || doc.Tokens[ti+1].Kind() != prose.Word || doc.TokenEnd(ti-1) == doc.TokenStart(ti) || doc.TokenStart(ti+1) == doc.TokenEnd(ti) {
		return false
	}
	pr, _ := utf8.DecodeRuneInString(doc.TokenText(ti - 1))
	nr, _ := utf8.DecodeRuneInString(doc.TokenText(ti + 1))
	return unicode.IsLower(pr) && unicode.IsLower(nr)
}

// abbreviation lists short abbreviations written with a final dot.
var abbreviation = map[string]bool{
	"pp": true, "ch": true, "chs": true, "ed": true, "eds": true, "cc": true, "vol": true, "vols": true,
	"vs": true, "viz": true, "etc": true, "al": true, "ibid": true, "op": true, "cit": true, "fig": true,
	"figs": true, "no": true, "nos": true, "sec": true, "secs": true, "art": true, "para": true,
	"app": true, "approx": true, "dept": true, "govt": true, "est": true, "min": true, "max": true,
	"ft": true, "mi": true, "km": true, "kg": true, "lb": true, "lbs": true, "oz": true, "hr": true, "hrs": true,
}

// romanNumeral reports a roman numeral of up to eight letters in one case
// (ii, IV, xiii): chapter and list numbers.
func romanNumeral(w string) bool {
	if w == "" || len(w) > 8 {
		return false
	}
	lower, upper := true, true
	for i := 0; i < len(w); i++ {
		switch w[i] {
		case 'i', 'v', 'x', 'l', 'c', 'd', 'm':
			upper = false
		case 'I', 'V', 'X', 'L', 'C', 'D', 'M':
			lower = false
		default:
			return false
		}
	}
	if !lower && !upper {
		return false
	}
	// Only well-formed small numerals: avoid words such as "mix", "dim", "civil".
	switch strings.ToLower(w) {
	case "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv",
		"xvi", "xvii", "xviii", "xix", "xx", "xxi", "xxii", "xxiii", "xxiv", "xxv":
		return w != "i" && w != "I"
	}
	return false
}

// lowerWord is an unknown lower-case word with its neighbouring words.
type lowerWord struct {
	span       prose.Span
	prev, next string
	part       int32 // its piece of its type's plan (index in judge.parts)
}

// neighbours returns the words before and after word token ti of
// sentence s, for ranking suggestions by context: "" at the sentence's
// ends, beside a number, across a gap (a code span, a tag) or across
// punctuation other than quotes and brackets, which are skipped ("an
// ‘asset’ ut not").
func neighbours(doc *prose.Document, s prose.Sentence, ti int) (prev, next string) {
	// find walks from token ti in direction step; crossing from token a
	// to token b is impossible when the later of the two has a gap.
	find := func(step int) string {
		for i := ti + step; i >= s.FirstToken() && i < s.EndToken(); i += step {
			if later := max(i, i-step); doc.Tokens[later].Gap() {
				return ""
			}
			if doc.Tokens[i].Kind() == prose.Word {
				return tok(doc, i)
			}
			switch tok(doc, i) {
			case "\"", "'", "‘", "’", "“", "”", "(", ")", "[", "]":
				continue
			}
			return ""
		}
		return ""
	}
	return find(-1), find(1)
}

// afterOpener reports whether token ti follows an opening quote, bracket,
// colon or dash that starts a new phrase, where writers capitalise.
func afterOpener(doc *prose.Document, ti, first int) bool {
	if ti <= first {
		return true
	}
	switch tok(doc, ti-1) {
	case "\"", "“", "‘", "'", "(", "[", ":", "—", "–":
		return true
	}
	return false
}

// Word shapes for the title-case test: known marks a computed shape.
const (
	shapeKnown = 1 << iota
	shapeCapitalised
	shapeShort
)

// wordShape is what the title-case test reads of a word: whether it is
// capitalised and whether it is short (three bytes or fewer).
func wordShape(w string) uint8 {
	sh := uint8(shapeKnown)
	if isCapitalised(w) {
		sh |= shapeCapitalised
	}
	if len(w) <= 3 {
		sh |= shapeShort
	}
	return sh
}

// isTitleCase is isTitleCase(j.doc, b) with the shapes kept per type:
// a paragraph's words are mostly repeated ones.
func (j *judge) isTitleCase(b *prose.Block) bool {
	if j.shape == nil {
		j.shape = mem.Table[uint8](j.doc.NumTypes())
	}
	return titleCase(j.doc, b, j.shape)
}

// isTitleCase reports whether most words of a block are capitalised, as in
// a heading written in title case.
func isTitleCase(doc *prose.Document, b *prose.Block) bool {
	return titleCase(doc, b, nil)
}

// titleCase is isTitleCase, reading each word's shape off its text, or
// from shapes, by Token.ID, when not nil: a byte per type, found at the
// type's first use (0 until then). (A table, not an interface: its
// method, called through a generic's dictionary, was not inlined.)
func titleCase(doc *prose.Document, b *prose.Block, shapes []uint8) bool {
	words, caps := 0, 0
	// (The block's tokens as a slice of their own: no bounds check, and
	// the store to shapes does not make the loop read them again. A loop
	// over the known shapes alone, without a call, that left the others
	// to a loop around it, cost more: -0.4M, not -0.8M, on the 20 MB
	// corpus.)
	first := b.FirstToken()
	for i, t := range doc.Tokens[first:b.EndToken()] {
		if t.Kind() != prose.Word {
			continue
		}
		var sh uint8
		if shapes != nil {
			sh = shapes[t.ID()]
			if sh == 0 {
				sh = wordShape(doc.Type(t.ID()))
				shapes[t.ID()] = sh
			}
		} else {
			sh = wordShape(doc.TokenText(first + i))
		}
		if sh&(shapeShort|shapeCapitalised) == shapeShort {
			continue // articles and short prepositions stay lower case in titles
		}
		words++
		if sh&shapeCapitalised != 0 {
			caps++
		} else if words-caps >= 6 {
			// Six lower-case words need 24 capitalised ones beside them,
			// and a title has at most 20 words.
			return false
		}
		if words > 20 {
			return false
		}
	}
	return words >= 2 && caps*4 >= words*3
}

// isCapitalised reports whether w starts with an upper-case letter. An
// ASCII start is told here, which inlines; the rest is
// isCapitalisedRest's, a call (with the decoding in it, isCapitalised
// was a call for every word its many callers asked about).
func isCapitalised(w string) bool {
	if w == "" || w[0] >= utf8.RuneSelf {
		return isCapitalisedRest(w)
	}
	return w[0]-'A' < 26
}

// isCapitalisedRest is isCapitalised of a w that is empty or starts
// outside ASCII.
func isCapitalisedRest(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func capitalize(w string) string {
	r, size := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[size:]
}

// stripPossessive removes a final 's, ’s, s' or s’.
func stripPossessive(w string) string {
	if n := len(w); n < 2 || w[n-1] != 's' && w[n-1] != 'S' {
		return w
	}
	switch n := len(w); {
	case w[n-2] == '\'':
		return w[:n-2]
	case n >= 4 && w[n-4:n-1] == "’":
		return w[:n-4]
	}
	return w
}

// skipPlain returns the index of the first token of toks from i on whose
// type seen does not mark odd (seenPlain or seenNotWord), or len(toks).
// Most tokens are plain words or no words: one test skips both, in a loop
// whose state stays in registers (inlined in judgeWords it would not).
// seen is an idTable: an ID masked with its length less one is the ID,
// and needs no bounds check.
//
//go:noinline
func skipPlain(toks []prose.Token, seen []uint8, i int) int {
	_ = seen[0] // an idTable is not empty: m is its length less one
	m := uint(len(seen) - 1)
	// An index known not below 0 and, four tokens at a time, not past
	// len(toks)-4 needs no bounds check, nor the four a check of their
	// slice (an unsigned index compared with len(toks)-3 did).
	k, last := max(i, 0), len(toks)-4
	// Four tokens at a time, their bytes ANDed: a run of plain tokens
	// costs one test and one branch per four. The four that hold the
	// token sought are read again one at a time below.
	for ; k <= last; k += 4 {
		t := (*[4]prose.Token)(toks[k : k+4])
		if seen[uint(t[0].ID())&m]&seen[uint(t[1].ID())&m]&seen[uint(t[2].ID())&m]&seen[uint(t[3].ID())&m]&1 == 0 {
			break
		}
	}
	for ; k < len(toks); k++ {
		if seen[uint(toks[k].ID())&m]&1 == 0 {
			return k
		}
	}
	return len(toks)
}

// quickKind is typeKind, written out again so that it inlines: it was a
// test of its own for the ASCII letters before typeKind, which made it
// too large to inline (typeKind is at the limit, and a call to it inside
// another function goes past it), so that each of its two callers paid a
// call for each type of the document (some twenty instructions a type);
// typeKind's table tells the letters and digits in one load.
func quickKind(text string) prose.TokenKind {
	if k := asciiKinds[text[0]]; k != 0 {
		return k - 1
	}
	return typeKindRest(text)
}

// The bits of walkStops' table, by Token.ID.
const (
	// The word judgement stops at each use of a walkWork type, and at
	// the first use in a sentence of a walkFirst type, a name whose other
	// uses it counts in bulk (wordPlan.names, seenCounted).
	walkWork uint8 = 1 << iota
	walkFirst
	// An estimate extraction stops at a walkNow type (lookNow), and at a
	// walkNext type (lookNext) before a walkCont one (trieWord, number)
	// after no gap.
	walkNow
	walkNext
	walkCont
)

// walkOfFlags holds the bits of walkStops' table of a type by its
// extractor.flags: walkNow for lookNow, else walkNext for lookNext, and
// walkCont for trieWord or number. (Tested bit by bit, for every type of
// the document, the flags cost planAll some 24 instructions a type, 13M
// over the 205 files of the split corpus.)
var walkOfFlags = func() (t [256]uint8) {
	for f := range t {
		switch f := uint8(f); {
		case f&lookNow != 0:
			t[f] = walkNow
		case f&lookNext != 0:
			t[f] = walkNext
		}
		if uint8(f)&(trieWord|number) != 0 {
			t[f] |= walkCont
		}
	}
	return t
}()

// walkStops appends to stops the tokens of toks the word judgement stops
// at, and to look those nextLook would stop at, under the bits of tab (an
// idTable, see skipPlain): one walk for the two passes, where each walked
// the tokens alone. It clears walkFirst from a type at the use it lists.
func walkStops(toks []prose.Token, sents []prose.Sentence, tab []uint8, stops []int32, look *chunks[int32]) []int32 {
	var buf [256]int32
	k, si := 0, 0
	for k <= len(toks)-4 {
		// The stops a buffer at a time (the judgement's as ^i), up to a
		// group of four with a use of a walkFirst type.
		var n int
		var first bool
		k, n, first = walkGroups(toks, tab, k, &buf)
		for _, i := range buf[:n] {
			if i >= 0 {
				look.add(i)
			} else {
				stops = append(stops, ^i)
			}
		}
		if first {
			for i := k - 4; i < k; i++ {
				stops = walkJudge(toks, sents, &si, tab, i, stops)
			}
		}
	}
	// The last few one at a time.
	m := uint(len(tab) - 1)
	for ; k < len(toks); k++ {
		stops = walkJudge(toks, sents, &si, tab, k, stops)
		f := tab[uint(toks[k].ID())&m]
		if f&walkNow != 0 || k+1 < len(toks) && walkLooks(f, toks[k+1], tab[uint(toks[k+1].ID())&m]) {
			look.add(int32(k))
		}
	}
	return stops
}

// walkJudge appends token i to stops if the word judgement stops at it,
// clearing walkFirst from its type at the use of a walkFirst type it
// lists (see walkStops). The sentences are read from *si on (see
// inSentenceFrom): i must not be below the i of the call before.
func walkJudge(toks []prose.Token, sents []prose.Sentence, si *int, tab []uint8, i int, stops []int32) []int32 {
	id := uint(toks[i].ID()) & uint(len(tab)-1)
	switch f := tab[id]; {
	case f&walkWork != 0:
		stops = append(stops, int32(i))
	case f&walkFirst != 0 && inSentenceFrom(sents, si, i):
		stops = append(stops, int32(i))
		tab[id] &^= walkFirst
	}
	return stops
}

// walkLooks reports whether an extraction stops at a token of byte f
// before token next of byte nf (see looks).
func walkLooks(f uint8, next prose.Token, nf uint8) bool {
	return f&walkNow != 0 || f&walkNext != 0 && !next.Gap() && nf&walkCont != 0
}

// walkGroups reads the tokens of toks from k, a multiple of four, four at
// a time, and writes to buf the stops among them (see walkStops): the
// extraction's as i, the judgement's at the walkWork types as ^i. It
// returns where it stopped, the number of stops written, and whether it
// stopped after a group with a use of a walkFirst type, whose
// judgement's stops are the caller's to list; otherwise it stopped at
// the end of the groups (past len(toks)-4) or where buf may not hold
// another group's stops. It calls nothing, so that its loop keeps its
// values in registers (see nextLook), and most groups, of none of the
// bits, cost one test.
//
//go:noinline
func walkGroups(toks []prose.Token, tab []uint8, k int, buf *[256]int32) (int, int, bool) {
	_ = tab[0] // an idTable is not empty: m is its length less one
	m := uint(len(tab) - 1)
	bs := buf[:] // a slice: an array pointer is checked for nil at each use
	// The four bytes of a group are read through tab's pointer: every ID
	// is below the length of an idTable (see judgeStops). The masks held
	// m in a register the loop was short of, and cost four instructions
	// a group besides.
	tp := unsafe.Pointer(unsafe.SliceData(tab))
	n := 0
	// An index known not below 0 and, four tokens at a time, not past
	// len(toks)-4 needs no bounds check (see nextLook).
	k, last := max(k, 0), len(toks)-4
	for ; k <= last; k += 4 {
		t := (*[4]prose.Token)(toks[k : k+4])
		f0, f1, f2, f3 := *(*uint8)(unsafe.Add(tp, t[0].ID())), *(*uint8)(unsafe.Add(tp, t[1].ID())), *(*uint8)(unsafe.Add(tp, t[2].ID())), *(*uint8)(unsafe.Add(tp, t[3].ID()))
		or := f0 | f1 | f2 | f3
		if or&(walkWork|walkFirst|walkNow|walkNext) == 0 {
			continue
		}
		// The walkNext types, which start longer phrases, are common
		// words: of the groups with a bit, four in five on the 205 files
		// of the split corpus have only walkNext, and six in seven of
		// those no walkCont type after it, where nothing is listed.
		// walkNext shifted to walkCont's bit tells those, before the
		// gaps and the rest of the slow path are read.
		if or&(walkWork|walkFirst|walkNow) == 0 && ((f0<<1)&f1|(f1<<1)&f2|(f2<<1)&f3)&walkCont == 0 &&
			(f3&walkNext == 0 || k+4 >= len(toks) || tab[uint(toks[k+4].ID())&m]&walkCont == 0) {
			continue
		}
		// The buffer has room for eight more (n < 249): the masks spare
		// the bounds checks.
		if or&(walkNow|walkNext) != 0 {
			if walkLooks(f0, t[1], f1) {
				bs[n&255] = int32(k)
				n++
			}
			if walkLooks(f1, t[2], f2) {
				bs[n&255] = int32(k + 1)
				n++
			}
			if walkLooks(f2, t[3], f3) {
				bs[n&255] = int32(k + 2)
				n++
			}
			if f3&walkNow != 0 || f3&walkNext != 0 && k+4 < len(toks) && walkLooks(f3, toks[k+4], tab[uint(toks[k+4].ID())&m]) {
				bs[n&255] = int32(k + 3)
				n++
			}
		}
		if or&walkFirst != 0 {
			return k + 4, n, true
		}
		if or&walkWork != 0 {
			if f0&walkWork != 0 {
				bs[n&255] = ^int32(k)
				n++
			}
			if f1&walkWork != 0 {
				bs[n&255] = ^int32(k + 1)
				n++
			}
			if f2&walkWork != 0 {
				bs[n&255] = ^int32(k + 2)
				n++
			}
			if f3&walkWork != 0 {
				bs[n&255] = ^int32(k + 3)
				n++
			}
		}
		if n > len(bs)-8 {
			return k + 4, n, false
		}
	}
	return k, n, false
}

// inSentenceFrom is inSentence for a token i not below that of the call
// before with si: it moves *si to the first sentence from *si that ends
// after i. walkStops' tokens come in order, and a step a sentence, for
// all of a document's, cost less than a binary search for each use of a
// walkFirst type: some 1.6M against 7M over the 205 files of the split
// corpus, where the index, built for the consistency rules before the
// judgement, leaves every document but the first to walkStops.
func inSentenceFrom(sents []prose.Sentence, si *int, i int) bool {
	k := *si
	for k < len(sents) && sents[k].EndToken() <= i {
		k++
	}
	*si = k
	return k < len(sents) && sents[k].FirstToken() <= i
}

// inSentence reports whether token i lies in one of sents.
func inSentence(sents []prose.Sentence, i int) bool {
	_, ok := slices.BinarySearchFunc(sents, i, func(s prose.Sentence, i int) int {
		switch {
		case s.EndToken() <= i:
			return -1
		case s.FirstToken() > i:
			return 1
		}
		return 0
	})
	return ok
}

// idTable returns a zeroed table of n entries by Token.ID (n the number of
// types), its length rounded up to a power of two, at least one: an ID
// masked with the length less one is the ID, and a loop that indexes the
// table so needs no bounds check (see skipPlain).
func idTable[T any](n int) []T {
	size := 1
	for size < n {
		size <<= 1
	}
	return mem.Table[T](size)
}
