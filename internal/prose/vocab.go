package prose

import (
	"math"
	"math/bits"
	"strings"
	"unsafe"

	"github.com/edlint/edlint/internal/mem"
)

// vocab numbers the distinct token texts of a document while it is being
// tokenized (Token.ID, Document.Types), counts them and at the end links
// each to its lower-case form. Rules index per-word verdicts by ID, so that
// a word used a thousand times is judged once.
//
// It is an open-addressing hash table of token texts. A slot keeps the
// first eight bytes of its text and its length, so a token of up to eight
// bytes (most words) is found by reading the table alone; the types'
// texts are copied once, to buf, as they are numbered (refs place them).
type vocab struct {
	text  string
	slots []vslot // at most 70% full
	// refs[id] places type id's text in base as Document.typeRefs does
	// in Document.types. (A []string took some fifteen instructions a
	// type to append, and its strings were copied once more at the end.)
	refs []uint64
	// buf holds the types' texts, one after another, as the document
	// keeps them (base views all of it): each is copied there as it is
	// numbered, most as the keys builder.first has in its registers,
	// with sixteen bytes of room past them (see put). (Copied from the
	// text in finish, a text took some 30 instructions: 19M on 205
	// files of 100 KB.)
	buf  []byte
	base string
	// size is the bytes of the types' texts, those of buf in use; upper
	// the bytes of those of ASCII with an upper-case letter, whose
	// lower-case forms finish may add.
	size, upper int
	// counts is as long as its capacity, its entries past the types'
	// zero (see countRoom): finish cuts it to the types'. builder.first
	// stores a type's first count without the length's store. (Counted
	// 1 in the slot instead, the first use saved the store but settle's
	// test of the slot's count failed once more a type: as much again,
	// 1.6M on 205 files of 100 KB.)
	counts []int32
	// lens[id] is the length of type id's text; 0 for the overflow ID
	// (see limit).
	lens []uint8
	// odd lists, by start, the lengths of the tokens given the overflow
	// ID.
	odd []oddLen
	// cased lists in order the types whose texts have an upper-case
	// ASCII letter or a byte outside ASCII, id<<2 | flags (see add),
	// found while the text is in the cache: finish looks at
	// them alone. (A flag for each type cost add an append, and finish a
	// test, for the four in five that are neither.)
	cased []uint32
	// byByte caches the tokens of one-byte ASCII texts (punctuation) as
	// a slot's meta does (see vslot), of kind Punct: never 0 once set.
	byByte [128]uint32
	// byteCounts counts the uses tokenize finds in byByte, until settle
	// adds them to counts (as it does the slots' counts).
	byteCounts [128]int32
	// bytesSet has bit c set when byByte[c] is: settle reads those
	// alone. (A pass over the 128 took 800 instructions a document, 0.8M
	// on 1,053 files of 1 KB, with ten or twenty marks each.)
	bytesSet [2]uint64
	// limit bounds the IDs lookup gives (MaxTypes while tokenizing): the
	// texts get IDs below limit-1 and, once those are taken, the
	// overflow ID limit-1, which is no one text's (its type is empty);
	// full is then set: the document is TooVaried.
	limit int
	full  bool
	// tab holds the tables of builder.tokenize (see tokTables).
	tab tokTables
	// room bounds the IDs builder.first numbers in place: below it the
	// type slices and cased have room for one more, and the table
	// takes one more type without growing (see roomNow). It is only
	// ever too small (the slices and the table grow, the limit is set
	// before the first word): 0 until firstSlow sets it.
	room int
}

// vslot is a vocabulary entry: key and key2 hold the first sixteen bytes
// of the text (zero-padded). meta is the text's token at offset 0 of its
// group (see Token): its ID, and the kind of an ASCII word or number
// (kindOf of its first byte; tokens of other texts take their kind
// elsewhere), but in place of the offset the text's length, or 1 for
// a text under 16 bytes (slotLen); 0 is an empty slot. A text of up to
// 16 bytes is identified without reading it, and tokenize makes an ASCII
// word's token from meta alone. count counts the uses that tokenize
// finds here, next to the key it has just read, until settle adds them
// to counts: in a table too large for the cache, counts would cost a
// second miss, and in any table a test of which of the two to count in
// cost more than settle's pass over the slots (but for the smallest
// documents: the 18 KB seed draft's parse takes 0.2% more).
type vslot struct {
	key, key2   uint64
	meta, count uint32
}

