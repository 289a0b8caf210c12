package spell

import (
	"slices"
	"strings"

	"github.com/client9/misspell"
)

// misspellings returns client9/misspell's main list as a map from a
// misspelling to its one correction; misspellings listed with several
// different corrections are left out, as are entries with spaces.
func (b *base) misspellings() map[string]string {
	b.missOnce.Do(func() {
		m := make(map[string]string, len(misspell.DictMain)/2)
		ambiguous := map[string]bool{}
		for i := 0; i+1 < len(misspell.DictMain); i += 2 {
			wrong, right := misspell.DictMain[i], misspell.DictMain[i+1]
			if strings.ContainsAny(wrong, " ") || strings.ContainsAny(right, " ") {
				continue
			}
			if old, ok := m[wrong]; ok && old != right {
				ambiguous[wrong] = true
			}
			m[wrong] = right
		}
		for w := range ambiguous {
			delete(m, w)
		}
		b.miss = m
	})
	return b.miss
}

// misspellingOf returns the one correction of a lower-case misspelling:
// from the sorted table in compact.bin, or else from the map built from
// misspell's list.
func (b *base) misspellingOf(w string) (string, bool) {
	if b.missOff == "" {
		fix, ok := b.misspellings()[w]
		return fix, ok
	}
	lo, hi := 0, b.missOff.len()-1
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		e := b.missText[b.missOff.at(mid):b.missOff.at(mid+1)]
		wrong, right, _ := strings.Cut(e, "\t")
		switch {
		case wrong == w:
			return right, true
		case wrong < w:
			lo = mid + 1
		default:
			hi = mid
		}
	}
	return "", false
}

// misspellingTable encodes misspellings() sorted, as "wrong\tright"
// entries and their offsets, for compact.bin.
func (b *base) misspellingTable() (text string, off []uint32) {
	m := b.misspellings()
	wrongs := make([]string, 0, len(m))
	for w := range m {
		wrongs = append(wrongs, w)
	}
	slices.Sort(wrongs)
	var sb strings.Builder
	off = append(off, 0)
	for _, w := range wrongs {
		sb.WriteString(w)
		sb.WriteByte('\t')
		sb.WriteString(m[w])
		off = append(off, uint32(sb.Len()))
	}
	return sb.String(), off
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
