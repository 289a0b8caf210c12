package rules

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/edlint/edlint/internal/prose"
	"github.com/edlint/edlint/internal/spell"
)

// walkDocs returns documents of a few hundred tokens of a handful of
// types, with code spans (gaps) among them, to walk with random tables.
func walkDocs(t *testing.T) []*prose.Document {
	t.Helper()
	r := rand.New(rand.NewPCG(1, 2))
	words := []string{"to", "in", "the", "likely", "3", "a", "very", "`code`", ",", "certainly", "Podesta", "x"}
	var docs []*prose.Document
	for n := range 40 {
		var b strings.Builder
		for range r.IntN(300) + n%5 {
			b.WriteString(words[r.IntN(len(words))])
			b.WriteByte(' ')
		}
		docs = append(docs, prose.Parse(fmt.Sprintf("w%d.md", n), []byte(b.String()), prose.Markdown))
	}
	gaps := 0
	for _, doc := range docs {
		for _, tk := range doc.Tokens {
			if tk.Gap() {
				gaps++
			}
		}
	}
	if gaps == 0 {
		t.Fatal("no token after a gap")
	}
	return docs
}

func TestIDTable(t *testing.T) {
	for n, want := range map[int]int{0: 1, 1: 1, 2: 2, 3: 4, 4: 4, 5: 8, 1000: 1024, 1024: 1024} {
		tab := idTable[uint8](n)
		if len(tab) != want {
			t.Errorf("idTable(%d) has length %d, want %d", n, len(tab), want)
		}
		for i, v := range tab {
			if v != 0 {
				t.Fatalf("idTable(%d)[%d] = %d", n, i, v)
			}
		}
	}
}

// TestSkipPlain checks skipPlain against a token at a time, from every
// start, with random marks per type.
func TestSkipPlain(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, doc := range walkDocs(t) {
		for round := range 4 {
			seen := idTable[uint8](doc.NumTypes())
			for id := range doc.NumTypes() {
				if r.IntN(4) <= round {
					seen[id] = uint8(r.IntN(4))
				}
			}
			for i := 0; i <= len(doc.Tokens); i++ {
				want := i
				for want < len(doc.Tokens) && seen[doc.Tokens[want].ID()]&1 != 0 {
					want++
				}
				if got := skipPlain(doc.Tokens, seen, i); got != want {
					t.Fatalf("%s round %d: skipPlain from %d = %d, want %d", doc.Path, round, i, got, want)
				}
			}
		}
	}
}

// TestNextLook checks nextLook against its definition, a token at a
// time, from every start, with random flags per type.
func TestNextLook(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	bits := []uint8{mayStart, nearBoost, curlyKey, number, startAlone, startLonger, trieWord}
	for _, doc := range walkDocs(t) {
		for round := range 4 {
			flags := idTable[uint8](doc.NumTypes())
			for id := range doc.NumTypes() {
				for _, b := range bits {
					if r.IntN(8) <= round {
						flags[id] |= b
					}
				}
			}
			toks := doc.Tokens
			look := func(k int) bool {
				f := flags[toks[k].ID()]
				return f&lookNow != 0 || f&lookNext != 0 && k+1 < len(toks) && !toks[k+1].Gap() && flags[toks[k+1].ID()]&(trieWord|number) != 0
			}
			for i := 0; i <= len(toks); i++ {
				want := i
				for want < len(toks) && !look(want) {
					want++
				}
				if got := nextLook(toks, flags, i); got != want {
					t.Fatalf("%s round %d: nextLook from %d = %d, want %d", doc.Path, round, i, got, want)
				}
			}
		}
	}
}

