package spell

import "hash/maphash"

// strIndex is an open-addressing hash set of distinct strings, each
// numbered in the order it was added. The keys are substrings of the
// embedded lists wherever possible, so building allocates little, and a
// []byte is looked up without converting it, which keeps Check
// allocation-free.
type strIndex struct {
	keys  []string
	slots []uint32 // 0 empty, else key number + 1
	mask  uint32
	seed  maphash.Seed
}

// newStrIndex makes an index for at most capacity keys; it never grows.
func newStrIndex(capacity int) *strIndex {
	size := 16
	for size < capacity+capacity/2 {
		size <<= 1
	}
	return &strIndex{
		keys:  make([]string, 0, capacity),
		slots: make([]uint32, size),
		mask:  uint32(size - 1),
		seed:  maphash.MakeSeed(),
	}
}

func (t *strIndex) len() int { return len(t.keys) }

func (t *strIndex) key(i uint32) string { return t.keys[i] }

// add returns the number of key k, adding it if new, and whether it was
// added; ok is false when the index is full.
func (t *strIndex) add(k string) (id uint32, added, ok bool) {
	h := uint32(maphash.String(t.seed, k)) & t.mask
	for {
		s := t.slots[h]
		if s == 0 {
			break
		}
		if t.keys[s-1] == k {
			return s - 1, false, true
		}
		h = (h + 1) & t.mask
	}
	if 4*(len(t.keys)+1) > 3*len(t.slots) {
		return 0, false, false
	}
	id = uint32(len(t.keys))
	t.keys = append(t.keys, k)
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
		if t.keys[s-1] == k {
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
		if t.keys[s-1] == string(k) {
			return s - 1, true
		}
		h = (h + 1) & t.mask
	}
}
