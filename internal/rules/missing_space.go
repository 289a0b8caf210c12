package rules

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/edlint/edlint/internal/prose"
)

// MissingSpace reports a sentence mark glued to the next word: "end.Then",
// "however,the".
func MissingSpace() Rule { return missingSpace{} }

type missingSpace struct{}

func (missingSpace) Meta() Meta {
	return Meta{
		Name:     "missing-space",
		Category: Mechanics,
		Severity: Warning,
		Reads:    []string{factTokenIndex},
		Summary:  "no space after a full stop, question mark, exclamation mark, comma or semicolon",
		Doc: `Reports a full stop, question or exclamation mark followed directly by a
capitalised word ("the trip.Then"), and a comma or semicolon between two
words with no space ("however,the"). The fix inserts the space. Numbers (2.5,
1,200), abbreviations (U.S., e.g., St.Petersburg), initials, URLs, e-mail
addresses and file or domain names (draft.md, Node.js, ASP.NET) are left
alone.`,
		Before: "The trip ended in July.Then the ads appeared.\n",
		After:  "The trip ended in July. Then the ads appeared.\n",
	}
}

func (missingSpace) Check(p *Pass) {
	d := p.Doc
	bc := blockCursor{d: d}
	for _, i32 := range tokenIndexOf(p, d).glued {
		i := int(i32)
		b := &d.Blocks[bc.of(i)]
		if i <= b.FirstToken() || i+1 >= b.EndToken() {
			continue
		}
		text := d.TokenText(i)
		switch text {
		case ".", "?", "!", ",", ";":
		default:
			continue
		}
		if !adjacent(d, i-1, i) || !adjacent(d, i, i+1) || d.Tokens[i+1].Gap() {
			continue
		}
		prev, next := d.Tokens[i-1], d.Tokens[i+1]
		if prev.Kind() != prose.Word || next.Kind() != prose.Word {
			continue
		}
		pw, nw := d.TokenText(i-1), d.TokenText(i+1)
		if !lettersOnly(pw) || !lettersOnly(nw) || utf8.RuneCountInString(pw) < 2 || utf8.RuneCountInString(nw) < 2 {
			continue
		}
		// Part of a dotted or slashed name: www.Example.Com, a/b.Cd.
		if ps := d.TokenStart(i - 1); ps > 0 {
			if c := d.Text[ps-1]; c == '.' || c == '/' || c == '@' || c == '\\' || c == '_' || c == '-' {
				continue
			}
		}
		ne := d.TokenEnd(i + 1)
		if ne < len(d.Text) {
			if c := d.Text[ne]; c == '.' && ne+1 < len(d.Text) && isASCIILetter(d.Text[ne+1]) || c == '/' || c == '@' || c == '_' {
				continue
			}
		}
		if text == "." || text == "?" || text == "!" {
			// A new sentence goes on with a lower-case word, and the word
			// before the mark is an English word: "io.Writer",
			// "time.Date." and "wg.Go" are code.
			if mixedCase(nw) || i+2 >= b.EndToken() || d.Tokens[i+2].Kind() != prose.Word || !isLowerWord(d.TokenText(i+2)) ||
				p.Dict != nil && !p.Dict.Check(pw).OK() {
				continue
			}
		}
		switch text {
		case ".":
			if isAbbrevBefore(d, i-1) || allUpper(pw) || mixedCase(pw) {
				continue
			}
			// A new sentence: a capitalised word with lower-case letters.
			if !isCapitalised(nw) || !allLower(nw[1:]) || !unicode.IsLower(lastRune(pw)) {
				continue
			}
		case "?", "!":
			if !isCapitalised(nw) || mixedCase(pw) {
				continue
			}
		default:
			// A comma or semicolon between two lower-case words; not
			// "tl;dr".
			if !allLower(pw) || !allLower(nw) || utf8.RuneCountInString(pw) < 3 {
				continue
			}
		}
		ts := d.TokenSpan(i)
		p.Report(Finding{
			Span:        prose.Span{Start: ts.Start, End: ne},
			Message:     fmt.Sprintf("no space after %q", text),
			Suggestions: []string{text + " " + nw},
			Fix:         []prose.Edit{{Span: prose.Span{Start: ts.End, End: ts.End}, New: " "}},
		})
	}
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// lettersOnly reports whether w is made of letters (with inner apostrophes
// or hyphens), no digits or dots.
func lettersOnly(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '\'' && r != '’' && r != '-' {
			return false
		}
	}
	return true
}
