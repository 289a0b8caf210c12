package lint

import (
	"math/rand/v2"
	"sort"
	"strconv"
	"testing"

	"github.com/edlint/edlint/internal/prose"
	"github.com/edlint/edlint/internal/rules"
)

// TestSortIsStable checks Sort against a plain stable sort on findings with
// many ties of span and rule, told apart by their messages.
func TestSortIsStable(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 3, 17, 100, 1000} {
		fs := make([]rules.Finding, n)
		for i := range fs {
			start := r.IntN(n/3 + 1)
			fs[i] = rules.Finding{
				Rule:    []string{"a", "b", "c"}[r.IntN(3)],
				Span:    prose.Span{Start: start, End: start + r.IntN(3)},
				Message: strconv.Itoa(i),
			}
		}
		want := append([]rules.Finding(nil), fs...)
		sort.SliceStable(want, func(i, j int) bool {
			a, b := want[i], want[j]
			if a.Start != b.Start {
				return a.Start < b.Start
			}
			if a.End != b.End {
				return a.End < b.End
			}
			return a.Rule < b.Rule
		})
		Sort(fs)
		for i := range fs {
			if fs[i].Message != want[i].Message {
				t.Fatalf("n=%d: place %d holds finding %s, want %s", n, i, fs[i].Message, want[i].Message)
			}
		}
		Sort(fs) // sorted already
		for i := range fs {
			if fs[i].Message != want[i].Message {
				t.Fatalf("n=%d, sorted again: place %d holds finding %s, want %s", n, i, fs[i].Message, want[i].Message)
			}
		}
	}
}

// TestFindingListKeepsOrder checks that a findingList hands back what was
// added, in order, across blocks of every size.
func TestFindingListKeepsOrder(t *testing.T) {
	var l findingList
	const n = 3*maxFindingBlock + 17
	for i := range n {
		l.add(rules.Finding{Message: strconv.Itoa(i)})
	}
	if l.n != n {
		t.Fatalf("n = %d, want %d", l.n, n)
	}
	i := 0
	for _, b := range l.blocks {
		if cap(b) > maxFindingBlock {
			t.Errorf("a block has room for %d findings, more than %d", cap(b), maxFindingBlock)
		}
		for _, f := range b {
			if f.Message != strconv.Itoa(i) {
				t.Fatalf("finding %d is %s", i, f.Message)
			}
			i++
		}
	}
	if i != n {
		t.Fatalf("the blocks hold %d findings, want %d", i, n)
	}
}