// TestCountNames checks that the uses of a name the token pass counts in
// bulk (countNames) are all counted: a variant used once beside a name
// used n times is reported with the n uses of the name.
func TestCountNames(t *testing.T) {
	d := spell.Builtin()
	for _, n := range []int{2, 3, 7, 40} {
		var b strings.Builder
		b.WriteString("Moskow is far.\n\n")
		for i := range n {
			fmt.Fprintf(&b, "We saw Moscow on day %d. ", i)
		}
		doc := prose.Parse("names.txt", []byte(b.String()), prose.Plain)
		found := false
		for _, is := range judgeWords(doc, d, nil) {
			if is.kind == kindNameVariant && is.word == "Moskow" {
				found = true
				if is.other != n {
					t.Errorf("n=%d: Moskow beside Moscow used %d times, want %d", n, is.other, n)
				}
			}
		}
		if !found {
			t.Errorf("n=%d: no name variant for Moskow", n)
		}
	}
}

// quotedInRef is the whole-block reading quoteCursor replaced: whether
// each token of block b lies inside a quotation.
func quotedInRef(doc *prose.Document, b *prose.Block) []bool {
	var q []bool
	if b.InQuote() {
		for i := b.FirstToken(); i < b.EndToken(); i++ {
			q = append(q, true)
		}
		return q
	}
	double, single := -1, -1
	singleSpeech := false
	for i := b.FirstToken(); i < b.EndToken(); i++ {
		t := doc.Tokens[i]
		if t.Kind() != prose.Punct {
			q = append(q, double >= 0 || single >= 0 && singleSpeech)
			continue
		}
		q = append(q, false)
		switch quoteCode(doc.TokenText(i)) {
		case quoteOpenDouble:
			double = i
		case quoteCloseDouble:
			double = -1
		case quoteStraightDouble:
			if double >= 0 {
				double = -1
			} else {
				double = i
			}
		case quoteOpenSingle:
			single = i
			singleSpeech = i > b.FirstToken() && introducesSpeech(doc, i-1)
		case quoteCloseSingle:
			single = -1
		}
	}
	return q
}

// TestQuoteCursor checks quoteCursor against a whole-block reading, for
// tokens asked about in order with gaps, and now and then out of order or
// in another block.
func TestQuoteCursor(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	words := []string{"he", "said", "said:", "“", "”", "\"", "‘", "’", "«", "»", "„", ",", "likely", "it", "'", "x", "\n\n", "> q"}
	for n := range 60 {
		var b strings.Builder
		for range r.IntN(200) + 1 {
			b.WriteString(words[r.IntN(len(words))])
			b.WriteByte(' ')
		}
		doc := prose.Parse(fmt.Sprintf("q%d.md", n), []byte(b.String()), prose.Markdown)
		c := quoteCursor{codes: make([]uint8, doc.NumTypes())}
		ref := make([][]bool, len(doc.Blocks))
		for bi := range doc.Blocks {
			ref[bi] = quotedInRef(doc, &doc.Blocks[bi])
		}
		for bi := range doc.Blocks {
			bl := &doc.Blocks[bi]
			for i := bl.FirstToken(); i < bl.EndToken(); i += 1 + r.IntN(3) {
				if r.IntN(10) == 0 {
					// Another block, or an earlier token of this one.
					bj := r.IntN(len(doc.Blocks))
					if o := &doc.Blocks[bj]; o.FirstToken() < o.EndToken() {
						k := o.FirstToken() + r.IntN(o.EndToken()-o.FirstToken())
						if got := c.quoted(doc, bj, k); got != ref[bj][k-o.FirstToken()] {
							t.Fatalf("doc %d: token %d of block %d: quoted %v, want %v", n, k, bj, got, !got)
						}
					}
				}
				if got := c.quoted(doc, bi, i); got != ref[bi][i-bl.FirstToken()] {
					t.Fatalf("doc %d: token %d of block %d: quoted %v, want %v", n, i, bi, got, !got)
				}
			}
		}
	}
}

