package rules_test

import (
	"testing"

	"github.com/edlint/edlint/internal/rules"
	"github.com/edlint/edlint/internal/rules/ruletest"
)

func TestDecadeStyle(t *testing.T) {
	ruletest.Run(t, "testdata/decade-style", rules.Options{}, rules.DecadeStyle())
}
