package prose

import (
	"math/bits"
	"slices"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// builder collects a document's tokens, numbering their texts as it goes.
type builder struct {
	text   string
	toks   []Token
	starts tokenStarts
	v      vocab
	// terms holds the indices of the tokens that may end a sentence (runs
	// of dots, !, ?, …), in order: the sentence splitter looks only there.
	terms []int
	// facts remembers by type what the sentence splitter makes of a
	// text (see typeFacts).
	facts []uint8
	// prevEnd is the end of the last token before the next prose
	// segment (see join): -1 before a block's first segment, beforePart
	// before the part's first token. fromBefore is set when the part's
	// first token has its gap measured from the parts before it.
	prevEnd    int
	fromBefore bool
	// view is the document the sentence splitter reads the tokens
	// through (see builder.see).
	view *Document
	// newWord is the first use tokenize hands to first.
	newWord newWord
	// readable is how far tokenize may read the text (readableEnd).
	readable int
	// end is the end of the span tokenize reads, where its loop may stop
	// before (kept here, out of the loop's registers).
	end int
	// lim is where tokenize's loop stops (kept here too).
	lim int
}

// readableEnd is how far past its start tokenize may read d's text:
// ReadAhead bytes past its end when its source has them in its capacity
// (edlint reads a file into a buffer that much larger), else the end.
// tokenize reads a span's words from their first sixteen bytes wherever
// those are readable: a text's last span went to token one token at a
// time, which for 1,053 files of 1 KB was a third of their tokens. (The
// bytes past a span's end are read but never make its tokens: a word that
// reaches them goes to token, as one that reaches the span's end does,
// and a byte after a word at the end ends the loop whatever it is.)
func readableEnd(d *Document) int {
	if cap(d.Src)-len(d.Src) >= ReadAhead && len(d.Src) == len(d.Text) && unsafe.SliceData(d.Src) == unsafe.StringData(d.Text) {
		return len(d.Text) + ReadAhead
	}
	return len(d.Text)
}

// ReadAhead is the number of bytes past a source's end, in its capacity,
// that Parse reads when they are there (see readableEnd): a reader that
// makes its buffer that much larger spares the tokenizer its slow path on
// the text's last span.
const ReadAhead = 16

// emit appends the token text[start:end].
func (b *builder) emit(start, end int, kind TokenKind) {
	b.toks = append(b.toks, b.starts.add(len(b.toks), start, kind, b.v.id(start, end-start)))
}

// Byte classes of the tokenizer's ASCII fast path.
const (
	cPunct uint8 = iota // any other ASCII byte: a one-byte token
	cSpace
	cAlnum
	cDot
	cApos
	cTerm // ! and ?
)

var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			t[c] = cSpace
		case isASCIIAlnum(byte(c)):
			t[c] = cAlnum
		case c == '.':
			t[c] = cDot
		case c == '\'':
			t[c] = cApos
		case c == '!' || c == '?':
			t[c] = cTerm
		}
	}
	return t
}()

// isAlnum marks the ASCII letters and digits.
var isAlnum = func() (t [256]bool) {
	for c := range t {
		t[c] = isASCIIAlnum(byte(c))
	}
	return t
}()

// notAlnum sets the high bit of the first byte of w (the lowest) that is
// not an ASCII letter or digit, and of some bytes after it: only the
// lowest set bit is exact. (A byte outside ASCII is not a letter or digit,
// and it may carry into the tests of the bytes after it: not masking the
// high bits first saves two instructions of the tokenizer's commonest
// step.)
//
// An ASCII byte c plus 0x80-lo has its high bit set when c >= lo, and
// without a carry out; c is in [lo, hi] when that bit differs from the
// one of c plus 0x80-(hi+1): one exclusive or, where "at least lo and not
// above hi" would take a complement and an and. Only the bytes outside
// ASCII give wrong answers (and carries): w's own high bits mark them.
//
// The bit of c <= hi is taken from (0x80+hi)-c instead, which saves the
// complement of the two tests: the high bits of "c >= lo" and "c <= hi"
// are equal exactly when c is outside [lo, hi].
func notAlnum(w uint64) uint64 {
	l := w | 0x20*lsb
	letters := (l + (0x80-'a')*lsb) ^ ((0x80+'z')*lsb - l)
	digits := (w + (0x80-'0')*lsb) ^ ((0x80+'9')*lsb - w)
	return (w | letters&digits) & msb
}

