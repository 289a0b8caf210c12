package rules_test

import (
	"testing"

	"github.com/edlint/edlint/internal/rules"
	"github.com/edlint/edlint/internal/rules/ruletest"
)

func TestHyphenAsDash(t *testing.T) {
	ruletest.Run(t, "testdata/hyphen-as-dash", rules.Options{}, rules.HyphenAsDash())
}
