package prose

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// mdTricky are Markdown constructs around which a cut is easy to get
// wrong: blocks that go on over blank lines, blocks a blank line ends but
// whose next line could continue, and constructs that reach across blocks.
var mdTricky = []string{
	// Fenced code with blank lines; longer and tilde fences; unclosed.
	"```\ncode\n\nnot prose, teh [x]\n\n```\n",
	"~~~~\n~~~\n\ntext in code\n~~~~~\n",
	"````go\n```\n\ncode\n````\n",
	"``` a`b\n\nThis is a paragraph with a code span.\n",
	"\t```\n\ntext after a tab\n```\n",
	"   ```\n\nindented three\n\n   ```\n",
	// A fence inside a list item, closed and not.
	"1. Step:\n\n   ```sh\n   go build\n\n   x\n   ```\n\n2. Next step\n",
	"- item\n  ```\n  code\n- next\n\n```\ntext in code\n\nmore code\n```\n\nAfter the fence.\n",
	"> ```\n> quoted code\n\nnot code\n\n```\ncode\n\n",
	"1. a\n\n   ```\n   code\n  ```\n\nteh code\n\n```\n\nText.\n",
	"- a\n\n  ```\n  code\n      ```\n\n  still code\n  ```\n\nText.\n",
	// Lists with blank lines between items and nested.
	"- a\n\n  - b\n\n    c\n\n- d\n\ne\n",
	"1. one\n\n2. two\n\n10) ten\n\nText after.\n",
	"* star\n\n+ plus\n\n  continued\n\nText.\n",
	"-\n\nfoo\n",
	"1.\n\n  foo\n",
	"- [ ] todo\n- [x] done\n\nText.\n",
	// Block quotes with blank lines, and lazy continuation lines.
	"> quote\n>\n> more\n\n> again\n\nText\n",
	"> quote\nlazy line\n\nText\n",
	"- item\nlazy\n\nText\n",
	"> - quoted item\n>\n>   more\n\nText\n",
	// HTML blocks of each type.
	"<div>\n\n*md* in a div\n\n</div>\n",
	"<!--\ncomment\n\nstill comment\n-->\n\nText\n",
	"<!-- one line -->\nText\n\nMore\n",
	"<!-- want spelling:\"teh\" -->\n\nteh text <!-- inline -->\n",
	"<script>\nvar x;\n\nalert(1)\n</script>\n\nText\n",
	"<SCRIPT type=x>\n\nfoo\n</Script>\n\nText\n",
	"<script>x</script>\n\nText\n",
	"<pre>\n\nfoo\n</pre>\n",
	"<style\n\nfoo\n</style>\n",
	"<textarea>\n\nfoo\n</textarea>\n",
	"<?php\n\necho 1;\n?>\n\nText\n",
	"<!DOCTYPE html\n\nfoo>\n\nText\n",
	"<![CDATA[\n\nfoo\n]]>\n\nText\n",
	"  <!--\n\nindented comment\n-->\n",
	"<!-- a --> b\n\n```\nx\n\n",
	"<custom-tag attr=\"x\">\n\ntext\n\n</custom-tag>\n",
	"Para\n<a href=\"x\">\n\nText\n",
	// An HTML block of type 7 cannot interrupt a paragraph: after a
	// paragraph, a list or indented code and a blank line, it can start.
	"Para.\n\n<a href=\"x\">\nteh html text\n\nText.\n",
	"- item\n\n<a href=\"x\">\nteh html text\n\nText.\n",
	"    code\n\n<a href=\"x\">\nteh html text\n\nText.\n",
	"<div>\n```\n\ntext\n\n```\n\nText\n",
	"<\u017fcript>\n\nfoo\n</\u017fcript>\n\nText\n",
	// Tables.
	"| a | b |\n|---|---|\n| 1 | 2 |\n\n| c |\nText\n",
	"a | b\n--|--\n1 | 2\n\nText\n",
	// Setext headings, thematic breaks, ATX headings with attributes.
	"Title\n=====\n\nSub\n---\n\n===\n\nText\n",
	"***\n\n___\n\n- - -\n\nText\n",
	"# Heading {#id .c}\n\nText\n",
	// Indented code after a paragraph, and over blank lines.
	"Para\n    not code\n\n    code\n\n    more code\nText\n",
	"    code\n\n\n    code2\n\nText\n",
	// Lines starting with digits.
	"2024 was a year.\n\n1999) not a list?\n\n3.14 is pi.\n",
	// Link reference definitions defined after use, and look-alikes.
	"See [foo] and [bar][].\n\nText.\n\n[foo]: /url\n[bar]: /b 'title'\n",
	"> [quoted]: /q\n\nA [quoted] link.\n",
	"A [sic]: not a definition.\n\nMore text.\n",
	"[Foo]: /first\n\nText [foo] here.\n\n[FOO]: /second 'dup'\n\nAnd [foo][] and [Bar] again.\n\n- [bar]:\n  /in-a-list\n",
	"Use [late] and [later][late] and [not defined].\n\nText.\n\n[late]: <a b> \"t\"\n",
	// Links, autolinks and emphasis.
	"Visit www.example.com today.\n\nhttps://example.com and <https://x.org>.\n",
	"*emphasis* and **strong** and ~~struck~~ text.\n\n`code` span.\n",
	// Blank lines of white space.
	"Para\n \t\nNext para\n   \nLast\n",
}

