package prose

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// quickLinesPlain is quickLines as the loop it was in plainRun, on
// slices with their bounds checked: the oracle for the walk by pointer.
func quickLinesPlain(text string, lines []uint32, prose []Segment, blocks []rawBlock, open bool, urlFirst int) (int, []Segment, []rawBlock, bool) {
	n := 0
	for ; n < len(lines)-1; n++ {
		start, end := int(lines[n]), int(lines[n+1])-1
		if end-start > 100 {
			break
		}
		line := text[start:end]
		line = strings.TrimSuffix(line, "\r")
		if line == "" {
			open = false
			continue
		}
		body := strings.TrimLeft(line, " ")
		if body == "" {
			break
		}
		c := line[len(line)-1]
		// (It leaves the lines that start with an e and are shorter
		// than a word to the loop that asks isDirective.)
		directive := body[0] == 'e' && (len(body) < 8 || strings.HasPrefix(body, DirectivePrefix))
		if !isASCIIInk(body[0]) || body[0] == '<' || directive || quickFinal[c] == 0 || start+len(line) > urlFirst {
			break
		}
		f := quickFinal[c] - 1
		if f == finalAsk && len(body) >= 40 {
			// (endsBlock counts the code points of a line outside ASCII.)
			if strings.IndexFunc(body, func(r rune) bool { return r >= utf8.RuneSelf }) >= 0 {
				break
			}
			f = finalGoesOn
		}
		if !open {
			blocks = append(blocks, rawBlock{kind: Paragraph, firstSeg: uint32(len(prose))})
		}
		prose = append(prose, newSegment(start, start+len(line)))
		open = f == finalGoesOn
	}
	return n, prose, blocks, open
}

// TestQuickLines checks quickLines against quickLinesPlain on random runs
// of lines: blank, indented, with carriage returns, of every length about
// the limits, ending in every class of byte, with the nearest URL marker
// anywhere, and with segments and blocks already in the slices.
func TestQuickLines(t *testing.T) {
	pieces := []string{" ", "        ", "word ", "a", "Z", "9", ".", ",", ";", "-", ":", "!", "?", "\"", ")", "e", "<", "\t", "é", "…", "edlint-", "edlint", "edlint-x "}
	r := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		var sb strings.Builder
		sb.WriteString("first\n")
		lines := []uint32{0}
		for n := r.IntN(12); n > 0; n-- {
			lines = append(lines, uint32(sb.Len()))
			switch r.IntN(8) {
			case 0: // blank, or a carriage return alone
				sb.WriteString([]string{"", "\r", "   "}[r.IntN(3)])
			case 1: // about the limits of length, ASCII or not
				sb.WriteString(strings.Repeat("x", 36+r.IntN(8)))
				sb.WriteString([]string{"", "a", "A", ".", "\r", "éA", "é9Z", "…Z", "A é Z"}[r.IntN(9)])
			case 2:
				sb.WriteString(strings.Repeat("word ", 19+r.IntN(3)) + "end.")
			default:
				sb.WriteString(randomPieces(r, pieces, 12))
			}
			sb.WriteByte('\n')
		}
		lines = append(lines, uint32(sb.Len()))
		text := sb.String()
		urlFirst := r.IntN(len(text) + 2)
		open := r.IntN(2) == 0
		had := r.IntN(3)
		prose := make([]Segment, had, had+len(lines))
		blocks := make([]rawBlock, had, had+len(lines))
		for _, ls := range [][]uint32{lines, lines[1:], lines[:1]} {
			n, p, b, o := quickLines(text, ls, withRoom(prose), withRoom(blocks), open, urlFirst)
			wn, wp, wb, wo := quickLinesPlain(text, ls, withRoom(prose), withRoom(blocks), open, urlFirst)
			if n != wn || !slices.Equal(p, wp) || !slices.Equal(b, wb) || o != wo {
				t.Fatalf("quickLines(%q, %v, open %v, url %d) = %d %v %v %v, want %d %v %v %v",
					text, ls, open, urlFirst, n, p, b, o, wn, wp, wb, wo)
			}
		}
	}
}

// withRoom copies s with its room.
func withRoom[T any](s []T) []T { return append(make([]T, 0, cap(s)), s...) }

// TestPlainBlockALine parses plain text whose every line is a block of
// its own, so that plainRun's quick loop fills the blocks' room: quickWalk
// must form no pointer past the end of their array (checkptr, on under
// go test -race, stops the run if it does).
func TestPlainBlockALine(t *testing.T) {
	for n := 1; n < 200; n++ {
		src := strings.Repeat("A line of its own.\n", n)
		d := Parse("t.txt", []byte(src), Plain)
		if len(d.Blocks) != n {
			t.Fatalf("%d lines: %d blocks, want %d", n, len(d.Blocks), n)
		}
	}
}