// slotLen is the length a slot keeps for a text of n bytes: 1 under 16
// bytes. The keys of such a text end in a NUL byte, which no text holds
// but the one-byte text NUL: they are no other text's, and its length
// is where that byte is. The longer texts need their length to tell a
// text of sixteen bytes from the longer ones it begins. A constant for
// the short texts lets tokenize make a word's token from meta without
// its length (one subtraction less, and one register more).
func slotLen(n int) uint32 {
	if n < 16 {
		return 1
	}
	return uint32(min(n, 255))
}

// id is the ID of the slot's type (the slot is not empty).
func (sl *vslot) id() uint32 { return sl.meta >> idShift }

// len is the slot's text's length (slotLen).
func (sl *vslot) len() uint32 { return sl.meta >> offShift & offMask }

// slotMeta is the meta of the slot of text s[i:i+n], of type id.
func slotMeta(s string, i, n int, id uint32) uint32 {
	return packToken(slotLen(n), kindOf(s[i]), id).bits
}

// A text's hash is key*hashMul + key2*hashMul2 (see vslot), mixed with
// its later bytes if it has any (hashText): a text of eight bytes or
// fewer, whose key2 is 0, hashes with one multiplication, and tokenize
// adds the second only for a longer word.
const (
	hashMul  = 0x9e3779b97f4a7c15
	hashMul2 = 0xc2b2ae3d27d4eb4f
)

// init sizes the table for a document of about tokens tokens. By Heaps'
// law a text of n tokens has about K·n^β distinct ones; K = 36, β = 0.5
// fit edited English up to a few hundred thousand tokens (21,659 types in
// 358,789 tokens, 1,195 in 3,306), but the vocabulary grows more slowly
// beyond (25,889 in 616,810: β ≈ 0.33 between the two; 38.7K in the 3.6M
// of the 20 MB corpus), so past heapsKnee tokens β = 0.25 is used, and a
// document richer than that grows the table by half (grow). A table
// larger than it needs be misses the cache: sized by K = 36 throughout,
// the 20 MB corpus's took 2.45 MB, more than a 2 MB L2.
//
// A short text has fewer: K·n^0.5 with K = 36 fits the richest stretch
// of ten or twenty thousand tokens of the clean corpora, with their
// lower-case forms, but not shorter ones, whose richest stretches have
// about 5.2·n^0.7 types (157 in 150 tokens, 613 in 1,000, where K = 36
// gives 440 and 1,138), so the lesser of the two is used. A run over
// many small files made and cleared (and settle read) tables three times
// the size they needed.
func (v *vocab) init(text string, tokens int) {
	v.text = text
	v.limit = typeLimit
	v.tab = tokenizeTables
	types := 36 * math.Sqrt(float64(min(tokens, heapsKnee)))
	if tokens > heapsKnee {
		types *= math.Sqrt(math.Sqrt(float64(tokens) / heapsKnee))
	}
	if tokens < smallHeaps {
		types = min(types, 5.2*math.Pow(float64(tokens), 0.7))
	}
	v.slots = mem.Table[vslot](max(64, int(types*1.5)))
	v.refs = make([]uint64, 0, int(types))
	v.counts = make([]int32, int(types))
	v.cased = make([]uint32, 0, int(types)/4)
	v.lens = make([]uint8, 0, int(types))
	v.setBuf(make([]byte, int(types)*8+32))
}

// setBuf makes b the types' buffer, with the texts of buf copied to it.
func (v *vocab) setBuf(b []byte) {
	copy(b, v.buf[:v.size])
	v.buf, v.base = b, bytesView(b)
}

