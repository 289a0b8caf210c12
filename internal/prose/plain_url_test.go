package prose

import (
	"strings"
	"testing"
)

func TestIndexWWW(t *testing.T) {
	for _, s := range []string{"", "www", "www.", "awww.", "aawww.", "aaawww.", "xxxxxxwww.", "xxxxxxxwww.",
		"xxxxxxxxxwww.a", "wwwwwww.", "ww.www", "ww.ww.www", strings.Repeat("w", 30) + ".", strings.Repeat("w", 31) + ".",
		"see www.gao.gov and www.x", "xxxxxxxwwwwwwwwwwwwww.", "xxxxxxww", "xxxxxxww.www."} {
		for p := 0; p < 8; p++ {
			s := strings.Repeat("a", p) + s
			if got, want := indexWWW(s), strings.Index(s, "www."); got != want {
				t.Errorf("indexWWW(%q) = %d, want %d", s, got, want)
			}
		}
	}
}