// notLetter is notAlnum for the ASCII letters alone, six instructions
// fewer (two ranges fewer to test, and the constant 64-bit operands are
// loaded at each use: the compiler keeps no constant in a register across
// the loop). tokenize reads the words that start with a letter with it,
// and the second eight bytes of every long word: a digit stops such a
// word where it should not, but then a letter or digit follows its end
// (afterMore), which sends it to token. Such words are rare (2,600 of the
// 3M words of the 20 MB corpus; the numbers, 160,000, start with a digit
// and are read with notAlnum).
//
// The high bits are those of letters in notAlnum: exact for ASCII bytes,
// which make no carries, and w's own for the others.
func notLetter(w uint64) uint64 {
	l := w | 0x20*lsb
	return (w | ((l + (0x80-'a')*lsb) ^ ((0x80+'z')*lsb - l))) & msb
}

// Classes of the first byte of a word, for tokenize: one table and one
// test tell a letter from the rest, where isAlnum and then a test of a
// digit took two more instructions a word.
const (
	startNone   uint8 = iota // not an ASCII letter or digit
	startLetter              // an ASCII letter
	startDigit               // an ASCII digit
)

var wordStart = func() (t [256]uint8) {
	for c := range t {
		switch {
		case isDigit(byte(c)):
			t[c] = startDigit
		case isAlnum[c]:
			t[c] = startLetter
		}
	}
	return t
}()

// wordGlue marks the bytes that may continue a word after a run of ASCII
// letters and digits: inner apostrophes, hyphens, dots and commas, and any
// byte outside ASCII.
var wordGlue = func() (t [256]bool) {
	for c := range t {
		t[c] = c == '\'' || c == '-' || c == '.' || c == ',' || c >= utf8.RuneSelf
	}
	return t
}()

// lowBytes[n] keeps the n low bytes of a word (n <= 8). The compiler
// knows that TrailingZeros64(x)>>3 is at most 8: indexed by it, the
// table needs no bounds check, nor the index a mask (which made the loop
// keep both the index and the count of bytes, and spill one).
var lowBytes = [9]uint64{0, 0xff, 0xffff, 0xffffff, 0xffffffff, 0xffffffffff, 0xffffffffffff, 0xffffffffffffff, ^uint64(0)}

// Classes of the byte that follows a run of ASCII letters and digits, for
// where the word ends (see wordEndFrom).
const (
	afterEnds  uint8 = iota // white space or punctuation that no word holds: the word ends
	afterSpace              // a space: the word ends, and the space is skipped
	afterGlue               // ' - . , : the word ends unless a letter or digit follows
	afterMore               // a byte outside ASCII (or a letter or digit): ask wordEndFrom
)

var afterWord = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c >= utf8.RuneSelf || isAlnum[c]:
			t[c] = afterMore
		case wordGlue[c]:
			t[c] = afterGlue
		case c == ' ':
			t[c] = afterSpace
		}
	}
	return t
}()

// tokTables are the tables of tokenize's loop, which it reads from its
// builder (vocab.tab, copied there by vocab.init): the builder's pointer,
// in a register throughout, finds them. A table of the package's is
// found from its address, an instruction at each use, and the compiler
// kept some of the addresses in registers from one block to the next,
// loading them again on the common paths: 8M more on the 20 MB corpus.
// (The copy, 700 bytes a part, is some 50 instructions.)
type tokTables struct {
	wordStart, afterWord [256]uint8
	asciiClass           [utf8.RuneSelf]uint8
	lowBytes             [9]uint64
}

var tokenizeTables = tokTables{wordStart, afterWord, asciiClass, lowBytes}

