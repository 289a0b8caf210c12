package rules_test

import (
	"testing"

	"github.com/edlint/edlint/internal/rules"
	"github.com/edlint/edlint/internal/rules/ruletest"
)

func TestEnglishVariety(t *testing.T) {
	ruletest.Run(t, "testdata/english-variety", rules.Options{}, rules.EnglishVariety())
	t.Run("en-US", func(t *testing.T) {
		ruletest.Run(t, "testdata/english-variety/pinned-us", rules.Options{Variety: "en-US"}, rules.EnglishVariety())
	})
	t.Run("en-GB", func(t *testing.T) {
		ruletest.Run(t, "testdata/english-variety/pinned-gb", rules.Options{Variety: "en-GB"}, rules.EnglishVariety())
	})
}
