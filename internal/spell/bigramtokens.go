package spell

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// BigramTokens splits text into lower-case words, with "" wherever a
// bigram must not span (punctuation other than quotes and brackets,
// digits). dict/gen/bigrams counts dict/en-bigrams.txt with it, so text
// split by it meets the table on the same terms.
func BigramTokens(text string) []string {
	var out []string
	var word strings.Builder
	bad := false // the current run has a digit
	flush := func() {
		if word.Len() > 0 {
			if bad {
				out = append(out, "")
			} else {
				out = append(out, strings.ToLower(word.String()))
			}
			word.Reset()
		}
		bad = false
	}
	for i, r := range text {
		switch {
		case unicode.IsLetter(r):
			word.WriteRune(r)
		case unicode.IsDigit(r):
			word.WriteRune(r)
			bad = true
		case (r == '\'' || r == '’' || r == '-') && word.Len() > 0 && bigramNextIsLetter(text[i+utf8.RuneLen(r):]):
			if r == '’' {
				r = '\''
			}
			word.WriteRune(r)
		default:
			flush()
			if !unicode.IsSpace(r) && !bigramTransparent(r) {
				out = append(out, "")
			}
		}
	}
	flush()
	return out
}

func bigramNextIsLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// bigramTransparent reports the marks skipped between two words: quotes and
// brackets.
func bigramTransparent(r rune) bool {
	return strings.ContainsRune("\"'`‘’“”«»()[]{}", r)
}
