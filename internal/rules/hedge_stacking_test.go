package rules_test

import (
	"testing"

	"github.com/edlint/edlint/internal/rules"
	"github.com/edlint/edlint/internal/rules/ruletest"
)

func TestHedgeStacking(t *testing.T) {
	ruletest.Run(t, "testdata/hedge-stacking", rules.Options{}, rules.HedgeStacking())
}
