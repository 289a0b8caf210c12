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
// many ties of span and rule, told apart by their messages: places that
// fit sortPacked's word, and places that do not (a start past 32 MB, a
// span of 16 KB), which Sort orders by its keys.
func TestSortIsStable(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 3, 17, 100, 1000} {
		for _, base := range []int{0, 1<<packStartBits - 5, 1 << packStartBits} {
			for _, long := range []int{0, 1 << packLenBits} {
				sortCase(t, r, n, base, long)
			}
		}
	}
}

// sortCase checks Sort on n findings that start from base on, one in ten
// of them about long bytes wide when long is not 0.
func sortCase(t *testing.T, r *rand.Rand, n, base, long int) {
	t.Helper()
	fs := make([]rules.Finding, n)
	for i := range fs {
		start := base + r.IntN(n/3+1)
		end := start + r.IntN(3)
		if long > 0 && r.IntN(10) == 0 {
			end = start + long - 1 + r.IntN(2)
		}
		fs[i] = rules.Finding{
			Rule:    []string{"a", "b", "c"}[r.IntN(3)],
			Span:    prose.Span{Start: start, End: end},
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
			t.Fatalf("n=%d, base %d, long %d: place %d holds finding %s, want %s", n, base, long, i, fs[i].Message, want[i].Message)
		}
	}
	Sort(fs) // sorted already
	for i := range fs {
		if fs[i].Message != want[i].Message {
			t.Fatalf("n=%d, base %d, long %d, sorted again: place %d holds finding %s, want %s", n, base, long, i, fs[i].Message, want[i].Message)
		}
	}
}

// TestSortPackedFits checks when sortPacked takes the findings: every
// place in its word, and nothing changed when one does not fit.
func TestSortPackedFits(t *testing.T) {
	for _, c := range []struct {
		start, end int
		want       bool
	}{
		{0, 0, true},
		{1<<packStartBits - 1, 1<<packStartBits + 1<<packLenBits - 2, true},
		{1 << packStartBits, 1<<packStartBits + 1, false},
		{5, 5 + 1<<packLenBits, false},
		{5, 4, false},
		{-1, 3, false},
	} {
		fs := []rules.Finding{
			{Rule: "b", Span: prose.Span{Start: 7, End: 9}, Message: "0"},
			{Rule: "a", Span: prose.Span{Start: c.start, End: c.end}, Message: "1"},
		}
		got := sortPacked(fs, ruleRanks(fs))
		if got != c.want {
			t.Errorf("span %d-%d: sortPacked %v, want %v", c.start, c.end, got, c.want)
		}
		if !got && fs[0].Message != "0" {
			t.Errorf("span %d-%d: sortPacked turned the findings down but moved them", c.start, c.end)
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
