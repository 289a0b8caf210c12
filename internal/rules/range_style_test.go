package rules_test

import (
	"testing"

	"github.com/edlint/edlint/internal/rules"
	"github.com/edlint/edlint/internal/rules/ruletest"
)

func TestRangeStyle(t *testing.T) {
	ruletest.Run(t, "testdata/range-style", rules.Options{}, rules.RangeStyle())
}
