package rules

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/edlint/edlint/internal/mem"
	"github.com/edlint/edlint/internal/prose"
	"github.com/edlint/edlint/internal/spell"
)

type compoundStyle struct{}

// CompoundStyle reports a compound written both closed and hyphenated in
// one draft: longterm beside long-term, e-mail beside email.
func CompoundStyle() Rule { return compoundStyle{} }

func (compoundStyle) Meta() Meta {
	return Meta{
		Name:     "compound-style",
		Category: Consistency,
		Severity: Warning,
		Reads:    []string{factCompoundVerdicts},
		Summary:  "a compound written both closed and hyphenated (longterm, long-term)",
		Doc: "Compounds drift between open, hyphenated and closed forms (`e-mail`/`email`, " +
			"`co-operation`/`cooperation`), and a draft should settle on one. When the draft (or a file " +
			"checked with it) writes a compound both closed and hyphenated, the rule reports the form it " +
			"uses less, once, with the number of uses, and suggests the other. A closed form no dictionary " +
			"knows (`longterm`) is always the one reported when the hyphenated form appears, and the " +
			"spelling rules leave it to this rule. Open forms (`long term`) are not compared: a noun " +
			"phrase is open where the adjective is hyphenated (`in the long term`, `a long-term plan`). " +
			"Pairs that are different words (`re-sign`/`resign`, `co-op`/`coop`) are left alone.",
		Before: "Their value was a longterm proposition, a long-term bet.\n",
		After:  "Their value was a long-term proposition, a long-term bet.\n",
	}
}

// compoundFacts are a document's hyphenated compounds and the closed
// forms of the same letters, keyed by the lower-case letters.
//
// (The facts are kept through the rest of the run, and a 20 MB draft has
// thousands of keys, so the collection cycles after the judgement scan
// the maps. Laid out instead in pointer-free arrays, the keys in one
// string and each key's spans side by side in one array, they cost the
// collector 1.4M instructions less on that draft, the run as a whole
// 0.1M: not kept. Built beside the maps from their lists, the arrays'
// extra garbage cost one collection cycle more, +16M.)
type compoundFacts struct {
	hyphen map[string][]prose.Span
	closed map[string][]prose.Span
}

// compounds gathers the hyphenated words of doc (two or more parts, all
// letters) and the words that spell one of them closed, from the types
// classifyCompounds chose. The uses are gathered by the key numbers it
// gave, and keyed by text at the end.
func compounds(doc *prose.Document, x *tokenIndex) compoundFacts {
	f := compoundFacts{hyphen: map[string][]prose.Span{}, closed: map[string][]prose.Span{}}
	hyphenUses, closedUses := x.list(clsHyphenWord), x.list(clsClosed)
	keys := x.compoundKeys
	if len(keys) == 0 || len(hyphenUses) == 0 && len(closedUses) == 0 {
		return f
	}
	keyOf := mem.Table[int32](doc.NumTypes()) // key number + 1 by Token.ID; 0: no key
	for _, t := range x.compoundTypes {
		keyOf[t.id] = t.key + 1
	}
	hyphen := groupSpans(doc, hyphenUses, keyOf, len(keys))
	// Every clsClosed type got its key when it was marked.
	closed := groupSpans(doc, closedUses, keyOf, len(keys))
	// The maps are sized once, not grown by rehashing (a 20 MB draft has
	// thousands of keys).
	f.hyphen, f.closed = make(map[string][]prose.Span, nonEmpty(hyphen)), make(map[string][]prose.Span, nonEmpty(closed))
	for k, spans := range hyphen {
		if len(spans) > 0 {
			f.hyphen[keys[k]] = spans
		}
	}
	for k, spans := range closed {
		if len(spans) > 0 {
			f.closed[keys[k]] = spans
		}
	}
	return f
}

// nonEmpty counts the lists of spans that are not empty.
func nonEmpty(lists [][]prose.Span) int {
	n := 0
	for _, l := range lists {
		if len(l) > 0 {
			n++
		}
	}
	return n
}

