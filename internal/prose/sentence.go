package prose

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
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
// isAbbreviationMemo); sc is the scratch of the splits that share it.
func splitSentences(d *Document, first, end, block int, terms []int, memo *[]uint8, sc *splitScratch, out []Sentence) []Sentence {
	start := first
	next := first // the first token not yet looked at
	// A mark that is the block's last token ends its sentence at the
	// block's end, or none: either way the block's last sentence ends
	// there. (A paragraph's last token is mostly a dot: a third of the
	// marks of c20.)
	if n := len(terms); n > 0 && terms[n-1] == end-1 {
		terms = terms[:n-1]
	}
	// Most marks are told by quickEnds, a loop without calls; the others
	// here, by sentenceEnd. (With sentenceEnd's work in this loop, the
	// loop kept its values on the stack and spent some 190 instructions
	// a mark, most of them moving values to and from it; a quick loop
	// that stopped at the marks it could not tell, and left them to this
	// one, cost more than it saved, in its calls and stops.)
	//
	// Until the memo has seen quickTerms marks, quickEnds is not asked:
	// it is unsure of most marks of a draft's first blocks, whose words
	// before a dot are new to the memo (of 95 % of those of the 1 KB
	// drafts), and asking it first cost them 0.6M instructions more.
	if sc.seen < quickTerms {
		sc.seen += len(terms)
		for _, i := range terms {
			if i < next {
				continue
			}
			next = i + 1
			if j := sentenceEnd(d, i, first, end, memo); j >= 0 {
				out = append(out, newSentence(start, j, block))
				start, next = j, j
			}
		}
	} else {
		if cap(sc.ends) < len(terms) {
			sc.ends = make([]int32, len(terms)+len(terms)/2)
		}
		e := quickEnds(d, terms, first, end, memo, sc.ends[:len(terms)])
		for x, i := range terms {
			if i < next {
				continue
			}
			next = i + 1
			j := int(e[x])
			if j == unsure {
				j = sentenceEnd(d, i, first, end, memo)
			}
			if j >= 0 {
				out = append(out, newSentence(start, j, block))
				start, next = j, j
			}
		}
	}
	if start < end {
		out = append(out, newSentence(start, end, block))
	}
	return out
}

// splitScratch is splitSentences' scratch, kept from one block's split
// to the next.
type splitScratch struct {
	seen int     // the marks of the blocks split before
	ends []int32 // room for quickEnds' verdicts
}

// quickTerms is the count of marks splitSentences tells by sentenceEnd
// alone before it asks quickEnds.
const quickTerms = 256

// Verdicts of quickEnds but the end of a sentence.
const (
	noEnd  = -1 // the mark ends no sentence
	unsure = -2 // quickEnds cannot tell: sentenceEnd must
)

