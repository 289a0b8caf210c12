package spell

import (
	"encoding/binary"
	"strings"
)

// u32s is a read-only array of little-endian uint32s held in a string:
// the arrays of compact.bin are used where the binary embeds them, with
// no decoding or copying at start-up.
type u32s string

// at returns element i.
func (v u32s) at(i int) uint32 {
	s := string(v[4*i : 4*i+4])
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

func (v u32s) len() int { return len(v) / 4 }

// packU32s encodes vs as a u32s.
func packU32s(vs []uint32) u32s {
	b := make([]byte, 0, 4*len(vs))
	for _, x := range vs {
		b = binary.LittleEndian.AppendUint32(b, x)
	}
	return u32s(b)
}

// strIndex is an open-addressing hash set of distinct strings kept in
// one arena, each numbered in the order it was added. Its hash is
// deterministic, so the whole index can be precomputed (see compact.go),
// and a []byte is looked up without converting it, which keeps Check
// allocation-free. It is read-only; indexBuilder makes one.
//
// Key i's record is arena[off[i]:off[i+1]]: an entry of entryLen bytes
// (the key's number and its marks, see index), then the key. A slot holds
// where a record is, the key's length and a tag of hash bits the slot's
// position does not use: a lookup, most often cold (a run checks each
// distinct word of a draft once, and the index is larger than the
// caches), rejects a slot of another key on the slot alone, which sits
// next to the slots it probes next, and reads a likely match's number
// with its bytes. With the key's number in the slot, each slot of a probe
// run cost a read of off, then of the arena, each a cache miss, and an
// unknown word paid them for every key in its run.
type strIndex struct {
	arena string
	off   u32s // len = keys+1
	slots u32s // 0 empty, else a record's offset with matchOf its key
	mask  uint32
}

// The fields of a slot, from the low bits: its record's offset in the
// arena (never 0: the arena starts with a byte of padding), the key's
// length (longLen: that or longer, read from off), and the tag. An entry
// holds the key's number and, above idBits, its marks. The widths bound
// the index: an indexBuilder refuses a key that would not fit (the
// built-in list has 160 thousand keys in 1.8 MB of records).
const (
	offBits  = 22
	lenBits  = 5
	tagBits  = 32 - offBits - lenBits
	lenShift = offBits
	tagShift = lenShift + lenBits
	maxArena = 1<<offBits - 1
	longLen  = 1<<lenBits - 1

	entryLen = 3
	idBits   = 19
	markBits = 8*entryLen - idBits
	maxKeys  = 1<<idBits - 1
	maxMark  = 1<<markBits - 1

	// matchMask selects the length and tag: the fields a probe knows
	// before it finds the key.
	matchMask = (1<<32 - 1) >> lenShift << lenShift

	// found is set in the entries that probe returns, which are then
	// never 0.
	found = 1 << 31
)

// matchOf returns the length and tag fields of a key of length n and
// hash h. The tag is the hash's top bits; the slot's position comes from
// its low bits (see slotPos), so keys in one probe run differ in their
// tags as much as any two keys do.
func matchOf(n int, h uint64) uint32 {
	return uint32(min(n, longLen))<<lenShift | uint32(h>>(64-tagBits))<<tagShift
}

// slotPos returns the first slot probed for hash h. FNV's low bits depend
// only on the input's and the state's low bits; folding the high half in
// mixes them.
func slotPos(h uint64, mask uint32) uint32 { return uint32(h^h>>32) & mask }

// slotID returns the number of the key of entry e.
func slotID(e uint32) uint32 { return e & (1<<idBits - 1) }

// slotMark returns the marks of the key of entry e.
func slotMark(e uint32) uint8 { return uint8(e >> idBits & maxMark) }

// keyText is a key as a string or as bytes: Check looks up a folded word
// in a stack buffer without converting it.
type keyText interface{ ~string | ~[]byte }

// keyHash is FNV-1a, 64 bits: fixed across runs, unlike maphash, so the
// slots can be stored.
func keyHash[K keyText](s K) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// FNV-1a's 64-bit constants.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// strHash is FNV-1a, 32 bits, for other stored hashes (the metaphone
// index's).
func strHash(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// indexBuilder adds keys to what becomes a strIndex. Its records' entries
// hold only the keys' numbers until index adds the marks.
type indexBuilder struct {
	arena string
	off   []uint32
	slots []uint32
	mask  uint32
	buf   strings.Builder // the arena while building; arena aliases it
}

// newIndexBuilder makes a builder for at most capacity keys; it never
// grows. The table is sized for add's bound on its load (three quarters):
// sized for a load of four fifths, as it was, a list of 25, 49, 97 to 100
// or 198 other lengths up to 3,000 words failed to load ("word index
// full").
func newIndexBuilder(capacity, arenaHint int) *indexBuilder {
	size := 16
	for 3*size < 4*capacity+4 {
		size <<= 1
	}
	t := &indexBuilder{
		off:   append(make([]uint32, 0, capacity+1), 1),
		slots: make([]uint32, size),
		mask:  uint32(size - 1),
	}
	t.buf.Grow(1 + arenaHint + entryLen*capacity)
	t.buf.WriteByte(0)
	t.arena = t.buf.String()
	return t
}

// index returns the finished index, with mark(id) (at most maxMark)
// kept in key id's entry: what a user of the index reads for most keys it
// looks up, which then costs no read of another array.
func (t *indexBuilder) index(mark func(id uint32) uint8) *strIndex {
	arena := []byte(t.arena)
	for id := range t.len() {
		p := t.off[id]
		e := uint32(id) | uint32(mark(uint32(id))&maxMark)<<idBits
		arena[p], arena[p+1], arena[p+2] = byte(e), byte(e>>8), byte(e>>16)
	}
	return &strIndex{arena: string(arena), off: packU32s(t.off), slots: packU32s(t.slots), mask: t.mask}
}

func (t *strIndex) len() int { return t.off.len() - 1 }

// key returns key i, a substring of the arena (no copy).
func (t *strIndex) key(i uint32) string {
	return t.arena[int(t.off.at(int(i)))+entryLen : t.off.at(int(i)+1)]
}

// entryAt returns the entry of the record at p.
func (t *strIndex) entryAt(p int) uint32 { return entryIn(t.arena, p) }

// entryIn decodes the entry of the record at p of arena.
func entryIn(arena string, p int) uint32 {
	return uint32(arena[p]) | uint32(arena[p+1])<<8 | uint32(arena[p+2])<<16
}

// slotKey returns the key of used slot s, reading off only for a long
// key.
func (t *strIndex) slotKey(s uint32) string {
	p := int(s & maxArena)
	if n := int(s >> lenShift & longLen); n < longLen {
		return t.arena[p+entryLen : p+entryLen+n]
	}
	return t.key(slotID(t.entryAt(p)))
}

func (t *indexBuilder) len() int { return len(t.off) - 1 }

func (t *indexBuilder) key(i uint32) string { return t.arena[t.off[i]+entryLen : t.off[i+1]] }

// idAt returns the number of the key whose record is at p while
// building (its entry has no marks yet).
func (t *indexBuilder) idAt(p uint32) uint32 { return entryIn(t.arena, int(p)) }

// add returns the number of key k, adding it if new, and whether it was
// added; ok is false when the index is full.
func (t *indexBuilder) add(k string) (id uint32, added, ok bool) {
	h := keyHash(k)
	m := matchOf(len(k), h)
	i := slotPos(h, t.mask)
	for {
		s := t.slots[i]
		if s == 0 {
			break
		}
		if s&matchMask == m {
			if id := t.idAt(s & maxArena); t.key(id) == k {
				return id, false, true
			}
		}
		i = (i + 1) & t.mask
	}
	if 4*t.len()+4 > 3*len(t.slots) || t.len() >= maxKeys || len(t.arena) > maxArena {
		return 0, false, false
	}
	id = uint32(t.len())
	p := len(t.arena)
	t.buf.WriteByte(byte(id))
	t.buf.WriteByte(byte(id >> 8))
	t.buf.WriteByte(byte(id >> 16))
	t.buf.WriteString(k)
	t.arena = t.buf.String() // the builder only appends: no copy
	t.off = append(t.off, uint32(len(t.arena)))
	t.slots[i] = uint32(p) | m
	return id, true, true
}

// getBytes returns the number of key k.
func (t *indexBuilder) getBytes(k []byte) (uint32, bool) {
	h := keyHash(k)
	m := matchOf(len(k), h)
	for i := slotPos(h, t.mask); ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s == 0 {
			return 0, false
		}
		if s&matchMask == m {
			if id := t.idAt(s & maxArena); t.key(id) == string(k) {
				return id, true
			}
		}
	}
}

// get returns the number of key k.
func (t *strIndex) get(k string) (uint32, bool) {
	if e := t.probe(k); e != 0 {
		return slotID(e), true
	}
	return 0, false
}

// getBytes is get for a byte slice.
func (t *strIndex) getBytes(k []byte) (uint32, bool) {
	if e := t.probeBytes(k); e != 0 {
		return slotID(e), true
	}
	return 0, false
}

// probe returns the entry of key k with found set, 0 if k is not a key.
func (t *strIndex) probe(k string) uint32 { return probeKey(t, k, keyHash(k)) }

// probeBytes is probe for a byte slice.
func (t *strIndex) probeBytes(k []byte) uint32 { return probeKey(t, k, keyHash(k)) }

// probeHashed is probe for a key k whose keyHash is h.
func (t *strIndex) probeHashed(k string, h uint64) uint32 { return probeKey(t, k, h) }

// probeKey is probe, probeBytes and probeHashed: k's entry, its keyHash h.
func probeKey[K keyText](t *strIndex, k K, h uint64) uint32 {
	m := matchOf(len(k), h)
	for i := slotPos(h, t.mask); ; i = (i + 1) & t.mask {
		s := t.slots.at(int(i))
		if s == 0 {
			return 0
		}
		if s&matchMask == m && t.slotKey(s) == string(k) {
			return t.entryAt(int(s&maxArena)) | found
		}
	}
}

// probeFolded is probe for the folded key of an ASCII word w, whose
// keyHash is h: w lower-cased, which it compares without building.
func (t *strIndex) probeFolded(w string, h uint64) uint32 {
	m := matchOf(len(w), h)
	for i := slotPos(h, t.mask); ; i = (i + 1) & t.mask {
		s := t.slots.at(int(i))
		if s == 0 {
			return 0
		}
		if s&matchMask == m && isFoldOf(t.slotKey(s), w) {
			return t.entryAt(int(s&maxArena)) | found
		}
	}
}

// isFoldOf reports whether key is the ASCII word w lower-cased.
func isFoldOf(key, w string) bool {
	if len(key) != len(w) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if key[i] != c|byteClass[c]&clsUpper<<5 {
			return false
		}
	}
	return true
}