// mdDocuments returns Markdown documents to parse whole and in pieces:
// the repository's Markdown, ../shared's texts, and the tricky cases,
// alone, between paragraphs, and all together in several orders, with
// LF and CRLF line ends.
func mdDocuments(t *testing.T) map[string][]byte {
	t.Helper()
	docs := map[string][]byte{}
	var files []string
	for _, pattern := range []string{"../../testdata/*.md", "../../README.md", "../../docs/*.md", "../rules/testdata/*/*.md", "../lint/testdata/*"} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	if shared := sharedDir(); shared != "" {
		m, _ := filepath.Glob(filepath.Join(shared, "samples", "*"))
		files = append(files, m...)
		m, _ = filepath.Glob(filepath.Join(shared, "corpora", "clean", "*"))
		files = append(files, m...)
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			continue // a directory
		}
		docs[f] = src
	}
	for i, s := range mdTricky {
		docs["tricky"+string(rune('A'+i))] = []byte(s)
		docs["tricky-wrapped"+string(rune('A'+i))] = []byte("Intro paragraph.\n\n" + s + "\n\nOutro paragraph.\n")
	}
	r := rand.New(rand.NewPCG(1, 2))
	for k := range 20 {
		order := r.Perm(len(mdTricky))
		var b strings.Builder
		for _, i := range order {
			b.WriteString(mdTricky[i])
			b.WriteString([]string{"", "\n", "\nA paragraph.\n\n"}[r.IntN(3)])
		}
		docs["shuffled"+string(rune('A'+k))] = []byte(b.String())
	}
	// Line salad: lines of the tricky cases in random order, some
	// indented, some blank, so that blocks open in one case and go on or
	// close in the lines of another.
	var lines []string
	for _, s := range mdTricky {
		lines = append(lines, strings.Split(s, "\n")...)
	}
	for k := range 300 {
		var b strings.Builder
		for range 30 {
			b.WriteString([]string{"", "", "", " ", "  ", "   ", "    ", "\t"}[r.IntN(8)])
			b.WriteString(lines[r.IntN(len(lines))])
			b.WriteString([]string{"\n", "\n", "\n\n"}[r.IntN(3)])
		}
		docs[fmt.Sprintf("salad%03d", k)] = []byte(b.String())
	}
	docs["front matter"] = []byte("---\ntitle: x\n---\n\nText\n\nMore\n\n" + mdTricky[0])
	docs["toml front matter"] = []byte("+++\na = 1\n+++\nText\n\nMore\n")
	docs["bom"] = []byte("\ufeff# Title\n\nText\n\nMore\n")
	docs["bom only"] = []byte("\ufeff")
	for name, src := range docs {
		if strings.HasPrefix(name, "tricky") || strings.HasPrefix(name, "shuffled") {
			docs[name+" crlf"] = []byte(strings.ReplaceAll(string(src), "\n", "\r\n"))
		}
	}
	return docs
}

