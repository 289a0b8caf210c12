package rules

import (
	"math/bits"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/edlint/edlint/internal/mem"
	"github.com/edlint/edlint/internal/prose"
)

// The punctuation, quotation, capital and consistency rules each look at a
// few kinds of token (quotation marks, brackets, "a" and "an", variety
// spellings) among a million ordinary words. Walking every token once per
// rule costs more than all their checks together, so one walk per document
// classifies each token by its type (Token.ID: a verdict per distinct
// text, not per use) and lists, in order, the tokens each rule reads.

// Token classes, decided once per type.
const (
	clsQuote       uint32 = 1 << iota // " ' ’ “ ” ‘ as punctuation
	clsApos                           // a word or number holding ' or ’ (it’s, ’80s)
	clsHyphenWord                     // a word holding a hyphen (long-term)
	clsBracket                        // ( [ ) ]
	clsDash                           // — – -
	clsLowerI                         // i, i’m, i've …
	clsConfusable                     // a word confused-word looks at
	clsArticle                        // a, an, A, An (see pairListed)
	clsCount                          // a count a list may follow: three, 12 (see pairListed)
	clsVariety                        // a spelling with an American or British form
	clsDecade                         // 1980s, 1970’s, ’80s
	clsRangeHyphen                    // 1985-87
	clsPercent                        // %, percent, per
	clsClosed                         // a word spelling a hyphenated word of the draft closed
	clsPreferred                      // a word that may start a built-in preferred-form variant
	numListed             = iota      // classes above have a list of their tokens

	clsMark       uint32 = 1 << (iota - 1) // , ; : . ? !
	clsMissing                             // . ? ! , ; (missing-space)
	clsDots                                // ..
	clsWord                                // Kind Word
	clsNumber                              // Kind Number
	clsNonASCII                            // a byte outside ASCII
	clsOf                                  // of (listed as confusable after a modal only)
	clsModal                               // could, should … (before "of")
	clsStop                                // . ? !
	clsLowerStart                          // a word that may start a sentence in lower case
	// What capitalTypes reads of a type (its marks), decided here, where
	// the run's memo of classes spares it for the types the run's other
	// documents have (a call or two a type, 36M over the 205 files of
	// the split corpus):
	clsNameCapital // a capitalised word (isNameCapital): markCapital
	clsNameGiven   // a capitalised word that can be a given name (nameLike): markGiven
	clsNameForm    // a capitalised word that stands for a name form
	clsNameStem    // a capitalised text with a possessive, whose stem capitalTypes maps
	clsConnector   // a small word inside names (isConnector): markConnector
	clsNameArticle // "the" in any case: markArticle
)

// Classes whose tokens the walk lists only in a context that can make a
// finding: an article before a word of the other sound (or a quotation
// mark), a count before a word.
const pairListed = clsArticle | clsCount

// tokenIndex lists, in token order, the tokens of one document that the
// rules of this file's users read.
type tokenIndex struct {
	class []uint32 // per type ID
	// compoundKeys holds the compounds' lower-case letters, and
	// compoundTypes the types of clsHyphenWord or clsClosed with the
	// number of their key in it (see classifyCompounds).
	compoundKeys  []string
	compoundTypes []compoundType
	lists         [numListed][]int32
	// starts holds each word of clsLowerStart that opens its block or
	// follows . ? or !: the sentence starts lowercase-sentence-start reads.
	starts []int32
	// quoteish holds the tokens of clsQuote or clsApos: the apostrophe,
	// quotation and quote-balance rules read them together.
	quoteish []int32
	// Pairs found in the walk: repeated holds the second of two
	// consecutive word tokens with the same letters in any case (or with
	// a letter outside ASCII, left to strings.EqualFold); doubled the
	// first of two marks in a row, and every ".."; spaced each mark with
	// a gap before it; glued each of . ? ! , ; that touches a word before
	// it and the token after it. Block bounds are the rules' to check.
	repeated, doubled, spaced, glued []int32

	// capitals marks the tokens that are capitalised words (markCapital):
	// the only tokens name-consistency reads one by one (see nameWords).
	// The walk that picks the tokens above picks them too, for a few
	// instructions a token where a walk of its own cost a dozen. A bit a
	// token, not a list: a 20 MB draft has some 557,000 of them, 2.2 MB
	// as a list of indexes, which the peak of its run paid in full.
	capitals tokenBits

	// marks counts, by style (curly, straight), the tokens of the
	// quotation marks, and apos the apostrophes, inside words and numbers
	// or marks of their own: the most quoteMarks and apostrophes can list
	// of each, the room they make at once.
	marks, apos [2]int

	closersOnce sync.Once
	closers     map[int]bool // see singleClosers
}

// countMarks adds the n tokens of text, of class c and of the quotation or
// apostrophe classes, to x.marks and x.apos.
func (x *tokenIndex) countMarks(text string, c uint32, n int) {
	if c&clsQuote != 0 {
		// A single mark is a quotation mark or an apostrophe: it counts
		// for both.
		switch text {
		case "“", "”", "‘":
			x.marks[quoteCurly] += n
		case "\"":
			x.marks[quoteStraight] += n
		case "’":
			x.marks[quoteCurly] += n
			x.apos[aposCurly] += n
		case "'":
			x.marks[quoteStraight] += n
			x.apos[aposStraight] += n
		}
	}
	if c&clsApos != 0 && c&(clsWord|clsNumber) != 0 {
		x.apos[aposCurly] += n * strings.Count(text, "’")
		x.apos[aposStraight] += n * strings.Count(text, "'")
	}
}

// list returns the tokens of class c (one of the listed classes).
func (x *tokenIndex) list(c uint32) []int32 { return x.lists[bits.TrailingZeros32(c)] }

// add appends token i to the list of class c.
func (x *tokenIndex) add(c uint32, i int) {
	k := bits.TrailingZeros32(c)
	x.lists[k] = append(x.lists[k], int32(i))
}

// tokenIndexOf returns doc's index, built once per run: once per corpus
// when doc is linted with others (the consistency rules of every document
// read it; it is a few hundred bytes per thousand tokens), once per
// document otherwise.
func tokenIndexOf(p *Pass, doc *prose.Document) *tokenIndex {
	return tokenIndexWith(p, doc, func() *tokenIndex { return buildTokenIndexStops(doc, nil, textRefsOf(p, doc)) })
}

// A text's class depends on the text alone, and the documents of a run
// share most of their texts, each numbering its own types: the run's
// runTexts holds the class of each text met (see classify). The lookup,
// some 150 instructions a type (the hash, the probe, and the comparison
// of the texts), spared classify and its calls, some 260 (150M
// instructions over the 205 files of the split 20 MB corpus); the
// judgement's lookup now finds the class too (see textRefs). (A text's
// class is its own: its lower-case form and kind are the text's too.
// clsClosed, the document's, is added after.)
//
// classKnown marks, in buildTokenIndexStops' class table before its loop
// over the types, a class read from the run's runTexts, which holds
// the classes with it: above every class (a type of no class has none of
// them).
const classKnown = 1 << 31

