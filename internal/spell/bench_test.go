package spell

import (
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/edlint/edlint/dict"
)

func BenchmarkBuiltinLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(dict.FS()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCheck(b *testing.B) {
	d := Builtin()
	for _, word := range []string{"intelligence", "The", "KGB’s", "long-term", "Followig"} {
		b.Run(word, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				d.Check(word)
			}
		})
	}
}

// benchTypos are typos of the seed draft's kinds: a capitalised word, a
// doubled letter, a dropped letter, a short word, a lost space.
var benchTypos = []string{"Followig", "accummulating", "unerstood", "mang", "aboutthe"}

// BenchmarkSuggest is the candidate search itself: the Dict has no memo,
// so every call searches (one op is one word).
func BenchmarkSuggest(b *testing.B) {
	d := &Dict{b: Builtin().b} // no memo
	d.Suggest("warmup", 1)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		d.Suggest(benchTypos[i%len(benchTypos)], 5)
	}
}

// BenchmarkSuggestMemo is a repeated Suggest on a Dict with its memo: the
// cost of the second and later uses of an unknown word in a run.
func BenchmarkSuggestMemo(b *testing.B) {
	d := Builtin()
	for _, w := range benchTypos {
		d.Suggest(w, 5)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		d.Suggest(benchTypos[i%len(benchTypos)], 5)
	}
}

// BenchmarkSuggestIndex is the one-time cost of the first Suggest over a
// freshly loaded dictionary. With compact.bin the trie and the metaphone
// index are sections of the blob, so this is one search and nothing to
// build.
func BenchmarkSuggestIndex(b *testing.B) {
	for b.Loop() {
		b.StopTimer()
		d, err := Load(dict.FS())
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		d.Suggest("epionage", 1)
	}
}

// TestMemory reports the heap held by the dictionary with its suggestion
// indexes built (a report, not a timed or sized assertion).
func TestMemory(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	d, err := Load(dict.FS())
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	var loaded runtime.MemStats
	runtime.ReadMemStats(&loaded)
	d.Suggest("epionage", 1)
	d.Suggest("xqzjvkw", 1)  // nothing near: builds the metaphone index too
	d.Misspelling("recieve") //nolint:misspell // a known misspelling on purpose
	runtime.GC()
	runtime.ReadMemStats(&after)
	t.Logf("heap: dictionary %.1f MB, with suggestion indexes %.1f MB; process Sys %.1f MB, %s",
		mb(loaded.HeapAlloc-before.HeapAlloc), mb(after.HeapAlloc-before.HeapAlloc), mb(after.Sys), peakRSS())
	runtime.KeepAlive(d)
}

func mb(x uint64) float64 { return float64(x) / (1 << 20) }

// peakRSS returns the process's peak resident set from /proc (Linux).
func peakRSS() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "peak RSS unknown"
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			return "peak RSS " + strings.Join(strings.Fields(line)[1:], " ")
		}
	}
	return "peak RSS unknown"
}

// slowQueries are the unknown words of the clean corpora whose searches
// cost the most (short and mixed-case words: 0.7-3.6 ms each before the
// search was reworked).
var slowQueries = []string{"bNet", "arein", "sarin", "assed", "curity", "aState", "signin", "laons",
	"cers", "madein", "sional", "aTerror", "canbe", "atthe"}

// BenchmarkSearch is the candidate search with the default weights and
// memo depth, with no memo (one op searches every word of the list):
// "slow" is slowQueries, "corpus" the 320 distinct unknown words that a
// run over the clean corpora searches for (testdata/corpus-queries.txt),
// "seed" the seed draft's typos.
func BenchmarkSearch(b *testing.B) {
	corpus, err := os.ReadFile("testdata/corpus-queries.txt")
	if err != nil {
		b.Fatal(err)
	}
	var seed []string
	for _, t := range seedTypos {
		seed = append(seed, t.typo)
	}
	d := &Dict{b: Builtin().b} // no memo
	d.searchScored(&defaultWeights, "warmup", memoDepth)
	for _, set := range []struct {
		name  string
		words []string
	}{{"slow", slowQueries}, {"corpus", strings.Fields(string(corpus))}, {"seed", seed}} {
		b.Run(set.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, w := range set.words {
					d.searchScored(&defaultWeights, w, memoDepth)
				}
			}
		})
	}
}
