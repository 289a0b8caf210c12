package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/edlint/edlint/internal/prose"
)

// The quote rules (quote-mismatch, unclosed-quote) share one reading of
// each paragraph's quotation marks, computed once per document.

type quoteKind uint8

const (
	quoteMismatch quoteKind = iota + 1 // a mark of the wrong shape or direction
	quoteUnclosed                      // opened and never closed in the paragraph
	quoteStray                         // a closing mark with nothing open
)

type quoteIssue struct {
	kind    quoteKind
	span    prose.Span
	message string
	suggest string
	fix     bool
	related []Related
}

func quoteIssues(p *Pass) []quoteIssue {
	return p.Memo(factQuoteIssues, func() any { return readQuotes(p.Doc, paragraphs(p), tokenIndexOf(p, p.Doc)) }).([]quoteIssue)
}

// charBefore and charAfter return the rune next to a span, or ' ' at the
// edges of the document.
func charBefore(d *prose.Document, off int) rune {
	if off <= 0 {
		return ' '
	}
	r, _ := utf8.DecodeLastRuneInString(d.Text[:off])
	return r
}

func charAfter(d *prose.Document, off int) rune {
	if off >= len(d.Text) {
		return ' '
	}
	r, _ := utf8.DecodeRuneInString(d.Text[off:])
	return r
}

// openingPlace reports whether a mark at span s sits where a quotation
// opens: after white space, an opening bracket or dash, before a letter,
// digit or another mark that is not white space.
func openingPlace(d *prose.Document, s prose.Span) bool {
	b, a := charBefore(d, s.Start), charAfter(d, s.End)
	return (unicode.IsSpace(b) || b == '(' || b == '[' || b == '—' || b == '–' || b == '“' || b == '‘' || b == '"') &&
		!unicode.IsSpace(a)
}

// closingPlace reports whether a mark sits where a quotation closes: after
// a letter, digit or mark, before white space, punctuation or the end.
func closingPlace(d *prose.Document, s prose.Span) bool {
	b, a := charBefore(d, s.Start), charAfter(d, s.End)
	return !unicode.IsSpace(b) && (unicode.IsSpace(a) || unicode.IsPunct(a) || a == '—')
}

// elisions follow an apostrophe at the start of a word.
var elisions = map[string]bool{"em": true, "cause": true, "til": true, "tis": true, "twas": true, "n": true, "round": true, "bout": true}

type openQuote struct {
	tok    int
	double bool
	span   prose.Span
}

