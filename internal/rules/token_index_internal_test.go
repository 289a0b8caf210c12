package rules

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/edlint/edlint/internal/prose"
)

// indexSources are drafts to check the token index on: the rules' test
// drafts, the clean corpus when ../shared is present, and odd text.
func indexSources(t *testing.T) map[string][]byte {
	t.Helper()
	out := map[string][]byte{
		"odd.md": []byte("The '80s and ’80s, ‘90s; ƒ º ª x. ٣ apples, ४२ and Ωmega. “Quote” — ‘single’ 'straight' \"double\". " +
			"It's i'm i’ve I'd; 1985-87 and 1990–95 (5 - 3) [a] .. ... , , ; : ? ! %; 12 per cent; 3 percent.\u200b\n\n" +
			"A e-mail and an email. Co-operation, cooperation. Kiev's Bombay.\n"),
	}
	files, _ := filepath.Glob("testdata/*/*.md")
	for _, f := range files {
		if b, err := os.ReadFile(f); err == nil {
			out[f] = b
		}
	}
	for d := "."; ; d = filepath.Join(d, "..") {
		abs, _ := filepath.Abs(d)
		if c, _ := filepath.Glob(filepath.Join(abs, "..", "shared", "corpora", "clean", "*.txt")); len(c) > 0 {
			for _, f := range c {
				if b, err := os.ReadFile(f); err == nil {
					out[f] = b
				}
			}
			break
		}
		if abs == "/" {
			break
		}
	}
	return out
}

// TestTokenIndex checks the index against a direct reading of every
// token: the kind told from a type's text, each class list, and that
// blocks and sentences cover the tokens in order (the cursors rely on it).
func TestTokenIndex(t *testing.T) {
	for path, src := range indexSources(t) {
		d := prose.Parse(path, src, prose.FormatFor(path))
		x := buildTokenIndex(d)
		var want [numListed][]int32
		var quoteish []int32
		for i, tk := range d.Tokens {
			text := d.Type(tk.ID())
			if k := typeKind(text); k != tk.Kind() {
				t.Fatalf("%s: token %q has kind %v, typeKind says %v", path, text, tk.Kind(), k)
			}
			if k := quickKind(text); k != tk.Kind() {
				t.Fatalf("%s: token %q has kind %v, quickKind says %v", path, text, tk.Kind(), k)
			}
			c := x.class[tk.ID()]
			for k := 0; k < numListed; k++ {
				if c&(1<<k) != 0 && (1<<k)&pairListed == 0 {
					want[k] = append(want[k], int32(i))
				}
			}
			if c&(clsQuote|clsApos) != 0 {
				quoteish = append(quoteish, int32(i))
			}
		}
		for k := 0; k < numListed; k++ {
			if (1<<k)&(pairListed|clsConfusable) == 0 && !slices.Equal(want[k], x.lists[k]) {
				t.Errorf("%s: class %d lists %d tokens, want %d", path, k, len(x.lists[k]), len(want[k]))
			}
		}
		for k, l := range append(x.lists[:], x.quoteish, x.repeated, x.doubled, x.spaced, x.glued, x.starts) {
			for j := 1; j < len(l); j++ {
				if l[j] <= l[j-1] {
					t.Fatalf("%s: list %d is not increasing at %d: %d after %d", path, k, j, l[j], l[j-1])
				}
			}
		}
		if !slices.Equal(quoteish, x.quoteish) {
			t.Errorf("%s: quoteish lists %d tokens, want %d", path, len(x.quoteish), len(quoteish))
		}
		next := 0
		for _, b := range d.Blocks {
			if b.FirstToken() != next {
				t.Fatalf("%s: block starts at token %d, want %d", path, b.FirstToken(), next)
			}
			next = b.EndToken()
		}
		next = 0
		for _, s := range d.Sentences {
			if s.FirstToken() != next {
				t.Fatalf("%s: sentence starts at token %d, want %d", path, s.FirstToken(), next)
			}
			next = s.EndToken()
		}
		if len(d.Tokens) > 0 && next != len(d.Tokens) {
			t.Fatalf("%s: sentences end at token %d of %d", path, next, len(d.Tokens))
		}
	}
}

