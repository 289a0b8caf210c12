package rules

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/edlint/edlint/internal/prose"
)

// The token index and the memo of a run's texts read without bounds
// checks where invariants keep them in bounds; the tests here are built
// to break those invariants if they ever stop holding:
//
//   - slow reads the token's class and its neighbours' (classOf), the
//     previous token's length (typeLen) and the starts of the groups of
//     tokens i-1, i and i+1 (GroupStarts) through pointers: class is
//     NumTypes long and every ID is below it, TypeLens is NumTypes long,
//     and GroupStarts holds a start for every group of the tokens (the
//     parser's side of it is prose.FuzzParseUnchecked). A far start, its
//     offset 255, is read as 255 past its group's start, at most its true
//     start: the mark's own is left to mark, a previous token's then seems
//     to end at the mark only if it truly does, and a next token's seems
//     to start past the mark only if it truly does; a previous token of
//     the overflow ID, of length 0, seems to end where it starts, never
//     at the mark.
//   - findRefs reads the memo's slots at indexes masked with their length
//     less one, a power of two (runTexts.add makes 1024, then doubles),
//     and the words at a slot's index, which add puts after the word, the
//     two read under the read lock that add's write lock excludes.

// uncheckedIndexShapes are drafts of the shapes that strain slow's
// reads: marks at the first and last tokens, at the ends of groups and of
// blocks, marks alone, far starts (past code spans, links and HTML of
// more than 255 bytes) before, at and after marks, glued marks, and
// documents of no token or one.
var uncheckedIndexShapes = []string{
	"", ".", ",", "a", "a.", ".a", ". .", "a,b", "x ,", ", x",
	strings.Repeat(", ", 20), strings.Repeat(".", 9), "a,b.c;d:e!f?g,h.i",
	"w w w w w w w ,x" + strings.Repeat(" w", 9),
	"a b c d e f g `" + strings.Repeat("c", 260) + "`, y z.\n",
	"a b c d e f " + strings.Repeat("x", 248) + " , y z\n",
	"end,<b>" + strings.Repeat("h", 260) + "</b>, again.and? so . spaced , comma,,double .. dots ...\n",
	"x`" + strings.Repeat("c", 300) + "`.y; ü,z ,\n\n- , item;\n- an .. ; :\n\n# Head.\n",
	"[" + strings.Repeat("l", 270) + "](http://example.com/" + strings.Repeat("p", 270) + "),next. lower. Upper, é.",
	"One.\r\nTwo, three!\r\n\r\n\x00. \xff, \xfe.",
	"Could of been. would of, A an apple a a could could three three A a an An hour. the the The",
}

// FuzzIndexMarks checks the lists that slow fills for the marks it reads
// (and passes over, from the neighbours' offsets and lengths) against a
// reading of every token through the document's checked accessors, and
// typeLen against TypeLen, on drafts of any text in either format.
func FuzzIndexMarks(f *testing.F) {
	for k, s := range uncheckedIndexShapes {
		f.Add(s, k%2 == 0)
		f.Add(s+"\n\n"+s, k%2 != 0)
	}
	f.Fuzz(func(t *testing.T, src string, md bool) {
		format := prose.Plain
		if md {
			format = prose.Markdown
		}
		checkIndexMarks(t, prose.Parse("f", []byte(src), format))
	})
}

// TestIndexMarksShapes runs FuzzIndexMarks's check over the shapes, each
// after up to eight tokens, so that their marks fall at every place of a
// group, in both formats; and over marks that end a group with a far
// start, after a space or not, where the previous token ends at the
// offset 255, or near it, of its group: read as its group's start and 255,
// such a mark would seem glued to it.
func TestIndexMarksShapes(t *testing.T) {
	shapes := slices.Clone(uncheckedIndexShapes)
	for n := 236; n < 252; n++ {
		x := strings.Repeat("x", n)
		shapes = append(shapes, "a b c d e f "+x+" , y z", "a b c d e f "+x+", y z", "a b c d e f "+x+" ,y z")
	}
	for _, s := range shapes {
		for n := range 9 {
			src := strings.Repeat("w ", n) + s
			for _, format := range []prose.Format{prose.Plain, prose.Markdown} {
				checkIndexMarks(t, prose.Parse("s", []byte(src), format))
			}
		}
	}
}