// put copies s[i:i+n] to buf, after the types' texts: it is the next
// type's, at v.size. The buffer keeps sixteen bytes of room past the
// texts, where the texts of up to sixteen bytes are stored whole.
func (v *vocab) put(s string, i, n int) {
	if v.size+n+16 > len(v.buf) {
		v.setBuf(make([]byte, 2*len(v.buf)+n+16))
	}
	at := unsafe.Add(unsafe.Pointer(unsafe.SliceData(v.buf)), v.size)
	if n <= 16 && i+16 <= len(s) {
		put64(at, load64(s, i))
		put64(unsafe.Add(at, 8), load64(s, i+8))
	} else {
		copy(v.buf[v.size:], s[i:i+n])
	}
}

// overflow gives the overflow ID, adding its empty type when the limit is
// first reached.
func (v *vocab) overflow() uint32 {
	if !v.full {
		v.full = true
		v.countRoom(len(v.refs))
		v.refs = append(v.refs, 0)
		v.lens = append(v.lens, 0)
	}
	return uint32(v.limit - 1)
}

// roomNow is the bound for room: one more type is numbered without growing
// a type slice, cased (at most one entry a type), the table (see add) or
// buf (sixteen bytes a type of fewer than sixteen: see put) while the ID
// is below it, until the limit. (add lowers room for the bytes it takes.)
func (v *vocab) roomNow() int {
	id := len(v.refs)
	return min(v.limit-1, cap(v.refs), len(v.counts), cap(v.lens),
		id+cap(v.cased)-len(v.cased), 7*len(v.slots)/10,
		id+(len(v.buf)-v.size-16)>>4)
}

// countRoom makes counts long enough for the ID id, zero past the types'.
// (growslice clears the room past the length it appends to.)
func (v *vocab) countRoom(id int) {
	if id >= len(v.counts) {
		v.counts = append(v.counts[:id], 0)
		v.counts = v.counts[:cap(v.counts)]
	}
}

// typeLimit is MaxTypes, or less in tests.
var typeLimit = MaxTypes

// home is the first slot to look at for a text whose hash is h.
func (v *vocab) home(h uint64) int { return home(h, len(v.slots)) }

// home is the first of n slots to look at for a text whose hash is h.
func home(h uint64, n int) int {
	return int((h >> 32) * uint64(n) >> 32)
}

// load64 reads eight bytes of s at i as a little-endian word; i+8 <= len(s),
// or the bytes past s are readable (see readableEnd).
func load64(s string, i int) uint64 {
	p := (*[8]byte)(unsafe.Add(unsafe.Pointer(unsafe.StringData(s)), i))
	return uint64(p[0]) | uint64(p[1])<<8 | uint64(p[2])<<16 | uint64(p[3])<<24 |
		uint64(p[4])<<32 | uint64(p[5])<<40 | uint64(p[6])<<48 | uint64(p[7])<<56
}

// put64 writes w to the eight bytes at p as a little-endian word (one
// store). The copies of types' texts store through it with no bounds
// checks: five instructions a type fewer than through a slice.
func put64(p unsafe.Pointer, w uint64) {
	b := (*[8]byte)(p)
	b[0], b[1], b[2], b[3] = byte(w), byte(w>>8), byte(w>>16), byte(w>>24)
	b[4], b[5], b[6], b[7] = byte(w>>32), byte(w>>40), byte(w>>48), byte(w>>56)
}

// chunk returns the first min(n, 8) bytes of s[i:i+n], zero-padded; n > 0.
func chunk(s string, i, n int) uint64 {
	if i+8 <= len(s) {
		return load64(s, i) & (^uint64(0) >> (64 - 8*uint(min(n, 8))))
	}
	var k uint64
	for j := min(n, 8) - 1; j >= 0; j-- {
		k = k<<8 | uint64(s[i+j])
	}
	return k
}

