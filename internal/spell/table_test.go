package spell

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// checkIndex checks that t finds each of keys (added in order) with its
// own number and marks, in both its own and its builder's lookups, and
// finds none of others.
func checkIndex(t *testing.T, b *indexBuilder, x *strIndex, keys, others []string, mark func(uint32) uint8) {
	t.Helper()
	if x.len() != len(keys) {
		t.Fatalf("index has %d keys, want %d", x.len(), len(keys))
	}
	for i, k := range keys {
		id, ok := x.get(k)
		idb, okb := x.getBytes([]byte(k))
		idw, okw := b.getBytes([]byte(k))
		if !ok || id != uint32(i) || !okb || idb != id || !okw || idw != id {
			t.Fatalf("key %d %q: get %d %v, getBytes %d %v, builder %d %v", i, k, id, ok, idb, okb, idw, okw)
		}
		e := x.probe(k)
		if x.key(id) != k || slotID(e) != id || slotMark(e) != mark(id) {
			t.Fatalf("key %d %q: key %q, entry %#x, mark want %d", i, k, x.key(id), e, mark(id))
		}
	}
	for _, k := range others {
		if id, ok := x.get(k); ok {
			t.Fatalf("non-key %q found as key %d %q", k, id, x.key(id))
		}
		if _, ok := x.getBytes([]byte(k)); ok {
			t.Fatalf("non-key %q found by getBytes", k)
		}
		if _, ok := b.getBytes([]byte(k)); ok {
			t.Fatalf("non-key %q found by the builder", k)
		}
	}
}

// buildIndex adds keys to a builder sized for them and finishes it with
// marks from their numbers.
func buildIndex(t *testing.T, keys []string) (*indexBuilder, *strIndex, func(uint32) uint8) {
	t.Helper()
	b := newIndexBuilder(len(keys), 0)
	for i, k := range keys {
		id, added, ok := b.add(k)
		if !ok || !added || id != uint32(i) {
			t.Fatalf("add %q: %d %v %v", k, id, added, ok)
		}
		if id, added, ok := b.add(k); !ok || added || id != uint32(i) {
			t.Fatalf("add %q again: %d %v %v", k, id, added, ok)
		}
	}
	mark := func(id uint32) uint8 { return uint8(id*7) & maxMark }
	return b, b.index(mark), mark
}

// TestIndexLookups checks the index on keys whose slots the probes must
// tell apart by the arena, not their tags and lengths: keys of one
// length sharing a tag, in a table small enough that their probe runs
// meet, besides long keys (whose length a slot does not hold), the empty
// key, and random words.
func TestIndexLookups(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	word := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte('a' + rng.IntN(26))
		}
		return string(b)
	}
	// Keys of length 5 grouped by tag: the largest groups collide on
	// everything a slot holds.
	byTag := map[uint64][]string{}
	seen := map[string]bool{}
	for range 20000 {
		w := word(5)
		if !seen[w] {
			seen[w] = true
			h := keyHash(w)
			byTag[h>>(64-tagBits)] = append(byTag[h>>(64-tagBits)], w)
		}
	}
	var keys, others []string
	for _, ws := range byTag {
		if len(ws) >= 400 {
			keys = append(keys, ws[:len(ws)/2]...)
			others = append(others, ws[len(ws)/2:]...)
		}
	}
	if len(keys) < 50 {
		t.Fatalf("only %d keys share tags", len(keys))
	}
	keys = append(keys, "", strings.Repeat("x", longLen-1), strings.Repeat("x", longLen), strings.Repeat("y", longLen+40))
	others = append(others, strings.Repeat("x", longLen+1), strings.Repeat("y", longLen), "xx")
	for range 300 {
		if w := word(1 + rng.IntN(12)); !seen[w] {
			seen[w] = true
			keys = append(keys, w)
		}
		if w := word(1 + rng.IntN(12)); !seen[w] {
			seen[w] = true
			others = append(others, w)
		}
	}
	b, x, mark := buildIndex(t, keys)
	checkIndex(t, b, x, keys, others, mark)

	shared := 0
	for i := 0; i < x.slots.len(); i++ {
		s := x.slots.at(i)
		n := x.slots.at((i + 1) & int(x.mask))
		if s != 0 && n != 0 && s&matchMask == n&matchMask {
			shared++
		}
	}
	if shared == 0 {
		t.Error("no neighbouring slots share a tag and length: the test tests nothing")
	}
}

// TestIndexFull checks that a builder refuses keys beyond what its slots
// can hold rather than storing a truncated field.
func TestIndexFull(t *testing.T) {
	b := newIndexBuilder(4, 0)
	b.arena = strings.Repeat("a", maxArena+1) // as if the arena were full
	if _, _, ok := b.add("word"); ok {
		t.Error("a key past the arena's reach was added")
	}
}