// parsePieces parses src as Markdown whole and cut at every safe point,
// on one goroutine and on three, compares the documents, and returns the
// number of cuts.
func parsePieces(t *testing.T, name string, src []byte) int {
	t.Helper()
	defer func(p, m, l int) { mdPieceSize, minPart, linkSplitMin = p, m, l }(mdPieceSize, minPart, linkSplitMin)
	split := linkSplitMin
	mdPieceSize, linkSplitMin = 1<<40, 1<<40
	whole := Parse(name, src, Markdown)
	mdPieceSize, minPart, linkSplitMin = 1, 1, split
	for _, workers := range []int{1, 3} {
		sameDocument(t, name, whole, ParseWorkers(name, src, Markdown, workers))
	}
	// The cuts, as markdownBlocks finds them (ignoring a BOM or front
	// matter, which only make the first piece longer).
	return len(mdLines{src: src, lines: lineStarts(src)}.cuts(1))
}

// TestMarkdownPiecesParseAsWhole checks that a Markdown document parsed in
// pieces, cut at every point mdLines.cuts finds, is the document parsed
// whole, field by field.
func TestMarkdownPiecesParseAsWhole(t *testing.T) {
	docs := mdDocuments(t)
	names := slices.Sorted(maps.Keys(docs))
	cuts := 0
	for _, name := range names {
		cuts += parsePieces(t, name, docs[name])
	}
	if cuts < 1000 {
		t.Errorf("only %d cuts in all: the test cuts too little", cuts)
	}
}

// FuzzMarkdownPieces checks that any document parsed in pieces is the
// document parsed whole.
func FuzzMarkdownPieces(f *testing.F) {
	for _, s := range mdTricky {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		parsePieces(t, "f", []byte(src))
	})
}

// TestMarkdownCuts checks where markdownCuts cuts: before each line that
// follows a blank line and starts a block at the top level, unless a
// fenced code or HTML block may be open there.
func TestMarkdownCuts(t *testing.T) {
	for _, c := range []struct {
		src  string
		want []string // the lines the pieces after the first start with
	}{
		{"a\n\nb\n\nc\n", []string{"b", "c"}},
		{"a\r\n\r\nb\r\n", []string{"b\r"}},
		{"a\n \t\nb\n", []string{"b"}},
		{"a\n\n\n\nb\n", []string{"b"}},
		{"a\nb\n", nil},
		{"```\na\n\nb\n```\n\nc\n", []string{"c"}},
		{"~~~\na\n\nb\n```\n\nc\n~~~~\n\nd\n", []string{"d"}},
		{"````\na\n\n```\n\nb\n````\n\nc\n", []string{"c"}},
		{"``` a`b\n\nc\n", []string{"c"}},
		{"- a\n\nb\n", []string{"b"}},
		{"- a\n\n  b\n\nc\n", []string{"c"}},
		{"- a\n\n- b\n\nc\n", []string{"c"}},
		{"1. a\n\n2. b\n\n1999 c\n\n3) d\n", []string{"1999 c"}},
		{"> a\n\n> b\n\nc\n", []string{"c"}},
		{"a\n\n    b\n\nc\n", []string{"c"}},
		{"a\n\n\tb\n\nc\n", []string{"c"}},
		{"a\n\n|b|\n\n=c\n\n+d\n\n*e\n\n-f\n\ng\n", []string{"g"}},
		{"<!--\n\nb\n-->\n\nc\n", []string{"c"}},
		{"<!-- a -->\n\nb\n", []string{"b"}},
		{"<div>\n\nb\n</div>\n\nc\n", []string{"b", "c"}},
		{"<script>\n\nb\n</SCRIPT>\n\nc\n", []string{"c"}},
		{"<?\n\nb\n?>\n\nc\n", []string{"c"}},
		{"<!X\n\nb\n>\n\nc\n", []string{"c"}},
		{"<![CDATA[\n\nb\n]]>\n\nc\n", []string{"c"}},
		// A fence in a list item that no closing fence closes: the
		// list's end does. Whether it was in the list item is not
		// known, nor so whether a later fence opens or closes one: no
		// cut after it.
		{"- a\n  ```\n- b\n\nc\n\n```\nd\n\ne\n```\n\nf\n", nil},
		{"  ```\n\nb\n\n```\n\nc\n", nil},
		// A fence in a list item, closed: either way nothing is open.
		{"1. a\n\n   ```\n   b\n\n   c\n   ```\n\nd\n", []string{"d"}},
		{"- a\n\n  ~~~~\n  b\n\n  ~~~\n\n  c\n  ~~~~~\n\nd\n", []string{"d"}},
		// A line that may leave the list item, then an indented fence:
		// inside the item it closes one, at the top level it opens one.
		{"- a\n\n  ~~~~\n  b\n\n c\n\n  ~~~~\n\nd\n", nil},
		// A closing fence less indented than the item's content: it
		// leaves the item and opens a fence at the top level.
		{"1. a\n\n   ```\n   code\n  ```\n\nb\n\n```\n\nc\n", nil},
		// A fence in an HTML comment: a cut before a fence is safe.
		{"<!--\n```\n-->\n\na\n\n```\n\nb\n", []string{"a", "```"}},
	} {
		src := []byte(c.src)
		var got []string
		for _, off := range (mdLines{src: src, lines: lineStarts(src)}).cuts(1) {
			line, _, _ := strings.Cut(c.src[off:], "\n")
			got = append(got, line)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: cuts before %q, want %q", c.src, got, c.want)
		}
	}
}