// groupSpans returns the spans of the tokens uses, by key number (keyOf
// holds 1 + the number by Token.ID, 0 for none): counted first, then laid
// out in one array, a key's spans side by side.
func groupSpans(doc *prose.Document, uses []int32, keyOf []int32, keys int) [][]prose.Span {
	sizes := make([]int32, keys)
	n := 0
	for _, i := range uses {
		if k := keyOf[doc.Tokens[i].ID()] - 1; k >= 0 {
			sizes[k]++
			n++
		}
	}
	out := carve[prose.Span](sizes, n)
	if n == 0 {
		return out
	}
	for _, i := range uses {
		if k := keyOf[doc.Tokens[i].ID()] - 1; k >= 0 {
			out[k] = append(out[k], doc.TokenSpan(int(i)))
		}
	}
	return out
}

// compoundType is a type of clsHyphenWord or clsClosed with the number of
// its compound's key in tokenIndex.compoundKeys.
type compoundType struct {
	id  uint32
	key int32
}

// classifyCompounds numbers the key of each hyphenated word type of d
// that is a compound, and marks clsClosed the word types that spell one
// of those keys closed, before the index walks the tokens.
//
// The types and their keys are listed in slices, and the keys numbered
// in one map made at its size: a map by type ID and a set of the keys,
// each grown from empty, cost some 10M instructions in rehashing over
// the 205 files of the split corpus, and compounds numbered the keys
// again in a map of its own.
func classifyCompounds(d *prose.Document, x *tokenIndex, refs *textRefs) {
	var found []compoundType // key: index in keys
	var keys []string
	for id := nextOfClass(x.class, 0, clsHyphenWord); id < len(x.class); id = nextOfClass(x.class, id+1, clsHyphenWord) {
		if key, ok := compoundKey(d.Type(uint32(id)), d.Type(d.Lower(uint32(id)))); ok {
			found = append(found, compoundType{uint32(id), int32(len(keys))})
			keys = append(keys, key)
		}
	}
	if len(found) == 0 {
		return
	}
	var filter wordFilter
	num := make(map[string]int32, len(keys))
	for i := range found {
		key := keys[found[i].key]
		k, ok := num[key]
		if !ok {
			k = int32(len(x.compoundKeys))
			num[key] = k
			x.compoundKeys = append(x.compoundKeys, key)
			filter.add(key)
		}
		found[i].key = k
	}
	x.compoundTypes = found
	// A word type that spells a key closed (its lower-case form is the
	// key) and is lower case or capitalised: the types the run's memo
	// names as such a spelling, with those it could not name, or every
	// type.
	mark := func(id int) {
		text := d.Type(uint32(id))
		if x.class[id]&clsWord == 0 || !filter.mayHave(text) || !lowerOrTitle(text) {
			return // acronyms (BEA beside Be-a) and mixed case are not compounds
		}
		// (A text with a hyphen or an apostrophe has them in its
		// lower-case form, which no key, all letters, is.)
		if k, ok := num[d.Type(d.Lower(uint32(id)))]; ok { // strings.ToLower(text)
			x.class[id] |= clsClosed
			x.compoundTypes = append(x.compoundTypes, compoundType{uint32(id), k})
		}
	}
	if spellings := closedSpellings(refs, x.compoundKeys); spellings != nil {
		set := &spellings.has
		for id, r := range refs.ref {
			if set[r] {
				mark(id)
			}
		}
		spellings.put()
		return
	}
	for id := nextOfClass(x.class, 0, clsWord); id < len(x.class); id = nextOfClass(x.class, id+1, clsWord) {
		mark(id)
	}
}

// nextOfClass returns the first type from id whose class (in class, by
// type) has a bit of c, or len(class). It calls nothing, so that its loop
// keeps its values in registers: the loop over the types for their
// hyphenated words, with its calls and appends in its body, cost some
// seven instructions a type.
//
//go:noinline
func nextOfClass(class []uint32, id int, c uint32) int {
	// Four types at a time, their classes or-ed: most have none of c.
	for ; id+4 <= len(class); id += 4 {
		q := (*[4]uint32)(class[id : id+4])
		if (q[0]|q[1]|q[2]|q[3])&c != 0 {
			break
		}
	}
	for ; id < len(class); id++ {
		if class[id]&c != 0 {
			return id
		}
	}
	return len(class)
}

