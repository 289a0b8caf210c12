package prose

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// mdParser is safe for concurrent use: goldmark parsers keep no state
// between Parse calls.
var mdParser = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify, extension.TaskList),
	goldmark.WithParserOptions(parser.WithAttribute()),
).Parser()

// frontMatterEnd returns the end of a YAML (---) or TOML (+++) front matter
// block at the start of src, or 0.
func frontMatterEnd(src []byte, start int) int {
	rest := src[start:]
	var fence string
	switch {
	case bytes.HasPrefix(rest, []byte("---\n")), bytes.HasPrefix(rest, []byte("---\r\n")):
		fence = "---"
	case bytes.HasPrefix(rest, []byte("+++\n")), bytes.HasPrefix(rest, []byte("+++\r\n")):
		fence = "+++"
	default:
		return 0
	}
	i := bytes.IndexByte(rest, '\n') + 1
	for i < len(rest) {
		j := bytes.IndexByte(rest[i:], '\n')
		line := rest[i:]
		next := len(rest)
		if j >= 0 {
			line = rest[i : i+j]
			next = i + j + 1
		}
		l := strings.TrimRight(string(line), " \t\r")
		if l == fence || (fence == "---" && l == "...") {
			return start + next
		}
		i = next
	}
	return 0 // unterminated: not front matter
}

func bomLen(src []byte) int {
	if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		return 3
	}
	return 0
}

func (d *Document) markdownBlocks() []rawBlock {
	src := d.Src
	head := bomLen(src)
	if fm := frontMatterEnd(src, head); fm > 0 {
		head = fm
	}
	// goldmark sees a copy whose BOM and front matter are blanked, so that
	// every segment offset it returns indexes the original source.
	in := src
	if head > 0 {
		in = make([]byte, len(src))
		copy(in, src)
		for i := 0; i < head; i++ {
			if in[i] != '\n' && in[i] != '\r' {
				in[i] = ' '
			}
		}
	}
	root := mdParser.Parse(text.NewReader(in))
	var blocks []rawBlock
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindHTMLBlock:
			d.htmlBlockComments(n.(*ast.HTMLBlock))
			return ast.WalkSkipChildren, nil
		case ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindThematicBreak:
			return ast.WalkSkipChildren, nil
		case ast.KindParagraph, ast.KindTextBlock, ast.KindHeading, east.KindTableCell:
			first := len(d.Prose)
			d.inlineSegments(n, first)
			if end := len(d.Prose); end > first {
				blocks = append(blocks, rawBlock{kind: blockKind(n), inQuote: inQuote(n), firstSeg: uint32(first), endSeg: uint32(end)})
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return blocks
}

func blockKind(n ast.Node) BlockKind {
	switch n.Kind() {
	case ast.KindHeading:
		return Heading
	case east.KindTableCell:
		return TableCell
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Kind() == ast.KindListItem {
			return ListItem
		}
	}
	return Paragraph
}

func inQuote(n ast.Node) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Kind() == ast.KindBlockquote {
			return true
		}
	}
	return false
}

// inlineSegments collects the prose segments under a leaf block: text, link
// text and image alt text; not code spans, raw HTML or autolinks.
// They go to d.Prose; those of this block start at Prose[first].
func (d *Document) inlineSegments(block ast.Node, first int) {
	_ = ast.Walk(block, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindCodeSpan, ast.KindAutoLink:
			return ast.WalkSkipChildren, nil
		case ast.KindRawHTML:
			raw := n.(*ast.RawHTML)
			if raw.Segments.Len() > 0 {
				first, last := raw.Segments.At(0), raw.Segments.At(raw.Segments.Len()-1)
				d.addComment(Span{first.Start, last.Stop})
			}
			return ast.WalkSkipChildren, nil
		case ast.KindText:
			t := n.(*ast.Text)
			if t.Segment.Stop > t.Segment.Start {
				d.appendSegment(first, Span{t.Segment.Start, t.Segment.Stop})
			}
		}
		return ast.WalkContinue, nil
	})
}

// appendSegment adds s to the segments of the block whose first segment
// is Prose[first], merging it with the previous one when only inline
// markup lies between them (so "**bold**text" stays one run).
func (d *Document) appendSegment(first int, s Span) {
	if n := len(d.Prose); n > first {
		last := &d.Prose[n-1]
		if last.End() == s.Start {
			last.end = uint32(s.End)
			return
		}
	}
	d.Prose = append(d.Prose, newSegment(s.Start, s.End))
}

func (d *Document) htmlBlockComments(n *ast.HTMLBlock) {
	lines := n.Lines()
	if lines.Len() == 0 {
		return
	}
	start, end := lines.At(0).Start, lines.At(lines.Len()-1).Stop
	if n.HasClosure() {
		end = n.ClosureLine.Stop
	}
	// An HTML block may hold several comments; record each.
	for off := start; off < end; {
		i := strings.Index(d.Text[off:end], "<!--")
		if i < 0 {
			return
		}
		s := off + i
		j := strings.Index(d.Text[s+4:end], "-->")
		e := end
		if j >= 0 {
			e = s + 4 + j + 3
		}
		d.addComment(Span{s, e})
		off = e
	}
}

func (d *Document) addComment(s Span) {
	raw := d.Text[s.Start:s.End]
	if !strings.HasPrefix(raw, "<!--") {
		return
	}
	body := strings.TrimPrefix(raw, "<!--")
	body = strings.TrimSuffix(body, "-->")
	d.Comments = append(d.Comments, Comment{Span: s, Body: strings.TrimSpace(body)})
}
