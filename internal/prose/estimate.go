package prose

import "math/bits"

// estimateTokens estimates the number of tokens in the prose segments, so
// that the token slice (most of what a Document keeps) is allocated once
// at about its final size instead of grown by copying.
//
// It counts where tokens start, eight bytes at a time for ASCII: a
// punctuation mark, a run of letters and digits, a letter after non-word
// bytes; a hyphen or apostrophe between two letters joins them. Dotted
// abbreviations, decimals and thousands separators make it overcount a
// little (3–5% on the clean corpora), which is cheaper than growing.
//
// Plain text is counted in one run: its segments are its lines, less URLs
// and directives, and counting them one by one costs more than the few
// tokens it saves. All but a small text is sampled (sampleTokenStarts),
// and so is the prose of all but small Markdown (sampleSegments).
//
// A tiny text (tinyText bytes of prose or fewer) is not read: its tokens
// are taken to be a quarter of its bytes, more than prose has (one in
// five to seven bytes). Counting took ten instructions a byte, 10K a
// file of a run over many 1 KB files, where the room for a few hundred
// tokens more costs a few hundred.
func (d *Document) estimateTokens() int {
	n := 0
	if prose := d.proseBytes(); prose <= tinyText {
		n = prose / 4
	} else if d.Format == Plain {
		n = sampleTokenStarts(d.Text, bomLen(d.Src), len(d.Text))
	} else {
		n = sampleSegments(d.Text, d.Prose)
	}
	return n + n/64 + 8
}

// sampleSegments estimates the sum of countTokenStarts over segs as
// sampleTokenStarts estimates it over a text: once they hold more than
// smallText bytes, the segments that start in the first window bytes of
// every stride of their bytes (see sampling) are counted, and the count
// scaled by the bytes of all to the bytes counted. (Counting all the
// prose took 4% of a run on the 20 MiB Markdown corpus.)
func sampleSegments(text string, segs []Segment) int {
	total := 0
	for _, s := range segs {
		total += s.End() - s.Start()
	}
	n := 0
	if total <= smallText {
		for _, s := range segs {
			n += countTokenStarts(text, s.Start(), s.End())
		}
		return n
	}
	stride, sampleLen := sampling(total)
	sampled, pos, window := 0, 0, 0
	for _, s := range segs {
		for pos >= window+sampleLen {
			window += stride
		}
		if pos >= window {
			n += countTokenStarts(text, s.Start(), s.End())
			sampled += s.End() - s.Start()
		}
		pos += s.End() - s.Start()
	}
	return int(int64(n) * int64(total) / int64(max(sampled, 1)))
}

// tinyText is the most bytes of prose estimateTokens estimates without
// reading them.
const tinyText = 4 << 10

// proseBytes is the number of bytes estimateTokens estimates the tokens
// of: a plain text's, less its byte order mark, or a Markdown document's
// prose segments' (summed only until the sum passes tinyText: it only
// tells whether it does).
func (d *Document) proseBytes() int {
	if d.Format == Plain {
		return len(d.Text) - bomLen(d.Src)
	}
	total := 0
	for _, s := range d.Prose {
		if total += s.End() - s.Start(); total > tinyText {
			break
		}
	}
	return total
}

// Sampling by sampleTokenStarts and sampleSegments: a text of up to
// smallText bytes is counted whole; a longer one by the first window
// bytes of every stride (see sampling).
const (
	smallText  = 16 << 10
	maxStride  = 64 << 10
	minStride  = 2 << 10
	maxWindow  = 512
	minSamples = 64
	// thinText: a text of this many bytes or more is sampled by
	// windows of a thirty-second of the stride, not an eighth.
	thinText = 64 << 10
)

// sampling returns the stride and window for sampling size bytes: a
// stride of a sixty-fourth of the text, within minStride and maxStride,
// and a window of an eighth of the stride below thinText, of a
// thirty-second from there, up to maxWindow. So a text of 4 MB or more
// is sampled 512 bytes every 64 KB, one of a megabyte 512 bytes every
// 16 KB, one of 64 to 128 KB 64 bytes every 2 KB, and one of 16 to 64
// KB 256 bytes every 2 KB. (A kilobyte every 64 KB cost 3.2M on the 20
// MiB corpus; at 512 bytes its estimate, and that of its 2 and 4 MB
// pieces, is 1.02 to 1.09 of the tokens.)
//
// Small texts are sampled too, for a run over many files: counting every
// byte of 205 files of 100 KB took 206M instructions, 4% of the run, and
// a tenth of the parse. The sampling error grows as the samples get
// fewer: on 16, 32, 64 and 100 KB pieces of the clean corpora, one in a
// hundred estimates falls 6.5, 5.4, 3.4 and 0% short (counting whole, none
// does). A short estimate costs one growth of the token slice, a copy of
// four bytes a token, which for a small text costs less than counting it.
// So from 64 KB, where there are 32 windows or more, they are cut to a
// thirty-second of the stride: on the 205 files of 100 KB the count cost
// 26.2M instructions, 13.3M with windows of a sixteenth and 6.8M with a
// thirty-second (the run 18.0M less), and the estimate of 100 KB pieces
// of the clean corpora rose from 1.046 to 1.089 of their tokens at the
// median, none short. (Below 64 KB the windows get too few: a 20 KB
// piece fell a tenth short.)
func sampling(size int) (stride, window int) {
	stride = min(maxStride, max(minStride, size/minSamples))
	if size < thinText {
		return stride, min(maxWindow, stride/8)
	}
	return stride, min(maxWindow, stride/32)
}