const _ = classKnown - 2*clsNameArticle // (clsNameArticle is the last class)

// tokenIndexWith is tokenIndexOf, the index built by build if it is not
// yet.
func tokenIndexWith(p *Pass, doc *prose.Document, build func() *tokenIndex) *tokenIndex {
	if p.Corpus != nil {
		if i := p.Corpus.IndexOf(doc); i >= 0 {
			e := &p.Corpus.tokenIndexes[i]
			e.once.Do(func() { e.v = build() })
			return e.v.(*tokenIndex)
		}
	}
	if doc == p.Doc {
		return p.Memo(factTokenIndex, func() any { return build() }).(*tokenIndex)
	}
	return build()
}

// buildTokenIndex classifies the types of d, then walks its tokens once.
func buildTokenIndex(d *prose.Document) *tokenIndex { return buildTokenIndexStops(d, nil, nil) }

// judgeStops is what the token index's walk lists for the word judgement
// and the estimate extraction when it is built at the judgement's walk
// (see buildTokenIndexStops).
type judgeStops struct {
	tab   []uint8 // walkStops' table, by Token.ID
	sents []prose.Sentence
	stops []int32 // walkStops' stops
	room  int     // the room to make for them
	look  *chunks[int32]
}

// buildTokenIndexStops is buildTokenIndex whose walk, when js is not nil,
// also lists the stops walkStops would list for js.tab (to js.stops and
// js.look): one walk over the tokens for the judgement, the extraction
// and the index, where the judgement's walk cost some 44 million
// instructions on a 20 MB draft. pickTokens marks the tokens of the
// types that may be stops (fastStop) by a bit each, as it marks the
// capitals, for some four instructions a token; the stops are then found
// among those, an eighth of the tokens, and the index is the same.
// The types' classes are read from the run's memo (refs) when it is not
// nil (see runTexts), and those it lacks added to it.
func buildTokenIndexStops(d *prose.Document, js *judgeStops, refs *textRefs) *tokenIndex {
	// slow reads the lengths of the types (typeLen) and the starts of
	// the groups of tokens (GroupStarts) without bounds checks: the
	// parser gives every type its length and every group its start
	// (prose.FuzzParseUnchecked), which is told here once, so that a
	// document that broke it would stop the run, not have slow read past
	// the slices. (Class, read so too, is made here, NumTypes long.)
	if len(d.TypeLens()) < d.NumTypes() || len(d.GroupStarts()) < (len(d.Tokens)+7)>>3 {
		panic("rules: a document without the length of each type or the start of each group of tokens")
	}
	x := &tokenIndex{class: mem.Table[uint32](d.NumTypes())}
	var missing []uint32
	if refs != nil {
		missing = refs.classes(d, x.class)
	}
	// The walk reads, per type, three bits and the lower-case type in one
	// word (see indexWalk.fast).
	w := indexWalk{x: x, d: d, fast: idTable[uint64](d.NumTypes()), judge: js}
	// The type counts give each list its length: allocate it once.
	var sizes [numListed]int
	quotes := 0
	// One loop over the types classifies each and makes its fast word,
	// where a loop for each read the type's text, lower-case type and
	// count twice (some 20 instructions a type, a million types on 205
	// files). A lower-case form no token spells has neither: no token
	// reads them. classifyCompounds, which reads every class, then adds
	// clsClosed to a few types, whose fast words and list sizes are
	// mended after it.
	sets := classSets{variety: varietyFilter(), first: builtinFirstWords()}
	// With the run's memo, the types it lacks are classified before, in
	// a loop of their own, and marked classKnown as the memo's are: the
	// loop over the types then leaves them to fastWords, which calls
	// nothing and keeps its values in registers, up to each quotation
	// mark or apostrophe (countMarks). With the calls, the loop kept its
	// values on the stack: some 48 instructions a type, where the two
	// loops take some 33 (-17M over the 205 files of the split corpus).
	// Without the memo, as for a document linted alone, a loop of the
	// types classifies each: the two loops cost some seven instructions
	// a type more there.
	for _, id := range missing {
		text, lid := d.Type(id), d.Lower(id)
		x.class[id] = classify(text, d.Type(lid), lid == id, typeKind(text), &sets) | classKnown
	}
	for id := 0; refs != nil && id < d.NumTypes(); id++ {
		if id = fastWords(d, x.class, w.fast, &sizes, id); id == d.NumTypes() {
			break
		}
		// A quotation mark or apostrophe: its list and its count.
		c, n := x.class[id]&^classKnown, d.TypeCount(uint32(id))
		x.class[id] = c
		w.fast[id] = fastWord(c, uint64(d.Lower(uint32(id)))<<fastLowShift, false)
		quotes += n
		x.countMarks(d.Type(uint32(id)), c, n)
		for l := c & walkListed; l != 0; l &= l - 1 {
			sizes[bits.TrailingZeros32(l)] += n
		}
	}
	for id := 0; refs == nil && id < d.NumTypes(); id++ {
		n := d.TypeCount(uint32(id))
		if n == 0 {
			continue
		}
		text := d.Type(uint32(id))
		lid := d.Lower(uint32(id))
		c := classify(text, d.Type(lid), lid == uint32(id), typeKind(text), &sets)
		x.class[id] = c
		w.fast[id] = fastWord(c, uint64(lid)<<fastLowShift, js != nil && js.tab[id]&(walkWork|walkFirst|walkNow|walkNext) != 0)
		if l := c & walkListed; l != 0 {
			if l&(clsQuote|clsApos) != 0 {
				quotes += n
				x.countMarks(text, c, n)
			}
			for ; l != 0; l &= l - 1 {
				sizes[bits.TrailingZeros32(l)] += n
			}
		}
	}
	if refs != nil && js != nil {
		// fastWords leaves fastStop to this loop, which a run with the
		// memo rarely needs: an argument fewer kept its values in
		// registers.
		for id := range d.NumTypes() {
			if js.tab[id]&(walkWork|walkFirst|walkNow|walkNext) != 0 && d.TypeCount(uint32(id)) != 0 {
				w.fast[id] |= fastStop
			}
		}
	}
	// The texts memo lacked: before classifyCompounds adds clsClosed,
	// which is the document's.
	if refs != nil {
		refs.store(d, missing, func(e *runText, id uint32) {
			if e.class == 0 {
				e.class = x.class[id] | classKnown
			}
		})
	}
	classifyCompounds(d, x, refs)
	if refs != nil {
		refs.done() // (after classifyCompounds, which reads refs.ref)
	}
	// Every clsClosed type has its compound key (in no order: the
	// sums and bits below are the same in any).
	for _, t := range x.compoundTypes {
		if x.class[t.id]&clsClosed != 0 {
			w.fast[t.id] |= fastCur // clsClosed is listed
			sizes[bits.TrailingZeros32(clsClosed)] += d.TypeCount(t.id)
		}
	}
	for k, n := range sizes {
		if n > 0 {
			x.lists[k] = make([]int32, 0, n)
		}
	}
	x.quoteish = make([]int32, 0, quotes)
	x.capitals = tokenBits(mem.Table[uint64](len(d.Tokens)/64 + 1))
	toks := d.Tokens
	fast := w.fast
	buf := pickBufs.Get().(*[stretch]int32)
	// The blocks' first words that may start a sentence in lower case.
	// The walk below lists the others, after . ? or !; the two lists are
	// merged in token order at the end.
	firsts := lowerFirsts(d, x.class)
	if js != nil {
		// Made last, after the index's room.
		js.stops = make([]int32, 0, js.room)
	}
	// Most tokens are ordinary words after ordinary words. A stretch of
	// tokens at a time, list those that need a closer look without a
	// branch per token: a bit of walkCur in their class, of walkPrev in
	// the previous token's, or one lower-case type with the previous
	// token (a repeated word). Then look closer at them. (A word that
	// may start a sentence in lower case after . ? or ! is the stop's to
	// list: the walk reads every stop, a mark.) The pairs the walk lists
	// span blocks (block bounds are the rules' to check), and so do the
	// stretches: a block is some fifty tokens, and a call per block cost
	// more than the work of its calls. pf is the upper half of the
	// previous token's fast word. (Before the first token, it may pick
	// that token, whose pairs then list nothing.)
	var pf uint32
	w.blocks = blockCursor{d: d}
	for lo := 0; lo < len(toks); lo += len(buf) {
		var n int
		var stops [len(buf) / 32]uint32
		n, pf = pickTokens(buf, toks[:min(lo+len(buf), len(toks))], lo, fast, pf, x.capitals, &stops, fastCapital|fastStop)
		if js != nil {
			w.judgeStops(lo, &stops)
		}
		w.slow(buf[:n])
	}
	pickBufs.Put(buf)
	x.starts = mergeTokens(firsts, x.starts)
	return x
}

