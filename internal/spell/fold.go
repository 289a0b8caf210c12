package spell

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// fold returns the case- and diacritic-folded key of w: lower case, with
// combining marks removed after canonical decomposition, and the curly
// apostrophe as a straight one. Letters that do not decompose but that
// writers commonly type without their stroke (ł, ø, đ, ß, æ, œ, ı) are
// spelled out too, so that "Lodz" meets "Łódź".
func fold(w string) string {
	if isLowerASCII(w) {
		return w
	}
	table := latinFolds()
	out := make([]byte, 0, len(w))
	for _, r := range w {
		switch {
		case r < utf8.RuneSelf:
			out = append(out, byte(unicode.ToLower(r)))
		case r < rune(len(table)):
			out = append(out, table[r]...)
		case r == '’' || r == '‘' || r == 'ʼ':
			out = append(out, '\'')
		default:
			return foldSlow(w)
		}
	}
	return string(out)
}

// latinFolds maps each rune below U+0250 (Latin-1 and Latin Extended A
// and B, where nearly every name in the lists falls) to its folded form,
// so that folding needs no normalisation at run time.
var latinFolds = sync.OnceValue(func() []string {
	t := make([]string, 0x250)
	for r := rune(0); r < 0x250; r++ {
		t[r] = foldSlow(string(r))
	}
	return t
})

// foldSlow is fold for any text, through canonical decomposition.
func foldSlow(w string) string {
	var b strings.Builder
	b.Grow(len(w))
	for _, r := range norm.NFD.String(w) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		switch r = unicode.ToLower(r); r {
		case '’', 'ʼ', '‘':
			b.WriteByte('\'')
		case 'ł':
			b.WriteByte('l')
		case 'ø':
			b.WriteByte('o')
		case 'đ', 'ð':
			b.WriteByte('d')
		case 'ß':
			b.WriteString("ss")
		case 'æ':
			b.WriteString("ae")
		case 'œ':
			b.WriteString("oe")
		case 'ı':
			b.WriteByte('i')
		case 'þ':
			b.WriteString("th")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isLowerASCII reports whether w has no upper-case and no non-ASCII byte,
// the common case in which w is its own folded key.
func isLowerASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}

// isASCII reports whether w has no non-ASCII byte.
func isASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// caseShape is the capitalisation pattern of a token.
type caseShape uint8

const (
	shapeLower caseShape = iota // no upper-case letter
	shapeTitle                  // first letter upper, the rest lower
	shapeUpper                  // every letter upper (at least one letter)
	shapeMixed                  // anything else: iPhone, McDonald, CiA
)

// shapeOf classifies w by its letters; other characters are ignored.
func shapeOf(w string) caseShape {
	// Most words are ASCII, whose letters are A–Z and a–z: they are
	// classified a byte at a time, without the unicode tables (the
	// linter and the candidate search ask for many shapes).
	upper, lower, letters := 0, 0, 0
	firstUpper := false
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= utf8.RuneSelf:
			return shapeOfRunes(w)
		case 'A' <= c && c <= 'Z':
			if letters == 0 {
				firstUpper = true
			}
			upper++
			letters++
		case 'a' <= c && c <= 'z':
			lower++
			letters++
		}
	}
	return shapeFrom(upper, lower, firstUpper)
}

// shapeOfRunes is shapeOf for any text.
func shapeOfRunes(w string) caseShape {
	upper, lower, letters := 0, 0, 0
	firstUpper := false
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			if letters == 0 {
				firstUpper = true
			}
			upper++
			letters++
		case unicode.IsLower(r):
			lower++
			letters++
		case unicode.IsLetter(r):
			letters++
		}
	}
	return shapeFrom(upper, lower, firstUpper)
}

// shapeFrom is the shape of a word with upper upper-case and lower
// lower-case letters, whose first letter is upper-case if firstUpper.
func shapeFrom(upper, lower int, firstUpper bool) caseShape {
	switch {
	case upper == 0:
		return shapeLower
	case lower == 0:
		return shapeUpper
	case firstUpper && upper == 1:
		return shapeTitle
	}
	return shapeMixed
}

// capitalize upper-cases the first letter of w.
func capitalize(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	if r == utf8.RuneError || unicode.IsUpper(r) {
		return w
	}
	return string(unicode.ToUpper(r)) + w[n:]
}

// lowerFirst lower-cases the first letter of w.
func lowerFirst(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	if r == utf8.RuneError || unicode.IsLower(r) {
		return w
	}
	return string(unicode.ToLower(r)) + w[n:]
}

// matchCase gives form the capitalisation of the token the user typed:
// an all-caps token gets an all-caps form, a capitalised token a
// capitalised form; forms that carry their own capitals (names, acronyms)
// keep them otherwise.
func matchCase(form, typed string) string {
	return matchShaped(form, typed, shapeOf(typed))
}

// matchShaped is matchCase for a token of the given shape.
func matchShaped(form, typed string, shape caseShape) string {
	switch shape {
	case shapeUpper:
		if utf8.RuneCountInString(typed) > 1 {
			return strings.ToUpper(form)
		}
		return capitalize(form)
	case shapeTitle, shapeMixed:
		r, _ := utf8.DecodeRuneInString(typed)
		if unicode.IsUpper(r) {
			return capitalize(form)
		}
	}
	return form
}

// normApos replaces typographic apostrophes (’ ‘ ʼ) with the straight one.
func normApos(w string) string {
	if strings.IndexByte(w, 0xE2) < 0 && strings.IndexByte(w, 0xCA) < 0 {
		return w // no ’ ‘ (E2 80 99, E2 80 98) nor ʼ (CA BC)
	}
	out := make([]byte, 0, len(w))
	for _, r := range w {
		if r == '’' || r == '‘' || r == 'ʼ' {
			out = append(out, '\'')
		} else {
			out = utf8.AppendRune(out, r)
		}
	}
	return string(out)
}
