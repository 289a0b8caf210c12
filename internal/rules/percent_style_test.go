package rules_test

import (
	"testing"

	"github.com/edlint/edlint/internal/rules"
	"github.com/edlint/edlint/internal/rules/ruletest"
)

func TestPercentStyle(t *testing.T) {
	ruletest.Run(t, "testdata/percent-style", rules.Options{}, rules.PercentStyle())
}
