package rules

import (
	"fmt"
	"strings"

	"github.com/edlint/edlint/internal/prose"
)

// SpaceBeforePunctuation reports white space before , . ; : ? !.
func SpaceBeforePunctuation() Rule { return spaceBeforePunctuation{} }

type spaceBeforePunctuation struct{}

func (spaceBeforePunctuation) Meta() Meta {
	return Meta{
		Name:     "space-before-punctuation",
		Category: Mechanics,
		Severity: Warning,
		Reads:    []string{factTokenIndex},
		Summary:  "a space before a comma, full stop, semicolon, colon, question or exclamation mark",
		Doc: `Reports spaces between a word and the comma, full stop, semicolon, colon,
question or exclamation mark after it ("word , word"). The fix deletes the
spaces. Spaced ellipses (". . ."), table leaders, marks that begin a name or
extension (".NET", ".md") and ratios ("3 : 1") are left alone, and so is a
mark at the start of a line.`,
		Before: "The KGB assessed him , and then it acted .\n",
		After:  "The KGB assessed him, and then it acted.\n",
	}
}

// leaders reports whether the line holding off has dot leaders (". . . ."
// or "....") before it, as a table of contents does.
func leaders(d *prose.Document, off int) bool {
	line := d.Text[lineStart(d, off):off]
	return strings.Contains(line, ". . . .") || strings.Contains(line, "....")
}

func (spaceBeforePunctuation) Check(p *Pass) {
	d := p.Doc
	bc := blockCursor{d: d}
	for _, i32 := range tokenIndexOf(p, d).spaced {
		i := int(i32)
		b := &d.Blocks[bc.of(i)]
		if i <= b.FirstToken() {
			continue
		}
		t := d.Tokens[i]
		text := d.TokenText(i)
		switch text {
		case ",", ".", ";", ":", "?", "!":
		default:
			continue
		}
		prev := d.Tokens[i-1]
		gap := between(d, i-1, i)
		if t.Gap() || !spacesOnly(gap) {
			continue
		}
		pt := d.TokenText(i - 1)
		if prev.Kind() == prose.Punct && pt != ")" && pt != "]" && pt != "”" {
			continue
		}
		// What follows must be a space, the end of the block or a closing
		// mark: ".NET", ":)" and ". . ." are something else.
		if i+1 < b.EndToken() && adjacent(d, i, i+1) && !isClosingMark(tok(d, i+1)) {
			continue
		}
		ts := d.TokenSpan(i)
		if text == "." && (dotsFollow(d, ts.End) || leaders(d, ts.Start)) {
			continue // a spaced ellipsis or leaders: "Total . . . 5"
		}
		if (text == ":" || text == ";") && i+1 < b.EndToken() && adjacent(d, i, i+1) && (tok(d, i+1) == ")" || tok(d, i+1) == "(") {
			continue // a face: :) ;(
		}
		if text == ":" && prev.Kind() == prose.Number && i+1 < b.EndToken() && d.Tokens[i+1].Kind() == prose.Number {
			continue // a ratio or score: 3 : 1
		}
		prevEnd := d.TokenEnd(i - 1)
		p.Report(Finding{
			Span:        prose.Span{Start: prevEnd, End: ts.End},
			Message:     fmt.Sprintf("space before %q", text),
			Suggestions: []string{text},
			Fix:         []prose.Edit{{Span: prose.Span{Start: prevEnd, End: ts.Start}}},
		})
	}
}
