package rules_test

import (
	"testing"

	"github.com/edlint/edlint/internal/rules"
	"github.com/edlint/edlint/internal/rules/ruletest"
)

func wordRules() []rules.Rule {
	return []rules.Rule{rules.Misspelling(), rules.UnknownWord(), rules.NameCase(), rules.NameDiacritics(), rules.NameVariant(), rules.UnknownName()}
}

// TestWordsCleanCorpus keeps professionally edited prose nearly silent:
// spelling and names errors and warnings at most 10 per 10,000 words.
func TestWordsCleanCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("long")
	}
	files, words := ruletest.CleanCorpus(t, rules.Options{}, wordRules()...)
	ruletest.Budget(t, files, words, rules.Warning, 10)
}