// fastWords clears classKnown from the classes of the types of d from
// id on (in class, all known), writes their fast words (see fastWord;
// without fastStop, which its caller adds) and adds their counts to
// sizes, up to the first type of clsQuote or clsApos among walkListed,
// which its caller reads (see tokenIndex.countMarks): it returns that
// type, or d.NumTypes() when there is none. It calls nothing, and is not
// inlined, so that its values stay in registers.
//
// It reads the counts and lower-case types from the document's slices
// (prose.Document.TypeCounts, Lowers), where a call of TypeCount and of
// Lower loaded each slice from d and checked its bounds for every type,
// and writes the fast word of a type of neither walk bit nor a letter
// outside ASCII, most of them, inline: some 23 instructions a type where
// the loop took some 50 (-18.5M over the 205 files of the split corpus,
// some 656,000 types).
//
//go:noinline
func fastWords(d *prose.Document, class []uint32, fast []uint64, sizes *[numListed]int, id int) int {
	// The slices at class's length, and an unsigned index below it: no
	// bounds checks in the loop.
	n := uint(len(class))
	counts, lower, fast := d.TypeCounts()[:n], d.Lowers()[:n], fast[:n]
	for k := uint(id); k < n; k++ {
		count := counts[k]
		if count == 0 {
			continue
		}
		c := class[k] &^ classKnown
		low := uint64(lower[k]) << fastLowShift
		if c&(walkCur|walkPrev|clsNonASCII) == 0 {
			// Most types: neither bit of the walk, nor a word outside
			// ASCII (see fastWord), and then in no list either.
			class[k] = c
			fast[k] = low<<32 | low | uint64(c/clsNameCapital&1)*fastCapital
			continue
		}
		if c&walkListed&(clsQuote|clsApos) != 0 {
			return int(k)
		}
		class[k] = c
		fast[k] = fastWord(c, low, false)
		for l := c & walkListed; l != 0; l &= l - 1 {
			sizes[bits.TrailingZeros32(l)] += int(count)
		}
	}
	return int(n)
}

// fastWord is the fast word (see indexWalk.fast) of a type of class c,
// whose lower-case type shifted is low, with fastStop when stop.
func fastWord(c uint32, low uint64, stop bool) uint64 {
	f, s := low, low
	// A word outside ASCII may repeat the word before or after it
	// in another case (strings.EqualFold tells): it is read, and so
	// is the token after it.
	nonASCIIWord := c&(clsNonASCII|clsWord) == clsNonASCII|clsWord
	if c&walkCur != 0 || nonASCIIWord {
		f |= fastCur
	}
	if stop {
		f |= fastStop
	}
	if c&walkPrev != 0 || nonASCIIWord {
		s |= fastPrev | fastApart
	}
	if c&clsNameCapital != 0 {
		f |= fastCapital
	}
	return s<<32 | f
}

// lowerFirsts lists the blocks' first tokens whose class (by type, in
// class) has clsLowerStart. It is a function of its own, not inlined:
// in buildTokenIndex, among many live values, the loop kept its values
// on the stack (it copies each block twice, for the methods it calls,
// wherever it is: a Block has too many fields for registers).
//
//go:noinline
func lowerFirsts(d *prose.Document, class []uint32) []int32 {
	var firsts []int32
	toks := d.Tokens
	for bi := range d.Blocks {
		b := &d.Blocks[bi]
		if first := b.FirstToken(); first < b.EndToken() && class[toks[first].ID()]&clsLowerStart != 0 {
			firsts = append(firsts, int32(first))
		}
	}
	return firsts
}

// stretch is the number of tokens pickTokens reads at a call. With 256,
// the calls of pickTokens, judgeStops and slow cost 1.3M instructions
// more on the 20 MB corpus, 2.9M over its 205 files. (Stretches of 1,024
// cost more than they saved when pickTokens wrote buf[n&1023]: a move
// and an AND, where n&255 was one MOVZX.)
const stretch = 1024

// pickBufs holds buffers for pickTokens' picks, which buildTokenIndexStops
// takes and gives back: a buffer of 1,024 on its stack was zeroed at each
// call (+0.4M over the 1,053 drafts of 1 KB).
var pickBufs = sync.Pool{New: func() any { return new([stretch]int32) }}

