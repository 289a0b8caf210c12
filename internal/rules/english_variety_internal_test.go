package rules

import (
	"maps"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/edlint/edlint/internal/prose"
)

// TestSpellingCounts checks spellingCounts, which tallies the uses with a
// type ID by ID, against a count by word, over sets of random drafts that
// write each spelling in lower case, capitalised at a sentence's start
// (a use without an ID) and in a path; and that a use's ID is its word's
// type.
func TestSpellingCounts(t *testing.T) {
	r := rand.New(rand.NewPCG(41, 42))
	words := []string{"colour", "color", "Colour", "Color", "organise", "organize", "Organise", "centre",
		"center", "Centre", "the", "report", "was", "file/colour", "and", "its"}
	for n := range 300 {
		var all []docFacts[[]varietyUse]
		for range 1 + n%3 {
			var b strings.Builder
			for range 1 + r.IntN(60) {
				b.WriteString(words[r.IntN(len(words))])
				if r.IntN(5) == 0 {
					b.WriteString(". ")
				} else {
					b.WriteString(" ")
				}
			}
			d := prose.Parse("x.txt", []byte(b.String()), prose.Plain)
			uses := varietyWords(d, buildTokenIndex(d))
			for _, u := range uses {
				if got := strings.ToLower(d.Slice(u.span)); got != u.word() {
					t.Fatalf("%q: a use of %q reads %q", b.String(), got, u.word())
				}
				if u.id != 0 && d.Type(u.id-1) != u.word() {
					t.Fatalf("%q: a use of %q has the ID of %q", b.String(), u.word(), d.Type(u.id-1))
				}
			}
			all = append(all, docFacts[[]varietyUse]{doc: d, facts: uses})
		}
		want := map[string]int{}
		for _, df := range all {
			for _, u := range df.facts {
				want[u.word()]++
			}
		}
		if got := spellingCounts(all); !maps.Equal(got, want) {
			t.Fatalf("spellingCounts = %v, want %v", got, want)
		}
	}
}
