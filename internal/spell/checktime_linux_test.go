package spell

import (
	"flag"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/edlint/edlint/internal/prose"
)

var (
	checkTimeReps = flag.Int("checktime", 0, "run TestCheckTime with this many repetitions")
	checkOnce     = flag.Bool("checkonce", false, "TestCheckTime checks every distinct word once, untimed (for cachegrind)")
	checkWords    = flag.String("checkwords", "", "TestCheckTime reads its words from this file, one a line, if it exists, else writes them there")
)

// TestCheckTime is a tool for timing Check as a run uses it, once per
// distinct word of a draft, on a shared, noisy machine: it reports the
// least thread CPU time per word, over the repetitions, of checking a
// sample of the distinct words of the clean corpora one after the other
// ("warm"), and the sum of each word's least time for its check after 8
// MB of unrelated memory traffic and checks of other words ("cold": in a run, the other work between two new words evicts
// the dictionary from the caches, and it is the cold cost that a run
// pays). Under cachegrind, one repetition gives the cache misses of cold
// lookups without the noise: with -checkonce it checks every distinct
// word once and nothing else (the dictionary is far larger than the
// caches, so nearly every lookup is cold), and cg_annotate gives the
// misses of the lookup functions (with -checkwords, the corpora are
// tokenized once and the words kept in a file, which leaves the test's
// own costs small).
//
//	GOMAXPROCS=1 ./spell.test -test.run CheckTime -test.v -checktime 10
//	valgrind --tool=cachegrind --cache-sim=yes ./spell.test -test.run CheckTime -checkonce
func TestCheckTime(t *testing.T) {
	if *checkOnce {
		words := corpusTypes(t, 0)
		d := &Dict{b: Builtin().b}
		for _, w := range words {
			d.Check(w)
		}
		return
	}
	if *checkTimeReps <= 0 {
		t.Skip("run with -checktime N")
	}
	words := corpusTypes(t, 4000)
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	d := &Dict{b: Builtin().b}
	for _, w := range words {
		d.Check(w)
	}
	junk := make([]byte, 8<<20)
	flush := func() {
		for i := 0; i < len(junk); i += 64 {
			junk[i]++
		}
		// In a run, the code of Check and the data it reads for every
		// word stay in the caches between two new words; the
		// dictionary's entries for them do not. Words of every shape
		// bring the former back.
		for _, w := range checkWarmers {
			d.Check(w)
		}
	}
	// Each word's cold time is its least over the repetitions, as is
	// the clock's own cost after the traffic (its code and data are
	// cold too), which is taken off: a preemption or another
	// engineer's benchmark spoils one repetition of a word, not the
	// total.
	cold := make([]time.Duration, len(words))
	empty := make([]time.Duration, len(words))
	for i := range cold {
		cold[i], empty[i] = 1<<62, 1<<62
	}
	warm := time.Duration(1 << 62)
	for range *checkTimeReps {
		t0 := threadCPU()
		for _, w := range words {
			d.Check(w)
		}
		warm = min(warm, threadCPU()-t0)
		for i, w := range words {
			flush()
			t0 := time.Now()
			d.Check(w)
			cold[i] = min(cold[i], time.Since(t0))
			flush()
			t0 = time.Now()
			empty[i] = min(empty[i], time.Since(t0))
		}
	}
	var c, e time.Duration
	for i := range cold {
		c += cold[i]
		e += empty[i]
	}
	n := float64(len(words))
	t.Logf("least of %d: warm %.1f ns/word, cold %.1f ns/word, less the clock's %.1f (%d words)",
		*checkTimeReps, float64(warm.Nanoseconds())/n, float64((c-e).Nanoseconds())/n, float64(e.Nanoseconds())/n, len(words))
}

// checkWarmers take Check's common paths.
var checkWarmers = []string{"the", "The", "THE", "don't", "long-term", "qzvxj", "Qzvxj", "Qzv’s", "U.S."}

// corpusTypes returns a sample of about n (0: all) of the distinct tokens
// with a letter in the shared clean corpora, in a fixed order.
func corpusTypes(t *testing.T, n int) (out []string) {
	if *checkWords != "" {
		if b, err := os.ReadFile(*checkWords); err == nil {
			return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
		}
		defer func() {
			if err := os.WriteFile(*checkWords, []byte(strings.Join(out, "\n")+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}()
	}
	files, err := filepath.Glob("../../../shared/corpora/clean/*.txt")
	if err != nil || len(files) == 0 {
		files, _ = filepath.Glob("/work/shared/corpora/clean/*.txt")
	}
	if len(files) == 0 {
		t.Skip("no clean corpora")
	}
	seen := map[string]bool{}
	var all []string
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc := prose.Parse(f, src, prose.Plain)
		for id := range doc.NumTypes() {
			w := doc.Type(uint32(id))
			if !seen[w] && hasLetter(w) {
				seen[w] = true
				all = append(all, w)
			}
		}
	}
	slices.Sort(all)
	step := 1
	if n > 0 {
		step = max(1, len(all)/n)
	}
	for i := 0; i < len(all); i += step {
		out = append(out, all[i])
	}
	t.Logf("%d of %d distinct words", len(out), len(all))
	return out
}

func hasLetter(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
