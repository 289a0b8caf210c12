package spell

import (
	"flag"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/edlint/edlint/dict"
)

// cleanDir holds professionally edited prose beside the checkout (absent
// in a fresh clone: the tests skip). The bigram table is made from
// WordNet, not from these texts, so they are held out.
const cleanDir = "../../../shared/corpora/clean"

var tuneCtx = flag.Bool("tunectx", false, "search the context weights on the tuning half of the synthetic typos")

// ctxCase is one synthetic typo: a dictionary word of a clean sentence
// corrupted by one edit into a non-word, with its neighbours.
type ctxCase struct {
	typo, want, prev, next string
	doc                    map[string]int // the other words of the text around it
	size                   int            // the number of words in doc
}

// docWindow is the most tokens on each side of a synthetic typo that
// stand for its document; each case draws its own size, from a
// paragraph to about a ten-page draft.
const docWindow = 2500

// synthTypos makes the synthetic typos: up to perFile cases from each
// clean text, from random words (fixed seed) of 2-10 lower-case letters
// that the dictionary accepts, each corrupted by one realistic edit
// (deletion, adjacent-key substitution, transposition, insertion of an
// adjacent key or a doubled letter), keeping only corruptions that are
// not words. The cases are split in two halves: tune and held out.
func synthTypos(t testing.TB, d *Dict, perFile int) (tune, held []ctxCase) {
	files, _ := filepath.Glob(filepath.Join(cleanDir, "*.txt"))
	if len(files) == 0 {
		t.Skip("clean corpora not available")
	}
	s := d.b.suggester()
	r := rand.New(rand.NewPCG(2026, 26))
	var all []ctxCase
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var toks []string
		for _, para := range strings.Split(string(src), "\n\n") {
			toks = append(toks, BigramTokens(strings.ReplaceAll(para, "\n", " "))...)
			toks = append(toks, "")
		}
		got := 0
		for tries := 0; got < perFile && tries < 50*perFile; tries++ {
			i := r.IntN(len(toks))
			w := toks[i]
			if len(w) < 2 || len(w) > 10 || !allLower(w) || !d.Check(w).OK() {
				continue
			}
			typo := corrupt(r, s, w)
			if typo == "" || d.Check(typo).OK() {
				continue
			}
			c := ctxCase{typo: typo, want: w}
			if i > 0 {
				c.prev = toks[i-1]
			}
			if i+1 < len(toks) {
				c.next = toks[i+1]
			}
			c.doc = map[string]int{}
			win := 50 + r.IntN(docWindow)
			for j := max(0, i-win); j < min(len(toks), i+win+1); j++ {
				if j != i && toks[j] != "" {
					c.doc[toks[j]]++
					c.size++
				}
			}
			all = append(all, c)
			got++
		}
	}
	r.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	return all[:len(all)/2], all[len(all)/2:]
}

