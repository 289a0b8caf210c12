package prose

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// inlineSegmentsByWalk is mdSink.inlineSegments as it was, through
// ast.Walk.
func (s *mdSink) inlineSegmentsByWalk(block ast.Node, first int) {
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

// TestInlineSegmentsWalk checks inlineSegments' own walk of the inline
// nodes against ast.Walk's, on random Markdown with emphasis, links,
// images, code spans, autolinks and raw HTML, nested.
func TestInlineSegmentsWalk(t *testing.T) {
	pieces := []string{"word ", "a", " ", "\n", "\n\n", "*", "**", "_", "`code`", "[link](/x)", "[", "](/y)",
		"![alt *em*](i.png)", "<http://a.b>", "<b>", "</b>", "<!-- c -->", "www.x.org", "# ", "- ", "> ", "| a | b |\n|---|---|\n"}
	r := rand.New(rand.NewPCG(10, 11))
	for range 3000 {
		src := randomPieces(r, pieces, 40)
		root := mdParser.Parse(text.NewReader([]byte(src)))
		var got, want mdSink
		got.text, want.text = src, src
		_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			switch n.Kind() {
			case ast.KindParagraph, ast.KindTextBlock, ast.KindHeading, east.KindTableCell:
			default:
				return ast.WalkContinue, nil
			}
			if entering {
				got.inlineSegments(n, len(got.prose))
				want.inlineSegmentsByWalk(n, len(want.prose))
			}
			return ast.WalkSkipChildren, nil
		})
		if !slices.Equal(got.prose, want.prose) || !slices.Equal(got.comments, want.comments) {
			t.Fatalf("%q: segments %v, comments %v; want %v, %v", src, got.prose, got.comments, want.prose, want.comments)
		}
	}
}
