package spell

import "strings"

// metaphone returns a simplified Metaphone key of a folded (lower-case,
// ASCII) word: consonant sounds only, with the usual English spelling
// rules (ph=f, ck=k, soft c and g, silent k in kn, gh and w/y before
// consonants, th as '0'), and a leading vowel kept as 'A'. Two words with
// the same key are sound-alike candidates even when many edits apart (a
// typo of "accommodate" with one m, "definitely" spelt with an a).
func metaphone(w string) string {
	// Letters only; doubled letters sound as one (except cc: "accept").
	s := make([]byte, 0, len(w))
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c < 'a' || c > 'z' {
			continue
		}
		if n := len(s); n > 0 && s[n-1] == c && c != 'c' {
			continue
		}
		s = append(s, c)
	}
	if len(s) == 0 {
		return ""
	}
	at := func(i int) byte {
		if i < 0 || i >= len(s) {
			return 0
		}
		return s[i]
	}
	vowel := func(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }
	front := func(c byte) bool { return c == 'e' || c == 'i' || c == 'y' }

	var k strings.Builder
	i := 0
	switch {
	case len(s) > 1 && (s[0] == 'k' || s[0] == 'g' || s[0] == 'p') && s[1] == 'n',
		len(s) > 1 && s[0] == 'a' && s[1] == 'e',
		len(s) > 1 && s[0] == 'w' && s[1] == 'r':
		i = 1
	case s[0] == 'x':
		k.WriteByte('S')
		i = 1
	case len(s) > 1 && s[0] == 'w' && s[1] == 'h':
		k.WriteByte('W')
		i = 2
	}
	for ; i < len(s); i++ {
		c := s[i]
		prev, next := at(i-1), at(i+1)
		switch c {
		case 'a', 'e', 'i', 'o', 'u':
			if i == 0 {
				k.WriteByte('A')
			}
		case 'b':
			if prev != 'm' || i != len(s)-1 {
				k.WriteByte('B')
			}
		case 'c':
			switch {
			case next == 'i' && at(i+2) == 'a':
				k.WriteByte('X')
			case next == 'h':
				if prev == 's' {
					k.WriteByte('K')
				} else {
					k.WriteByte('X')
				}
				i++
			case front(next):
				if prev != 's' {
					k.WriteByte('S')
				}
			case next == 'k':
				k.WriteByte('K')
				i++
			default:
				k.WriteByte('K')
			}
		case 'd':
			if next == 'g' && front(at(i+2)) {
				k.WriteByte('J')
				i++
			} else {
				k.WriteByte('T')
			}
		case 'g':
			switch {
			case next == 'h' && !vowel(at(i+2)) && i+2 < len(s):
				i++ // silent: "night"
			case next == 'n' && (i+2 == len(s) || (at(i+2) == 'e' && at(i+3) == 'd' && i+4 == len(s))):
				// silent: "sign", "signed"
			case front(next):
				k.WriteByte('J')
			default:
				k.WriteByte('K')
			}
		case 'h':
			if vowel(next) && !strings.ContainsRune("cgpst", rune(prev)) {
				k.WriteByte('H')
			}
		case 'k':
			if prev != 'c' {
				k.WriteByte('K')
			}
		case 'p':
			if next == 'h' {
				k.WriteByte('F')
				i++
			} else {
				k.WriteByte('P')
			}
		case 'q':
			k.WriteByte('K')
		case 's':
			switch {
			case next == 'h':
				k.WriteByte('X')
				i++
			case next == 'i' && (at(i+2) == 'o' || at(i+2) == 'a'):
				k.WriteByte('X')
			default:
				k.WriteByte('S')
			}
		case 't':
			switch {
			case next == 'i' && (at(i+2) == 'o' || at(i+2) == 'a'):
				k.WriteByte('X')
			case next == 'h':
				k.WriteByte('0')
				i++
			case next == 'c' && at(i+2) == 'h':
				// silent: "watch"
			default:
				k.WriteByte('T')
			}
		case 'v':
			k.WriteByte('F')
		case 'w', 'y':
			if vowel(next) {
				k.WriteByte(c - 'a' + 'A')
			}
		case 'x':
			k.WriteString("KS")
		case 'z':
			k.WriteByte('S')
		default: // f j l m n r
			k.WriteByte(c - 'a' + 'A')
		}
	}
	return k.String()
}
