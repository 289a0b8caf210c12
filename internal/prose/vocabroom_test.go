package prose

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// builder.first stores a new type's entries without bounds checks: the
// token (putLast, see unchecked_test.go), the slot, refs, counts, lens,
// cased, and the text as its two 8-byte keys, sixteen bytes at v.size of
// buf. Each is in range while the type's ID is below v.room, which
// firstSlow sets to roomNow (the least room of them all, sixteen bytes of
// buf a type) and vocab.add lowers by the bytes its type takes. So the
// invariant is v.room <= v.roomNow() at every first use: checked here
// after the tokenizer stops at every cut of texts rich in new types (of
// up to 15 bytes, first's; of 16 and more, add's; capitalised ones,
// cased's), from estimates too low, so that every slice grows on the way.
// And the texts first stores as keys must be the tokens' texts.

// richText returns a text of n words, most of them new, of random
// lengths up to 40 bytes.
func richText(r *rand.Rand, n int) string {
	var sb strings.Builder
	for range n {
		l := 1 + r.IntN(15)
		if r.IntN(6) == 0 {
			l = 16 + r.IntN(25)
		}
		for k := range l {
			c := byte('a' + r.IntN(26))
			if k == 0 && r.IntN(4) == 0 {
				c -= 'a' - 'A'
			} else if r.IntN(12) == 0 {
				c = byte('0' + r.IntN(10))
			}
			sb.WriteByte(c)
		}
		sb.WriteString([]string{" ", " ", " ", ", ", ". ", "\n", "-"}[r.IntN(7)])
	}
	return sb.String()
}

// checkVocabRoom tokenizes text[:end] as one span with an estimate of
// est tokens, and checks the room invariant and the types' texts.
func checkVocabRoom(t *testing.T, text string, end, est int) {
	t.Helper()
	buf := make([]byte, end, end+ReadAhead)
	copy(buf, text[:end])
	src := bytesView(buf)
	b := &builder{text: src, readable: cap(buf), toks: make([]Token, 0, end+1)}
	b.starts.bases = make([]uint32, 0, (end+1)>>groupShift+1)
	b.v.init(src, est)
	b.tokenize(Span{0, end})
	v := &b.v
	if now := v.roomNow(); len(v.refs) < v.limit-1 && v.room > now {
		t.Fatalf("text[:%d], est %d: room %d past roomNow %d (%d types, %d of %d bytes)", end, est, v.room, now, len(v.refs), v.size, len(v.buf))
	}
	if v.size+16 > len(v.buf) {
		t.Fatalf("text[:%d], est %d: %d of %d bytes, no sixteen past them", end, est, v.size, len(v.buf))
	}
	for k, tok := range b.toks {
		id := tok.ID()
		r := v.refs[id]
		start, n := int(uint32(r)), int(r>>32)
		at := b.starts.start(k, tok)
		if n == 0 || at+n > end {
			continue // the overflow ID, or cut
		}
		if got, want := v.base[start:start+n], src[at:at+n]; got != want {
			t.Fatalf("text[:%d], est %d: token %d's type %d is %q, the text %q", end, est, k, id, got, want)
		}
	}
}

// TestVocabRoom checks first's room at cuts of rich texts, with small
// and tight estimates.
func TestVocabRoom(t *testing.T) {
	r := rand.New(rand.NewPCG(23, 7))
	cases := 0
	for iter := range 40 {
		text := richText(r, 50+r.IntN(400))
		step := max(1, len(text)/60)
		for end := 0; end <= len(text); end += step {
			for _, est := range []int{1, 16, 1 + iter*5} {
				checkVocabRoom(t, text, end, est)
				cases++
			}
		}
	}
	if cases < 5000 {
		t.Errorf("only %d cases", cases)
	}
}
