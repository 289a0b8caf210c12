package prose

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestTokenizeFastPath checks tokenize's inline paths against token alone:
// a paragraph at the end of its text, with fewer than sixteen bytes after
// it, is read by token one token at a time; the same paragraph followed by
// another is read by tokenize's loop. Its tokens must be the same: texts,
// kinds and IDs (checkVocabulary). The paragraphs are random words and
// numbers of letters and digits (mixed too, and past eight and sixteen
// bytes), joined by glue, spaces, punctuation and text outside ASCII.
func TestTokenizeFastPath(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 8))
	const after = "\n\nAnother paragraph of words, long enough to follow it.\n"
	fast := 0
	for range 20_000 {
		src := randomParagraph(r)
		if src == "" {
			continue
		}
		slow := Parse("s", exactBytes(src), Plain)
		d := Parse("f", []byte(src+after), Plain)
		checkVocabulary(t, d)
		if len(d.Tokens) < len(slow.Tokens) {
			t.Fatalf("%q: %d tokens followed, %d alone", src, len(d.Tokens), len(slow.Tokens))
		}
		sameTokens(t, fmt.Sprintf("%q followed", src), d, slow, false)
		if len(slow.Tokens) > 0 && d.TokenStart(len(slow.Tokens)-1) < len(src) {
			fast++
		}
	}
	if fast < 10_000 {
		t.Errorf("only %d paragraphs compared", fast)
	}
}

// randomParagraph is a paragraph of random words and numbers for
// TestTokenizeFastPath and TestReadAhead.
func randomParagraph(r *rand.Rand) string {
	parts := []string{"a", "Bc", "the", "word", "Zebra", "abcdefg", "abcdefgh", "abcdefghi",
		"Internationally", "abcdefghijklmnop", "abcdefghijklmnopq", "1", "23", "1990", "1990s",
		"6th", "12345678", "123456789", "x12", "ab9cd", "abcdefgh7", "abcdefg7ijk", "Z9", "é", "Ä", "’",
		"ߊ", "ۀ", "\xff", "\xfb"}
	glue := []string{"", "", " ", " ", " ", "  ", "\n", "\t", "-", "'", ".", ",", ", ", ". ", "...", "!", "? ",
		": ", "(", ") ", "\x00", "’", "—", " é", "\u200b", "'80s ", ".5 ", ",000 "}
	var sb strings.Builder
	for range 1 + r.IntN(8) {
		sb.WriteString(parts[r.IntN(len(parts))])
		sb.WriteString(glue[r.IntN(len(glue))])
	}
	return strings.TrimSpace(sb.String())
}

// sameTokens fails t unless the first tokens of d, as many as want has,
// are want's: their starts, texts and kinds, and their IDs too if ids.
func sameTokens(t *testing.T, what string, d, want *Document, ids bool) {
	t.Helper()
	for i := range want.Tokens {
		if d.TokenStart(i) != want.TokenStart(i) || d.TokenText(i) != want.TokenText(i) || d.Tokens[i].Kind() != want.Tokens[i].Kind() ||
			ids && d.Tokens[i].ID() != want.Tokens[i].ID() {
			t.Fatalf("%s: token %d %q (%v, ID %d), %q (%v, ID %d) alone", what, i, d.TokenText(i), d.Tokens[i].Kind(), d.Tokens[i].ID(),
				want.TokenText(i), want.Tokens[i].Kind(), want.Tokens[i].ID())
		}
	}
}

// exactBytes is src as bytes with no capacity past them: nothing to read
// ahead (see readableEnd).
func exactBytes(src string) []byte {
	b := []byte(src)
	return b[:len(b):len(b)]
}

