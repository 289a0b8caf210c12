package rules_test

import (
	"testing"

	"github.com/edlint/edlint/internal/lint"
	"github.com/edlint/edlint/internal/rules"
	"github.com/edlint/edlint/internal/rules/ruletest"
)

func TestCompoundStyle(t *testing.T) {
	ruletest.Run(t, "testdata/compound-style", rules.Options{}, rules.CompoundStyle())
}

// TestCompoundOwnership checks the hand-over with the spelling rules: a
// closed compound whose hyphenated form the draft uses is compound-style's
// when that rule runs, and an unknown word again when it does not.
func TestCompoundOwnership(t *testing.T) {
	src := []byte("A long-term bet and a longterm one.\n")
	count := func(rs ...rules.Rule) map[string]int {
		res := (&lint.Config{Rules: rs}).Lint("x.md", src)
		n := map[string]int{}
		for _, f := range res.Findings {
			if res.Doc.Slice(f.Span) == "longterm" {
				n[f.Rule]++
			}
		}
		return n
	}
	if n := count(rules.UnknownWord(), rules.CompoundStyle()); n["compound-style"] != 1 || n["unknown-word"] != 0 {
		t.Errorf("with compound-style: %v, want compound-style only", n)
	}
	if n := count(rules.UnknownWord()); n["unknown-word"] != 1 {
		t.Errorf("without compound-style: %v, want unknown-word", n)
	}
}