func allLower(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// corrupt applies one random edit to w; "" if the chosen edit does not
// apply.
func corrupt(r *rand.Rand, s *suggester, w string) string {
	b := []byte(w)
	i := r.IntN(len(b))
	neighbour := func(c byte) byte {
		var ns []byte
		for x := byte('a'); x <= 'z'; x++ {
			if s.adj[c-'a'][x-'a'] {
				ns = append(ns, x)
			}
		}
		return ns[r.IntN(len(ns))]
	}
	switch r.IntN(4) {
	case 0: // deletion
		return string(b[:i]) + string(b[i+1:])
	case 1: // adjacent-key substitution
		b[i] = neighbour(b[i])
		return string(b)
	case 2: // transposition
		if i+1 >= len(b) || b[i] == b[i+1] {
			return ""
		}
		b[i], b[i+1] = b[i+1], b[i]
		return string(b)
	default: // insertion: a doubled letter or a key beside it
		c := b[i]
		if r.IntN(2) == 0 {
			c = neighbour(c)
		}
		return string(b[:i]) + string(c) + string(b[i:])
	}
}

type ctxScore struct{ n, plain, ctx, doc int }

func (s ctxScore) pct(k int) float64 { return 100 * float64(k) / float64(s.n) }

func scoreCtx(d *Dict, w *weights, cw *ctxWeights, cases []ctxCase, plain bool) ctxScore {
	s := ctxScore{n: len(cases)}
	for _, c := range cases {
		if plain {
			if got := d.suggestWith(w, c.typo, 1); len(got) > 0 && got[0] == c.want {
				s.plain++
			}
		}
		if got := d.suggestContextWith(w, cw, c.typo, Context{Prev: c.prev, Next: c.next}, 1); len(got) > 0 && got[0] == c.want {
			s.ctx++
		}
		doc := c.doc
		uses := func(w string) int { return doc[w] }
		if got := d.suggestContextWith(w, cw, c.typo, Context{Prev: c.prev, Next: c.next, Uses: uses, Size: c.size}, 1); len(got) > 0 && got[0] == c.want {
			s.doc++
		}
	}
	return s
}

// TestContextSynthetic measures top-1 on the held-out half of the
// synthetic typos without context, with the neighbouring words, and with
// the neighbours and the document's words: each must add at least a
// point, and both together at least 3.
func TestContextSynthetic(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	d := Builtin()
	_, held := synthTypos(t, d, 1000)
	s := scoreCtx(d, &defaultWeights, &defaultCtx, held, true)
	t.Logf("held-out synthetic typos: n=%d top-1 without context %.2f%%, with neighbours %.2f%%, with neighbours and document %.2f%%",
		s.n, s.pct(s.plain), s.pct(s.ctx), s.pct(s.doc))
	if s.pct(s.ctx) < s.pct(s.plain)+1 || s.pct(s.doc) < s.pct(s.ctx)+1 || s.pct(s.doc) < s.pct(s.plain)+3 {
		t.Errorf("context gains too small: %.2f%% -> %.2f%% -> %.2f%%, want +1, +1 and +3 in all",
			s.pct(s.plain), s.pct(s.ctx), s.pct(s.doc))
	}
}

// TestTuneContext is a grid search of the context weights on the tuning
// half. Run with -run TuneContext -args -tunectx.
func TestTuneContext(t *testing.T) {
	if !*tuneCtx {
		t.Skip("run with -args -tunectx")
	}
	d := Builtin()
	tune, _ := synthTypos(t, d, 1000)
	base := scoreCtx(d, &defaultWeights, &defaultCtx, tune, true)
	t.Logf("tune: n=%d without context %.2f%%", base.n, base.pct(base.plain))
	for _, wt := range []float64{0.75} {
		for _, prior := range []float64{3000} {
			for _, doc := range []float64{0.75, 1, 1.5} {
				for _, cache := range []float64{300, 1000, 3000, 10000} {
					cw := ctxWeights{Pool: 10, Weight: wt, Prior: prior, Doc: doc, Cache: cache}
					s := scoreCtx(d, &defaultWeights, &cw, tune, false)
					t.Logf("weight %.2f prior %5.0f doc %.2f cache %5.0f: neighbours %.2f%%, and document %.2f%%",
						wt, prior, doc, cache, s.pct(s.ctx), s.pct(s.doc))
				}
			}
		}
	}
}

// TestSuggestContextFallback: without neighbours, or without a table,
// SuggestContext is Suggest.
func TestSuggestContextFallback(t *testing.T) {
	d := Builtin()
	for _, w := range []string{"mang", "Followig", "recieve", "KGB’", "long-runing"} {
		if a, b := d.SuggestContext(w, "", "", 5), d.Suggest(w, 5); strings.Join(a, "|") != strings.Join(b, "|") {
			t.Errorf("SuggestContext(%q) without context = %q, Suggest = %q", w, a, b)
		}
	}
	bare, err := Load(withoutBigrams{dict.FS()})
	if err != nil {
		t.Fatal(err)
	}
	if a, b := bare.SuggestContext("ge", "would", "a", 5), bare.Suggest("ge", 5); strings.Join(a, "|") != strings.Join(b, "|") {
		t.Errorf("without a table: SuggestContext = %q, Suggest = %q", a, b)
	}
}

// TestSuggestContext checks the re-ranking on phrases not from the seed
// draft, where the neighbours change the first suggestion.
func TestSuggestContext(t *testing.T) {
	d := Builtin()
	for _, c := range []ctxCase{
		{typo: "th", want: "the", prev: "of", next: "house"},
		{typo: "wnt", want: "went", prev: "she", next: "home"},
		{typo: "tha", want: "than", prev: "more", next: "one"},
		{typo: "si", want: "is", prev: "it", next: "not"},
	} {
		got := d.SuggestContext(c.typo, c.prev, c.next, 3)
		t.Logf("%s %s %s: %q (no context %q)", c.prev, c.typo, c.next, got, d.Suggest(c.typo, 3))
		if len(got) == 0 || got[0] != c.want {
			t.Errorf("%s %s %s: got %q, want %q first", c.prev, c.typo, c.next, got, c.want)
		}
	}
}

// withoutBigrams hides en-bigrams.txt.
type withoutBigrams struct{ fs.FS }

func (w withoutBigrams) Open(name string) (fs.File, error) {
	if name == bigramsFile {
		return nil, fs.ErrNotExist
	}
	return w.FS.Open(name)
}

var ctxBench = []ctxCase{
	{typo: "mang", prev: "in", next: "such"}, {typo: "ge", prev: "generally", next: "a"},
	{typo: "tha", prev: "more", next: "one"}, {typo: "unerstood", prev: "well", next: "type"},
	{typo: "wnt", prev: "she", next: "home"},
}

// BenchmarkSuggestPlain and BenchmarkSuggestContext compare the cost of
// ranking with and without the neighbours, on the same words, without
// the Dict's memo (every call searches).
func BenchmarkSuggestPlain(b *testing.B) {
	d := &Dict{b: Builtin().b}
	d.SuggestContext("warmup", "a", "b", 1)
	for i := 0; b.Loop(); i++ {
		c := ctxBench[i%len(ctxBench)]
		d.Suggest(c.typo, 5)
	}
}

func BenchmarkSuggestContext(b *testing.B) {
	d := &Dict{b: Builtin().b}
	d.SuggestContext("warmup", "a", "b", 1)
	for i := 0; b.Loop(); i++ {
		c := ctxBench[i%len(ctxBench)]
		d.SuggestContext(c.typo, c.prev, c.next, 5)
	}
}

// BenchmarkBigramLoad is the one-time cost of the first SuggestContext with
// lists other than the built-in ones, whose table and totals compact.bin
// holds ready to use.
func BenchmarkBigramLoad(b *testing.B) {
	data, err := fs.ReadFile(dict.FS(), bigramsFile)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		newBigramModel(data)
	}
}

