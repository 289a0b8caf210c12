package rules

import (
	"fmt"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/edlint/edlint/dict"
	"github.com/edlint/edlint/internal/mem"
	"github.com/edlint/edlint/internal/prose"
	"github.com/edlint/edlint/internal/spell"
)

type nameConsistency struct{}

// NameConsistency reports a proper name written two ways in one draft
// where the names rules do not already: multi-word names with a small word
// inserted or dropped (Ministry of Interior / Ministry of the Interior),
// two listed names one letter apart when one is clearly a slip for the
// other (Kruchkov beside Kryuchkov), and unlisted names written with and
// without diacritics.
func NameConsistency() Rule { return nameConsistency{} }

func (nameConsistency) Meta() Meta {
	return Meta{
		Name:     "name-consistency",
		Category: Consistency,
		Severity: Warning,
		Reads:    []string{factNameFindings},
		Summary:  "a proper name written in two forms in one draft",
		Doc: "A name spelt two ways is the slip a spell checker passes: both forms may be in a dictionary. " +
			"The rule compares the names the draft uses (and the files checked with it) and reports the " +
			"form used less, suggesting the form used more, with a related span at that form's first use:\n\n" +
			"- multi-word names that differ only in a small word or its case (`Ministry of Interior` / " +
			"`Ministry of the Interior`, `Committee For State Security` / `Committee for State Security`); " +
			"on a tie the form a name list holds, then the fuller form, wins;\n" +
			"- two listed names one letter apart (`Kruchkov` / `Kryuchkov`) when the draft uses one at least " +
			"twice as often, neither is a common word or a frequent name (`Iran`/`Iraq`, `John`/`Joan` are " +
			"different entities) and they do not follow different given names;\n" +
			"- unlisted names written with and without diacritics (`Dvořák` / `Dvorak`).\n\n" +
			"Single words the dictionary does not know and that are one edit from another form are the names " +
			"rules' (name-variant, name-case, name-diacritics), so they are not reported twice. Silence a " +
			"deliberate pair by writing one of them into the draft's word list (`edlint-words:`).",
		Before: "He joined the Ministry of the Interior in 1985. The Ministry of Interior denied it.\n",
		After:  "He joined the Ministry of the Interior in 1985. The Ministry of the Interior denied it.\n",
	}
}

// nameOcc is one use of a capitalised word.
type nameOcc struct {
	span prose.Span
	// given is the capitalised word right before it ("Vladimir" before
	// "Kryuchkov"), or "".
	given string
}

// namePhrase is one use of a multi-word name. A 20 MB draft has some
// 16,000, kept with the draft's facts: 20 bytes each, the text they
// would repeat read from the draft's source, and no pointer, so that the
// collection cycles while they are kept (two or three on that draft, with
// GOGC=10) need not scan them. (With the key a string of its own they
// were 32 bytes, each with a pointer to follow.)
type namePhrase struct {
	// start and end are its span: its surface, the words joined by
	// single spaces, is the source's text there (see surface).
	start, end int32
	// block is the index of its block: in a heading or a title-case
	// line small words may be capitalised (phraseTitle), a verdict
	// checkPhrases needs only for the few names written two ways.
	block int32
	// keyStart and keyEnd are where in the document's keys
	// (nameFacts.keys) its key is: the content words with the small
	// words lower-cased and articles dropped. They are equal when that
	// is the surface itself, as it is for most.
	keyStart, keyEnd int32
}

func (ph *namePhrase) span() prose.Span { return prose.Span{Start: int(ph.start), End: int(ph.end)} }

// surface returns the phrase's words as written in doc, and its key;
// keys is the document's keys (nameFacts.keys).
func (ph *namePhrase) surface(doc *prose.Document, keys string) (surface, key string) {
	surface = doc.Text[ph.start:ph.end]
	if key = keys[ph.keyStart:ph.keyEnd]; key == "" {
		key = surface
	}
	return surface, key
}

// nameForm is a capitalised word form of one document: how often it is
// used and where first. The uses themselves are found again (nameUses)
// only for the few forms a finding needs, so that the facts kept grow
// with the number of distinct names, not with the number of words; and
// the given names before them (sameGiven) only for the few forms a pair
// needs them for (givenNames).
type nameForm struct {
	text  string
	count int
	first prose.Span
}

type nameFacts struct {
	forms []nameForm // in order of first use
	// phrases holds the multi-word names in order, in the blocks they
	// were collected in (see chunks): copied into one slice, they were
	// allocated twice.
	phrases [][]namePhrase
	// keys holds the phrases' keys, one after another (see namePhrase).
	keys string
}

// connectors are the small words inside multi-word names.
var connectors = map[string]bool{
	"of": true, "the": true, "for": true, "on": true, "de": true, "du": true, "des": true, "del": true,
	"della": true, "di": true, "da": true, "la": true, "le": true, "al": true, "bin": true, "ibn": true,
	"von": true, "van": true, "der": true, "den": true, "dos": true, "das": true,
}

// Facts about a token text (nameScan.class), worked out once per
// document.
const (
	nameKnown uint32 = 1 << iota
	nameCapital
	nameConnector
	// nameGiven: the text, as written, can be the given name before a
	// name (nameLike).
	nameGiven
	// nameArticle: the text is "the" in any case, a connector no
	// multi-word name continues with (phraseAt).
	nameArticle
)

// nameScan classifies a document's token texts once each (by Token.ID).
type nameScan struct {
	doc *prose.Document
	// info holds a text's class (nameKnown, nameCapital, …) in its low
	// byte and above it 1 + the index of the name form the text stands for
	// (its possessive stripped), 0 when none: one load tells both.
	info []uint32
}

func newNameScan(doc *prose.Document) *nameScan {
	return &nameScan{doc: doc, info: mem.Table[uint32](doc.NumTypes())}
}

// classOf returns the info of type id, working it out on first use;
// formIndex numbers a new name form.
func (ns *nameScan) classOf(id uint32, formIndex func(w string) int32) uint32 {
	if c := ns.info[id]; c != 0 {
		return c
	}
	return ns.classify(id, formIndex)
}

func (ns *nameScan) classify(id uint32, formIndex func(w string) int32) uint32 {
	text := ns.doc.Type(id)
	c := nameKnown
	if text != "" && isNameCapital(text) {
		c |= nameCapital
		w := stripPossessive(text)
		if nameLike(w) {
			c |= uint32(formIndex(w)+1) << 8
			if len(w) == len(text) {
				c |= nameGiven // nameLike(text), text being w
			}
		}
		if len(w) != len(text) && nameLike(text) {
			c |= nameGiven
		}
	}
	if isConnector(text) {
		c |= nameConnector
		if strings.EqualFold(text, "the") {
			c |= nameArticle
		}
	}
	ns.info[id] = c
	return c
}

// nameWords finds the name facts of doc on its own, with an index of its
// own for the capitalised words (the rule reads the shared index's).
func nameWords(doc *prose.Document) nameFacts {
	x := buildTokenIndex(doc)
	return nameWordsIn(doc, x.capitals, x.class)
}