// TestReadAhead checks that the bytes past a source's end, read when its
// capacity holds them (readableEnd), make no token: a paragraph alone,
// with nothing past it, and the same paragraph with ReadAhead bytes or
// more of letters, dots, glue, spaces or bytes outside ASCII in the
// capacity past it, read by tokenize's loop, must have the same tokens.
func TestReadAhead(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 2))
	const junk = "a.Z9 -',\xffé.\n"
	read := 0
	for range 20_000 {
		src := randomParagraph(r)
		if src == "" {
			continue
		}
		alone := Parse("a", exactBytes(src), Plain)
		b := make([]byte, len(src), len(src)+ReadAhead+r.IntN(8))
		copy(b, src)
		tail := b[len(b):cap(b)]
		c := junk[r.IntN(len(junk))]
		for k := range tail {
			if r.IntN(3) == 0 {
				c = junk[r.IntN(len(junk))]
			}
			tail[k] = c
		}
		d := Parse("b", b, Plain)
		if readableEnd(d) > len(src) {
			read++
		}
		checkVocabulary(t, d)
		if len(d.Tokens) != len(alone.Tokens) {
			t.Fatalf("%q + %q: %d tokens, %d alone", src, tail, len(d.Tokens), len(alone.Tokens))
		}
		sameTokens(t, fmt.Sprintf("%q + %q", src, tail), d, alone, true)
	}
	if read < 10_000 {
		t.Errorf("only %d paragraphs read ahead", read)
	}
}

// TestNotLetter checks notLetter's lowest set bit against the ASCII
// letters for every byte at every place of a word, as TestNotAlnum does
// notAlnum's.
func TestNotLetter(t *testing.T) {
	isLetter := func(c int) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
	checkStopMask(t, "notLetter", notLetter, "aZbYmQzA", []uint64{0, 0xff, 0x80, 0x7a, 0x30, 0x5b, 0xe1}, isLetter)
}

// TestTokenSliceGrows covers the bases' room when the token slice grows
// while a document is tokenized: a small text is estimated at a token in
// four bytes, and these lines hold one a byte or two, so token grows the
// slice in the middle of a line and tokenize, at the lines after it,
// relies on the bases it left room for (it no longer makes room at each
// span). Every token must start where the text says.
func TestTokenSliceGrows(t *testing.T) {
	for _, line := range []string{"a,b.c;d:e(f)g!h?i", "ab cd ef gh ij kl", "a-b-c-d a'b'c'd"} {
		for _, lines := range []int{1, 3, 40, 200} {
			src := strings.Repeat(line+"\n", lines)
			d := Parse("g", []byte(src), Plain)
			checkVocabulary(t, d)
			var want []string
			for _, l := range strings.Split(strings.TrimSpace(src), "\n") {
				want = append(want, words(Parse("l", []byte(l), Plain))...)
			}
			if got := words(d); strings.Join(got, "|") != strings.Join(want, "|") {
				t.Fatalf("%q × %d: tokens %q, want %q", line, lines, got, want)
			}
			for i := range d.Tokens {
				if s := d.TokenStart(i); src[s:s+len(d.TokenText(i))] != d.TokenText(i) {
					t.Fatalf("%q × %d: token %d %q starts at %d", line, lines, i, d.TokenText(i), s)
				}
			}
		}
	}
}

// TestAlnumUpper checks alnumUpper against the upper-case letters of
// every word of ASCII letters and digits of up to eight bytes, zero-padded,
// that has an upper-case letter or not at each place: one byte of each
// class of letters and digits at each place, the others from a mix.
func TestAlnumUpper(t *testing.T) {
	const alnum = "09azAZmM5q"
	r := rand.New(rand.NewPCG(3, 1))
	for n := 0; n <= 8; n++ {
		for range 2_000 {
			var w uint64
			upper := false
			for p := 0; p < n; p++ {
				c := alnum[r.IntN(len(alnum))]
				upper = upper || c >= 'A' && c <= 'Z'
				w |= uint64(c) << (8 * p)
			}
			if got := alnumUpper(w) != 0; got != upper {
				t.Fatalf("alnumUpper(%#x) = %#x, want upper %v", w, alnumUpper(w), upper)
			}
			if (upperBits(w) != 0) != upper {
				t.Fatalf("upperBits(%#x) disagrees", w)
			}
		}
	}
	for c := 0; c < 128; c++ {
		if !isASCIIAlnum(byte(c)) {
			continue
		}
		for p := 0; p < 8; p++ {
			w := uint64(c) << (8 * p)
			if got, want := alnumUpper(w) != 0, c >= 'A' && c <= 'Z'; got != want {
				t.Fatalf("alnumUpper(%#x) = %#x, want upper %v", w, alnumUpper(w), want)
			}
		}
	}
}

