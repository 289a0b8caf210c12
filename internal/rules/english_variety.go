package rules

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/edlint/edlint/internal/mem"
	"github.com/edlint/edlint/internal/prose"
)

// Variety sides.
const (
	sideUS  = iota // color, defense, analyze
	sideUK         // colour, defence, analyse
	sideIZE        // organize: American, and British in Oxford spelling
	sideISE        // organise: British only
)

var sideNames = []string{"American", "British", "-ize", "-ise"}

type englishVariety struct{}

// EnglishVariety reports American and British spellings mixed in one
// draft, or the spellings of the variety the project did not choose.
func EnglishVariety() Rule { return englishVariety{} }

func (englishVariety) Meta() Meta {
	return Meta{
		Name:     "english-variety",
		Category: Consistency,
		Severity: Warning,
		Reads:    []string{factVariety, factVarietyCounts},
		Summary:  "spellings of both American and British English in one draft",
		Doc: "A draft should keep to one variety of English: `defense` and `colour` in one text is a slip. " +
			"The rule knows the American and British forms of some 3,500 words (SCOWL's variant lists, " +
			"dict/en-variants.txt) and counts each variety in the draft; each spelling of the minority " +
			"variety is reported once, at its first use, with a count and the other form as suggestion. " +
			"`-ize` and `-ise` are counted apart, because Oxford spelling is British with `-ize`. With " +
			"Options.Variety set to \"en-US\" every British spelling (and every `-ise`) is reported, with a " +
			"safe fix; with \"en-GB\" every American spelling is (but `-ize` is accepted). Capitalised " +
			"words inside a sentence are names and keep their spelling (Labour Party, Department of " +
			"Defense); spellings that American text uses too (dialogue, catalogue) do not count.",
		Before: "The defense budget grew. Its defense was the colour of the threat; defense won.\n",
		After:  "The defense budget grew. Its defense was the color of the threat; defense won.\n",
	}
}

// varietyTable maps a lower-case spelling to its side and its other form.
type varietyEntry struct {
	side  uint8
	other string
}

// wordFilter is a quick, allocation-free test that rules out most words
// before a map lookup: a set of (length, first two letters) keys.
type wordFilter [64 * 32 * 32 / 64]uint64

func filterKey(w string) (int, bool) {
	if len(w) < 2 || len(w) >= 64 {
		return 0, false
	}
	a, b := w[0]|0x20, w[1]|0x20 // ASCII lower case; other bytes fold somewhere harmless
	return len(w)<<10 | int(a&31)<<5 | int(b&31), true
}

func (f *wordFilter) add(w string) {
	if k, ok := filterKey(w); ok {
		f[k/64] |= 1 << (k % 64)
	}
}

// mayHave reports whether w may have been added; false means surely not.
func (f *wordFilter) mayHave(w string) bool {
	k, ok := filterKey(w)
	return ok && f[k/64]&(1<<(k%64)) != 0
}

// stringBloom is a Bloom filter of strings: a quick test, in a few
// kilobytes that stay in cache, that rules out almost every word that is
// not in a set before the set's map is read.
type stringBloom struct {
	bits [1 << 11]uint64 // 2^17 bits
}

func newStringBloom() *stringBloom { return &stringBloom{} }

// bloomKeys returns the two bits of s: from wordHash, which reads a word's
// ends a word at a time (maphash.String cost some 65 instructions a
// call, and isVarietyCandidate asks about every word type of every
// document); words it does not tell apart only pass the filter.
func bloomKeys(s string) (k1, k2 uint64) {
	h := wordHash(s)
	return h >> 47, h >> 30 & (1<<17 - 1)
}

func (f *stringBloom) add(s string) {
	k1, k2 := bloomKeys(s)
	for _, k := range [2]uint64{k1, k2} {
		f.bits[k/64] |= 1 << (k % 64)
	}
}

// mayHave reports whether s may have been added; false means surely not.
func (f *stringBloom) mayHave(s string) bool {
	k1, k2 := bloomKeys(s)
	return f.bits[k1/64]&(1<<(k1%64)) != 0 && f.bits[k2/64]&(1<<(k2%64)) != 0
}

// varietyFilter holds the spellings of varietyTable.
var varietyFilter = sync.OnceValue(func() *stringBloom {
	f := newStringBloom()
	for i := range varietyEnds {
		f.add(varietyTable.spelling(i))
	}
	return f
})

