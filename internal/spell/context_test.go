package spell

import (
	"flag"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

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
}

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
			toks = append(toks, testTokens(strings.ReplaceAll(para, "\n", " "))...)
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

// testTokens splits text as dict/gen/bigrams does: lower-case words,
// "" where punctuation (other than quotes and brackets) or a digit
// separates them.
func testTokens(text string) []string {
	var out []string
	var word strings.Builder
	bad := false
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
		case (r == '\'' || r == '’' || r == '-') && word.Len() > 0:
			next, _ := utf8.DecodeRuneInString(text[i+utf8.RuneLen(r):])
			if !unicode.IsLetter(next) {
				flush()
				continue
			}
			if r == '’' {
				r = '\''
			}
			word.WriteRune(r)
		default:
			flush()
			if !unicode.IsSpace(r) && !strings.ContainsRune("\"'`‘’“”«»()[]{}", r) {
				out = append(out, "")
			}
		}
	}
	flush()
	return out
}

type ctxScore struct{ n, plain, ctx int }

func (s ctxScore) pct(k int) float64 { return 100 * float64(k) / float64(s.n) }

func scoreCtx(d *Dict, w *weights, cw *ctxWeights, cases []ctxCase, plain bool) ctxScore {
	s := ctxScore{n: len(cases)}
	for _, c := range cases {
		if plain {
			if got := d.suggestWith(w, c.typo, 1); len(got) > 0 && got[0] == c.want {
				s.plain++
			}
		}
		if got := d.suggestContextWith(w, cw, c.typo, c.prev, c.next, 1); len(got) > 0 && got[0] == c.want {
			s.ctx++
		}
	}
	return s
}

// TestContextSynthetic measures top-1 with and without context on the
// held-out half of the synthetic typos; context must add at least 3
// points.
func TestContextSynthetic(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	d := Builtin()
	_, held := synthTypos(t, d, 1000)
	s := scoreCtx(d, &defaultWeights, &defaultCtx, held, true)
	t.Logf("held-out synthetic typos: n=%d top-1 without context %.2f%%, with context %.2f%%",
		s.n, s.pct(s.plain), s.pct(s.ctx))
	if s.pct(s.ctx) < s.pct(s.plain)+3 {
		t.Errorf("context top-1 %.2f%%, want at least %.2f%% (no context + 3)", s.pct(s.ctx), s.pct(s.plain)+3)
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
	for _, pool := range []int{5, 10, 20} {
		for _, wt := range []float64{0.5, 0.75, 1} {
			for _, prior := range []float64{20, 300, 3000, 10000, 30000} {
				cw := ctxWeights{Pool: pool, Weight: wt, Prior: prior}
				s := scoreCtx(d, &defaultWeights, &cw, tune, false)
				t.Logf("pool %d weight %.2f prior %5.0f: %.2f%%", pool, wt, prior, s.pct(s.ctx))
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
		{"th", "the", "of", "house"},
		{"wnt", "went", "she", "home"},
		{"tha", "than", "more", "one"},
		{"si", "is", "it", "not"},
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
