package prose

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// endsBlockDecoded is endsBlock as it was before its ASCII shortcut.
func endsBlockDecoded(line string) bool {
	r, _ := utf8.DecodeLastRuneInString(line)
	switch r {
	case '.', '!', '?', ':', '"', '”', '’', ')', '…':
		return true
	}
	if r >= 'a' && r <= 'z' || r == ',' || r == '-' || r == ';' {
		return false
	}
	if r < utf8.RuneSelf {
		return len(line) < 40 || len(line) < 160 && utf8.RuneCountInString(line) < 40
	}
	return endsBlock(line)
}

// TestTrimSpaceAndEndsBlock checks trimSpace against strings.TrimSpace and
// endsBlock's ASCII shortcut against decoding, on random lines of spaces,
// ASCII, Unicode white space and other characters.
func TestTrimSpaceAndEndsBlock(t *testing.T) {
	pieces := []string{" ", "        ", "\t", "\r", "\v", "\f", "\u00a0", "\u3000", "\u2028", "a", "Z", "9", ".", ",", ";", "-", "!", "?", ":", "\"", ")", "é", "”", "…", "\xff"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		s := randomPieces(r, pieces, 30)
		if got, want := trimSpace(s), strings.TrimSpace(s); got != want {
			t.Fatalf("trimSpace(%q) = %q, want %q", s, got, want)
		}
		if s != "" && s[len(s)-1] < utf8.RuneSelf {
			if got, want := endsBlock(s), endsBlockDecoded(s); got != want {
				t.Fatalf("endsBlock(%q) = %v, want %v", s, got, want)
			}
		}
	}
}

// TestRuneCount checks runeCount against utf8.RuneCountInString on random
// strings of ASCII, other characters and invalid bytes.
func TestRuneCount(t *testing.T) {
	pieces := []string{"a", "Z", " ", "word ", "é", "”", "…", "\xff", "\x80", "\xe2\x80", "𝄞"}
	r := rand.New(rand.NewPCG(3, 4))
	for range 100000 {
		s := randomPieces(r, pieces, 40)
		if got, want := runeCount(s), utf8.RuneCountInString(s); got != want {
			t.Fatalf("runeCount(%q) = %d, want %d", s, got, want)
		}
	}
}

// randomPieces joins fewer than most random picks from pieces.
func randomPieces(r *rand.Rand, pieces []string, most int) string {
	var sb strings.Builder
	for n := r.IntN(most); n > 0; n-- {
		sb.WriteString(pieces[r.IntN(len(pieces))])
	}
	return sb.String()
}
