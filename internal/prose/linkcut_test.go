package prose

import (
	"bytes"
	"maps"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// parseLinkify parses src as Markdown whole, with linkify: the document
// every parse in pieces, with or without linkify, must equal.
func parseLinkify(name string, src []byte, workers int) *Document {
	defer func(f bool, p, l int) { forceLinkify, mdPieceSize, linkSplitMin = f, p, l }(forceLinkify, mdPieceSize, linkSplitMin)
	forceLinkify, mdPieceSize, linkSplitMin = true, 1<<40, 1<<40
	return ParseWorkers(name, src, Markdown, workers)
}

// linkyDocument is random Markdown of n paragraphs and other blocks, some
// with bare URLs and addresses, most without, full of the inline syntax
// that linkify's trigger characters share (emphasis, strikethrough,
// parentheses) and of what ends a text node (code spans, links, breaks,
// escapes, tabs).
func linkyDocument(r *rand.Rand, n int) []byte {
	plain := []string{"word", "words", " ", " ", "  ", "\t", ".", ",", "(", ")", "(paren)", "*em*", "**strong**", "_u_",
		"__uu__", "~~gone~~", "~x~", "`code`", "``a ` b``", "[link](/path)", "[ref]", "![img](i.png)", "<b>html</b>",
		"&amp;", "\\*", "\\", "\\\n", "  \n", "\n", "h", "f", "w", "ww.", "ftp", "htt", "mail", ":", "/", "a_b_c", "x*y*z"}
	links := []string{"http://a.b/c", "https://x.org/a_b_(c)", "ftp://f.g", "www.gao.gov", "www.", "a@b.c",
		"first.last@mail.example.com", "@handle", "(www.paren.com)", "*http://e.m*", "_www.u.k_", "~ftp://t.l~"}
	starts := []string{"", "", "", "# ", "## ", "- ", "1. ", "> ", "- [ ] ", "| a | b |\n|---|---|\n| ", "    ", "```\n"}
	var b, para strings.Builder
	for range n {
		para.Reset()
		para.WriteString(starts[r.IntN(len(starts))])
		kind := r.IntN(10) // 0: with links; 1: lines may end in white space
		for range 5 + r.IntN(80) {
			if kind == 0 && r.IntN(8) == 0 {
				para.WriteString(links[r.IntN(len(links))])
			} else {
				para.WriteString(plain[r.IntN(len(plain))])
			}
		}
		para.WriteString([]string{"\n\n", "\n\n", "\n\n\n", "\n"}[r.IntN(4)])
		text := para.String()
		if kind > 1 {
			// No white space at the ends of lines.
			text = lineEndSpace.ReplaceAllString(text, "\n")
		}
		b.WriteString(text)
	}
	return []byte(b.String())
}

// lineEndSpace matches the white space at the end of a line.
var lineEndSpace = regexp.MustCompile("[ \t]+\n")

// TestPlainPiecesParseAsLinkify checks that a Markdown document whose
// pieces without links parse without linkify is the document parsed
// with linkify throughout, field by field: on the repository's and the
// shared Markdown, and on random documents that mix paragraphs with and
// without links, on one goroutine and on three.
func TestPlainPiecesParseAsLinkify(t *testing.T) {
	docs := mdDocuments(t)
	r := rand.New(rand.NewPCG(7, 8))
	for k := range 60 {
		docs["linky"+string(rune('A'+k%26))+string(rune('a'+k/26))] = linkyDocument(r, 50+r.IntN(400))
	}
	names := slices.Sorted(maps.Keys(docs))
	plainPieces := 0
	for _, name := range names {
		src := docs[name]
		for _, workers := range []int{1, 3} {
			sameDocument(t, name, parseLinkify(name, src, workers), ParseWorkers(name, src, Markdown, workers))
		}
		if strings.HasPrefix(name, "linky") {
			// Cut at every safe point too (linkCuts' cuts within runs).
			func() {
				defer func(p, m int) { mdPieceSize, minPart = p, m }(mdPieceSize, minPart)
				whole := parseLinkify(name, src, 1)
				mdPieceSize, minPart = 1, 1
				sameDocument(t, name+" cut everywhere", whole, ParseWorkers(name, src, Markdown, 3))
			}()
		}
		if len(src) < linkSplitMin || plainPiece(src) {
			if plainPiece(src) {
				plainPieces++ // parsed whole without linkify
			}
		} else {
			ls := mdLines{src: src, lines: lineStarts(src)}
			bounds := append(append([]int{0}, ls.linkCuts(linkMarks(src, ls.lines))...), len(src))
			for k := range len(bounds) - 1 {
				if plainPiece(src[bounds[k]:bounds[k+1]]) {
					plainPieces++
				}
			}
		}
	}
	if plainPieces < 300 {
		t.Errorf("only %d pieces without links in all: the test exercises the plain parser too little", plainPieces)
	}
}

// FuzzPlainParse checks that any document without links parses without
// linkify as with it.
func FuzzPlainParse(f *testing.F) {
	for _, s := range mdTricky {
		f.Add(s)
	}
	f.Add("a *b* (c) ~~d~~ `e` [f](g)\\\nh  \ni\tj\n")
	f.Fuzz(func(t *testing.T, src string) {
		if !plainPiece([]byte(src)) {
			return
		}
		sameDocument(t, "f", parseLinkify("f", []byte(src), 1), Parse("f", []byte(src), Markdown))
	})
}

// TestLinkCuts checks that linkCuts cuts only where cuts may, parts the
// pieces that may hold a link from a run of 1 KiB or more without any,
// and cuts a large document into pieces of mdPieceSize or more too.
func TestLinkCuts(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for k := range 30 {
		src := linkyDocument(r, 100+r.IntN(3000))
		ls := mdLines{src: src, lines: lineStarts(src)}
		safe := ls.cuts(1)
		cuts := ls.linkCuts(linkMarks(src, ls.lines))
		for _, c := range cuts {
			if _, ok := slices.BinarySearch(safe, c); !ok {
				t.Fatalf("doc %d: cut at %d, where cuts does not cut", k, c)
			}
		}
		if !slices.IsSorted(cuts) {
			t.Fatalf("doc %d: cuts out of order", k)
		}
		bounds := append(append([]int{0}, cuts...), len(src))
		for i := range len(bounds) - 1 {
			piece := src[bounds[i]:bounds[i+1]]
			if plainPiece(piece) && len(piece) < minPlainRun && len(bounds) > 2 {
				t.Errorf("doc %d: a piece of %d bytes without links stands alone", k, len(piece))
			}
			if i+1 < len(bounds)-1 && plainPiece(piece) && plainPiece(src[bounds[i+1]:bounds[i+2]]) &&
				len(src) < 2*mdPieceSize {
				t.Errorf("doc %d: two pieces without links in a row at %d", k, bounds[i+1])
			}
		}
	}
}

// TestLinkMarks checks linkMarks against plainPiece: a range of lines is
// plainPiece exactly when it holds no mark.
func TestLinkMarks(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for k := range 40 {
		src := linkyDocument(r, 20+r.IntN(200))
		if k%4 == 1 {
			src = []byte(strings.ReplaceAll(string(src), "\n", "\r\n"))
		}
		if k%4 == 2 {
			src = bytes.TrimRight(src, "\n") // a last line without a newline
		}
		lines := lineStarts(src)
		marks := linkMarks(src, lines)
		if !slices.IsSorted(marks) {
			t.Fatalf("doc %d: marks out of order", k)
		}
		for range 300 {
			a, b := int(lines[r.IntN(len(lines))]), len(src)
			if c := r.IntN(len(lines) + 1); c < len(lines) {
				b = int(lines[c])
			}
			if a > b {
				a, b = b, a
			}
			i, _ := slices.BinarySearch(marks, a)
			none := i == len(marks) || marks[i] >= b
			if got := plainPiece(src[a:b]); got != none {
				t.Fatalf("doc %d, lines %d to %d: plainPiece %v, marks say %v", k, a, b, got, none)
			}
		}
	}
}
