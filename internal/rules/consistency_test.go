package rules_test

import (
	"testing"

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