// pickTokens writes to buf the indexes of the tokens of toks[lo:], at
// most stretch, that need a closer look (see buildTokenIndex), and their
// bits to caps (see tokenIndex.capitals; zeroed) and the bits of those
// with fastStop to stops (token lo+32*k+b at bit b of stops[k]), and returns
// their count and the fast word's upper half for the last token; pf is
// that upper half for the token before lo, a multiple of stretch. fast
// has an entry for every type of the tokens (an idTable, at least
// NumTypes long: every ID, the overflow ID of a TooVaried document
// included, is a type's), which pickTokens reads without a check. It is
// not inlined so that its values stay in registers: in buildTokenIndex,
// with its many live values, the compiler kept the count on the stack,
// and each token waited for the store of the one before. mask is
// fastCapital|fastStop, the bits it shifts in: an argument, held in a
// register, where the compiler loaded the constant anew for each token
// and moved the others' values round it (an instruction a token).
//
// Its loop reads two tokens an iteration, 33 instructions for the two.
// It writes the picks through a pointer (unsafe.Add): with buf[n&255],
// the MOVZX of the index took a register of its own, the compiler then
// kept len(toks) in the register it took for a temporary and reloaded it
// for each token, two instructions a token more (-7.1M on the 20 MB
// corpus). The writes stay inside buf: a call reads at most stretch
// tokens, and n, the picks before the token, is below stretch at each.
// It reads the tokens and their fast words through pointers too: the
// loop's bound keeps both tokens inside toks, and the masked index of
// fast, an AND a token, bought nothing the IDs do not already promise
// (-3.8M on the 20 MB corpus; two tokens an iteration, then, -1.8M more,
// where with their bounds checks they cost three instructions a token
// more than one).
//
// What else was tried to shorten the loop cost more, on the 20 MB
// corpus: a bit a token for the picks, shifted in as the capitals are,
// in place of the list (17 instructions a token, but a NOP inside the
// loop, the bits' reversal, and slow reading bits where it ranged over a
// list: +7.7M); toks behind a pointer, to keep its length out of the
// loop (two reloads a token). With two tokens an iteration, a bound
// rounded down to even (the compiler then moved the loop's values round
// and reloaded two, +5.6M), or both picks told before either write (a
// spill and a reload more in the loop). Four tokens an iteration saved
// no more than 0.3M: i+1, i+2 and i+3 each took an LEA for its write,
// and the loop a spill and two reloads; and with a loop over each full
// group that exits on i's low bits, to free end's register, the
// compiler moved five values round at its back edge (+2.1M), or three
// and a reload, at two tokens an iteration (34 instructions for two,
// where this loop takes 33). The upper halves read as their own uint32
// (to spare the copy and the shift of f) took as many: a copy of f1
// and a reload more.
//
//go:noinline
func pickTokens(buf *[stretch]int32, toks []prose.Token, lo int, fast []uint64, pf uint32, caps []uint64, stops *[stretch / 32]uint32, mask uint64) (int, uint32) {
	fbase := unsafe.Pointer(unsafe.SliceData(fast))
	tbase := unsafe.Pointer(unsafe.SliceData(toks))
	base := unsafe.Pointer(buf) // see above: buf[n] without its check
	n := 0
	// An unsigned index that the loop keeps below len(toks) needs no
	// bounds check, and is the token's index to write.
	i := uint(lo)
	for i < uint(len(toks)) {
		// Each token shifts its capital and stop bits in at the bottom of
		// the two halves of b, an AND and an LEA: after the last of 32
		// (or of toks), their bits are at the bottom of each half in
		// reverse order, to turn round (which costs less, for 32 tokens,
		// than a shift a token to keep them in order) and move down. This
		// costs less than a list of their indexes, and then a bit set for
		// each; and one word for both bits kept the loop's values in
		// registers, where a word for each did not.
		var b uint64
		// Two tokens an iteration while two are left in the group, then
		// the last of an odd group (of the last, at the end of toks).
		end := min(i+32, uint(len(toks)))
		for ; i+1 < end; i += 2 {
			t2 := (*[2]prose.Token)(unsafe.Add(tbase, uintptr(i)*unsafe.Sizeof(prose.Token{})))
			f0 := *(*uint64)(unsafe.Add(fbase, uintptr(t2[0].ID())*8))
			f1 := *(*uint64)(unsafe.Add(fbase, uintptr(t2[1].ID())*8))
			*(*int32)(unsafe.Add(base, n*4)) = int32(i) // n < stretch
			// The token's lower half against the previous token's upper
			// half (see fastCur): the lower-case types are one exactly
			// when x is below 1<<fastLowShift, and then less that it has
			// its top bit; x has one of its top two bits when the token
			// has a bit of walkCur or the previous token one of walkPrev.
			x := uint32(f0) ^ pf
			n += int((x - 1<<fastLowShift | x<<1) >> 31)
			*(*int32)(unsafe.Add(base, n*4)) = int32(i + 1)
			x = uint32(f1) ^ uint32(f0>>32)
			n += int((x - 1<<fastLowShift | x<<1) >> 31)
			b = (b<<1+f0&mask)<<1 + f1&mask
			pf = uint32(f1 >> 32)
		}
		if i < end {
			f := *(*uint64)(unsafe.Add(fbase, uintptr(toks[i].ID())*8))
			*(*int32)(unsafe.Add(base, n*4)) = int32(i)
			x := uint32(f) ^ pf
			n += int((x - 1<<fastLowShift | x<<1) >> 31)
			b = b<<1 + f&mask
			pf = uint32(f >> 32)
			i++
		}
		// Token k of the group has its capital bit at 64-g+k of r, and
		// its stop bit at 32-g+k. A full group, all but the last, needs
		// no shift by g (a shift by a register, CX, which held len(toks):
		// the compiler moved it and the loop's values round for the
		// two), and the even one of a word of caps is its first writer
		// (-1.0M on the 20 MB corpus).
		g := (i-1)&31 + 1 // the group's tokens: it starts at a multiple of 32
		r := bits.Reverse64(b)
		k := (i - 1) >> 5
		if g == 32 {
			if k&1 == 0 {
				caps[k>>1] = r >> 32
			} else {
				caps[k>>1] |= r &^ (1<<32 - 1)
			}
			stops[k%(stretch/32)] = uint32(r)
			continue
		}
		caps[k>>1] |= r >> (64 - g) << (k & 1 * 32)
		stops[k%(stretch/32)] = uint32(r >> (32 - g))
	}
	return n, pf
}

// The walk's masks: a token needs a closer look when its class has a
// bit of walkCur or the previous token's a bit of walkPrev, or when
// either is a word outside ASCII (or the two have one lower-case type: a
// repeated word). Not any text outside ASCII: the repeated-word test
// reads two words, and curly quotation marks and dashes, listed for
// themselves, made the walk read every token after them too.
const (
	walkListed = (1<<numListed - 1) &^ pairListed
	walkCur    = walkListed | clsMark | clsDots
	walkPrev   = pairListed | clsModal
)

