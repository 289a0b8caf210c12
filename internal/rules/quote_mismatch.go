package rules

import "github.com/edlint/edlint/internal/prose"

// QuoteMismatch reports curly quotation marks of the wrong shape or
// direction: ’’ or ” opening a quotation, “…’ and ‘…” pairs.
func QuoteMismatch() Rule { return quoteMismatchRule{} }

type quoteMismatchRule struct{}

func (quoteMismatchRule) Meta() Meta {
	return Meta{
		Name:     "quote-mismatch",
		Category: Mechanics,
		Severity: Warning,
		Reads:    []string{factQuoteIssues},
		Summary:  "a curly quotation mark of the wrong shape or direction",
		Doc: `Reports a quotation opened with two apostrophes (’’word”) or with a closing
mark (”word”), a “ where a ” belongs, and a quotation opened with one kind of
mark and closed with the other (“word’, ‘word”). When the paragraph holds the
matching closer, the fix puts the right opening mark in place. Apostrophes
(the officers’ view, ’80s) are not quotation marks.`,
		Before: "My ’’probability assessment” follows.\n",
		After:  "My “probability assessment” follows.\n",
	}
}

func (quoteMismatchRule) Check(p *Pass) {
	for _, q := range quoteIssues(p) {
		if q.kind != quoteMismatch {
			continue
		}
		f := Finding{Span: q.span, Message: q.message, Suggestions: []string{q.suggest}, Related: q.related}
		if q.fix {
			f.Fix = []prose.Edit{{Span: q.span, New: q.suggest}}
		}
		p.Report(f)
	}
}
