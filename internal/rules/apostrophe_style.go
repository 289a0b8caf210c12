package rules

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/edlint/edlint/internal/prose"
)

// Apostrophe styles.
const (
	aposCurly = iota
	aposStraight
)

type apostropheStyle struct{}

// ApostropheStyle reports straight apostrophes in a draft that mostly uses
// curly ones, or the other way round, once per minority style.
func ApostropheStyle() Rule { return apostropheStyle{} }

func (apostropheStyle) Meta() Meta {
	return Meta{
		Name:     "apostrophe-style",
		Category: Consistency,
		Severity: Warning,
		Reads:    []string{factApostrophes, factQuotes},
		Summary:  "straight and curly apostrophes mixed in one draft",
		Doc: "Text pasted from several sources mixes straight (') and curly (’) apostrophes: `KGB's` beside " +
			"`Trump’s`. The rule counts both styles in the draft (and in the files checked with it) and " +
			"reports the minority style once, at its first use, with the number of uses; the fix rewrites " +
			"every minority apostrophe in the majority style. Smart quotes are one setting, so the " +
			"majority is counted over apostrophes and quotation marks together. Apostrophes inside words, in possessives " +
			"(`officers'`) and in decades (`’80s`) count; quotation marks are the quote-style rule's. " +
			"Feet and inch marks after digits are left alone. Silence it by making the draft consistent.",
		Before: "The KGB's interest grew. Trump’s trip and Ivana’s family were watched; it’s clear.\n",
		After:  "The KGB’s interest grew. Trump’s trip and Ivana’s family were watched; it’s clear.\n",
	}
}

func (apostropheStyle) Check(p *Pass) {
	all := gather(p, factApostrophes, func(d *prose.Document) styleUses { return apostrophes(d, tokenIndexOf(p, d)) })
	quotes := gather(p, factQuotes, func(d *prose.Document) styleUses { return quoteMarks(d, tokenIndexOf(p, d)) })
	reportMixed(p, factApostrophes, mixedStyles{
		labels:         []string{"curly apostrophes", "straight apostrophes"},
		companion:      styleSetOf(p, factQuotes, quotes).total,
		companionLabel: "quotation marks and apostrophes",
		styleWords:     []string{"curly", "straight"},
		prefer:         -1,
		convert:        convertApostrophe,
		example:        wordAround,
	}, all)
}

// apostrophes finds every apostrophe of doc by style: inside words and
// numbers (it’s, 1970’s, ’80s) and right after a word (Shvets').
func apostrophes(doc *prose.Document, x *tokenIndex) styleUses {
	uses := make(styleUses, 2)
	// Room for every apostrophe at once.
	uses[aposCurly] = make([]prose.Span, 0, x.apos[aposCurly])
	uses[aposStraight] = make([]prose.Span, 0, x.apos[aposStraight])
	closers := x.singleClosers(doc)
	for _, i32 := range x.quoteish {
		i := int(i32)
		t := doc.Tokens[i]
		text := doc.Type(t.ID()) // the token's text (see typeText)
		switch t.Kind() {
		case prose.Word, prose.Number:
			start := doc.TokenStart(i)
			// The marks, a byte at a time: ' is ASCII, and the lead byte
			// of ’ starts a rune wherever it is (no rune's continuation).
			for off := 0; off < len(text); off++ {
				c := text[off]
				if c != '\'' && c != "’"[0] {
					continue
				}
				if off > 0 && isDigitByte(text[off-1]) && off+1 < len(text) && isDigitByte(text[off+1]) {
					continue // feet and inches: 5'10
				}
				switch {
				case c == '\'':
					uses[aposStraight] = append(uses[aposStraight], prose.Span{Start: start + off, End: start + off + 1})
				case strings.HasPrefix(text[off:], "’"):
					uses[aposCurly] = append(uses[aposCurly], prose.Span{Start: start + off, End: start + off + len("’")})
				}
			}
		case prose.Punct:
			if text != "'" && text != "’" {
				continue
			}
			// Right after a letter, with no space: a possessive or elision
			// (Shvets', goin'), or a closing single quote, which takes the
			// same curly mark.
			if i == 0 {
				continue
			}
			ts := doc.TokenSpan(i)
			if doc.TokenEnd(i-1) != ts.Start || doc.Tokens[i-1].Kind() != prose.Word || closers[i] {
				continue
			}
			if text == "'" {
				uses[aposStraight] = append(uses[aposStraight], ts)
			} else {
				uses[aposCurly] = append(uses[aposCurly], ts)
			}
		}
	}
	return uses
}

func convertApostrophe(doc *prose.Document, span prose.Span, _, to int) ([]prose.Edit, string, bool) {
	if to == aposStraight {
		return []prose.Edit{{Span: span, New: "'"}}, "'", true
	}
	// A straight mark between letters, after a letter or before a decade
	// is an apostrophe or a closing quote: both are ’.
	if before := runeBefore(doc, span.Start); isAlnum(before) {
		return []prose.Edit{{Span: span, New: "’"}}, "’", true
	}
	if after, _ := utf8.DecodeRuneInString(doc.Text[span.End:]); isAlnum(after) {
		return []prose.Edit{{Span: span, New: "’"}}, "’", true // ’80s, ’tis
	}
	return nil, "", false
}

// wordAround returns the text of the token holding span, or of the word
// token right before it (Shvets').
func wordAround(doc *prose.Document, span prose.Span) string {
	i := sort.Search(len(doc.Tokens), func(i int) bool { return doc.TokenEnd(i) > span.Start })
	if i >= len(doc.Tokens) {
		return doc.Slice(span)
	}
	ts := doc.TokenSpan(i)
	if doc.Tokens[i].Kind() == prose.Punct && i > 0 && doc.TokenEnd(i-1) == ts.Start {
		return doc.Text[doc.TokenStart(i-1):ts.End]
	}
	return doc.Text[ts.Start:ts.End]
}

// singleClosers returns the tokens that close a single quotation opened
// earlier in their block (‘special contact’): a mark after a word that is
// a quotation mark, not an apostrophe. It is computed once per index.
func (x *tokenIndex) singleClosers(doc *prose.Document) map[int]bool {
	x.closersOnce.Do(func() { x.closers = singleClosers(doc, x) })
	return x.closers
}

func singleClosers(doc *prose.Document, x *tokenIndex) map[int]bool {
	var out map[int]bool
	bc := blockCursor{d: doc}
	bi, open := -1, 0
	for _, i32 := range x.quoteish {
		i := int(i32)
		t := doc.Tokens[i]
		if t.Kind() != prose.Punct {
			continue
		}
		if k := bc.of(i); k != bi {
			bi, open = k, 0 // quotations close within their block
		}
		b := &doc.Blocks[bi]
		text := doc.Type(t.ID()) // the token's text (see typeText)
		switch text {
		case "‘":
			open++
			continue
		case "'", "’":
		default:
			continue
		}
		ts := doc.TokenSpan(i)
		if text == "'" && i+1 < b.EndToken() && doc.TokenStart(i+1) == ts.End && (i == b.FirstToken() || doc.TokenEnd(i-1) < ts.Start) {
			open++ // a straight mark opening a quotation
			continue
		}
		if open > 0 && i > b.FirstToken() && doc.TokenEnd(i-1) == ts.Start {
			open--
			if out == nil {
				out = map[int]bool{}
			}
			out[i] = true
		}
	}
	return out
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }
