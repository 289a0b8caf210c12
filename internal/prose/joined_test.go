package prose

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestJoinedEnd checks joinedEnd against wordEndFrom: wherever it finds a
// word's end, wordEndFrom finds the same, on random words of parts joined
// by hyphens, apostrophes, dots and commas, with text outside ASCII.
func TestJoinedEnd(t *testing.T) {
	parts := []string{"a", "Bc", "de", "xyzw", "1", "23", "456", "abcdefg", "abcdefgh", "ij9k", "é", "’", ""}
	glue := []string{"-", "-", "'", "'", ".", ",", " ", "\n", ";", "’", "—", "\x00", "-.", "'-", "' "}
	r := rand.New(rand.NewPCG(7, 11))
	found := 0
	for range 100_000 {
		var sb strings.Builder
		sb.WriteString(parts[r.IntN(len(parts)-3)]) // letters or digits first
		for range r.IntN(5) {
			sb.WriteString(glue[r.IntN(len(glue))])
			sb.WriteString(parts[r.IntN(len(parts))])
		}
		src := sb.String()
		text := src + strings.Repeat("\x00", 16)
		e := len(src) - r.IntN(3)
		// The end of the first run of letters and digits, as token has it.
		j := 0
		for j < e && isAlnum[text[j]] {
			j++
		}
		if j >= e || !wordGlue[text[j]] {
			continue
		}
		got := joinedEnd(text, j, e)
		if got < 0 {
			continue
		}
		found++
		if want := wordEndFrom(text, 0, j, e); got != want {
			t.Fatalf("joinedEnd(%q, %d, %d) = %d, wordEndFrom %d", src, j, e, got, want)
		}
	}
	if found < 5_000 {
		t.Errorf("only %d words joined", found)
	}
}
