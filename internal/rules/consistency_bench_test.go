package rules_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/edlint/edlint/internal/lint"
	"github.com/edlint/edlint/internal/rules"
	"github.com/edlint/edlint/internal/rules/ruletest"
)

// benchSize is the size of the corpus the consistency benchmarks lint: the
// issue's bound is on a 20 MB corpus.
const benchSize = 20 << 20

// benchCorpus repeats the clean corpus files until they hold benchSize
// bytes; each repetition is a separate document. It skips without
// ../shared.
func benchCorpus(b *testing.B) (paths []string, srcs [][]byte, size int) {
	b.Helper()
	shared := ruletest.SharedDir()
	if shared == "" {
		b.Skip("../shared/corpora/clean not present")
	}
	files, _ := filepath.Glob(filepath.Join(shared, "corpora", "clean", "*.txt"))
	if len(files) == 0 {
		b.Skip("no clean corpus files")
	}
	sort.Strings(files)
	var texts [][]byte
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, src)
	}
	for i := 0; size < benchSize; i++ {
		src := texts[i%len(texts)]
		paths = append(paths, fmt.Sprintf("%s#%d", filepath.Base(files[i%len(files)]), i))
		srcs = append(srcs, src)
		size += len(src)
	}
	return paths, srcs, size
}

// withoutConsistency is the default rule set less the consistency rules.
func withoutConsistency() []rules.Rule {
	var out []rules.Rule
	for _, r := range rules.All() {
		if r.Meta().Category != rules.Consistency {
			out = append(out, r)
		}
	}
	return out
}

func lintEach(cfg *lint.Config, paths []string, srcs [][]byte) {
	for i := range paths {
		cfg.Lint(paths[i], srcs[i])
	}
}

// BenchmarkConsistency lints the 20 MB corpus, one file at a time on one
// goroutine, with the whole default rule set, without the consistency
// rules, and with the consistency rules alone.
func BenchmarkConsistency(b *testing.B) {
	paths, srcs, size := benchCorpus(b)
	for _, bc := range []struct {
		name string
		rs   []rules.Rule
	}{
		{"all", rules.All()},
		{"without-consistency", withoutConsistency()},
		{"consistency-only", consistencyRules()},
		{"parse-only", []rules.Rule{}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			cfg := &lint.Config{Rules: bc.rs}
			b.SetBytes(int64(size))
			for b.Loop() {
				lintEach(cfg, paths, srcs)
			}
		})
	}
}

// BenchmarkConsistencyOverhead times (in CPU time) the default rule set
// with and without the consistency rules, and the consistency rules
// alone (parsing included), on the same 20 MB in each iteration, and
// reports them in percent of the set without them (the bound on
// what they add is 25).
func BenchmarkConsistencyOverhead(b *testing.B) {
	paths, srcs, _ := benchCorpus(b)
	all := &lint.Config{Rules: rules.All()}
	base := &lint.Config{Rules: withoutConsistency()}
	only := &lint.Config{Rules: consistencyRules()}
	var tAll, tBase, tOnly time.Duration
	for b.Loop() {
		t0 := cpuTime()
		lintEach(base, paths, srcs)
		t1 := cpuTime()
		lintEach(all, paths, srcs)
		t2 := cpuTime()
		lintEach(only, paths, srcs)
		t3 := cpuTime()
		tBase += t1 - t0
		tAll += t2 - t1
		tOnly += t3 - t2
	}
	// The difference of two long runs is noisy; the consistency rules'
	// own cost (their run alone less parsing) is the steadier figure.
	b.ReportMetric(100*float64(tAll-tBase)/float64(tBase), "%added")
	b.ReportMetric(100*float64(tOnly)/float64(tBase), "%consistency-alone")
}

// BenchmarkConsistencyTogether lints the 20 MB corpus as one set (every
// file checked with every other), with the consistency rules alone.
func BenchmarkConsistencyTogether(b *testing.B) {
	paths, srcs, size := benchCorpus(b)
	cfg := &lint.Config{Rules: consistencyRules()}
	b.SetBytes(int64(size))
	for b.Loop() {
		cfg.LintSet(paths, srcs)
	}
}
