package rules

import (
	"strconv"
	"strings"

	"github.com/edlint/edlint/internal/prose"
)

// Range styles.
const (
	rangeEnDash = iota // 1985–87
	rangeHyphen        // 1985-87
)

type rangeStyle struct{}

// RangeStyle reports number ranges written with a hyphen in a draft that
// writes them with an en dash, or the other way round.
func RangeStyle() Rule { return rangeStyle{} }

func (rangeStyle) Meta() Meta {
	return Meta{
		Name:     "range-style",
		Category: Consistency,
		Severity: Warning,
		Reads:    []string{factRanges},
		Summary:  "number ranges written with both hyphens and en dashes",
		Doc: "A range of years or pages takes an en dash in edited prose (1985–87, pp. 12–15); many drafts " +
			"use a hyphen. Either is readable, both in one draft is not. The rule counts ranges of each " +
			"style (two numbers of up to four digits, the second larger, joined by a hyphen or an en dash " +
			"with no spaces) and reports the minority style once with a count; the fix rewrites those " +
			"ranges in the majority style. Equal counts favor the en dash.",
		Before: "He served from 1985–87 and again in 1990–92, then 1995-97.\n",
		After:  "He served from 1985–87 and again in 1990–92, then 1995–97.\n",
	}
}

func (rangeStyle) Check(p *Pass) {
	all := gather(p, factRanges, func(d *prose.Document) styleUses { return ranges(d, tokenIndexOf(p, d)) })
	reportMixed(p, factRanges, mixedStyles{
		labels:  []string{"ranges with an en dash", "ranges with a hyphen"},
		prefer:  -1,
		convert: convertRange,
	}, all)
}

// isRange reports whether a and b, two digit strings, read as a range:
// b larger than a, or the last digits of a later number (1985–87).
func isRange(a, b string) bool {
	if a == "" || len(a) > 4 || b == "" || len(b) > 4 {
		return false
	}
	x, err1 := strconv.Atoi(a)
	y, err2 := strconv.Atoi(b)
	if err1 != nil || err2 != nil {
		return false
	}
	if len(b) > len(a) && len(a) >= 3 {
		return false // a telephone number (555-1234), not a range
	}
	if len(b) < len(a) {
		if len(a) != 4 || len(b) != 2 {
			return false // only years are abbreviated (1985–87); 10-3 is a score
		}
		y, _ = strconv.Atoi(a[:len(a)-len(b)] + b)
	}
	return y > x
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func ranges(doc *prose.Document, x *tokenIndex) styleUses {
	uses := make(styleUses, 2)
	for _, i := range x.list(clsRangeHyphen) {
		uses[rangeHyphen] = append(uses[rangeHyphen], doc.TokenSpan(int(i)))
	}
	// An en dash range is a number, the dash and a number, touching.
	for _, j := range x.list(clsDash) {
		i := int(j) - 1
		if i < 0 || doc.Tokens[i].Kind() != prose.Number {
			continue
		}
		t := doc.TokenSpan(i)
		text := doc.Text[t.Start:t.End]
		if i+2 >= len(doc.Tokens) || !allDigits(text) {
			continue
		}
		dash, next := doc.TokenSpan(i+1), doc.TokenSpan(i+2)
		if dash.Start != t.End || next.Start != dash.End || doc.Text[dash.Start:dash.End] != "–" || doc.Tokens[i+2].Kind() != prose.Number {
			continue
		}
		if b := doc.Text[next.Start:next.End]; allDigits(b) && isRange(text, b) {
			uses[rangeEnDash] = append(uses[rangeEnDash], prose.Span{Start: t.Start, End: next.End})
		}
	}
	return uses
}

func convertRange(doc *prose.Document, span prose.Span, _, to int) ([]prose.Edit, string, bool) {
	text := doc.Slice(span)
	var out string
	if to == rangeEnDash {
		out = strings.Replace(text, "-", "–", 1)
	} else {
		out = strings.Replace(text, "–", "-", 1)
	}
	return []prose.Edit{{Span: span, New: out}}, out, true
}