//go:generate go test -run TestVarietyFresh -args -variety-update

// varietyTable holds the spellings of dict/en-variants.txt, each with its
// side and its other form. It is generated (variety_data.go, from the list
// by go generate ./internal/rules) and read in place: a map built from the
// list at start-up cost every run 2.3 million instructions and 170 page
// faults, a millisecond of the seed draft's 17.
var varietyTable varietyIndex

// varietyIndex looks spellings up in the generated tables: varietyText
// holds the spellings in byte order, spelling i ending at varietyEnds[i];
// varietyLinks[i] is its side in the low two bits and the index of its
// other form above them.
type varietyIndex struct{}

func (varietyIndex) spelling(i int) string {
	start := uint32(0)
	if i > 0 {
		start = varietyEnds[i-1]
	}
	return varietyText[start:varietyEnds[i]]
}

// lookup returns w's entry, and whether w is a listed spelling.
func (t varietyIndex) lookup(w string) (varietyEntry, bool) {
	i, ok := t.find(w)
	if !ok {
		return varietyEntry{}, false
	}
	return t.entry(i), true
}

// entry returns spelling i's entry.
func (t varietyIndex) entry(i int) varietyEntry {
	l := varietyLinks[i]
	return varietyEntry{side: uint8(l & 3), other: t.spelling(int(l >> 2))}
}