// hashText returns the key (first eight bytes) and the hash of s[i:i+n].
func hashText(s string, i, n int) (key, h uint64) {
	key = chunk(s, i, n)
	h = key * hashMul
	if n > 8 {
		h += chunk(s, i+8, n-8) * hashMul2
	}
	for j := 16; j < n; j += 8 {
		h = (bits.RotateLeft64(h, 23) ^ chunk(s, i+j, n-j)) * hashMul
	}
	return key, h
}

// id returns the ID of the token text text[start:start+n], numbering it if
// it is new, and counts one use of it. A text of up to 16 bytes already
// seen (almost every token) is found here; the rest go to lookup.
//
// The slot of a rare word is often out of the cache (some 10 ns each,
// however the reads are ordered). Deferring the lookups of rare tokens to
// the end of their span, with their slots read first in a loop of their
// own, left parse 6 % slower: the misses cost as much, the bookkeeping more.
func (v *vocab) id(start, n int) uint32 {
	var id uint32
	if n <= 16 && start+16 <= len(v.text) {
		key := load64(v.text, start)
		var key2 uint64
		if n <= 8 {
			key &= ^uint64(0) >> (64 - 8*uint(n))
		} else {
			key2 = load64(v.text, start+8) & (^uint64(0) >> (128 - 8*uint(n)))
		}
		h := key*hashMul + key2*hashMul2
		for j := v.home(h); ; j++ {
			if j == len(v.slots) {
				j = 0
			}
			sl := &v.slots[j]
			if sl.key == key && sl.key2 == key2 && sl.len() == slotLen(n) {
				id := sl.id()
				v.counts[id]++
				return id
			}
			if sl.meta == 0 {
				// A new text: numbered in this slot, where lookup
				// would find it empty again.
				id = v.addText(sl, key, key2, start, n)
				goto counted
			}
		}
	}
	id = v.lookup(v.text, start, n)
counted:
	v.counts[id]++
	if v.lens[id] == 0 {
		v.odd = append(v.odd, oddLen{uint32(start), uint8(n)})
	}
	return id
}

// byteID is id for the one-byte ASCII token at i.
func (v *vocab) byteID(i int) uint32 {
	c := v.text[i] & 0x7f
	if meta := v.byByte[c]; meta != 0 {
		id := meta >> idShift
		v.counts[id]++
		return id
	}
	id := v.id(i, 1)
	if v.lens[id] != 0 { // not the overflow ID, whose tokens are listed
		v.byByte[c] = packToken(slotLen(1), Punct, id).bits
		v.bytesSet[c>>6] |= 1 << (c & 63)
	}
	return id
}

// lookup returns the ID of s[i:i+n], adding it as a new type (counted 0)
// if there is none.
func (v *vocab) lookup(s string, i, n int) uint32 {
	var key, h uint64
	if n <= 8 && i+8 <= len(s) {
		key = load64(s, i) & (^uint64(0) >> (64 - 8*uint(n)))
		h = key * hashMul
	} else {
		key, h = hashText(s, i, n)
	}
	var key2 uint64
	if n > 8 {
		key2 = chunk(s, i+8, n-8)
	}
	n8 := slotLen(n)
	for j := v.home(h); ; j++ {
		if j == len(v.slots) {
			j = 0
		}
		sl := &v.slots[j]
		if sl.key == key && sl.key2 == key2 && sl.len() == n8 {
			if n <= 16 || v.typ(sl.id()) == s[i:i+n] {
				return sl.id()
			}
			continue
		}
		if sl.meta == 0 {
			return v.add(sl, key, key2, s, i, n)
		}
	}
}

// typ is the text of type id.
func (v *vocab) typ(id uint32) string {
	r := v.refs[id]
	return v.base[uint32(r) : uint32(r)+uint32(r>>32)]
}

// addText is add for text[i:i+n]. (A call with the text as an argument
// took id's fast path 0.8M more on the 20 MB corpus, in the moves of its
// registers.)
//
//go:noinline
func (v *vocab) addText(sl *vslot, key, key2 uint64, i, n int) uint32 {
	return v.add(sl, key, key2, v.text, i, n)
}

