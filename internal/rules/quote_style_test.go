package rules_test

import (
	"testing"

	"github.com/edlint/edlint/internal/rules"
	"github.com/edlint/edlint/internal/rules/ruletest"
)

func TestQuoteStyle(t *testing.T) {
	ruletest.Run(t, "testdata/quote-style", rules.Options{}, rules.QuoteStyle())
}
