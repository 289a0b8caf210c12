package report

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/edlint/edlint/internal/lint"
	"github.com/edlint/edlint/internal/shareddir"
)

// sameTextAsReference fails when Text's bytes differ from refText's for
// files, with colour and without, with the summary and without.
func sameTextAsReference(t *testing.T, what string, files []*lint.File) {
	t.Helper()
	for _, opts := range []Options{{}, {Color: true}, {Quiet: true}, {Color: true, Quiet: true}} {
		var got, want bytes.Buffer
		errGot, errWant := Text(&got, files, opts), refText(&want, files, opts)
		if (errGot == nil) != (errWant == nil) {
			t.Errorf("%s %+v: error %v, reference %v", what, opts, errGot, errWant)
		}
		if a, b := got.Bytes(), want.Bytes(); !bytes.Equal(a, b) {
			i := 0
			for i < len(a) && i < len(b) && a[i] == b[i] {
				i++
			}
			t.Errorf("%s %+v: text differs from the reference at byte %d of %d/%d:\n got  %q\n want %q",
				what, opts, i, len(a), len(b), around(a, i), around(b, i))
		}
	}
}

// realDraftPaths are the golden drafts, the seed draft and the clean
// corpora (one of them with -short).
func realDraftPaths(t testing.TB) []string {
	paths := []string{"../../testdata/sample.md", "../../testdata/seed-draft.txt"}
	drafts, _ := filepath.Glob("../../testdata/e2e/drafts/*")
	paths = append(paths, drafts...)
	if sh := shareddir.Find(); sh != "" {
		paths = append(paths, filepath.Join(sh, "samples", "seed-draft.txt"))
		clean, _ := filepath.Glob(filepath.Join(sh, "corpora", "clean", "*"))
		if testing.Short() && len(clean) > 0 {
			clean = clean[:1]
		}
		paths = append(paths, clean...)
	} else {
		t.Log("../shared not found: the clean corpora are not compared")
	}
	return paths
}

func TestTextRealDrafts(t *testing.T) {
	paths := realDraftPaths(t)
	for _, p := range paths {
		sameTextAsReference(t, p, lintPaths(t, false, p))
	}
	sameTextAsReference(t, "all together", lintPaths(t, true, paths...))
	sameTextAsReference(t, "with errors", lintPaths(t, true, append([]string{"../../testdata/no-such-file.md", "../../testdata"}, paths[:2]...)...))
}

func TestTextRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for i := range 3000 {
		extra := ""
		if i%3 == 0 {
			extra = []string{"word's", "a-b", "a - b", "’", "  ", "x\u0301y", "١٢", "\xe2\x82", "\xff", "é\xa9"}[r.IntN(10)]
		}
		sameTextAsReference(t, fmt.Sprintf("random #%d", i), dropPanics(randomFiles(r, extra)))
		if t.Failed() {
			return
		}
	}
}

// dropPanics drops the findings on which the text format panics, as the
// reference did: a span starting on the "\n" of a "\r\n" ends its
// excerpt before it starts. No rule reports such a span.
func dropPanics(files []*lint.File) []*lint.File {
	for _, f := range files {
		if f.Doc == nil {
			continue
		}
		kept := f.Findings[:0]
		for _, x := range f.Findings {
			if x.Start <= x.End && x.End <= len(f.Doc.Src) && x.Start > f.Doc.LineSpan(f.Doc.Position(x.Start).Line).End {
				continue
			}
			kept = append(kept, x)
		}
		f.Findings = kept
	}
	return files
}

// TestWordDiffSame compares wordDiff with the reference on random pairs of
// texts made of few distinct units, so that words repeat and go-diff's
// merge shifts edits over equalities, and on pairs that differ as a
// suggestion does: in one place.
func TestWordDiffSame(t *testing.T) {
	units := []string{"a", "b", "the", " ", "  ", "-", "'", "’", "x-y", "it's", "é", "日本", ",", ".", "\t", "\u0301", "1", "a'", "-a", "ab"}
	r := rand.New(rand.NewPCG(5, 6))
	text := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(units[r.IntN(len(units))])
		}
		return b.String()
	}
	pals := []palette{newPalette(false), newPalette(true)}
	refPals := []refPalette{refNewPalette(false), refNewPalette(true)}
	n := 60000
	if testing.Short() {
		n = 5000
	}
	for i := range n {
		old, fixed := textPair(r, text, i%3 == 0, 12, 10)
		for k := range pals {
			got, want := wordDiff(pals[k], old, fixed), refWordDiff(refPals[k], old, fixed)
			if got != want {
				t.Fatalf("wordDiff(%q, %q) colour %v = %q, reference %q", old, fixed, k == 1, got, want)
			}
		}
	}
}

// TestSplitNear compares splitNear, which cuts into units only the part of
// two texts around their difference, with splitAll, which cuts all, on
// random pairs that differ in one place or anywhere.
func TestSplitNear(t *testing.T) {
	units := []string{"a", "b", " ", "  ", "-", "'", "’", "x-y", "it's", "é", "\u0301", ",", "\t", "a'", "-a", "ab", "\xe2", "\x82"}
	r := rand.New(rand.NewPCG(9, 10))
	text := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(units[r.IntN(len(units))])
		}
		return b.String()
	}
	var near, all wordDiffer
	notOK := 0
	for i := range 300000 {
		old, fixed := textPair(r, text, i%4 == 0, 10, 10)
		if old == fixed {
			continue
		}
		got, ok := near.splitNear(old, fixed, randomKnown(r, old, fixed))
		if !ok {
			notOK++
			continue
		}
		want := all.splitAll(old, fixed)
		if got.pre != want.pre || got.suf != want.suf || !slices.Equal(got.ma, want.ma) || !slices.Equal(got.mb, want.mb) {
			t.Fatalf("splitNear(%q, %q) = %+v, splitAll %+v", old, fixed, got, want)
		}
	}
	if notOK > 30000 {
		t.Errorf("splitNear gave up on %d pairs", notOK)
	}
	t.Logf("splitNear gave up on %d pairs", notOK)
}