// The bits of indexWalk.fast. Its two halves hold the type's lower-case
// type shifted left by fastLowShift (IDs are below 1<<21: the top two
// bits are free); the lower half, read for the token itself, has
// fastCapital for a capitalised word (markCapital) and both fastCur bits
// for a class with a bit of walkCur; the upper half, read for the token
// after it, fastPrev for a class with a bit of walkPrev, and its lowest
// bit, fastStop, for a type whose tokens may be the word judgement's
// stops (see buildTokenIndexStops). XORed, the two halves of consecutive
// tokens have bit 31 or 30 exactly when one of the two classes has its
// bit: a word a token where the walk paid three instructions to keep the
// previous word and test its bit. (The bits below fastLowShift, such as
// fastCapital and fastStop, change nothing of the test.) The upper half
// with fastPrev has fastApart too, a bit no lower-case type reaches, so
// that it is at least 1<<24 from a lower half without fastCur: where
// fastPrev alone was, a token of that lower-case type after it ("a a",
// "could could", "three three") XORed to 1<<31 and a few bits, which
// less 8 lost bit 31, and the walk read neither the repeated word nor
// the count.
const (
	fastCapital  = 1
	fastStop     = 1 << 32
	fastLowShift = 3
	fastCur      = 3 << 30
	fastPrev     = 1 << 31
	fastApart    = 1 << 24 // above every lower-case type: IDs are below 1<<21
)

// The lower-case types shifted stay below fastApart (a constant overflows
// uint here otherwise).
const _ = uint(fastApart - prose.MaxTypes<<fastLowShift)

// indexWalk is buildTokenIndex's walk: what the tokens that need a
// closer look read.
type indexWalk struct {
	x *tokenIndex
	d *prose.Document
	// fast holds per type the two halves of fastCapital's comment:
	// the lower-case type and the walk's bits.
	fast   []uint64
	sounds []sound // per type, +1 once known: how the word after an article begins
	blocks blockCursor
	judge  *judgeStops // nil but in buildTokenIndexStops' walk for the judgement
}

// mergeTokens merges two increasing lists of distinct tokens into one,
// in b's room when a is empty.
func mergeTokens(a, b []int32) []int32 {
	if len(a) == 0 {
		return b
	}
	out := make([]int32, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if a[0] < b[0] {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	out = append(out, a...)
	return append(out, b...)
}

// slow looks closer at the tokens is: in one call for a stretch of them,
// which cost less than a call per token.
//
// Its marks (some 400,000 of a 20 MB draft) cost some ninety
// instructions each, though nineteen in twenty list nothing: a mark
// other than "..", after no mark, glued to the token before it and apart
// from the one after it, that starts no sentence in lower case. Those are
// told inline, from the classes of the neighbours, the offsets of the
// three tokens and the previous one's length when they share a group (six
// marks in eight), and the others go to mark: -6.9M on the 20 MB corpus.
// Across groups, the starts are read from the groups' (GroupStarts),
// where two GroupGap calls inline, which check the bounds and the far
// starts of both tokens of each gap, cost 5.0M more; and the previous
// token's length (typeLen) and the next one's class are read without
// checks (-2.4M). Tried and lost: that test behind a call of its own
// (77 instructions a mark, +13M); a loop before slow that kept only the
// marks that may list something (and every other token) in place, 62
// instructions a token where its values did not fit the registers (+8M;
// an earlier one, with two NearGap tests, cost 41M for the 31M it saved
// here); the words' branch behind a call of its own too (+12M); and
// the group tested as uint(i-1) < len-2 (+2M), or the gaps before the
// classes (+1.2M). Of the 3.49 million tokens of the 20 MB corpus,
// pickTokens picks 674,000: 403,000 marks, of which 376,000 pass the
// test above, and 271,000 others (182,000 for their own class, 88,000
// after an article, a count or a modal). A filter loop of its own
// again, not inlined, through pointers, with the bases and lengths
// from the document (GroupStarts and TypeLens accessors) and marks
// then sent straight to mark, cost 33.6M where slow took 32.3M less
// (+0.5M in all: some 63 instructions a mark where the test here takes
// some 73, and 17 a word to pass it on; the token and class read
// through pointers at the top of slow then, +0.4M more). And since the
// groups' starts: the first test as uint(i-1) < len-2 again (+3.5M); the
// list appends as reslices into their room, "of" after a modal kept
// apart and merged after (+2.3M: the compiler moved the loop's values
// round); the pairs' test of "of" inside pc's of walkPrev (-0.5M, too
// little for its change); the repeated word's test with c&pc&clsWord
// first (+0.5M); a loop "for len(is) > 0" (+7M).
//
// The previous token's class and both fast words are read without bounds
// checks (classOf, fastOf): -2.5M on the 20 MB corpus; the token's class
// too, once GroupGap's code had left the loop, -1.1M, and -1.4M more
// written out, not through classOf, whose inline mark was left as two
// NOPs for every token. The token itself read so costs more (+0.7M, and
// +1.2M with GroupGap: the compiler moves the loop's values round), and
// so did the tokens and
// classes in locals (+3.4M), or the words' branch behind a call for each
// run of words between marks (+12.6M).
func (w *indexWalk) slow(is []int32) {
	x, d := w.x, w.d
	for _, i32 := range is {
		i := int(i32)
		t := d.Tokens[i]
		c := *(*uint32)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(x.class)), uintptr(t.ID())*4)) // classOf
		if c&(clsMark|clsDots) != 0 {
			// A mark that lists nothing (see above). A far start's offset
			// is 255, past any other in its group: if the mark's own start
			// is far, n.Offset() cannot pass ot+1, and the mark goes to
			// mark. Across groups, a far start read as its group's start
			// and 255 is at most the true one: the previous token then
			// ends at the mark only if the true start is that one, and a
			// next token that starts past the mark does. (A mark is one
			// byte; ".." is left to mark.)
			if i > 0 && i+1 < len(d.Tokens) {
				p, n := d.Tokens[i-1], d.Tokens[i+1]
				pid := p.ID()
				if (c&clsDots|x.classOf(pid))&(clsDots|clsMark) == 0 && (c&clsStop == 0 || x.classOf(n.ID())&clsLowerStart == 0) {
					if ot := t.Offset(); uint(i&7)-1 < 6 {
						if p.Offset()+typeLen(d, pid) == ot && n.Offset() > ot+1 {
							continue
						}
					} else if b := unsafe.Pointer(unsafe.SliceData(d.GroupStarts())); ot != 255 {
						// Every group below len(d.Tokens)'s has its start
						// (buildTokenIndexStops makes sure): i-1 and i+1
						// are tokens.
						start := *(*uint32)(unsafe.Add(b, i>>3*4)) + ot
						if start == *(*uint32)(unsafe.Add(b, (i-1)>>3*4))+p.Offset()+typeLen(d, pid) && *(*uint32)(unsafe.Add(b, (i+1)>>3*4))+n.Offset() > start+1 {
							continue
						}
					}
				}
			}
			w.mark(i, t, c)
			continue
		}
		// The previous token's class, and its fast word XORed with the
		// token's: below 1<<fastLowShift, the walk's bits aside, when
		// the two have one lower-case type.
		var pc, same uint32
		if i > 0 {
			p := d.Tokens[i-1]
			pc, same = x.classOf(p.ID()), uint32(w.fastOf(p.ID())^w.fastOf(t.ID()))&^fastCur
		}
		// The tests below are ordered so that the one that is rarely true
		// comes first: the branches are then well predicted.
		if (same < 1<<fastLowShift || (c|pc)&clsNonASCII != 0) && c&pc&clsWord != 0 {
			x.repeated = append(x.repeated, int32(i))
		}
		if pc&pairListed != 0 {
			if pc&clsCount != 0 && c&clsWord != 0 {
				x.add(clsCount, i-1)
			}
			if pc&clsArticle != 0 {
				// "a" before a vowel sound, "an" before a consonant, or a
				// quotation mark to look through.
				keep := c&clsQuote != 0
				if !keep && c&(clsWord|clsNumber) != 0 {
					if w.sounds == nil {
						w.sounds = mem.Table[sound](d.NumTypes())
					}
					s := w.sounds[t.ID()]
					if s == 0 {
						s = soundOf(d.Type(t.ID()), c&clsNumber != 0) + 1
						w.sounds[t.ID()] = s
					}
					an := d.TypeLen(d.Tokens[i-1].ID()) == 2
					keep = s-1 == soundVowel && !an || s-1 == soundConsonant && an
				}
				if keep {
					x.add(clsArticle, i-1)
				}
			}
		}
		if c&clsOf != 0 && pc&clsModal != 0 {
			x.add(clsConfusable, i)
		}
		// The class lists last: their tokens are this one, after the
		// pairs' tokens (the one before, or this one for "of", which is
		// in none of them), and the pairs' values then need not live
		// across their calls.
		if l := c & walkListed; l != 0 {
			if l&(clsQuote|clsApos) != 0 {
				x.quoteish = append(x.quoteish, int32(i))
			}
			for l != 0 {
				k := bits.TrailingZeros32(l)
				x.lists[k] = append(x.lists[k], int32(i))
				l &= l - 1
			}
		}
	}
}

