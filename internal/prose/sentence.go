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

// Bits of the per-type memo the sentence splitter keeps (see typeFacts):
// what the text of a type is to it, worked out from the text the first
// time the type is met. The splitter looks at every run of dots and every
// ! and ? of a document, and their neighbours: comparing their texts with
// the terminal and closing marks each time cost more than the rest of the
// split.
const (
	factsKnown   uint8 = 1 << iota // the next four bits are set
	factTerm                       // isTerminal
	factCloser                     // isCloser
	factDot                        // "."
	factEllipsis                   // "..." or "…"
	abbrevKnown                    // factAbbrev is set
	factAbbrev                     // IsAbbreviation
)

// knownFacts is typeFacts(d, k, memo) when memo knows the facts of token
// k's type (factsKnown is set), and 0 otherwise. It calls nothing, so it
// is inlined where the splitter asks the facts of a token: most times
// they are known, and the call to typeFacts cost more than reading them.
func knownFacts(d *Document, k int, memo []uint8) uint8 {
	if id := d.Tokens[k].ID(); int(id) < len(memo) {
		return memo[id]
	}
	return 0
}

// typeFacts returns the facts bits of the text of token k, remembered by
// type in *memo. The overflow ID of a TooVaried document (its length is
// 0) stands for many texts: its tokens' are worked out afresh.
func typeFacts(d *Document, k int, memo *[]uint8) uint8 {
	id := d.Tokens[k].ID()
	if int(id) < len(*memo) {
		if f := (*memo)[id]; f&factsKnown != 0 {
			return f
		}
	}
	text := d.TokenText(k)
	f := factsKnown
	if isTerminal(text) {
		f |= factTerm
	}
	if isCloser(text) {
		f |= factCloser
	}
	if text == "." {
		f |= factDot
	}
	if text == "..." || text == "…" {
		f |= factEllipsis
	}
	if d.lens[id] != 0 {
		growMemo(memo, id)
		(*memo)[id] |= f
	}
	return f
}

// growMemo makes room in *memo for type id.
func growMemo(memo *[]uint8, id uint32) {
	if int(id) >= len(*memo) {
		*memo = append(*memo, make([]uint8, int(id)+1-len(*memo)+len(*memo)/2)...)
	}
}

// isAbbreviationMemo is IsAbbreviation of the text of word token k,
// remembered by type in *memo.
func isAbbreviationMemo(d *Document, k int, memo *[]uint8) bool {
	t := d.Tokens[k]
	growMemo(memo, t.ID())
	v := (*memo)[t.ID()]
	if v&abbrevKnown == 0 {
		v |= abbrevKnown
		if IsAbbreviation(d.TokenText(k)) {
			v |= factAbbrev
		}
		(*memo)[t.ID()] = v
	}
	return v&factAbbrev != 0
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
// memo remembers facts about texts by type ID (see typeFacts and
// isAbbreviationMemo).
func splitSentences(d *Document, first, end, block int, terms []int, memo *[]uint8, out []Sentence) []Sentence {
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
		f := knownFacts(d, i, *memo)
		if f&factsKnown == 0 {
			f = typeFacts(d, i, memo)
		}
		if f&factTerm == 0 {
			continue
		}
		// (The gaps between tokens are read through NearTokenGap, and the
		// facts through knownFacts, which are inlined, when they tell.)
		if f&factDot != 0 && i > first && d.Tokens[i-1].Kind() == Word {
			g := d.NearTokenGap(i)
			if g < 0 {
				g = d.TokenGap(i)
			}
			if g == 0 {
				// (Most words before a dot are known not to be
				// abbreviations.)
				v := knownFacts(d, i-1, *memo)
				if v&abbrevKnown != 0 && v&factAbbrev != 0 || v&abbrevKnown == 0 && isAbbreviationMemo(d, i-1, memo) {
					continue
				}
			}
		}
		// The closing marks and further terminal marks glued to it (or a
		// spaced ellipsis) belong to the sentence.
		j := i + 1
		for j < end && d.Tokens[j].Kind() == Punct {
			f := knownFacts(d, j, *memo)
			if f&factsKnown == 0 {
				f = typeFacts(d, j, memo)
			}
			if f&(factCloser|factTerm) == 0 {
				break
			}
			g := d.NearTokenGap(j)
			if g < 0 {
				g = d.TokenGap(j)
			}
			if g != 0 && (f&factDot == 0 || !spacedEllipsis(d, j, memo)) {
				break
			}
			j++
		}
		if j < end {
			// Most sentences end in a mark that no ellipsis ends (a dot
			// after a word), spaced from the next token: startsSentence
			// is true, told here without the call.
			g, f := d.NearTokenGap(j), knownFacts(d, j-1, *memo)
			starts := g > 0 && f&(factsKnown|factEllipsis) == factsKnown &&
				(f&factDot == 0 || j < 2 || knownFacts(d, j-2, *memo)&(factsKnown|factDot) == factsKnown)
			if !starts && !startsSentence(d, j, memo) {
				continue
			}
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
func startsSentence(d *Document, j int, memo *[]uint8) bool {
	g := d.NearTokenGap(j)
	if g < 0 {
		g = d.TokenGap(j)
	}
	if g == 0 {
		return false // "2.5", "end.Then": no space, no new sentence
	}
	f := knownFacts(d, j-1, *memo)
	if f&factsKnown == 0 {
		f = typeFacts(d, j-1, memo)
	}
	// (A spaced ellipsis ends in a dot that follows a dot: most marks
	// are not.)
	if f&factEllipsis != 0 || f&factDot != 0 && j >= 2 && knownFacts(d, j-2, *memo)&(factsKnown|factDot) != factsKnown && spacedEllipsis(d, j-1, memo) {
		r, _ := utf8.DecodeRuneInString(d.Text[d.TokenStart(j):])
		return unicode.IsUpper(r)
	}
	return true
}

// spacedEllipsis reports whether token k is the last dot of a spaced
// ellipsis (". . ."), the style of the Chicago Manual and of the 9/11
// Commission Report.
func spacedEllipsis(d *Document, k int, memo *[]uint8) bool {
	if k < 1 {
		return false
	}
	f := knownFacts(d, k, *memo)
	if f&factsKnown == 0 {
		f = typeFacts(d, k, memo)
	}
	if f&factDot == 0 {
		return false
	}
	if f = knownFacts(d, k-1, *memo); f&factsKnown == 0 {
		f = typeFacts(d, k-1, memo)
	}
	if f&factDot == 0 {
		return false
	}
	gap := d.Text[d.TokenEnd(k-1):d.TokenStart(k)]
	return gap == " " || gap == "\u00a0"
}