// TestBuiltinIndex checks the built-in dictionary's index: every key is
// found with its own number and the marks of its lists and other forms,
// and Check's exact-form test, which reads those marks, agrees with one
// reading the lists themselves.
func TestBuiltinIndex(t *testing.T) {
	b := Builtin().b
	x := b.keys
	for i := 0; i < x.len(); i++ {
		k := x.key(uint32(i))
		s := x.probe(k)
		if s == 0 || slotID(s) != uint32(i) {
			t.Fatalf("key %d %q: entry %#x", i, k, s)
		}
		var title entryFlag // the lists of the capitalised form of a lower-case ASCII key
		if k != "" && 'a' <= k[0] && k[0] <= 'z' && isLowerASCII(k) {
			title = flagsByLists(b, capitalize(k))
		}
		if want := keyMark(entryFlag(b.self[i]), b.altHead.at(i) != 0, title); slotMark(s) != want {
			t.Fatalf("key %d %q: mark %d, want %d", i, k, slotMark(s), want)
		}
		for _, other := range []string{k + "q", "q" + k, k[:len(k)/2]} {
			id, ok := x.get(other)
			if ok != (x.key(id) == other) || ok && b.keys.key(id) != other {
				t.Fatalf("%q found as key %d %q", other, id, x.key(id))
			}
		}
	}
	var words []string
	for i := 0; i < x.len(); i += 7 {
		k := x.key(uint32(i))
		words = append(words, k, capitalize(k), strings.ToUpper(k))
		b.forms(uint32(i), func(form string, _ entryFlag) bool {
			words = append(words, form, strings.ToLower(form))
			return true
		})
	}
	words = append(words, "Zelníčková", "zelnickova", "ZELNÍČKOVÁ", "Æsir", "straße", "naïve", "Naïve")
	for _, w := range words {
		if got, want := b.flagsOf(w), flagsByLists(b, w); got != want {
			t.Errorf("flagsOf(%q) = %d, the lists say %d", w, got, want)
		}
	}
}

// flagsByLists is flagsOf reading the lists' arrays rather than the
// index's marks.
func flagsByLists(b *base, w string) entryFlag {
	id, ok := b.keys.get(fold(w))
	if !ok {
		return 0
	}
	if b.keys.key(id) == w {
		return entryFlag(b.self[id])
	}
	for a := b.altHead.at(int(id)); a != 0; a = b.altNext.at(int(a - 1)) {
		if b.altForm(a-1) == w {
			return entryFlag(b.altFlags[a-1])
		}
	}
	return 0
}

// TestSlotFields checks that the slot's and the entry's fields hold
// their largest values without spilling into each other.
func TestSlotFields(t *testing.T) {
	h := ^uint64(0)
	if s := maxArena | matchOf(longLen+10, h); s&maxArena != maxArena || s&matchMask != matchOf(longLen, h) || tagBits < 4 {
		t.Errorf("slot %#x does not hold its fields", s)
	}
	e := uint32(maxKeys) | maxMark<<idBits
	if slotID(e) != maxKeys || slotMark(e) != maxMark || e>>(8*entryLen) != 0 || e&found != 0 {
		t.Errorf("entry %#x does not hold its fields", e)
	}
}

// TestFindAllocatesNothing: an ASCII word's key is looked up as a string
// or as the bytes of a stack buffer (probeKey), never converted: Check
// runs once per distinct word of a draft. (A word outside ASCII is folded
// into a new string first.)
func TestFindAllocatesNothing(t *testing.T) {
	b := Builtin().b
	for _, w := range []string{"analysis", "Czech", "WORLD", "Zzqx", "KGB"} {
		if n := testing.AllocsPerRun(100, func() { b.find(w) }); n != 0 {
			t.Errorf("find(%q): %v allocations", w, n)
		}
	}
}

// TestIndexBuilderHoldsCapacity: a builder made for n keys takes n
// distinct keys, for every n up to 3,000 (sized for a load of four fifths
// while add stops at three quarters, it refused the last of 25, 49, 97 to
// 100 and 198 other counts: Load failed on such lists, "word index
// full").
func TestIndexBuilderHoldsCapacity(t *testing.T) {
	for n := 1; n <= 3000; n++ {
		b := newIndexBuilder(n, 0)
		for i := range n {
			if _, _, ok := b.add("w" + strconv.Itoa(i)); !ok {
				t.Fatalf("a builder for %d keys is full at key %d", n, i+1)
			}
		}
	}
}
