package rules

import (
	"strings"

	"github.com/edlint/edlint/internal/prose"
)

// Decade styles.
const (
	decadePlain      = iota // 1980s, ’80s
	decadeApostrophe        // 1970’s, 80's
)

type decadeStyle struct{}

// DecadeStyle reports decades written with an apostrophe before the s
// (1970’s), suggesting 1970s.
func DecadeStyle() Rule { return decadeStyle{} }

func (decadeStyle) Meta() Meta {
	return Meta{
		Name:     "decade-style",
		Category: Consistency,
		Severity: Warning,
		Reads:    []string{factDecades},
		Summary:  "a decade written with an apostrophe (1970’s) beside the plain form",
		Doc: "Chicago, AP and the Guardian all write decades without an apostrophe before the s: 1970s, " +
			"’80s. A draft with both `1970’s` and `1980s` reads as careless. The rule reports the " +
			"apostrophe decades once, at the first, with a count (a warning when the draft also uses the " +
			"plain form, a note when it never does), and the fix drops the apostrophes. A four-digit form " +
			"counts only where it is clearly a decade (after the, early, mid, late, or a possessive " +
			"pronoun): elsewhere `1980's` is the possessive of a year (1980's election).",
		Before: "In the 1970’s and in the 1980s the KGB watched.\n",
		After:  "In the 1970s and in the 1980s the KGB watched.\n",
	}
}

func (decadeStyle) Check(p *Pass) {
	all := gather(p, factDecades, func(d *prose.Document) styleUses { return decades(d, tokenIndexOf(p, d)) })
	reportMixed(p, factDecades, mixedStyles{
		labels:  []string{"plain decades", "decades with an apostrophe"},
		prefer:  decadePlain,
		convert: convertDecade,
		severity: func(_, _ int, total []int) Severity {
			if total[decadePlain] == 0 {
				return Info
			}
			return Warning
		},
	}, all)
}

// decadeParts splits a decade token into its digits and whether it has
// an apostrophe before the s; ok is false for other numbers.
func decadeParts(text string) (digits string, apostrophe, ok bool) {
	text = strings.TrimPrefix(strings.TrimPrefix(text, "'"), "’")
	switch {
	case strings.HasSuffix(text, "’s"):
		digits, apostrophe = strings.TrimSuffix(text, "’s"), true
	case strings.HasSuffix(text, "'s"):
		digits, apostrophe = strings.TrimSuffix(text, "'s"), true
	case strings.HasSuffix(text, "s"):
		digits = strings.TrimSuffix(text, "s")
	default:
		return "", false, false
	}
	if len(digits) != 2 && len(digits) != 4 || digits[len(digits)-1] != '0' {
		return "", false, false
	}
	for i := 0; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			return "", false, false
		}
	}
	return digits, apostrophe, true
}

func decades(doc *prose.Document, x *tokenIndex) styleUses {
	uses := make(styleUses, 2)
	for _, i := range x.list(clsDecade) {
		ts := doc.TokenSpan(int(i))
		_, apos, ok := decadeParts(doc.Text[ts.Start:ts.End])
		if !ok {
			continue
		}
		if apos {
			if _, _, safe := convertDecade(doc, ts, decadeApostrophe, decadePlain); !safe {
				continue // 1980's election: the possessive of a year
			}
			uses[decadeApostrophe] = append(uses[decadeApostrophe], ts)
		} else {
			uses[decadePlain] = append(uses[decadePlain], ts)
		}
	}
	return uses
}

func convertDecade(doc *prose.Document, span prose.Span, from, to int) ([]prose.Edit, string, bool) {
	if from != decadeApostrophe || to != decadePlain {
		return nil, "", false
	}
	text := doc.Slice(span)
	plain := strings.Replace(strings.Replace(text, "’s", "s", 1), "'s", "s", 1)
	digits, _, _ := decadeParts(text)
	safe := len(digits) == 2 // ’70’s is no year's possessive
	if !safe {
		switch strings.ToLower(wordBefore(doc, span.Start)) {
		case "the", "early", "mid", "late", "mid-", "their", "his", "her", "my", "our":
			safe = true
		}
	}
	return []prose.Edit{{Span: span, New: plain}}, plain, safe
}

// wordBefore returns the word ending just before off (across spaces),
// or "".
func wordBefore(doc *prose.Document, off int) string {
	i := off
	for i > 0 && (doc.Text[i-1] == ' ' || doc.Text[i-1] == '\t') {
		i--
	}
	if i > 0 && doc.Text[i-1] == '-' {
		i-- // mid-1970's
	}
	end := i
	for i > 0 {
		r := runeBefore(doc, i)
		if !isAlnum(r) && r != '-' {
			break
		}
		i -= len(string(r))
	}
	return doc.Text[i:end]
}
