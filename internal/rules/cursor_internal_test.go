package rules

import (
	"math/rand/v2"
	"testing"

	"github.com/edlint/edlint/internal/prose"
)

// TestCursors checks the block and sentence cursors, which stride ahead,
// against a step a block and a sentence at a time, on series of tokens
// near and far apart.
func TestCursors(t *testing.T) {
	for path, src := range indexSources(t) {
		d := prose.Parse(path, src, prose.FormatFor(path))
		if len(d.Tokens) == 0 {
			continue
		}
		r := rand.New(rand.NewPCG(1, uint64(len(src))))
		for _, gap := range []int{1, 3, 40, 1000, len(d.Tokens)} {
			bc, sc := blockCursor{d: d}, sentenceCursor{d: d}
			bi, si := 0, 0
			for i := 0; i < len(d.Tokens); i += 1 + r.IntN(gap) {
				for d.Blocks[bi].EndToken() <= i {
					bi++
				}
				for d.Sentences[si].EndToken() <= i {
					si++
				}
				if got := bc.of(i); got != bi {
					t.Fatalf("%s: token %d (gap %d): block %d, want %d", path, i, gap, got, bi)
				}
				if got := sc.of(i); got != si {
					t.Fatalf("%s: token %d (gap %d): sentence %d, want %d", path, i, gap, got, si)
				}
			}
		}
	}
}
