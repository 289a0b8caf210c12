package rules

import (
	"strings"

	"github.com/edlint/edlint/internal/prose"
)

// LowercaseI reports the pronoun I written in lower case.
func LowercaseI() Rule { return lowercaseI{} }

type lowercaseI struct{}

func (lowercaseI) Meta() Meta {
	return Meta{
		Name:     "lowercase-i",
		Category: Mechanics,
		Severity: Warning,
		Reads:    []string{factTokenIndex},
		Summary:  "the pronoun I written in lower case",
		Doc: `Reports "i" standing alone as a word, and its contractions (i’m, i’ve, i’d,
i’ll), which in English prose is always the pronoun I. List markers such as
"i)", "(i)" and "i." and the abbreviation i.e. are left alone. The fix
capitalises it.`,
		Before: "In Part 1 i looked at the 1970s.\n",
		After:  "In Part 1 I looked at the 1970s.\n",
	}
}

// pageWords come before a roman numeral.
var pageWords = map[string]bool{
	"page": true, "pages": true, "p": true, "pp": true, "part": true, "chapter": true, "appendix": true,
	"vol": true, "volume": true, "section": true, "figure": true, "table": true, "annex": true, "book": true,
	"act": true, "scene": true, "phase": true, "schedule": true, "exhibit": true, "attachment": true,
}

func (lowercaseI) Check(p *Pass) {
	d := p.Doc
	for _, i32 := range tokenIndexOf(p, d).list(clsLowerI) {
		i := int(i32)
		if isEnumerator(d, i) || i > 0 && tok(d, i-1) == "(" && tok(d, i+1) == ")" {
			continue
		}
		// Glued to the word or mark before it ("5...i"), or the start of a
		// spaced "i. e.".
		if i > 0 && adjacent(d, i-1, i) || tok(d, i+1) == "." && adjacent(d, i, i+1) {
			continue
		}
		// A roman page or part number: "Page i", "pp. i, 6-12", "Part i".
		if pageWords[strings.ToLower(strings.TrimSuffix(tok(d, i-1), "."))] || tok(d, i-1) == "." && pageWords[strings.ToLower(tok(d, i-2))] {
			continue
		}
		// A variable or letter: "x and i", "the letter i", "i = 1".
		next := tok(d, i+1)
		if next == "=" || next == "+" || next == "-" || next == "th" || tok(d, i-1) == "letter" {
			continue
		}
		start := d.TokenStart(i)
		p.Report(Finding{
			Span:        prose.Span{Start: start, End: start + 1},
			Message:     "the pronoun I in lower case",
			Suggestions: []string{"I"},
			Fix:         []prose.Edit{{Span: prose.Span{Start: start, End: start + 1}, New: "I"}},
		})
	}
}

// isLowercaseI reports whether a word token is the pronoun I in lower
// case, alone or contracted (i'm, i’ve).
func isLowercaseI(w string) bool {
	if w == "i" {
		return true
	}
	rest, ok := strings.CutPrefix(w, "i’")
	if !ok {
		rest, ok = strings.CutPrefix(w, "i'")
	}
	return ok && (rest == "m" || rest == "ve" || rest == "d" || rest == "ll")
}
