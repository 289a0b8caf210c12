package prose

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestIndexWWW(t *testing.T) {
	for _, s := range []string{"", "www", "www.", "awww.", "aawww.", "aaawww.", "xxxxxxwww.", "xxxxxxxwww.",
		"xxxxxxxxxwww.a", "wwwwwww.", "ww.www", "ww.ww.www", strings.Repeat("w", 30) + ".", strings.Repeat("w", 31) + ".",
		"see www.gao.gov and www.x", "xxxxxxxwwwwwwwwwwwwww.", "xxxxxxww", "xxxxxxww.www."} {
		for p := 0; p < 18; p++ {
			s := strings.Repeat("a", p) + s
			if got, want := indexWWW(s), strings.Index(s, "www."); got != want {
				t.Errorf("indexWWW(%q) = %d, want %d", s, got, want)
			}
		}
	}
}

// TestIndexWWWRandom compares indexWWW with strings.Index on random
// strings of w, dots and other letters, of every length up to 80.
func TestIndexWWWRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	b := make([]byte, 80)
	for range 100000 {
		n := r.IntN(len(b) + 1)
		for k := range n {
			b[k] = "wwww.a"[r.IntN(6)]
		}
		s := string(b[:n])
		if got, want := indexWWW(s), strings.Index(s, "www."); got != want {
			t.Fatalf("indexWWW(%q) = %d, want %d", s, got, want)
		}
	}
}
