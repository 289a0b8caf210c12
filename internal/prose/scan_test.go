package prose

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestScanSource compares scanSource's line table and invalid bytes with
// a byte-by-byte scan and invalidOffsets, on random text of newlines,
// tabs, letters and pieces of valid and invalid UTF-8, of every length up
// to 200, so that characters and newlines fall at every place in and
// across the sixteen-byte steps; and appendLineStarts without the
// invalid bytes from a random start.
func TestScanSource(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	pieces := []string{"\n", "\t", "\r\n", "a", "b c", "é", "’", "𝄞", "\xe2\x80", "\x80", "\xff", "\xc3", "\xf0\x9d\x84",
		// Bytes next to a newline's value, below and above it, and
		// at the ends of ASCII, against the word tricks that find
		// newlines.
		"\x0b", "\n\x0b", "\t\n", "\x7f", "\x00", " ", "\n\n", "\x8a", "\x0a\x8a",
		// Three bytes whose second must be narrower than a
		// continuation byte (overlong, surrogate), at the edges of
		// those checked without decoding, and cut short.
		"\xe0\x80\x80", "\xe0\xa0\x80", "\xed\xa0\x80", "\xed\x9f\xbf", "\xe1\x80\x80", "\xec\xbf\xbf",
		"\xef\xbf\xbf", "\xee\x80", "\xef\xbf\x0a", "\xe1\x0a\x80", "\xf0\x80\x80"}
	var b strings.Builder
	for range 50000 {
		b.Reset()
		n := r.IntN(200)
		for b.Len() < n {
			if r.IntN(3) == 0 {
				b.WriteString(pieces[r.IntN(len(pieces))])
			} else {
				b.WriteString(strings.Repeat("x", r.IntN(20)))
			}
		}
		src := []byte(b.String())
		want := []uint32{0}
		for i, c := range src {
			if c == '\n' {
				want = append(want, uint32(i+1))
			}
		}
		lines, bad := scanSource(src, true)
		if !slices.Equal(lines, want) {
			t.Fatalf("scanSource(%q) lines = %v, want %v", src, lines, want)
		}
		// Without the invalid bytes, as each share of
		// lineStartsParallel is scanned, from every start.
		from := r.IntN(len(src) + 1)
		for from > 0 && from < len(src) && src[from]&0xc0 == 0x80 {
			from--
		}
		part := appendLineStarts(make([]uint32, 0, 1), bytesView(src), from, len(src), nil)
		k, _ := slices.BinarySearch(want, uint32(from+1))
		if !slices.Equal(part, want[k:]) {
			t.Fatalf("appendLineStarts(%q, %d) = %v, want %v", src, from, part, want[k:])
		}
		if wantBad := invalidOffsets(src); !slices.Equal(bad, wantBad) || (bad == nil) != (wantBad == nil) {
			t.Fatalf("scanSource(%q) invalid = %v, want %v", src, bad, wantBad)
		}
	}
}