// sampleTokenStarts estimates countTokenStarts(text, s, e) from a sample
// of the text when it is longer than smallText (see sampling), scaled up.
// Counting the whole of a large text took 8% of the parse on one core, a
// sixteenth of it (4 KB of every 64) 2.5%, a sixty-fourth 0.6% (it is
// now a hundred-and-twenty-eighth). Many small samples spread over the
// text estimate it as well as fewer large ones: each starts inside a
// token, which it counts (a slight overshoot).
// The count's overshoot (3–5%) and estimateTokens' margin cover the
// sampling error of a large text (the estimate is 3 to 6% over the count
// of tokens on the 6, 10, 20 and 100 MB corpora and on the two clean
// corpora); an estimate a little short costs one growth of the token
// slice.
func sampleTokenStarts(text string, s, e int) int {
	if e-s <= smallText {
		return countTokenStarts(text, s, e)
	}
	stride, window := sampling(e - s)
	n, sampled := 0, 0
	for i := s; i < e; i += stride {
		end := min(i+window, e)
		n += countTokenStarts(text, i, end)
		sampled += end - i
	}
	return int(int64(n) * int64(e-s) / int64(sampled))
}

const (
	lsb = 0x0101010101010101
	msb = 0x8080808080808080
)

// countState carries the byte-class context from one byte to the next.
type countState struct {
	prevWord   bool // the previous byte belongs to a word
	afterJoint bool // the previous byte is a joining hyphen or apostrophe
	contPunct  int  // continuation bytes left of a punctuation character
}

func countTokenStarts(text string, s, e int) int {
	n := 0
	// Bit 7 set: the byte before the current word is a letter or digit
	// (carryA), or a joining hyphen or apostrophe (carryJ).
	var carryA, carryJ uint64
	i := s
	for ; i+8 <= e; i += 8 {
		w := load64(text, i)
		if w&msb != 0 {
			st := countState{prevWord: carryA != 0, afterJoint: carryJ != 0}
			n += st.scalar(text, i, i+8, e)
			carryA, carryJ = 0, 0
			if st.prevWord {
				carryA = 0x80
			}
			if st.afterJoint {
				carryJ = 0x80
			}
			continue
		}
		// All ASCII: masks with the high bit of each byte set where the
		// byte is a letter or digit (a), white space or a control (sp), a
		// hyphen or apostrophe (j).
		l := w | 0x20*lsb
		letters := (l + (0x80-'a')*lsb) &^ (l + (0x7f-'z')*lsb)
		digits := (w + (0x80-'0')*lsb) &^ (w + (0x7f-'9')*lsb)
		a := (letters | digits) & msb
		sp := ^(w + (0x7f-0x20)*lsb) & msb
		j := eqBytes(w, '-') | eqBytes(w, '\'')
		punct := msb &^ a &^ sp
		prevA := a<<8 | carryA
		// A joining mark between two letters starts no token, nor does the
		// letter after it. (One in the last byte of the word is missed:
		// a slight overcount.)
		jj := j & prevA & (a >> 8)
		n += bits.OnesCount64(punct&^jj | a&^prevA&^(jj<<8|carryJ))
		carryA, carryJ = a>>56, jj>>56
	}
	st := countState{prevWord: carryA != 0, afterJoint: carryJ != 0}
	return n + st.scalar(text, i, e, e)
}

// eqBytes sets the high bit of each byte of the ASCII word w equal to c.
func eqBytes(w uint64, c byte) uint64 {
	y := w ^ uint64(c)*lsb
	return ^(y + 0x7f*lsb) & msb
}

// isWordLead reports whether c may start or continue a word: a letter or
// digit, or the lead byte of a letter outside the ASCII range.
func isWordLead(c byte) bool {
	return asciiClass[c&0x7f] == cAlnum && c < 0x80 || c >= 0xc3 && c != 0xe2
}

// scalar counts the token starts in text[i:to] byte by byte; e ends the
// segment. Outside ASCII, lead bytes 0xC2 and 0xE2 start symbols and
// punctuation (NBSP, «, —, ’, “, …); the others start letters.
func (st *countState) scalar(text string, i, to, e int) int {
	n := 0
	for ; i < to; i++ {
		c := text[i]
		switch {
		case c < 0x80:
			st.contPunct = 0
			switch asciiClass[c] {
			case cAlnum:
				if !st.prevWord && !st.afterJoint {
					n++
				}
				st.prevWord, st.afterJoint = true, false
				continue
			case cSpace:
			default:
				if (c == '-' || c == '\'') && st.prevWord && i+1 < e && isWordLead(text[i+1]) {
					st.prevWord, st.afterJoint = false, true
					continue
				}
				if c > ' ' {
					n++
				}
			}
			st.prevWord, st.afterJoint = false, false
		case c >= 0xc0:
			if c == 0xc2 || c == 0xe2 {
				n++
				st.contPunct = int(c>>5) - 5 // 1 for 0xC2, 2 for 0xE2
				st.prevWord, st.afterJoint = false, false
				continue
			}
			if !st.prevWord && !st.afterJoint {
				n++
			}
			st.prevWord, st.afterJoint, st.contPunct = true, false, 0
		default: // continuation byte
			if st.contPunct > 0 {
				st.contPunct--
			}
		}
	}
	return n
}
