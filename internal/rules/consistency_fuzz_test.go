package rules_test

import (
	"testing"

	"github.com/edlint/edlint/internal/lint"
)

// FuzzConsistencyRules runs the consistency rules on arbitrary text, alone
// and checked together with a second document: no rule may fail, and every
// span and fix edit must lie inside the document.
func FuzzConsistencyRules(f *testing.F) {
	for _, s := range []string{
		"The KGB's men and Trump’s trip; it’s “clear” and \"not\".",
		"A — B—C - D -- E – F, 1985-87 and 1985–87, 12 percent, 3 per cent, 5%.",
		"In the 1970’s and the 1980s; ’80s and '90's; 5'10\" tall.",
		"The Ministry of the Interior; the Ministry of Interior; Vřešťálová and Vrestalova.",
		"A long-term, longterm e-mail email; defense and colour; Kiev's mayor.",
		"‘open ’’ “ ” ' \" — – - \u00ad \xff",
	} {
		f.Add(s, ".md")
		f.Add(s, ".txt")
	}
	cfg := &lint.Config{Rules: consistencyRules()}
	f.Fuzz(func(t *testing.T, text, ext string) {
		if ext != ".md" {
			ext = ".txt"
		}
		check := func(res *lint.File) {
			if res.Doc == nil {
				return
			}
			n := len(res.Doc.Src)
			for _, x := range res.Findings {
				if x.Rule == "internal-error" {
					t.Fatalf("%s", x.Message)
				}
				if x.Start < 0 || x.Start > x.End || x.End > n {
					t.Fatalf("%s: span %v out of range %d", x.Rule, x.Span, n)
				}
				for _, e := range x.Fix {
					if e.Start < 0 || e.Start > e.End || e.End > n {
						t.Fatalf("%s: fix %v out of range %d", x.Rule, e.Span, n)
					}
				}
			}
		}
		check(cfg.Lint("x"+ext, []byte(text)))
		for _, res := range cfg.LintSet([]string{"a" + ext, "b.md"}, [][]byte{[]byte(text), []byte("The KGB's file — “Ivana” — 1985-87.")}) {
			check(res)
		}
	})
}
