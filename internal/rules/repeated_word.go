package rules

import (
	"strings"

	"github.com/edlint/edlint/internal/prose"
)

// legitimateDoubles are words English repeats on purpose: "he had had
// enough", "he said that that was wrong", "what it is is clear".
var legitimateDoubles = map[string]bool{
	"had": true, "that": true, "is": true, "do": true, "did": true, "very": true, "so": true,
	"far": true, "bye": true, "ha": true, "no": true, "yes": true, "really": true, "long": true,
	"knock": true, "tut": true, "chop": true, "hush": true, "pooh": true, "blah": true, "yeah": true,
}

// slipWords are short words that no heading ends with.
var slipWords = map[string]bool{
	"the": true, "a": true, "an": true, "and": true, "of": true, "to": true, "in": true, "it": true,
	"for": true, "at": true, "with": true, "as": true, "be": true, "we": true, "i": true, "this": true,
	"but": true, "or": true, "from": true, "if": true, "they": true, "he": true, "she": true, "you": true,
}

// RepeatedWord reports a word written twice in a row ("the the").
func RepeatedWord() Rule { return repeatedWord{} }

type repeatedWord struct{}

func (repeatedWord) Meta() Meta {
	return Meta{
		Name:     "repeated-word",
		Category: Mechanics,
		Severity: Warning,
		Reads:    []string{factTokenIndex},
		Summary:  "a word written twice in a row",
		Doc: `Reports a word that follows itself with only white space between, as in
"the the", also across a line break, where the eye misses it most. Doubles
that English uses on purpose ("had had", "that that", "is is", "very very")
are allowed, and so are capitalised pairs that are names (Bora Bora). The
fix deletes the second word. Silence one with punctuation where the repeat is
meant ("no, no").`,
		Before: "We know that the the KGB had access.\n",
		After:  "We know that the KGB had access.\n",
	}
}

func (repeatedWord) Check(p *Pass) {
	d := p.Doc
	bc := blockCursor{d: d}
	for _, i32 := range tokenIndexOf(p, d).repeated {
		i := int(i32)
		if i <= d.Blocks[bc.of(i)].FirstToken() {
			continue
		}
		a, c := d.Tokens[i-1], d.Tokens[i]
		if a.Kind() != prose.Word || c.Kind() != prose.Word || c.Gap() || !blank(between(d, i-1, i)) {
			continue
		}
		wa, wc := d.TokenText(i-1), d.TokenText(i)
		if !strings.EqualFold(wa, wc) || legitimateDoubles[d.Type(d.Lower(a.ID()))] {
			continue
		}
		// "Bora Bora", "Walla Walla": a capitalised second word is a name.
		if (isCapitalised(wc) || !allLower(wc[1:])) && !slipWords[d.Type(d.Lower(a.ID()))] {
			continue
		}
		if isEnumerator(d, i-1) {
			continue
		}
		// "Performance performance": a heading run into its paragraph
		// by a text extraction. A capitalised function word doubled
		// ("The the") is still a slip.
		if isCapitalised(wa) && !slipWords[d.Type(d.Lower(a.ID()))] {
			continue
		}
		as, cEnd := d.TokenSpan(i-1), d.TokenEnd(i)
		p.Report(Finding{
			Span:        prose.Span{Start: as.Start, End: cEnd},
			Message:     "repeated word " + quote(wa),
			Suggestions: []string{wa},
			Fix:         []prose.Edit{{Span: prose.Span{Start: as.End, End: cEnd}}},
		})
	}
}
