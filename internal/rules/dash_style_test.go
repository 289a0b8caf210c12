package rules_test

import (
	"testing"

	"github.com/edlint/edlint/internal/rules"
	"github.com/edlint/edlint/internal/rules/ruletest"
)

func TestDashStyle(t *testing.T) {
	ruletest.Run(t, "testdata/dash-style", rules.Options{}, rules.DashStyle())
}
