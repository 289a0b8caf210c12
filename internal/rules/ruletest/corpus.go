package ruletest

import (
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/edlint/edlint/internal/lint"
	"github.com/edlint/edlint/internal/prose"
	"github.com/edlint/edlint/internal/rules"
	"github.com/edlint/edlint/internal/shareddir"
)

// SharedDir finds ../shared (the team's samples and corpora) by walking up
// from the working directory; "" when it is absent, as in a user's clone.
func SharedDir() string { return shareddir.Find() }

// CleanCorpus lints every file of ../shared/corpora/clean with rs and
// returns the results and the number of words linted. It skips the test
// when the corpus is absent.
func CleanCorpus(t testing.TB, opts rules.Options, rs ...rules.Rule) (files []*lint.File, words int) {
	t.Helper()
	shared := SharedDir()
	if shared == "" {
		t.Skip("../shared/corpora/clean not present")
	}
	paths, err := filepath.Glob(filepath.Join(shared, "corpora", "clean", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Skip("no clean corpus files")
	}
	sort.Strings(paths)
	cfg := &lint.Config{Rules: rs, Options: opts}
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		f := cfg.Lint(p, src)
		if f.Doc == nil {
			t.Fatalf("%s not linted: %s", p, f.Skipped)
		}
		for _, tok := range f.Doc.Tokens {
			if tok.Kind() == prose.Word {
				words++
			}
		}
		files = append(files, f)
	}
	return files, words
}

// Budget fails the test when the findings at or above min severity exceed
// perTenK per 10,000 words, and logs every such finding so the test output
// is the list to review.
func Budget(t testing.TB, files []*lint.File, words int, minSeverity rules.Severity, perTenK float64) {
	t.Helper()
	n := 0
	for _, f := range files {
		for _, x := range f.Findings {
			if x.Severity < minSeverity {
				continue
			}
			n++
			pos := f.Doc.Position(x.Start)
			t.Logf("%s:%d:%d: %s %q: %s", filepath.Base(f.Path), pos.Line, pos.Column, x.Rule, f.Doc.Slice(x.Span), x.Message)
		}
	}
	rate := float64(n) * 10000 / float64(words)
	t.Logf("%d findings in %d words: %.2f per 10,000 words (budget %.1f)", n, words, rate, perTenK)
	if rate > perTenK {
		t.Errorf("%.2f findings per 10,000 words, budget %.1f", rate, perTenK)
	}
}

// Seed returns the path and text of the team's seed draft
// (../shared/samples/seed-draft.txt), skipping the test when it is absent.
func Seed(t testing.TB) (string, []byte) {
	t.Helper()
	shared := SharedDir()
	if shared == "" {
		t.Skip("../shared not present")
	}
	path := filepath.Join(shared, "samples", "seed-draft.txt")
	src, err := os.ReadFile(path)
	if err != nil {
		t.Skip("seed draft not present: ", err)
	}
	return path, src
}
