package spell

import "hash/maphash"

// strIndex is an open-addressing hash set of distinct strings kept in
// one arena (key i is arena[off[i]:off[i+1]]), each key numbered in the
// order it was added. Compared with a Go map it builds without
// allocating per key and looks a []byte up without converting it, which
// keeps Builtin fast and Check allocation-free.
type strIndex struct {
	arena []byte
	off   []uint32 // len = keys+1
	slots []uint32 // 0 empty, else key index + 1
	mask  uint32
	seed  maphash.Seed
}

// newStrIndex makes an index for at most capacity keys of about
// arenaHint bytes in all; it never grows.
func newStrIndex(capacity, arenaHint int) *strIndex {
	size := 16
	for size < 2*capacity {
		size <<= 1
	}
	return &strIndex{
		arena: make([]byte, 0, arenaHint),
		off:   append(make([]uint32, 0, capacity+1), 0),
		slots: make([]uint32, size),
		mask:  uint32(size - 1),
		seed:  maphash.MakeSeed(),
	}
}

func (t *strIndex) len() int { return len(t.off) - 1 }

func (t *strIndex) keyBytes(i uint32) []byte { return t.arena[t.off[i]:t.off[i+1]] }

// key returns key i; the conversion copies, so hot paths use keyBytes.
func (t *strIndex) key(i uint32) string { return string(t.keyBytes(i)) }

// add returns the number of key k, adding it if new, and whether it was
// new. It reports ok=false when the index is full.
func (t *strIndex) add(k string) (id uint32, added, ok bool) {
	h := uint32(maphash.String(t.seed, k)) & t.mask
	for {
		s := t.slots[h]
		if s == 0 {
			break
		}
		if string(t.keyBytes(s-1)) == k {
			return s - 1, false, true
		}
		h = (h + 1) & t.mask
	}
	if 2*(t.len()+1) > len(t.slots) {
		return 0, false, false
	}
	id = uint32(t.len())
	t.arena = append(t.arena, k...)
	t.off = append(t.off, uint32(len(t.arena)))
	t.slots[h] = id + 1
	return id, true, true
}

// addBytes is add for a byte slice.
func (t *strIndex) addBytes(k []byte) (id uint32, added, ok bool) {
	h := uint32(maphash.Bytes(t.seed, k)) & t.mask
	for {
		s := t.slots[h]
		if s == 0 {
			break
		}
		if string(t.keyBytes(s-1)) == string(k) {
			return s - 1, false, true
		}
		h = (h + 1) & t.mask
	}
	if 2*(t.len()+1) > len(t.slots) {
		return 0, false, false
	}
	id = uint32(t.len())
	t.arena = append(t.arena, k...)
	t.off = append(t.off, uint32(len(t.arena)))
	t.slots[h] = id + 1
	return id, true, true
}

// get returns the number of key k.
func (t *strIndex) get(k string) (uint32, bool) {
	h := uint32(maphash.String(t.seed, k)) & t.mask
	for {
		s := t.slots[h]
		if s == 0 {
			return 0, false
		}
		if string(t.keyBytes(s-1)) == k {
			return s - 1, true
		}
		h = (h + 1) & t.mask
	}
}

// getBytes is get for a byte slice.
func (t *strIndex) getBytes(k []byte) (uint32, bool) {
	h := uint32(maphash.Bytes(t.seed, k)) & t.mask
	for {
		s := t.slots[h]
		if s == 0 {
			return 0, false
		}
		if string(t.keyBytes(s-1)) == string(k) {
			return s - 1, true
		}
		h = (h + 1) & t.mask
	}
}