// TestLineStart checks lineStart against strings.LastIndexByte at every
// offset of texts with lines of every length, bytes outside ASCII and
// bytes next to '\n' in value.
func TestLineStart(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	alphabet := []string{"\n", "a", " ", "\x0b", "\x09", "\x8a", "é", "\n\n", "\x0a\x80"}
	for range 200 {
		var b strings.Builder
		for range r.IntN(80) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		d := &prose.Document{Text: b.String()}
		for off := 0; off <= len(d.Text); off++ {
			if got, want := lineStart(d, off), strings.LastIndexByte(d.Text[:off], '\n')+1; got != want {
				t.Fatalf("lineStart(%q, %d) = %d, want %d", d.Text, off, got, want)
			}
		}
	}
}

// TestSegmentAfter checks segmentAfter against a step per segment, from
// every start and at every offset of documents with many short segments.
func TestSegmentAfter(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for n := range 30 {
		var b strings.Builder
		for range r.IntN(40) {
			switch r.IntN(4) {
			case 0:
				b.WriteString("`code` ")
			case 1:
				b.WriteString("\n\n")
			case 2:
				b.WriteString("see https://example.com/a ")
			default:
				b.WriteString("word ")
			}
		}
		doc := prose.Parse(fmt.Sprintf("s%d.md", n), []byte(b.String()), prose.Markdown)
		segs := doc.Prose
		for from := 0; from <= len(segs); from++ {
			for off := 0; off <= len(doc.Text)+1; off++ {
				want := from
				for want < len(segs) && segs[want].End() <= off {
					want++
				}
				if got := segmentAfter(segs, from, off); got != want {
					t.Fatalf("doc %d: segmentAfter(from %d, off %d) = %d, want %d", n, from, off, got, want)
				}
			}
		}
	}
}

// TestNameWalk checks nameWalk.walk, which reads the capitals' bits a
// word at a time, against a reading of the capitalised words one at a
// time, with random marks per type and random capitals, in stretches
// of every phase.
func TestNameWalk(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	bitsOf := []uint32{markCapital, markConnector, markArticle, markGiven}
	for _, doc := range walkDocs(t) {
		toks := doc.Tokens
		for round := range 4 {
			marks := idTable[uint32](doc.NumTypes())
			for id := range doc.NumTypes() {
				for _, b := range bitsOf {
					if r.IntN(4) <= round {
						marks[id] |= b
					}
				}
				if r.IntN(3) == 0 {
					marks[id] |= uint32(r.IntN(5)) << markFormShift
				}
			}
			caps := tokenBits(make([]uint64, len(toks)/64+1))
			for i := range toks {
				if r.IntN(3) <= round%3 {
					caps.set(i)
				}
			}
			w := nameWalk{toks: toks, marks: marks}
			var seen uint32
			var buf nameBuf
			for lo := 0; lo < len(caps); lo += nameStretch / 64 {
				var uses, starts []int32
				for ti := lo << 6; ti < min(lo<<6+nameStretch, len(toks)); ti++ {
					if !caps.has(ti) {
						continue
					}
					m := marks[toks[ti].ID()]
					if ti+2 < len(toks) {
						nt, nm := toks[ti+1], marks[toks[ti+1].ID()]
						if m&markConnector == 0 && nm&(markCapital|markConnector) != 0 && nm&markArticle == 0 && !nt.Gap() &&
							marks[toks[ti+2].ID()]&(markCapital|markConnector) != 0 {
							starts = append(starts, int32(ti))
						}
					}
					if fi := m >> markFormShift; fi != 0 && fi > seen {
						uses = append(uses, int32(ti))
						seen = fi
					}
				}
				n, k := w.walk(&buf, caps[lo:min(lo+nameStretch/64, len(caps))], lo)
				if !slices.Equal(buf.uses[:n], uses) || !slices.Equal(buf.starts[:k], starts) {
					t.Fatalf("%s round %d, word %d: walk listed uses %v, starts %v; want %v, %v", doc.Path, round, lo, buf.uses[:n], buf.starts[:k], uses, starts)
				}
			}
		}
	}
}

