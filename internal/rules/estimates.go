package rules

import (
	"math/bits"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/edlint/edlint/internal/mem"
	"github.com/edlint/edlint/internal/prose"
	"github.com/edlint/edlint/internal/spell"
)

// EstimateKind says what an estimative expression is.
type EstimateKind uint8

// Estimate kinds.
const (
	// EstTerm is a term of the chosen yardstick ("very likely").
	EstTerm EstimateKind = iota + 1
	// EstForeign is a term of another yardstick ("highly likely" under ICD 203).
	EstForeign
	// EstPhrase is a probability phrase no yardstick uses ("high probability").
	EstPhrase
	// EstPercent is a numeric probability ("a 70% chance").
	EstPercent
	// EstAbsolute is a numeric certainty ("100% certain", "virtually 100% certain").
	EstAbsolute
	// EstBooster claims certainty in words ("undoubtedly", "we know for sure").
	EstBooster
	// EstHedge gives no band ("it's possible", "cannot be ruled out").
	EstHedge
	// EstStack is a modal plus a hedge ("might possibly").
	EstStack
	// EstFrame is a subjective frame ("I think", "in my view").
	EstFrame
	// EstConfidence is a confidence level ("high confidence").
	EstConfidence
)

var estimateKindNames = [...]string{"", "term", "foreign term", "phrase", "percent", "absolute", "booster", "hedge", "stacked hedge", "frame", "confidence"}

func (k EstimateKind) String() string {
	if int(k) < len(estimateKindNames) {
		return estimateKindNames[k]
	}
	return "unknown"
}

// HasProbability reports whether the kind states a probability (a band or
// a certainty), as opposed to a vague hedge, frame or confidence level.
func (k EstimateKind) HasProbability() bool {
	return k >= EstTerm && k <= EstBooster
}

// Estimate is one estimative expression of a draft.
type Estimate struct {
	prose.Span
	Kind EstimateKind
	// Key is the matched phrase, lower-case with straight apostrophes
	// ("it's possible", "# % chance" for numeric ones).
	Key string
	// Percent is the probability the expression states or readers take it to
	// mean; -1 when it states none (hedges, frames, confidence levels).
	Percent float64
	// Band is the chosen yardstick's band for Percent (zero when none), and
	// Term the yardstick's term for that band in the expression's role.
	Band Band
	Term string
	// Row is the ICD 203 row of a yardstick term ("likelihood" or
	// "probability"), "-" for one-row yardsticks.
	Row string
	// From names the yardstick a foreign term belongs to.
	From string
	// Role is the slot the expression fills (adj, adv, noun, clause) when
	// the data says; for hedges the cue family (modal, possible, ruleout,
	// realposs); for frames how to replace them (we, seems).
	Role string
	// Severity is the cue's default severity (boosters and hedges vary).
	Severity Severity
	// Hedged marks a hedge on a certainty ("virtually 100% certain").
	Hedged bool
	// Misspelled holds the booster a misspelled word stands for ("unquestionally").
	Misspelled string
	// Quoted is true inside quotation marks or a block quote; Attributed
	// when the sentence reports someone else's words ("X said that …").
	// Neither is the author's own claim.
	Quoted, Attributed bool
	// Sentence indexes Document.Sentences; FirstToken and EndToken the
	// matched tokens.
	Sentence             int
	FirstToken, EndToken int
}

// Own reports whether the estimate is the author's own claim: neither
// quoted nor attributed.
func (e *Estimate) Own() bool { return !e.Quoted && !e.Attributed }

// Estimates lists every estimative expression of doc in source order, with
// bands under the yardstick opts names. The hedging rules and the ladder
// report both read this one extraction.
func Estimates(doc *prose.Document, opts Options) []Estimate {
	return extractEstimates(doc, spell.Builtin(), yardstickOf(&opts))
}

// estimatesOf is Estimates for a pass, computed once per document and
// shared by the hedging rules.
func estimatesOf(p *Pass) []Estimate {
	return p.Memo(factEstimates, func() any {
		// The word judgement's walk over the tokens may have found where
		// the extraction stops, and stashed them with its tables.
		if x, ok := p.take(factEstimateScan).(*extractor); ok {
			x.dict, x.y = p.Dict, yardstickOf(p.Options)
			return x.extract()
		}
		return extractEstimates(p.Doc, p.Dict, yardstickOf(p.Options))
	}).([]Estimate)
}

// extractor carries one extraction's state.
type extractor struct {
	doc  *prose.Document
	dict *spell.Dict
	y    *Yardstick
	h    *hedging
	out  chunks[Estimate]
	// Facts about each token text, by Token.ID: flags (mayStart,
	// nearBoost), the trie word (0: none), the booster a text is near,
	// and whether it is a reporting verb (see reporting).
	flags     []uint8
	words     []uint16
	boosterOf map[uint32]int
	verbs     []uint8
	// stops, when scanned, lists in order the tokens nextLook would
	// stop at, found by the word judgement's walk (see walkStops).
	stops   []int32
	scanned bool
	// quotes reads the quotation marks of a block up to the token
	// asked about (see isQuoted).
	quotes quoteCursor
	// speech caches the attribution of the last sentence asked about.
	speechSent          int
	attrFrom, attrUntil int
}

