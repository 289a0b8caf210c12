package rules_test

import (
	"testing"

	"github.com/edlint/edlint/internal/rules"
	"github.com/edlint/edlint/internal/rules/ruletest"
)

func TestNameConsistency(t *testing.T) {
	ruletest.Run(t, "testdata/name-consistency", rules.Options{}, rules.NameConsistency())
}
