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

// markdownBlocks parses the Markdown source into blocks, their prose
// segments (into d.Prose) and comments (into d.Comments).
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
	s := mdSink{text: d.Text}
	s.walk(mdParser.Parse(text.NewReader(in)))
	d.Prose, d.Comments = s.prose, s.comments
	return s.blocks
}

// mdSink receives what the walk of goldmark's tree of a piece of a
// document finds: blocks, their prose segments (firstSeg and endSeg index
// prose) and comments. goldmark's offsets count from the piece's start,
// base in the document's text.
type mdSink struct {
	text     string
	base     int
	prose    []Segment
	comments []Comment
	blocks   []rawBlock
}

func (s *mdSink) walk(root ast.Node) {
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindHTMLBlock:
			s.htmlBlockComments(n.(*ast.HTMLBlock))
			return ast.WalkSkipChildren, nil
		case ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindThematicBreak:
			return ast.WalkSkipChildren, nil
		case ast.KindParagraph, ast.KindTextBlock, ast.KindHeading, east.KindTableCell:
			first := len(s.prose)
			s.inlineSegments(n, first)
			if end := len(s.prose); end > first {
				s.blocks = append(s.blocks, rawBlock{kind: blockKind(n), inQuote: inQuote(n), firstSeg: uint32(first), endSeg: uint32(end)})
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
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
// They go to s.prose; those of this block start at prose[first].
func (s *mdSink) inlineSegments(block ast.Node, first int) {
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
				s.addComment(Span{s.base + first.Start, s.base + last.Stop})
			}
			return ast.WalkSkipChildren, nil
		case ast.KindText:
			t := n.(*ast.Text)
			if t.Segment.Stop > t.Segment.Start {
				s.appendSegment(first, Span{s.base + t.Segment.Start, s.base + t.Segment.Stop})
			}
		}
		return ast.WalkContinue, nil
	})
}

// appendSegment adds s to the segments of the block whose first segment
// is prose[first], merging it with the previous one when only inline
// markup lies between them (so "**bold**text" stays one run).
func (s *mdSink) appendSegment(first int, sp Span) {
	if n := len(s.prose); n > first {
		last := &s.prose[n-1]
		if last.End() == sp.Start {
			last.end = uint32(sp.End)
			return
		}
	}
	s.prose = append(s.prose, newSegment(sp.Start, sp.End))
}

func (s *mdSink) htmlBlockComments(n *ast.HTMLBlock) {
	lines := n.Lines()
	if lines.Len() == 0 {
		return
	}
	start, end := s.base+lines.At(0).Start, s.base+lines.At(lines.Len()-1).Stop
	if n.HasClosure() {
		end = s.base + n.ClosureLine.Stop
	}
	// An HTML block may hold several comments; record each.
	for off := start; off < end; {
		i := strings.Index(s.text[off:end], "<!--")
		if i < 0 {
			return
		}
		c := off + i
		j := strings.Index(s.text[c+4:end], "-->")
		e := end
		if j >= 0 {
			e = c + 4 + j + 3
		}
		s.addComment(Span{c, e})
		off = e
	}
}

func (s *mdSink) addComment(sp Span) {
	raw := s.text[sp.Start:sp.End]
	if !strings.HasPrefix(raw, "<!--") {
		return
	}
	body := strings.TrimPrefix(raw, "<!--")
	body = strings.TrimSuffix(body, "-->")
	s.comments = append(s.comments, Comment{Span: sp, Body: strings.TrimSpace(body)})
}
