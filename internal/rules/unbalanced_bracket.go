package rules

import (
	"fmt"

	"github.com/edlint/edlint/internal/prose"
)

// UnbalancedBracket reports a parenthesis or square bracket that is opened
// and never closed in its paragraph, or closed without being opened.
func UnbalancedBracket() Rule { return unbalancedBracket{} }

type unbalancedBracket struct{}

func (unbalancedBracket) Meta() Meta {
	return Meta{
		Name:     "unbalanced-bracket",
		Category: Mechanics,
		Severity: Warning,
		Reads:    []string{factTokenIndex, factParagraphs},
		Summary:  "a parenthesis or bracket opened and not closed in its paragraph, or closed and not opened",
		Doc: `Reports an opening parenthesis or square bracket with no matching closer
before the end of its paragraph (the finding points at the opener), and a
closer with no opener. List markers such as "a)", "b)", "1)" and "iv)" and
emoticons are not brackets. In hard-wrapped plain text a paragraph runs until
a blank line or an outdent after a finished sentence.`,
		Before: "He targeted Trump (Comment: I agree with most of this.\n",
		After:  "He targeted Trump (Comment: I agree with most of this.)\n",
	}
}

func closerOf(open string) string {
	if open == "(" {
		return ")"
	}
	return "]"
}

func (unbalancedBracket) Check(p *Pass) {
	d := p.Doc
	brackets := tokenIndexOf(p, d).list(clsBracket)
	var stack []int // the open brackets of a paragraph, its room reused
	for _, pa := range paragraphs(p) {
		first, end := pa.tokenRange(d)
		for len(brackets) > 0 && int(brackets[0]) < first {
			brackets = brackets[1:]
		}
		stack = stack[:0]
		for len(brackets) > 0 && int(brackets[0]) < end {
			i := int(brackets[0])
			brackets = brackets[1:]
			text := typeText(d, i)
			// The list holds ( [ ) and ] alone: their byte tells them apart.
			switch c := text[0]; c {
			case '(', '[':
				if c == '(' && i > first && faceBefore(typeText(d, i-1)) && emoticon(d, first, i) {
					continue // ":(" is a face
				}
				stack = append(stack, i)
			case ')', ']':
				// (A face touches the bracket: emoticon tests that.)
				if c == ')' && i > first && faceBefore(typeText(d, i-1)) && emoticon(d, first, i) {
					continue // ":)" ";-)"
				}
				open := byte('(')
				if c == ']' {
					open = '['
				}
				match := -1
				for k := len(stack) - 1; k >= 0; k-- {
					if typeText(d, stack[k])[0] == open {
						match = k
						break
					}
				}
				if match < 0 && i > first && adjacent(d, i-1, i) && isEnumerator(d, i-1) {
					continue // "a)" "1)" "iv)" as a list marker
				}
				if match < 0 {
					p.Report(Finding{
						Span:    d.TokenSpan(i),
						Message: fmt.Sprintf("%q closes nothing: no opening bracket before it in this paragraph", text),
					})
					continue
				}
				// Openers of the other kind inside the pair stay open.
				if match == len(stack)-1 {
					stack = stack[:match]
				} else {
					stack = append(stack[:match], stack[match+1:]...)
				}
			}
		}
		for _, i := range stack {
			text := d.TokenText(i)
			p.Report(Finding{
				Span:    d.TokenSpan(i),
				Message: fmt.Sprintf("%q is never closed in this paragraph", text),
				Related: []Related{{Span: prose.Span{Start: d.TokenEnd(end - 1), End: d.TokenEnd(end - 1)}, Message: fmt.Sprintf("the paragraph ends here without %q", closerOf(text))}},
			})
		}
	}
}

// faceBefore reports whether a bracket after the token text t may end a
// face (see emoticon): t is its nose or eyes. Most brackets follow a word
// or a space, ruled out here without a call.
func faceBefore(t string) bool {
	return len(t) == 1 && (t[0] == '-' || t[0] == ':' || t[0] == ';')
}

// emoticon reports whether the bracket at token i ends a face such as ":)",
// ";-)" or ":(" standing on its own.
func emoticon(d *prose.Document, first, i int) bool {
	j := i - 1
	if j > first && tok(d, j) == "-" && adjacent(d, j, i) {
		j--
	}
	if j < first || !adjacent(d, j, j+1) {
		return false
	}
	if e := tok(d, j); e != ":" && e != ";" {
		return false
	}
	return j == first || !adjacent(d, j-1, j)
}
