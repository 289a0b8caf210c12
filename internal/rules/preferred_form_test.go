package rules_test

import (
	"testing"

	"github.com/edlint/edlint/internal/rules"
	"github.com/edlint/edlint/internal/rules/ruletest"
)

func TestPreferredForm(t *testing.T) {
	ruletest.Run(t, "testdata/preferred-form", rules.Options{}, rules.PreferredForm())
	t.Run("declared", func(t *testing.T) {
		opts := rules.Options{Preferences: map[string]string{
			"Czeck":             "Czech",
			"Kiev":              "Kiev", // the project keeps the historical name
			"Interior Ministry": "Ministry of the Interior",
		}}
		ruletest.Run(t, "testdata/preferred-form/declared", opts, rules.PreferredForm())
	})
}