// closedSpellings returns, as a set of bits by textRefs.ref, the texts of
// the run's memo that may spell one of keys closed, with bit 0 (a type
// the memo could not name) set; or nil, when refs is nil or a key is
// outside ASCII. classifyCompounds then tests only those types, where it
// read the text of every word type, some thirty instructions a type (27M
// over the 205 files of the split corpus): the few texts are looked up,
// and each type's ref tested. A closed spelling of an ASCII key is lower
// case or capitalised: its first letter the key's, in either case, or
// one of the two letters outside ASCII that strings.ToLower maps to an
// ASCII letter (K, the Kelvin sign, and İ), the rest the key's
// (TestClosedSpellings).
func closedSpellings(refs *textRefs, keys []string) *refSet {
	if refs == nil || refs.ref == nil {
		return nil
	}
	for _, key := range keys {
		if !isLowerASCII(key) {
			return nil
		}
	}
	set := refSets.Get().(*refSet)
	set.add(0)
	w := refs.memo
	w.mu.RLock()
	defer w.mu.RUnlock()
	var buf [80]byte
	look := func(first string, rest string) {
		if len(first)+len(rest) > len(buf) {
			return // longer than any word the filter passes
		}
		n := copy(buf[:], first)
		n += copy(buf[n:], rest)
		t := unsafe.String(&buf[0], n)
		if k := w.find(t, memoHash(t)); k >= 0 && k < maxRef {
			set.add(k + 1)
		}
	}
	for _, key := range keys {
		c, rest := key[0], key[1:]
		look(key[:1], rest)
		look(string(rune(c-'a'+'A')), rest)
		switch c {
		case 'k':
			look("\u212A", rest)
		case 'i':
			look("\u0130", rest)
		}
	}
	return set
}

// refSet is a set of textRefs.ref values, a byte each, with the values it
// holds: put clears those alone. (A bit each cost the test of a type's
// ref some three instructions more: 2.6M over the 205 files of the split
// corpus. Made for each document and zeroed whole, the set cost more
// than the loop it spares on documents of a kilobyte: 1M on tiny/.)
type refSet struct {
	has  [maxRef + 1]bool
	used []uint16
}

var refSets = sync.Pool{New: func() any { return new(refSet) }}

func (s *refSet) add(r int) {
	if !s.has[r] {
		s.has[r] = true
		s.used = append(s.used, uint16(r))
	}
}

// put clears s and returns it to refSets.
func (s *refSet) put() {
	for _, r := range s.used {
		s.has[r] = false
	}
	s.used = s.used[:0]
	refSets.Put(s)
}

// compoundKey returns the lower-case letters of a hyphenated word (whose
// lower-case form is lower) whose parts are all letters, the first not a
// prefix that changes the meaning when closed up (re-sign, un-ionized).
func compoundKey(text, lower string) (string, bool) {
	if key, ok, done := compoundKeyASCII(text, lower); done {
		return key, ok
	}
	return compoundKeyRunes(text, lower)
}

// compoundKeyRunes is compoundKey for any text.
func compoundKeyRunes(text, lower string) (string, bool) {
	first, _, ok := strings.Cut(text, "-")
	if !ok {
		return "", false
	}
	for i, rest := 0, text; ; i++ {
		part, after, more := strings.Cut(rest, "-")
		if part == "" {
			return "", false
		}
		n := 0
		for j, r := range part {
			if !unicode.IsLetter(r) {
				return "", false
			}
			// A capital after the first part is a proper name's own
			// spelling (Anti-Terrorism Office, North-West Frontier).
			if i > 0 && j == 0 && unicode.IsUpper(r) {
				return "", false
			}
			n++
		}
		// One letter is a part only as a lower-case first part (e-mail,
		// x-ray), not in labels such as I-D.
		if n == 1 && (i > 0 || !unicode.IsLower(rune(part[0]))) {
			return "", false
		}
		if !more {
			break
		}
		rest = after
	}
	if first = strings.ToLower(first); first == "re" || first == "un" {
		return "", false
	}
	// The parts joined, in lower case: lowering maps each code point on
	// its own, so it is the lower-case form without its hyphens.
	key := strings.ReplaceAll(lower, "-", "")
	switch key {
	case "coop", "multiply", "recreation", "recover", "resign", "reform", "unionized":
		return "", false
	}
	return key, true
}