// FuzzTypeKind checks that a token's kind follows from its text, as the
// index assumes.
func FuzzTypeKind(f *testing.F) {
	f.Add("The '80s and ’80s, ƒ º ٣ x'y ‘90s '9 ’ab")
	f.Fuzz(func(t *testing.T, src string) {
		for _, format := range []prose.Format{prose.Plain, prose.Markdown} {
			d := prose.Parse("f", []byte(src), format)
			for _, tk := range d.Tokens {
				if k := typeKind(d.Type(tk.ID())); k != tk.Kind() {
					t.Fatalf("token %q has kind %v, typeKind says %v", d.Type(tk.ID()), tk.Kind(), k)
				}
				if k := quickKind(d.Type(tk.ID())); k != tk.Kind() {
					t.Fatalf("token %q has kind %v, quickKind says %v", d.Type(tk.ID()), tk.Kind(), k)
				}
			}
		}
	})
}

// BenchmarkBuildTokenIndex times the index of the clean corpus (or of the
// test drafts without ../shared; or of $EDLINT_BENCH_FILE).
func BenchmarkBuildTokenIndex(b *testing.B) {
	docs := benchDocs(b)
	for b.Loop() {
		for _, d := range docs {
			buildTokenIndex(d)
		}
	}
}

// TestCompoundKeyJoinsLowerCase checks that the key is the parts joined
// in lower case, as strings.ToLower(strings.Join(parts, "")) gives it.
func TestCompoundKeyJoinsLowerCase(t *testing.T) {
	for _, w := range []string{"Long-term", "e-mail", "CO-OPERATION", "Über-Größe", "x-ray", "a-b", "I-D", "re-sign", "Re-Form", "non-Federal", "anti-ΣΊΣΥΦΟΣ", "-a", "a-", "a--b", "twenty-first-century"} {
		key, ok := compoundKey(w, strings.ToLower(w))
		if ok && key != strings.ToLower(strings.ReplaceAll(w, "-", "")) {
			t.Errorf("compoundKey(%q) = %q", w, key)
		}
	}
}