// find returns w's index, and whether w is a listed spelling.
func (t varietyIndex) find(w string) (int, bool) {
	lo, hi := 0, len(varietyEnds)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if t.spelling(m) < w {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == len(varietyEnds) || t.spelling(lo) != w {
		return 0, false
	}
	return lo, true
}

// varietyUse is one word with a variety.
//
// It holds no pointer: the word is the spelling's index in varietyTable,
// not a string. On a large file the uses (some 17,000 on the 20 MB
// corpus, a fact kept to the end of the run) sat in the heap through
// every later collection cycle, each scanning them for the string's
// pointer.
type varietyUse struct {
	span prose.Span
	// spelling is the index in varietyTable of the use's lower-case word.
	spelling uint32
	// id is 1 + the type ID of a use whose word is its type's text (in a
	// document not TooVaried), 0 for the others: the counts and groups by
	// spelling then read a table by ID where a map by word cost some 150
	// instructions a use (17,000 uses on the 20 MB corpus, of 340
	// spellings).
	id uint32
}

// word returns the use's word, in lower case.
func (u varietyUse) word() string { return varietyTable.spelling(int(u.spelling)) }

// isVarietyCandidate reports whether a word, whose lower-case form is
// lower, may have an American or British form: varietyWords decides on
// each use. filter is varietyFilter(), which its caller, asking for every
// word type of a document, reads once.
func isVarietyCandidate(filter *stringBloom, w, lower string) bool {
	if !filter.mayHave(lower) || !isLowerASCII(w) && !lowerOrTitle(w) {
		return false
	}
	_, ok := varietyTable.lookup(lower)
	return ok
}

// varietyWords finds the words of doc that have an American or British
// form: lower-case words, and capitalised ones only at a sentence start.
func varietyWords(doc *prose.Document, x *tokenIndex) []varietyUse {
	cands := x.list(clsVariety)
	if len(cands) == 0 {
		return nil
	}
	table := varietyTable
	// Nearly every use is in lower case: whether its text is, and is in
	// the table (at which index), is decided once per type (Token.ID), not
	// per use.
	const (
		lowerOut   = 1
		notLowered = 2
		lowerIn    = 3 // and above: lowerIn + the spelling's index
	)
	verdict := mem.Table[uint16](doc.NumTypes())
	// Most candidates are kept: room for them all at once.
	out := make([]varietyUse, 0, len(cands))
	sc := sentenceCursor{d: doc}
	tooVaried := doc.TooVaried() // one ID stands for many texts
	for _, i32 := range cands {
		ti := int(i32)
		t := doc.Tokens[ti]
		sp := doc.TokenSpan(ti)
		w := doc.Text[sp.Start:sp.End]
		v := verdict[t.ID()]
		if v == 0 {
			v = notLowered
			if isLowerASCII(w) {
				v = lowerOut
				if i, ok := table.find(w); ok {
					v = lowerIn + uint16(i)
				}
			}
			verdict[t.ID()] = v
		}
		switch {
		case v >= lowerIn:
			if !inPath(doc, sp) {
				var id uint32
				if !tooVaried {
					id = t.ID() + 1
				}
				out = append(out, varietyUse{sp, uint32(v - lowerIn), id})
			}
			continue
		case v == lowerOut:
			continue
		}
		s := doc.Sentences[sc.of(ti)]
		if ti != s.FirstToken() || !lowerOrTitle(w) || startsName(doc, ti, s.EndToken()) {
			continue
		}
		if i, ok := table.find(strings.ToLower(w)); ok && !inPath(doc, sp) {
			out = append(out, varietyUse{span: sp, spelling: uint32(i)})
		}
	}
	return out
}

// spellingCounts counts the uses of all by spelling: those with an ID
// tallied by it first, then added once per ID to the map.
func spellingCounts(all []docFacts[[]varietyUse]) map[string]int {
	bySpelling := map[string]int{}
	var tally []int32 // by use ID, zero between documents
	for _, df := range all {
		if n := df.doc.NumTypes() + 1; len(tally) < n {
			tally = make([]int32, n)
		}
		for _, u := range df.facts {
			if u.id == 0 {
				bySpelling[u.word()]++
			} else {
				tally[u.id]++
			}
		}
		for _, u := range df.facts {
			if u.id != 0 && tally[u.id] > 0 {
				bySpelling[u.word()] += int(tally[u.id])
				tally[u.id] = 0
			}
		}
	}
	return bySpelling
}

func (englishVariety) Check(p *Pass) {
	all := gather(p, factVariety, func(d *prose.Document) []varietyUse { return varietyWords(d, tokenIndexOf(p, d)) })
	if !setOnce(p, factVariety+"#any", func() bool {
		return slices.ContainsFunc(all, func(df docFacts[[]varietyUse]) bool { return len(df.facts) > 0 })
	}) {
		return // no American or British spelling anywhere
	}
	table := varietyTable
	// Count each side across the set; a spelling American text uses as
	// well (dialogue beside dialog) is no evidence of British.
	counts := setMemo(p, factVarietyCounts, func() any {
		// By spelling: a draft uses few, each many times, and a lookup
		// in the table is a binary search.
		bySpelling := spellingCounts(all)
		counts := make([]int, 4)
		for w, n := range bySpelling {
			e, _ := table.lookup(w)
			if e.side == sideUK && sharedSpelling(p, w, e.other) {
				continue
			}
			counts[e.side] += n
		}
		return counts
	}).([]int)
	// The uses of each spelling, grouped in order of first use: numbered
	// in one pass (a spelling is looked up once per use, judged once),
	// then laid out in one array, a spelling's uses side by side.
	mineUses, _ := mine(p, all)
	// group holds, by index in varietyTable, the spelling's number (or
	// -1: not counted). (A slice by index, 28 KB cleared for each document,
	// cost the 1,053 files of 1 KB 1.7M instructions more.)
	group := map[uint32]int32{}
	// By the spelling's number: its index in varietyTable, its count, and
	// the index in mineUses of its first use.
	var spellingOf []uint32
	var sizes []int32
	var firstAt []int32
	groupOf := make([]int32, len(mineUses))
	// byID holds, by use ID, 2 + the spelling's number (or -1) once the
	// map has it.
	var byID []int32
	for i, u := range mineUses {
		if u.id != 0 {
			if byID == nil {
				byID = mem.Table[int32](p.Doc.NumTypes() + 1)
			}
			if g := byID[u.id]; g != 0 {
				groupOf[i] = g - 2
				if g >= 2 {
					sizes[g-2]++
				}
				continue
			}
		}
		g, ok := group[u.spelling]
		if !ok {
			g = -1
			w := u.word()
			if e := table.entry(int(u.spelling)); e.side != sideUK || !sharedSpelling(p, w, e.other) {
				g = int32(len(spellingOf))
				sizes = append(sizes, 0)
				firstAt = append(firstAt, int32(i))
				spellingOf = append(spellingOf, u.spelling)
			}
			group[u.spelling] = g
		}
		if u.id != 0 {
			byID[u.id] = g + 2
		}
		groupOf[i] = g
		if g >= 0 {
			sizes[g]++
		}
	}
	wrong := map[uint8]bool{}
	pinned := false
	switch strings.ToLower(p.Options.Variety) {
	case "en-us":
		wrong[sideUK], wrong[sideISE], pinned = true, true, true
	case "en-gb":
		wrong[sideUS], pinned = true, true
	default:
		switch {
		case counts[sideUS] > counts[sideUK]:
			wrong[sideUK] = true
		case counts[sideUK] > counts[sideUS]:
			wrong[sideUS] = true
		}
		switch {
		case counts[sideIZE] > counts[sideISE]:
			wrong[sideISE] = true
		case counts[sideISE] > counts[sideIZE]:
			wrong[sideIZE] = true
		}
	}
	// Only the spellings of a wrong side are reported: only their uses
	// are laid out (a 20 MB draft's 17,000 uses copied for the few
	// findings were 400 KB more for the collector).
	counted := 0
	for g := range spellingOf {
		if wrong[table.entry(int(spellingOf[g])).side] {
			counted += int(sizes[g])
		} else {
			sizes[g] = 0
		}
	}
	forms := carve[varietyUse](sizes, counted)
	for i, u := range mineUses {
		if g := groupOf[i]; g >= 0 && sizes[g] > 0 {
			forms[g] = append(forms[g], u)
		}
	}
	order := make([]int32, len(spellingOf))
	for g := range order {
		order[g] = int32(g)
	}
	sort.SliceStable(order, func(i, j int) bool {
		return mineUses[firstAt[order[i]]].span.Start < mineUses[firstAt[order[j]]].span.Start
	})
	for _, g := range order {
		e := table.entry(int(spellingOf[g]))
		if !wrong[e.side] {
			continue
		}
		uses := forms[g]
		first := uses[0]
		typed := p.Doc.Slice(first.span)
		want := matchInitialCase(e.other, typed)
		var msg string
		otherSide := e.side ^ 1
		if pinned {
			msg = fmt.Sprintf("%q is the %s spelling; this project writes %s English (%q)", typed, sideNames[e.side], varietyName(p.Options.Variety), want)
		} else {
			msg = fmt.Sprintf("%q is the %s spelling, but the draft mostly uses %s spellings (%d against %d)", typed, sideNames[e.side], sideNames[otherSide], counts[otherSide], counts[e.side])
		}
		f := Finding{Span: first.span, Message: msg, Suggestions: []string{want}}
		for i, u := range uses {
			if pinned {
				f.Fix = append(f.Fix, prose.Edit{Span: u.span, New: matchInitialCase(e.other, p.Doc.Slice(u.span))})
			}
			if i > 0 && i <= 20 {
				f.Related = append(f.Related, Related{Span: u.span, Message: fmt.Sprintf("%q again", p.Doc.Slice(u.span))})
			}
		}
		p.Report(f)
	}
}

// sharedSpelling reports whether the British form uk is common in
// American text too (SUBTLEX-US counts it at least a third as often as
// the American form): dialogue, catalogue.
func sharedSpelling(p *Pass, uk, us string) bool {
	fu, fk := p.Dict.Freq(us), p.Dict.Freq(uk)
	return fk > 0 && fk*3 >= fu
}

func varietyName(v string) string {
	if strings.EqualFold(v, "en-GB") {
		return "British"
	}
	return "American"
}

// startsName reports whether the capitalised word at ti begins a name:
// the next word is capitalised, or a small word and then a capitalised
// one (Organisation for Economic Co-operation).
func startsName(doc *prose.Document, ti, end int) bool {
	for i := ti + 1; i < end && i <= ti+2; i++ {
		t := doc.Tokens[i]
		if t.Kind() != prose.Word {
			return false
		}
		w := doc.TokenText(i)
		if isCapitalised(w) {
			return true
		}
		if !isConnector(w) && w != "and" {
			return false
		}
	}
	return false
}

// inPath reports whether a word is part of a path or an identifier
// (fatih/color, color.go), which keeps its spelling.
func inPath(doc *prose.Document, span prose.Span) bool {
	before, after := runeBefore(doc, span.Start), runeAt(doc, span.End)
	return before == '/' || after == '/' || before == '_' || after == '_' || after == '.' && isAlnum(runeAt(doc, span.End+1))
}
