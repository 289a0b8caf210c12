package rules

import (
	"fmt"
	"strings"

	"github.com/edlint/edlint/internal/prose"
)

// HedgeStacking reports a claim qualified twice: a booster on a hedge
// ("definitely likely"), a modal on a hedge ("might possibly"), or a
// subjective frame on a probability ("I think there is a high probability",
// "seems very likely to me").
func HedgeStacking() Rule { return hedgeStacking{} }

type hedgeStacking struct{}

func (hedgeStacking) Meta() Meta {
	return Meta{
		Name:     "hedge-stacking",
		Category: Hedging,
		Severity: Warning,
		Reads:    hedgeReads,
		Summary:  "a claim qualified twice: booster on hedge, modal on hedge, or a subjective frame on a probability",
		Doc: `Reports a judgement that is qualified more than once, so that the reader
cannot tell how likely the author thinks it is:

- a booster on a hedge or band term in one clause ("definitely likely",
  "undoubtedly possible"): certainty and doubt at once;
- a modal on a hedge ("might possibly", "could potentially", "may perhaps"):
  Mosteller & Youtz found each qualifier moves the reading unpredictably;
- a subjective frame on a probability ("I think there is a high probability",
  "it seems very likely to me", "I would consider it virtually certain"): the
  yardstick term already says it is a judgement. ICD 203 states a judgement
  once, as "we assess" plus a term.

A frame alone ("I think the trip mattered") is not reported, nor a frame on a
vague hedge (vague-hedge reports the hedge). Numeric absolutes with a hedge
("virtually 100% certain") are reported by overclaim. Questions ("how could it
possibly …?"), quotations and attributed speech are not reported.`,
		Before: "It seems very likely to me that the idea came from the KGB.\n",
		After:  "It is very likely that the idea came from the KGB.\n",
	}
}

func (hedgeStacking) Check(p *Pass) {
	y := yardstickOf(p.Options)
	doc := p.Doc
	es := ownEstimates(p)
	for _, s := range boosterStacks(doc, es) {
		b, h := es[s.booster], es[s.hedge]
		span := prose.Span{Start: min(b.Start, h.Start), End: max(b.End, h.End)}
		f := Finding{Span: span}
		if h.Kind.HasProbability() && h.Term != "" {
			f.Message = fmt.Sprintf("%q puts a booster on a probability: pick one — under %s, %q (%s)", doc.Slice(span), y.Title, h.Term, h.Band)
			f.Suggestions = []string{matchCase(doc.Slice(span), h.Term)}
		} else {
			f.Message = fmt.Sprintf("%q puts a booster on a hedge: say how likely, e.g. %s or %s", doc.Slice(span), termAt(y, 65, "adj"), termAt(y, 87, "adj"))
		}
		p.Report(f)
	}
	for i, e := range es {
		switch e.Kind {
		case EstStack:
			text := doc.Slice(e.Span)
			f := Finding{Span: e.Span, Message: fmt.Sprintf("%q stacks two hedges: say it once, or give the %s term if you can assess it (e.g. %s)", text, y.Title, termAt(y, 30, "adj"))}
			if e.Role == "booster" {
				f.Message = fmt.Sprintf("%q puts a booster on a hedge: say how likely, e.g. %s or %s", text, termAt(y, 50, "noun"), termAt(y, 65, "adj"))
			}
			if m := modalOf(e.Key); m != "" {
				f.Suggestions = []string{matchCase(text, m)}
			}
			p.Report(f)
		case EstFrame:
			if f, ok := frameFinding(doc, y, es, i); ok {
				p.Report(f)
			}
		case EstTerm, EstForeign:
			if f, ok := modifiedTerm(doc, y, e); ok {
				p.Report(f)
			}
		}
	}
}

// modalOf returns the modal of a stacked hedge ("might possibly" → "might").
func modalOf(key string) string {
	for _, w := range strings.Fields(key) {
		switch w {
		case "may", "might", "could":
			return w
		}
	}
	return ""
}