// Facts about a token text (extractor.flags), worked out once per document
// and indexed by Token.ID, so that most tokens are passed over with one
// load from a small table.
const (
	// mayStart: a phrase of the trie starts with the word.
	mayStart uint8 = 1 << iota
	// nearBoost: the text is one or two edits from a booster.
	nearBoost
	// curlyKey: the lower-case text holds ’, which its key straightens.
	curlyKey
	// number: the text's tokens are numbers (all texts, in a TooVaried
	// document, whose last ID stands for texts of every kind).
	number
	// startAlone: a phrase of one word starts with the text (a number
	// standing for any number), and startLonger: only longer ones do.
	// In a TooVaried document every text is marked startAlone.
	startAlone
	startLonger
	// trieWord: the text is a word of the trie.
	trieWord
	// lookNow: nextLook stops at the token; lookNext: at the token when
	// the next can continue a phrase.
	lookNow  = startAlone | nearBoost
	lookNext = startLonger
)

// key is the text of type id lower-case with straight apostrophes, as the
// trie and the context tests compare words. id is a type the document's
// tokens spell: typeTable has looked for a ’ in it (the context tests
// ask for the key of every word around an estimate).
func (x *extractor) key(id uint32) string {
	k := x.doc.Type(x.doc.Lower(id))
	if x.flags[id]&curlyKey != 0 {
		k = strings.ReplaceAll(k, "’", "'")
	}
	return k
}

// typeTable fills the per-text tables for the texts the document's
// tokens spell.
func (x *extractor) typeTable(known []wordVerdict) {
	doc := x.doc
	n := doc.NumTypes()
	x.flags = idTable[uint8](n)
	x.words = mem.Table[uint16](n)
	counts := doc.TypeCounts()[:n]
	flags, words := x.flags[:n], x.words[:n]
	if known != nil {
		// The word judgement's facts, copied: on many small files (1.3
		// million types on 205 files) the loop is most of the table's
		// cost, each bound checked once here rather than at every type.
		known = known[:n]
		for id := range counts {
			if counts[id] == 0 {
				continue // a lower-case form no token spells
			}
			tf := &known[id].typeFact
			flags[id], words[id] = tf.flags, tf.word
			if tf.booster >= 0 {
				x.noteBooster(id, tf.booster)
			}
		}
		return
	}
	tooVaried := doc.TooVaried()
	for id := range counts {
		if counts[id] == 0 {
			continue
		}
		tf := x.h.typeFacts(doc.Type(uint32(id)), doc.Type(doc.Lower(uint32(id))), tooVaried)
		flags[id], words[id] = tf.flags, tf.word
		if tf.booster >= 0 {
			x.noteBooster(id, tf.booster)
		}
	}
}

// noteBooster records that the text of type id may be a misspelling of
// booster b.
func (x *extractor) noteBooster(id int, b int16) {
	if x.boosterOf == nil {
		x.boosterOf = map[uint32]int{}
	}
	x.boosterOf[uint32(id)] = int(b)
}

// typeFact is what typeTable makes of a type: its flags, its trie word
// (0: none) and the booster it may be a misspelling of (-1: none).
type typeFact struct {
	flags   uint8
	word    uint16
	booster int16
}

// typeFacts is typeTable's typeFact for a type of text, whose lower-case
// form is lower, in a document TooVaried or not: the text's alone.
func (h *hedging) typeFacts(text, lower string, tooVaried bool) typeFact {
	tf := typeFact{booster: -1}
	if quickKind(text) == prose.Number || tooVaried {
		tf.flags |= number
	}
	k := lower
	if strings.IndexByte(k, "’"[0]) >= 0 && strings.Contains(k, "’") {
		tf.flags |= curlyKey
		k = strings.ReplaceAll(k, "’", "'")
	}
	var w uint16
	if h.mayBeWord(k) {
		w = h.word(k)
	}
	if w != 0 {
		tf.word = w
		tf.flags |= trieWord
		if h.rootKids[w] != 0 {
			tf.flags |= mayStart
		}
	}
	// The node root finds for the text's tokens, whose kind, outside
	// a TooVaried document, is the text's.
	root := h.rootKid(w)
	if root == nil && tf.flags&number != 0 {
		root = h.rootKid(h.numberWord)
	}
	switch {
	case tooVaried:
		tf.flags |= startAlone
	case root == nil:
	case root.m != 0:
		tf.flags |= startAlone
	default:
		tf.flags |= startLonger
	}
	if b := h.nearBooster(text, k); b >= 0 {
		tf.flags |= nearBoost
		tf.booster = int16(b)
	}
	return tf
}

func extractEstimates(doc *prose.Document, dict *spell.Dict, y *Yardstick) []Estimate {
	return newExtractor(doc, dict, y).extract()
}

// newExtractor makes an extraction of the estimates of doc, its per-type
// tables filled.
func newExtractor(doc *prose.Document, dict *spell.Dict, y *Yardstick) *extractor {
	return newExtractorKnown(doc, dict, y, nil)
}

// newExtractorKnown is newExtractor with the types' typeFacts, by
// Token.ID, in known when it is not nil (see wordVerdicts).
func newExtractorKnown(doc *prose.Document, dict *spell.Dict, y *Yardstick, known []wordVerdict) *extractor {
	x := &extractor{doc: doc, dict: dict, y: y, h: hedgeData(), speechSent: -1}
	if x.h.err != nil {
		panic(x.h.err)
	}
	x.typeTable(known)
	return x
}

