package rules

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/edlint/edlint/internal/prose"
)

// TestIssueBlocks checks the lists and strings issueBlocks hands out
// against copies made apart: a string joined earlier, a list filled
// earlier, is unchanged by every later one, and each list is full, so
// that an append to it copies it rather than writing over its neighbour.
func TestIssueBlocks(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	var b issueBlocks
	type joined struct{ got, want string }
	var js []joined
	var spans [][]prose.Span
	var wantSpans [][]prose.Span
	var strs [][]string
	var wantStrs [][]string
	word := func() string { return strings.Repeat(string(rune('a'+rng.IntN(26))), rng.IntN(issueBlockLen/4)) }
	for i := 0; i < 5000; i++ {
		switch rng.IntN(3) {
		case 0:
			x, y := word(), word()
			sep := " -"[rng.IntN(2)]
			js = append(js, joined{b.join(x, sep, y), x + string(sep) + y})
		case 1:
			n := rng.IntN(issueBlockLen + 20)
			s := b.spans(n)
			w := make([]prose.Span, n)
			for k := range s {
				s[k] = prose.Span{Start: i, End: i + k}
				w[k] = s[k]
			}
			if cap(s) != n {
				t.Fatalf("spans(%d) has room for %d", n, cap(s))
			}
			spans, wantSpans = append(spans, s), append(wantSpans, w)
		default:
			n := 1 + rng.IntN(3)
			s := b.strs(n)
			w := make([]string, n)
			for k := range s {
				s[k] = word()
				w[k] = s[k]
			}
			if cap(s) != n {
				t.Fatalf("strs(%d) has room for %d", n, cap(s))
			}
			strs, wantStrs = append(strs, s), append(wantStrs, w)
		}
	}
	for _, j := range js {
		if j.got != j.want {
			t.Fatalf("joined %q, now %q", j.want, j.got)
		}
	}
	for i := range spans {
		for k := range spans[i] {
			if spans[i][k] != wantSpans[i][k] {
				t.Fatalf("list %d of places changed at %d", i, k)
			}
		}
	}
	for i := range strs {
		for k := range strs[i] {
			if strs[i][k] != wantStrs[i][k] {
				t.Fatalf("list %d of strings changed at %d", i, k)
			}
		}
	}
}