// compoundKeyASCII is compoundKey for an ASCII text, read a byte at a
// time, with the key built in one allocation: done is false, and the
// rest is compoundKey's to read, at a byte outside ASCII before a part
// is found wanting. (compoundKey's cuts, Unicode tests, ToLower and
// ReplaceAll cost some 1,000 instructions a hyphenated type, 16M over
// the 205 files of the split corpus.)
func compoundKeyASCII(text, lower string) (key string, ok, done bool) {
	// A lower-case letter, most bytes, costs one test.
	start, part := 0, 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c-'a' < 26 {
			continue
		}
		switch {
		case c == '-':
			if !partASCII(text, start, i, part) {
				return "", false, true
			}
			part++
			start = i + 1
		case c >= 0x80:
			return "", false, false
		case c-'A' < 26:
			if part > 0 && i == start {
				return "", false, true // a capital after the first part
			}
		default:
			return "", false, true // not a letter
		}
	}
	if !partASCII(text, start, len(text), part) {
		return "", false, true
	}
	if part == 0 || len(lower) != len(text) {
		return "", false, false // (no hyphen; or not ASCII lower-casing)
	}
	kb := make([]byte, len(lower)-part)
	j := 0
	for i := 0; i < len(lower); i++ {
		if c := lower[i]; c != '-' {
			kb[j] = c
			j++
		}
	}
	key = unsafe.String(unsafe.SliceData(kb), len(kb))
	switch key {
	case "coop", "multiply", "recreation", "recover", "resign", "reform", "unionized":
		return "", false, true
	}
	return key, true, true
}

// partASCII reports whether text[start:end], letters, is a part of a
// compound as the part-th (from 0): not empty; of one letter only as a
// lower-case first part (e-mail, x-ray; not I-D); not a first part that
// changes the meaning when closed up (re-sign, un-ionized).
func partASCII(text string, start, end, part int) bool {
	switch n := end - start; {
	case n == 0:
		return false
	case n == 1:
		return part == 0 && text[start] >= 'a'
	case part == 0 && n == 2:
		w := uint16(text[0]|0x20)<<8 | uint16(text[1]|0x20)
		return w != 'r'<<8|'e' && w != 'u'<<8|'n'
	}
	return true
}

func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || c >= 'A' && c <= 'Z' {
			return false
		}
	}
	return true
}

// compoundUse is one form of a compound in the set of documents.
type compoundUse struct {
	doc  *prose.Document
	span prose.Span
}

// compoundVerdict is what the rule decided about one compound: which
// form is reported, and the form to suggest.
type compoundVerdict struct {
	key            string
	reportClosed   bool
	closed, hyphen []compoundUse
}

