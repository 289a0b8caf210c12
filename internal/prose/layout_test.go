package prose

import (
	"testing"
	"unsafe"
)

// A 20 MB draft holds some 160 K sentences, 70 K blocks and 320 K prose
// segments: their compact layouts save 10 MB of its live heap, which a new
// field of type int would quietly give back.
func TestCompactLayouts(t *testing.T) {
	for _, c := range []struct {
		name       string
		size, want uintptr
	}{
		{"Sentence", unsafe.Sizeof(Sentence{}), 12},
		{"Block", unsafe.Sizeof(Block{}), 28},
		{"Segment", unsafe.Sizeof(Segment{}), 8},
	} {
		if c.size > c.want {
			t.Errorf("%s takes %d bytes, want at most %d", c.name, c.size, c.want)
		}
	}
}

func TestSentenceAndBlockAccessors(t *testing.T) {
	src := "First one here. Second one!\n\nA new block."
	d := Parse("x.txt", []byte(src), Plain)
	if len(d.Blocks) != 2 || len(d.Sentences) != 3 || len(d.Prose) != 2 {
		t.Fatalf("got %d blocks, %d sentences, %d segments; want 2, 3, 2", len(d.Blocks), len(d.Sentences), len(d.Prose))
	}
	s := d.Sentences[1]
	if d.SentenceSpan(s) != (Span{16, 27}) || s.Block() != 0 || d.TokenText(s.FirstToken()) != "Second" || d.TokenText(s.EndToken()-1) != "!" {
		t.Errorf("sentence 1: %q block %d tokens [%d,%d)", d.Slice(d.SentenceSpan(s)), s.Block(), s.FirstToken(), s.EndToken())
	}
	b := d.Blocks[1]
	if d.Slice(b.Span()) != "A new block." || b.Start() != 29 || b.End() != len(src) || b.Kind() != Paragraph || b.InQuote() ||
		b.FirstSentence() != 2 || b.EndSentence() != 3 || b.FirstToken() != d.Sentences[2].FirstToken() || b.EndToken() != len(d.Tokens) {
		t.Errorf("block 1: %q [%d,%d) sentences [%d,%d) tokens [%d,%d)", d.Slice(b.Span()), b.Start(), b.End(), b.FirstSentence(), b.EndSentence(), b.FirstToken(), b.EndToken())
	}
	if g := d.Prose[1]; g.Span() != (Span{29, len(src)}) || g.Start() != 29 || g.End() != len(src) {
		t.Errorf("segment 1: %v", g.Span())
	}
}