// quickEnds sets ends[x] to sentenceEnd(d, terms[x], first, end, memo) as
// far as the facts in memo and the tokens alone tell it, and to unsure
// where they do not: a type whose facts are not yet known, a word before
// a dot not yet known to be an abbreviation or not, a start listed apart,
// a dot spaced from the mark (a spaced ellipsis?), a sentence start after
// an ellipsis. It returns ends.
//
// It calls nothing and reads the tokens, their lengths and the memo by
// pointer, without bounds checks, so that its values stay in registers:
// the tokens before end are d's, and a token's ID is below len(d.lens);
// the memo is grown past it first.
func quickEnds(d *Document, terms []int, first, end int, memo *[]uint8, ends []int32) []int32 {
	if end > len(d.Tokens) {
		panic("prose: quickEnds past the tokens")
	}
	if len(*memo) < len(d.lens) {
		// (To the lengths' capacity, the vocabulary's room: grown to
		// their length, a block at a time, the memo was made anew as
		// often as a small draft has blocks.)
		*memo = append(*memo, make([]uint8, cap(d.lens)-len(*memo))...)
	}
	ends = ends[:len(terms)]
	tp := unsafe.Pointer(unsafe.SliceData(d.Tokens))
	lp := unsafe.Pointer(unsafe.SliceData(d.lens))
	mp := unsafe.Pointer(unsafe.SliceData(*memo))
	bases := d.starts.bases
	tok := func(k int) uint32 { return *(*uint32)(unsafe.Add(tp, uintptr(k)*4)) }
	facts := func(t uint32) uint8 { return *(*uint8)(unsafe.Add(mp, t>>idShift)) }
	// gap is TokenGap(k) of tokens p and t, k-1 and k, when neither start
	// is listed in far and p's length is its type's (GroupGap), and -1
	// otherwise.
	gap := func(k int, p, t uint32) int {
		off, poff, n := t>>offShift&offMask, p>>offShift&offMask, uint32(*(*uint8)(unsafe.Add(lp, p>>idShift)))
		if max(off, poff) == farOff || n == 0 {
			return -1
		}
		if k&(1<<groupShift-1) != 0 {
			return int(off) - int(poff+n)
		}
		return int(bases[k>>groupShift]+off) - int(bases[(k-1)>>groupShift]+poff+n)
	}
	for x, i := range terms {
		ends[x] = unsure
		// Only a punctuation mark ends a sentence.
		t := tok(i)
		if TokenKind(t&kindMask) != Punct {
			ends[x] = noEnd
			continue
		}
		f := facts(t)
		if f&factsKnown == 0 {
			continue
		}
		if f&factTerm == 0 {
			ends[x] = noEnd
			continue
		}
		if f&factDot != 0 && i > first {
			if p := tok(i - 1); TokenKind(p&kindMask) == Word {
				g := gap(i, p, t)
				if g < 0 {
					continue
				}
				if v := facts(p); g == 0 && v&factAbbrev != 0 {
					ends[x] = noEnd
					continue
				} else if g == 0 && v&abbrevKnown == 0 {
					continue
				}
			}
		}
		// The closing marks and further terminal marks glued to it.
		j, p := i+1, t
		for j < end {
			t := tok(j)
			if TokenKind(t&kindMask) != Punct {
				break
			}
			f := facts(t)
			if f&factsKnown == 0 {
				j = -1
				break
			}
			if f&(factCloser|factTerm) == 0 {
				break
			}
			g := gap(j, p, t)
			if g < 0 || g != 0 && f&factDot != 0 {
				j = -1 // (a spaced ellipsis?)
				break
			}
			if g != 0 {
				break
			}
			j, p = j+1, t
		}
		if j < 0 {
			continue
		}
		if j < end {
			// startsSentence, told here when the mark is no ellipsis:
			// a dot ends one only if the token before it is no dot (and
			// a word never is).
			g := gap(j, p, tok(j))
			if g < 0 {
				continue
			}
			if g == 0 {
				ends[x] = noEnd // "2.5", "end.Then": no space, no new sentence
				continue
			}
			f := facts(p)
			if f&(factsKnown|factEllipsis) != factsKnown {
				continue
			}
			if f&factDot != 0 && j >= 2 {
				if q := tok(j - 2); TokenKind(q&kindMask) == Punct && facts(q)&(factsKnown|factDot) != factsKnown {
					continue
				}
			}
		}
		ends[x] = int32(j)
	}
	return ends
}

// sentenceEnd returns the end of the sentence that term i, i > first, of
// a block of tokens [first, end) ends, or -1 if it ends none: the
// whole of what splitSentences tells of a mark, read through the
// document's accessors, and memo.
func sentenceEnd(d *Document, i, first, end int, memo *[]uint8) int {
	// Only a punctuation mark ends a sentence. A dotted abbreviation
	// (U.S.) would end one only when a capitalised word that is not a
	// name-like follower comes next; we cannot tell, so keep it inside.
	t := d.Tokens[i]
	if t.Kind() != Punct {
		return -1
	}
	f := knownFacts(d, i, *memo)
	if f&factsKnown == 0 {
		f = typeFacts(d, i, memo)
	}
	if f&factTerm == 0 {
		return -1
	}
	if f&factDot != 0 && i > first && d.Tokens[i-1].Kind() == Word {
		g := d.NearTokenGap(i)
		if g < 0 {
			g = d.TokenGap(i)
		}
		if g == 0 {
			v := knownFacts(d, i-1, *memo)
			if v&abbrevKnown != 0 && v&factAbbrev != 0 || v&abbrevKnown == 0 && isAbbreviationMemo(d, i-1, memo) {
				return -1
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
	if j < end && !startsSentence(d, j, memo) {
		return -1
	}
	return j
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
