package rules_test

import (
	"testing"

	"github.com/edlint/edlint/internal/rules"
	"github.com/edlint/edlint/internal/rules/ruletest"
)

func TestApostropheStyle(t *testing.T) {
	ruletest.Run(t, "testdata/apostrophe-style", rules.Options{}, rules.ApostropheStyle())
}