// tokenize appends the tokens of text[s.Start:s.End]. It allocates nothing
// beyond the growth of the token slice and the vocabulary.
//
// The common tokens are read here: ASCII words of up to 15 bytes, found
// from their first sixteen bytes at once (and looked up here when the
// vocabulary holds them), one-byte punctuation already numbered and runs
// of spaces. The rest go to token, one at a time. Tokens are put in place
// in the token slice while it has room, so that no call to grow it on the
// common path keeps the loop's values on the stack; token grows it.
func (b *builder) tokenize(s Span) {
	i, end := s.Start, s.End
	text := b.text
	if end+16 > b.readable {
		for i < end {
			i = b.token(i, end)
		}
		b.roomForBases(cap(b.toks))
		return
	}
	// The loop reads the span up to e, before which the span's end is
	// moved, if need be, to a byte of ASCII that no letter or digit is:
	// a run of letters or digits read from sixteen bytes then stops at e
	// at the latest, and a byte after a word is in the span, or at e,
	// which is no letter, digit or byte outside ASCII: the word path
	// tests neither its end nor the byte after it against e (two to six
	// instructions a word, 7M on the 20 MB corpus). Such a byte is no
	// token's but its own (white space or punctuation), so that the
	// tokens before it are those of the span; the rest of the span, if
	// any (a cut before a word: a link's), goes to token. (A glue byte
	// at e, a letter after it, sends the word before it to token, which
	// reads the span to its end.)
	e := end
	for e > i && b.v.tab.afterWord[byte(load64(text, e))] == afterMore {
		e--
	}
	b.end = end
	// The tokens are put in the token slice up to its capacity, k the
	// number of them; its length is set when token is called and at the
	// end. The slice is read from b as a token is put (kept in registers
	// across the loop, its pointer would push the loop's values to the
	// stack), and its room is that of lim, below.
	// The bases have room for the groups of all of them: buildPart
	// makes them so, and roomForBases follows every call of token that
	// may grow the token slice, here and above, and firstSlow's growth.
	// (Made at each span instead, the room took seven instructions a
	// span, 2.2M on the 20 MB corpus.)
	k := len(b.toks)
	// The loop runs to lim, no further than the room left in the token
	// slice lets it: a token takes a byte or more of the span, so that
	// the slice has room for every token put before lim, without a test.
	// Past lim with bytes of the span left, token makes the next token,
	// growing the slice if it is full, and the loop runs on to a new lim.
	b.lim = min(e, i+cap(b.toks)-k)
	// The bytes of the span are read eight at a time from i, which lies
	// sixteen or more bytes before the end of the readable bytes (the
	// text's, and some past it: see readableEnd): no bounds to check.
	//
	// Each inlined call on the word path shares its line with an
	// instruction of tokenize's own: for a line without one the compiler
	// emits a no-op to mark the inlined call, executed once a word.
words:
	for i < b.lim {
		w := load64(text, i)
		c := byte(w)
		var stop uint64
		if start := b.v.tab.wordStart[c]; start == startLetter {
			stop = notLetter(w)
		} else if start == startDigit {
			stop = notAlnum(w)
		} else {
			goto other
		}
		{
			// A word or number: its first sixteen bytes at once, the
			// stop masks of letters alone but for a number's first
			// eight (see notLetter).
			//
			// The stop masks are tested for zero (eight letters or
			// digits) before their trailing zeros are counted: the count
			// of a word known not to be zero is one instruction, where
			// the count of zero, 64, takes two more. (The short word
			// comes first: the compiler then keeps its key and hash in
			// the registers the code after them reads, and moves the long
			// word's; the other way round, the short word's took two
			// moves more, though no jump: 1.5M on the 20 MB corpus.)
			var n int
			var key, key2, h uint64
			if stop != 0 {
				n = bits.TrailingZeros64(stop) >> 3
				key = w & b.v.tab.lowBytes[n]
				h = key * hashMul
			} else {
				if stop = notLetter(load64(text, i+8)); stop == 0 {
					goto slow // sixteen letters (or digits), or more
				}
				m := bits.TrailingZeros64(stop) >> 3
				n = 8 + m
				key, key2 = w, load64(text, i+8)&b.v.tab.lowBytes[m]
				h = key*hashMul + key2*hashMul2
			}
			// The word ends at a byte that no word holds (the one at e
			// is such), or at a glue byte (a comma, a dot) that no letter
			// or digit follows: "word, " and "word.\n" (wordEndFrom
			// would stop there too).
			//
			// The words of two parts joined by a hyphen or an
			// apostrophe ("long-term", "don't"), 50,000 of the 20 MB
			// corpus, go to token (some 200 instructions each). Read
			// here, as joinedEnd reads them, in the branch that sends
			// them to token, they cost token 11M less but the loop 27M
			// more: the compiler kept w and k on the stack for the
			// branch (or, with the keys read by chunk, all it held
			// across the call).
			j := i + n
			// (Three words in four end at a space: it is told first,
			// from the byte itself, before its class is read.)
			skip := 1 // the space after the word, skipped (see below)
			if after := byte(load64(text, j)); after != ' ' {
				if a := b.v.tab.afterWord[after]; a >= afterGlue && (a == afterMore || b.v.tab.afterWord[byte(load64(text, j+1))] == afterMore) {
					goto slow
				}
				skip = 0
			}
			// Already seen? (Inlined vocab.id for the common case.)
			// The keys alone tell: no text holds a NUL byte but the
			// one-byte text NUL, so the zero bytes that pad a key of
			// fewer than sixteen bytes are no text's, and a text of
			// another length has another key.
			//
			// The home slot is taken without a bounds check: home gives
			// an index below the table's length (two instructions a
			// word; as a function of its own, inlined, it cost one more
			// for the no-op that marks the call).
			slots, x := b.v.slots, home(h, len(b.v.slots))
			sl := (*vslot)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(slots)), uintptr(x)*unsafe.Sizeof(vslot{})))
			for sl.key != key || sl.key2 != key2 {
				if sl.meta == 0 {
					// A first use: first numbers the text, in this
					// slot (see newWord). (Its values passed as
					// arguments would keep the loop's on the stack.)
					// Called here, not through token and the slow
					// path below: token's entry and the path's took
					// some 20 instructions a first use, 10M on 205
					// files of 100 KB; the 20 MB corpus, with a first
					// use in a hundred words, pays 0.3M for the
					// layout (three other shapes of this call cost it
					// 1.8M to 2.5M, in alignment no-ops on the word
					// path).
					b.newWord = newWord{x + 1, n, key, key2}
					i = b.first(i, e, k)
					k = len(b.toks)
					continue words
				}
				x++
				if x == len(slots) {
					x = 0
				}
				sl = &slots[x]
			}
			// The offset of the start less one, which meta holds in its
			// place (slotLen) and the token's offset field makes up.
			// (Only a group's first token starts at its base: the others
			// are one byte past it or more.)
			off1 := uint32(i-1) - b.starts.base
			if k&(1<<groupShift-1) == 0 {
				b.starts.newGroup(i)
				off1 = ^uint32(0) // the offset 0, less one
			} else if off1 >= farOff-1 {
				goto slow // a start listed apart (token lists it)
			}
			// The use is counted in the slot (see vslot).
			sl.count++
			putToken(b.toks, k, Token{sl.meta + off1<<offShift})
			k++
			// Skip the space that usually follows (as the other ASCII
			// tokens do).
			i = j + skip
			continue
		}
	other:
		if c < utf8.RuneSelf {
			switch class := b.v.tab.asciiClass[c]; class {
			case cSpace:
				// This byte and the spaces after it (an indented line),
				// eight at a time.
				for i++; i < e; i += 8 {
					if x := load64(text, i) ^ ' '*lsb; x != 0 {
						i += bits.TrailingZeros64(x) >> 3
						break
					}
				}
				continue
			case cPunct, cDot, cTerm:
				// (A dot followed by a dot past the span's end goes to
				// token too, which makes it a token of its own.)
				meta := b.v.byByte[c]
				if meta == 0 || c == '.' && byte(w>>8) == '.' {
					break // a first use or an ellipsis (token makes it)
				}
				if class != cPunct && len(b.terms) == cap(b.terms) {
					break // no room for the term: token grows the slice
				}
				// The token is made from meta as a word's is.
				off1 := uint32(i-1) - b.starts.base
				if k&(1<<groupShift-1) == 0 {
					b.starts.newGroup(i)
					off1 = ^uint32(0) // the offset 0, less one
				} else if off1 >= farOff-1 {
					break // a start listed apart (token lists it)
				}
				if class != cPunct {
					m := len(b.terms)
					b.terms = b.terms[:m+1]
					b.terms[m] = k
				}
				b.v.byteCounts[c]++ // (see settle)
				putToken(b.toks, k, Token{meta + off1<<offShift})
				k++
				// Skip the space that often follows (after a comma, a
				// colon); one past the span's end ends the loop all the
				// same.
				i++
				if byte(w>>8) == ' ' {
					i++
				}
				continue
			}
		}
	slow:
		b.toks = b.toks[:k]
		i = b.token(i, b.end)
		k = len(b.toks)
		b.roomForBases(cap(b.toks))
	}
	if i < e {
		// The slice has room for as many tokens as the bytes before lim:
		// token makes the next one (growing the slice if it is full).
		b.toks = b.toks[:k]
		i = b.token(i, b.end)
		k = len(b.toks)
		b.roomForBases(cap(b.toks))
		b.lim = min(e, i+cap(b.toks)-k)
		goto words
	}
	b.toks = b.toks[:k]
	if end := b.end; i < end {
		for i < end {
			i = b.token(i, end)
		}
		b.roomForBases(cap(b.toks))
	}
}