// nameWordsIn finds the name facts of doc, whose capitalised words caps
// marks (tokenIndex.capitals), and whose types class classifies (see
// classify).
func nameWordsIn(doc *prose.Document, caps tokenBits, class []uint32) nameFacts {
	var f nameFacts
	// Mark the types of the capitalised words: the only tokens a name
	// form counts or a multi-word name starts at (one token in six).
	// Size the forms for those that may be names.
	marks, forms, stems := capitalTypes(doc, class)
	f.forms = make([]nameForm, 0, forms)
	// Each type is classified once, and two types make one form only
	// when one is the other's possessive, or both possessives of one
	// stem: only the stems of possessives need a map.
	// Most forms are no possessive's stem: a table of the stems'
	// lengths and first bytes rules them out before the map is read.
	var stemShapes [64]uint64
	for w := range stems {
		stemShapes[len(w)&63] |= 1 << (w[0] & 63)
	}
	formIndex := func(w string) int32 {
		var i int32
		shared := false
		if stemShapes[len(w)&63]&(1<<(w[0]&63)) != 0 {
			i, shared = stems[w]
		}
		if !shared || i < 0 {
			i = int32(len(f.forms))
			if shared {
				stems[w] = i
			}
			f.forms = append(f.forms, nameForm{text: w})
		}
		return i
	}
	// The capitalised words' types are classified up front, in the order
	// of their IDs, which is the order of their first uses (see
	// prose.Token.ID): the forms are numbered in the order of their
	// first uses, as a walk of the tokens classifying each type at its
	// first use numbers them. A form's uses are its types' tokens.
	// Each type's marks take 1 + the index of its form above them (see
	// markFormShift), which is the form of its text without a possessive
	// when that is name-like (as nameScan.classify finds it; a text that
	// is its own stem is name-like when it can be a given name).
	for id, m := range marks {
		if m&markCapital == 0 || doc.TypeCount(uint32(id)) == 0 {
			continue // (the table runs past the types: see idTable)
		}
		n, text := doc.TypeCount(uint32(id)), doc.Type(uint32(id))
		if w := stripPossessive(text); len(w) == len(text) && m&markGiven != 0 || len(w) != len(text) && nameLike(w) {
			fi := uint32(formIndex(w)) + 1
			f.forms[fi-1].count += n
			marks[id] |= fi << markFormShift
		}
	}
	toks := doc.Tokens
	// Sentences tile the tokens. The starts below are read in token
	// order, and there are about as many of them as sentences: an index
	// into the sentences steps on to the sentence of each (where a bit
	// per token for the sentences' first tokens cost as much to set as
	// the steps, and 440 KB on the 20 MB corpus).
	sents := doc.Sentences
	startSent := 0
	w := nameWalk{toks: toks, marks: marks}
	next := 0 // where the search for the next multi-word name resumes
	var phrases chunks[namePhrase]
	ps := phraseScan{doc: doc, marks: marks}
	var buf nameBuf
	// The capitalised words are read a stretch of tokens at a time, each
	// stretch in a walk that lists, without a call, the few words that
	// need one (see nameWalk.walk); then those are looked at. (A walk
	// with calls in it kept its values on the stack.)
	for lo := 0; lo < len(caps); lo += nameStretch / 64 {
		n, k := w.walk(&buf, caps[lo:min(lo+nameStretch/64, len(caps))], lo)
		// The forms' first uses.
		for _, ti := range buf.uses[:n] {
			fm := &f.forms[marks[toks[ti].ID()]>>markFormShift-1]
			start := doc.TokenStart(int(ti))
			fm.first = prose.Span{Start: start, End: start + len(fm.text)}
		}
		// The words a multi-word name may start at.
		for _, ti32 := range buf.starts[:k] {
			ti := int(ti32)
			if ti < next {
				continue // within the last run
			}
			for sents[startSent].EndToken() <= ti {
				startSent++
			}
			// (The walk lists no start at the last two tokens: ti+1 is
			// the next sentence's first token when the sentence ends.)
			end := sents[startSent].EndToken()
			if end == ti+1 {
				continue // alone in its sentence
			}
			// phraseAt keeps a run only with a small word before a
			// capitalised one. Most runs have none (New York, United
			// States): when the types of the words that follow show
			// none, no run that starts before the end of theirs has
			// one either. next is at most the end of the sentence of
			// the last phrase found, so it holds back no token of a
			// later sentence.
			if e, ok := smallWordInside(toks[:end], marks, ti+1); !ok {
				next = e
				continue
			}
			if doc.TokenGap(ti+1) == 1 && doc.Text[doc.TokenEnd(ti)] == ' ' {
				next = ps.phraseAt(sents[startSent], ti, &phrases)
			}
		}
	}
	f.phrases = phrases.full
	if len(phrases.cur) > 0 {
		f.phrases = append(f.phrases, phrases.cur)
	}
	f.keys = string(ps.keys)
	return f
}

// nameWalk is what nameWordsIn's walks of the capitalised words read.
type nameWalk struct {
	toks  []prose.Token
	marks []uint32 // with the forms (see markFormShift)
	// seen is the number of forms met so far. The forms are numbered in
	// the order of their first uses: a form's first use is the first use
	// of a form numbered above seen.
	seen uint32
}

// nameStretch is the number of tokens, and so at most of capitalised
// words, one walk reads: a multiple of 64.
const nameStretch = 256

// nameBuf is what a walk lists (see nameWalk.walk), in one array so that
// the walk holds one pointer for both.
type nameBuf struct {
	uses   [nameStretch]int32
	starts [nameStretch]int32
	// n and k count the uses and starts listed: rarely written, they
	// are kept here, not in registers (see walk).
	n, k int
}

// walk lists the capitalised words that the words of caps mark (at most
// nameStretch/64 words, from word lo of the bitmap) that need a closer
// look: to buf.uses the first use of each name form; to buf.starts the
// words that may start a multi-word name:
// those that are not small words and go on, with no gap, with a
// capitalised word or a small word other than "the" (before "the"
// phraseAt would stop at once and find nothing: "In the", "Of the" at a
// sentence's start), and then with another, where the sentence decides.
// Most capitalised words stand alone (a sentence's first word), and most
// runs are two words (New York, John Smith), with no small word inside:
// smallWordInside would stop at the third, and the second starts no run
// that goes on. It returns how many of each it
// wrote. It is not inlined and makes no call, and it reads as few values
// as it can (the sentences are read for the few words it lists), so that
// its values stay in registers.
//
// Some 37 instructions a capitalised word. Tried and lost: the tokens
// read from an array of the stretch and the two after it, indexed with a
// mask (a copy near the end), which spares the bounds checks but spilled
// as many values (+0.9M on the 20 MB corpus); and the next two tokens
// read only below len(toks)-2, which the compiler did not take to spare
// their checks. The counts of uses and starts are buf's (buf.n, buf.k),
// not locals: rarely written, they took two registers, and the loop
// reloaded others from the stack at each word (-1.4M on the 20 MB
// corpus). Lost too: the words of caps copied to an array of the stretch
// and read by index, which spilled more (+0.8M).
//
//go:noinline
func (w *nameWalk) walk(buf *nameBuf, caps []uint64, lo int) (int, int) {
	toks, marks := w.toks, w.marks
	// marks is an idTable (see skipPlain): the IDs masked with mk need
	// no bounds check.
	_ = marks[0]
	mk := uint(len(marks) - 1)
	buf.n, buf.k = 0, 0
	// The bits are read where they are, a word at a time, their lowest
	// first: listing them as indexes for this loop to read cost more.
	for base := lo << 6; len(caps) > 0; base += 64 {
		word := caps[0]
		caps = caps[1:]
		for ; word != 0; word &= word - 1 {
			ti := base + bits.TrailingZeros64(word)
			ti32 := int32(ti)
			m := marks[uint(toks[ti].ID())&mk]
			// The masks spare the bounds checks: n and k stay below 256.
			if ti+1 < len(toks) {
				nt := toks[ti+1]
				if nm := marks[uint(nt.ID())&mk]; m&markConnector == 0 && nm&(markCapital|markConnector) != 0 && nm&markArticle == 0 && !nt.Gap() &&
					ti+2 < len(toks) && marks[uint(toks[ti+2].ID())&mk]&(markCapital|markConnector) != 0 {
					buf.starts[buf.k&(nameStretch-1)] = ti32
					buf.k++
				}
			}
			// (w.seen, rarely written, is read where it is: a register
			// for it cost the loop others, spilled to the stack. A word
			// of no form, 0, is above no seen.)
			if fi := m >> markFormShift; fi > w.seen {
				buf.uses[buf.n&(nameStretch-1)] = ti32
				buf.n++
				w.seen = fi
			}
		}
	}
	return buf.n, buf.k
}

