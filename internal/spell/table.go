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
// one arena (key i is arena[off[i]:off[i+1]]), each numbered in the
// order it was added. Its hash is deterministic, so the whole index can
// be precomputed (see compact.go), and a []byte is looked up without
// converting it, which keeps Check allocation-free. It is read-only;
// indexBuilder makes one.
//
// A slot holds, besides the key's number, where the key is in the arena
// and a tag of hash bits the slot's position does not use (see slotOf):
// a lookup, most often cold (a run checks each distinct word of a draft
// once, and the index is larger than the caches), rejects a slot of
// another key on the slot alone, which sits next to the slots it probes
// next, and compares a likely match with the arena directly. With the
// number alone, each slot of a probe run cost a read of off, then of the
// arena, each a cache miss, and an unknown word paid them for every key
// in its run.
type strIndex struct {
	arena string
	off   u32s // len = keys+1
	slots u64s // 0 empty, else slotOf
	mask  uint32
}

// u64s is u32s for uint64s.
type u64s string

// at returns element i.
func (v u64s) at(i int) uint64 {
	s := string(v[8*i : 8*i+8])
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

func (v u64s) len() int { return len(v) / 8 }

// The fields of a slot, from the low bits: the key's number plus one
// (never 0, so a used slot is not 0), the key's offset in the arena, the
// marks its user keeps with it (see index), its length (longLen: that or
// longer, read from off), and the tag. The widths bound the index: an
// indexBuilder refuses a key that would not fit (the built-in list has
// 160 thousand keys in 1.3 MB).
const (
	idBits   = 20
	offBits  = 24
	markBits = 5
	lenBits  = 6
	tagBits  = 64 - idBits - offBits - markBits - lenBits

	offShift  = idBits
	markShift = offShift + offBits
	lenShift  = markShift + markBits
	tagShift  = lenShift + lenBits

	maxKeys  = 1<<idBits - 2
	maxArena = 1<<offBits - 1
	maxMark  = 1<<markBits - 1
	longLen  = 1<<lenBits - 1

	// matchMask selects the length and tag: the fields a probe knows
	// before it finds the key.
	matchMask = (1<<64 - 1) >> lenShift << lenShift
)

// slotOf makes the slot of key id, of length n at offset off of the
// arena, whose hash is h.
func slotOf(id uint32, off, n int, h uint64) uint64 {
	return uint64(id+1) | uint64(off)<<offShift | matchOf(n, h)
}

// matchOf returns the length and tag fields of a key of length n and
// hash h. The tag is the hash's top bits; the slot's position comes from
// its low bits (see slotPos), so keys in one probe run differ in their
// tags as much as any two keys do.
func matchOf(n int, h uint64) uint64 {
	return uint64(min(n, longLen))<<lenShift | h>>tagShift<<tagShift
}

// slotPos returns the first slot probed for hash h. FNV's low bits depend
// only on the input's and the state's low bits; folding the high half in
// mixes them.
func slotPos(h uint64, mask uint32) uint32 { return uint32(h^h>>32) & mask }

// slotID returns the number of the key in used slot s.
func slotID(s uint64) uint32 { return uint32(s&(1<<idBits-1)) - 1 }

// slotMark returns the marks of the key in used slot s.
func slotMark(s uint64) uint8 { return uint8(s >> markShift & maxMark) }

// keyHash is FNV-1a, 64 bits: fixed across runs, unlike maphash, so the
// slots can be stored.
func keyHash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

func keyHashBytes(s []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range s {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

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

// indexBuilder adds keys to what becomes a strIndex.
type indexBuilder struct {
	arena string
	off   []uint32
	slots []uint64
	mask  uint32
	buf   strings.Builder // the arena while building; arena aliases it
}

// newIndexBuilder makes a builder for at most capacity keys; it never
// grows.
func newIndexBuilder(capacity, arenaHint int) *indexBuilder {
	size := 16
	for size < capacity+capacity/4 {
		size <<= 1
	}
	t := &indexBuilder{
		off:   append(make([]uint32, 0, capacity+1), 0),
		slots: make([]uint64, size),
		mask:  uint32(size - 1),
	}
	t.buf.Grow(arenaHint)
	return t
}

// index returns the finished index, with mark(id) (at most maxMark)
// kept in key id's slot: what a user of the index reads for most keys it
// looks up, which then costs no read of another array.
func (t *indexBuilder) index(mark func(id uint32) uint8) *strIndex {
	b := make([]byte, 0, 8*len(t.slots))
	for _, s := range t.slots {
		if s != 0 {
			s |= uint64(mark(slotID(s))&maxMark) << markShift
		}
		b = binary.LittleEndian.AppendUint64(b, s)
	}
	return &strIndex{arena: t.arena, off: packU32s(t.off), slots: u64s(b), mask: t.mask}
}

func (t *strIndex) len() int { return t.off.len() - 1 }

// key returns key i, a substring of the arena (no copy).
func (t *strIndex) key(i uint32) string { return t.arena[t.off.at(int(i)):t.off.at(int(i)+1)] }

// slotKey returns the key of used slot s, reading off only for a long
// key.
func (t *strIndex) slotKey(s uint64) string {
	off := int(s >> offShift & maxArena)
	if n := int(s >> lenShift & longLen); n < longLen {
		return t.arena[off : off+n]
	}
	return t.key(slotID(s))
}

func (t *indexBuilder) len() int { return len(t.off) - 1 }

func (t *indexBuilder) key(i uint32) string { return t.arena[t.off[i]:t.off[i+1]] }

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
		if s&matchMask == m && t.key(slotID(s)) == k {
			return slotID(s), false, true
		}
		i = (i + 1) & t.mask
	}
	if 4*t.len()+4 > 3*len(t.slots) || t.len() >= maxKeys || len(t.arena) > maxArena {
		return 0, false, false
	}
	id = uint32(t.len())
	start := len(t.arena)
	t.buf.WriteString(k)
	t.arena = t.buf.String() // the builder only appends: no copy
	t.off = append(t.off, uint32(len(t.arena)))
	t.slots[i] = slotOf(id, start, len(k), h)
	return id, true, true
}

// getBytes returns the number of key k.
func (t *indexBuilder) getBytes(k []byte) (uint32, bool) {
	h := keyHashBytes(k)
	m := matchOf(len(k), h)
	for i := slotPos(h, t.mask); ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s == 0 {
			return 0, false
		}
		if s&matchMask == m && t.key(slotID(s)) == string(k) {
			return slotID(s), true
		}
	}
}

// get returns the number of key k.
func (t *strIndex) get(k string) (uint32, bool) {
	if s := t.probe(k); s != 0 {
		return slotID(s), true
	}
	return 0, false
}

// getBytes is get for a byte slice.
func (t *strIndex) getBytes(k []byte) (uint32, bool) {
	if s := t.probeBytes(k); s != 0 {
		return slotID(s), true
	}
	return 0, false
}

// probe returns the slot of key k, 0 if k is not a key.
func (t *strIndex) probe(k string) uint64 {
	h := keyHash(k)
	m := matchOf(len(k), h)
	for i := slotPos(h, t.mask); ; i = (i + 1) & t.mask {
		s := t.slots.at(int(i))
		if s == 0 || s&matchMask == m && t.slotKey(s) == k {
			return s
		}
	}
}

// probeBytes is probe for a byte slice.
func (t *strIndex) probeBytes(k []byte) uint64 {
	h := keyHashBytes(k)
	m := matchOf(len(k), h)
	for i := slotPos(h, t.mask); ; i = (i + 1) & t.mask {
		s := t.slots.at(int(i))
		if s == 0 || s&matchMask == m && t.slotKey(s) == string(k) {
			return s
		}
	}
}
