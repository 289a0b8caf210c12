package rules

import (
	"fmt"
	"strings"

	"github.com/edlint/edlint/internal/prose"
)

// CountMismatch reports a number that announces a list of names whose
// length differs: "three former KGB officers, Yuri Shvets, Alnur Mussayev,
// , claim".
func CountMismatch() Rule { return countMismatch{} }

type countMismatch struct{}

func (countMismatch) Meta() Meta {
	return Meta{
		Name:     "count-mismatch",
		Category: Mechanics,
		Severity: Warning,
		Reads:    []string{factTokenIndex},
		Summary:  "a number that announces a list of a different length",
		Doc: `Reports a number word or figure (two to twelve) followed by a noun and a
list of names set off by a colon, comma or dash, when the list
names a different number of items: "three officers, Yuri Shvets, Alnur
Mussayev, , claim" names two. Only lists of capitalised names that close
clearly (a full stop, a closing comma, dash or bracket) are counted, so
"In three cases, Smith and Jones argued" is not read as a list.`,
		Before: "We know that three officers, Yuri Shvets, Alnur Mussayev, , claim it.\n",
		After:  "We know that three officers, Yuri Shvets, Alnur Mussayev and Sergei Zhirnov, claim it.\n",
	}
}

var numberWords = map[string]int{
	"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12,
}

var numberNames = []string{"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}

func (countMismatch) Check(p *Pass) {
	d := p.Doc
	sc := sentenceCursor{d: d}
	for _, i32 := range tokenIndexOf(p, d).list(clsCount) {
		i := int(i32)
		s := d.Sentences[sc.of(i)]
		got, empty, last, ok := countList(d, i+1, s.EndToken())
		if !ok || got+empty == 0 {
			continue
		}
		// The count announced, once a list follows (seldom).
		n := announced(d, i)
		if got == n && empty == 0 {
			continue
		}
		if got < 2 && empty == 0 {
			continue
		}
		msg := fmt.Sprintf("%q announces %d but the list names %d", d.TokenText(i), n, got)
		if empty > 0 {
			msg += fmt.Sprintf(" and leaves %d empty", empty)
		}
		p.Report(Finding{
			Span:    prose.Span{Start: d.TokenStart(i), End: d.TokenEnd(last)},
			Message: msg,
			Suggestions: func() []string {
				if got < len(numberNames) && got >= 2 && empty == 0 {
					return []string{caseLike(numberNames[got], d.TokenText(i))}
				}
				return nil
			}(),
		})
	}
}

// announced returns the count a token announces: a number word or a
// figure from 2 to 12, not part of a larger number phrase.
func announced(d *prose.Document, i int) int {
	return announcedCount(typeText(d, i), d.Tokens[i].Kind())
}

// announcedCount is announced for a token text w of kind k.
func announcedCount(w string, k prose.TokenKind) int {
	if k == prose.Word {
		if len(w) > 6 || len(w) < 3 || !strings.ContainsRune("tfsenTFSEN", rune(w[0])) {
			return 0
		}
		if isCapitalised(w) {
			w = strings.ToLower(w)
		}
		return numberWords[w]
	}
	if k == prose.Number {
		n := 0
		for _, c := range w {
			if c < '0' || c > '9' {
				return 0
			}
			n = n*10 + int(c-'0')
		}
		if n >= 2 && n <= 12 {
			return n
		}
	}
	return 0
}

// countList reads "[adjectives] noun DELIM item, item, and item CLOSE"
// starting at token i and returns the number of named items, the number of
// empty slots (", ,"), the last token of the list and whether a list that
// closes clearly was found.
func countList(d *prose.Document, i, end int) (items, empty, last int, ok bool) {
	// The noun phrase: up to four words, the last a plural.
	j := i
	for j < end && j-i < 4 && d.Tokens[j].Kind() == prose.Word && (!isCapitalisedName(d, j) || allUpper(tok(d, j)) && len(tok(d, j)) > 1) {
		j++
	}
	if j == i || j >= end || !strings.HasSuffix(tok(d, j-1), "s") {
		return 0, 0, 0, false
	}
	delim := tok(d, j)
	switch delim {
	case ":", ",", "—", "–":
	default:
		return 0, 0, 0, false
	}
	j++
	sawAnd := false
	expectItem := true
	for j < end {
		t := tok(d, j)
		switch {
		case t == "," || t == ";":
			if expectItem {
				empty++
			}
			expectItem = true
			j++
		case t == "and" || t == "or":
			if !expectItem && items == 0 {
				return 0, 0, 0, false
			}
			sawAnd = true
			expectItem = true
			j++
		case isCapitalisedName(d, j):
			if !expectItem {
				return 0, 0, 0, false
			}
			// One name: up to four capitalised words or initials.
			k := j
			for k < end && k-j < 5 && (isCapitalisedName(d, k) || nameParticles[tok(d, k)]) {
				k++
			}
			items++
			last = k - 1
			expectItem = false
			j = k
		default:
			// The list ends here; it must close clearly.
			closed := false
			switch delim {
			case ":":
				closed = (t == "." || t == ";") && !expectItem
			default:
				closed = j > 0 && (tok(d, j-1) == "," || t == "—" || t == "–" || t == ")") && (sawAnd || empty > 0)
			}
			if !closed || items == 0 {
				return 0, 0, 0, false
			}
			if last < j-1 && tok(d, j-1) == "," {
				last = j - 1
			}
			return items, empty, last, true
		}
	}
	if delim == ":" && !expectItem && items > 0 {
		return items, empty, last, true
	}
	return 0, 0, 0, false
}

// isCapitalisedName reports a capitalised word or initial (not the first
// word of a sentence, which every sentence capitalises).
func isCapitalisedName(d *prose.Document, i int) bool {
	t := d.Tokens[i]
	return t.Kind() == prose.Word && isCapitalised(tok(d, i))
}