// TestTokenIndexWalk checks the lists the walk builds from token pairs
// against a plain reading of every token after the one before it.
func TestTokenIndexWalk(t *testing.T) {
	srcs := indexSources(t)
	srcs["walk.md"] = []byte("Could of been. would of, A an apple a a could could three three A a an An hour a 'quote' an “x”. three cats, 12 dogs\n\n" +
		"word,\n\nnext. lower start! and? so . spaced , comma,,double .. dots ... the the The the é é x\n\n" +
		"- item,\n- a\n- Apple.\n\nend,glued;here.and x.\n")
	// Marks at the starts and ends of blocks, glued across masked spans
	// (whose far starts the gaps must read from the document), after
	// words outside ASCII and in groups of every phase.
	var b strings.Builder
	for i := range 60 {
		b.WriteString(strings.Repeat("w ", i%8))
		b.WriteString(". lower. Upper, é. x`" + strings.Repeat("c", 250+i) + "`.y; ü,z ,\n\n")
		b.WriteString("- , item;\n- an .. ; :\n\n# Head.\n\nend,<b>" + strings.Repeat("h", 260) + "</b>, again.and?\n\n")
	}
	srcs["edges.md"] = []byte(b.String())
	srcs["edges.txt"] = []byte(strings.ReplaceAll(b.String(), "`", " https://example.com/"))
	// A mark that ends a group and starts far past its base, after a
	// space, where the previous token ends at the offset 255 of one
	// length: offsets alone would tell it glued.
	for n := 236; n < 250; n++ {
		srcs[fmt.Sprintf("far%d.txt", n)] = []byte("a b c d e f " + strings.Repeat("x", n) + " , y z\n")
	}
	farMarks := 0
	for path, src := range srcs {
		d := prose.Parse(path, src, prose.FormatFor(path))
		x := buildTokenIndex(d)
		for i, tk := range d.Tokens {
			if i&7 == 7 && x.class[tk.ID()]&clsMark != 0 && tk.Offset() == 255 {
				farMarks++
			}
		}
		var repeated, doubled, spaced, glued, starts, articles, counts, confusable []int32
		for _, i := range x.list(clsConfusable) {
			if d.TokenText(int(i)) != "of" {
				confusable = append(confusable, i)
			}
		}
		for _, b := range d.Blocks {
			for i := b.FirstToken(); i < b.EndToken(); i++ {
				tk, ts := d.Tokens[i], d.TokenSpan(i)
				c, low := x.class[tk.ID()], d.Lower(tk.ID())
				var pc, plow uint32
				prevEnd := -1
				if i > 0 {
					p := d.Tokens[i-1]
					pc, plow, prevEnd = x.class[p.ID()], d.Lower(p.ID()), d.TokenEnd(i-1)
				}
				if i > 0 && (low == plow || (c|pc)&clsNonASCII != 0) && c&pc&clsWord != 0 {
					repeated = append(repeated, int32(i))
				}
				if c&clsMissing != 0 && ts.Start == prevEnd && pc&clsWord != 0 && i+1 < len(d.Tokens) && d.TokenStart(i+1) == ts.End {
					glued = append(glued, int32(i))
				}
				if c&pc&clsMark != 0 {
					doubled = append(doubled, int32(i-1))
				}
				if c&clsDots != 0 {
					doubled = append(doubled, int32(i))
				}
				if c&clsMark != 0 && i > 0 && ts.Start > prevEnd {
					spaced = append(spaced, int32(i))
				}
				if (pc&clsStop != 0 || i == b.FirstToken()) && c&clsLowerStart != 0 {
					starts = append(starts, int32(i))
				}
				if pc&clsCount != 0 && c&clsWord != 0 {
					counts = append(counts, int32(i-1))
				}
				if pc&clsArticle != 0 {
					keep := c&clsQuote != 0
					if s := soundOf(d.Type(tk.ID()), c&clsNumber != 0); !keep && c&(clsWord|clsNumber) != 0 {
						an := len(d.TokenText(i-1)) == 2
						keep = s == soundVowel && !an || s == soundConsonant && an
					}
					if keep {
						articles = append(articles, int32(i-1))
					}
				}
				if c&clsOf != 0 && pc&clsModal != 0 {
					confusable = append(confusable, int32(i))
				}
			}
		}
		slices.Sort(confusable)
		for _, l := range []struct {
			name      string
			got, want []int32
		}{
			{"repeated", x.repeated, repeated}, {"doubled", x.doubled, doubled}, {"spaced", x.spaced, spaced},
			{"glued", x.glued, glued}, {"starts", x.starts, starts}, {"articles", x.list(clsArticle), articles},
			{"counts", x.list(clsCount), counts}, {"confusable", x.list(clsConfusable), confusable},
		} {
			if !slices.Equal(l.got, l.want) {
				t.Errorf("%s: %s lists %v, want %v", path, l.name, head(l.got), head(l.want))
			}
		}
	}
	if farMarks == 0 {
		t.Error("no mark ended a group with a far start")
	}
}

func head(l []int32) []int32 { return l[:min(len(l), 20)] }