// TestMayDefineLinks checks the test for a possible link reference
// definition.
func TestMayDefineLinks(t *testing.T) {
	for _, c := range []struct {
		src  string
		want bool
	}{
		{"[a]: /x\n", true},
		{"Text.\n\n  [a]: /x\n", true},
		{"> - [a]: /x\n", true},
		{"1. [a]: /x\n", true},
		{"[a\nb]: /x\n", true},
		{"Text\n[a] b\nc]: d\n", true},
		{"x [a]: y\n", false},
		{"[a] x\n\nb]: c\n", false},
		{"[a] x\n \nb]: c\n", false},
		{"[a](b) c\n", false},
		{"No brackets.\n", false},
	} {
		src := []byte(c.src)
		if got := (mdLines{src: src, lines: lineStarts(src)}).mayDefineLinks(0, len(src)); got != c.want {
			t.Errorf("%q: mayDefineLinks %v, want %v", c.src, got, c.want)
		}
	}
}

// cutsByLine is mdLines.cuts as it was before its shortcuts for lines
// that start with ink or with spaces: it asks mdBlank and mdMayOpen of
// every line.
func cutsByLine(m mdLines, size int) []int {
	var cuts []int
	hyp := []mdOpen{{}}
	next := make([]mdOpen, 0, mdMaxHypotheses+4)
	last := 0
	prevBlank := false
	for i := range m.lines {
		line := m.line(i)
		start := int(m.lines[i])
		if prevBlank && len(hyp) == 1 && hyp[0].kind == mdNone &&
			start-last >= size && start >= len(m.head) && mdCanStartPiece(line) {
			cuts = append(cuts, start)
			last = start
		}
		prevBlank = mdBlank(line)
		if len(hyp) == 1 && hyp[0].kind == mdNone && !mdMayOpen(line) {
			continue
		}
		next = next[:0]
		for _, h := range hyp {
			next = stepMarkdown(next, h, line)
		}
		if len(next) > mdMaxHypotheses {
			break
		}
		hyp, next = next, hyp
	}
	return cuts
}

// TestMarkdownCutsByLine checks mdLines.cuts against cutsByLine on
// random documents of fences, HTML, list items, indented and blank lines.
func TestMarkdownCutsByLine(t *testing.T) {
	lines := []string{"", " ", "        ", "\t", " \r", "a", "  a", "            a", "```", "  ```", "   ```", "    ```", "~~~~",
		"<!--", "-->", "<div>", "</div>", "<script>", "</script>", "- a", "  b", "1. a", "> a", "|a|", "=", "\u00a0a"}
	r := rand.New(rand.NewPCG(8, 9))
	for range 20000 {
		var sb strings.Builder
		for n := r.IntN(40); n > 0; n-- {
			sb.WriteString(lines[r.IntN(len(lines))])
			sb.WriteByte('\n')
		}
		src := []byte(sb.String())
		m := mdLines{src: src, lines: lineStarts(src)}
		if got, want := m.cuts(1), cutsByLine(m, 1); !slices.Equal(got, want) {
			t.Fatalf("%q: cuts %v, want %v", src, got, want)
		}
	}
}
