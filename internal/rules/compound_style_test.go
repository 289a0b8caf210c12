package rules_test

import (
	"testing"

	"github.com/edlint/edlint/internal/rules"
	"github.com/edlint/edlint/internal/rules/ruletest"
)

func TestCompoundStyle(t *testing.T) {
	ruletest.Run(t, "testdata/compound-style", rules.Options{}, rules.CompoundStyle())
}
