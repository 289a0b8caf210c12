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
type strIndex struct {
	arena string
	off   u32s // len = keys+1
	slots u32s // 0 empty, else key number + 1
	mask  uint32
}

// indexBuilder adds keys to what becomes a strIndex.
type indexBuilder struct {
	arena string
	off   []uint32
	slots []uint32
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
		slots: make([]uint32, size),
		mask:  uint32(size - 1),
	}
	t.buf.Grow(arenaHint)
	return t
}

// index returns the finished index.
func (t *indexBuilder) index() *strIndex {
	return &strIndex{arena: t.arena, off: packU32s(t.off), slots: packU32s(t.slots), mask: t.mask}
}

// strHash is FNV-1a, 32 bits: fixed across runs, unlike maphash, so the
// slots can be stored.
func strHash(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

func bytesHash(s []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range s {
		h ^= uint32(c)
		h *= 16777619
	}
	return h
}

func (t *strIndex) len() int { return t.off.len() - 1 }

// key returns key i, a substring of the arena (no copy).
func (t *strIndex) key(i uint32) string { return t.arena[t.off.at(int(i)):t.off.at(int(i)+1)] }

func (t *indexBuilder) len() int { return len(t.off) - 1 }

func (t *indexBuilder) key(i uint32) string { return t.arena[t.off[i]:t.off[i+1]] }

// add returns the number of key k, adding it if new, and whether it was
// added; ok is false when the index is full.
func (t *indexBuilder) add(k string) (id uint32, added, ok bool) {
	h := strHash(k) & t.mask
	for {
		s := t.slots[h]
		if s == 0 {
			break
		}
		if t.key(s-1) == k {
			return s - 1, false, true
		}
		h = (h + 1) & t.mask
	}
	if 4*t.len()+4 > 3*len(t.slots) {
		return 0, false, false
	}
	id = uint32(t.len())
	t.buf.WriteString(k)
	t.arena = t.buf.String() // the builder only appends: no copy
	t.off = append(t.off, uint32(len(t.arena)))
	t.slots[h] = id + 1
	return id, true, true
}

// getBytes returns the number of key k.
func (t *indexBuilder) getBytes(k []byte) (uint32, bool) {
	h := bytesHash(k) & t.mask
	for {
		s := t.slots[h]
		if s == 0 {
			return 0, false
		}
		if t.key(s-1) == string(k) {
			return s - 1, true
		}
		h = (h + 1) & t.mask
	}
}

// get returns the number of key k.
func (t *strIndex) get(k string) (uint32, bool) {
	h := strHash(k) & t.mask
	for {
		s := t.slots.at(int(h))
		if s == 0 {
			return 0, false
		}
		if t.key(s-1) == k {
			return s - 1, true
		}
		h = (h + 1) & t.mask
	}
}

// getBytes is get for a byte slice.
func (t *strIndex) getBytes(k []byte) (uint32, bool) {
	h := bytesHash(k) & t.mask
	for {
		s := t.slots.at(int(h))
		if s == 0 {
			return 0, false
		}
		if t.key(s-1) == string(k) {
			return s - 1, true
		}
		h = (h + 1) & t.mask
	}
}