// joinedEnd returns the end of the word whose first part of ASCII letters
// and digits ends at j, before a glue byte, when the next parts are
// joined to it by hyphens or apostrophes ("long-term", "agency's",
// "mother-in-law") and the word ends after the last as one of ASCII
// letters and digits ends in tokenize: where wordEndFrom ends it too. It
// returns -1 for the others: a dot or a comma in the glue, a byte
// outside ASCII, a part of eight bytes or more. j < e, and the text
// holds sixteen bytes past e.
//
// wordEndFrom joins a part after a hyphen or an apostrophe that a letter
// or digit follows; after the part it stops at a byte that is not glue
// or at glue that no letter, digit or byte outside ASCII follows: only
// a dot after a one- or two-letter part of a word joined by dots (never
// the case here) continues it otherwise.
func joinedEnd(text string, j, e int) int {
	for {
		if g := byte(load64(text, j)); g != '-' && g != '\'' || j+1 == e || !isAlnum[byte(load64(text, j+1))] {
			return -1
		}
		stop := notAlnum(load64(text, j+1))
		if stop == 0 {
			return -1
		}
		j += 1 + bits.TrailingZeros64(stop)>>3
		if j > e {
			return -1
		}
		a := afterWord[byte(load64(text, j))]
		if a < afterGlue || j == e || a != afterMore && (j+1 == e || afterWord[byte(load64(text, j+1))] != afterMore) {
			return j
		}
	}
}