// tokenBits is a set of token indexes, a bit each.
type tokenBits []uint64

func (b tokenBits) set(i int)      { b[i>>6] |= 1 << (i & 63) }
func (b tokenBits) has(i int) bool { return b[i>>6]&(1<<(i&63)) != 0 }

// smallWordInside reports whether the capitalised words and small words
// (by their types' marks) from token j on, to the end of toks (the end of
// j's sentence), hold a small word right before a capitalised word that
// is not one: what phraseAt needs to keep a name. When they do not, it
// returns where they stop.
func smallWordInside(toks []prose.Token, marks []uint32, j int) (int, bool) {
	prev := marks[toks[j-1].ID()]
	for ; j < len(toks); j++ {
		m := marks[toks[j].ID()]
		if m&(markCapital|markConnector) == 0 {
			break
		}
		if prev&markConnector != 0 && m&(markCapital|markConnector) == markCapital {
			return j, true
		}
		prev = m
	}
	return j, false
}

// isNameCapital is isCapitalised(text) for a non-empty text, without
// decoding the common lower-case ASCII words: the test that makes a word a
// name's candidate (nameScan.classify, capitalTypes).
func isNameCapital(text string) bool {
	c := text[0]
	return c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf && isCapitalisedRest(text)
}

// Marks of a type that nameWords reads per token (capitalTypes).
const (
	markCapital   uint32 = 1 << iota // a capitalised word (isNameCapital, of kind Word)
	markConnector                    // a small word inside names (isConnector)
	markArticle                      // "the" in any case
	markGiven                        // a capitalised word that can be a given name (nameLike)
	// markKeyed: a small word that makes a multi-word name's key other
	// than its surface (makePhrase): the article, or a small word not in
	// lower-case ASCII (Of, DE).
	markKeyed

	// markFormShift: nameWordsIn sets, above the marks of a capitalised
	// word's type, 1 + the index of the name form it stands for (0:
	// none), so that its walks read one table per token.
	markFormShift = 8
)

// capitalTypes marks the types of doc that are capitalised words, small
// words and given names (markCapital …), counts the capitalised words
// that stand for a name form (nameScan.classify: at most one form each),
// and maps the capitalised possessives' stems (Bush of Bush's) to -1:
// from the types' classes, by Token.ID (class, which marks the types no
// token spells as none: no token reads their marks).
func capitalTypes(doc *prose.Document, class []uint32) (marks []uint32, forms int, stems map[string]int32) {
	marks = idTable[uint32](doc.NumTypes()) // (see nameWalk.walk)
	stems = map[string]int32{}
	for id, c := range class[:doc.NumTypes()] {
		if c&(clsNameCapital|clsNameStem|clsConnector) == 0 {
			continue
		}
		if c&clsNameStem != 0 {
			stems[stripPossessive(doc.Type(uint32(id)))] = -1
		}
		var m uint32
		if c&clsNameCapital != 0 {
			m = markCapital
			if c&clsNameGiven != 0 {
				m |= markGiven
			}
			if c&clsNameForm != 0 {
				forms++
			}
		}
		if c&clsConnector != 0 {
			m |= markConnector
			if c&clsNameArticle != 0 {
				m |= markArticle | markKeyed
			} else if !isLowerASCII(doc.Type(uint32(id))) {
				m |= markKeyed
			}
		}
		marks[id] = m
	}
	return marks, forms, stems
}

// phraseScan is what nameWordsIn's search for multi-word names reads: the
// types' marks (capitalTypes), which tell the capitalised and small words
// of a run (the words of a run are of kind Word, for which the marks
// agree with nameScan.classify), and the keys of the phrases so far (see
// namePhrase).
type phraseScan struct {
	doc   *prose.Document
	marks []uint32
	keys  []byte
}

// phraseAt looks for a multi-word name starting at token ti (a capitalised
// word other than a small word) of sentence s: a run of capitalised words
// joined by single spaces and small words, with at least two capitalised
// words and a small word among them. It appends the name to out and
// returns the token after the run's last capitalised word, where the
// search resumes.
//
// (Its 20 K calls read 65 K words on the 20 MB corpus, some 100
// instructions a word with what it inlines. The document's fields held in
// locals, the gap told by NearGap from the token before, kept from the
// last turn, and the possessive by a mark of the type instead of two
// suffix tests saved 0.1M: not kept.)
func (ps *phraseScan) phraseAt(s prose.Sentence, ti int, out *chunks[namePhrase]) int {
	doc := ps.doc
	end := ti + 1
	lastContent := ti
	prevConnector := false
	inner := false // a small word lies between two capitalised words
	keyAt := -1    // the first small word marked markKeyed
	// The end of token end-1: a run's words are one space apart.
	prevEnd := doc.TokenEnd(ti)
	for end < s.EndToken() {
		n := doc.Tokens[end]
		if n.Kind() != prose.Word || n.Gap() {
			break
		}
		// One space from the word before: the gap tells it without a
		// call for seven tokens in eight, where TokenSpan cost one.
		gap := doc.NearTokenGap(end)
		if gap < 0 {
			gap = doc.TokenGap(end)
		}
		if gap != 1 || doc.Text[prevEnd] != ' ' {
			break
		}
		w := typeText(doc, end)
		prevEnd += 1 + len(w)
		c := ps.marks[n.ID()]
		if c&markConnector != 0 {
			if c&markArticle != 0 && !prevConnector {
				break // "Washington the President": the article starts a new phrase
			}
			if c&markKeyed != 0 && keyAt < 0 {
				keyAt = end
			}
			prevConnector = true
			end++
			continue
		}
		if c&markCapital == 0 {
			break
		}
		inner = inner || prevConnector
		prevConnector = false
		lastContent = end
		end++
		if strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
			break
		}
	}
	// A run without a small word inside cannot be a variant of another:
	// the forms compared differ only in their small words.
	if inner {
		out.add(ps.makePhrase(ti, lastContent+1, s.Block(), keyAt >= 0 && keyAt < lastContent))
	}
	return lastContent + 1
}

// phraseTitle reports whether block bi of doc is a heading or a
// title-case line, where the small words of a name may be capitalised.
func phraseTitle(doc *prose.Document, bi int) bool {
	b := &doc.Blocks[bi]
	return b.Kind() == prose.Heading || isTitleCase(doc, b)
}