// add numbers s[i:i+n], whose keys are key and key2, in sl, the empty
// slot where its probe ended (counted 0), or gives it the overflow ID.
// (builder.first does the same by hand for the words tokenize finds new:
// a change here is one there.)
func (v *vocab) add(sl *vslot, key, key2 uint64, s string, i, n int) uint32 {
	if len(v.refs) >= v.limit-1 {
		return v.overflow()
	}
	id := uint32(len(v.refs))
	*sl = vslot{key: key, key2: key2, meta: slotMeta(s, i, n, id)}
	v.countRoom(int(id))
	v.put(s, i, n)
	v.room -= n>>4 + 1 // (see roomNow: first's types take sixteen bytes or fewer)
	v.refs = append(v.refs, uint64(n)<<32|uint64(v.size))
	v.lens = append(v.lens, uint8(min(n, MaxTokenLen))) // longer: a lower-case form no token spells
	// The flags of cased, from the text's first sixteen bytes, its keys,
	// and past them (a text longer than sixteen bytes: rare) eight bytes
	// at a time, as lowerChunk tells the upper-case letters: 1 if it holds
	// an upper-case ASCII letter, 2 if it is not all ASCII; the first is
	// exact only for an ASCII text (finish asks it of no other). A byte
	// outside ASCII may carry into the tests of the next ones, but then
	// sets the second flag itself. (Read from the text whole, the flags
	// cost a type some 25 instructions: 35M on 205 files of 100 KB; as a
	// function, too large to inline.)
	bytes, upper := key|key2, upperBits(key)|upperBits(key2)
	if n > 16 {
		b, u := caseBits(s, i+16, n-16)
		bytes, upper = bytes|b, upper|u
	}
	v.size += n
	if f := flagsOf(bytes, upper); f != 0 {
		v.cased = append(v.cased, id<<2|uint32(f))
		if f == 1 {
			v.upper += n
		}
	}
	if 10*len(v.refs) > 7*len(v.slots) {
		v.grow()
	}
	return id
}

// smallHeaps is the number of tokens below which init expects fewer types
// than K·n^0.5 (the two estimates cross at 15,800 tokens).
const smallHeaps = 16_000

// heapsKnee is the number of tokens beyond which init expects the
// vocabulary to grow as the fourth root of the tokens, not the square root.
const heapsKnee = 400_000

// grow makes the table half as large again: init's estimate is close for
// large texts, and doubling a table already as large as the cache would
// miss it on every rare word.
func (v *vocab) grow() {
	old := v.slots
	v.slots = mem.Table[vslot](len(old) + len(old)/2)
	for _, sl := range old {
		if sl.meta == 0 {
			continue
		}
		r := v.refs[sl.id()]
		_, h := hashText(v.base, int(uint32(r)), int(r>>32))
		j := v.home(h)
		for v.slots[j].meta != 0 {
			j++
			if j == len(v.slots) {
				j = 0
			}
		}
		v.slots[j] = sl
	}
}

// settle adds the uses counted in the slots and in byteCounts to counts.
func (v *vocab) settle() {
	for k, set := range v.bytesSet {
		for ; set != 0; set &= set - 1 {
			c := k<<6 | bits.TrailingZeros64(set)
			v.counts[v.byByte[c]>>idShift] += v.byteCounts[c]
			v.byteCounts[c] = 0
		}
	}
	// (The slices as arguments: read through v, inlined in buildPart
	// where v is on the stack, they were loaded again for every slot.)
	settleSlots(v.slots, v.counts)
}

// settleSlots adds the counts of slots to counts. (It left them cleared
// until no one read them again: a store for every slot with a count, 1M on
// 205 files of 100 KB; the table is dropped in finish, and nothing counts
// in it after settle.) A
// function of its own, not inlined: inlined in buildPart with settle, its
// loop took one instruction a slot more or less as buildPart's other
// loops changed (1.5M on 205 files of 100 KB). (Two slots a turn, one
// test for both counts, cost 2.5M more here too: half the slots of a
// file's table hold a count.)
//
//go:noinline
func settleSlots(slots []vslot, counts []int32) {
	for k := range slots {
		if sl := &slots[k]; sl.count != 0 {
			counts[sl.id()] += int32(sl.count)
		}
	}
}