// newWord is what tokenize has found of the word at which it calls first
// when it finds it a first use: an ASCII word or number of n < 16 bytes,
// whose keys are key and key2, for which the probe ended at the empty
// slot slot-1. first numbers the word there without finding its end,
// hashing it and probing for it again: a first use is one token in seven
// of a 100 KB file of prose, more than half of a 1 KB one. (Called from
// tokenize with what it found as arguments, token cost the loop 19M
// instructions on the 20 MB corpus: its values moved to the stack. Put
// here, they are stored only on the way to first.)
//
// The stores still cost the loop one instruction a word on the 20 MB
// corpus (3M): slot+1 takes a register, and the text's address is read
// again. Storing the slot alone, with -1 for none, and finding n from the
// keys (the loop then as before) cost first as much (4M more on 205 files
// of 100 KB); reading the keys again from the text, 20M more.
type newWord struct {
	slot, n   int
	key, key2 uint64
}

// first appends the token of b.newWord, starting at i, as the k-th token
// (b.toks has room for it, k being below tokenize's lim, and its length,
// set only when token or first is called, may be less than k), and
// returns where the next one may start (as token does).
//
// Most first uses are numbered here without a call: while the type slices,
// cased and the table have room (v.room), the type's entries are stored
// in place, where appends (each with its call to grow the slice, for which
// the function kept its values on the stack) and vocab.grow's test cost 60
// instructions a use more (firstSlow does the rest).
func (b *builder) first(i, e, k int) int {
	nw := &b.newWord
	v := &b.v
	x := nw.slot - 1
	id := len(v.refs)
	off := uint32(i) - b.starts.base
	if id >= v.room || k&(1<<groupShift-1) != 0 && off >= farOff {
		b.toks = b.toks[:k]
		return b.firstSlow(i, e, x)
	}
	// The entries are put without bounds checks (putLast): tokenize
	// found the slot in the table, the test above and v.room make sure
	// of the slices' room, and sixteen bytes past i are readable. (As
	// appends in place, with the checks of a reslice and an index, they
	// took 20 instructions a use more.)
	//
	// The token first, the kind from the key's first byte: i, k and off
	// are then done with before the type's entries, whose values took
	// the registers of six that were kept on the stack (5M on 205 files
	// of 100 KB, with the text's byte read again for the kind). The
	// count goes to counts past its length (see vocab.counts).
	key := nw.key
	kind := kindOf(byte(key))
	if k&(1<<groupShift-1) == 0 {
		b.starts.newGroup(i)
		off = 0
	}
	putLast(&b.toks, k, packToken(off, kind, uint32(id)))
	// Where the next token may start, before the type's entries (which
	// need neither i nor e): the byte after the word read as tokenize
	// reads it, sixteen bytes past its start being readable.
	n := nw.n
	j := i + n
	if i = j + 1; i >= e || byte(load64(b.text, j)) != ' ' {
		i = j
	}
	key2 := nw.key2
	sl := (*vslot)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(v.slots)), uintptr(x)*unsafe.Sizeof(vslot{})))
	*sl = vslot{key: key, key2: key2, meta: packToken(1, kind, uint32(id)).bits}
	// The text is its keys, stored whole (see vocab.put).
	at := unsafe.Add(unsafe.Pointer(unsafe.SliceData(v.buf)), v.size)
	put64(at, key)
	put64(unsafe.Add(at, 8), key2)
	putLast(&v.refs, id, uint64(n)<<32|uint64(v.size))
	*(*int32)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(v.counts)), uintptr(id)*4)) = 1
	putLast(&v.lens, id, uint8(n))
	v.size += n
	if alnumUpper(key)|alnumUpper(key2) != 0 {
		putLast(&v.cased, len(v.cased), uint32(id)<<2|1)
		v.upper += n
	}
	return i
}

