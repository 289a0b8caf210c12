package rules_test

import (
	"testing"

	"github.com/edlint/edlint/internal/lint"
	"github.com/edlint/edlint/internal/rules"
	"github.com/edlint/edlint/internal/rules/ruletest"
)

// seedTypos are the non-word typos of the seed draft with the word the
// author meant, and the names written wrongly.
var seedTypos = map[string]string{
	"Czeck": "Czech", "longrunning": "long-running", "Followig": "Following", "mang": "making",
	"Recruitent": "Recruitment", "foreging": "foregoing", "unerstood": "understood", "ge": "be",
	"confidetial": "confidential", "ut": "but", "unquestionally": "unquestionably", "knowng": "knowing",
	"Varous": "Various", "aroud": "around", "assssment": "assessment", "accummulating": "accumulating",
	"woul": "would", "relationshp": "relationship", "epionage": "espionage", "possibe": "possible",
	"rished": "rushed", "riskng": "risking", "o": "on", "longterm": "long-term",
}

var seedNames = map[string]string{"CiA": "CIA", "ivana": "Ivana", "Shvet": "Shvets"}

// TestSeedDraftWords checks the spelling and names rules on the seed draft:
// every typo found, the intended word first for at least 22, and no
// correctly spelt word, name, acronym or term reported as an error or
// warning.
func TestSeedDraftWords(t *testing.T) {
	path, src := ruletest.Seed(t)
	res := (&lint.Config{Rules: wordRules()}).Lint(path, src)
	found := map[string][]string{}
	for _, f := range res.Findings {
		m := res.Doc.Slice(f.Span)
		_, typo := seedTypos[m]
		_, name := seedNames[m]
		if !typo && !name && f.Severity >= rules.Warning {
			t.Errorf("false alarm: %s %q: %s", f.Rule, m, f.Message)
		}
		found[m] = f.Suggestions
	}
	first := 0
	for typo, want := range seedTypos {
		sugg, ok := found[typo]
		switch {
		case !ok:
			t.Errorf("typo %q not reported", typo)
		case len(sugg) > 0 && sugg[0] == want:
			first++
		default:
			t.Logf("typo %q: first suggestion %q, meant %q (all %q)", typo, first1(sugg), want, sugg)
		}
	}
	t.Logf("intended word first for %d of %d typos", first, len(seedTypos))
	if first < 22 {
		t.Errorf("intended word first for %d of %d typos, want at least 22", first, len(seedTypos))
	}
	for name, want := range seedNames {
		if sugg := found[name]; len(sugg) == 0 || sugg[0] != want {
			t.Errorf("name %q: suggestions %q, want %q first", name, sugg, want)
		}
	}
}

func first1(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}
