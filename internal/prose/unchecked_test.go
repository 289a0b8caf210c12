package prose

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// The tokenizer writes and reads without bounds checks where invariants
// keep it in bounds; the tests here are built to break those invariants
// if they ever stop holding:
//
//   - putToken (tokenize's loop, and putLast in first) stores token k
//     with no room test: the loop runs while i < lim, lim at most
//     i+cap-k when set, and every token takes a byte or more of the span
//     (the loop's, first's and token's alike: token appends one token at
//     most and returns past i), so that cap-k >= lim-i holds at the top
//     of the loop. The slice is read from b at each store, so that a
//     growth by token or firstSlow (which only ever adds room) is seen.
//   - the loop's end e, moved back from the span's end to a byte of ASCII
//     that no letter or digit is: a word read from sixteen bytes stops at
//     e at the latest, so that the tokens put before e lie in the span.
//   - load64 reads sixteen bytes past any i < e, and the bytes after a
//     word's end: end+16 <= readable.
//   - the tables read from vocab.tab, a copy of the package's made by
//     vocab.init.
//
// The rules read GroupStarts and TypeLens without checks too (see
// rules.typeLen): every group of the tokens has its start, and every ID
// its length.

// uncheckedShapes are texts of the shapes that strain those invariants:
// empty and one-byte texts, a text of punctuation only, NUL bytes, CRLF,
// invalid UTF-8, words of more than 255 bytes (cut by capToken) and of
// 16 bytes or more, a text that ends inside a word, glue at the end, and
// Markdown whose prose is cut by code spans, links and HTML (far starts).
var uncheckedShapes = []string{
	"", "a", ".", " ", "\x00", "\n", "é", "\xff",
	"a\x00b \x00 \x00.", "one\r\ntwo.\r\n\r\nthree,\r\n", "...!?,;:()[]{}''--",
	strings.Repeat(". ", 40), strings.Repeat(",", 300), strings.Repeat("!?", 20),
	"a " + strings.Repeat("x", 300) + " b", strings.Repeat("ab", 130) + "9 z", strings.Repeat("é", 140) + " é",
	"abcdefghijklmnop abcdefghijklmnopq 1234567890123456 a1b2c3d4e5f6g7h8",
	"ab\xffcd ef\x80 \xfe\xfe word\xc3", "the end is inside a wor", "glue at the end,", "long-term don't U.S. e.g. 1,200 2.5 '80s",
	"x`" + strings.Repeat("c", 260) + "`.y, z", "[link](http://example.com/a)word and <b>" + strings.Repeat("h", 270) + "</b>, again.and?",
	"# Head.\n\n- , item;\n- an .. ; :\n\n> quote, " + strings.Repeat("w ", 9) + ".\n",
	"a\u200bb ’80s — “quoted” … done", strings.Repeat("word ", 70) + strings.Repeat("a,", 70),
}

// tokenizeGuard is the token past a slice's capacity that tokenize must
// never write.
var tokenizeGuard = Token{0xfeedface}

// FuzzTokenizeUnchecked checks tokenize's unchecked loop on spans cut
// anywhere in a text (before a letter, inside a word, at a character's
// start), with the token slice's room anywhere from none to some, and the
// text's end read ahead or not: its tokens, bases and types must be
// token's, one at a time, and it must never write past the token slice's
// capacity (guard tokens lie there, in the same array).
func FuzzTokenizeUnchecked(f *testing.F) {
	for k, s := range uncheckedShapes {
		f.Add(s, uint64(k)*0x9e3779b97f4a7c15, uint8(k), uint8(k*7))
	}
	f.Fuzz(func(t *testing.T, src string, cuts uint64, room, ahead uint8) {
		checkTokenizeUnchecked(t, src, cuts, int(room%24), ahead)
	})
}