// nameUses lists the uses of each of the forms want in doc, in order,
// with the capitalised word before each: one pass over the document for
// all the forms a judgement needs.
func nameUses(doc *prose.Document, want map[string][]nameOcc) {
	ns := newNameScan(doc)
	var forms []string
	formIndex := func(w string) int32 {
		forms = append(forms, w)
		return int32(len(forms) - 1)
	}
	for bi := range doc.Blocks {
		b := &doc.Blocks[bi]
		for si := b.FirstSentence(); si < b.EndSentence(); si++ {
			s := doc.Sentences[si]
			for ti := s.FirstToken(); ti < s.EndToken(); ti++ {
				t := doc.Tokens[ti]
				if t.Kind() != prose.Word {
					continue
				}
				fi := ns.classOf(t.ID(), formIndex) >> 8
				if fi == 0 {
					continue
				}
				w := forms[fi-1]
				uses, ok := want[w]
				if !ok {
					continue
				}
				start := doc.TokenStart(ti)
				occ := nameOcc{span: prose.Span{Start: start, End: start + len(w)}}
				if ti > s.FirstToken() {
					prev := doc.TokenSpan(ti - 1)
					if pw := doc.Text[prev.Start:prev.End]; doc.Tokens[ti-1].Kind() == prose.Word && prev.End+1 == start && nameLike(pw) {
						occ.given = pw
					}
				}
				want[w] = append(uses, occ)
			}
		}
	}
}

// nameLike reports a capitalised word of letters with a lower-case letter
// after the first (not an acronym or a heading in capitals).
func nameLike(w string) bool {
	if len(w) >= 3 && w[0] >= 'A' && w[0] <= 'Z' {
		// ASCII first: letters only, a lower-case one among them.
		lower := false
		i := 1
		for ; i < len(w); i++ {
			c := w[i]
			if c >= utf8.RuneSelf {
				break // the rest decides by Unicode
			}
			if c >= 'a' && c <= 'z' {
				lower = true
			} else if c < 'A' || c > 'Z' {
				return false
			}
		}
		if i == len(w) {
			return lower
		}
	}
	r, size := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || len(w) < 3 {
		return false
	}
	lower := false
	for _, r := range w[size:] {
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			return false
		}
		if unicode.IsLower(r) {
			lower = true
		}
	}
	return lower
}

// makePhrase makes the name of tokens first to end, all classified;
// keyed tells whether a word before the last is a small word marked
// markKeyed (phraseAt knows it). Most names have none (Bank of America):
// then only the last word, read without its possessive, may make a key
// (Van Della's), and the words are not read again.
func (ps *phraseScan) makePhrase(first, end, block int, keyed bool) namePhrase {
	doc := ps.doc
	last := doc.TokenText(end - 1)
	span := prose.Span{Start: doc.TokenStart(first), End: doc.TokenStart(end-1) + len(stripPossessive(last))}
	ph := namePhrase{start: int32(span.Start), end: int32(span.End), block: int32(block)}
	if !keyed {
		if w := stripPossessive(typeText(doc, end-1)); !isConnector(w) || isLowerASCII(w) && !strings.EqualFold(w, "the") {
			return ph
		}
	}
	// The words of a run are one space apart: the surface is the source
	// (see namePhrase.surface).
	// The key drops the article (the small word a writer drops or inserts
	// without meaning another name) and lower-cases the other small
	// words; it is the surface itself when there are none to change.
	// It is built at the end of the scan's keys, and dropped again when
	// it is the surface.
	keyed = false
	key := ps.keys
	keyStart := len(key)
	pos := span.Start
	for i := first; i < end; i++ {
		// The word starts at pos, one space past the one before (see
		// phraseAt): its type's text (typeText) and its end follow,
		// where TokenSpan cost a call.
		w := typeText(doc, i)
		wEnd := pos + len(w)
		// A word's type tells whether it is a small word, but for the
		// last, read without its possessive.
		c := ps.marks[doc.Tokens[i].ID()]
		conn, article := c&markConnector != 0, c&markArticle != 0
		if i == end-1 {
			w = stripPossessive(w)
			conn = isConnector(w)
			article = conn && strings.EqualFold(w, "the")
		}
		if !keyed && (article || conn && !isLowerASCII(w)) {
			// The words so far, without the space before this one.
			keyed = true
			key = append(key, doc.Text[span.Start:max(span.Start, pos-1)]...)
		}
		pos = wEnd + 1
		if !keyed || article {
			continue
		}
		if len(key) > keyStart {
			key = append(key, ' ')
		}
		if conn {
			for j := 0; j < len(w); j++ {
				c := w[j]
				if c >= 'A' && c <= 'Z' {
					c += 'a' - 'A'
				}
				key = append(key, c)
			}
			continue
		}
		key = append(key, w...)
	}
	if keyed {
		ph.keyStart, ph.keyEnd = int32(keyStart), int32(len(key))
		ps.keys = key
	} else {
		ps.keys = key[:keyStart]
	}
	return ph
}

// listedPhrases are the multi-word entries of the name lists, for the
// tie-break between two forms of a multi-word name.
var listedPhrases = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	for _, name := range []string{"organizations.txt", "people.txt", "countries.txt", "cities.txt"} {
		b, err := dict.Read("names/" + name)
		if err != nil {
			continue
		}
		for text := string(b); text != ""; {
			var line string
			line, text, _ = strings.Cut(text, "\n")
			if line = strings.TrimSpace(line); line != "" && line[0] != '#' && strings.Contains(line, " ") {
				out[line] = true
			}
		}
	}
	return out
})

// nameUse is a use of a name form somewhere in the set of documents.
type nameUse struct {
	doc *prose.Document
	occ nameOcc
}

// pendingFinding is a finding decided once for the whole set of
// documents, reported by the pass of the document it is in.
type pendingFinding struct {
	doc     *prose.Document
	span    prose.Span
	message string
	want    string
	relDoc  *prose.Document
	relSpan prose.Span
	relMsg  string
}

// reportPending reports pend, the pending findings that lie in p.Doc.
func reportPending(p *Pass, pend []pendingFinding) {
	for _, pf := range pend {
		f := Finding{Span: pf.span, Message: pf.message, Suggestions: []string{pf.want}}
		if pf.relDoc != nil {
			f.Related = []Related{relatedIn(p, pf.relDoc, pf.relSpan, pf.relMsg)}
		}
		p.Report(f)
	}
}

func (nameConsistency) Check(p *Pass) {
	// The findings of the whole set, by document, in order.
	byDoc := setMemo(p, factNameFindings, func() any {
		// The token index lists each document's capitalised words.
		all := gather(p, factNames, func(d *prose.Document) nameFacts {
			x := tokenIndexOf(p, d)
			return nameWordsIn(d, x.capitals, x.class)
		})
		byDoc := map[*prose.Document][]pendingFinding{}
		for _, pf := range append(checkPhrases(p, all), checkNameWords(p, all)...) {
			byDoc[pf.doc] = append(byDoc[pf.doc], pf)
		}
		return byDoc
	}).(map[*prose.Document][]pendingFinding)
	reportPending(p, byDoc[p.Doc])
}

