package rules_test

import (
	"testing"

	"github.com/edlint/edlint/internal/prose"
	"github.com/edlint/edlint/internal/rules"
	"github.com/edlint/edlint/internal/spell"
)

// The speed benchmarks time each rule category, and each rule, over the
// clean corpus parsed in advance (skipped without ../shared), on the
// dictionary warmed by one run so that the one-time index builds and the
// run's suggestion memo do not count:
//
//	GOMAXPROCS=1 go test ./internal/rules -run '^$' -bench 'Category|Rule/' -benchtime 3x
//
// A rule alone also pays for the per-document facts it shares with the
// rules of its category (the word judgements, the estimates); the
// category figure counts them once.

// runRules runs rs over docs with one Shared per document, as the driver does.
func runRules(docs []*prose.Document, d *spell.Dict, rs []rules.Rule) {
	opts := &rules.Options{}
	for _, doc := range docs {
		shared := rules.NewShared(rs)
		for _, r := range rs {
			rules.Run(r, rules.NewPass(r, doc, d, opts, shared, func(rules.Finding) {}), r.Meta().Name)
		}
	}
}

func speedDocs(b *testing.B) ([]*prose.Document, *spell.Dict, int64) {
	b.Helper()
	docs := corpusDocs(b)
	d := spell.Builtin()
	runRules(docs, d, rules.All())
	var size int64
	for _, doc := range docs {
		size += int64(len(doc.Src))
	}
	return docs, d, size
}

func BenchmarkCategory(b *testing.B) {
	docs, d, size := speedDocs(b)
	byCat := map[string][]rules.Rule{}
	var cats []string
	for _, r := range rules.All() {
		c := r.Meta().Category
		if byCat[c] == nil {
			cats = append(cats, c)
		}
		byCat[c] = append(byCat[c], r)
	}
	for _, c := range append(cats, "all") {
		rs := byCat[c]
		if c == "all" {
			rs = rules.All()
		}
		b.Run(c, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				runRules(docs, d, rs)
			}
		})
	}
}

func BenchmarkRule(b *testing.B) {
	docs, d, size := speedDocs(b)
	for _, r := range rules.All() {
		b.Run(r.Meta().Name, func(b *testing.B) {
			b.SetBytes(size)
			for b.Loop() {
				runRules(docs, d, []rules.Rule{r})
			}
		})
	}
}