// extract lists the estimates.
func (x *extractor) extract() []Estimate {
	doc := x.doc
	toks, flags := doc.Tokens, x.flags
	sents := doc.Sentences
	// One pass over the tokens: nextLook passes over those that can
	// neither start a phrase nor be a misspelled booster (or the walk
	// that found x.stops has), and the sentences, in token order like
	// the tokens, are followed only for the few it stops at. A token in
	// no sentence is not read.
	si, c := 0, 0
	for i := 0; ; {
		if x.scanned {
			// nextLook(toks, flags, i), from the list.
			for c < len(x.stops) && int(x.stops[c]) < i {
				c++
			}
			i = len(toks)
			if c < len(x.stops) {
				i = int(x.stops[c])
			}
		} else {
			i = nextLook(toks, flags, i)
		}
		if i == len(toks) {
			break
		}
		for si < len(sents) && sents[si].EndToken() <= i {
			si++
		}
		if si == len(sents) {
			break
		}
		s := &sents[si]
		if s.FirstToken() > i {
			i = s.FirstToken()
			continue
		}
		t := &toks[i]
		f := flags[t.ID()]
		var m *match
		end := 0
		if (f&mayStart != 0 || t.Kind() == prose.Number) && x.mayMatch(i, s.EndToken()) {
			end, m = x.longest(i, s.EndToken())
			if m != nil && x.accept(m, si, i, end) {
				i = end
				continue
			}
		}
		if m == nil && t.Kind() == prose.Word && f&nearBoost != 0 {
			x.misspelledBooster(si, i, x.boosterOf[t.ID()])
		}
		i++
	}
	return x.out.slice()
}

// nextLook returns the first token of toks[i:] that may start a phrase
// or be a misspelled booster (see extractEstimates), or len(toks): one
// whose flags have a bit of lookNow, or of lookNext when the next token
// is a word of the trie or a number after no gap (mayMatch tests the
// rest). It calls nothing, so that its loop keeps its values in
// registers (in extractEstimates, whose rarer branches call, the compiler
// reloaded them for every token), and reads one table for each token:
// its flags tell a number too. flags is an idTable (see skipPlain).
//
//go:noinline
func nextLook(toks []prose.Token, flags []uint8, i int) int {
	_ = flags[0] // an idTable is not empty: m is its length less one
	m := uint(len(flags) - 1)
	// An index known not below 0 and, four tokens at a time, not past
	// len(toks)-4 needs no bounds check, nor the four a check of their
	// slice (an unsigned index compared with len(toks)-3 did).
	k, last := max(i, 0), len(toks)-4
	// Four tokens at a time, their flags ORed: most tokens are passed
	// over with one test and one branch per four. Where one of the four
	// has a bit, the flags already read decide, the next token's too.
	for ; k <= last; k += 4 {
		t := (*[4]prose.Token)(toks[k : k+4])
		f0, f1, f2, f3 := flags[uint(t[0].ID())&m], flags[uint(t[1].ID())&m], flags[uint(t[2].ID())&m], flags[uint(t[3].ID())&m]
		if (f0|f1|f2|f3)&(lookNow|lookNext) == 0 {
			continue
		}
		switch {
		case looks(f0, t[1], f1):
			return k
		case looks(f1, t[2], f2):
			return k + 1
		case looks(f2, t[3], f3):
			return k + 2
		case f3&(lookNow|lookNext) != 0:
			if k+4 == len(toks) {
				if f3&lookNow != 0 {
					return k + 3
				}
			} else if next := toks[k+4]; looks(f3, next, flags[uint(next.ID())&m]) {
				return k + 3
			}
		}
	}
	// The last few one at a time.
	for ; k < len(toks); k++ {
		f := flags[uint(toks[k].ID())&m]
		if f&lookNow != 0 {
			return k
		}
		if f&lookNext != 0 && k+1 < len(toks) {
			if next := toks[k+1]; looks(f, next, flags[uint(next.ID())&m]) {
				return k
			}
		}
	}
	return len(toks)
}

// looks reports whether nextLook stops at a token of flags f before
// token next of flags nf.
func looks(f uint8, next prose.Token, nf uint8) bool {
	return f&lookNow != 0 || f&lookNext != 0 && !next.Gap() && nf&(trieWord|number) != 0
}

// mayMatch reports whether longest(i, end) may find a phrase: false when
// no phrase starts with token i, or when every phrase that does has more
// words and none has the next token second (as for most uses of "to",
// "in" and numbers), where longest would find none: the call is saved.
func (x *extractor) mayMatch(i, end int) bool {
	toks := x.doc.Tokens
	n := x.root(&toks[i])
	if n == nil {
		return false
	}
	if n.m != 0 {
		return true
	}
	if i+1 >= end {
		return false
	}
	// The first step of longest: the next token, after no gap, a child of
	// the root, or a number where a number is. (The trie numbers its words
	// from 1: a token no word of it spells, 0, is no node's child.)
	next := &toks[i+1]
	if next.Gap() {
		return false
	}
	if w := x.words[next.ID()]; w != 0 && x.h.kid(n, w) != nil {
		return true
	}
	return next.Kind() == prose.Number && x.h.kid(n, x.h.numberWord) != nil
}

// root returns the trie node of the phrases that start with token t (nil:
// none), a number standing for any number.
func (x *extractor) root(t *prose.Token) *trieNode {
	n := x.h.rootKid(x.words[t.ID()])
	if n == nil && t.Kind() == prose.Number {
		n = x.h.rootKid(x.h.numberWord)
	}
	return n
}