func checkPhrases(p *Pass, all []docFacts[nameFacts]) (out []pendingFinding) {
	type form struct {
		surface string
		uses    []nameUse
		title   bool // every use is in a title-case line
	}
	// Most keys have one surface form: find those with two or more before
	// grouping any uses.
	// Each key is numbered on first sight, and each phrase's number kept,
	// so that the second pass reads no key (their text is long out of
	// cache by now).
	type firstUse struct {
		surface string
		num     int32
	}
	first := map[string]firstUse{}
	var multi []bool // by key number
	n := 0
	for _, df := range all {
		for _, b := range df.facts.phrases {
			n += len(b)
		}
	}
	nums := make([]int32, 0, n)
	anyMulti := false
	for _, df := range all {
		for _, b := range df.facts.phrases {
			for i := range b {
				surface, key := b[i].surface(df.doc, df.facts.keys)
				fu, ok := first[key]
				if !ok {
					fu = firstUse{surface, int32(len(multi))}
					first[key] = fu
					multi = append(multi, false)
				} else if fu.surface != surface {
					multi[fu.num] = true
					anyMulti = true
				}
				nums = append(nums, fu.num)
			}
		}
	}
	if !anyMulti {
		return nil
	}
	byKey := map[string]map[string]*form{}
	var keys []string
	j := 0
	for _, df := range all {
		for _, b := range df.facts.phrases {
			for i := range b {
				ph := &b[i]
				j++
				if !multi[nums[j-1]] {
					continue
				}
				surface, key := ph.surface(df.doc, df.facts.keys)
				m := byKey[key]
				if m == nil {
					m = map[string]*form{}
					byKey[key] = m
					keys = append(keys, key)
				}
				fm := m[surface]
				if fm == nil {
					fm = &form{surface: surface, title: true}
					m[surface] = fm
				}
				fm.uses = append(fm.uses, nameUse{df.doc, nameOcc{span: ph.span()}})
				fm.title = fm.title && phraseTitle(df.doc, int(ph.block))
			}
		}
	}
	for _, k := range keys {
		m := byKey[k]
		if len(m) < 2 {
			continue
		}
		listed := listedPhrases() // read only where two forms compete
		forms := make([]*form, 0, len(m))
		for _, fm := range m {
			forms = append(forms, fm)
		}
		// Most used first; then the listed form, the fuller form, the
		// surface, for a stable order.
		sort.Slice(forms, func(i, j int) bool {
			a, b := forms[i], forms[j]
			if len(a.uses) != len(b.uses) {
				return len(a.uses) > len(b.uses)
			}
			if listed[a.surface] != listed[b.surface] {
				return listed[a.surface]
			}
			if na, nb := strings.Count(a.surface, " "), strings.Count(b.surface, " "); na != nb {
				return na > nb
			}
			// Small words are lower case inside a sentence (bin, al).
			if ua, ub := upperConnectors(a.surface), upperConnectors(b.surface); ua != ub {
				return ua < ub
			}
			return a.surface < b.surface
		})
		major := forms[0]
		for _, fm := range forms[1:] {
			if fm.title && strings.EqualFold(fm.surface, major.surface) {
				continue // "Committee For State Security" in a title-case heading
			}
			for _, u := range fm.uses {
				mu := major.uses[0]
				out = append(out, pendingFinding{
					doc: u.doc, span: u.occ.span,
					message: variantMessage(fm.surface, major.surface, len(fm.uses), len(major.uses)),
					want:    major.surface,
					relDoc:  mu.doc, relSpan: mu.occ.span, relMsg: fmt.Sprintf("written %q here", major.surface),
				})
			}
		}
	}
	return out
}

// frequentName is the SUBTLEX-US count above which a listed name is
// common enough that a near miss of it is another entity (Iraq, Joan).
const frequentName = 20

// nameTotal is a name form over the whole set of documents: its number
// of uses, its first, and its dictionary status. The form is the
// document's own when there is one document (a copy of each cost 600 KB
// on the 20 MB corpus), else the forms of the documents merged.
type nameTotal struct {
	*nameForm
	firstDoc *prose.Document
	status   spell.Status
	checked  bool // status is known
	cand     bool // a candidate: its lower case is no English word
	// givens are the distinct capitalised words right before its uses
	// (nameOcc.given), and ungiven is set when a use has none: worked
	// out only for the forms of a pair that needs them (givenNames).
	givens  []string
	ungiven bool
}

// namePair is two forms judged one name, b the minority's, pending the
// given-name test when needGiven.
type namePair struct {
	a, b      *nameTotal
	needGiven bool
}

// nameDeletion is a folded name form (totals[form]) with one rune deleted
// (size 0: none deleted); next chains the deletions with the same hash.
type nameDeletion struct {
	form, next int32
	// at is the deleted rune's offset: a folded form is a few times a
	// token's length at most (MaxTokenLen), so 16 bits hold it, and the
	// record is 12 bytes, not 20 (70 K of them on the 20 MB corpus).
	at    uint16
	size  uint8
	inner bool // another deletion comes before it in its chain
}