// TestUnitLenSame compares unitLen with the reference on random strings of
// words, marks, spaces and broken UTF-8.
func TestUnitLenSame(t *testing.T) {
	parts := []string{"a", "Z", "9", " ", "'", "’", "-", "é", "\u0301", "日", "١", "\xe2", "\x82", "\xac", "\xff", "\ufffd", ".", "\t", "_", "‘", "—", "x-", "-y"}
	r := rand.New(rand.NewPCG(7, 8))
	for range 200000 {
		var b strings.Builder
		for range 1 + r.IntN(8) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		s := b.String()
		if got, want := unitLen(s), refUnitLen(s); got != want {
			t.Fatalf("unitLen(%q) = %d, reference %d", s, got, want)
		}
	}
	for c := range 256 {
		for _, s := range []string{string(rune(c)), string([]byte{byte(c)}), "a" + string([]byte{byte(c)}) + "b", "a" + string(rune(c)) + "b"} {
			if got, want := unitLen(s), refUnitLen(s); got != want {
				t.Fatalf("unitLen(%q) = %d, reference %d", s, got, want)
			}
		}
	}
}

// BenchmarkText formats the findings of the clean corpora (linted once),
// and so does the reference (reftext_test.go) beside it.
func BenchmarkText(b *testing.B) {
	files, n := cleanFindings(b, false)
	for _, c := range []struct {
		name string
		opts Options
	}{{"never", Options{}}, {"always", Options{Color: true}}} {
		benchFormat(b, c.name, Text, files, c.opts, n)
		benchFormat(b, c.name+"/reference", refText, files, c.opts, n)
	}
}

// cleanFindings lints the clean corpora for a benchmark (together or one
// by one) and counts their findings; it skips without ../shared.
func cleanFindings(b *testing.B, together bool) ([]*lint.File, int) {
	sh := shareddir.Find()
	if sh == "" {
		b.Skip("../shared not found")
	}
	clean, _ := filepath.Glob(filepath.Join(sh, "corpora", "clean", "*"))
	files := lintPaths(b, together, clean...)
	n := 0
	for _, f := range files {
		n += len(f.Findings)
	}
	return files, n
}

// benchFormat times format over files (n findings) as sub-benchmark name.
func benchFormat(b *testing.B, name string, format Formatter, files []*lint.File, opts Options, n int) {
	b.Run(name, func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := format(io.Discard, files, opts); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/finding")
	})
}

// TestWordDiffFramed compares writeFramed, which reads the excerpt's
// ellipses apart, with write of the framed texts, on random pairs that
// differ in one place or anywhere, some holding ellipses themselves.
func TestWordDiffFramed(t *testing.T) {
	units := []string{"a", "b", "the", " ", "  ", "-", "'", "’", "x-y", "é", ",", ".", "…", "…a", "a…", "1"}
	r := rand.New(rand.NewPCG(7, 8))
	text := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(units[r.IntN(len(units))])
		}
		return b.String()
	}
	frames := []string{"", ellipsis}
	n := 40000
	if testing.Short() {
		n = 4000
	}
	for i := range n {
		old, fixed := textPair(r, text, i%3 == 0, 10, 8)
		lead, trail := frames[r.IntN(2)], frames[r.IntN(2)]
		for _, colour := range []bool{false, true} {
			p := newPalette(colour)
			var got, want textBuf
			var wd wordDiffer
			wd.writeFramed(&got, &p, lead, old, fixed, trail, randomKnown(r, old, fixed))
			wd.write(&want, &p, lead+old+trail, lead+fixed+trail)
			if string(got) != string(want) {
				t.Fatalf("writeFramed(%q, %q, %q, %q) colour %v = %q, want %q", lead, old, fixed, trail, colour, got, want)
			}
		}
	}
}

// textPair draws an old and a fixed text from text(n): apart, each of up
// to whole-1 units, or else around a shared start and end of up to
// shared-1 units each, a middle of up to three units apiece.
func textPair(r *rand.Rand, text func(int) string, apart bool, whole, shared int) (old, fixed string) {
	if apart {
		return text(r.IntN(whole)), text(r.IntN(whole))
	}
	before, after := text(r.IntN(shared)), text(r.IntN(shared))
	return before + text(r.IntN(4)) + after, before + text(r.IntN(4)) + after
}

// randomKnown draws what old and fixed may be said to share: up to their
// common byte prefix and, apart, up to their common byte suffix, which
// may overlap the prefix.
func randomKnown(r *rand.Rand, old, fixed string) known {
	n := min(len(old), len(fixed))
	cp, cs := 0, 0
	for cp < n && old[cp] == fixed[cp] {
		cp++
	}
	for cs < n && old[len(old)-1-cs] == fixed[len(fixed)-1-cs] {
		cs++
	}
	return known{r.IntN(cp + 1), r.IntN(cs + 1)}
}
