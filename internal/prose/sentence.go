package prose

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations end with a dot that does not end a sentence.
var abbreviations = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "St": true, "Mt": true, "Jr": true, "Sr": true,
	"Gen": true, "Col": true, "Lt": true, "Maj": true, "Capt": true, "Sgt": true, "Adm": true,
	"Gov": true, "Sen": true, "Rep": true, "Rev": true, "Prof": true, "Hon": true, "Pres": true,
	"vs": true, "cf": true, "etc": false, "No": true, "Nos": true, "no": true, "Vol": true, "vol": true,
	"p": true, "pp": true, "para": true, "ch": true, "Ch": true, "Fig": true, "fig": true, "approx": true,
	"Jan": true, "Feb": true, "Mar": true, "Apr": true, "Jun": true, "Jul": true, "Aug": true,
	"Sep": true, "Sept": true, "Oct": true, "Nov": true, "Dec": true, "Inc": true, "Ltd": true, "Co": true, "Corp": true,
	"Dept": true, "Univ": true, "Assn": true, "Bros": true, "ca": true, "al": true, "Ave": true,
}

// IsAbbreviation reports whether word followed by a dot is a common
// abbreviation (Mr., St., Gen., e.g.) rather than the end of a sentence.
func IsAbbreviation(word string) bool {
	if abbreviations[word] {
		return true
	}
	// Initials (J. Edgar Hoover) and dotted abbreviations (U.S., e.g.).
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		return unicode.IsUpper(r)
	}
	return strings.Contains(word, ".")
}

// isAbbreviationMemo is IsAbbreviation of the text of word token k,
// remembered by type in *memo.
func isAbbreviationMemo(d *Document, k int, memo *[]uint8) bool {
	t := d.Tokens[k]
	if memo == nil {
		return IsAbbreviation(d.TokenText(k))
	}
	if int(t.ID()) >= len(*memo) {
		*memo = append(*memo, make([]uint8, int(t.ID())+1-len(*memo)+len(*memo)/2)...)
	}
	v := (*memo)[t.ID()]
	if v == 0 {
		v = 1
		if IsAbbreviation(d.TokenText(k)) {
			v = 2
		}
		(*memo)[t.ID()] = v
	}
	return v == 2
}

func isTerminal(s string) bool {
	switch s {
	case ".", "!", "?", "…", "...", "?!", "!?":
		return true
	}
	return false
}

func isCloser(s string) bool {
	switch s {
	case "\"", "'", "’", "”", ")", "]", "»", "›":
		return true
	}
	return false
}

// splitSentences appends the sentences of tokens [first, end) of block.
// terms lists, in order, the tokens of the block that may end a sentence:
// every run of dots, ! and ? and … (the others cannot).
// abbrev memoizes IsAbbreviation by type ID (0 not yet known, 1 no, 2
// yes); it may be nil.
func splitSentences(d *Document, first, end, block int, terms []int, abbrev *[]uint8, out []Sentence) []Sentence {
	start := first
	next := first // the first token not yet looked at
	for _, i := range terms {
		if i < next {
			continue
		}
		next = i + 1
		// Only a punctuation mark ends a sentence. A dotted abbreviation
		// (U.S.) would end one only when a capitalised word that is not a
		// name-like follower comes next; we cannot tell, so keep it inside.
		t := d.Tokens[i]
		if t.Kind() != Punct {
			continue
		}
		span := d.TokenSpan(i)
		text := d.Text[span.Start:span.End]
		if !isTerminal(text) {
			continue
		}
		if text == "." && i > first {
			if d.Tokens[i-1].Kind() == Word && d.TokenEnd(i-1) == span.Start && isAbbreviationMemo(d, i-1, abbrev) {
				continue
			}
		}
		j := i + 1
		for j < end && d.Tokens[j].Kind() == Punct && (isCloser(d.TokenText(j)) || isTerminal(d.TokenText(j))) &&
			(d.TokenStart(j) == d.TokenEnd(j-1) || spacedEllipsis(d, j)) {
			j++
		}
		if j < end && !startsSentence(d, j) {
			continue
		}
		out = append(out, newSentence(start, j, block))
		start = j
		next = j
	}
	if start < end {
		out = append(out, newSentence(start, end, block))
	}
	return out
}

// newSentence is the sentence of tokens [first, end) in block block.
func newSentence(first, end, block int) Sentence {
	return Sentence{firstToken: uint32(first), endToken: uint32(end), block: uint32(block)}
}

// startsSentence reports whether token j can open a sentence: it follows
// white space and is not a lowercase continuation after an ellipsis.
func startsSentence(d *Document, j int) bool {
	start := d.TokenStart(j)
	if start == d.TokenEnd(j-1) {
		return false // "2.5", "end.Then": no space, no new sentence
	}
	prev := d.TokenText(j - 1)
	if prev == "..." || prev == "…" || spacedEllipsis(d, j-1) {
		r, _ := utf8.DecodeRuneInString(d.Text[start:])
		return unicode.IsUpper(r)
	}
	return true
}

// spacedEllipsis reports whether token k is the last dot of a spaced
// ellipsis (". . ."), the style of the Chicago Manual and of the 9/11
// Commission Report.
func spacedEllipsis(d *Document, k int) bool {
	if k < 1 || d.TokenText(k) != "." || d.TokenText(k-1) != "." {
		return false
	}
	gap := d.Text[d.TokenEnd(k-1):d.TokenStart(k)]
	return gap == " " || gap == "\u00a0"
}
