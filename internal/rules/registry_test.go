package rules_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/edlint/edlint/internal/lint"
	"github.com/edlint/edlint/internal/rules"
)

var kebab = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

// TestRegistry checks every registered rule's metadata and runs its Before
// and After examples, so the documentation cannot go stale.
func TestRegistry(t *testing.T) {
	all := rules.All()
	if len(all) == 0 {
		t.Fatal("no rules registered")
	}
	categories := map[string]bool{rules.Spelling: true, rules.Names: true, rules.Consistency: true, rules.Hedging: true, rules.Mechanics: true}
	seen := map[string]bool{}
	for _, r := range all {
		m := r.Meta()
		t.Run(m.Name, func(t *testing.T) {
			if !kebab.MatchString(m.Name) {
				t.Errorf("name %q is not kebab-case", m.Name)
			}
			if seen[m.Name] {
				t.Errorf("name %q registered twice", m.Name)
			}
			seen[m.Name] = true
			if !categories[m.Category] {
				t.Errorf("category %q is not one of the known categories", m.Category)
			}
			if m.Severity < rules.Info || m.Severity > rules.Error {
				t.Errorf("default severity %d out of range", m.Severity)
			}
			if m.Summary == "" || strings.HasSuffix(m.Summary, ".") || strings.ToLower(m.Summary[:1]) != m.Summary[:1] {
				t.Errorf("summary %q: want a lower-case start and no final period", m.Summary)
			}
			if m.Doc == "" || m.Before == "" || m.After == "" {
				t.Fatalf("doc, before and after examples are required")
			}
			cfg := &lint.Config{Rules: []rules.Rule{r}}
			before := cfg.Lint("before.md", []byte(m.Before))
			if !hasRule(before.Findings, m.Name) {
				t.Errorf("Before example gives no %s finding: %q", m.Name, m.Before)
			}
			after := cfg.Lint("after.md", []byte(m.After))
			for _, f := range after.Findings {
				if f.Rule == m.Name {
					t.Errorf("After example still gives %q: %s", after.Doc.Slice(f.Span), f.Message)
				}
			}
		})
	}
}

func hasRule(fs []rules.Finding, name string) bool {
	for _, f := range fs {
		if f.Rule == name {
			return true
		}
	}
	return false
}
