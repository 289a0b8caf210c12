package spell

import (
	"strings"
	"sync"
)

// builtinMisspellings returns compact.bin's table of misspell's list, for
// a dictionary built from other lists: the table does not depend on them.
var builtinMisspellings = sync.OnceValues(func() (string, u32s) {
	b, err := decodeCompact(compactBlob, func([]source) bool { return true })
	if err != nil {
		return "", ""
	}
	return b.missText, b.missOff
})

// misspellingOf returns the one correction of a lower-case misspelling,
// from the sorted table of misspell's list in compact.bin.
//
// It finds the first entry not below w, comparing the first eight bytes
// of an entry and of w (padded with zero bytes) as big-endian numbers,
// and the strings only when those are equal: on many/ (17K calls) the
// search that compared the strings, and tested each probe for a match,
// cost 1,000 instructions a call. An entry is "wrong\tright": a tab sorts
// before any byte of a word, so e < w exactly when wrong < w, and an
// entry has no zero byte, so where the eight bytes differ they order e
// and w as the strings do (bytes past a short entry, from the next one,
// are never reached: it differs from w by its tab at the latest).
func (b *base) misspellingOf(w string) (string, bool) {
	text, off := b.missText, b.missOff
	kw := be64Prefix(w)
	n := off.len() - 1
	lo, hi := 0, n
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		o := int(off.at(mid))
		var less bool
		if o+8 <= len(text) {
			ke := be64(text, o)
			less = ke < kw || ke == kw && text[o:off.at(mid+1)] < w
		} else {
			less = text[o:off.at(mid+1)] < w
		}
		if less {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < n {
		e := text[off.at(lo):off.at(lo+1)]
		if len(e) > len(w) && e[len(w)] == '\t' && e[:len(w)] == w {
			return e[len(w)+1:], true
		}
	}
	return "", false
}

// be64 reads s[i:i+8] as a big-endian number.
func be64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0])<<56 | uint64(s[1])<<48 | uint64(s[2])<<40 | uint64(s[3])<<32 |
		uint64(s[4])<<24 | uint64(s[5])<<16 | uint64(s[6])<<8 | uint64(s[7])
}

// be64Prefix is be64 of w's first eight bytes, padded with zero bytes.
func be64Prefix(w string) uint64 {
	if len(w) >= 8 {
		return be64(w, 0)
	}
	var k uint64
	for i := 0; i < len(w); i++ {
		k |= uint64(w[i]) << (56 - 8*i)
	}
	return k
}

// Misspelling reports whether word is a known misspelling with exactly
// one correction (client9/misspell's list), and returns that correction
// with word's capitalisation. A word this dictionary accepts is never a
// misspelling, whatever the list says, so a safe fix never rewrites a
// correct word.
func (d *Dict) Misspelling(word string) (string, bool) {
	w := normApos(word)
	fix, ok := d.b.misspellingOf(strings.ToLower(w))
	if !ok || d.Check(word).Status != Unknown {
		return "", false
	}
	if shape := shapeOf(w); shape == shapeMixed {
		return "", false
	}
	return matchCase(fix, w), true
}
