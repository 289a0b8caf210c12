package rules_test

import (
	"testing"

	"github.com/edlint/edlint/internal/rules"
	"github.com/edlint/edlint/internal/rules/ruletest"
)

func TestVagueHedge(t *testing.T) {
	ruletest.Run(t, "testdata/vague-hedge", rules.Options{}, rules.VagueHedge())
}