// frameFinding reports frame es[i] when a probability follows it in the
// same sentence ("seems … to me" when one precedes it).
func frameFinding(doc *prose.Document, y *Yardstick, es []Estimate, i int) (Finding, bool) {
	fr := es[i]
	if fr.Role == "seems" {
		if i == 0 || es[i-1].Sentence != fr.Sentence || !es[i-1].Kind.HasProbability() {
			return Finding{}, false
		}
		e := es[i-1]
		seem := seemStart(doc, fr.Sentence, e.FirstToken)
		span := prose.Span{Start: doc.TokenStart(seem), End: fr.End}
		f := Finding{Span: span, Message: fmt.Sprintf("%q puts a subjective frame on %q: %s states the judgement once, as the term%s", doc.Slice(span), doc.Slice(e.Span), y.Title, termNote(e))}
		if e.Kind == EstTerm {
			f.Suggestions = []string{matchCase(doc.Slice(span), "is "+doc.Slice(e.Span))}
		}
		return f, true
	}
	for j := i + 1; j < len(es) && es[j].Sentence == fr.Sentence; j++ {
		e := es[j]
		if !e.Kind.HasProbability() {
			continue
		}
		f := Finding{Span: fr.Span, Message: fmt.Sprintf("subjective frame %q on %q qualifies the judgement twice: %s states it once, as \"we assess\" with the term%s", doc.Slice(fr.Span), doc.Slice(e.Span), y.Title, termNote(e))}
		if fr.Role == "we" {
			f.Suggestions = []string{matchCase(doc.Slice(fr.Span), "we assess")}
		}
		f.Related = []Related{{Span: e.Span, Message: "the probability it frames"}}
		return f, true
	}
	return Finding{}, false
}

// seemStart finds the "seems" before token i (extraction made sure there
// is one within five tokens).
func seemStart(doc *prose.Document, si, i int) int {
	s := doc.Sentences[si]
	for j := i - 1; j >= s.FirstToken() && j >= i-5; j-- {
		switch strings.ToLower(doc.TokenText(j)) {
		case "seem", "seems", "seemed", "seeming", "appears", "appear", "appeared", "looks", "look", "looked", "sounds":
			return j
		}
	}
	return i
}

// intensifiers move a band term by an amount no reader agrees on
// (Mosteller & Youtz: about half-way to the boundary).
var intensifiers = map[string]bool{"very": true, "extremely": true, "highly": true, "quite": true, "fairly": true, "really": true, "rather": true, "pretty": true, "somewhat": true, "reasonably": true, "exceedingly": true}

// modifiedTerm reports an intensifier on a band term ("very highly
// likely", "fairly likely"); the term already says how likely.
func modifiedTerm(doc *prose.Document, y *Yardstick, e Estimate) (Finding, bool) {
	s := doc.Sentences[e.Sentence]
	i := e.FirstToken - 1
	if i < s.FirstToken() || doc.Tokens[i].Kind() != prose.Word || !intensifiers[strings.ToLower(doc.TokenText(i))] {
		return Finding{}, false
	}
	span := prose.Span{Start: doc.TokenStart(i), End: e.End}
	term := e.Term
	if term == "" {
		term = strings.ToLower(doc.Slice(e.Span))
	}
	return Finding{
		Span:        span,
		Message:     fmt.Sprintf("%q puts a modifier on a band term: %s bands are fixed, so say %q (%s) or move to the next band", doc.Slice(span), y.Title, term, e.Band),
		Suggestions: []string{matchCase(doc.Slice(span), term)},
	}, true
}

// termNote names the yardstick term of a probability estimate: ` "very
// likely" (80–95 %)`, or nothing when it has none.
func termNote(e Estimate) string {
	if e.Term == "" || e.Band.IsZero() {
		return ""
	}
	return fmt.Sprintf(" %q (%s)", e.Term, e.Band)
}