// finish stores the vocabulary in d and links each type to the type of its
// lower-case form, adding the forms no token spells.
//
// The types' texts are in buf already; the new lower-case forms are
// written after them, in room made for those of the ASCII types (upper; a
// form outside ASCII may grow the buffer).
func (v *vocab) finish(d *Document) {
	d.tooVaried = v.full
	v.limit = math.MaxInt // lower-case forms are no token's: no bound
	n := len(v.refs)
	lower := make([]uint32, n, n+n/4)
	for id := range lower {
		lower[id] = uint32(id)
	}
	if v.size+v.upper+16 > len(v.buf) {
		v.setBuf(make([]byte, v.size+v.upper+16))
	}
	// (The forms added are not listed in cased: the loop reads the
	// types'.)
	cased := v.cased
	v.cased = nil
	for _, c := range cased {
		id, ascii := c>>2, c&2 == 0 // (an ASCII text listed has an upper-case letter)
		r := v.refs[id]
		start, size := int(uint32(r)), int(r>>32)
		if ascii {
			// The lower-case form of an ASCII text differs from it; look it
			// up without building it, and build it only if it is new, in
			// buf, numbered in the slot where the probe ended.
			lid, sl, key, key2 := v.findLowerASCII(start, size)
			if sl != nil {
				low := v.size
				if low+size+16 > len(v.buf) { // (forms outside ASCII took the room)
					v.setBuf(make([]byte, 2*len(v.buf)+size+16))
				}
				if size <= 16 {
					// The form of up to sixteen bytes is its keys,
					// stored whole in the room made for it (as first
					// stores a word's). (Byte by byte, 14
					// instructions a byte: 8M on 205 files of 100 KB.)
					at := unsafe.Add(unsafe.Pointer(unsafe.SliceData(v.buf)), low)
					put64(at, key)
					put64(unsafe.Add(at, 8), key2)
				} else {
					appendLowerASCII(v.buf[low:low], v.base[start:start+size])
				}
				// (add copies the form onto itself.)
				lid = v.add(sl, key, key2, v.base, low, size)
				lower = append(lower, lid)
			}
			lower[id] = lid
			continue
		}
		text := v.base[start : start+size]
		low := strings.ToLower(text)
		if low == text {
			continue
		}
		before := len(v.refs)
		lid := v.lookup(low, 0, len(low))
		if len(v.refs) > before {
			lower = append(lower, lid)
		}
		lower[id] = lid
	}
	v.counts = v.counts[:len(v.refs)]
	if n == 0 {
		v.refs, v.counts, v.lens = nil, nil, nil // as for a document without tokens before
	}
	d.types, d.typeRefs, d.spelt = v.base[:v.size], v.refs, n
	d.counts, d.lower = v.counts, lower
	d.lens, d.odd = v.lens, v.odd
	v.slots, v.cased = nil, nil
}

// flagsOf is the flags of cased (see add) from the bytes of a text
// or-ed together and their upperBits.
func flagsOf(bytes, upper uint64) uint8 {
	var f uint8
	if upper != 0 {
		f = 1
	}
	if bytes&msb != 0 {
		f |= 2
	}
	return f
}

// caseBits returns the bytes of s[i:i+n] or-ed together and their
// upperBits, n > 0, for add's flags.
func caseBits(s string, i, n int) (bytes, upper uint64) {
	for ; n > 0; i, n = i+8, n-8 {
		var w uint64
		if i+8 <= len(s) {
			w = load64(s, i) & lowBytes[min(uint(n), 8)]
		} else {
			w = chunk(s, i, n)
		}
		bytes |= w
		upper |= upperBits(w)
	}
	return bytes, upper
}

// upperBits sets the high bit of each byte of the ASCII word w that is an
// upper-case letter, and of some bytes after one outside ASCII.
func upperBits(w uint64) uint64 {
	return (w + (0x80-'A')*lsb) &^ (w + (0x7f-'Z')*lsb) & msb
}

