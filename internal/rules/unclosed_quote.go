package rules

// UnclosedQuote reports a quotation left open at the end of its paragraph,
// and a closing mark with nothing open.
func UnclosedQuote() Rule { return unclosedQuote{} }

type unclosedQuote struct{}

func (unclosedQuote) Meta() Meta {
	return Meta{
		Name:     "unclosed-quote",
		Category: Mechanics,
		Severity: Warning,
		Reads:    []string{factQuoteIssues},
		Summary:  "a quotation left open at the end of its paragraph",
		Doc: `Reports a quotation mark (“, ‘ or ") that opens a quotation never closed in
its paragraph, pointing at the opener, and a ” that closes nothing. A
quotation may run over several paragraphs: by convention each of them opens
with a quotation mark and only the last one closes, and that is accepted.
Inch marks after numbers (5") are not quotation marks.`,
		Before: "He called it “special unofficial contact and left it there.\n",
		After:  "He called it “special unofficial contact” and left it there.\n",
	}
}

func (unclosedQuote) Check(p *Pass) {
	for _, q := range quoteIssues(p) {
		if q.kind != quoteUnclosed && q.kind != quoteStray {
			continue
		}
		p.Report(Finding{Span: q.span, Message: q.message, Related: q.related})
	}
}