// judgeCompounds decides every compound of the set once: the closed form
// is reported when no dictionary knows it or when the draft uses it
// less; the hyphenated form when the draft uses it less or as often.
func judgeCompounds(p *Pass) []compoundVerdict {
	all := gather(p, factCompounds, func(d *prose.Document) compoundFacts { return compounds(d, tokenIndexOf(p, d)) })
	closed := map[string][]compoundUse{}
	hyphen := map[string][]compoundUse{}
	for _, df := range all {
		for k, spans := range df.facts.closed {
			c := slices.Grow(closed[k], len(spans))
			for _, s := range spans {
				c = append(c, compoundUse{df.doc, s})
			}
			closed[k] = c
		}
	}
	if len(closed) == 0 {
		return nil
	}
	for _, df := range all {
		for k, spans := range df.facts.hyphen {
			if len(closed[k]) == 0 {
				continue
			}
			h := slices.Grow(hyphen[k], len(spans))
			for _, s := range spans {
				h = append(h, compoundUse{df.doc, s})
			}
			hyphen[k] = h
		}
	}
	keys := make([]string, 0, len(closed))
	for k := range closed {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []compoundVerdict
	for _, k := range keys {
		c, h := closed[k], hyphen[k]
		if len(h) == 0 {
			continue
		}
		// The hyphenated form must be a compound of words: a word broken
		// at a line end (appro-priateness) or two words run together
		// around a hyphen (of-the, Policy-and) is the spelling rules'.
		hw := h[0].doc.Slice(h[0].span)
		if !compoundOfWords(p, hw) || functionEnds(hw) {
			continue
		}
		// A closed form no dictionary knows is the slip (longterm), unless
		// it is built like a closed compound that house styles choose
		// (nonfederal, governmentwide, bioterrorism): then, as for two
		// known forms, the form the draft uses less is reported.
		known := p.Dict.Check(k).Status == spell.Accepted || closedByRule(hw)
		reportClosed := !known || len(c) < len(h) || len(c) == len(h) && p.Dict.Check(k).Status != spell.Accepted
		out = append(out, compoundVerdict{key: k, reportClosed: reportClosed, closed: c, hyphen: h})
	}
	return out
}

// ownedCompounds returns the closed forms (lower case) that compound-style
// reports because no dictionary knows them, so that the spelling rules
// leave them alone.
func ownedCompounds(p *Pass) map[string]bool {
	return p.Memo(factOwnedCompounds, func() any {
		if !p.Enabled("compound-style") {
			return map[string]bool{}
		}
		return compoundVerdicts(p).owned
	}).(map[string]bool)
}

func (compoundStyle) Check(p *Pass) {
	set := compoundVerdicts(p)
	for _, sh := range set.mine[p.Doc] {
		v := &set.verdicts[sh.verdict]
		report, other := v.hyphen, v.closed
		if v.reportClosed {
			report, other = v.closed, v.hyphen
		}
		mineUses := sh.uses
		first := mineUses[0]
		text := p.Doc.Slice(first)
		want := set.want[sh.verdict]
		if isLowerASCII(text) {
			want = strings.ToLower(want)
		} else {
			want = matchInitialCase(want, text)
		}
		// (quote and +, not fmt.Sprintf: a long draft has a thousand.)
		msg := quote(text) + " is written " + quote(want) + " elsewhere in the draft (" + times(len(other)) + " against " + times(len(report)) + "); use one form"
		if v.reportClosed && len(report) >= len(other) {
			msg = quote(text) + " is written " + quote(want) + " elsewhere in the draft (" + times(len(other)) + "), which the dictionary knows; use one form"
		}
		f := Finding{Span: first, Message: msg, Suggestions: []string{want}}
		f.Related = append(f.Related, relatedIn(p, other[0].doc, other[0].span, "written "+quote(want)+" here"))
		for i, s := range mineUses[1:] {
			if i >= 20 {
				break
			}
			f.Related = append(f.Related, Related{Span: s, Message: quote(p.Doc.Slice(s)) + " again"})
		}
		p.Report(f)
	}
}

// matchInitialCase gives want the capitalisation of typed's first letter
// (a sentence-initial "Longterm" wants "Long-term").
func matchInitialCase(want, typed string) string {
	if typed == "" || want == "" {
		return want
	}
	tr := []rune(typed)
	wr := []rune(want)
	if unicode.IsUpper(tr[0]) && unicode.IsLower(wr[0]) {
		wr[0] = unicode.ToUpper(wr[0])
	} else if unicode.IsLower(tr[0]) && unicode.IsUpper(wr[0]) && (len(wr) < 2 || unicode.IsLower(wr[1])) {
		wr[0] = unicode.ToLower(wr[0])
	}
	return string(wr)
}

// lowerOrTitle reports whether w is lower case or capitalised with the
// rest lower case.
func lowerOrTitle(w string) bool {
	// ASCII after the first byte (most words) is read a byte at a time,
	// without decoding runes or the Unicode tables.
	for i := 1; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return lowerOrTitleRunes(w)
		}
		if c >= 'A' && c <= 'Z' {
			return false
		}
	}
	return true
}

