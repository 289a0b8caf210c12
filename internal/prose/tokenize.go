package prose

import (
	"unicode"
	"unicode/utf8"
)

// tokenize appends the tokens of text[s.Start:s.End] to toks. It allocates
// nothing beyond toks' growth.
func tokenize(text string, s Span, toks []Token) []Token {
	i := s.Start
	for i < s.End {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
				i++
				continue
			case isASCIIAlnum(c):
				end := wordEnd(text, i, s.End)
				toks = append(toks, Token{Span: Span{i, end}, Kind: kindOf(c)})
				i = end
				continue
			case c == '.':
				end := i + 1
				for end < s.End && text[end] == '.' {
					end++
				}
				toks = append(toks, Token{Span: Span{i, end}, Kind: Punct})
				i = end
				continue
			case c == '\'':
				if end, ok := decade(text, i, 1, s.End); ok {
					toks = append(toks, Token{Span: Span{i, end}, Kind: Number})
					i = end
					continue
				}
			}
			toks = append(toks, Token{Span: Span{i, i + 1}, Kind: Punct})
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			i++ // invalid byte: recorded in Document.Invalid, never part of a token
		case unicode.IsSpace(r):
			i += size
		case isSymbolLetter(r):
			// ƒ (florin, function) and º are letters to Unicode but symbols
			// in prose, and PDF extraction leaves ƒ as a bullet glyph.
			toks = append(toks, Token{Span: Span{i, i + size}, Kind: Punct})
			i += size
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			end := wordEnd(text, i, s.End)
			toks = append(toks, Token{Span: Span{i, end}, Kind: kindOfRune(r)})
			i = end
		case r == '’' || r == '‘':
			if end, ok := decade(text, i, size, s.End); ok {
				toks = append(toks, Token{Span: Span{i, end}, Kind: Number})
				i = end
				continue
			}
			toks = append(toks, Token{Span: Span{i, i + size}, Kind: Punct})
			i += size
		case isInvisible(r):
			// Zero-width and bidirectional controls are not tokens; the
			// mechanics rules look for them in the source directly.
			i += size
		default:
			toks = append(toks, Token{Span: Span{i, i + size}, Kind: Punct})
			i += size
		}
	}
	return toks
}

func isASCIIAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func kindOf(c byte) TokenKind {
	if c >= '0' && c <= '9' {
		return Number
	}
	return Word
}

func kindOfRune(r rune) TokenKind {
	if unicode.IsDigit(r) {
		return Number
	}
	return Word
}

func isSymbolLetter(r rune) bool { return r == 'ƒ' || r == 'º' || r == 'ª' }

// isInvisible reports format characters that render as nothing.
func isInvisible(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad':
		return true
	}
	return r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069' || r == '\u200e' || r == '\u200f'
}

// decade matches an elided century such as '80s or ’80s at i, where the
// apostrophe is size bytes long.
func decade(text string, i, size, end int) (int, bool) {
	j := i + size
	if j+3 <= end && isDigit(text[j]) && isDigit(text[j+1]) && text[j+2] == 's' {
		if j+3 == end || !isWordByte(text, j+3, end) {
			return j + 3, true
		}
	}
	return 0, false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isWordByte(text string, i, end int) bool {
	if i >= end {
		return false
	}
	c := text[i]
	if c < utf8.RuneSelf {
		return isASCIIAlnum(c)
	}
	r, _ := utf8.DecodeRuneInString(text[i:end])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// wordEnd returns the end of the word or number starting at i: letters,
// digits and combining marks, joined by inner apostrophes, hyphens, decimal
// points and thousands separators, and the dots of an abbreviation (U.S.,
// e.g.).
func wordEnd(text string, i, end int) int {
	partStart := i
	letters := 0 // letters in the current part, for abbreviation dots
	dotted := false
	for i < end {
		c := text[i]
		if c < utf8.RuneSelf {
			if isASCIIAlnum(c) {
				i++
				letters++
				continue
			}
			switch c {
			case '\'', '-':
				if isWordByte(text, i+1, end) {
					i++
					partStart, letters = i, 0
					continue
				}
			case '.':
				// A decimal point: 2.5, 1.2.3.
				if i > partStart && isDigit(text[i-1]) && i+1 < end && isDigit(text[i+1]) {
					i++
					continue
				}
				// Abbreviation dots join one- or two-letter parts: U.S., e.g., a.m.
				if letters >= 1 && letters <= 2 && isWordByte(text, i+1, end) && i+2 <= end && (i+2 == end || text[i+2] == '.' || (i+3 < end && text[i+3] == '.' && isWordByte(text, i+2, end))) {
					i++
					partStart, letters, dotted = i, 0, true
					continue
				}
				if dotted && letters >= 1 && letters <= 2 {
					return i + 1 // the final dot of U.S.
				}
			case ',':
				// Thousands separator: 1,200 and 2,216,668.
				if i > partStart && isDigit(text[i-1]) && i+3 < end &&
					isDigit(text[i+1]) && isDigit(text[i+2]) && isDigit(text[i+3]) &&
					(i+4 >= end || !isDigit(text[i+4])) {
					i++
					continue
				}
			}
			return i
		}
		r, size := utf8.DecodeRuneInString(text[i:end])
		switch {
		case (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)) && !isSymbolLetter(r):
			i += size
			letters++
		case r == '’' || r == '‐' || r == '‑':
			if isWordByte(text, i+size, end) {
				i += size
				partStart, letters = i, 0
				continue
			}
			return i
		case r == '\u00ad': // soft hyphen
			i += size
		default:
			return i
		}
	}
	return i
}