// TestBigramMemory logs the heap the loaded table holds.
func TestBigramMemory(t *testing.T) {
	d, err := Load(dict.FS())
	if err != nil {
		t.Fatal(err)
	}
	d.Suggest("mang", 5)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	m := d.b.bigrams()
	runtime.GC()
	runtime.ReadMemStats(&after)
	t.Logf("bigram table: %d bytes, heap +%.1f MB (heap in use with the dictionary and the table: %.1f MB)",
		len(m.data), float64(after.HeapAlloc-before.HeapAlloc)/1e6, float64(after.HeapAlloc)/1e6)
	runtime.KeepAlive(d)
}

// TestSuggestContextConcurrent: the bigram table loads once while many
// goroutines ask (run with -race).
func TestSuggestContextConcurrent(t *testing.T) {
	d, err := Load(dict.FS())
	if err != nil {
		t.Fatal(err)
	}
	want := d.SuggestContext("ot", "do", "know", 3)
	d, _ = Load(dict.FS())
	done := make(chan []string)
	for range 4 {
		go func() { done <- d.SuggestContext("ot", "do", "know", 3) }()
	}
	for range 4 {
		if got := <-done; strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("concurrent SuggestContext = %q, want %q", got, want)
		}
	}
}

// TestBigramCount checks lookups at the table's edges and misses.
func TestBigramCount(t *testing.T) {
	m := newBigramModel([]byte("# header\na\t5\na b\t2\nb\t3\nb a\t1\nc\t1\n"))
	for key, want := range map[string]float64{"a": 5, "a b": 2, "b": 3, "b a": 1, "c": 1, "": 0, "a c": 0, "d": 0, "#": 0} {
		if got := m.count(key); got != want {
			t.Errorf("count(%q) = %v, want %v", key, got, want)
		}
	}
	if m.total != 9 || m.vocab != 3 {
		t.Errorf("total %v vocab %v, want 9 and 3", m.total, m.vocab)
	}
	// No header, and more lines than marks.
	var text strings.Builder
	for i := range 3 * bigramMarks {
		fmt.Fprintf(&text, "w%05d\t%d\n", i, i+1)
	}
	m = newBigramModel([]byte(text.String()))
	for i := range 3 * bigramMarks {
		if got, want := m.count(fmt.Sprintf("w%05d", i)), float64(i+1); got != want {
			t.Fatalf("count(w%05d) = %v, want %v", i, got, want)
		}
	}
	for _, key := range []string{"", "w", "w0000", "w000000", "x", "w99999"} {
		if got := m.count(key); got != 0 {
			t.Errorf("count(%q) = %v, want 0", key, got)
		}
	}
	if len(m.marks) < bigramMarks/2 {
		t.Errorf("%d marks", len(m.marks))
	}
}