// lowerOrTitleRunes is lowerOrTitle for any w.
func lowerOrTitleRunes(w string) bool {
	for i, r := range w {
		if i > 0 && unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// functionEnds reports whether a hyphenated form starts or ends with a
// function word: two words run together, not a compound.
func functionEnds(w string) bool {
	parts := strings.Split(strings.ToLower(w), "-")
	switch parts[len(parts)-1] {
	case "a", "an", "the", "and", "or", "of", "to", "in", "for", "by", "with", "is":
		return true
	}
	switch parts[0] {
	case "the", "and", "or", "of", "a", "an", "is":
		return true
	}
	return false
}

// commonForm returns the most used spelling among uses, the first on a
// tie; lower-case spellings count double, so that a heading's
// "User-Friendly" does not beat the text's "user-friendly".
//
// A compound has a few spellings (its cases, hyphenated or closed): they
// are counted in a short list, searched in order, until it grows past
// formListMax, then in a map. The map alone cost three lookups a use
// (6,708 uses of 173 compounds on the 20 MB corpus: 3.7M instructions).
func commonForm(uses []compoundUse) string {
	type tally struct {
		w string
		n int
	}
	var list []tally
	var count map[string]int
	best, bestN := "", 0
	for _, u := range uses {
		w := u.doc.Slice(u.span)
		n := 1
		if isLowerASCII(w) {
			n = 2
		}
		if count == nil {
			k := 0
			for k < len(list) && list[k].w != w {
				k++
			}
			if k < len(list) {
				list[k].n += n
				n = list[k].n
			} else if len(list) < formListMax {
				list = append(list, tally{w, n})
			} else {
				count = make(map[string]int, 2*len(list))
				for _, t := range list {
					count[t.w] = t.n
				}
			}
		}
		if count != nil {
			n += count[w]
			count[w] = n
		}
		if n > bestN {
			best, bestN = w, n
		}
	}
	return best
}

// formListMax is how many spellings commonForm counts in its list.
const formListMax = 8

// compoundOfWords reports whether the dictionary accepts a hyphenated
// form, or its part after a one-letter prefix (e-mail, x-ray).
func compoundOfWords(p *Pass, w string) bool {
	if p.Dict.Check(w).Status == spell.Accepted {
		return true
	}
	first, rest, _ := strings.Cut(w, "-")
	return len(first) == 1 && p.Dict.Check(rest).Status == spell.Accepted
}

// compoundSet is judgeCompounds' verdicts on a set of documents, with what
// each document's pass reads of them, found once for the set (by each
// pass, it took time quadratic in the number of documents).
type compoundSet struct {
	verdicts []compoundVerdict
	// want is each verdict's suggestion: the common spelling of the form
	// not reported (commonForm).
	want []string
	// mine lists, by document, the verdicts that report some of its uses,
	// in order, with those uses.
	mine map[*prose.Document][]compoundShare
	// owned are the closed forms (lower case) reported because no
	// dictionary knows them (see ownedCompounds).
	owned map[string]bool
}

// compoundShare is one verdict's reported uses in one document.
type compoundShare struct {
	verdict int
	uses    []prose.Span
}

// compoundVerdicts returns judgeCompounds' verdicts, decided once for the
// set of documents.
func compoundVerdicts(p *Pass) *compoundSet {
	return setMemo(p, factCompoundVerdicts, func() any {
		set := &compoundSet{verdicts: judgeCompounds(p), mine: map[*prose.Document][]compoundShare{}, owned: map[string]bool{}}
		set.want = make([]string, len(set.verdicts))
		for i := range set.verdicts {
			v := &set.verdicts[i]
			report, other := v.hyphen, v.closed
			if v.reportClosed {
				report, other = v.closed, v.hyphen
				if p.Dict.Check(v.key).Status != spell.Accepted {
					set.owned[v.key] = true
				}
			}
			set.want[i] = commonForm(other)
			for _, u := range report {
				shares := set.mine[u.doc]
				if n := len(shares); n > 0 && shares[n-1].verdict == i {
					shares[n-1].uses = append(shares[n-1].uses, u.span)
					continue
				}
				set.mine[u.doc] = append(shares, compoundShare{i, []prose.Span{u.span}})
			}
		}
		return set
	}).(*compoundSet)
}

// closedByRule reports whether a hyphenated compound is one that house
// styles also close up: a prefix before the hyphen (non-federal,
// co-operation, bio-terrorism) or -wide after it (government-wide).
func closedByRule(hyphenated string) bool {
	parts := strings.Split(strings.ToLower(hyphenated), "-")
	if len(parts) != 2 {
		return false
	}
	if parts[1] == "wide" {
		return true
	}
	switch parts[0] {
	case "non", "co", "pre", "post", "anti", "multi", "inter", "intra", "sub", "semi", "bio", "micro",
		"macro", "mid", "over", "under", "counter", "cyber", "geo", "socio", "trans", "ultra":
		return true
	}
	return false
}
