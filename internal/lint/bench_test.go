package lint_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/edlint/edlint/internal/lint"
	"github.com/edlint/edlint/internal/prose"
	"github.com/edlint/edlint/internal/rules/ruletest"
	"github.com/edlint/edlint/internal/spell"
)

// corpus returns about size bytes of edited prose: the clean corpora
// repeated. It skips the benchmark when ../shared is absent.
func corpus(b *testing.B, size int) []byte {
	b.Helper()
	shared := ruletest.SharedDir()
	if shared == "" {
		b.Skip("../shared not present")
	}
	paths, _ := filepath.Glob(filepath.Join(shared, "corpora", "clean", "*.txt"))
	var one []byte
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		one = append(one, src...)
	}
	if len(one) == 0 {
		b.Skip("empty corpus")
	}
	var buf bytes.Buffer
	for buf.Len() < size {
		buf.Write(one)
	}
	return buf.Bytes()[:size]
}

func seed(b *testing.B) []byte {
	b.Helper()
	shared := ruletest.SharedDir()
	if shared == "" {
		b.Skip("../shared not present")
	}
	src, err := os.ReadFile(filepath.Join(shared, "samples", "seed-draft.txt"))
	if err != nil {
		b.Skip(err)
	}
	return src
}

// BenchmarkLintCorpus lints 20 MB of plain text with every default rule on
// one goroutine; MB/s is the throughput figure of the README.
func BenchmarkLintCorpus(b *testing.B) {
	src := corpus(b, 20<<20)
	spell.Builtin()
	cfg := &lint.Config{}
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for b.Loop() {
		cfg.Lint("corpus.txt", src)
	}
}

// BenchmarkLintCorpusMemory lints the 20 MB once per iteration and reports
// what the finished result keeps (the document, its tokens and the
// findings) per byte of input, after a collection: the floor under the
// peak memory of a run (scripts/bench.sh measures the peak RSS itself).
func BenchmarkLintCorpusMemory(b *testing.B) {
	src := corpus(b, 20<<20)
	spell.Builtin()
	cfg := &lint.Config{}
	var kept float64
	for b.Loop() {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		f := cfg.Lint("corpus.txt", src)
		runtime.GC()
		runtime.ReadMemStats(&after)
		kept = float64(after.HeapAlloc) - float64(before.HeapAlloc)
		runtime.KeepAlive(f)
	}
	b.ReportMetric(kept/float64(len(src)), "kept-B/input-B")
	b.ReportMetric(kept/(1<<20), "kept-MiB")
}

// BenchmarkLintSeed lints the seed draft (18 KB) with every default rule.
func BenchmarkLintSeed(b *testing.B) {
	src := seed(b)
	spell.Builtin()
	cfg := &lint.Config{}
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for b.Loop() {
		cfg.Lint("seed-draft.txt", src)
	}
}

// BenchmarkParse measures the document model alone on 20 MB: on one
// goroutine, and split over GOMAXPROCS goroutines as the driver does when
// cores are idle (prose.ParseWorkers).
func BenchmarkParse(b *testing.B) {
	src := corpus(b, 20<<20)
	workers := []int{1}
	if n := runtime.GOMAXPROCS(0); n > 1 {
		workers = append(workers, n)
	}
	for _, workers := range workers {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				prose.ParseWorkers("corpus.txt", src, prose.Plain, workers)
			}
		})
	}
}

// BenchmarkLintSetScaling lints sets of 500 and 2,000 files of about a
// kilobyte, checked together (as a directory is), and reports the time per
// file: about the same for both when the work grows linearly with the
// number of files. (It did not: the consistency rules once summed every
// file's facts in each file's pass, and a set of 2,075 files of 1 KB took
// 1.84M instructions a file against 1.40M for 1,053 files.)
func BenchmarkLintSetScaling(b *testing.B) {
	src := corpus(b, 3<<20)
	spell.Builtin()
	for _, n := range []int{500, 2000} {
		var paths []string
		var srcs [][]byte
		for off := 0; len(srcs) < n && off < len(src); {
			end := min(off+1024, len(src))
			if i := bytes.IndexByte(src[end:], '\n'); i >= 0 {
				end += i + 1
			} else {
				end = len(src)
			}
			paths = append(paths, fmt.Sprintf("f%04d.txt", len(srcs)))
			srcs = append(srcs, src[off:end])
			off = end
		}
		b.Run(fmt.Sprintf("files=%d", n), func(b *testing.B) {
			cfg := &lint.Config{}
			for b.Loop() {
				cfg.LintSet(paths, srcs)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(srcs))/1e3, "µs/file")
		})
	}
}