// longest walks the trie from token i and returns the end of the longest
// phrase that matches there. Phrases never cross a gap (code, markup).
func (x *extractor) longest(i, end int) (int, *match) {
	toks := x.doc.Tokens
	n := x.root(&toks[i])
	if n == nil {
		return 0, nil
	}
	bestEnd, best := 0, x.h.match(n)
	if best != nil {
		bestEnd = i + 1
	}
	for j := i + 1; j < end; j++ {
		t := &toks[j]
		if t.Gap() {
			break
		}
		c := x.h.kid(n, x.words[t.ID()])
		if c == nil && t.Kind() == prose.Number {
			c = x.h.kid(n, x.h.numberWord)
		}
		if c == nil {
			break
		}
		n = c
		if n.m != 0 {
			bestEnd, best = j+1, x.h.match(n)
		}
	}
	return bestEnd, best
}

// word is the text of token i lower-case with straight apostrophes, or ""
// when it is no word.
func (x *extractor) word(i int) string {
	if i < 0 || i >= len(x.doc.Tokens) || x.doc.Tokens[i].Kind() != prose.Word {
		return ""
	}
	return x.key(x.doc.Tokens[i].ID())
}

// sentenceWord is the lower-case word at i when i lies inside sentence si.
func (x *extractor) sentenceWord(si, i int) string {
	s := x.doc.Sentences[si]
	if i < s.FirstToken() || i >= s.EndToken() {
		return ""
	}
	return x.word(i)
}

// accept turns a trie match at tokens [i, end) into an estimate, unless the
// context shows it is not estimative ("a certain person", "it is possible
// to reach", "more likely", "probable cause"). It reports whether it did.
func (x *extractor) accept(m *match, si, i, end int) bool {
	e := Estimate{Key: m.key, Percent: -1, Sentence: si, FirstToken: i, EndToken: end}
	next := x.sentenceWord(si, end)
	prev := x.sentenceWord(si, i-1)
	switch {
	case m.isPercent:
		if !x.percent(&e, &m.percent) {
			return false
		}
	case m.terms != noTerms:
		if !x.term(&e, m, prev, next) {
			return false
		}
	case m.isPhrase:
		e.Kind, e.Percent, e.Role = EstPhrase, m.phrase.percent, m.phrase.role
		x.place(&e)
	case m.isCue:
		if !x.cue(&e, &m.cue, si, prev, next) {
			return false
		}
	default:
		return false
	}
	x.emit(&e)
	return true
}

// place fills the band and term of a stated probability under the chosen
// yardstick.
func (x *extractor) place(e *Estimate) {
	if e.Percent < 0 {
		return
	}
	role := e.Role
	if role != "adj" && role != "adv" && role != "noun" {
		role = "adj"
	}
	t := x.y.Suggest(e.Percent, role)
	e.Band, e.Term = t.Band, t.Term
}

// comparatives make a band term relative ("more likely than X"), not a
// statement of probability.
var comparatives = map[string]bool{"more": true, "most": true, "less": true, "least": true, "as": true, "equally": true, "not": true, "never": true}

// remoteNouns are the nouns after which "remote" is a probability (ICD
// 203's "remote"), not a distance ("remote areas").
var remoteNouns = map[string]bool{"chance": true, "chances": true, "possibility": true, "possibilities": true, "likelihood": true, "probability": true, "prospect": true, "prospects": true}

func (x *extractor) term(e *Estimate, m *match, prev, next string) bool {
	if comparatives[prev] || m.key == "probable" && next == "cause" {
		return false
	}
	if m.key == "remote" {
		if !remoteNouns[next] {
			return false
		}
		e.EndToken++ // "remote possibility": the noun belongs to the term
	}
	if _, ok := m.term(x.y); !ok && strings.HasPrefix(m.key, "remote ") {
		// "remote chance" is PHIA's term, and ICD 203's "remote" before a noun.
		if t, ok := x.y.Term("remote"); ok {
			e.Kind, e.Band, e.Term, e.Row, e.Percent, e.Role = EstTerm, t.Band, t.Term, t.Row, t.Band.Mid(), "noun"
			return true
		}
	}
	if t, ok := m.term(x.y); ok {
		e.Kind, e.Band, e.Term, e.Row, e.Percent = EstTerm, t.Band, t.Term, t.Row, t.Band.Mid()
		e.Role = firstOf(t.roles)
		return true
	}
	// A term of another yardstick: take the first, in yardstick order.
	for _, yt := range yardstickTitles {
		t, ok := m.term(x.h.yardsticks[yt.name])
		if !ok {
			continue
		}
		e.Kind, e.From, e.Percent, e.Role = EstForeign, yt.name, t.Band.Mid(), firstOf(t.roles)
		x.place(e)
		return true
	}
	return false
}

