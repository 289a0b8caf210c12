package rules_test

import (
	"testing"

	"github.com/edlint/edlint/internal/rules"
	"github.com/edlint/edlint/internal/rules/ruletest"
)

func TestConfidenceLikelihood(t *testing.T) {
	ruletest.Run(t, "testdata/confidence-likelihood", rules.Options{}, rules.ConfidenceLikelihood())
}
