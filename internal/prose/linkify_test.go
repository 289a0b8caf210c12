package prose

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// TestEmailLocal checks emailLocal against util.FindEmailIndex, byte by
// byte.
func TestEmailLocal(t *testing.T) {
	for c := range 256 {
		found := util.FindEmailIndex([]byte{byte(c), '@', 'a', '.', 'b', 'c'}) >= 0
		if emailLocal[c] != found {
			t.Errorf("emailLocal[%q] = %v, FindEmailIndex finds an address: %v", byte(c), emailLocal[c], found)
		}
	}
}

// dumpAST writes the kind of each node of root and the text of its text
// segments and links.
func dumpAST(root ast.Node, src []byte) string {
	var sb strings.Builder
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			sb.WriteString(")")
			return ast.WalkContinue, nil
		}
		fmt.Fprintf(&sb, "(%s", n.Kind())
		switch n := n.(type) {
		case *ast.Text:
			fmt.Fprintf(&sb, " %q", n.Segment.Value(src))
		case *ast.AutoLink:
			fmt.Fprintf(&sb, " %q %q %d", n.URL(src), n.Label(src), n.AutoLinkType)
		}
		return ast.WalkContinue, nil
	})
	return sb.String()
}

// TestQuickLinkify checks that the parser with quickLinkify builds the
// same tree as with extension.Linkify, on random Markdown with URLs,
// e-mail addresses and near misses after every trigger character.
func TestQuickLinkify(t *testing.T) {
	plain := goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify, extension.TaskList),
		goldmark.WithParserOptions(parser.WithAttribute()),
	).Parser()
	pieces := []string{"word", " ", "\n", "\n\n", "*", "_", "~", "(", ")", ".", ",", "@", ":", "http://a.b/c", "https://x.org",
		"ftp://f.g", "http:", "www.gao.gov", "www.", "ww.x", "a@b.c", "first.last@mail.example.com", "x@y", "@z.com",
		"q+tag@host.org.", "me@host-", "`code`", "[a](http://x.y)", "<http://z.z>", "h", "f", "w", "mailto:a@b.c"}
	r := rand.New(rand.NewPCG(12, 13))
	for range 5000 {
		src := []byte(randomPieces(r, pieces, 30))
		got := dumpAST(mdParser.Parse(text.NewReader(src)), src)
		want := dumpAST(plain.Parse(text.NewReader(src)), src)
		if got != want {
			t.Fatalf("%q:\n got %s\nwant %s", src, got, want)
		}
	}
}