// classOf is x.class[id], for an ID of the document's (which every
// token's is: class is NumTypes long), read without a bounds check: in
// slow, a check of the previous token's ID cost some three instructions
// for each of the some 670,000 tokens slow reads of the 20 MB corpus.
func (x *tokenIndex) classOf(id uint32) uint32 {
	return *(*uint32)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(x.class)), uintptr(id)*4))
}

// typeLen is d.TypeLen(id), for an ID of the document's, read as
// classOf reads class (TypeLens is NumTypes long, as buildTokenIndexStops
// makes sure): in slow, for the previous token of each mark.
func typeLen(d *prose.Document, id uint32) uint32 {
	return uint32(*(*uint8)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(d.TypeLens())), id)))
}

// fastOf is w.fast[id] as classOf reads class (fast is an idTable, at
// least NumTypes long).
func (w *indexWalk) fastOf(id uint32) uint64 {
	return *(*uint64)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(w.fast)), uintptr(id)*8))
}

// mark is slow for a mark i, t, of class c that may list something (see
// slow): one in fifteen. Not inlined, so that slow keeps its values for
// the others.
//
//go:noinline
func (w *indexWalk) mark(i int, t prose.Token, c uint32) {
	x, d := w.x, w.d
	// Half the tokens the walk reads are marks, which only the
	// lists here take (they are in none of walkListed, and neither
	// words nor quotation marks for the pairs below). slow has
	// already passed over those that list nothing as far as the
	// neighbours' offsets tell; the rest come here.
	// The gap before the mark and the previous token's class (-1
	// and none before the first token).
	gap, pc := -1, uint32(0)
	if i > 0 {
		// The class first: read after the call below, it kept p
		// alive across the call, which cost more for every mark.
		p := d.Tokens[i-1]
		pc = x.class[p.ID()]
		// Across groups, GroupGap inline: a call of TokenGap for
		// one mark in eight cost more (-0.7M on the 20 MB corpus).
		if gap = d.NearGap(i, p, t); gap < 0 {
			if gap = d.GroupGap(i, p, t); gap < 0 {
				gap = d.TokenGap(i)
			}
		}
	}
	// The tests that need the gap and the previous token's class
	// come before the one that may call TokenGap, so that fewer
	// values live across the call (each list stays in token
	// order whatever the order of the tests).
	if pc&clsMark != 0 && c&clsMark != 0 {
		x.doubled = append(x.doubled, int32(i-1))
	}
	if c&clsDots != 0 {
		x.doubled = append(x.doubled, int32(i))
	}
	if gap > 0 && c&clsMark != 0 {
		x.spaced = append(x.spaced, int32(i))
	}
	// A mark glued to the word before it and to the token after it
	// (the next token the walk reads, in this block or the next).
	if gap == 0 && c&clsMissing != 0 && pc&clsWord != 0 && i+1 < len(d.Tokens) {
		n := d.Tokens[i+1]
		after := d.NearGap(i+1, t, n)
		if after < 0 {
			if after = d.GroupGap(i+1, t, n); after < 0 {
				after = d.TokenGap(i + 1)
			}
		}
		if after == 0 {
			x.glued = append(x.glued, int32(i))
		}
	}
	// The word after . ? or ! in its block, if it may start a
	// sentence in lower case. The walk reads that word after this
	// stop if at all, and lists no start for it there. The
	// block, found last, is rarely needed.
	if c&clsStop != 0 && i+1 < len(d.Tokens) && x.class[d.Tokens[i+1].ID()]&clsLowerStart != 0 &&
		i+1 < d.Blocks[w.blocks.of(i)].EndToken() {
		x.starts = append(x.starts, int32(i+1))
	}
}

// judgeStops lists among the judgement's or the extraction's stops the
// tokens from lo that pickTokens marked in stops, as walkStops does (see
// walkJudge and walkLooks). Most are of walkNext types alone, whose next
// token decides, which it tells inline: some thirty instructions each,
// for some 420,000 such tokens of a 20 MB draft, of which one in seven
// is a stop. pickTokens could mark only those, a walkNext type before a
// walkCont one, with a bit of each in the fast words' halves; but the
// AND of the two, moved to the stop bit, is four or five instructions a
// token more for every token, more than it would save here.
//
// It reads the stops and their bytes through pointers, as pickTokens
// reads the tokens and their fast words: a stop is a token pickTokens
// read, and tab an idTable, at least NumTypes long, which every ID is
// below; the next token's byte too, once i+1 is known to be a token.
// The bounds check of the stop and the masks of the two IDs cost some
// four instructions a stop (-2.4M on the 20 MB corpus). The next token
// read through kp too saved no more than 0.3M.
func (w *indexWalk) judgeStops(lo int, stops *[stretch / 32]uint32) {
	toks, tab := w.d.Tokens, w.judge.tab
	tp, kp := unsafe.Pointer(unsafe.SliceData(tab)), unsafe.Pointer(unsafe.SliceData(toks))
	for k, b := range stops {
		base := lo + 32*k
		for ; b != 0; b &= b - 1 {
			i := base + bits.TrailingZeros32(b)
			f := *(*uint8)(unsafe.Add(tp, (*prose.Token)(unsafe.Add(kp, uintptr(i)*unsafe.Sizeof(prose.Token{}))).ID()))
			if f&(walkWork|walkFirst|walkNow) != 0 {
				w.judgeStop(i, f)
			} else if f&walkNext != 0 && i+1 < len(toks) && !toks[i+1].Gap() && *(*uint8)(unsafe.Add(tp, toks[i+1].ID()))&walkCont != 0 {
				w.judge.look.add(int32(i)) // see walkLooks
			}
		}
	}
}