// checkTokenizeUnchecked is FuzzTokenizeUnchecked's check of src: cuts
// places the spans, room is the token slice's capacity at first, and
// ahead, when odd, puts ReadAhead bytes or more of its choice past the
// text in its capacity.
func checkTokenizeUnchecked(t *testing.T, src string, cuts uint64, room int, ahead uint8) {
	t.Helper()
	if len(src) > 1<<16 {
		return
	}
	buf := make([]byte, len(src), len(src)+ReadAhead+int(ahead>>5))
	copy(buf, src)
	readable := len(src)
	if ahead&1 != 0 && len(src) > 0 {
		// Letters, glue, spaces and bytes outside ASCII past the end: a
		// span that ends at the text's end may have its end moved back.
		const junk = "aZ9.,'- \xffé\n"
		for k, full := len(buf), buf[:cap(buf)]; k < len(full); k++ {
			full[k] = junk[(int(ahead>>1)+k*int(ahead|1))%len(junk)]
		}
		readable = cap(buf)
	}
	text := bytesView(buf)
	// Spans between points at characters' starts, as the parser cuts
	// them: some empty, some ending inside a word.
	at := func(i int) int {
		for i > 0 && i < len(text) && !utf8.RuneStart(text[i]) {
			i--
		}
		return i
	}
	var pts []int
	for k := range 4 {
		pts = append(pts, at(int(cuts>>(16*k)&0xffff)%(len(text)+1)))
	}
	slices.Sort(pts)
	spans := []Span{{0, pts[0]}, {pts[1], pts[2]}, {pts[2], pts[3]}, {pts[3], len(text)}}
	build := func(fast bool) (*builder, []Token) {
		arr := make([]Token, room+8)
		for k := range arr {
			arr[k] = tokenizeGuard
		}
		b := &builder{text: text, readable: readable, toks: arr[:0:room], terms: make([]int, 0, room/2)}
		b.starts.bases = make([]uint32, 0, room>>groupShift+1)
		b.v.init(text, 16)
		for _, s := range spans {
			if fast {
				b.tokenize(s)
				continue
			}
			for i := s.Start; i < s.End; {
				// (tokenize's room rests on this: one token at most
				// for a byte or more.)
				n, at := len(b.toks), i
				if i = b.token(i, s.End); i <= at || len(b.toks) > n+1 {
					t.Fatalf("%q: token at %d made %d tokens and returned %d", src, at, len(b.toks)-n, i)
				}
			}
			b.roomForBases(cap(b.toks))
		}
		b.v.settle() // (the counts of the slots and bytes, which tokenize keeps)
		return b, arr
	}
	f, arr := build(true)
	s, _ := build(false)
	what := fmt.Sprintf("%q in %v, room %d, readable %d", src, spans, room, readable)
	for k := room; k < len(arr); k++ {
		if arr[k] != tokenizeGuard {
			t.Fatalf("%s: token %d written past the capacity %d", what, k, room)
		}
	}
	if len(f.toks) != len(s.toks) {
		t.Fatalf("%s: %d tokens, %d one at a time", what, len(f.toks), len(s.toks))
	}
	for k := range s.toks {
		if f.toks[k] != s.toks[k] {
			t.Fatalf("%s: token %d %#x, %#x one at a time", what, k, f.toks[k].bits, s.toks[k].bits)
		}
	}
	if !slices.Equal(f.starts.bases, s.starts.bases) || !slices.Equal(f.starts.far, s.starts.far) ||
		!slices.Equal(f.v.refs, s.v.refs) || !slices.Equal(f.v.counts, s.v.counts) || !slices.Equal(f.v.lens, s.v.lens) ||
		!slices.Equal(f.terms, s.terms) {
		t.Fatalf("%s: bases, far starts, types or terms differ from one at a time", what)
	}
	// Every token lies in a span (none is made of the bytes between the
	// spans, or past the text).
	for k := range f.toks {
		start := f.starts.start(k, f.toks[k])
		n := int(f.v.lens[f.toks[k].ID()])
		in := false
		for _, sp := range spans {
			in = in || start >= sp.Start && start+n <= sp.End
		}
		if !in {
			t.Fatalf("%s: token %d [%d, %d) in no span", what, k, start, start+n)
		}
	}
}

// TestTokenizeUncheckedShapes runs FuzzTokenizeUnchecked's check over the
// shapes with cuts at every byte of the shorter ones and at strides of
// the longer, every room up to 12, with and without bytes read ahead.
func TestTokenizeUncheckedShapes(t *testing.T) {
	n := 0
	for _, src := range uncheckedShapes {
		step := max(1, len(src)/40)
		for c := 0; c <= len(src); c += step {
			for room := range 13 {
				for _, ahead := range []uint8{0, 1, 0x27, 0xe3} {
					cuts := uint64(c) | uint64(c+1)<<16 | uint64(len(src)-c)<<32 | uint64(c+room)<<48
					checkTokenizeUnchecked(t, src, cuts, room, ahead)
					n++
				}
			}
		}
	}
	if n < 10_000 {
		t.Errorf("only %d cases", n)
	}
}

