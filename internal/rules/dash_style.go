package rules

import (
	"github.com/edlint/edlint/internal/prose"
)

// Dash styles: how a draft sets off a phrase with a dash.
const (
	dashSpacedEm     = iota // word — word
	dashClosedEm            // word—word
	dashSpacedEn            // word – word (the British convention)
	dashDoubleHyphen        // word -- word, the typewriter dash
	dashSpacedHyphen        // word - word: a hyphen standing in for a dash
	numDashStyles
)

var dashLabels = []string{"spaced em dashes", "closed em dashes", "spaced en dashes", "double hyphens", "spaced hyphens"}

type dashStyle struct{}

// DashStyle reports a dash style that differs from the draft's usual one:
// spaced against closed em dashes, spaced en dashes, double hyphens.
func DashStyle() Rule { return dashStyle{} }

func (dashStyle) Meta() Meta {
	return Meta{
		Name:     "dash-style",
		Category: Consistency,
		Severity: Warning,
		Reads:    []string{factDashes},
		Summary:  "em dashes set in more than one style",
		Doc: "Style guides differ on the dash that sets off a phrase: a closed em dash (word—word, Chicago), " +
			"a spaced em dash (word — word, AP), a spaced en dash (word – word, many British houses) or, in " +
			"typewritten text, a double hyphen. A draft should use one. The rule counts each style in the " +
			"draft and reports each minority style once, at its first use, with a count and the majority " +
			"style as the fix. Hyphens standing in for dashes are the hyphen-as-dash rule's; en dashes in " +
			"ranges (1985–87) are the range-style rule's.",
		Before: "The process — as the KGB ran it — was slow. It was methodical—and patient.\n",
		After:  "The process — as the KGB ran it — was slow. It was methodical — and patient.\n",
	}
}

func (dashStyle) Check(p *Pass) {
	all := gather(p, factDashes, func(d *prose.Document) styleUses { return dashes(d, tokenIndexOf(p, d)) })
	reportMixed(p, factDashes, mixedStyles{
		labels:  dashLabels,
		never:   map[int]bool{dashSpacedHyphen: true},
		quiet:   map[int]bool{dashSpacedHyphen: true},
		prefer:  -1,
		convert: convertDash,
		example: textAround,
	}, all)
}

// dashes finds the dashes of doc between two words of a sentence, by
// style. Each use spans the dash and the spaces around it. Dashes at the
// start or end of a block (dialog lines, list markers), dashes with a space on
// one side only, and a hyphen between two numbers (5 - 3) are left out.
func dashes(doc *prose.Document, x *tokenIndex) styleUses {
	uses := make(styleUses, numDashStyles)
	bc := blockCursor{d: doc}
	resume := 0 // the token after the last dash taken
	for _, i32 := range x.list(clsDash) {
		i := int(i32)
		if i < resume {
			continue
		}
		b := &doc.Blocks[bc.of(i)]
		if i < b.FirstToken()+1 || i >= b.EndToken()-1 {
			continue
		}
		ts := doc.TokenSpan(i)
		end := i + 1
		var style int
		switch doc.Text[ts.Start:ts.End] {
		case "—":
			style = dashClosedEm
		case "–":
			style = dashSpacedEn
		case "-":
			style = dashSpacedHyphen
			for end < b.EndToken() && end-i < 3 && doc.TokenText(end) == "-" && doc.TokenStart(end) == doc.TokenEnd(end-1) {
				end++
			}
			if end-i >= 2 {
				style = dashDoubleHyphen
			}
		default:
			continue
		}
		if end >= b.EndToken() {
			continue
		}
		prev, next := doc.Tokens[i-1], doc.Tokens[end]
		if prev.Gap() || next.Gap() {
			continue
		}
		prevEnd, lastEnd, nextStart := doc.TokenEnd(i-1), doc.TokenEnd(end-1), doc.TokenStart(end)
		spaceBefore, spaceAfter := prevEnd < ts.Start, lastEnd < nextStart
		if spaceBefore != spaceAfter {
			continue
		}
		if !blanks(doc.Text[prevEnd:ts.Start]) || !blanks(doc.Text[lastEnd:nextStart]) {
			continue // a line break beside the dash: leave it to the writer
		}
		switch style {
		case dashClosedEm:
			if spaceBefore {
				style = dashSpacedEm
			}
		case dashSpacedEn:
			if !spaceBefore {
				continue // a range or a compound (1985–87, Paris–Berlin)
			}
		case dashSpacedHyphen:
			if !spaceBefore || prev.Kind() == prose.Number || next.Kind() == prose.Number {
				continue
			}
		}
		uses[style] = append(uses[style], prose.Span{Start: prevEnd, End: nextStart})
		resume = end
	}
	return uses
}

func blanks(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' && s[i] != '\t' {
			return false
		}
	}
	return true
}

var dashForms = []string{" — ", "—", " – ", " -- ", " - "}

func convertDash(doc *prose.Document, span prose.Span, _, to int) ([]prose.Edit, string, bool) {
	if to < 0 || to >= len(dashForms) || to == dashSpacedHyphen {
		return nil, "", false
	}
	return []prose.Edit{{Span: span, New: dashForms[to]}}, dashForms[to], true
}