// lowerChunk lower-cases the ASCII letters of an ASCII word.
func lowerChunk(w uint64) uint64 {
	return w | upperBits(w)>>2
}

// findLowerASCII returns the ID of strings.ToLower(t) for the ASCII
// t = base[i:i+n], if the vocabulary holds it; if not, sl is the empty
// slot where its probe ended and key and key2 are its keys, for add.
func (v *vocab) findLowerASCII(i, n int) (id uint32, sl *vslot, key, key2 uint64) {
	s := v.base
	var h uint64
	if n <= 16 && i+16 <= len(s) {
		// (Most texts: read as tokenize reads them, without chunk's
		// calls.)
		if n <= 8 {
			key = lowerChunk(load64(s, i) & lowBytes[n])
		} else {
			key = lowerChunk(load64(s, i))
			key2 = lowerChunk(load64(s, i+8) & lowBytes[n-8])
		}
		h = key*hashMul + key2*hashMul2
	} else {
		key = lowerChunk(chunk(s, i, n))
		h = key * hashMul
		for j := 8; j < n; j += 8 {
			c := lowerChunk(chunk(s, i+j, n-j))
			if j == 8 {
				key2 = c
				h += c * hashMul2
			} else {
				h = (bits.RotateLeft64(h, 23) ^ c) * hashMul
			}
		}
	}
	for j := v.home(h); ; j++ {
		if j == len(v.slots) {
			j = 0
		}
		sl := &v.slots[j]
		if sl.meta == 0 {
			return 0, sl, key, key2
		}
		if sl.key == key && sl.key2 == key2 && sl.len() == slotLen(n) && (n <= 16 || isLowerOf(v.typ(sl.id()), s[i:i+n])) {
			return sl.id(), nil, 0, 0
		}
	}
}

// appendLowerASCII appends the ASCII t lower-cased to buf. (Each of a
// document's new lower-case forms, most of a name's and many of its
// sentences' first words, took an allocation from strings.ToLower.)
func appendLowerASCII(buf []byte, t string) []byte {
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// isLowerOf reports whether low is the ASCII t lower-cased.
func isLowerOf(low, t string) bool {
	if len(low) != len(t) {
		return false
	}
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if low[i] != c {
			return false
		}
	}
	return true
}

// SpeltTexts returns the texts the document's tokens spell, each once
// and each followed by a newline, which no token holds: the draft's
// distinct words and marks, where a search for a word the draft may write
// reads a few hundred kilobytes instead of the whole text (38,700 types,
// 0.35 MB, on the 20 MB corpus). The string is new at each call.
func (d *Document) SpeltTexts() string {
	refs := d.typeRefs[:min(d.spelt, len(d.typeRefs))]
	n := len(refs)
	for _, r := range refs {
		n += int(r >> 32)
	}
	// Most texts are copied as sixteen bytes, which the room and sixteen
	// bytes more hold, as finish copies them.
	types, out, k := d.types, make([]byte, n+16), 0
	for _, r := range refs {
		at, size := int(uint32(r)), int(r>>32)
		if size <= 16 && at+16 <= len(types) {
			p := unsafe.Add(unsafe.Pointer(unsafe.SliceData(out)), k) // (as in finish)
			put64(p, load64(types, at))
			put64(unsafe.Add(p, 8), load64(types, at+8))
		} else {
			copy(out[k:], types[at:at+size])
		}
		k += size
		out[k] = '\n'
		k++
	}
	return unsafe.String(unsafe.SliceData(out), k)
}

// TypeCount is the number of tokens whose ID is id (0 for a lower-case
// form no token spells).
func (d *Document) TypeCount(id uint32) int { return int(d.counts[id]) }

// Lower returns the ID of the lower-case form of Types[id] (id itself when
// it has no upper-case letter). The form may be spelt by no token.
func (d *Document) Lower(id uint32) uint32 { return d.lower[id] }
