package prose

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestQuickEnds checks quickEnds against sentenceEnd on every token of
// every block of random drafts (a token that is no term ends nothing, by
// either): each verdict it is sure of must be sentenceEnd's. It asks
// twice with one memo, first empty (it is unsure of most marks), then as
// the first split left it (it is sure of most). It checks that the
// sentences splitSentences makes are the document's, and that those are
// oracleSplit's (the split before quickEnds, which asked of a block's
// last mark too). Parse asks sentenceEnd alone below quickTerms marks
// (every draft here); splitSentences here asks quickEnds from the first
// mark in every other draft. The drafts hold dots after words and
// abbreviations, spaced ellipses, closing marks glued to the marks, marks
// glued to the next word, and lines of many tokens, whose groups of eight
// put gaps past NearGap.
func TestQuickEnds(t *testing.T) {
	pieces := []string{
		"word", "Word", "The", "i", "x", " ", " ", " ", "  ", "\n", "\n", "\n\n",
		".", ".", ". ", "..", "...", "…", "!", "?", "?!", "!?", "\"", "'", ")", "]", "”", "’", "»",
		"Mr", "Dr", "U.S", "e.g", "J", "etc", "2.5", "1987", ",", ";", "(", ". . .", " . . . ",
		"\u00a0", "é", "Élan", "http://a.b/c", "—",
	}
	rng := rand.New(rand.NewPCG(3, 5))
	sure, all := 0, 0
	for n := 0; n < 3000; n++ {
		var sb strings.Builder
		for k := rng.IntN(80); k >= 0; k-- {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		src := sb.String()
		for _, format := range []Format{Plain, Markdown} {
			d := Parse("quick", []byte(src), format)
			if d.TooVaried() {
				continue
			}
			var memo, oracleMemo []uint8
			sc := splitScratch{seen: quickTerms * (n % 2)} // odd drafts: quickEnds from the first mark
			for bi, b := range d.Blocks {
				first, end := b.FirstToken(), b.EndToken()
				var terms []int
				for i := first; i < end; i++ {
					terms = append(terms, i)
				}
				for pass := 0; pass < 2; pass++ {
					got := quickEnds(d, terms, first, end, &memo, make([]int32, len(terms)))
					for x, i := range terms {
						all++
						if got[x] == unsure {
							continue
						}
						sure++
						if want := sentenceEnd(d, i, first, end, &oracleMemo); int(got[x]) != want {
							t.Fatalf("%v %q: block %d token %d %q: quickEnds %d, sentenceEnd %d", format, src, bi, i, d.TokenText(i), got[x], want)
						}
					}
					sents := splitSentences(d, first, end, bi, terms, &memo, &sc, nil)
					want := d.Sentences[b.FirstSentence():b.EndSentence()]
					if pass == 0 {
						oracle := oracleSplit(d, first, end, bi, terms)
						if len(oracle) != len(want) {
							t.Fatalf("%v %q: block %d: %d sentences, sentenceEnd on every mark %d", format, src, bi, len(want), len(oracle))
						}
						for k := range oracle {
							if oracle[k] != want[k] {
								t.Fatalf("%v %q: block %d: sentence %d %v, sentenceEnd on every mark %v", format, src, bi, k, want[k], oracle[k])
							}
						}
					}
					if len(sents) != len(want) {
						t.Fatalf("%v %q: block %d: %d sentences, want %d", format, src, bi, len(sents), len(want))
					}
					for k := range sents {
						if sents[k] != want[k] {
							t.Fatalf("%v %q: block %d: sentence %d %v, want %v", format, src, bi, k, sents[k], want[k])
						}
					}
				}
			}
		}
	}
	if sure < all/2 {
		t.Errorf("quickEnds sure of %d verdicts in %d", sure, all)
	}
}

// oracleSplit is splitSentences as it was before quickEnds: sentenceEnd
// asked of every mark, the block's last token too, with a memo of its
// own.
func oracleSplit(d *Document, first, end, block int, terms []int) []Sentence {
	var memo []uint8
	var out []Sentence
	start, next := first, first
	for _, i := range terms {
		if i < next {
			continue
		}
		next = i + 1
		if j := sentenceEnd(d, i, first, end, &memo); j >= 0 {
			out = append(out, newSentence(start, j, block))
			start, next = j, j
		}
	}
	if start < end {
		out = append(out, newSentence(start, end, block))
	}
	return out
}
