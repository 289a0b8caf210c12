package rules

import (
	"fmt"
	"strings"
)

// ConfidenceLikelihood reports a confidence level and a likelihood term in
// one sentence, which ICD 203 forbids.
func ConfidenceLikelihood() Rule { return confidenceLikelihood{} }

type confidenceLikelihood struct{}

func (confidenceLikelihood) Meta() Meta {
	return Meta{
		Name:     "confidence-likelihood",
		Category: Hedging,
		Severity: Warning,
		Reads:    hedgeReads,
		Summary:  "a confidence level and a likelihood term in one sentence",
		Doc: `Reports a sentence that combines a confidence level ("high / moderate / low
confidence") with a likelihood term ("likely", "almost certainly", "high
probability"). ICD 203 says the two must not be combined in one sentence: the
likelihood says how probable the event is, the confidence how good the evidence
and reasoning behind that judgement are, and a reader who sees "we have high
confidence it is likely" cannot tell them apart. UK assessments (PHIA) also
give analytical confidence separately from the yardstick term. State the
likelihood in the judgement and the confidence in its own sentence: "We have
high confidence in this judgement."`,
		Before: "We assess with high confidence that the trip was likely arranged by the KGB.\n",
		After:  "We assess that the trip was likely arranged by the KGB. We have high confidence in this judgement.\n",
	}
}

func (confidenceLikelihood) Check(p *Pass) {
	y := yardstickOf(p.Options)
	es := ownEstimates(p)
	for i, c := range es {
		if c.Kind != EstConfidence {
			continue
		}
		for j := range es {
			e := es[j]
			if j == i || e.Sentence != c.Sentence {
				continue
			}
			switch e.Kind {
			case EstTerm, EstForeign, EstPhrase, EstPercent:
			default:
				continue
			}
			p.Report(Finding{
				Span: c.Span,
				Message: fmt.Sprintf("confidence level %q and likelihood %q in one sentence: %s keeps them apart — give the confidence its own sentence (\"We have %s in this judgement.\")",
					p.Doc.Slice(c.Span), p.Doc.Slice(e.Span), y.Title, confidencePhrase(c.Key)),
				Related: []Related{{Span: e.Span, Message: "the likelihood term"}},
			})
			break
		}
	}
}

// confidencePhrase turns a confidence cue into the object of "We have …":
// "high confidence", "a high degree of confidence".
func confidencePhrase(key string) string {
	if strings.Contains(key, "degree") {
		return "a " + key
	}
	return key
}
