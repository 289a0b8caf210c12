package rules_test

import (
	"testing"

	"github.com/edlint/edlint/internal/rules"
	"github.com/edlint/edlint/internal/rules/ruletest"
)

func TestOverclaim(t *testing.T) {
	ruletest.Run(t, "testdata/overclaim", rules.Options{}, rules.Overclaim())
}
