package rules

import (
	"fmt"
	"strings"
)

// Overclaim reports certainty that no judgement has: boosters
// ("undoubtedly", "we know for sure", also misspelled) and numeric
// absolutes ("100% certain", "virtually 100% certain").
func Overclaim() Rule { return overclaim{} }

type overclaim struct{}

func (overclaim) Meta() Meta {
	return Meta{
		Name:     "overclaim",
		Category: Hedging,
		Severity: Warning,
		Reads:    hedgeReads,
		Summary:  "a booster or a numeric absolute claims a certainty the evidence cannot carry",
		Doc: `Reports words that claim certainty: boosters ("undoubtedly", "unquestionably",
"definitely", "no doubt", "for sure", "we know for certain", "it is certain") and
numeric absolutes ("100% certain", "virtually 100% certain", "0% chance"). ICD 203
gives no term that reaches 0 or 100 %: an analytic judgement is never a certainty,
and a reader who finds "100% certain" next to "likely" cannot tell which claims
carry the weight. The message names the yardstick's top term ("almost certainly",
95–99 % under ICD 203) and suggests it where it fits the sentence; otherwise cite
the source that makes the fact a fact.

A booster is recognized even when misspelled ("unquestionally", "undoubtably"):
a word the dictionary does not know, one or two edits from a booster.

Not reported: quotations (double quotation marks, block quotes, single quotes
after "said" or a colon) and attributed speech ("Kalugin claimed that …",
"…, he said", "according to …"), which are not the author's claim (the
configuration key hedging-quotes checks them too); negated
boosters ("no one knows for sure"); "certain" meaning "particular" ("for
certain reasons"). "certainly" and "obviously" are info: edited prose uses them
as emphasis more often than as a probability. A booster on a hedge ("definitely
likely") is reported once, by hedge-stacking.

To silence it, quote the source's words, or turn the rule off or lower its
severity in the configuration.`,
		Before: "The trip undoubtedly gave the KGB access.\n",
		After:  "The trip almost certainly gave the KGB access.\n",
	}
}

func (overclaim) Check(p *Pass) {
	y := yardstickOf(p.Options)
	es := ownEstimates(p)
	stacked := map[int]bool{}
	for _, s := range boosterStacks(p.Doc, es) {
		stacked[s.booster] = true
	}
	for i, e := range es {
		if stacked[i] {
			continue
		}
		switch e.Kind {
		case EstAbsolute:
			p.Report(absoluteFinding(p, y, e))
		case EstBooster:
			p.Report(boosterFinding(p, y, e))
		}
	}
}

func absoluteFinding(p *Pass, y *Yardstick, e Estimate) Finding {
	text := p.Doc.Slice(e.Span)
	t, _ := y.Term(e.Term)
	var msg string
	switch {
	case e.Percent < 50:
		msg = fmt.Sprintf("%q rules the event out entirely (%s): say %q (%s)", text, bottomNote(y), t.Term, t.Band)
	case e.Hedged:
		msg = fmt.Sprintf("%q hedges a 100 %% claim and still claims certainty (%s): say %q (%s)", text, certaintyNote(y), t.Term, t.Band)
	default:
		msg = fmt.Sprintf("%q claims 100 %% certainty (%s): say %q (%s)", text, certaintyNote(y), t.Term, t.Band)
	}
	f := Finding{Span: e.Span, Message: msg}
	switch lastWord(e.Key) {
	case "certain", "sure", "likely":
		if t.HasRole("adj") {
			f.Suggestions = []string{matchCase(text, t.Term)}
		}
	}
	return f
}

func boosterFinding(p *Pass, y *Yardstick, e Estimate) Finding {
	text := p.Doc.Slice(e.Span)
	t, _ := y.Term(e.Term)
	what := fmt.Sprintf("%q", text)
	if e.Misspelled != "" {
		what = fmt.Sprintf("%q (%q misspelled)", text, e.Misspelled)
	}
	f := Finding{Span: e.Span, Severity: e.Severity}
	switch e.Role {
	case "clause":
		repl := "it is " + y.TopTerm("adj").Term
		f.Message = fmt.Sprintf("%s claims a certainty no judgement has (%s): write %q (%s) or cite the source", what, certaintyNote(y), repl, t.Band)
		f.Suggestions = []string{matchCase(text, repl)}
	case "adv", "adj":
		f.Message = fmt.Sprintf("%s claims a certainty no judgement has (%s): say %q (%s) or cite the source", what, certaintyNote(y), t.Term, t.Band)
		if t.HasRole(e.Role) && !predicative(p, e) {
			f.Suggestions = []string{matchCase(text, t.Term)}
		}
	default:
		f.Message = fmt.Sprintf("%s claims a certainty no judgement has (%s): cite the source, or judge it %q (%s)", what, certaintyNote(y), y.TopTerm("adv").Term, t.Band)
	}
	return f
}

// bottomNote says what the yardstick allows instead of an impossibility.
func bottomNote(y *Yardstick) string {
	t := y.BottomTerm("adj")
	if t.Band.Low > 0 {
		return y.Title + ": no term reaches 0 %"
	}
	return fmt.Sprintf("%s: the bottom band is %q, %s", y.Title, t.Term, t.Band)
}

func lastWord(s string) string {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == ' ' {
			return s[i+1:]
		}
	}
	return s
}

// predicative reports whether a booster phrase is the complement of "be"
// or "have" before "that" or the end of the clause ("it is beyond doubt
// that", "I have no doubt that"), where an adverb cannot replace it.
func predicative(p *Pass, e Estimate) bool {
	s := p.Doc.Sentences[e.Sentence]
	word := func(i int) string {
		if i < s.FirstToken() || i >= s.EndToken() {
			return ""
		}
		return strings.ToLower(p.Doc.TokenText(i))
	}
	switch word(e.EndToken) {
	case "that", "", ".", ",", ";", ":", "!", "?", "about", "of", "whatsoever":
	default:
		return false
	}
	switch word(e.FirstToken - 1) {
	case "be", "is", "are", "was", "were", "been", "have", "has", "had", "leave", "leaves", "left", "leaving":
		return true
	}
	return false
}