// TestTokenIndexCapitals checks the capitals the walk marks, a word of
// 64 tokens at a time, against a token at a time, on drafts whose
// lengths end at every phase of a word and of the walk's stretches.
func TestTokenIndexCapitals(t *testing.T) {
	srcs := indexSources(t)
	for n := range 70 {
		srcs[strings.Repeat("x", n+1)+".txt"] = []byte(strings.Repeat("Ann and bob. ", n*3+n/7))
	}
	for path, src := range srcs {
		d := prose.Parse(path, src, prose.FormatFor(path))
		x := buildTokenIndex(d)
		want := tokenBits(make([]uint64, len(d.Tokens)/64+1))
		for i, tk := range d.Tokens {
			if x.class[tk.ID()]&clsWord != 0 && isNameCapital(d.Type(tk.ID())) {
				want.set(i)
			}
		}
		if !slices.Equal(x.capitals, want) {
			t.Errorf("%s: capitals differ from a token at a time", path)
		}
	}
}

// TestNearGap checks prose.Document.NearGap, which the walk calls with
// the tokens it holds, against NearTokenGap on every token.
func TestNearGap(t *testing.T) {
	found := 0
	for path, src := range indexSources(t) {
		d := prose.Parse(path, src, prose.FormatFor(path))
		for i := 1; i < len(d.Tokens); i++ {
			if got, want := d.NearGap(i, d.Tokens[i-1], d.Tokens[i]), d.NearTokenGap(i); got != want {
				t.Fatalf("%s: NearGap(%d) = %d, want %d", path, i, got, want)
			}
			// GroupGap is TokenGap, or -1, and -1 at most where NearGap is
			// (a far start or an odd length).
			g := d.GroupGap(i, d.Tokens[i-1], d.Tokens[i])
			if g != -1 && g != d.TokenGap(i) || g == -1 && d.NearTokenGap(i) != -1 {
				t.Fatalf("%s: GroupGap(%d) = %d, TokenGap %d", path, i, g, d.TokenGap(i))
			}
			if g != -1 {
				found++
			}
		}
	}
	if found == 0 {
		t.Error("GroupGap told no gap")
	}
}