// putToken stores t as toks[k], k < cap(toks), without a bounds check
// and leaving the length as it is (tokenize sets it).
func putToken(toks []Token, k int, t Token) {
	*(*Token)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(toks)), uintptr(k)*unsafe.Sizeof(t))) = t
}

// sliceHead is the layout of a slice's header.
type sliceHead struct {
	data     unsafe.Pointer
	len, cap int
}

// putLast stores x as (*s)[n] and makes n+1 the length of *s, without
// bounds checks: n < cap(*s).
func putLast[T any](s *[]T, n int, x T) {
	h := (*sliceHead)(unsafe.Pointer(s))
	*(*T)(unsafe.Add(h.data, uintptr(n)*unsafe.Sizeof(x))) = x
	h.len = n + 1
}

// alnumUpper is upperBits for a word of ASCII letters and digits, padded
// with zero bytes: but one bit of each byte is set, that of 0x40, and five
// instructions fewer. Of those bytes the upper-case letters alone have
// 0x40 set and 0x20 clear.
func alnumUpper(w uint64) uint64 {
	return w &^ (w << 1) & (0x40 * lsb)
}

// firstSlow is first when a slice or the table is to grow, the start is
// listed apart or the vocabulary is full; it then sets v.room.
func (b *builder) firstSlow(i, e, x int) int {
	nw := &b.newWord
	v := &b.v
	n, key, key2 := nw.n, nw.key, nw.key2
	var id uint32
	if k := len(v.refs); k < v.limit-1 {
		// vocab.add by hand, for a text of fewer than sixteen bytes of
		// ASCII letters and digits (one slot length, no byte outside
		// ASCII), counted once here: the call, its tests and its
		// spills cost as much as its work (24M on 205 files of 100 KB).
		id = uint32(k)
		v.slots[x] = vslot{key: key, key2: key2, meta: packToken(1, kindOf(b.text[i]), id).bits}
		v.countRoom(k)
		v.counts[k] = 1
		v.put(b.text, i, n)
		v.refs = append(v.refs, uint64(n)<<32|uint64(v.size))
		v.lens = append(v.lens, uint8(n))
		v.size += n
		if upper := upperBits(key) | upperBits(key2); upper != 0 {
			v.cased = append(v.cased, id<<2|1)
			v.upper += n
		}
		if 10*len(v.refs) > 7*len(v.slots) {
			v.grow()
		}
	} else {
		id = v.add(&v.slots[x], key, key2, b.text, i, n) // the overflow ID
		v.counts[id]++
		v.odd = append(v.odd, oddLen{uint32(i), uint8(n)})
	}
	v.room = v.roomNow()
	j := i + n
	b.toks = append(b.toks, b.starts.add(len(b.toks), i, kindOf(b.text[i]), id))
	b.roomForBases(cap(b.toks))
	if i = j + 1; i >= e || b.text[j] != ' ' {
		i = j
	}
	return i
}