// judgeStop is judgeStops for a token i of byte f with a bit of walkWork,
// walkFirst or walkNow. At the use of a walkFirst type it lists, it clears
// walkFirst from the type, and fastStop unless its other bits call for
// more stops.
func (w *indexWalk) judgeStop(i int, f uint8) {
	js, toks := w.judge, w.d.Tokens
	switch {
	case f&walkWork != 0:
		js.stops = append(js.stops, int32(i))
	case f&walkFirst != 0 && inSentence(js.sents, i):
		js.stops = append(js.stops, int32(i))
		id := toks[i].ID()
		f &^= walkFirst
		js.tab[id] = f
		if f&(walkNow|walkNext) == 0 {
			w.fast[id] &^= fastStop
		}
	}
	if f&walkNow != 0 || i+1 < len(toks) && walkLooks(f, toks[i+1], js.tab[toks[i+1].ID()]) {
		js.look.add(int32(i))
	}
}

// typeKind returns the kind the tokenizer gives a token text, which its
// first character decides (see prose.tokenize). A letter or digit in
// ASCII, the first character of most texts, is told inline.
func typeKind(text string) prose.TokenKind {
	if k := asciiKinds[text[0]]; k != 0 {
		return k - 1
	}
	return typeKindRest(text)
}

// asciiKinds holds 1 + the kind of a text starting with an ASCII letter
// or digit, by its first byte, and 0 for every other byte.
var asciiKinds = func() (out [256]prose.TokenKind) {
	for c := '0'; c <= '9'; c++ {
		out[c] = prose.Number + 1
	}
	for c := 'a'; c <= 'z'; c++ {
		out[c], out[c-'a'+'A'] = prose.Word+1, prose.Word+1
	}
	return out
}()

// typeKindRest is typeKind for a text that starts with neither an ASCII
// letter nor a digit.
func typeKindRest(text string) prose.TokenKind {
	c := text[0]
	if c < utf8.RuneSelf {
		if c == '\'' && len(text) > 1 {
			return prose.Number // '80s
		}
		return prose.Punct
	}
	r, size := utf8.DecodeRuneInString(text)
	switch {
	case r == 'ƒ' || r == 'º' || r == 'ª':
		return prose.Punct
	case unicode.IsDigit(r):
		return prose.Number
	case unicode.IsLetter(r):
		return prose.Word
	case (r == '’' || r == '‘') && len(text) > size:
		return prose.Number // ’80s
	}
	return prose.Punct
}

// classSets holds the sets classify reads for the words: each a
// sync.OnceValue, read once per document where a call for each word type
// cost some fifteen instructions each (a million calls on 205 files).
type classSets struct {
	variety *stringBloom // varietyFilter()
	first   *firstWords  // builtinFirstWords()
}

// classify decides the classes of a token text of kind k, whose lower-case
// form is lower; self is whether the two are one type (text == lower, told
// without comparing the bytes).
func classify(text, lower string, self bool, k prose.TokenKind, sets *classSets) uint32 {
	var c uint32
	tf := textFlags(text)
	if tf&textNonASCII != 0 {
		c |= clsNonASCII
	}
	if k == prose.Punct {
		switch text {
		case "\"", "'", "’", "“", "”", "‘":
			c |= clsQuote
		case "(", "[", ")", "]":
			c |= clsBracket
		case "—", "–", "-":
			c |= clsDash
		case ":":
			c |= clsMark
		case ".", "?", "!":
			c |= clsMark | clsMissing | clsStop
		case ",", ";":
			c |= clsMark | clsMissing
		case "..":
			c |= clsDots
		case "%":
			c |= clsPercent
		}
		return c
	}
	c |= nameClasses(text, k)
	if k == prose.Word {
		c |= clsWord
		switch lower {
		case "could", "should", "would", "must", "might", "may":
			c |= clsModal
		}
		// An ASCII word is lower case throughout when it is its own
		// lower-case form.
		if c&clsNonASCII == 0 && text[0] >= 'a' && text[0] <= 'z' && self || c&clsNonASCII != 0 && isLowerWord(text) && !mixedCase(text) {
			c |= clsLowerStart
		}
		if tf&textHyphen != 0 {
			c |= clsHyphenWord
		}
		if text[0] == 'i' && isLowercaseI(text) { // i, i’m, i've …
			c |= clsLowerI
		}
		if isVarietyCandidate(sets.variety, text, lower) {
			c |= clsVariety
		}
		if mayStartPreference(sets.first, text) {
			c |= clsPreferred
		}
	}
	if k == prose.Number {
		c |= clsNumber
		if _, _, ok := decadeParts(text); ok {
			c |= clsDecade
		}
		if a, b, ok := strings.Cut(text, "-"); ok && allDigits(a) && allDigits(b) && isRange(a, b) {
			c |= clsRangeHyphen
		}
	}
	if tf&textApos != 0 || c&clsNonASCII != 0 && strings.Contains(text, "’") {
		c |= clsApos
	}
	if len(text) >= 2 && len(text) <= 8 && confusableFirst[text[0]] && confusableSecond[text[1]] && confusable[text] {
		if text == "of" {
			c |= clsOf
		} else {
			c |= clsConfusable
		}
	}
	switch text {
	case "a", "an", "A", "An":
		c |= clsArticle
	}
	// announcedCount reads a number, or a word of three to six letters
	// that may name one (see countFirst): most words are neither, and
	// cost no call.
	if (k == prose.Number || len(text) >= 3 && len(text) <= 6 && countFirst[text[0]]) && announcedCount(text, k) != 0 {
		c |= clsCount
	}
	// Three or seven bytes folding to "per" or "percent" are ASCII
	// letters: the first tells most of the others.
	if (len(text) == 3 || len(text) == 7) && text[0]|0x20 == 'p' && (strings.EqualFold(text, "percent") || strings.EqualFold(text, "per")) {
		c |= clsPercent
	}
	return c
}

