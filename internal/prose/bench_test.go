package prose_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/edlint/edlint/internal/prose"
	"github.com/edlint/edlint/internal/rules/ruletest"
)

// benchSource reads a file of ../shared, skipping the benchmark without it.
func benchSource(b *testing.B, rel ...string) []byte {
	b.Helper()
	shared := ruletest.SharedDir()
	if shared == "" {
		b.Skip("../shared not present")
	}
	src, err := os.ReadFile(filepath.Join(append([]string{shared}, rel...)...))
	if err != nil {
		b.Skip(err)
	}
	return src
}

// BenchmarkParsePlain is the tokenizer, sentence splitter and block
// model on the 9/11 Commission Report (plain text, 3.2 MB).
func BenchmarkParsePlain(b *testing.B) {
	src := benchSource(b, "corpora", "clean", "911-commission-report.txt")
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		prose.Parse("c.txt", src, prose.Plain)
	}
}

// BenchmarkParseMarkdown parses the same text as Markdown (masking,
// block structure).
func BenchmarkParseMarkdown(b *testing.B) {
	src := benchSource(b, "corpora", "clean", "911-commission-report.txt")
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		prose.Parse("c.md", src, prose.Markdown)
	}
}

// BenchmarkParseSeed parses the seed draft (18 KB).
func BenchmarkParseSeed(b *testing.B) {
	src := benchSource(b, "samples", "seed-draft.txt")
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		prose.Parse("seed.txt", src, prose.Plain)
	}
}
