package prose

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// TestJoinedEnd checks joinedEnd against wordEndFrom: wherever it finds a
// word's end, wordEndFrom finds the same, on random words of parts joined
// by hyphens, apostrophes, dots and commas, with text outside ASCII.
func TestJoinedEnd(t *testing.T) {
	parts := []string{"a", "Bc", "de", "xyzw", "1", "23", "456", "abcdefg", "abcdefgh", "ij9k", "é", "’", ""}
	glue := []string{"-", "-", "'", "'", ".", ",", " ", "\n", ";", "’", "—", "\x00", "-.", "'-", "' "}
	r := rand.New(rand.NewPCG(7, 11))
	found := 0
	for range 100_000 {
		var sb strings.Builder
		sb.WriteString(parts[r.IntN(len(parts)-3)]) // letters or digits first
		for range r.IntN(5) {
			sb.WriteString(glue[r.IntN(len(glue))])
			sb.WriteString(parts[r.IntN(len(parts))])
		}
		src := sb.String()
		text := src + strings.Repeat("\x00", 16)
		e := len(src) - r.IntN(3)
		// The end of the first run of letters and digits, as token has it.
		j := 0
		for j < e && isAlnum[text[j]] {
			j++
		}
		if j >= e || !wordGlue[text[j]] {
			continue
		}
		got := joinedEnd(text, j, e)
		if got < 0 {
			continue
		}
		found++
		if want := wordEndFrom(text, 0, j, e); got != want {
			t.Fatalf("joinedEnd(%q, %d, %d) = %d, wordEndFrom %d", src, j, e, got, want)
		}
	}
	if found < 5_000 {
		t.Errorf("only %d words joined", found)
	}
}

// TestCaseFlags checks the flags vocab.add lists a new type's text with
// (cased) against a byte-by-byte reading, for texts at every offset of
// random strings of ASCII letters, digits and bytes outside ASCII (up to
// 40 bytes: past the keys too), numbered through lookup as finish numbers
// the lower-case forms. (builder.first, which lists ASCII words of fewer
// than sixteen bytes by hand, is checked through Lower in
// checkVocabulary.)
func TestCaseFlags(t *testing.T) {
	const alphabet = "aZAz@[`{09-'.é\xff\x80Ä"
	r := rand.New(rand.NewPCG(3, 5))
	for range 20_000 {
		b := make([]byte, r.IntN(40))
		for k := range b {
			b[k] = alphabet[r.IntN(len(alphabet))]
		}
		s := string(b)
		if len(s) == 0 {
			continue
		}
		i := r.IntN(len(s))
		n := 1 + r.IntN(len(s)-i)
		upper, ascii := false, true
		for _, c := range []byte(s[i : i+n]) {
			upper = upper || c >= 'A' && c <= 'Z'
			ascii = ascii && c < 0x80
		}
		var v vocab
		v.init(s, 8)
		id := v.lookup(s, i, n)
		var got uint32 // (a text listed in cased has flags; others none)
		if len(v.cased) > 0 {
			if v.cased[0]>>2 != id {
				t.Fatalf("%q[%d:%d]: cased lists type %d, not %d", s, i, i+n, v.cased[0]>>2, id)
			}
			got = v.cased[0] & 3
		}
		if got&2 == 0 != ascii || ascii && got&1 != 0 != upper {
			t.Fatalf("%q[%d:%d]: flags %d; upper %v, ASCII %v", s, i, i+n, got, upper, ascii)
		}
	}
}

// TestGeneralPunctuation checks that nonASCII's early case for the marks
// from ‐ to ‧ takes only characters its later cases make punctuation
// tokens of.
func TestGeneralPunctuation(t *testing.T) {
	for r := '‐'; r <= '‧'; r++ {
		if r == '‘' || r == '’' || r == '…' {
			continue
		}
		if unicode.IsSpace(r) || isSymbolLetter(r) || unicode.IsLetter(r) || unicode.IsDigit(r) || isInvisible(r) {
			t.Errorf("%U is no plain punctuation mark", r)
		}
		d := Parse("p", []byte("a "+string(r)+" b"), Plain)
		if len(d.Tokens) != 3 || d.Tokens[1].Kind() != Punct || d.TokenText(1) != string(r) {
			t.Errorf("%U: tokens %q", r, words(d))
		}
	}
}