// TestWalkStops checks walkStops against its definition, a token at a
// time, with random bytes per type: the judgement stops at each use of a
// walkWork type and at the first use in a sentence of a walkFirst one;
// the extraction where nextLook would (see looks).
func TestWalkStops(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	bits := []uint8{walkWork, walkFirst, walkNow, walkNext, walkCont}
	// Documents of many sentences, of which the walk is shown every
	// other one: tokens in none, where a walkFirst type is not listed.
	words := []string{"to", "in", "the", "Podesta", "said", "3", "`code`", ".", "likely", "x"}
	docs := append(walkDocs(t), randomWalkDocs(r, words, func(n int) int { return r.IntN(300) + n%5 })...)
	for _, doc := range docs {
		sents := walkSentences(doc)
		// The last rounds give the types only walkNext and walkCont, so
		// that most groups of four with a bit have only walkNext, which
		// walkGroups passes over unless a walkCont type follows one.
		for round := range 9 {
			tab := randomWalkTable(r, doc, bits, round)
			if round >= 6 {
				tab = randomWalkTable(r, doc, []uint8{walkNext, walkCont}, (round-6)*3+2)
			}
			toks := doc.Tokens
			var wantStops, wantLooks []int32
			firstDone := map[uint32]bool{}
			for i, tk := range toks {
				f := tab[tk.ID()]
				if f&walkWork != 0 {
					wantStops = append(wantStops, int32(i))
				}
				if f&walkFirst != 0 && !firstDone[tk.ID()] && inSentenceRef(sents, i) {
					wantStops = append(wantStops, int32(i))
					firstDone[tk.ID()] = true
				}
				if f&walkNow != 0 || f&walkNext != 0 && i+1 < len(toks) && !toks[i+1].Gap() && tab[toks[i+1].ID()]&walkCont != 0 {
					wantLooks = append(wantLooks, int32(i))
				}
			}
			var looks chunks[int32]
			gotStops := walkStops(toks, sents, slices.Clone(tab), nil, &looks)
			if !slices.Equal(gotStops, wantStops) {
				t.Fatalf("%s round %d: judgement's stops\n%v, want\n%v", doc.Path, round, gotStops, wantStops)
			}
			if got := looks.slice(); !slices.Equal(got, wantLooks) {
				t.Fatalf("%s round %d: extraction's stops\n%v, want\n%v", doc.Path, round, got, wantLooks)
			}
		}
	}
}

// TestFusedWalkStops checks the token index's walk that lists the word
// judgement's and the extraction's stops too (buildTokenIndexStops)
// against walkStops, with random bytes per type, and its index against
// buildTokenIndex's.
func TestFusedWalkStops(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 16))
	bits := []uint8{walkWork, walkFirst, walkNow, walkNext, walkCont}
	words := []string{"to", "in", "the", "Podesta", "said", "3", "`code`", ".", "likely", "x", "an", "“", "long-term", "Ivana"}
	// Some documents of several of the walk's stretches of 256.
	docs := append(walkDocs(t), randomWalkDocs(r, words, func(n int) int { return r.IntN(300) + n%5 + n/10*1500 })...)
	// Odd rounds read the types' classes from a run's memo, which the
	// documents fill in turn (see fastWords).
	memo := &runTexts{}
	for _, doc := range docs {
		sents := walkSentences(doc)
		want := buildTokenIndex(doc)
		for round := range 6 {
			tab := randomWalkTable(r, doc, bits, round)
			var wantLooks, gotLooks chunks[int32]
			wantStops := walkStops(doc.Tokens, sents, slices.Clone(tab), nil, &wantLooks)
			js := judgeStops{tab: slices.Clone(tab), sents: sents, look: &gotLooks}
			var refs *textRefs
			if round%2 == 1 {
				refs = newTextRefs(memo, doc)
			}
			got := buildTokenIndexStops(doc, &js, refs)
			if !slices.Equal(js.stops, wantStops) {
				t.Fatalf("%s round %d: judgement's stops\n%v, want\n%v", doc.Path, round, js.stops, wantStops)
			}
			if g, w := gotLooks.slice(), wantLooks.slice(); !slices.Equal(g, w) {
				t.Fatalf("%s round %d: extraction's stops\n%v, want\n%v", doc.Path, round, g, w)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s round %d: the index differs from buildTokenIndex's", doc.Path, round)
			}
		}
	}
}

