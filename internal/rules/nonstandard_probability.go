package rules

import "fmt"

// NonstandardProbability reports probability phrases that are no term of
// the chosen yardstick ("high probability", "good chance") and numeric
// probabilities, naming the yardstick term and band they fall in.
func NonstandardProbability() Rule { return nonstandardProbability{} }

type nonstandardProbability struct{}

func (nonstandardProbability) Meta() Meta {
	return Meta{
		Name:     "nonstandard-probability",
		Category: Hedging,
		Severity: Warning,
		Reads:    hedgeReads,
		Summary:  "a probability phrase that is not a term of the yardstick; names the term and band it maps to",
		Doc: `Reports probability phrases that no yardstick uses ("high probability",
"good chance", "slim chance", "virtually certain", "near certainty", "50/50
chance") and suggests the chosen yardstick's term for the band readers take the
phrase to mean: under ICD 203 (the default) "high probability" becomes "very
likely" (80–95 %). Analysts are judged on calibrated words; a reader cannot put a
number on "high probability", and two drafts that use different words for one
band look like two judgements. Where the phrase fills a noun slot, the
suggestion rewrites the slot ("there is a high probability" → "it is very
likely", "with near certainty" → "almost certainly").

Numeric probabilities ("a 70% chance", "1 in 10 chance") are precise, so they
are info, not warnings: the message names the band they fall in, so that the
number and the words of the draft can be checked against each other. 0 and 100 %
are overclaims (see overclaim).

Terms of another yardstick ("highly likely" under ICD 203) are reported by
yardstick-mix. Quoted and attributed words are not reported. Choose the yardstick
with --yardstick (icd203, phia, nato) or the configuration key "yardstick".`,
		Before: "I think there is a high probability that he was recruited.\n",
		After:  "We assess that it is very likely that he was recruited.\n",
	}
}

func (nonstandardProbability) Check(p *Pass) {
	y := yardstickOf(p.Options)
	for _, e := range ownEstimates(p) {
		text := p.Doc.Slice(e.Span)
		switch e.Kind {
		case EstPhrase:
			span, sugg, term := suggestFor(p.Doc, e, y)
			p.Report(Finding{Span: span, Suggestions: sugg,
				Message: fmt.Sprintf("%q is not %s term: say %q (%s)", text, article(y.Title), term, e.Band)})
		case EstPercent:
			p.Report(Finding{Span: e.Span, Severity: Info,
				Message: fmt.Sprintf("%q falls in the %s band %q (%s): give the term with the number, or the term alone", text, y.Title, e.Term, e.Band)})
		}
	}
}

// article puts "a" or "an" before a yardstick title ("an ICD 203", "a PHIA").
func article(title string) string {
	switch title[0] {
	case 'A', 'E', 'I', 'O', 'U':
		return "an " + title
	}
	return "a " + title
}