func readQuotes(d *prose.Document, paras []paragraph, x *tokenIndex) []quoteIssue {
	var out []quoteIssue
	prevOpen := false // the previous paragraph ended inside a quotation
	q := x.quoteish   // the only tokens read below, in order
	// A paragraph's open quotations and straight marks, reused from one
	// paragraph to the next.
	var stackBuf []openQuote
	var straightBuf []int
	for pi, pa := range paras {
		first, end := pa.tokenRange(d)
		for len(q) > 0 && int(q[0]) < first {
			q = q[1:]
		}
		n := 0
		for n < len(q) && int(q[n]) < end {
			n++
		}
		marks := q[:n]
		stack := stackBuf[:0]
		straight := straightBuf[:0] // straight double quotes, in order
		var candidate = -1          // a ’ that may close a “ by mistake
		// hasCloserAfter reports whether a ” follows marks[k] in the
		// paragraph.
		hasCloserAfter := func(k int) bool {
			for _, j := range marks[k+1:] {
				if typeText(d, int(j)) == "”" {
					return true
				}
			}
			return false
		}
		for k := 0; k < len(marks); k++ {
			i := int(marks[k])
			if d.Tokens[i].Kind() != prose.Punct {
				continue
			}
			ts := d.TokenSpan(i)
			switch typeText(d, i) {
			case "\"":
				if len(straight)%2 == 0 && unicode.IsDigit(charBefore(d, ts.Start)) && !unicode.IsLetter(charAfter(d, ts.End)) {
					continue // 5" (inches), when no quotation is open
				}
				straight = append(straight, i)
			case "“":
				if len(stack) > 0 && stack[len(stack)-1].double && closingPlace(d, ts) && !openingPlace(d, ts) {
					out = append(out, quoteIssue{kind: quoteMismatch, span: ts, message: "“ used as a closing quotation mark", suggest: "”", fix: true})
					stack = stack[:len(stack)-1]
					continue
				}
				stack = append(stack, openQuote{tok: i, double: true, span: ts})
			case "”":
				if openingPlace(d, ts) && !closingPlace(d, ts) && unicode.IsLetter(charAfter(d, ts.End)) {
					out = append(out, quoteIssue{kind: quoteMismatch, span: ts, message: "” used as an opening quotation mark", suggest: "“", fix: hasCloserAfter(k)})
					stack = append(stack, openQuote{tok: i, double: true, span: ts})
					continue
				}
				switch {
				case len(stack) > 0 && stack[len(stack)-1].double:
					stack = stack[:len(stack)-1]
				case len(stack) > 0:
					o := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					out = append(out, quoteIssue{kind: quoteMismatch, span: ts, message: "quotation opened with ‘ closed with ”", suggest: "’",
						related: []Related{{Span: o.span, Message: "opened here"}}})
				default:
					if pi > 0 && prevOpen {
						continue // a quotation that ran over paragraphs without reopening
					}
					out = append(out, quoteIssue{kind: quoteStray, span: ts, message: "” closes no quotation in this paragraph"})
				}
			case "‘":
				if i+1 < end && adjacent(d, i, i+1) && elisions[strings.ToLower(d.TokenText(i+1))] {
					continue // ‘em, ‘cause: an apostrophe typed the wrong way round
				}
				stack = append(stack, openQuote{tok: i, span: ts})
			case "’":
				// ’’ typed for an opening “.
				if i+1 < end && d.TokenText(i+1) == "’" && adjacent(d, i, i+1) && openingPlace(d, ts) &&
					unicode.IsLetter(charAfter(d, d.TokenEnd(i+1))) {
					s := prose.Span{Start: ts.Start, End: d.TokenEnd(i + 1)}
					out = append(out, quoteIssue{kind: quoteMismatch, span: s, message: "’’ used as an opening quotation mark", suggest: "“", fix: hasCloserAfter(k + 1)})
					stack = append(stack, openQuote{tok: i, double: true, span: s})
					k++ // marks[k+1] is token i+1, the second ’
					continue
				}
				if len(stack) > 0 && !stack[len(stack)-1].double && closingPlace(d, ts) {
					stack = stack[:len(stack)-1]
					continue
				}
				// Otherwise an apostrophe (officers’, ’em); remember the
				// first that could be a mistaken closer of “.
				if candidate < 0 && len(stack) > 0 && stack[len(stack)-1].double && closingPlace(d, ts) {
					if b := charBefore(d, ts.Start); b != 's' && b != 'S' && unicode.IsLetter(b) || b == '.' || b == ',' {
						candidate = i
					}
				}
			}
		}
		// Straight quotes alternate; an odd count leaves the last open.
		open := false
		if len(straight)%2 == 1 {
			s := d.TokenSpan(oddStraight(d, straight))
			if len(straight) != 1 || !prevOpen || openingPlace(d, s) {
				if !reopens(d, paras, pi, "\"") {
					out = append(out, quoteIssue{kind: quoteUnclosed, span: s, message: "quotation opened with \" and not closed in this paragraph"})
				} else {
					open = true
				}
			}
		}
		for k, o := range stack {
			switch {
			case o.double && candidate >= 0 && k == 0 && d.TokenStart(candidate) > o.span.Start:
				out = append(out, quoteIssue{kind: quoteMismatch, span: d.TokenSpan(candidate), message: "quotation opened with “ closed with ’", suggest: "”",
					related: []Related{{Span: o.span, Message: "opened here"}}})
			case o.double && reopens(d, paras, pi, "“"):
				open = true
			case o.double:
				out = append(out, quoteIssue{kind: quoteUnclosed, span: o.span, message: "quotation opened with “ and not closed in this paragraph"})
			default:
				out = append(out, quoteIssue{kind: quoteUnclosed, span: o.span, message: "quotation opened with ‘ and not closed in this paragraph"})
			}
		}
		prevOpen = open
		stackBuf, straightBuf = stack, straight
	}
	return out
}

// reopens reports whether the paragraph after paras[pi] starts with the
// mark: the convention for a quotation that runs over several paragraphs.
func reopens(d *prose.Document, paras []paragraph, pi int, mark string) bool {
	if pi+1 >= len(paras) {
		return false
	}
	first, _ := paras[pi+1].tokenRange(d)
	return typeText(d, first) == mark
}

// oddStraight picks, from an odd number of straight quotation marks, the
// one most likely unmatched: an opener followed by another clear opener
// (\"engage or \"take out\"), or a clear closer with nothing open;
// failing that, the last mark.
func oddStraight(d *prose.Document, marks []int) int {
	open := -1
	for _, i := range marks {
		s := d.TokenSpan(i)
		opening := openingPlace(d, s) && !closingPlace(d, s)
		closing := closingPlace(d, s) && !openingPlace(d, s)
		switch {
		case open < 0 && closing:
			return i
		case open < 0:
			open = i
		case opening:
			return open
		default:
			open = -1
		}
	}
	return marks[len(marks)-1]
}