// roomForBases makes room in the bases for the groups of n tokens.
func (b *builder) roomForBases(n int) {
	if need := (n + 1<<groupShift - 1) >> groupShift; cap(b.starts.bases) < need {
		b.starts.bases = slices.Grow(b.starts.bases, need-len(b.starts.bases))
	}
}

// token appends the token, if any, that starts at i, and returns where the
// next one may start. (One token at most, and past i when i < e: tokenize
// puts its tokens without a test of the slice's room, as far as the room
// lets one token a byte, and calls token within that.)
func (b *builder) token(i, e int) int {
	text := b.text
	v := &b.v
	c := text[i]
	if isAlnum[c] {
		// A word or number. Its first eight bytes at once: most words end
		// inside them, at white space or punctuation.
		j := i + 8
		if j <= len(text) {
			stop := notAlnum(load64(text, i))
			for stop == 0 && j < e && j+8 <= len(text) {
				// Eight letters or digits: a long word; its next eight
				// bytes.
				stop = notAlnum(load64(text, j))
				j += 8
			}
			if stop != 0 {
				j += bits.TrailingZeros64(stop)>>3 - 8
			}
		} else {
			j = i + 1
		}
		for j < e && isAlnum[text[j]] {
			j++
		}
		j = min(j, e)
		if j < e && wordGlue[text[j]] {
			end := -1
			if e+16 <= len(text) {
				end = joinedEnd(text, j, e) // most such words
			}
			if end < 0 {
				end = wordEndFrom(text, i, j, e)
			}
			j = end
		}
		j = capToken(text, i, j)
		b.toks = append(b.toks, b.starts.add(len(b.toks), i, kindOf(c), v.id(i, j-i)))
		if i = j + 1; i >= e || text[j] != ' ' {
			i = j
		}
		return i
	}
	if c >= utf8.RuneSelf {
		return b.nonASCII(i, e)
	}
	switch asciiClass[c] {
	case cSpace:
		return i + 1
	case cDot:
		end := i + 1
		for end < e && text[end] == '.' && end-i < MaxTokenLen {
			end++
		}
		var id uint32
		if end == i+1 {
			id = v.byteID(i)
		} else {
			id = v.id(i, end-i)
		}
		b.terms = append(b.terms, len(b.toks))
		b.toks = append(b.toks, b.starts.add(len(b.toks), i, Punct, id))
		if i = end + 1; i >= e || text[end] != ' ' {
			i = end
		}
		return i
	case cApos:
		if end, ok := decade(text, i, 1, e); ok {
			b.toks = append(b.toks, b.starts.add(len(b.toks), i, Number, v.id(i, end-i)))
			return end
		}
	case cTerm:
		b.terms = append(b.terms, len(b.toks))
	}
	b.toks = append(b.toks, b.starts.add(len(b.toks), i, Punct, v.byteID(i)))
	// Skip the space that often follows (after a comma, a colon).
	if i += 2; i > e || text[i-1] != ' ' {
		i--
	}
	return i
}

// nonASCII appends the token, if any, that starts with the non-ASCII
// character at i, and returns where the next one may start.
func (b *builder) nonASCII(i, e int) int {
	text := b.text
	r, size := utf8.DecodeRuneInString(text[i:])
	switch {
	case r == utf8.RuneError && size == 1:
		return i + 1 // invalid byte: recorded in Document.Invalid, never part of a token
	case r >= '‐' && r <= '‧' && r != '‘' && r != '’' && r != '…':
		// Dashes, quotation marks, daggers and bullets (• is the
		// commonest character outside ASCII of text extracted from
		// PDF): marks that the cases below would find to be no space,
		// letter, digit or invisible character only after searching
		// the Unicode tables (TestGeneralPunctuation).
		b.emit(i, i+size, Punct)
		return i + size
	case unicode.IsSpace(r):
		return i + size
	case isSymbolLetter(r):
		// ƒ (florin, function) and º are letters to Unicode but symbols
		// in prose, and PDF extraction leaves ƒ as a bullet glyph.
		b.emit(i, i+size, Punct)
		return i + size
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		end := capToken(text, i, wordEnd(text, i, e))
		b.emit(i, end, kindOfRune(r))
		return end
	case r == '’' || r == '‘':
		if end, ok := decade(text, i, size, e); ok {
			b.emit(i, end, Number)
			return end
		}
		b.emit(i, i+size, Punct)
		return i + size
	case isInvisible(r):
		// Zero-width and bidirectional controls are not tokens; the
		// mechanics rules look for them in the source directly.
		return i + size
	default:
		if r == '…' {
			b.terms = append(b.terms, len(b.toks))
		}
		b.emit(i, i+size, Punct)
		return i + size
	}
}

