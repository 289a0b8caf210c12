package rules_test

import (
	"testing"

	"github.com/edlint/edlint/internal/rules"
	"github.com/edlint/edlint/internal/rules/ruletest"
)

func TestYardstickMix(t *testing.T) {
	ruletest.Run(t, "testdata/yardstick-mix", rules.Options{}, rules.YardstickMix())
}
