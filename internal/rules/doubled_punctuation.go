package rules

import (
	"fmt"

	"github.com/edlint/edlint/internal/prose"
)

// DoubledPunctuation reports doubled or stray punctuation: ",,", ", ,",
// ". :", "..", "?.".
func DoubledPunctuation() Rule { return doubledPunctuation{} }

type doubledPunctuation struct{}

func (doubledPunctuation) Meta() Meta {
	return Meta{
		Name:     "doubled-punctuation",
		Category: Mechanics,
		Severity: Warning,
		Reads:    []string{factTokenIndex},
		Summary:  "a punctuation mark doubled or followed by a stray one",
		Doc: `Reports two marks in a row where one is meant: a doubled comma, semicolon or
colon (",,", ", ,"), two full stops (".." but never an ellipsis of three), and a
stray mark next to another (". :", ", .", "?."). The fix removes the extra mark
where the choice is clear: one of two identical marks, the comma or full stop
before a colon or semicolon, the comma before a full stop, the full stop after
a question or exclamation mark. A full stop that ends an abbreviation (etc.,
Inc., e.g.) may be followed by a comma or colon.`,
		Before: "Against that backdrop, the KGB sorted its assets by awareness. :\n",
		After:  "Against that backdrop, the KGB sorted its assets by awareness:\n",
	}
}

func isMark(s string) bool {
	switch s {
	case ",", ";", ":", ".", "?", "!":
		return true
	}
	return false
}

// dotsFollow reports whether the next mark after off, across white space
// and line breaks, is a full stop: the rest of a spaced ellipsis.
func dotsFollow(d *prose.Document, off int) bool {
	for off < len(d.Text) {
		switch d.Text[off] {
		case ' ', '\t', '\n', '\r':
			off++
			continue
		case '.':
			return true
		}
		return false
	}
	return false
}

func (doubledPunctuation) Check(p *Pass) {
	d := p.Doc
	bc := blockCursor{d: d}
	resume := 0 // the token after the last mark of the run reported last
	for _, i32 := range tokenIndexOf(p, d).doubled {
		i := int(i32)
		if i < resume {
			continue
		}
		b := &d.Blocks[bc.of(i)]
		text := d.TokenText(i)
		if text == ".." {
			// Two dots after a word and before a space: a doubled full
			// stop, not an ellipsis and not a path (../x).
			if i > b.FirstToken() && adjacent(d, i-1, i) && d.Tokens[i-1].Kind() != prose.Punct &&
				(i+1 >= b.EndToken() || !adjacent(d, i, i+1) || isClosingMark(tok(d, i+1))) {
				ts := d.TokenSpan(i)
				p.Report(Finding{
					Span:        ts,
					Message:     `two full stops: one ends a sentence, three make an ellipsis`,
					Suggestions: []string{".", "..."},
					Fix:         []prose.Edit{{Span: prose.Span{Start: ts.Start + 1, End: ts.End}}},
				})
			}
			continue
		}
		if i+1 >= b.EndToken() || !isMark(text) {
			continue
		}
		next := d.TokenText(i + 1)
		gap := between(d, i, i+1)
		if !isMark(next) || d.Tokens[i+1].Gap() || gap != "" && !spacesOnly(gap) {
			continue
		}
		if text == "." && isAbbrevBefore(d, i-1) && adjacent(d, i-1, i) {
			continue // "etc.," "Inc.:"
		}
		if text == "." && next == "." || next == "." && dotsFollow(d, d.TokenEnd(i+1)) || text == "." && spacedDots(d, i) {
			continue // a spaced ellipsis ". . ." (also before a comma) or leaders in a table
		}
		// Keep the second mark (del = the first) or the first (del = the second).
		ts := d.TokenSpan(i)
		var del prose.Span
		keep := ""
		last := i + 1 // the last mark of the run
		switch {
		case text == next && text != "." && text != "?" && text != "!":
			// ", , ," is one finding, fixed in one go.
			for last+1 < b.EndToken() && d.TokenText(last+1) == text && !d.Tokens[last+1].Gap() {
				if g := between(d, last, last+1); g != "" && !spacesOnly(g) {
					break
				}
				last++
			}
			keep, del = text, prose.Span{Start: ts.End, End: d.TokenEnd(last)}
		case (text == "." || text == ",") && (next == ":" || next == ";"):
			keep, del = next, prose.Span{Start: ts.Start, End: d.TokenStart(i + 1)}
		case text == "," && next == ".":
			keep, del = next, prose.Span{Start: ts.Start, End: d.TokenStart(i + 1)}
		case (text == "?" || text == "!") && next == ".":
			if gap != "" {
				continue
			}
			keep, del = text, prose.Span{Start: ts.End, End: d.TokenEnd(i + 1)}
		case text == "." && (next == "," || next == "?" || next == "!"):
			if gap == "" {
				continue // "Yahoo!" style names, "No.," after numbers
			}
		case (text == ":" || text == ";") && (next == "." || next == "," || next == ":" || next == ";"):
		default:
			continue
		}
		f := Finding{
			Span:    prose.Span{Start: ts.Start, End: d.TokenEnd(last)},
			Message: fmt.Sprintf("%q followed by %q: one mark too many", text, next),
		}
		if keep != "" {
			f.Suggestions = []string{keep}
			f.Fix = []prose.Edit{{Span: del}}
		} else {
			f.Suggestions = []string{next, text}
		}
		p.Report(f)
		resume = last + 1
	}
}