// capToken returns end, or where to cut the token text[i:end] if it is
// longer than MaxTokenLen: at the last character boundary that leaves at
// most MaxTokenLen bytes. The rest is tokenized afresh. Only a run of
// letters or dots hundreds of bytes long, which no prose has, is cut.
func capToken(text string, i, end int) int {
	if end-i <= MaxTokenLen {
		return end
	}
	c := i + MaxTokenLen
	for c > i+1 && !utf8.RuneStart(text[c]) {
		c--
	}
	return c
}

func isASCIIAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func kindOf(c byte) TokenKind {
	k := Word
	if c-'0' < 10 { // (a conditional move, not a branch)
		k = Number
	}
	return k
}

func kindOfRune(r rune) TokenKind {
	if unicode.IsDigit(r) {
		return Number
	}
	return Word
}

func isSymbolLetter(r rune) bool { return r == 'ƒ' || r == 'º' || r == 'ª' }

// isInvisible reports format characters that render as nothing.
func isInvisible(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad':
		return true
	}
	return r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069' || r == '\u200e' || r == '\u200f'
}

// decade matches an elided century such as '80s or ’80s at i, where the
// apostrophe is size bytes long.
func decade(text string, i, size, end int) (int, bool) {
	j := i + size
	if j+3 <= end && isDigit(text[j]) && isDigit(text[j+1]) && text[j+2] == 's' {
		if j+3 == end || !isWordByte(text, j+3, end) {
			return j + 3, true
		}
	}
	return 0, false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isWordByte(text string, i, end int) bool {
	if i >= end {
		return false
	}
	c := text[i]
	if c < utf8.RuneSelf {
		return isASCIIAlnum(c)
	}
	r, _ := utf8.DecodeRuneInString(text[i:end])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// wordEnd returns the end of the word or number starting at i: letters,
// digits and combining marks, joined by inner apostrophes, hyphens, decimal
// points and thousands separators, and the dots of an abbreviation (U.S.,
// e.g.).
func wordEnd(text string, i, end int) int {
	return wordEndFrom(text, i, i, end)
}

// wordEndFrom is wordEnd when text[start:i] are ASCII letters and digits.
func wordEndFrom(text string, start, i, end int) int {
	partStart := start
	letters := i - start // letters in the current part, for abbreviation dots
	dotted := false
	for i < end {
		c := text[i]
		if c < utf8.RuneSelf {
			if asciiClass[c] == cAlnum {
				i++
				letters++
				continue
			}
			switch c {
			case '\'', '-':
				if isWordByte(text, i+1, end) {
					i++
					partStart, letters = i, 0
					continue
				}
			case '.':
				// A decimal point: 2.5, 1.2.3.
				if i > partStart && isDigit(text[i-1]) && i+1 < end && isDigit(text[i+1]) {
					i++
					continue
				}
				// Abbreviation dots join one- or two-letter parts: U.S., e.g., a.m.
				if letters >= 1 && letters <= 2 && isWordByte(text, i+1, end) && i+2 <= end && (i+2 == end || text[i+2] == '.' || (i+3 < end && text[i+3] == '.' && isWordByte(text, i+2, end))) {
					i++
					partStart, letters, dotted = i, 0, true
					continue
				}
				if dotted && letters >= 1 && letters <= 2 {
					return i + 1 // the final dot of U.S.
				}
			case ',':
				// Thousands separator: 1,200 and 2,216,668.
				if i > partStart && isDigit(text[i-1]) && i+3 < end &&
					isDigit(text[i+1]) && isDigit(text[i+2]) && isDigit(text[i+3]) &&
					(i+4 >= end || !isDigit(text[i+4])) {
					i++
					continue
				}
			}
			return i
		}
		r, size := utf8.DecodeRuneInString(text[i:end])
		switch {
		case (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)) && !isSymbolLetter(r):
			i += size
			letters++
		case r == '’' || r == '‐' || r == '‑':
			if isWordByte(text, i+size, end) {
				i += size
				partStart, letters = i, 0
				continue
			}
			return i
		case r == '\u00ad': // soft hyphen
			i += size
		default:
			return i
		}
	}
	return i
}
