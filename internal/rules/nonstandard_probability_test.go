package rules_test

import (
	"testing"

	"github.com/edlint/edlint/internal/rules"
	"github.com/edlint/edlint/internal/rules/ruletest"
)

func TestNonstandardProbability(t *testing.T) {
	ruletest.Run(t, "testdata/nonstandard-probability", rules.Options{}, rules.NonstandardProbability())
}
