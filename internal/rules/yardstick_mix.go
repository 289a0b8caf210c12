package rules

import "fmt"

// YardstickMix reports terms of another yardstick than the draft's
// ("highly likely" under ICD 203), and ICD 203 terms from both of its rows
// in one draft ("likely" and "probably").
func YardstickMix() Rule { return yardstickMix{} }

type yardstickMix struct{}

func (yardstickMix) Meta() Meta {
	return Meta{
		Name:     "yardstick-mix",
		Category: Hedging,
		Severity: Warning,
		Reads:    hedgeReads,
		Summary:  "terms from another yardstick, or from both ICD 203 rows, in one draft",
		Doc: `Reports two kinds of mixing. First, a term of another yardstick than the one
the draft follows: under ICD 203 (the default), PHIA's "highly likely" (80–90 %)
and "realistic possibility" and NATO's "even chance" are not terms, and a reader
who knows one yardstick misreads the other; the message gives the chosen
yardstick's term for the same band. Second, ICD 203 offers two rows of
equivalent terms, "likelihood" (almost no chance … almost certain) and
"probability" (remote … nearly certain), and strongly discourages mixing them
in one product. When a draft uses both rows, the rule reports once, at the first
term of the row the draft uses less, and lists the other uses; the suggestion is
the other row's term for the same band.

Choose the yardstick with --yardstick (icd203, phia, nato) or the configuration
key "yardstick". Quoted and attributed words are not counted. Comparatives
("more likely", "most likely"), negations ("not likely") and "probable cause"
are not estimative terms and are not counted.`,
		Before: "It is highly likely that the KGB arranged the trip.\n",
		After:  "It is very likely that the KGB arranged the trip.\n",
	}
}

func (yardstickMix) Check(p *Pass) {
	y := yardstickOf(p.Options)
	doc := p.Doc
	es := ownEstimates(p)
	rows := map[string][]Estimate{}
	for _, e := range es {
		switch e.Kind {
		case EstForeign:
			from, _ := LookupYardstick(e.From)
			span, sugg, term := suggestFor(doc, e, y)
			p.Report(Finding{Span: span, Suggestions: sugg,
				Message: fmt.Sprintf("%q is %s term, not %s: say %q (%s)", doc.Slice(e.Span), article(from.Title), y.Title, term, e.Band)})
		case EstTerm:
			if e.Row == "likelihood" || e.Row == "probability" {
				rows[e.Row] = append(rows[e.Row], e)
			}
		}
	}
	lk, pr := rows["likelihood"], rows["probability"]
	if len(lk) == 0 || len(pr) == 0 {
		return
	}
	minor, major, minorRow, majorRow := pr, lk, "probability", "likelihood"
	if len(lk) < len(pr) {
		minor, major, minorRow, majorRow = lk, pr, "likelihood", "probability"
	}
	first := minor[0]
	f := Finding{
		Span: first.Span,
		Message: fmt.Sprintf("%q is from the %s %s row, but this draft mostly uses the %s row (%d uses, first %q): keep to one row",
			doc.Slice(first.Span), y.Title, minorRow, majorRow, len(major), doc.Slice(major[0].Span)),
		Related: []Related{{Span: major[0].Span, Message: fmt.Sprintf("first %s-row term", majorRow)}},
	}
	for _, e := range minor[1:] {
		f.Related = append(f.Related, Related{Span: e.Span, Message: fmt.Sprintf("also %s row", minorRow)})
	}
	for _, t := range y.Terms {
		if t.Row == majorRow && t.Band == first.Band && t.HasRole(first.Role) {
			f.Suggestions = []string{matchCase(doc.Slice(first.Span), t.Term)}
			break
		}
	}
	p.Report(f)
}