// checkIndexMarks is FuzzIndexMarks's check of d.
func checkIndexMarks(t *testing.T, d *prose.Document) {
	t.Helper()
	if len(d.TypeLens()) < d.NumTypes() || len(d.GroupStarts())<<3 < len(d.Tokens) {
		t.Fatalf("%d lengths for %d types, %d group starts for %d tokens", len(d.TypeLens()), d.NumTypes(), len(d.GroupStarts()), len(d.Tokens))
	}
	for id := range uint32(d.NumTypes()) {
		if typeLen(d, id) != d.TypeLen(id) {
			t.Fatalf("typeLen(%d) = %d, TypeLen %d", id, typeLen(d, id), d.TypeLen(id))
		}
	}
	x := buildTokenIndex(d)
	var doubled, spaced, glued, starts []int32
	for _, b := range d.Blocks {
		for i := b.FirstToken(); i < b.EndToken(); i++ {
			tk := d.Tokens[i]
			c := x.class[tk.ID()]
			var pc uint32
			gap := -1
			if i > 0 {
				pc, gap = x.class[d.Tokens[i-1].ID()], d.TokenGap(i)
			}
			if c&pc&clsMark != 0 {
				doubled = append(doubled, int32(i-1))
			}
			if c&clsDots != 0 {
				doubled = append(doubled, int32(i))
			}
			if c&clsMark != 0 && gap > 0 {
				spaced = append(spaced, int32(i))
			}
			if c&clsMissing != 0 && gap == 0 && pc&clsWord != 0 && i+1 < len(d.Tokens) && d.TokenGap(i+1) == 0 {
				glued = append(glued, int32(i))
			}
			if (pc&clsStop != 0 || i == b.FirstToken()) && c&clsLowerStart != 0 {
				starts = append(starts, int32(i))
			}
		}
	}
	for _, l := range []struct {
		name      string
		got, want []int32
	}{
		{"doubled", x.doubled, doubled}, {"spaced", x.spaced, spaced}, {"glued", x.glued, glued}, {"starts", x.starts, starts},
	} {
		if !slices.Equal(l.got, l.want) {
			t.Fatalf("%q: %s lists %v, want %v", d.Text, l.name, head(l.got), head(l.want))
		}
	}
}

// TestFindRefsOracle checks findRefs, which probes the memo's table
// through pointers, against runTexts.find: for drafts of words of every
// length the hash reads differently (under four bytes, under eight, to
// sixteen, past it; outside ASCII too), with the memo holding none, some
// or most of them, at sizes on both sides of the table's growth, and past
// maxRef (whose texts have no ref).
func TestFindRefsOracle(t *testing.T) {
	r := rand.New(rand.NewPCG(23, 5))
	word := func() string {
		n := 1 + r.IntN(24)
		b := make([]byte, 0, n+2)
		for range n {
			b = append(b, "abcdefghijklmnopqrstuvwxyz"[r.IntN(26)])
		}
		if r.IntN(9) == 0 {
			b = append(b, "é"...)
		}
		return string(b)
	}
	for _, size := range []int{1, 700, 767, 768, 769, 1600, 3000, maxRef + 40} {
		memo := &runTexts{}
		var in []string
		for len(memo.words) < size {
			w := word()
			if h := memoHash(w); memo.find(w, h) < 0 {
				memo.add(w, h, runText{})
				in = append(in, w)
			}
		}
		if n := len(memo.slots); n&(n-1) != 0 {
			t.Fatalf("%d slots: not a power of two", n)
		}
		var b strings.Builder
		for k := range 3000 {
			if k%3 == 0 {
				b.WriteString(word())
			} else {
				b.WriteString(in[r.IntN(len(in))])
			}
			b.WriteString(" ")
		}
		d := prose.Parse("refs", []byte(b.String()), prose.Plain)
		refs := newTextRefs(memo, d)
		found := 0
		for id, ref := range refs.ref {
			text := d.Type(uint32(id))
			want := memo.find(text, memoHash(text)) + 1
			if want > maxRef {
				want = 0
			}
			if int(ref) != want {
				t.Fatalf("size %d: type %q has ref %d, want %d", size, text, ref, want)
			}
			if ref != 0 {
				found++
			}
		}
		if found == 0 {
			t.Errorf("size %d: no type found", size)
		}
	}
}

// FuzzFindRefs checks findRefs against runTexts.find for the types of
// any draft, with the memo holding the types of another (a part of it,
// and words of its own).
func FuzzFindRefs(f *testing.F) {
	for _, s := range uncheckedIndexShapes {
		f.Add(s, "x, "+s[:len(s)/2])
	}
	f.Fuzz(func(t *testing.T, src, known string) {
		memo := &runTexts{}
		for _, s := range []string{known, "a an the of x é abcdefgh abcdefghijklmnopq"} {
			k := prose.Parse("k", []byte(s), prose.Markdown)
			for id := range k.NumTypes() {
				text := k.Type(uint32(id))
				if h := memoHash(text); memo.find(text, h) < 0 {
					memo.add(text, h, runText{})
				}
			}
		}
		d := prose.Parse("d", []byte(src), prose.Plain)
		if d.TooVaried() {
			return
		}
		refs := newTextRefs(memo, d)
		for id, ref := range refs.ref {
			text := d.Type(uint32(id))
			if want := memo.find(text, memoHash(text)) + 1; int(ref) != want {
				t.Fatalf("type %q has ref %d, want %d", text, ref, want)
			}
		}
	})
}
