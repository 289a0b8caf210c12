package spell

import (
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

// Misspelling reports whether word is a known misspelling with exactly
// one correction (client9/misspell's list), and returns that correction
// with word's capitalisation. A word this dictionary accepts is never a
// misspelling, whatever the list says, so a safe fix never rewrites a
// correct word.
func (d *Dict) Misspelling(word string) (string, bool) {
	w := normApos(word)
	fix, ok := d.b.misspellings()[strings.ToLower(w)]
	if !ok || d.Check(word).Status != Unknown {
		return "", false
	}
	if shape := shapeOf(w); shape == shapeMixed {
		return "", false
	}
	return matchCase(fix, w), true
}
