package prose

import (
	"math/rand/v2"
	"sort"
	"strings"
	"testing"
)

// wantGaps is the gap flag of each token of d as buildPart's rule states
// it, worked out from the spans alone: the first token of a prose segment
// has a gap when something other than white space and inline markers
// lies between it and the token before it, unless its segment is its
// block's first (the first token of a block has no gap), or no token
// comes before it.
func wantGaps(d *Document) []bool {
	want := make([]bool, len(d.Tokens))
	segOf := func(off int) int {
		return sort.Search(len(d.Prose), func(k int) bool { return d.Prose[k].End() > off })
	}
	for _, b := range d.Blocks {
		firstSeg := segOf(b.Start())
		for i := b.FirstToken(); i < b.EndToken(); i++ {
			seg := segOf(d.TokenStart(i))
			if i == 0 || seg == firstSeg || i > b.FirstToken() && segOf(d.TokenStart(i-1)) == seg {
				continue
			}
			want[i] = !blankOrMarkup(d.Text[d.TokenEnd(i-1):d.TokenStart(i)])
		}
	}
	return want
}

// TestGapFlags checks the gap flags of the tokens of random drafts, plain
// and Markdown, against wantGaps: drafts with lines that start and end
// with ink or white space, URLs that split lines into segments, inline
// code and HTML, characters outside ASCII and invalid bytes.
func TestGapFlags(t *testing.T) {
	pieces := []string{
		"word", "Word", "a", "x.", "end.", "U.S.", "2.5", "don't", ",", ";", "(", ")", "\"",
		" ", "  ", "\t", "\n", "\n", "\n", "\r\n", "\n\n", "\n    ",
		"http://example.com/x", "www.example.org", "mail@example.com",
		"`code`", "<b>", "*em*", "[link](http://x.y)", "# ", "- ", "> ",
		"é", "naïve", "—", "\u00a0", "\u200b", "\xff", "’", "…", "...",
	}
	rng := rand.New(rand.NewPCG(7, 11))
	for n := 0; n < 3000; n++ {
		var sb strings.Builder
		for k := rng.IntN(60); k >= 0; k-- {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		src := sb.String()
		for _, format := range []Format{Plain, Markdown} {
			d := Parse("gap", []byte(src), format)
			want := wantGaps(d)
			for i, tok := range d.Tokens {
				if tok.Gap() != want[i] {
					t.Fatalf("%v %q: token %d %q gap %v, want %v", format, src, i, d.TokenText(i), tok.Gap(), want[i])
				}
			}
		}
	}
}