func firstOf(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

// percent reads a numeric probability.
func (x *extractor) percent(e *Estimate, pp *percentPattern) bool {
	var nums []float64
	for j := e.FirstToken; j < e.EndToken; j++ {
		if x.doc.Tokens[j].Kind() != prose.Number {
			continue
		}
		v, ok := parseNumber(x.doc.TokenText(j))
		if !ok {
			return false
		}
		nums = append(nums, v)
	}
	if len(nums) == 0 {
		return false
	}
	v := nums[0]
	if pp.ratio {
		if len(nums) < 2 || nums[1] <= 0 || nums[0] > nums[1] {
			return false
		}
		v = 100 * nums[0] / nums[1]
	}
	if v < 0 || v > 100 {
		return false
	}
	e.Percent, e.Role = v, "adj"
	e.Kind = EstPercent
	if v == 100 || v == 0 || pp.hedged && (v >= 99 || v <= 1) {
		if x.negated(e.Sentence, e.FirstToken) || x.sentenceWord(e.Sentence, e.FirstToken-1) == "than" {
			return false // "less than 100 percent sure" is a doubt, not a certainty
		}
		e.Kind, e.Hedged = EstAbsolute, pp.hedged
		e.Role = "adj"
		t := x.y.TopTerm("adj")
		if v < 50 {
			t = x.y.BottomTerm("adj")
		}
		e.Band, e.Term = t.Band, t.Term
		return true
	}
	x.place(e)
	return true
}

// parseNumber reads 70, 2.5 or 1,200 at the start of a number token.
func parseNumber(s string) (float64, bool) {
	end := 0
	for end < len(s) && (s[end] >= '0' && s[end] <= '9' || s[end] == '.' || s[end] == ',') {
		end++
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(s[:end], ",", ""), 64)
	return v, err == nil
}

// negators before a booster turn it into its opposite ("no one knows for
// sure", "not definitely").
func (x *extractor) negated(si, i int) bool {
	s := x.doc.Sentences[si]
	for j := i - 1; j >= s.FirstToken() && j >= i-3; j-- {
		w := x.word(j)
		switch w {
		case "not", "never", "no", "cannot", "nobody", "hardly", "neither", "nor":
			return true
		}
		if strings.HasSuffix(w, "n't") {
			return true
		}
	}
	return false
}

// functionWords may follow "certain" when it means "sure" ("we know for
// certain that", "for certain the KGB had"); any other word makes it mean
// "particular" ("for certain reasons").
var functionWords = map[string]bool{
	"that": true, "whether": true, "if": true, "and": true, "but": true, "or": true, "yet": true, "so": true,
	"what": true, "who": true, "when": true, "why": true, "how": true, "which": true, "because": true,
	"the": true, "a": true, "an": true, "this": true, "these": true, "those": true, "he": true, "she": true,
	"it": true, "they": true, "we": true, "i": true, "you": true, "his": true, "her": true, "their": true,
	"its": true, "our": true, "about": true, "of": true, "now": true, "then": true, "either": true, "to": true,
	"is": true, "was": true, "be": true, "at": true, "in": true, "by": true, "from": true,
}

func (x *extractor) cue(e *Estimate, c *cue, si int, prev, next string) bool {
	e.Severity, e.Role = c.severity, c.note
	switch c.kind {
	case cueBooster:
		if x.negated(si, e.FirstToken) {
			return false
		}
		if strings.HasSuffix(e.Key, "certain") && next != "" && !functionWords[next] {
			return false // "for certain reasons": certain means particular
		}
		e.Kind, e.Percent = EstBooster, 100
		role := "adv"
		if e.Role == "adj" || e.Role == "clause" {
			role = "adj"
		}
		t := x.y.TopTerm(role)
		e.Band, e.Term = t.Band, t.Term
	case cueHedge:
		if (next == "to" || next == "for") && (strings.HasSuffix(e.Key, "possible") || strings.HasSuffix(e.Key, "have")) {
			return false // ability ("it is possible to reach") or obligation ("may have to")
		}
		if prev == "as" && strings.HasSuffix(e.Key, "well") {
			return false
		}
		e.Kind = EstHedge
	case cueStack:
		if x.question(si) {
			return false // "how could it possibly …?" is rhetoric, not a hedge
		}
		e.Kind = EstStack
	case cueFrame:
		switch {
		case e.Key == "to me" && !x.seemsBefore(si, e.FirstToken):
			return false
		case strings.HasPrefix(e.Key, "i ") && (next == "of" || next == "about" || next == "so"):
			return false // "I think of", "I feel about": not a judgement frame
		}
		e.Kind = EstFrame
	case cueConfidence:
		e.Kind = EstConfidence
	}
	return true
}

// question reports whether sentence si ends with a question mark.
func (x *extractor) question(si int) bool {
	s := x.doc.Sentences[si]
	for j := s.EndToken() - 1; j >= s.FirstToken(); j-- {
		t := x.doc.TokenText(j)
		if t == "?" {
			return true
		}
		if x.doc.Tokens[j].Kind() != prose.Punct || !strings.ContainsAny(t, "\"'’”)]") {
			return false
		}
	}
	return false
}

// seemsBefore reports whether a form of "seem" comes shortly before token i
// ("seems very likely to me").
func (x *extractor) seemsBefore(si, i int) bool {
	s := x.doc.Sentences[si]
	for j := i - 1; j >= s.FirstToken() && j >= i-5; j-- {
		switch x.word(j) {
		case "seem", "seems", "seemed", "seeming", "appears", "appear", "appeared", "looks", "look", "looked", "sounds":
			return true
		}
	}
	return false
}

// nearBooster returns the index of the booster a token text is one or two
// edits from (typos rarely touch the first two letters), or -1; key is the
// text lower-case. The dictionary has the last word (misspelledBooster).
func (h *hedging) nearBooster(text, w string) int {
	if len(text) < 7 || len(text) > 18 {
		return -1
	}
	// Cheap filters first: typos rarely touch the first two letters (the
	// boosters of eight letters or more that share w's are those of both
	// bits).
	best, bestD := -1, 3
	for m := h.boosterFirst[w[0]] & h.boosterSecond[w[1]]; m != 0; m &= m - 1 {
		bi := bits.TrailingZeros32(m)
		if d := boosterEdits(w, h.boosters[bi]); d < bestD {
			best, bestD = bi, d
		}
	}
	for _, bi := range h.boosterRest {
		if b := h.boosters[bi]; w[0] == b[0] && w[1] == b[1] {
			if d := boosterEdits(w, b); d < bestD {
				best, bestD = bi, d
			}
		}
	}
	return best
}

// boosterEdits returns the edits from w to booster b when they are within
// b's limit and w is not b, else 3 (more than any limit).
func boosterEdits(w, b string) int {
	limit := 1
	if len(b) >= 10 {
		limit = 2
	}
	// A booster this far off in length cannot be the word.
	if diff := len(w) - len(b); diff > limit || -diff > limit {
		return 3
	}
	if farLetters(w, b, limit) {
		return 3
	}
	if d := spell.Distance(w, b); d <= limit && d > 0 {
		return d
	}
	return 3
}

// farLetters reports whether ASCII words a and b cannot be within limit
// edits: every edit changes the letters of a word by at most one out and
// one in, so two words within limit edits differ in at most 2×limit
// letters, counted as multisets. It is false for non-ASCII words, which
// spell.Distance compares by rune.
func farLetters(a, b string, limit int) bool {
	var n [128]int8
	for i := 0; i < len(a); i++ {
		if a[i] >= utf8.RuneSelf {
			return false
		}
		n[a[i]]++
	}
	for i := 0; i < len(b); i++ {
		if b[i] >= utf8.RuneSelf {
			return false
		}
		n[b[i]]--
	}
	// The counts that are not zero are those of the bytes of a and b:
	// each is added once, and cleared.
	d := 0
	for _, s := range [2]string{a, b} {
		for i := 0; i < len(s); i++ {
			c := n[s[i]]
			if c < 0 {
				c = -c
			}
			d += int(c)
			n[s[i]] = 0
		}
	}
	return d > 2*limit
}

// misspelledBooster recognizes a booster the dictionary does not know but a
// booster is one or two edits away from ("unquestionally", "undoubtably"):
// bi is the booster nearBooster found for token i.
func (x *extractor) misspelledBooster(si, i, bi int) {
	best := x.h.boosters[bi]
	if x.negated(si, i) {
		return
	}
	if x.dict != nil && x.dict.Check(x.doc.TokenText(i)).Status == spell.Accepted {
		return
	}
	e := Estimate{Key: best, Kind: EstBooster, Percent: 100, Misspelled: best, Severity: Warning, Role: "adv", Sentence: si, FirstToken: i, EndToken: i + 1}
	m := x.h.match(x.h.rootKid(x.h.vocab[best]))
	if m != nil && m.isCue {
		e.Severity = m.cue.severity
	}
	tt := x.y.TopTerm("adv")
	e.Band, e.Term = tt.Band, tt.Term
	x.emit(&e)
}

// emit records an estimate, filling its span, quotation and attribution.
func (x *extractor) emit(e *Estimate) {
	e.Span = prose.Span{Start: x.doc.TokenStart(e.FirstToken), End: x.doc.TokenEnd(e.EndToken - 1)}
	e.Quoted = x.isQuoted(e.Sentence, e.FirstToken)
	e.Attributed = x.isAttributed(e.Sentence, e.FirstToken)
	x.out.add(*e)
}

// isQuoted reports whether token i of sentence si lies inside quotation
// marks or a block quote. Double quotes mark quotations; single quotes
// mark a quotation only after a reporting verb or a colon, since writers
// use them as scare quotes for their own words ("a ‘possibility not to be
// excluded’"). Quotes balance within a block, so only the block of the
// token is read: estimates come in order, so each block is read once, up
// to its last estimate.
func (x *extractor) isQuoted(si, i int) bool {
	bi := x.doc.Sentences[si].Block()
	b := &x.doc.Blocks[bi]
	if i < b.FirstToken() || i >= b.EndToken() {
		// Not in its sentence's block (never seen): find it the long way.
		for bj := range x.doc.Blocks {
			if b := &x.doc.Blocks[bj]; i >= b.FirstToken() && i < b.EndToken() {
				bi = bj
				break
			}
		}
		b = &x.doc.Blocks[bi]
		if i < b.FirstToken() || i >= b.EndToken() {
			return false
		}
	}
	if x.quotes.codes == nil {
		x.quotes.codes = mem.Table[uint8](x.doc.NumTypes())
	}
	return x.quotes.quoted(x.doc, bi, i)
}

// The quotation marks quoteCursor tells apart, by what they do; 0 is a type
// not yet looked at.
const (
	quoteNone uint8 = 1 + iota
	quoteOpenDouble
	quoteCloseDouble
	quoteStraightDouble
	quoteOpenSingle
	quoteCloseSingle
)

// quoteCode returns what the punctuation text does to a quotation.
func quoteCode(text string) uint8 {
	switch text {
	case "“", "«", "„":
		return quoteOpenDouble
	case "”", "»":
		return quoteCloseDouble
	case "\"":
		return quoteStraightDouble
	case "‘":
		return quoteOpenSingle
	case "’":
		return quoteCloseSingle
	}
	return quoteNone
}

// quoteCursor tells which tokens of a block lie inside a quotation
// (see isQuoted), reading the block's marks once for a series of tokens in
// order: the quotations open before a token decide.
type quoteCursor struct {
	block int // index + 1 of the block read (0: none)
	next  int // the first token of the block not read
	// The index of the open double and single marks, -1 when closed, and
	// whether the single one opened a quotation.
	double, single int
	singleSpeech   bool
	// codes holds quoteCode by Token.ID, filled in on first use, so that
	// a mark's text is read once per type, not at every comma.
	codes []uint8
}

// quoted reports whether token i of block bi lies inside a quotation.
// The tokens before it are read from where the last call left off, or
// from the block's start for another block or an earlier token.
func (c *quoteCursor) quoted(doc *prose.Document, bi, i int) bool {
	b := &doc.Blocks[bi]
	if b.InQuote() {
		return true
	}
	if c.block != bi+1 || i < c.next {
		c.block, c.next = bi+1, b.FirstToken()
		c.double, c.single, c.singleSpeech = -1, -1, false
	}
	for ; c.next < i; c.next++ {
		t := doc.Tokens[c.next]
		if t.Kind() != prose.Punct {
			continue
		}
		k := c.codes[t.ID()]
		if k == 0 {
			k = quoteCode(doc.TokenText(c.next))
			c.codes[t.ID()] = k
		}
		switch k {
		case quoteOpenDouble:
			c.double = c.next
		case quoteCloseDouble:
			c.double = -1
		case quoteStraightDouble:
			if c.double >= 0 {
				c.double = -1
			} else {
				c.double = c.next
			}
		case quoteOpenSingle:
			c.single = c.next
			c.singleSpeech = c.next > b.FirstToken() && introducesSpeech(doc, c.next-1)
		case quoteCloseSingle:
			c.single = -1
		}
	}
	// A punctuation token is never counted inside: only words and numbers.
	return doc.Tokens[i].Kind() != prose.Punct && (c.double >= 0 || c.single >= 0 && c.singleSpeech)
}

// introducesSpeech reports whether token i (just before an opening quote)
// introduces a quotation: a colon, or a reporting verb with or without a
// comma.
func introducesSpeech(doc *prose.Document, i int) bool {
	t := doc.TokenText(i)
	if t == ":" {
		return true
	}
	if t == "," && i > 0 {
		i--
	}
	w := strings.ToLower(doc.TokenText(i))
	return reportingPast[w] || reportingPresent[w]
}

// reportingPast are reporting verbs that mark what follows as someone
// else's words whatever comes next ("Kalugin alleged the operation …").
var reportingPast = map[string]bool{
	"said": true, "says": true, "saying": true, "told": true, "wrote": true, "claimed": true, "alleged": true, "argued": true,
	"asserted": true, "insisted": true, "testified": true, "recalled": true, "contended": true,
	"acknowledged": true, "admitted": true, "warned": true, "declared": true, "maintained": true,
	"stated": true, "reported": true, "explained": true, "added": true, "noted": true, "suggested": true,
	"concluded": true, "indicated": true, "believed": true, "thought": true, "asked": true, "replied": true,
	"responded": true, "announced": true, "predicted": true, "emphasized": true,
	"emphasised": true, //nolint:misspell // British spelling: drafts use it
	"stressed":   true, "conceded": true, "speculated": true, "posited": true, "estimated": true,
}

// reportingPresent are reporting verbs that double as nouns ("claims",
// "reports"): they mark speech only before "that", a colon or a quotation.
var reportingPresent = map[string]bool{
	"claims": true, "claim": true, "alleges": true, "allege": true, "argues": true, "argue": true,
	"asserts": true, "assert": true, "insists": true, "insist": true, "testifies": true, "recalls": true,
	"contends": true, "contend": true, "acknowledges": true, "admits": true, "warns": true, "warn": true,
	"declares": true, "maintains": true, "maintain": true, "states": true, "reports": true, "explains": true,
	"adds": true, "notes": true, "suggests": true, "suggest": true, "concludes": true, "indicates": true,
	"indicate": true, "believes": true, "believe": true, "thinks": true, "think": true, "points": true,
	"emphasises": true, //nolint:misspell // British spelling: drafts use it
	"emphasizes": true, "tells": true, "writes": true, "write": true, "say": true,
	"predicts": true, "posits": true, "speculates": true, "estimates": true, "estimate": true,
}

// isAttributed reports whether token i of sentence si reports someone
// else's words: after "X said (that)", anywhere in a sentence "according
// to X", or before a closing ", he said".
func (x *extractor) isAttributed(si, i int) bool {
	if x.speechSent != si {
		x.speechSent = si
		x.attrFrom, x.attrUntil = x.attribution(si)
	}
	return i >= x.attrFrom || i < x.attrUntil
}

// attribution returns the token from which sentence si is attributed (past
// its end when it is not) and the token before which it is (a closing
// "…, he said"; its start when there is none).
func (x *extractor) attribution(si int) (from, until int) {
	s := x.doc.Sentences[si]
	from, until = s.EndToken(), s.FirstToken()
	if x.verbs == nil {
		x.verbs = mem.Table[uint8](x.doc.NumTypes())
	}
	for j := s.FirstToken(); j < s.EndToken(); j++ {
		// Most words are neither "according" nor a reporting verb: their
		// type's facts pass over them without their text.
		t := x.doc.Tokens[j]
		if t.Kind() != prose.Word {
			continue
		}
		v := x.verbFacts(t.ID())
		if v&(verbPast|verbPresent|verbAccording) == 0 {
			continue
		}
		w := x.key(t.ID())
		if v&verbAccording != 0 && x.sentenceWord(si, j+1) == "to" {
			return s.FirstToken(), s.FirstToken()
		}
		past, present := v&verbPast != 0, v&verbPresent != 0
		if !past && !present {
			continue
		}
		if firstPerson(x, si, j) || inferenceVerbs[w] && x.inanimateSubject(si, j) {
			continue
		}
		if tail := s.EndToken() - j; tail <= 4 && x.commaBefore(si, j) {
			return s.EndToken(), j // "…, he said."
		}
		next := x.sentenceWord(si, j+1)
		if w == "points" && next == "out" {
			next = x.sentenceWord(si, j+2)
		}
		if present && next != "that" && !speechMark(x.doc, si, j+1) {
			continue
		}
		if past && !x.verbal(si, j) {
			continue
		}
		return j + 1, s.FirstToken()
	}
	return from, until
}

// Attribution facts about a token text (extractor.verbs).
const (
	verbKnown     uint8 = 1 << iota
	verbPast            // a reporting verb (reportingPast)
	verbPresent         // a reporting verb (reportingPresent)
	verbAccording       // "according" (before "to", an attribution)
)

// verbFacts returns the attribution facts of the word type id, looking
// each text up once per document (x.verbs is made).
func (x *extractor) verbFacts(id uint32) uint8 {
	if v := x.verbs[id]; v != 0 {
		return v
	}
	return x.learnVerb(id)
}

// learnVerb works out and records verbFacts for id.
func (x *extractor) learnVerb(id uint32) uint8 {
	w := x.key(id)
	v := verbKnown
	if reportingPast[w] {
		v |= verbPast
	}
	if reportingPresent[w] {
		v |= verbPresent
	}
	if w == "according" {
		v |= verbAccording
	}
	x.verbs[id] = v
	return v
}

// inferenceVerbs report speech with a speaker for a subject ("Harding
// suggests that") but the author's own inference with an inanimate one
// ("this suggests that").
var inferenceVerbs = map[string]bool{
	"suggests": true, "suggested": true, "suggest": true, "indicates": true, "indicated": true, "indicate": true,
	"notes": true, "noted": true, "concludes": true, "concluded": true, "estimates": true, "estimated": true,
	"points": true, "states": true, "stated": true, "reports": true, "reported": true, "means": true,
}

// inanimateSubject reports whether the word before verb j (skipping
// adverbs) is a pronoun standing for a fact, not a speaker.
func (x *extractor) inanimateSubject(si, j int) bool {
	s := x.doc.Sentences[si]
	for k := j - 1; k >= s.FirstToken() && k >= j-3; k-- {
		w := x.word(k)
		if strings.HasSuffix(w, "ly") || w == "also" || w == "strongly" {
			continue
		}
		switch w {
		case "this", "that", "it", "which", "these", "those", "what", "evidence", "data":
			return true
		}
		return false
	}
	return false
}

// firstPerson reports whether the reporting verb at j has "I" or "we" as
// its subject (skipping adverbs): the author's own words.
func firstPerson(x *extractor, si, j int) bool {
	s := x.doc.Sentences[si]
	for k := j - 1; k >= s.FirstToken() && k >= j-3; k-- {
		w := x.word(k)
		switch {
		case w == "i" || w == "we":
			return true
		case strings.HasSuffix(w, "ly") || w == "also" || w == "then" || w == "would" || w == "have" || w == "had" || w == "once" || w == "now":
			continue
		}
		return false
	}
	return false
}

// verbal reports whether a past form at j is a verb rather than an
// adjective after a determiner ("the reported attack").
func (x *extractor) verbal(si, j int) bool {
	switch x.sentenceWord(si, j-1) {
	case "the", "a", "an", "this", "that", "its", "their", "his", "her":
		return false
	}
	return true
}

// commaBefore reports whether a comma or closing quote comes within three
// tokens before j.
func (x *extractor) commaBefore(si, j int) bool {
	s := x.doc.Sentences[si]
	for k := j - 1; k >= s.FirstToken() && k >= j-3; k-- {
		switch x.doc.TokenText(k) {
		case ",", "”", "\"", "’":
			return true
		}
	}
	return false
}

func speechMark(doc *prose.Document, si, j int) bool {
	s := doc.Sentences[si]
	if j >= s.EndToken() {
		return false
	}
	switch doc.TokenText(j) {
	case ":", ",", "“", "\"", "‘":
		return true
	}
	return false
}

// matchCase gives repl the capitalisation of the text it replaces: Title
// Case when every word of src is capitalised ("We Know for Certain" →
// "It Is Almost Certain"), a capital first letter when src has one.
func matchCase(src, repl string) string {
	words := strings.Fields(src)
	if len(words) == 0 || repl == "" {
		return repl
	}
	upperStart := func(s string) bool {
		r, _ := utf8.DecodeRuneInString(s)
		return unicode.IsUpper(r)
	}
	if !upperStart(words[0]) {
		return repl
	}
	title := len(words) > 1
	for _, w := range words[1:] {
		if !upperStart(w) && !minorWords[strings.ToLower(w)] {
			title = false
		}
	}
	if !title {
		return capitalize(repl)
	}
	rw := strings.Fields(repl)
	for i, w := range rw {
		if i == 0 || !minorWords[w] {
			rw[i] = capitalize(w)
		}
	}
	return strings.Join(rw, " ")
}

// minorWords stay lower case inside a title.
var minorWords = map[string]bool{"a": true, "an": true, "the": true, "for": true, "of": true, "to": true, "in": true, "on": true, "and": true, "or": true, "but": true, "at": true, "by": true}
