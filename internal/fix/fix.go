// Package fix chooses, checks and applies the safe fixes of findings.
package fix

import (
	"fmt"
	"sort"

	"github.com/edlint/edlint/internal/prose"
	"github.com/edlint/edlint/internal/rules"
)

// Select returns the edits of every finding's safe fix that can be applied
// together, sorted by offset. A fix whose edits overlap an edit already
// chosen is left out whole (the next run picks it up), so a fix is never
// half-applied. Findings are considered in their sorted order.
func Select(findings []rules.Finding) []prose.Edit {
	var chosen []prose.Edit
	for _, f := range findings {
		if len(f.Fix) == 0 {
			continue
		}
		ok := true
		for _, e := range f.Fix {
			if overlapsAny(chosen, e) {
				ok = false
				break
			}
		}
		if ok {
			chosen = append(chosen, f.Fix...)
		}
	}
	sort.SliceStable(chosen, func(i, j int) bool { return chosen[i].Start < chosen[j].Start })
	return chosen
}

func overlapsAny(chosen []prose.Edit, e prose.Edit) bool {
	for _, c := range chosen {
		if overlaps(c, e) {
			return true
		}
	}
	return false
}

// overlaps reports whether two edits touch the same bytes. Two insertions
// at one offset overlap too: their order would be ambiguous.
func overlaps(a, b prose.Edit) bool {
	if a.Start == b.Start {
		return true
	}
	return a.Start < b.End && b.Start < a.End
}

// Apply returns src with edits applied. The edits must be sorted, in range
// and non-overlapping; otherwise Apply returns an error and no text.
func Apply(src []byte, edits []prose.Edit) ([]byte, error) {
	size := len(src)
	prev := 0
	for i, e := range edits {
		if e.Start < prev || e.End < e.Start || e.End > len(src) || (i > 0 && e.Start == edits[i-1].Start) {
			return nil, fmt.Errorf("fix: edit %d [%d,%d) is out of order, overlapping or out of range", i, e.Start, e.End)
		}
		prev = e.End
		size += len(e.New) - (e.End - e.Start)
	}
	out := make([]byte, 0, size)
	last := 0
	for _, e := range edits {
		out = append(out, src[last:e.Start]...)
		out = append(out, e.New...)
		last = e.End
	}
	return append(out, src[last:]...), nil
}