func checkNameWords(p *Pass, all []docFacts[nameFacts]) (out []pendingFinding) {
	d := p.Dict
	var forms []nameForm
	var firstDocs []*prose.Document // by form, when merged
	if len(all) == 1 {
		forms = all[0].facts.forms
	} else {
		n := 0
		for _, df := range all {
			n = max(n, len(df.facts.forms))
		}
		// Room for the largest document's forms: the documents of a run
		// share most of theirs (a map grown from empty cost 5M
		// instructions over the 205 files of the split corpus).
		index := make(map[string]int, 2*n)
		for _, df := range all {
			for _, fm := range df.facts.forms {
				i, ok := index[fm.text]
				if !ok {
					i = len(forms)
					index[fm.text] = i
					forms = append(forms, nameForm{text: fm.text, first: fm.first})
					firstDocs = append(firstDocs, df.doc)
				}
				forms[i].count += fm.count
			}
		}
	}
	totals := make([]nameTotal, len(forms))
	for i := range forms {
		totals[i] = nameTotal{nameForm: &forms[i], firstDoc: all[0].doc}
		if firstDocs != nil {
			totals[i].firstDoc = firstDocs[i]
		}
	}
	// Candidates are the forms whose lower case is no English word (Will,
	// Swede, Bush are words). Pair candidates one deletion apart, or with
	// one folded key (case and diacritics), through their deletion
	// neighborhoods: each folded form and every string made by deleting
	// one rune of it; a bucket holds the candidates that make one string,
	// and buckets of more than eight are ignored. The strings are hashed
	// into a table instead of kept; and since a form that shares no string
	// with another form pairs with nothing, only the forms that do are
	// looked up in the dictionary.
	folds := make([]string, len(totals))
	// Folding keeps the length of ASCII text (and rarely lengthens
	// other text): the arena is grown once, where growing it as it
	// filled allocated it five times over.
	room := 0
	for i := range forms {
		room += len(forms[i].text)
	}
	arena := make([]byte, 0, room)
	ends := make([]int32, len(totals))
	for i := range totals {
		arena = appendFold(arena, totals[i].text)
		ends[i] = int32(len(arena))
	}
	all1 := string(arena) // the folded forms, one after another
	n := 0
	for i := range totals {
		start := int32(0)
		if i > 0 {
			start = ends[i-1]
		}
		folds[i] = all1[start:ends[i]]
		n += utf8.RuneCountInString(folds[i]) + 1
	}
	dels := make([]nameDeletion, n)
	hashes := make([]uint64, n)
	k := 0
	for i, f := range folds {
		k += fillDeletions(dels[k:], hashes[k:], int32(i), f)
	}
	// An open-addressing table from hash to the first deletion with it;
	// chains keep the deletions in order (filled back to front). heads
	// lists, from the back, each deletion that became the head of a
	// chain of two or more: the few chains to read (most deletions share
	// their hash with none). (1.5 slots a deletion instead of 2 halved
	// the table on the corpora, 512 KB less to allocate, for +0.3M
	// instructions in the probes; with the collector on, +0.2M on c20 and
	// +1.1M on clean, whose cycles moved. The folded forms read from the
	// arena by their bounds, not kept as strings, spared 128 KB of
	// pointers for +0.6M in checkNameWords. Neither kept.)
	size := 1
	for size < 2*len(dels) {
		size *= 2
	}
	slots := mem.Table[int32](size) // 1 + index of the chain's head, 0: empty; probed before written
	shift := 64 - bits.TrailingZeros(uint(size))
	var heads []int32
	for k := len(dels) - 1; k >= 0; k-- {
		h := hashes[k]
		for j := int(h * nameSlotMul >> shift); ; j = (j + 1) & (size - 1) {
			if slots[j] == 0 {
				slots[j] = int32(k) + 1
				break
			}
			if head := slots[j] - 1; hashes[head] == h {
				dels[k].next = head
				dels[head].inner = true
				slots[j] = int32(k) + 1
				heads = append(heads, int32(k))
				break
			}
		}
	}
	same := func(a, b nameDeletion) bool {
		return sameWithout(folds[a.form], int(a.at), int(a.size), folds[b.form], int(b.at), int(b.size))
	}
	isCand := func(t *nameTotal) bool {
		if !t.checked {
			t.checked = true
			if d.Check(strings.ToLower(t.text)).Status != spell.Accepted {
				t.cand = true
				t.status = d.Check(t.text).Status
			}
		}
		return t.cand
	}
	seen := map[[2]int]bool{}
	var pairs []namePair
	var chain, ids []int
	// Chains in the order of their first deletion: the forms' order.
	for h := len(heads) - 1; h >= 0; h-- {
		first := int(heads[h])
		if dels[first].inner {
			continue // no longer a chain's head
		}
		chain = chain[:0]
		for k := first; k >= 0; k = int(dels[k].next) {
			chain = append(chain, k)
		}
		// Split the chain into buckets of equal strings (a hash collision
		// is the only way a chain holds two).
		for len(chain) > 0 {
			head := dels[chain[0]]
			ids = ids[:0]
			rest := chain[:0]
			distinct := false
			for _, k := range chain {
				if !same(head, dels[k]) {
					rest = append(rest, k)
					continue
				}
				ids = append(ids, int(dels[k].form))
				distinct = distinct || dels[k].form != head.form
			}
			chain = rest
			if !distinct || !mayPair(folds, ids) {
				// One form only, or forms judgeNamePair would turn down
				// whatever the dictionary says: no pair, and no other
				// bucket changes.
				continue
			}
			cands := ids[:0]
			for _, i := range ids {
				if isCand(&totals[i]) {
					cands = append(cands, i)
				}
			}
			if len(cands) < 2 || len(cands) > 8 {
				continue
			}
			for x := 0; x < len(cands); x++ {
				for y := x + 1; y < len(cands); y++ {
					i, j := cands[x], cands[y]
					if i == j || seen[[2]int{i, j}] {
						continue
					}
					seen[[2]int{i, j}] = true
					if pr, ok := judgeNamePair(p, &totals[i], &totals[j]); ok {
						pairs = append(pairs, pr)
					}
				}
			}
		}
	}
	// The given names of the forms of the pairs that need them.
	var gv []*nameTotal
	for _, pr := range pairs {
		if pr.needGiven {
			gv = append(gv, pr.a, pr.b)
		}
	}
	if len(gv) > 0 {
		givenNames(p, all, gv)
	}
	// The pairs that pass are findings: find the minority form's uses, in
	// one pass over each document that has them.
	need := map[string]bool{}
	for i := 0; i < len(pairs); i++ {
		if pr := pairs[i]; pr.needGiven && !sameGiven(pr.a, pr.b) {
			pairs = append(pairs[:i], pairs[i+1:]...)
			i--
			continue
		}
		need[pairs[i].b.text] = true
	}
	if len(pairs) == 0 {
		return nil
	}
	uses := map[*prose.Document]map[string][]nameOcc{}
	for _, df := range all {
		var want map[string][]nameOcc
		for _, fm := range df.facts.forms {
			if need[fm.text] {
				if want == nil {
					want = map[string][]nameOcc{}
				}
				want[fm.text] = nil
			}
		}
		if want != nil {
			nameUses(df.doc, want)
			uses[df.doc] = want
		}
	}
	for _, pr := range pairs {
		a, b := pr.a, pr.b
		for _, df := range all {
			for _, o := range uses[df.doc][b.text] {
				out = append(out, pendingFinding{
					doc: df.doc, span: o.span,
					message: variantMessage(b.text, a.text, b.count, a.count),
					want:    a.text,
					relDoc:  a.firstDoc, relSpan: a.first, relMsg: fmt.Sprintf("written %q here", a.text),
				})
			}
		}
	}
	// Order by position (pairs come in bucket order).
	sort.SliceStable(out, func(i, j int) bool { return out[i].span.Start < out[j].span.Start })
	return out
}

// judgeNamePair decides whether two forms are one name: ok with the
// majority form first; needGiven when that also takes the given-name test
// (sameGiven), which needs the uses.
func judgeNamePair(p *Pass, ta, tb *nameTotal) (namePair, bool) {
	if ta.count < tb.count || ta.count == tb.count && hasFewerMarks(ta.text, tb.text) {
		ta, tb = tb, ta
	}
	a, b, na, nb := ta.text, tb.text, ta.count, tb.count
	// a is the majority form, b the minority.
	fa, fb := foldName(a), foldName(b)
	sameFold := fa == fb
	if !sameFold {
		ra, rb := []rune(fa), []rune(fb)
		if ra[0] != rb[0] || spell.Distance(fa, fb) != 1 || len(ra) < 5 || len(rb) < 5 {
			return namePair{}, false
		}
	}
	needGiven := false
	switch {
	case tb.status != spell.Accepted:
		// The names rules own an unknown word near another form, and a
		// listed name in the wrong case or without its diacritics.
		if !sameFold || tb.status == spell.WrongForm || closeNames(b, a) {
			return namePair{}, false
		}
		if na == nb && !hasFewerMarks(b, a) {
			return namePair{}, false
		}
	case ta.status != spell.Accepted:
		return namePair{}, false // the dictionary knows the minority form: not a slip for the majority
	default:
		// Both listed: two real names one letter apart are usually two
		// entities (Iran, Iraq; Edwin, Erwin; Sunni, Sunnis). One is a
		// slip for the other only when the draft uses it at least twice as
		// often, neither is frequent, the letters differ inside the word
		// (not an ending: Bosnia, Bosnian) and the two follow the same
		// given name (Vladimir Kryuchkov, Vladimir Kruchkov).
		if sameFold || na < 2 || na < 2*nb {
			return namePair{}, false
		}
		if p.Dict.Freq(a) >= frequentName || p.Dict.Freq(b) >= frequentName {
			return namePair{}, false
		}
		if differAtEnd(fa, fb) {
			return namePair{}, false
		}
		needGiven = true
	}
	return namePair{a: ta, b: tb, needGiven: needGiven}, true
}

