package rules_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/edlint/edlint/internal/lint"
	"github.com/edlint/edlint/internal/prose"
	"github.com/edlint/edlint/internal/rules"
	"github.com/edlint/edlint/internal/rules/ruletest"
	"github.com/edlint/edlint/internal/spell"
)

// The hedging benchmarks measure the share of the phrase matching in a
// whole lint run over the clean corpus (skipped without ../shared):
//
//	go test ./internal/rules -run '^$' -bench 'Hedging|LintAll' -benchtime 5x
//
// BenchmarkLintAll is the full run (parse and every rule);
// BenchmarkHedgingRules runs the hedging rules (the one-pass extraction
// plus the six rules) on documents parsed in advance; BenchmarkHedgingEstimates
// the extraction alone. The hedging share is HedgingRules / LintAll.

func corpusSources(b *testing.B) map[string][]byte {
	b.Helper()
	shared := ruletest.SharedDir()
	if shared == "" {
		b.Skip("../shared not present")
	}
	paths, _ := filepath.Glob(filepath.Join(shared, "corpora", "clean", "*.txt"))
	if len(paths) == 0 {
		b.Skip("no clean corpus")
	}
	out := map[string][]byte{}
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		out[p] = src
	}
	return out
}

func corpusDocs(b *testing.B) []*prose.Document {
	var docs []*prose.Document
	for p, src := range corpusSources(b) {
		docs = append(docs, prose.Parse(p, src, prose.FormatFor(p)))
	}
	return docs
}

func BenchmarkLintAll(b *testing.B) {
	srcs := corpusSources(b)
	spell.Builtin()
	cfg := &lint.Config{Rules: rules.All()}
	b.ResetTimer()
	for range b.N {
		for p, src := range srcs {
			cfg.Lint(p, src)
		}
	}
}

func BenchmarkHedgingRules(b *testing.B) {
	docs := corpusDocs(b)
	dict := spell.Builtin()
	rs := hedgingRules()
	opts := &rules.Options{}
	b.ResetTimer()
	for range b.N {
		for _, d := range docs {
			shared := &rules.Shared{}
			for _, r := range rs {
				rules.Run(r, rules.NewPass(r, d, dict, opts, shared, func(rules.Finding) {}), r.Meta().Name)
			}
		}
	}
}

func BenchmarkHedgingEstimates(b *testing.B) {
	docs := corpusDocs(b)
	rules.Estimates(docs[0], rules.Options{}) // load the data outside the timer
	b.ResetTimer()
	for range b.N {
		for _, d := range docs {
			rules.Estimates(d, rules.Options{})
		}
	}
}