// TestLowerForms checks the lower-case forms finish adds (checkVocabulary)
// for words of every length up to 24 bytes with an upper-case letter at
// each place, some with their lower-case form in the text and some
// without, and the last at the very end of the text, where fewer than
// sixteen bytes follow: finish writes a form of up to sixteen bytes from
// its keys, and the longer ones byte by byte.
func TestLowerForms(t *testing.T) {
	const letters = "abcdefghijklmnopqrstuvwx"
	for n := 1; n <= len(letters); n++ {
		for p := 0; p < n; p++ {
			w := letters[:p] + strings.ToUpper(letters[p:p+1]) + letters[p+1:n]
			for _, src := range []string{
				w + " " + w + "9 x",
				"x " + w,
				letters[:n] + ". " + w + ", " + strings.ToUpper(w) + " and " + w + "s",
			} {
				d := Parse("l", []byte(src), Plain)
				checkVocabulary(t, d)
				for i := range d.Tokens {
					if low := d.Type(d.Lower(d.Tokens[i].ID())); low != strings.ToLower(d.TokenText(i)) {
						t.Fatalf("%q: token %q has lower-case form %q", src, d.TokenText(i), low)
					}
				}
			}
		}
	}
}

// TestTokenizeCutSpan checks tokenize's loop on spans that end anywhere:
// before a letter, a digit, glue or a byte outside ASCII (a cut before a
// link), where the loop stops early and leaves the rest to token. Two
// spans of a random paragraph, cut at random, tokenized by tokenize and
// one token at a time by token, must give the same tokens (starts, kinds
// and IDs) and the same vocabulary, whatever room the token slice has at
// first.
func TestTokenizeCutSpan(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 11))
	moved := 0
	for range 20_000 {
		src := randomParagraph(r) + " " + randomParagraph(r)
		text := src + strings.Repeat("a", 16) // readable, but no span's
		// (Spans end at a character's start, as the parser cuts them.)
		at := func(i int) int {
			for i > 0 && !utf8.RuneStart(text[i]) {
				i--
			}
			return i
		}
		cut := at(r.IntN(len(src) + 1))
		spans := []Span{{0, cut}, {at(min(cut+r.IntN(3), len(src))), at(len(src) - r.IntN(4))}}
		if spans[1].End < spans[1].Start {
			spans[1].End = spans[1].Start
		}
		room := r.IntN(12)         // (the loop runs as far as the token slice's room lets it)
		bufRoom := 16 + r.IntN(64) // (and the types' buffer grows as it fills)
		build := func(fast bool) *builder {
			b := &builder{text: text, readable: len(text), toks: make([]Token, 0, room)}
			b.starts.bases = make([]uint32, 0, room>>groupShift+1)
			b.v.init(text, 64)
			b.v.setBuf(make([]byte, bufRoom))
			for _, s := range spans {
				if fast {
					b.tokenize(s)
					continue
				}
				for i := s.Start; i < s.End; {
					i = b.token(i, s.End)
				}
				b.roomForBases(cap(b.toks))
			}
			return b
		}
		f, s := build(true), build(false)
		what := fmt.Sprintf("%q in %v", src, spans)
		if len(f.toks) != len(s.toks) {
			t.Fatalf("%s: %d tokens, %d one at a time", what, len(f.toks), len(s.toks))
		}
		for k := range s.toks {
			if f.toks[k] != s.toks[k] {
				t.Fatalf("%s: token %d %#x, %#x one at a time", what, k, f.toks[k].bits, s.toks[k].bits)
			}
		}
		if !slices.Equal(f.starts.bases, s.starts.bases) || !slices.Equal(f.v.refs, s.v.refs) {
			t.Fatalf("%s: bases %v, types %v; one at a time %v, %v", what, f.starts.bases, f.v.refs, s.starts.bases, s.v.refs)
		}
		for k, tok := range f.toks {
			typ := f.v.typ(tok.ID())
			if at := f.starts.start(k, tok); !strings.HasPrefix(text[at:], typ) || typ == "" {
				t.Fatalf("%s: token %d at %d has the text %q", what, k, at, typ)
			}
		}
		if c := text[cut]; cut > 0 && (isAlnum[c] || c >= utf8.RuneSelf) {
			moved++
		}
	}
	if moved < 10_000 {
		t.Errorf("only %d spans cut before a letter, digit or byte outside ASCII", moved)
	}
}
