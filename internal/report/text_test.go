package report

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

func TestWordDiff(t *testing.T) {
	p := newPalette(false)
	cases := []struct{ old, fixed, want string }{
		{"the Czeck StB", "the Czech StB", "the [-Czeck-]{+Czech+} StB"},
		{"exploads", "explo-ads", "[-exploads-]{+explo-ads+}"},
		{"About ‘Recruitent’ and", "About ‘Recruitment’ and", "About ‘[-Recruitent-]{+Recruitment+}’ and"},
		{"a  b", "a b", "a[-  -]{+ +}b"},
	}
	for _, c := range cases {
		if got := wordDiff(p, c.old, c.fixed); got != c.want {
			t.Errorf("wordDiff(%q, %q) = %q, want %q", c.old, c.fixed, got, c.want)
		}
	}
}

func TestWordDiffLongLine(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 20000; i++ {
		b.WriteString("word")
		b.WriteString(strings.Repeat("x", i%7))
		b.WriteString(" ")
	}
	s := b.String()
	got := wordDiff(newPalette(false), s, strings.Replace(s, "wordx ", "world ", 1))
	if !strings.Contains(got, "[-wordx-]{+world+}") {
		t.Errorf("diff lost the change")
	}
}

// wordDiff shows how fixed differs from old, word by word: deleted words
// struck through in red, inserted words in green. Without colour the
// changes are marked [-old-]{+new+}, as git diff --word-diff does.
func wordDiff(p palette, old, fixed string) string {
	var b textBuf
	var wd wordDiffer
	wd.write(&b, &p, old, fixed)
	return string(b)
}

// TestWriteInt compares writeInt with strconv on every number to 10^5,
// around the powers of ten, at the ends and below zero.
func TestWriteInt(t *testing.T) {
	check := func(n int) {
		var b textBuf
		writeInt(&b, n)
		if want := strconv.Itoa(n); string(b) != want {
			t.Fatalf("writeInt(%d) = %q, want %q", n, b, want)
		}
	}
	for n := -1000; n <= 100000; n++ {
		check(n)
	}
	for p := 1; p < math.MaxInt/10; p *= 10 {
		check(p - 1)
		check(p)
		check(p + 1)
	}
	check(math.MaxInt)
	check(math.MinInt)
}
