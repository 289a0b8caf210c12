package rules

import (
	"strings"

	"github.com/edlint/edlint/internal/prose"
)

// Percent styles, after a number.
const (
	pctWord = iota // 12 percent
	pctTwo         // 12 per cent
	pctSign        // 12%
	numPctStyles
)

var pctForms = []string{" percent", " per cent", "%"}

type percentStyle struct{}

// PercentStyle reports a number's percent written differently from the
// draft's usual way: percent, per cent or %.
func PercentStyle() Rule { return percentStyle{} }

func (percentStyle) Meta() Meta {
	return Meta{
		Name:     "percent-style",
		Category: Consistency,
		Severity: Warning,
		Reads:    []string{factPercents},
		Summary:  "percentages written as percent, per cent and % in one draft",
		Doc: "American style writes `12 percent`, British `12 per cent`, and technical or tabular text `12%`. " +
			"The rule counts the three after a number and reports each minority style once, at its first " +
			"use, with a count and the majority style as the fix. Mixing percent and per cent is a " +
			"warning; mixing a word with the sign is only a note, because many house styles keep % for " +
			"tables and parentheses.",
		Before: "Turnout fell 12 percent, then 3 per cent, then 5 percent.\n",
		After:  "Turnout fell 12 percent, then 3 percent, then 5 percent.\n",
	}
}

func (percentStyle) Check(p *Pass) {
	all := gather(p, factPercents, func(d *prose.Document) styleUses { return percents(d, tokenIndexOf(p, d)) })
	reportMixed(p, factPercents, mixedStyles{
		labels:  []string{"“percent” after numbers", "“per cent” after numbers", "percent signs"},
		prefer:  -1,
		convert: convertPercent,
		severity: func(from, to int, _ []int) Severity {
			if from == pctSign || to == pctSign {
				return Info
			}
			return Warning
		},
	}, all)
}

// percents finds "N percent", "N per cent" and "N%"; each use spans the
// number and its percent.
func percents(doc *prose.Document, x *tokenIndex) styleUses {
	uses := make(styleUses, numPctStyles)
	for _, i32 := range x.list(clsPercent) {
		i := int(i32)
		if i < 1 {
			continue
		}
		t, num := doc.Tokens[i], doc.Tokens[i-1]
		if num.Kind() != prose.Number || t.Gap() {
			continue
		}
		ns, ts := doc.TokenSpan(i-1), doc.TokenSpan(i)
		gap := doc.Text[ns.End:ts.Start]
		switch text := doc.Text[ts.Start:ts.End]; {
		case text == "%" && gap == "":
			uses[pctSign] = append(uses[pctSign], prose.Span{Start: ns.Start, End: ts.End})
		case gap != " ":
		case strings.EqualFold(text, "percent"):
			uses[pctWord] = append(uses[pctWord], prose.Span{Start: ns.Start, End: ts.End})
		case strings.EqualFold(text, "per") && i+1 < len(doc.Tokens):
			n := doc.TokenSpan(i + 1)
			if n.Start == ts.End+1 && doc.Text[ts.End] == ' ' && strings.EqualFold(doc.Text[n.Start:n.End], "cent") {
				uses[pctTwo] = append(uses[pctTwo], prose.Span{Start: ns.Start, End: n.End})
			}
		}
	}
	return uses
}

func convertPercent(doc *prose.Document, span prose.Span, from, to int) ([]prose.Edit, string, bool) {
	text := doc.Slice(span)
	var num string
	switch from {
	case pctSign:
		num = strings.TrimSuffix(text, "%")
	default:
		num = text[:strings.IndexByte(text, ' ')]
	}
	out := num + pctForms[to]
	return []prose.Edit{{Span: span, New: out}}, out, true
}