// randomWalkDocs makes 20 Markdown documents of random words, named
// s0.md to s19.md, document n of size(n) words.
func randomWalkDocs(r *rand.Rand, words []string, size func(n int) int) []*prose.Document {
	var docs []*prose.Document
	for n := range 20 {
		var b strings.Builder
		for range size(n) {
			b.WriteString(words[r.IntN(len(words))])
			b.WriteByte(' ')
		}
		docs = append(docs, prose.Parse(fmt.Sprintf("s%d.md", n), []byte(b.String()), prose.Markdown))
	}
	return docs
}

// walkSentences is the sentences a walk is shown in doc: all of them, or
// every other one for randomWalkDocs' documents.
func walkSentences(doc *prose.Document) []prose.Sentence {
	if !strings.HasPrefix(doc.Path, "s") {
		return doc.Sentences
	}
	var sents []prose.Sentence
	for k, s := range doc.Sentences {
		if k%2 == 1 {
			sents = append(sents, s)
		}
	}
	return sents
}

// randomWalkTable gives each type of doc each of bits with chance
// (round+1)/12, a walkWork type never walkFirst too (a plan is one or the
// other).
func randomWalkTable(r *rand.Rand, doc *prose.Document, bits []uint8, round int) []uint8 {
	tab := idTable[uint8](doc.NumTypes())
	for id := range doc.NumTypes() {
		for _, b := range bits {
			if r.IntN(12) <= round {
				tab[id] |= b
			}
		}
		if tab[id]&walkWork != 0 {
			tab[id] &^= walkFirst
		}
	}
	return tab
}

// inSentenceRef is inSentence, a sentence at a time.
func inSentenceRef(sents []prose.Sentence, i int) bool {
	for _, s := range sents {
		if s.FirstToken() <= i && i < s.EndToken() {
			return true
		}
	}
	return false
}

// TestEstimateScan checks that the estimates extracted from the stops the
// word judgement's walk finds are those the extraction's own walk finds.
func TestEstimateScan(t *testing.T) {
	d := spell.Builtin()
	y := yardstickOf(&Options{})
	docs := append(factTestDocs(t), walkDocs(t)...)
	n := 0
	for _, doc := range docs {
		want := extractEstimates(doc, d, y)
		x := newExtractor(doc, nil, nil)
		judgeWords(doc, d, x)
		if !x.scanned {
			t.Fatalf("%s: the judgement left no stops", doc.Path)
		}
		x.dict, x.y = d, y
		if got := x.extract(); !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: %d estimates from the judgement's stops, want %d\n%+v\n%+v", doc.Path, len(got), len(want), got, want)
		}
		n += len(want)
	}
	if n < 50 {
		t.Fatalf("only %d estimates in the test drafts", n)
	}
}

// TestMayMatch checks that longest finds no phrase where mayMatch says it
// cannot, at every token of every sentence of the test drafts.
func TestMayMatch(t *testing.T) {
	d := spell.Builtin()
	saved, found := 0, 0
	for _, doc := range append(factTestDocs(t), walkDocs(t)...) {
		x := newExtractor(doc, d, yardstickOf(&Options{}))
		for _, s := range doc.Sentences {
			for i := s.FirstToken(); i < s.EndToken(); i++ {
				_, m := x.longest(i, s.EndToken())
				if m != nil {
					found++
				}
				if !x.mayMatch(i, s.EndToken()) {
					saved++
					if m != nil {
						t.Fatalf("%s: token %d (%q): mayMatch false, but longest finds %q", doc.Path, i, doc.TokenText(i), m.key)
					}
				}
			}
		}
	}
	if saved == 0 || found < 50 {
		t.Fatalf("%d calls saved, %d phrases found", saved, found)
	}
}