// TestTokTablesCopy checks that the tables tokenize reads (vocab.tab) are
// the package's: tokenizeTables is made from them when the package's
// variables are initialised, and an init function that changed one
// after that would leave tokenize a stale copy.
func TestTokTablesCopy(t *testing.T) {
	var v vocab
	v.init("x", 1)
	if v.tab != (tokTables{wordStart, afterWord, asciiClass, lowBytes}) {
		t.Fatal("vocab.tab is not the package's tables")
	}
	for c := range 256 {
		if (afterWord[c] == afterMore) != (c >= utf8.RuneSelf || isAlnum[c]) {
			t.Fatalf("afterWord[%#x] = %d: tokenize moves its end back over exactly the bytes that may continue a word", c, afterWord[c])
		}
	}
}

// FuzzParseUnchecked checks, on documents parsed from any text in either
// format, with the source's end read ahead or not and on one goroutine or
// several (parts of a few hundred bytes, or a small type limit that makes
// the document TooVaried), what the rules read without checks: every
// group of tokens has its start in GroupStarts, every type its length in
// TypeLens (0 for the overflow ID alone), every ID is below NumTypes, and
// a token's start is its group's plus its Offset when that is below 255,
// and 255 or more past it otherwise.
func FuzzParseUnchecked(f *testing.F) {
	for k, s := range uncheckedShapes {
		f.Add(s, k%2 == 0, uint8(k))
	}
	f.Fuzz(func(t *testing.T, src string, md bool, mode uint8) {
		checkParseUnchecked(t, src, md, mode)
	})
}

// checkParseUnchecked is FuzzParseUnchecked's check of src; mode's bits
// choose the read ahead (1), several goroutines (2) and a small type
// limit (4).
func checkParseUnchecked(t *testing.T, src string, md bool, mode uint8) {
	t.Helper()
	format := Plain
	if md {
		format = Markdown
	}
	defer func(l, m int) { typeLimit, minPart = l, m }(typeLimit, minPart)
	if mode&4 != 0 {
		typeLimit = 3 + int(mode>>3)
	}
	workers := 1
	if mode&2 != 0 {
		workers, minPart = 3, 64+int(mode>>3)
	}
	exact := Parse("u", exactBytes(src), format)
	buf := make([]byte, len(src), len(src)+ReadAhead+int(mode>>4))
	copy(buf, src)
	for k, full := len(buf), buf[:cap(buf)]; k < len(full); k++ {
		full[k] = "a.Z9 -',\xffé"[k%11]
	}
	if mode&1 == 0 {
		buf = buf[:len(src):len(src)]
	}
	d := ParseWorkers("u", buf, format, workers)
	if !slices.Equal(tokenTexts(d), tokenTexts(exact)) {
		t.Fatalf("%q (mode %d): tokens %q, %q on one goroutine without reading ahead", src, mode, tokenTexts(d), tokenTexts(exact))
	}
	what := fmt.Sprintf("%q (mode %d)", src, mode)
	if len(d.TypeLens()) != d.NumTypes() {
		t.Fatalf("%s: %d lengths for %d types", what, len(d.TypeLens()), d.NumTypes())
	}
	if want := (len(d.Tokens) + 1<<groupShift - 1) >> groupShift; len(d.GroupStarts()) != want {
		t.Fatalf("%s: %d group starts for %d tokens", what, len(d.GroupStarts()), len(d.Tokens))
	}
	starts := d.GroupStarts()
	for i, tok := range d.Tokens {
		id := tok.ID()
		if int(id) >= d.NumTypes() {
			t.Fatalf("%s: token %d has ID %d of %d types", what, i, id, d.NumTypes())
		}
		start, base := d.TokenStart(i), int(starts[i>>groupShift])
		if off := int(tok.Offset()); off < 255 && start != base+off || off == 255 && start < base+255 {
			t.Fatalf("%s: token %d starts at %d, its group at %d, offset %d", what, i, start, base, off)
		}
		if n := d.TypeLen(id); n != 0 && int(n) != len(d.TokenText(i)) {
			t.Fatalf("%s: token %d %q of length %d", what, i, d.TokenText(i), n)
		} else if n == 0 && !d.TooVaried() {
			t.Fatalf("%s: token %d %q of length 0", what, i, d.TokenText(i))
		}
	}
}

// TestParseUncheckedShapes runs FuzzParseUnchecked's check over the
// shapes, repeated to make parts and far starts, in every mode.
func TestParseUncheckedShapes(t *testing.T) {
	for _, src := range uncheckedShapes {
		for _, rep := range []int{1, 7} {
			s := strings.Repeat(src+"\n\n", rep)
			for mode := range 32 {
				checkParseUnchecked(t, s, mode&8 != 0, uint8(mode))
			}
		}
	}
}
