package spell

import "unicode/utf8"

// distanceStack is the longest string (in runes) Distance handles without
// allocating; longer ones use the heap.
const distanceStack = 64

// Distance is the optimal-string-alignment distance between a and b,
// counting runes: insertions, deletions, substitutions and transpositions
// of neighbours each cost one. It does not allocate for words of up to
// 64 runes.
func Distance(a, b string) int {
	var abuf, bbuf [distanceStack]rune
	ra, aok := runesInto(abuf[:0], a)
	rb, bok := runesInto(bbuf[:0], b)
	if !aok {
		ra = []rune(a)
	}
	if !bok {
		rb = []rune(b)
	}
	if len(ra) < len(rb) {
		ra, rb = rb, ra
	}
	// Strip the common prefix and suffix: they cost nothing, and a
	// transposition never spans them (it would need a differing pair).
	for len(rb) > 0 && ra[0] == rb[0] {
		ra, rb = ra[1:], rb[1:]
	}
	for len(rb) > 0 && ra[len(ra)-1] == rb[len(rb)-1] {
		ra, rb = ra[:len(ra)-1], rb[:len(rb)-1]
	}
	if len(rb) == 0 {
		return len(ra)
	}
	var rowBuf [3 * (distanceStack + 1)]int
	rows := rowBuf[:]
	if w := len(rb) + 1; 3*w > len(rows) {
		rows = make([]int, 3*w)
	}
	w := len(rb) + 1
	prev2, prev, cur := rows[:w], rows[w:2*w], rows[2*w:3*w]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		ca := ra[i-1]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ca == rb[j-1] {
				cost = 0
			}
			c := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ca == rb[j-2] && ra[i-2] == rb[j-1] {
				c = min(c, prev2[j-2]+1)
			}
			cur[j] = c
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// runesInto decodes s into buf (len 0) if it fits; ok is false if not.
func runesInto(buf []rune, s string) ([]rune, bool) {
	for i := 0; i < len(s); {
		if len(buf) == cap(buf) {
			return buf, false
		}
		c := s[i]
		if c < utf8.RuneSelf {
			buf = append(buf, rune(c))
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		buf = append(buf, r)
		i += n
	}
	return buf, true
}