// nameClasses returns the name classes (clsNameCapital …) of a token text
// of kind k: the marks capitalTypes reads.
func nameClasses(text string, k prose.TokenKind) uint32 {
	var c uint32
	if b := text[0]; (b >= 'A' && b <= 'Z' || b >= utf8.RuneSelf) && isNameCapital(text) {
		w := stripPossessive(text)
		if len(w) != len(text) {
			c |= clsNameStem
		}
		if k == prose.Word {
			c |= clsNameCapital
			if nameLike(text) {
				c |= clsNameGiven
			}
			// The form is w's: text's own when w is text.
			if len(w) == len(text) && c&clsNameGiven != 0 || len(w) != len(text) && nameLike(w) {
				c |= clsNameForm
			}
		}
	}
	// (Most texts are too short or too long for a small word: the
	// length first spares the call.)
	if n := len(text); n >= 2 && n <= 5 && k == prose.Word && isConnector(text) {
		c |= clsConnector
		if strings.EqualFold(text, "the") {
			c |= clsNameArticle
		}
	}
	return c
}

// isASCII8 reports whether s has only ASCII bytes, reading eight at a
// time (the last eight overlapping those before when the length is no
// multiple of eight): a text a byte at a time cost some fifty
// instructions for each of a draft's types.
func isASCII8(s string) bool {
	const high = 0x8080808080808080
	if len(s) < 8 {
		var b byte
		for i := 0; i < len(s); i++ {
			b |= s[i]
		}
		return b < utf8.RuneSelf
	}
	for i := 0; i+8 <= len(s); i += 8 {
		if load64(s, i)&high != 0 {
			return false
		}
	}
	return load64(s, len(s)-8)&high == 0
}

// confusableFirst and confusableSecond hold the first and second bytes of
// the confusable words: with the first alone, "the", "that", "to" and
// their kind were looked up in the map.
var confusableFirst, confusableSecond = func() (first, second [256]bool) {
	for w := range confusable {
		first[w[0]], second[w[1]] = true, true
	}
	return first, second
}()

// countFirst holds the first bytes, in either case, of the number words
// announcedCount reads.
var countFirst = func() (out [256]bool) {
	for w := range numberWords {
		out[w[0]], out[w[0]-'a'+'A'] = true, true
	}
	return out
}()

// The bits of textFlags.
const (
	textNonASCII = 1 << iota // a byte outside ASCII
	textHyphen               // -
	textApos                 // '
)

// textByteFlags holds the textFlags bit of each byte.
var textByteFlags = func() (out [256]uint8) {
	for b := utf8.RuneSelf; b < len(out); b++ {
		out[b] = textNonASCII
	}
	out['-'], out['\''] = textHyphen, textApos
	return out
}()

// textFlags returns the textFlags bits of the bytes of s: in one pass,
// where classify read a type's text three times (isASCII8, and an
// IndexByte call for - and for ', some seventy instructions a type; on
// 205 files, half a million types). Eight bytes at a time when s has as
// many (the last eight overlapping those before when its length is no
// multiple of eight), or its first four and last four: a byte b is in a
// word v when v XOR eight b has a zero byte, which (x - 0x01…) &^ x has
// its top bit for (a borrow into a byte above a zero byte may mark it
// too, never a word without one). A byte at a time, from a table, for
// fewer than four.
func textFlags(s string) uint8 {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	var all, hyphen, apos uint64
	switch {
	case len(s) < 4:
		var f uint8
		for i := 0; i < len(s); i++ {
			f |= textByteFlags[s[i]]
		}
		return f
	case len(s) < 8:
		// The first four bytes and the last four, in one word.
		v := uint64(load4(s, 0)) | uint64(load4(s, len(s)-4))<<32
		x, y := v^'-'*lo, v^'\''*lo
		all, hyphen, apos = v, (x-lo)&^x, (y-lo)&^y
	default:
		for i := 0; i+8 <= len(s); i += 8 {
			v := load64(s, i)
			all |= v
			x, y := v^'-'*lo, v^'\''*lo
			hyphen |= (x - lo) &^ x
			apos |= (y - lo) &^ y
		}
		if len(s)%8 != 0 {
			v := load64(s, len(s)-8)
			all |= v
			x, y := v^'-'*lo, v^'\''*lo
			hyphen |= (x - lo) &^ x
			apos |= (y - lo) &^ y
		}
	}
	var f uint8
	if all&hi != 0 {
		f |= textNonASCII
	}
	if hyphen&hi != 0 {
		f |= textHyphen
	}
	if apos&hi != 0 {
		f |= textApos
	}
	return f
}

// blockCursor finds the block of each of an increasing series of tokens.
type blockCursor struct {
	d  *prose.Document
	bi int
}

// of returns the index of the block holding token i, which must not be
// before the token of the previous call.
func (c *blockCursor) of(i int) int {
	if c.d.Blocks[c.bi].EndToken() <= i {
		c.bi = c.ahead(i)
	}
	return c.bi
}

// ahead returns the index of the block holding token i, which lies past
// block c.bi. The rules ask for the blocks of a few tokens among many
// (the marks a list holds), so a step a block, which cost more than
// their checks together, gives way to strides that double until they
// pass the block, then to halving.
func (c *blockCursor) ahead(i int) int {
	bs := c.d.Blocks
	lo := c.bi + 1
	if lo < len(bs) && bs[lo].EndToken() > i {
		return lo // the next block: as many rules ask as not
	}
	// Every block below lo ends at or before i.
	hi, step := lo, 1
	for hi < len(bs) && bs[hi].EndToken() <= i {
		lo = hi + 1
		hi = lo + step
		step *= 2
	}
	// Block hi, if any, ends after i: the block lies in [lo, hi].
	hi = min(hi, len(bs))
	for lo < hi {
		if mid := int(uint(lo+hi) >> 1); bs[mid].EndToken() > i {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// sentenceCursor finds the sentence of each of an increasing series of
// tokens.
type sentenceCursor struct {
	d  *prose.Document
	si int
}

func (c *sentenceCursor) of(i int) int {
	if c.d.Sentences[c.si].EndToken() <= i {
		c.si = c.ahead(i)
	}
	return c.si
}

// ahead is blockCursor.ahead for sentences, written out again: as one
// function generic over blocks and sentences, whose EndToken a type
// parameter's method then calls through a dictionary, the two cursors
// cost 15 million instructions more on the 20 MB corpus.
func (c *sentenceCursor) ahead(i int) int {
	ss := c.d.Sentences
	lo := c.si + 1
	if lo < len(ss) && ss[lo].EndToken() > i {
		return lo
	}
	hi, step := lo, 1
	for hi < len(ss) && ss[hi].EndToken() <= i {
		lo = hi + 1
		hi = lo + step
		step *= 2
	}
	hi = min(hi, len(ss))
	for lo < hi {
		if mid := int(uint(lo+hi) >> 1); ss[mid].EndToken() > i {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}