// sameGiven reports whether every use of the minority form follows a
// capitalised word that also precedes the majority form: the given name
// that shows both forms name one person. It reads the forms' givens
// (givenNames).
func sameGiven(major, minor *nameTotal) bool {
	if minor.ungiven {
		return false
	}
	for _, g := range minor.givens {
		if !slices.Contains(major.givens, g) {
			return false
		}
	}
	return true
}

// differAtEnd reports whether two folded forms differ only in their last
// two letters: an ending (Sunni, Sunnis; Islamist, Islamism), not a slip.
func differAtEnd(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	n := 0
	for n < len(ra) && n < len(rb) && ra[n] == rb[n] {
		n++
	}
	return n >= min(len(ra), len(rb))-2
}

// hasFewerMarks reports whether a has fewer non-ASCII letters than b
// (Dvorak against Dvořák): the form a writer drops marks from.
func hasFewerMarks(a, b string) bool {
	return nonASCII(a) < nonASCII(b)
}

func nonASCII(s string) int {
	n := 0
	for _, r := range s {
		if r >= utf8.RuneSelf {
			n++
		}
	}
	return n
}

// appendFold appends foldName(w) to b without a string of its own.
func appendFold(b []byte, w string) []byte {
	if isASCII8(w) {
		// Most names: the bytes, with the capitals lowered in place.
		start := len(b)
		b = append(b, w...)
		for i := start; i < len(b); i++ {
			if c := b[i]; c >= 'A' && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
		}
		return b
	}
	for _, r := range w {
		if r < utf8.RuneSelf {
			if r >= 'A' && r <= 'Z' {
				r += 'a' - 'A'
			}
			b = append(b, byte(r))
			continue
		}
		if l := unicode.ToLower(r); l < utf8.RuneSelf {
			b = append(b, byte(l))
		} else {
			b = append(b, stripMark(l)...)
		}
	}
	return b
}

// foldName lower-cases w and strips its diacritics.
func foldName(w string) string {
	if isLowerASCII(w) {
		return w
	}
	var b strings.Builder
	for _, r := range strings.ToLower(w) {
		if r < utf8.RuneSelf {
			b.WriteRune(r)
			continue
		}
		b.WriteString(stripMark(r))
	}
	return b.String()
}

// mayPair reports whether two of the forms ids could pass the first test
// of judgeNamePair: one folded key, or folded keys of five runes or more
// with one first letter and lengths one apart at most (one edit).
func mayPair(folds []string, ids []int) bool {
	for x := 0; x < len(ids); x++ {
		fa := folds[ids[x]]
		na := utf8.RuneCountInString(fa)
		ra, _ := utf8.DecodeRuneInString(fa)
		for y := x + 1; y < len(ids); y++ {
			fb := folds[ids[y]]
			if ids[x] == ids[y] {
				continue
			}
			if fa == fb {
				return true
			}
			nb := utf8.RuneCountInString(fb)
			rb, _ := utf8.DecodeRuneInString(fb)
			if na >= 5 && nb >= 5 && na-nb <= 1 && nb-na <= 1 && ra == rb {
				return true
			}
		}
	}
	return false
}

// fillDeletions writes to dels the deletions of folded form f (number
// form): f itself, then f without each of its runes, and to hashes their
// hashes (nameHash); it returns how many (1 + the runes of f), for which
// both must have room.
//
// The hash of f without bytes [at, end) is that of the bytes before at
// times nameBase to the power of the bytes after end, plus the hash of
// those bytes (with nameHash's seed only in the first): a walk forward
// gives each deletion its prefix's hash, and a walk back the suffixes',
// a few instructions a byte where hashing each deletion cost half its
// bytes.
func fillDeletions(dels []nameDeletion, hashes []uint64, form int32, f string) int {
	if isASCII8(f) {
		return fillDeletionsASCII(dels, hashes, form, f)
	}
	dels[0] = nameDeletion{form: form, next: -1}
	h, k := uint64(nameHashSeed), 1
	for at := 0; at < len(f); k++ {
		r, w := rune(f[at]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(f[at:])
		}
		// (The bytes of an invalid one, RuneError, are three or the rest.)
		size := min(utf8.RuneLen(r), len(f)-at)
		dels[k] = nameDeletion{form: form, at: uint16(at), size: uint8(size), next: -1}
		hashes[k] = h
		for end := at + w; at < end; at++ {
			h = h*nameBase + uint64(f[at])
		}
	}
	hashes[0] = h
	// Back from the end: s is the hash of f[j:] (unseeded), p the power
	// of nameBase for its bytes.
	s, p, j := uint64(0), uint64(1), len(f)
	for d := k - 1; d >= 1; d-- {
		at, end := int(dels[d].at), int(dels[d].at)+int(dels[d].size)
		if end > j {
			// An invalid byte's deletion reaching past the next rune's
			// start: hashed whole.
			hashes[d] = nameHash(nameHash(nameHashSeed, f[:at]), f[end:])
			continue
		}
		for j > end {
			j--
			s += uint64(f[j]) * p
			p *= nameBase
		}
		hashes[d] = hashes[d]*p + s
	}
	return k
}

// fillDeletionsASCII is fillDeletions for an ASCII form, most folded
// forms (a name's marks fold away): a rune is a byte, and the two walks
// are a few instructions a byte, where decoding each rune and reading
// its bounds back cost some fifty (5M instructions on the 20 MB corpus).
func fillDeletionsASCII(dels []nameDeletion, hashes []uint64, form int32, f string) int {
	n := len(f)
	dels, hashes = dels[:n+1], hashes[:n+1]
	dels[0] = nameDeletion{form: form, next: -1}
	// Forward: each deletion's prefix hash, and f's own.
	h := uint64(nameHashSeed)
	for at := 0; at < n; at++ {
		// (Field by field: a composite literal was zeroed first.)
		d := &dels[at+1]
		d.form, d.next, d.at, d.size, d.inner = form, -1, uint16(at), 1, false
		hashes[at+1] = h
		h = h*nameBase + uint64(f[at])
	}
	hashes[0] = h
	// Back: s is the hash of the bytes after at (unseeded), p the power
	// of nameBase for them.
	s, p := uint64(0), uint64(1)
	for at := n - 1; at >= 0; at-- {
		hashes[at+1] = hashes[at+1]*p + s
		s += uint64(f[at]) * p
		p *= nameBase
	}
	return n + 1
}

// The deletions' hash: a polynomial in nameBase, odd, over the bytes
// (modulo 2⁶⁴), from nameHashSeed. Two strings of one length that differ
// in one byte never collide, and the forms are too short (765 bytes at
// most) for the strings known to collide for every odd base (Thue–Morse,
// 2,048 bytes). The table of checkNameWords indexes its slots by the top
// bits of the hash times nameSlotMul.
const (
	nameHashSeed = 14695981039346656037
	nameBase     = 0xff51afd7ed558ccd
	nameSlotMul  = 0x9e3779b97f4a7c15
)

// nameHash continues the deletions' hash h with the bytes of s.
func nameHash(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = h*nameBase + uint64(s[i])
	}
	return h
}

// sameWithout reports whether a without bytes [ai, ai+an) equals b without
// bytes [bi, bi+bn).
func sameWithout(a string, ai, an int, b string, bi, bn int) bool {
	n := len(a) - an
	if n != len(b)-bn {
		return false
	}
	for k := 0; k < n; k++ {
		ka, kb := k, k
		if k >= ai {
			ka += an
		}
		if k >= bi {
			kb += bn
		}
		if a[ka] != b[kb] {
			return false
		}
	}
	return true
}

