package rules

// VagueHedge reports hedges that give no probability band ("it's
// possible", "could have", "a possibility not to be excluded", "cannot be
// ruled out", "may well").
func VagueHedge() Rule { return vagueHedge{} }

type vagueHedge struct{}

func (vagueHedge) Meta() Meta {
	return Meta{
		Name:     "vague-hedge",
		Category: Hedging,
		Severity: Info,
		Reads:    hedgeReads,
		Summary:  "a hedge that gives no probability band; says which yardstick terms would",
		Doc: `Reports hedges that leave the reader to guess the probability: "it's possible",
"perhaps", "could have", "may have", "may well", "cannot be ruled out", "a
possibility not to be excluded", "real possibility". Readers take such words
anywhere from 15 to 60 % ("may", "might", "could" in the CAPphrase survey) or
from 20 to 80 % ("real possibility", Mauboussin & Mauboussin 2018). The message
names the yardstick terms that would say how likely the author thinks it is.

Calibration. Most of these cues are info, not warnings, and that is deliberate:
ICD 203 itself keeps "may" and "could" for likelihoods that cannot be assessed
and "cannot rule out" for an unlikely event worth mentioning, and edited prose
uses "could have", "may have" and "perhaps" legitimately all the time (the 9/11
Commission Report's "could have been stopped" is a counterfactual, not a hedge).
Reporting them as warnings put the clean corpus (../shared/corpora/clean) far
over the budget of 10 hedging warnings per 10,000 words. They stay visible as
info (the estimative ladder lists them too) without failing a build. Only the
cues that have no legitimate calibrated use are warnings: "a possibility not to
be excluded", "real / serious / distinct possibility" and the stacked modals
"may well", "might well", "could well".

Not reported: ability and obligation ("it is possible to reach", "may have
to"), "as well", quotations and attributed speech. Turn the rule off, or raise
or lower its severity, in the configuration.`,
		Before: "It is still a possibility not to be excluded that he was recruited.\n",
		After:  "It is unlikely that he was recruited.\n",
	}
}

func (vagueHedge) Check(p *Pass) {
	y := yardstickOf(p.Options)
	// The terms the messages offer depend on the yardstick only: name them
	// once per document, at the first hedge.
	var t30, t50n, t65, t2, t47n string
	for _, e := range ownEstimates(p) {
		if e.Kind != EstHedge {
			continue
		}
		if t30 == "" {
			t30, t50n, t65 = termAt(y, 30, "adj"), termAt(y, 50, "noun"), termAt(y, 65, "adj")
			t2, t47n = termAt(y, 2, "adj"), termAt(y, 47, "noun")
		}
		text := p.Doc.Slice(e.Span)
		f := Finding{Span: e.Span, Severity: e.Severity}
		switch e.Role {
		case "modal":
			f.Message = quote(text) + " gives no band (readers take \"may\", \"might\", \"could\" as 15–60 %); " + y.Title +
				" keeps them for what cannot be assessed — if you can, say " + t30 + ", " + t50n + " or " + t65
		case "ruleout":
			f.Message = quote(text) + " gives no band; " + y.Title +
				" uses \"cannot rule out\" for an unlikely or remote event worth mentioning — say which: " + t30 + " or " + t2
		case "realposs":
			f.Message = quote(text) + " gives no band (readers put it anywhere from 20 to 80 %); under " + y.Title + " say " + t47n + " or " + t65
			if t := y.Suggest(47, "noun"); t.HasRole("noun") && t.Band.Low >= 40 {
				f.Suggestions = []string{matchCase(text, t.Term)}
			}
		default:
			f.Message = quote(text) + " gives no band (readers disagree widely on how likely a \"possible\" event is); under " + y.Title +
				" say how likely: " + t30 + ", " + t50n + " or " + t65
		}
		p.Report(f)
	}
}
