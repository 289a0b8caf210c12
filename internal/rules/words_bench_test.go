//go:build unix

package rules

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/edlint/edlint/internal/prose"
	"github.com/edlint/edlint/internal/shareddir"
	"github.com/edlint/edlint/internal/spell"
)

// BenchmarkJudgeWords times the word judgement the spelling and names
// rules share, alone, over the clean corpus parsed in advance, on a
// dictionary warmed by one run (its candidate-search memo then answers
// every suggestion, as it does for a draft linted again). It reports the
// CPU time per run too (cpu-ns/op), steadier than the wall clock on a
// shared machine:
//
//	GOMAXPROCS=1 go test ./internal/rules -run '^$' -bench JudgeWords -benchtime 20x
func BenchmarkJudgeWords(b *testing.B) {
	shared := sharedDir()
	if shared == "" {
		b.Skip("../shared not present")
	}
	paths, _ := filepath.Glob(filepath.Join(shared, "corpora", "clean", "*.txt"))
	if len(paths) == 0 {
		b.Skip("no clean corpus")
	}
	var docs []*prose.Document
	var size int64
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, prose.Parse(p, src, prose.FormatFor(p)))
		size += int64(len(src))
	}
	d := spell.Builtin()
	warmJudge(docs, d)
	b.SetBytes(size)
	b.ReportAllocs()
	t0 := cpuNanos()
	for b.Loop() {
		for _, doc := range docs {
			judgeWords(doc, d, nil)
		}
	}
	b.ReportMetric(float64(cpuNanos()-t0)/float64(b.N), "cpu-ns/op")
}

// cpuNanos is the CPU time this process has used, user and system.
func cpuNanos() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

// sharedDir finds ../shared; "" when absent.
func sharedDir() string { return shareddir.Find() }

// warmJudge is one untimed run (a function of its own, so that a profile
// can leave it out: -ignore warmJudge).
func warmJudge(docs []*prose.Document, d *spell.Dict) {
	for _, doc := range docs {
		judgeWords(doc, d, nil)
	}
}
