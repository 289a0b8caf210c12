package rules

import (
	"github.com/edlint/edlint/internal/prose"
)

// Quotation mark styles.
const (
	quoteCurly = iota
	quoteStraight
)

type quoteStyle struct{}

// QuoteStyle reports straight quotation marks in a draft that mostly uses
// curly ones, or the other way round, once per minority style.
func QuoteStyle() Rule { return quoteStyle{} }

func (quoteStyle) Meta() Meta {
	return Meta{
		Name:     "quote-style",
		Category: Consistency,
		Severity: Warning,
		Reads:    []string{factQuotes, factApostrophes},
		Summary:  "straight and curly quotation marks mixed in one draft",
		Doc: "A draft assembled from several sources mixes straight (\" ') and curly (“ ” ‘ ’) quotation " +
			"marks. The rule counts both styles (double and single marks together; apostrophes are the " +
			"apostrophe-style rule's) and reports the minority style once, at its first use, with a count. " +
			"The fix rewrites each minority mark in the majority style, choosing the opening or closing " +
			"curly mark from the spaces around it; when a mark's direction cannot be told (a quote between " +
			"two letters) the finding has no fix. Inch marks after a digit (12\") are left alone.",
		Before: "He said “yes” and ‘maybe’, then \"no\".\n",
		After:  "He said “yes” and ‘maybe’, then “no”.\n",
	}
}

func (quoteStyle) Check(p *Pass) {
	all := gather(p, factQuotes, func(d *prose.Document) styleUses { return quoteMarks(d, tokenIndexOf(p, d)) })
	apos := gather(p, factApostrophes, func(d *prose.Document) styleUses { return apostrophes(d, tokenIndexOf(p, d)) })
	reportMixed(p, factQuotes, mixedStyles{
		labels:         []string{"curly quotation marks", "straight quotation marks"},
		companion:      styleSetOf(p, factApostrophes, apos).total,
		companionLabel: "quotation marks and apostrophes",
		styleWords:     []string{"curly", "straight"},
		prefer:         -1,
		convert:        convertQuote,
		example:        textAround,
	}, all)
}

// quoteMarks finds the quotation marks of doc by style. A single mark
// right after a word is an apostrophe (see apostrophes), and a mark right
// after a digit is a foot or inch mark; neither counts.
func quoteMarks(doc *prose.Document, x *tokenIndex) styleUses {
	uses := make(styleUses, 2)
	// Room for every mark at once.
	uses[quoteCurly] = make([]prose.Span, 0, x.marks[quoteCurly])
	uses[quoteStraight] = make([]prose.Span, 0, x.marks[quoteStraight])
	closers := x.singleClosers(doc)
	for _, i32 := range x.quoteish {
		i := int(i32)
		t := doc.Tokens[i]
		if t.Kind() != prose.Punct {
			continue
		}
		text := doc.Type(t.ID()) // the token's text (see typeText)
		switch text {
		case "\"", "'", "’", "“", "”", "‘":
		default:
			continue
		}
		ts := doc.TokenSpan(i)
		if i > 0 && doc.TokenEnd(i-1) == ts.Start {
			prev := doc.Tokens[i-1]
			if text == "'" || text == "’" {
				if prev.Kind() == prose.Word && !closers[i] {
					continue // an apostrophe
				}
			}
			if prev.Kind() == prose.Number && (text == "\"" || text == "'") {
				prevText := doc.TokenText(i - 1)
				if last := prevText[len(prevText)-1]; last >= '0' && last <= '9' {
					continue // 12", 5'
				}
			}
		}
		if text == "\"" || text == "'" {
			uses[quoteStraight] = append(uses[quoteStraight], ts)
		} else {
			uses[quoteCurly] = append(uses[quoteCurly], ts)
		}
	}
	return uses
}

func convertQuote(doc *prose.Document, span prose.Span, _, to int) ([]prose.Edit, string, bool) {
	text := doc.Slice(span)
	if to == quoteStraight {
		if text == "“" || text == "”" {
			return []prose.Edit{{Span: span, New: "\""}}, "\"", true
		}
		return []prose.Edit{{Span: span, New: "'"}}, "'", true
	}
	before, after := runeBefore(doc, span.Start), runeAt(doc, span.End)
	opening := before == 0 || isSpaceOrOpener(before)
	closing := after == 0 || isSpaceOrCloser(after)
	opener, closer := "“", "”"
	if text == "'" {
		opener, closer = "‘", "’"
	}
	switch {
	case opening && !closing:
		return []prose.Edit{{Span: span, New: opener}}, opener, true
	case closing && !opening:
		return []prose.Edit{{Span: span, New: closer}}, closer, true
	}
	return nil, "", false
}

func isSpaceOrOpener(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\u00a0', '(', '[', '{', '—', '–', '“', '‘':
		return true
	}
	return false
}

func isSpaceOrCloser(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\u00a0', ')', ']', '}', '.', ',', ';', ':', '?', '!', '—', '–', '”', '’':
		return true
	}
	return false
}