// TestPickTokens checks pickTokens, a stretch of tokens at a time,
// against a token at a time: a token is picked when its class has a bit
// of walkCur, the previous token's one of walkPrev, either is a word
// outside ASCII, or the two have one lower-case type (the first token
// may be picked or not). A draft of marks alone fills whole stretches,
// the most pickTokens writes through its pointer.
func TestPickTokens(t *testing.T) {
	srcs := indexSources(t)
	srcs["marks.txt"] = []byte(strings.Repeat(", ", 3000))
	// Drafts of every length up to two groups and a half, odd and even:
	// pickTokens reads two tokens at a time, and the last of an odd
	// group alone.
	for n := range 80 {
		srcs[fmt.Sprintf("len%d.txt", n)] = []byte(strings.Repeat("a, the the An ", n/4+1)[:n*3])
	}
	full := false
	for path, src := range srcs {
		d := prose.Parse(path, src, prose.FormatFor(path))
		x := buildTokenIndex(d)
		fast := idTable[uint64](d.NumTypes())
		for id := range d.NumTypes() {
			fast[id] = fastWord(x.class[id], uint64(d.Lower(uint32(id)))<<fastLowShift, false)
		}
		var buf [stretch]int32
		var stops [stretch / 32]uint32
		caps := tokenBits(make([]uint64, len(d.Tokens)/64+1))
		var got []int32
		var pf uint32
		for lo := 0; lo < len(d.Tokens); lo += len(buf) {
			var n int
			n, pf = pickTokens(&buf, d.Tokens[:min(lo+len(buf), len(d.Tokens))], lo, fast, pf, caps, &stops, fastCapital|fastStop)
			got = append(got, buf[:n]...)
			full = full || n == len(buf)
		}
		var want []int32
		nonASCIIWord := func(c uint32) bool { return c&(clsNonASCII|clsWord) == clsNonASCII|clsWord }
		for i, tk := range d.Tokens {
			c := x.class[tk.ID()]
			pick := c&walkCur != 0 || nonASCIIWord(c) || i == 0 && len(got) > 0 && got[0] == 0
			if i > 0 {
				p := d.Tokens[i-1]
				pc := x.class[p.ID()]
				pick = pick || pc&walkPrev != 0 || nonASCIIWord(pc) || d.Lower(p.ID()) == d.Lower(tk.ID())
			}
			if pick {
				want = append(want, int32(i))
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: picks %v, want %v", path, head(got), head(want))
		}
	}
	if !full {
		t.Error("no stretch was all picks")
	}
}

// TestTokenOffsets checks prose.Token.Offset and Document.TypeLen, from
// which the walk tells a mark's gaps (see indexWalk.slow), against the
// tokens' starts and ends: an offset is the start's distance from its
// group's first token, or 255 for a distance of 255 or more.
func TestTokenOffsets(t *testing.T) {
	srcs := indexSources(t)
	srcs["far.md"] = []byte("a, b`" + strings.Repeat("c", 300) + "`, d; e <b>" + strings.Repeat("h", 260) + "</b>. f\n")
	far := 0
	for path, src := range srcs {
		d := prose.Parse(path, src, prose.FormatFor(path))
		for i, tk := range d.Tokens {
			if got, want := int(d.TypeLen(tk.ID())), d.TokenEnd(i)-d.TokenStart(i); got != want {
				t.Fatalf("%s: TypeLen of token %d = %d, want %d", path, i, got, want)
			}
			dist := d.TokenStart(i) - d.TokenStart(i&^7)
			if off := int(tk.Offset()); off != min(dist, 255) {
				t.Fatalf("%s: Offset of token %d = %d, %d bytes past its group's first", path, i, off, dist)
			}
			if dist >= 255 {
				far++
			}
		}
	}
	if far == 0 {
		t.Error("no token lies far from its group's first")
	}
}

// TestAdjacent checks adjacent, which reads the gap of neighbours,
// against the ends and starts of every pair of neighbours.
func TestAdjacent(t *testing.T) {
	for path, src := range indexSources(t) {
		d := prose.Parse(path, src, prose.FormatFor(path))
		for i := 0; i+1 < len(d.Tokens); i++ {
			if got, want := adjacent(d, i, i+1), d.TokenEnd(i) == d.TokenStart(i+1); got != want {
				t.Fatalf("%s: adjacent(%d, %d) = %v, want %v", path, i, i+1, got, want)
			}
		}
	}
}

// TestTok checks tok, which reads a token's text from its type, against
// TokenText on every token.
func TestTok(t *testing.T) {
	for path, src := range indexSources(t) {
		d := prose.Parse(path, src, prose.FormatFor(path))
		for i := -1; i <= len(d.Tokens); i++ {
			want := ""
			if i >= 0 && i < len(d.Tokens) {
				want = d.TokenText(i)
			}
			if got := tok(d, i); got != want {
				t.Fatalf("%s: tok(%d) = %q, want %q", path, i, got, want)
			}
		}
	}
}

// TestIsASCII8 checks isASCII8, which reads eight bytes at a time, and
// shortASCII, which reads the ends of a short text, against a byte at a
// time, with a byte outside ASCII at every place of texts of every length
// up to twenty.
func TestIsASCII8(t *testing.T) {
	for name, f := range map[string]func(string) bool{"isASCII8": isASCII8, "shortASCII": shortASCII} {
		for n := 0; n <= 20; n++ {
			s := []byte(strings.Repeat("a", n))
			if !f(string(s)) {
				t.Fatalf("%s(%q) = false", name, s)
			}
			for i := range s {
				for _, b := range []byte{0x80, 0xc3, 0xff} {
					s[i] = b
					if f(string(s)) {
						t.Fatalf("%s(%q) = true", name, s)
					}
					s[i] = 'a'
				}
			}
		}
	}
}

// TestTextFlags checks textFlags, which reads eight bytes at a time,
// against a byte at a time, on texts of every length up to twenty-four
// with one or two bytes of every kind it tells (and their neighbours,
// whose XOR with - or ' is one bit from zero) at every place.
func TestTextFlags(t *testing.T) {
	want := func(s []byte) uint8 {
		var f uint8
		for _, b := range s {
			switch {
			case b >= utf8.RuneSelf:
				f |= textNonASCII
			case b == '-':
				f |= textHyphen
			case b == '\'':
				f |= textApos
			}
		}
		return f
	}
	kinds := []byte{'a', 0x80, 0xc3, 0xff, '-', '\'', ',', '.', '&', '(', 0xad, 0xa7, 0x00, 0x01}
	for n := 0; n <= 24; n++ {
		s := []byte(strings.Repeat("a", n))
		for i := range max(n, 1) {
			for j := i; j < n; j++ {
				for _, b := range kinds {
					for _, c := range kinds {
						if i < n {
							s[i] = b
						}
						s[j] = c
						if got, w := textFlags(string(s)), want(s); got != w {
							t.Fatalf("textFlags(%q) = %03b, want %03b", s, got, w)
						}
						s[i], s[j] = 'a', 'a'
					}
				}
			}
		}
		if got := textFlags(string(s)); got != 0 {
			t.Fatalf("textFlags(%q) = %03b, want 0", s, got)
		}
	}
}

// TestTokenClassesMemo checks that indexes built with the run's memo of
// classes (runTexts), filled by the documents before them, are the
// indexes built alone, in either order, and that the memo was read. The
// drafts spell compounds closed with and without their hyphenated forms:
// clsClosed, the document's own, must not reach the memo.
func TestTokenClassesMemo(t *testing.T) {
	srcs := indexSources(t)
	srcs["closed.md"] = []byte("A longterm plan, an email, cooperation and the uptodate file. Keyword, Input.\n")
	srcs["open.md"] = []byte("A long-term plan and a longterm one; an e-mail, co-operation, up-to-date.\n\n" +
		"Longterm, Email, Uptodate; key-word, in-put, \u212Aeyword, \u0130nput.\n")
	var docs []*prose.Document
	for _, path := range slices.Sorted(maps.Keys(srcs)) {
		docs = append(docs, prose.Parse(path, srcs[path], prose.FormatFor(path)))
	}
	closed := false
	for _, order := range []func(int) int{func(i int) int { return i }, func(i int) int { return len(docs) - 1 - i }} {
		memo := &runTexts{}
		for k := range docs {
			d := docs[order(k)]
			hits := 0
			for id := range d.NumTypes() {
				if text := d.Type(uint32(id)); d.TypeCount(uint32(id)) > 0 && memo.find(text, memoHash(text)) >= 0 {
					hits++
				}
			}
			if k > 0 && hits == 0 {
				t.Errorf("%s: none of its types in the memo", d.Path)
			}
			want, got := buildTokenIndex(d), buildTokenIndexStops(d, nil, newTextRefs(memo, d))
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s: the index differs with the memo", d.Path)
			}
			// The lists are sized by their types' counts alike (fastWords
			// adds them with the memo, the loop of every type without).
			for k := range want.lists {
				if cap(got.lists[k]) != cap(want.lists[k]) || cap(got.lists[k]) < len(got.lists[k]) {
					t.Errorf("%s: list %d has room for %d with the memo, %d without", d.Path, k, cap(got.lists[k]), cap(want.lists[k]))
				}
			}
			if cap(got.quoteish) != cap(want.quoteish) || got.marks != want.marks || got.apos != want.apos {
				t.Errorf("%s: the quotation marks are counted otherwise with the memo", d.Path)
			}
			for _, c := range want.class {
				closed = closed || c&clsClosed != 0
			}
		}
		// The memo holds each text's class marked known, and never the
		// document's clsClosed.
		for _, w := range memo.words {
			if w.v.class&clsClosed != 0 || w.v.class&classKnown == 0 {
				t.Errorf("%q has class %#x in the memo", w.text, w.v.class)
			}
		}
	}
	if !closed {
		t.Error("no clsClosed type: the test says little")
	}
}
