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
func (b *base) misspellingOf(w string) (string, bool) {
	lo, hi := 0, b.missOff.len()-1
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		// An entry is "wrong\tright": a tab sorts before any byte of a
		// word, so e < w exactly when wrong < w.
		e := b.missText[b.missOff.at(mid):b.missOff.at(mid+1)]
		switch {
		case len(e) > len(w) && e[len(w)] == '\t' && e[:len(w)] == w:
			return e[len(w)+1:], true
		case e < w:
			lo = mid + 1
		default:
			hi = mid
		}
	}
	return "", false
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
