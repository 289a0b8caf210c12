package prose

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// parseUnjoined is Parse(path, src, Plain) built without the marks of the
// joined lines (see joinedLine): buildPart then tokenizes every segment on
// its own and calls join after each, as it does for Markdown.
func parseUnjoined(path string, src []byte) *Document {
	d := &Document{Path: path, Format: Plain, Src: src, Text: bytesView(src)}
	d.lines, d.Invalid = scanSource(src, true)
	blocks, _ := d.plainBlocks()
	d.build(blocks, nil, 1)
	return d
}

// TestJoinedRuns checks buildPart's runs of joined lines, tokenized as one
// span, against the segments tokenized one by one (parseUnjoined): the
// documents of random hard-wrapped drafts must be the same, field by
// field. The lines are random paragraphs (see randomParagraph), indented
// or not, some starting with characters outside ASCII or invisible ones,
// some holding a URL, ending in LF or CRLF, with blank lines between some.
func TestJoinedRuns(t *testing.T) {
	r := rand.New(rand.NewPCG(23, 5))
	leads := []string{"", "", "", "", "", "", "", "", "    ", "                ", "\t", "\u200b", "\u00a0", "é", "“", "- ", "<b>"}
	ends := []string{"\n", "\n", "\n", "\n", "\n", "\n", "\n", "\n", "\r\n", "\n\n", " \n", "\u00a0\n"}
	urls := []string{"", "", "", "", "", "", "", "", " www.gao.gov", " http://x.org/a", " a@b.com"}
	runs := 0
	for range 3000 {
		var sb strings.Builder
		for range 20 + r.IntN(60) {
			sb.WriteString(leads[r.IntN(len(leads))])
			sb.WriteString(randomParagraph(r))
			sb.WriteString(urls[r.IntN(len(urls))])
			// (Most lines end in a word that lets the block go on.)
			sb.WriteString([]string{" and the", " and the", " and the", " and the", " and the", " so on.", ""}[r.IntN(7)])
			sb.WriteString(ends[r.IntN(len(ends))])
		}
		src := sb.String()
		// With room to read ahead (tokenize's loop) and without (token
		// reads the last span).
		for _, b := range [][]byte{append(make([]byte, 0, len(src)+ReadAhead), src...), exactBytes(src)} {
			d := Parse("j", b, Plain)
			sameDocument(t, src, d, parseUnjoined("j", b))
		}
		// Lines joined to the line before, as one span.
		d := &Document{Src: []byte(src), Text: src}
		d.lines, d.Invalid = scanSource(d.Src, true)
		blocks, joins := d.plainBlocks()
		for _, rb := range blocks {
			for k := rb.firstSeg + 1; k < rb.endSeg; k++ {
				if joinedLine(joins, int(k)) && joinedLine(joins, int(k)-1) && d.Prose[k].start == d.Prose[k-1].end+1 {
					runs++
				}
			}
		}
	}
	if runs < 5_000 {
		t.Errorf("only %d lines joined to the line before", runs)
	}
}

// TestJoinedRun checks joinedRun against joinedLine asked bit by bit, on
// random marks with long runs of set bits (across words too, and runs that
// end inside a word), and on no marks at all.
func TestJoinedRun(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 9))
	for range 2000 {
		joins := make([]uint64, r.IntN(5))
		for w := range joins {
			switch r.IntN(4) {
			case 0:
				joins[w] = ^uint64(0)
			case 1:
				joins[w] = r.Uint64()
			case 2:
				joins[w] = ^uint64(0) >> r.IntN(64)
			default:
				joins[w] = ^uint64(0) << r.IntN(64)
			}
		}
		for k := -1; k < len(joins)*64+2; k++ {
			most := r.IntN(len(joins)*64 + 4)
			want := 0
			for want < most && joinedLine(joins, k+1+want) {
				want++
			}
			if got := joinedRun(joins, k, most); got != want {
				t.Fatalf("joinedRun(%x, %d, %d) = %d, want %d", joins, k, most, got, want)
			}
		}
	}
}
