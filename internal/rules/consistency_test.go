package rules_test

import (
	"testing"

	"github.com/edlint/edlint/internal/lint"
	"github.com/edlint/edlint/internal/rules"
	"github.com/edlint/edlint/internal/rules/ruletest"
)

// consistencyRules are the registered rules of the consistency category.
func consistencyRules() []rules.Rule {
	var out []rules.Rule
	for _, r := range rules.All() {
		if r.Meta().Category == rules.Consistency {
			out = append(out, r)
		}
	}
	return out
}

// TestConsistencyCleanCorpus keeps the consistency rules nearly silent on
// professionally edited prose: at most 5 warnings per 10,000 words, each
// logged for review (go test -v).
func TestConsistencyCleanCorpus(t *testing.T) {
	files, words := ruletest.CleanCorpus(t, rules.Options{}, consistencyRules()...)
	ruletest.Budget(t, files, words, rules.Warning, 5)
}

// TestConsistencySeedDraft checks the seed draft with every rule: the
// issue's seed findings with their first suggestions, and each mixed
// typographic style reported once.
func TestConsistencySeedDraft(t *testing.T) {
	path, src := ruletest.Seed(t)
	res := (&lint.Config{}).Lint(path, src)
	want := []struct{ key, match, first string }{
		{rules.Names, "Shvet", "Shvets"},
		{rules.Names, "ivana", "Ivana"},
		{rules.Names, "CiA", "CIA"},
		{"name-consistency", "Ministry of Interior", "Ministry of the Interior"},
		{"decade-style", "1970’s", "1970s"},
		{"compound-style", "longterm", "long-term"},
	}
	for _, w := range want {
		found := false
		for _, f := range res.Findings {
			if (f.Rule == w.key || f.Category == w.key) && res.Doc.Slice(f.Span) == w.match {
				found = true
				if len(f.Suggestions) == 0 || f.Suggestions[0] != w.first {
					t.Errorf("%s %q: suggestions %q, want %q first", f.Rule, w.match, f.Suggestions, w.first)
				}
			}
		}
		if !found {
			t.Errorf("%s %q not reported", w.key, w.match)
		}
	}
	once := map[string]int{"apostrophe-style": 0, "quote-style": 0, "dash-style": 0, "hyphen-as-dash": 0}
	for _, f := range res.Findings {
		if _, ok := once[f.Rule]; ok {
			once[f.Rule]++
			t.Logf("%s %q: %s", f.Rule, res.Doc.Slice(f.Span), f.Message)
		}
		if f.Rule == "unknown-word" && res.Doc.Slice(f.Span) == "longterm" {
			t.Errorf("longterm reported twice: by unknown-word and by compound-style")
		}
	}
	for rule, n := range once {
		if n != 1 {
			t.Errorf("%s: %d findings, want exactly 1 (one per minority style)", rule, n)
		}
	}
}

// TestConsistencyAcrossFiles checks that files linted together are counted
// together, with related spans naming the other file, and that linting
// them apart does not.
func TestConsistencyAcrossFiles(t *testing.T) {
	paths := []string{"a.md", "b.md"}
	srcs := [][]byte{
		[]byte("The Ministry of the Interior said so. The Ministry of the Interior agreed.\n\nThe KGB’s men, Trump’s trip, it’s clear, they’re sure.\n"),
		[]byte("The Ministry of Interior denied it. The KGB's file.\n"),
	}
	cfg := &lint.Config{Rules: consistencyRules()}
	files := cfg.LintSet(paths, srcs)
	if len(files[0].Findings) != 0 {
		for _, f := range files[0].Findings {
			t.Errorf("a.md: unexpected %s %q: %s", f.Rule, files[0].Doc.Slice(f.Span), f.Message)
		}
	}
	got := map[string]rules.Finding{}
	for _, f := range files[1].Findings {
		got[f.Rule] = f
	}
	for _, rule := range []string{"name-consistency", "apostrophe-style"} {
		f, ok := got[rule]
		if !ok {
			t.Errorf("b.md: no %s finding across files (got %v)", rule, files[1].Findings)
			continue
		}
		if len(f.Related) == 0 || f.Related[0].Path != "a.md" {
			t.Errorf("b.md: %s related spans %+v, want the first in a.md", rule, f.Related)
		}
	}
	// Each file alone: b.md has one form of each, so nothing to report.
	for i, p := range paths {
		if res := cfg.Lint(p, srcs[i]); len(res.Findings) != 0 {
			t.Errorf("%s alone: %d findings, want none", p, len(res.Findings))
		}
	}
}