// stripMark returns r without its diacritics, lower case; letters with a
// stroke are spelt out as writers type them (ł → l, ø → o).
func stripMark(r rune) string {
	switch r {
	case 'ł':
		return "l"
	case 'ø':
		return "o"
	case 'đ', 'ð':
		return "d"
	case 'ß':
		return "ss"
	case 'æ':
		return "ae"
	case 'œ':
		return "oe"
	case 'ı':
		return "i"
	}
	var b strings.Builder
	for _, m := range norm.NFD.String(string(r)) {
		if !unicode.Is(unicode.Mn, m) {
			b.WriteRune(m)
		}
	}
	return b.String()
}

// variantMessage says that form (used n times) is written want elsewhere
// (m times).
func variantMessage(form, want string, n, m int) string {
	if n == m {
		return fmt.Sprintf("%q is written %q elsewhere; use one form", form, want)
	}
	return fmt.Sprintf("%q is written %q elsewhere (%s against %s)", form, want, times(m), times(n))
}

// upperConnectors counts the small words of a name written with a capital.
func upperConnectors(surface string) int {
	n := 0
	for _, w := range strings.Fields(surface) {
		if connectors[strings.ToLower(w)] && isCapitalised(w) {
			n++
		}
	}
	return n
}

// connectorShapes has bit n of entry c&31 set when a connector of n
// bytes starts with letter c, in either case: most short words are ruled
// out before they are lower-cased (capitalTypes asks about every type of
// two to five bytes).
var connectorShapes = func() (t [32]uint8) {
	for w := range connectors {
		t[w[0]&31] |= 1 << len(w)
	}
	return t
}()

// isConnector reports whether w, in any case, is one of the small words
// inside names, without allocating.
func isConnector(w string) bool {
	if len(w) < 2 || len(w) > 5 || connectorShapes[w[0]&31]&(1<<len(w)) == 0 {
		return false
	}
	var buf [5]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	// The connectors map's words, as a switch: no hashing.
	switch string(buf[:len(w)]) {
	case "of", "the", "for", "on", "de", "du", "des", "del", "della", "di", "da", "la", "le", "al", "bin", "ibn",
		"von", "van", "der", "den", "dos", "das":
		return true
	}
	return false
}

// givenNames works out the givens of the forms ts (some more than once)
// over the documents of all, and whether a use has none (ungiven): the
// capitalised word that can be a given name (nameLike) right before a use,
// in its sentence, one byte from it (Vladimir Kryuchkov). Only the forms
// of a pair of listed names one letter apart need them (sameGiven), a few
// dozen on the 20 MB corpus: they are found here, in a walk of the
// capitalised words (tokenIndex.capitals) of each document that uses the
// forms, where the walk of the name facts listed every form's uses after
// a given name and kept their givens, for some 15M instructions on the
// 20 MB corpus.
func givenNames(p *Pass, all []docFacts[nameFacts], ts []*nameTotal) {
	index := map[string]int32{}
	var forms []*nameTotal
	// The forms' lengths and first bytes rule out most types before the
	// map is read (as stemShapes in nameWordsIn).
	var shapes [64]uint64
	for _, t := range ts {
		if _, ok := index[t.text]; !ok {
			index[t.text] = int32(len(forms))
			forms = append(forms, t)
			shapes[len(t.text)&63] |= 1 << (t.text[0] & 63)
		}
	}
	given := make([]int, len(forms)) // by form, its uses after a given name
	for _, df := range all {
		doc := df.doc
		x := tokenIndexOf(p, doc)
		// The types of the forms (nameWordsIn gives a form to the types
		// of class clsNameForm, by their text without a possessive):
		// 1 + the form's index, 0 for none.
		var formOf []int32
		for id, c := range x.class[:doc.NumTypes()] {
			if c&clsNameForm == 0 {
				continue
			}
			w := stripPossessive(doc.Type(uint32(id)))
			if shapes[len(w)&63]&(1<<(w[0]&63)) == 0 {
				continue
			}
			if i, ok := index[w]; ok {
				if formOf == nil {
					formOf = idTable[int32](doc.NumTypes()) // (see formUsesAfter)
				}
				formOf[id] = i + 1
			}
		}
		if formOf != nil {
			givenUses(doc, x.capitals, x.class, formOf, forms, given)
		}
	}
	for i, t := range forms {
		t.ungiven = given[i] < t.count
	}
}

// givenUses adds to the givens of forms the capitalised words of doc (caps)
// whose type formOf gives a form (1 + its index) that follow a given
// name, and counts those uses in given, by form; class classifies the
// types.
//
// A given name is a capitalised word, so only the capitalised words after
// one are read (a third of them): a use after none has no given name,
// which the uses counted tell (ungiven). They are read a stretch at a
// time by formUsesAfter, which lists the few that are uses of the forms.
func givenUses(doc *prose.Document, caps tokenBits, class []uint32, formOf []int32, forms []*nameTotal, given []int) {
	toks, sents := doc.Tokens, doc.Sentences
	var buf [givenStretch]int32
	for lo := 0; lo < len(caps); lo += givenStretch / 64 {
		carry := uint64(0) // the last bit of the word before
		if lo > 0 {
			carry = caps[lo-1] >> 63
		}
		n := formUsesAfter(&buf, caps[lo:min(lo+givenStretch/64, len(caps))], carry, lo, toks, formOf)
		for _, ti32 := range buf[:n] {
			ti := int(ti32)
			id := toks[ti-1].ID()
			if class[id]&(clsNameCapital|clsNameGiven) != clsNameCapital|clsNameGiven {
				continue
			}
			// Not a sentence's first word, and one byte from the word
			// before.
			si := sort.Search(len(sents), func(i int) bool { return sents[i].EndToken() > ti })
			if si < len(sents) && sents[si].FirstToken() == ti || doc.TokenGap(ti) != 1 {
				continue
			}
			fi := formOf[toks[ti].ID()] - 1
			given[fi]++
			if t, g := forms[fi], doc.Type(id); !slices.Contains(t.givens, g) {
				t.givens = append(t.givens, g)
			}
		}
	}
}

// givenStretch is the number of tokens, and so at most of uses, one call
// of formUsesAfter reads: a multiple of 64.
const givenStretch = 1024

// formUsesAfter lists to buf the capitalised words that caps marks (from
// word lo of the bitmap; carry is the last bit of the word before) right
// after another and whose type formOf (an idTable) gives a form. It is
// not inlined and makes no call, so that its values stay in registers.
//
//go:noinline
func formUsesAfter(buf *[givenStretch]int32, caps []uint64, carry uint64, lo int, toks []prose.Token, formOf []int32) int {
	_ = formOf[0]
	mk := uint(len(formOf) - 1)
	n := 0
	for i, word := range caps {
		after := word & (word<<1 | carry)
		carry = word >> 63
		base := (lo + i) << 6
		for ; after != 0; after &= after - 1 {
			ti := base + bits.TrailingZeros64(after)
			if formOf[uint(toks[ti].ID())&mk] != 0 {
				// The mask spares the bounds check: n stays below
				// givenStretch.
				buf[n&(givenStretch-1)] = int32(ti)
				n++
			}
		}
	}
	return n
}
