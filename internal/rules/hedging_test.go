package rules_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/edlint/edlint/internal/lint"
	"github.com/edlint/edlint/internal/rules"
	"github.com/edlint/edlint/internal/rules/ruletest"
)

// hedgingRules are the rules of the hedging category.
func hedgingRules() []rules.Rule {
	var out []rules.Rule
	for _, r := range rules.All() {
		if r.Meta().Category == rules.Hedging {
			out = append(out, r)
		}
	}
	return out
}

// TestHedgingCleanCorpus keeps professionally edited prose under 10
// hedging warnings per 10,000 words; run with -v to review what fires.
func TestHedgingCleanCorpus(t *testing.T) {
	files, words := ruletest.CleanCorpus(t, rules.Options{}, hedgingRules()...)
	ruletest.Budget(t, files, words, rules.Warning, 10)
}

// TestHedgingSeedDraft lints the team's seed draft and checks that every
// overclaim and non-standard phrase the issue lists is reported.
func TestHedgingSeedDraft(t *testing.T) {
	_, src := ruletest.Seed(t)
	res := (&lint.Config{Rules: hedgingRules()}).Lint("seed-draft.txt", src)
	want := []struct{ match, rule, suggestion string }{
		{"100% certain", "overclaim", "almost certain"},
		{"virtually 100% certain", "overclaim", "almost certain"},
		{"unquestionally", "overclaim", "almost certainly"},
		{"undoubtedly", "overclaim", "almost certainly"},
		{"definitely", "overclaim", "almost certainly"},
		{"no doubt", "overclaim", "almost certainly"},
		{"We know for sure", "overclaim", "It is almost certain"},
		{"We Know for Certain", "overclaim", "It Is Almost Certain"},
		{"high probability", "nonstandard-probability", "it is very likely"},
		{"possibility not to be excluded", "vague-hedge", ""},
		{"it’s possible", "vague-hedge", ""},
	}
	for _, w := range want {
		found := false
		for _, f := range res.Findings {
			if f.Rule != w.rule || !strings.Contains(res.Doc.Slice(f.Span), w.match) {
				continue
			}
			found = true
			if w.suggestion != "" && (len(f.Suggestions) == 0 || f.Suggestions[0] != w.suggestion) {
				t.Errorf("%s %q: suggestions %q, want %q first", w.rule, w.match, f.Suggestions, w.suggestion)
			}
			if !strings.Contains(f.Message, "ICD 203") {
				t.Errorf("%s %q: message names no standard: %s", w.rule, w.match, f.Message)
			}
		}
		if !found {
			t.Errorf("seed draft: %q not reported by %s", w.match, w.rule)
		}
	}
	for _, f := range res.Findings {
		pos := res.Doc.Position(f.Start)
		t.Logf("%d:%d %s %s %q: %s %q", pos.Line, pos.Column, f.Severity, f.Rule, res.Doc.Slice(f.Span), f.Message, f.Suggestions)
	}
}

// TestHedgingYardsticks runs every hedging rule under PHIA and NATO.
func TestHedgingYardsticks(t *testing.T) {
	ruletest.Run(t, "testdata/hedging-phia", rules.Options{Yardstick: "phia"}, hedgingRules()...)
	ruletest.Run(t, "testdata/hedging-nato", rules.Options{Yardstick: "nato"}, hedgingRules()...)
}

// FuzzHedging runs the hedging rules and the extraction on arbitrary text:
// no panics, spans in range and on rune boundaries.
func FuzzHedging(f *testing.F) {
	for _, s := range []string{
		"It’s 100% certain. I think there is a high probability.",
		"“We know for sure,” he said. Undoubtably, it’s possible; a 1 in 0 chance.",
		"virtually 100% 50/50 chance with near certainty there's a good chance remote",
		"# We Know for Certain\n\n> may well\n\nI would consider it virtually 100",
	} {
		f.Add(s)
	}
	rs := hedgingRules()
	f.Fuzz(func(t *testing.T, s string) {
		for _, y := range rules.YardstickNames() {
			res := (&lint.Config{Rules: rs, Options: rules.Options{Yardstick: y}}).Lint("f.md", []byte(s))
			if res.Doc == nil {
				return
			}
			for _, x := range res.Findings {
				if x.Rule == lint.EncodingRule {
					continue // the driver's own finding for a byte that is not UTF-8
				}
				if x.Rule == rules.InternalErrorRule {
					t.Fatalf("%s: %s", y, x.Message)
				}
				if x.Start < 0 || x.End > len(s) || x.Start > x.End {
					t.Fatalf("%s: span %v out of range for %q", y, x.Span, s)
				}
				if utf8.ValidString(s) && (!utf8.RuneStart(s[x.Start]) || x.End < len(s) && !utf8.RuneStart(s[x.End])) {
					t.Fatalf("%s: bad span %v for %q", y, x.Span, s)
				}
			}
			for _, e := range rules.Estimates(res.Doc, rules.Options{Yardstick: y}) {
				if e.Start < 0 || e.End > len(s) || e.Start >= e.End {
					t.Fatalf("%s: bad estimate span %v", y, e.Span)
				}
			}
		}
	})
}

// TestHedgingQuotes checks quoted and attributed words when asked to.
func TestHedgingQuotes(t *testing.T) {
	ruletest.Run(t, "testdata/hedging-quotes", rules.Options{HedgingQuotes: true}, hedgingRules()...)
}