// TestBigramCountAll checks the binary search against a map of the
// built-in table's lines: every key, and strings beside each (a prefix,
// an extension, a neighbour by the last byte), which it must miss.
func TestBigramCountAll(t *testing.T) {
	m := Builtin().b.bigrams()
	if m == nil {
		t.Skip("no bigram table")
	}
	want := map[string]float64{}
	for _, line := range strings.Split(m.data[m.start:], "\n") {
		if k, v, ok := strings.Cut(line, "\t"); ok {
			n, _ := strconv.Atoi(v)
			want[k] = float64(n)
		}
	}
	if len(want) < 1000 {
		t.Fatalf("only %d lines read", len(want))
	}
	probe := func(k string) {
		if got := m.count(k); got != want[k] {
			t.Fatalf("count(%q) = %v, want %v", k, got, want[k])
		}
	}
	for k := range want {
		probe(k)
		probe(k[:len(k)-1])
		probe(k + "a")
		probe(k + " ")
		probe(k[:len(k)-1] + string(k[len(k)-1]+1))
		probe(k[:len(k)-1] + string(k[len(k)-1]-1))
	}
	probe("")
	probe("\x00")
	probe("\xff")
}

// TestSuggestInMemo checks SuggestIn's memo of rankings in context
// (ctxRanking) against rankings worked out afresh: copies of the default
// weights bypass every memo. The same words and neighbours are asked
// with several documents' uses, in two orders, so a memo that kept a
// document's cache term, or answered for other neighbours or another
// pool, would differ.
func TestSuggestInMemo(t *testing.T) {
	d := Builtin().WithWords(nil)
	w, cw := defaultWeights, defaultCtx
	typos := []string{"teh", "recieve", "knowng", "form", "adress", "goverment", "thier", "comittee", "wich", "beleive"}
	sides := [][2]string{{"", ""}, {"the", ""}, {"", "of"}, {"to", "the"}, {"we", "it"}}
	docs := []map[string]int{nil, {"the": 50, "receive": 3, "knowing": 4, "from": 9}, {"form": 7, "address": 2, "which": 5, "believe": 1}}
	for pass := range 2 {
		for i, typo := range typos {
			for j, s := range sides {
				for k := range docs {
					doc := docs[(k+pass*(i+j))%len(docs)]
					c := Context{Prev: s[0], Next: s[1], Size: 400}
					if doc != nil {
						c.Uses = func(w string) int { return doc[w] }
					}
					for _, n := range []int{1, 5, 12} {
						got := d.SuggestIn(typo, c, n)
						want := d.suggestContextWith(&w, &cw, typo, c, n)
						if !slices.Equal(got, want) {
							t.Fatalf("pass %d: SuggestIn(%q, %q/%q, doc %d, %d) = %q, afresh %q", pass, typo, s[0], s[1], k, n, got, want)
						}
					}
				}
			}
		}
	}
}
