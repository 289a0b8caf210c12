package rules

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"

	"github.com/edlint/edlint/internal/prose"
)

// continuesRef is continues read rune by rune through the Unicode tables,
// the gap's lines counted by strings.Count.
func continuesRef(d *prose.Document, a, b int) bool {
	ba, bb := d.Blocks[a], d.Blocks[b]
	gap := d.Text[ba.End():bb.Start()]
	last := tok(d, ba.EndToken()-1)
	first := tok(d, bb.FirstToken())
	finished := false
	switch lastRune(last) {
	case '.', '?', '!', ':', '"', '”', '’', ')', '…':
		finished = true
	}
	if !finished || isLowerWord(first) || unicode.IsDigit(firstRune(first)) {
		return true
	}
	if strings.Count(gap, "\n") > 1 {
		return false
	}
	return indent(d, bb.Start()) >= indent(d, lineStart(d, ba.End()))
}

// TestContinues checks continues against continuesRef at every block
// break of hard-wrapped texts whose lines end and start with ASCII and
// other characters, indented or not, some after a blank line.
func TestContinues(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	starts := []string{"The", "the", "3", "Ça", "éclair", "٣", "“Quoted", "(aside", "Émile", "x"}
	ends := []string{".", "?", "!", ":", "\"", ")", "”", "’", "…", "word", "café", "—", ","}
	indents := []string{"", "", " ", "  ", "\t"}
	breaks := 0
	for n := range 60 {
		var b strings.Builder
		for range 20 + r.IntN(40) {
			b.WriteString(indents[r.IntN(len(indents))])
			b.WriteString(starts[r.IntN(len(starts))])
			for range r.IntN(12) {
				b.WriteString(" some words")
			}
			b.WriteString(" end")
			b.WriteString(ends[r.IntN(len(ends))])
			b.WriteByte('\n')
			if r.IntN(6) == 0 {
				b.WriteString(strings.Repeat("\n", 1+r.IntN(2)))
			}
		}
		d := prose.Parse(fmt.Sprintf("c%d.txt", n), []byte(b.String()), prose.Plain)
		for bi := 1; bi < len(d.Blocks); bi++ {
			if d.Blocks[bi-1].FirstToken() == d.Blocks[bi-1].EndToken() || d.Blocks[bi].FirstToken() == d.Blocks[bi].EndToken() {
				continue
			}
			breaks++
			if got, want := continues(d, bi-1, bi), continuesRef(d, bi-1, bi); got != want {
				t.Fatalf("doc %d: break before block %d (%q | %q): continues %v, want %v", n, bi,
					d.Slice(prose.Span{Start: d.Blocks[bi-1].Start(), End: d.Blocks[bi-1].End()}),
					d.Slice(prose.Span{Start: d.Blocks[bi].Start(), End: d.Blocks[bi].End()}), got, want)
			}
		}
	}
	if breaks < 500 {
		t.Fatalf("only %d block breaks", breaks)
	}
}

// joinPieces joins up to n-1 pieces drawn at random.
func joinPieces(r *rand.Rand, pieces []string, n int) string {
	var b strings.Builder
	for range r.IntN(n) {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

// TestListLike checks listLike, which searches for each mark alone,
// against strings.ContainsAny on random texts of the marks, their bytes
// apart and other text, valid UTF-8 or not.
func TestListLike(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	pieces := []string{"·", "•", "|", "→", "\xc2", "\xb7", "\xe2", "\x80", "\xa2", "\x86", "\x92", "’", "—", "a", " ", "é"}
	found := 0
	for range 20000 {
		s := joinPieces(r, pieces, 6)
		want := strings.ContainsAny(s, "·•|→")
		if got := listLike(s); got != want {
			t.Fatalf("listLike(%q) = %v, want %v", s, got, want)
		}
		if want {
			found++
		}
	}
	if found == 0 {
		t.Fatal("no text with a mark: the test says nothing")
	}
}

// TestIndexHyphen checks indexHyphen against strings.IndexAny on random
// texts of hyphens, their bytes apart and other text, valid UTF-8 or not.
func TestIndexHyphen(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	pieces := []string{"-", "‐", "‑", "–", "—", "\xe2", "\x80", "\x90", "\x91", "’", "a", "é", "x-ray"}
	found := 0
	for range 20000 {
		s := joinPieces(r, pieces, 6)
		want := strings.IndexAny(s, "-‐‑")
		if got := indexHyphen(s); got != want {
			t.Fatalf("indexHyphen(%q) = %d, want %d", s, got, want)
		}
		if want > 0 {
			found++
		}
	}
	if found == 0 {
		t.Fatal("no text with a hyphen past its start: the test says nothing")
	}
}

// TestQuote checks quote against fmt's %q on texts drawn from pieces that
// Quote keeps (letters, accents, marks, a curly quote) and pieces it
// escapes (the straight quotation mark, the backslash, control and
// format characters, invalid UTF-8, a rune of no category), each
// alone and mixed.
func TestQuote(t *testing.T) {
	r := rand.New(rand.NewPCG(31, 32))
	pieces := []string{"a", "Z", " ", "-", "'", "’", "é", "ß", "naïve", "日本", "ـ", "\U0001F600", "~",
		"\"", "\\", "\t", "\n", "\x00", "\x7f", "\u00ad", "\u200b", "\u2028", "\xff", "\xc3", "\xe2\x80", "\ufffd", "\U0010FFFF", "\u0378"}
	for n := range 4000 {
		s := joinPieces(r, pieces, n%6+1)
		if got, want := quote(s), fmt.Sprintf("%q", s); got != want {
			t.Fatalf("quote(%+q) = %s, want %s", s, got, want)
		}
	}
}

// TestIndentAtLeast checks indentAtLeast against indentAt on lines of
// spaces, tabs and letters, runs of spaces longer and shorter than the
// eight it reads at once, up to the end of the text.
func TestIndentAtLeast(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		b := make([]byte, r.IntN(40))
		blank := 5 + r.IntN(5) // in ten: how many of the bytes are spaces
		for i := range b {
			switch k := r.IntN(10); {
			case k < blank-1:
				b[i] = ' '
			case k == blank-1:
				b[i] = '\t'
			case k == blank:
				b[i] = '\n'
			default:
				b[i] = 'x'
			}
		}
		text := string(b)
		x, y := r.IntN(len(text)+1), r.IntN(len(text)+1)
		want := indentAt(text, y) >= indentAt(text, x)
		if got := indentAtLeast(text, y, x); got != want {
			t.Fatalf("indentAtLeast(%q, %d, %d) = %v, want %v", text, y, x, got, want)
		}
	}
}
