package prose

import (
	"bytes"
	"math/bits"
	"slices"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/edlint/edlint/internal/mem"
	"github.com/edlint/edlint/internal/par"
)

// mdParser is safe for concurrent use: goldmark parsers keep no state
// between Parse calls.
var mdParser = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.Strikethrough, quickLinkify{}, extension.TaskList),
	goldmark.WithParserOptions(parser.WithAttribute()),
).Parser()

// mdPlainParser is mdParser without linkify, for the pieces of a
// document where linkify can find no link (see plainPiece): there
// goldmark would call it at every space and line head for nothing, which
// was a quarter of the parse of the Markdown corpus even behind
// mayLinkify.
var mdPlainParser = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList),
	goldmark.WithParserOptions(parser.WithAttribute()),
).Parser()

// forceLinkify makes every piece parse with mdParser (for tests).
var forceLinkify = false

// mdParserOf returns mdPlainParser for a piece that needs no linkify
// (see plainPiece), else mdParser.
func mdParserOf(plain bool) parser.Parser {
	if plain && !forceLinkify {
		return mdPlainParser
	}
	return mdParser
}

// plainPiece reports whether b parses without linkify into the blocks and
// prose segments it parses into with it.
//
// Linkify can find a link only where mayLinkify holds, which needs
// "http:", "https:", "ftp:" or "www." in a line, or an '@' (mayLink).
// Where it finds none the trees still differ: goldmark ends the text node
// it is building at each call (at every space), and the nodes join up
// again, except at the end of a line, where it trims the white space off
// the last node only. So a line that ends in two spaces or tabs or more
// inside the text goldmark reads keeps all but the last in one tree and
// none in the other (wideLineEnd). TestPlainPiecesParseAsLinkify and
// FuzzPlainParse compare the documents.
func plainPiece(b []byte) bool {
	return !mayLink(b) && !wideLineEnd(b)
}

// mayLink reports whether linkify may find a link somewhere in b. (A
// line goldmark reads is bytes of the source, after the spaces a tab
// expands to.)
func mayLink(b []byte) bool {
	return bytes.IndexByte(b, '@') >= 0 || bytes.Contains(b, []byte("http:")) ||
		bytes.Contains(b, []byte("https:")) || bytes.Contains(b, []byte("www.")) ||
		bytes.Contains(b, []byte("ftp:"))
}

// wideLineEnd reports whether a line of b that is not blank ends in two
// or more bytes of white space (' ', '\t', '\r'). A hard line break's two
// spaces count too: goldmark takes them off the line first, but not when
// the line ends a paragraph a table follows (the table takes the lines
// after it, newline and all).
func wideLineEnd(b []byte) bool {
	for start := 0; start < len(b); {
		end := bytes.IndexByte(b[start:], '\n')
		next := start + end + 1
		if end < 0 {
			end, next = len(b)-start, len(b)
		}
		line := b[start : start+end]
		start = next
		n := len(line)
		for n > 0 && isLineSpace(line[n-1]) {
			n--
		}
		run := line[n:]
		if len(run) >= 2 && n > 0 {
			return true
		}
	}
	return false
}

// quickLinkify is goldmark's extension.Linkify (bare URLs and e-mail
// addresses as links), asked only where it may find one: it is called
// at every space of the prose, where a call to it took 200 instructions
// (a tenth of the parse of the Markdown corpus) and found a link at one
// in thousands.
type quickLinkify struct{}

// Extend adds linkify's parser, behind mayLinkify, as extension.Linkify
// adds it.
func (quickLinkify) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(
		util.Prioritized(&linkifyFilter{extension.NewLinkifyParser()}, 999),
	))
}

// linkifyFilter is an inline parser that hands linkify only the places
// where mayLinkify says it may find a link. Elsewhere it finds none
// (and then neither reads nor changes anything): so does the filter.
type linkifyFilter struct{ parser.InlineParser }

// Parse is linkify's Parse where it may find a link, and nil elsewhere.
func (f *linkifyFilter) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	if line, _ := block.PeekLine(); len(line) > 0 && !mayLinkify(line) {
		return nil
	}
	return f.InlineParser.Parse(parent, block, pc)
}

// mayLinkify reports whether linkify (with its default options) may find
// a link at line, the rest of a line from one of its trigger characters
// or from the start of a line: after the trigger, a URL starts with
// "http:", "https:", "ftp:" or "www.", and an e-mail address with up to
// 64 characters of its local part (util.FindEmailIndex) then '@'.
func mayLinkify(line []byte) bool {
	// (On a string view of line, indexed from the trigger: reslicing
	// the bytes cost more than the rest of the common case.)
	s, i := bytesView(line), 0
	if linkTrigger[s[0]] {
		i = 1
	}
	if i < len(s) {
		if urlStart[s[i]] {
			r := s[i:]
			if strings.HasPrefix(r, "http:") || strings.HasPrefix(r, "https:") ||
				strings.HasPrefix(r, "ftp:") || strings.HasPrefix(r, "www.") {
				return true
			}
		}
	}
	// An address has an '@', which few lines of prose have. (Letters
	// and digits, the most of a local part, are skipped eight at a
	// time: see notAlnum.)
	if strings.IndexByte(s[i:], '@') < 0 {
		return false
	}
	j, lim := i, min(len(s), i+64)
	for j+8 <= len(s) {
		if stop := notAlnum(load64(s, j)); stop != 0 {
			j += bits.TrailingZeros64(stop) >> 3
			break
		}
		j += 8
	}
	j = min(j, lim)
	for j < lim && emailLocal[s[j]] {
		j++
	}
	return j > i && j < len(s) && s[j] == '@'
}

// linkMarks returns, in order, the offsets in src (whose lines start at
// lines) of what makes a piece need linkify (see plainPiece): each '@',
// "http:", "https:", "ftp:" and "www.", and the end of each line
// wideLineEnd takes. A piece cut at line starts, as mdLines.cuts cuts,
// is plainPiece when it holds none of them. Finding them once costs less
// than asking plainPiece of every piece linkCuts sorts: the prefixes are
// found from their ':' and '.' (IndexByte skips the bytes between far
// faster than bytes.Index looks for "www." among the w's), and a line's
// end is read, not the line.
func linkMarks(src []byte, lines []uint32) []int {
	var marks []int
	after := func(i int, pre string) bool {
		return i >= len(pre) && string(src[i-len(pre):i]) == pre
	}
	for i := 0; ; i++ {
		k := bytes.IndexByte(src[i:], '@')
		if k < 0 {
			break
		}
		i += k
		marks = append(marks, i)
	}
	for i := 0; ; i++ {
		k := bytes.IndexByte(src[i:], ':')
		if k < 0 {
			break
		}
		i += k
		switch {
		case after(i, "https"):
			marks = append(marks, i-5)
		case after(i, "http"):
			marks = append(marks, i-4)
		case after(i, "ftp"):
			marks = append(marks, i-3)
		}
	}
	for i := 0; ; i++ {
		k := bytes.IndexByte(src[i:], '.')
		if k < 0 {
			break
		}
		i += k
		if after(i, "www") {
			marks = append(marks, i-3)
		}
	}
	for l, start := range lines {
		end := len(src)
		if l+1 < len(lines) {
			end = int(lines[l+1]) - 1 // its '\n'
		}
		if end-int(start) >= 3 && isLineSpace(src[end-1]) && isLineSpace(src[end-2]) &&
			wideLineEnd(src[start:end]) {
			marks = append(marks, end-1)
		}
	}
	slices.Sort(marks)
	return marks
}

// isLineSpace reports whether c is white space that wideLineEnd counts:
// what goldmark takes for a blank line's (mdBlank).
func isLineSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' }

// linkTrigger marks linkify's trigger characters, which it skips at the
// start of a line: ' ', '*', '_', '~' and '('.
var linkTrigger = [256]bool{' ': true, '*': true, '_': true, '~': true, '(': true}

// urlStart marks the first bytes of the URL prefixes linkify looks for.
var urlStart = [256]bool{'h': true, 'f': true, 'w': true}

// emailLocal marks the characters of the local part of an e-mail address
// as util.FindEmailIndex takes them: ASCII letters and digits and
// !#$%&'*+-./=?^_`{|}~.
var emailLocal = func() (t [256]bool) {
	for c := range t {
		t[c] = isASCIIAlnum(byte(c)) || strings.IndexByte("!#$%&'*+-./=?^_`{|}~", byte(c)) >= 0
	}
	return t
}()

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

// mdPieceSize is the least size of the pieces a large Markdown document
// is parsed in (see mdLines.cuts). A variable so that tests can cut at
// every safe point.
var mdPieceSize = 256 << 10

// markdownBlocks parses the Markdown source into blocks, their prose
// segments (into d.Prose) and comments (into d.Comments).
//
// goldmark's tree of a whole document takes several times the memory of
// the document, most of the cost of parsing a large one. So a document of
// more than a couple of pieces is cut where a parse of the pieces gives
// exactly the blocks of a parse of the whole (see mdcut.go), and the
// pieces are parsed one at a time, each tree dropped before the next is
// made, or on up to workers goroutines when the document is large; their
// blocks, segments and comments are joined in order.
func (d *Document) markdownBlocks(workers int) []rawBlock {
	src := d.Src
	head := bomLen(src)
	if fm := frontMatterEnd(src, head); fm > 0 {
		head = fm
	}
	// goldmark sees the BOM and front matter blanked, so that every
	// segment offset it returns indexes the original source. blanked is
	// a copy of the lines they touch, so that only the first piece is
	// copied.
	var blanked []byte
	if head > 0 {
		end := len(src)
		if src[head-1] == '\n' {
			end = head
		} else if i := bytes.IndexByte(src[head:], '\n'); i >= 0 {
			end = head + i + 1
		}
		blanked = make([]byte, end)
		copy(blanked, src)
		for i := range head {
			if blanked[i] != '\n' && blanked[i] != '\r' {
				blanked[i] = ' '
			}
		}
	}
	ls := mdLines{src: src, head: blanked, lines: d.lines}
	// The marks of what needs linkify (from the source, not the blanked
	// head: an address in front matter only makes its piece parse with
	// linkify), for a document large enough to cut around them.
	var marks []int
	if len(src) >= linkSplitMin {
		marks = linkMarks(src, d.lines)
	}
	var cuts []int
	if len(marks) > 0 {
		cuts = ls.linkCuts(marks)
	} else if len(src) >= 2*mdPieceSize {
		cuts = ls.cuts(mdPieceSize)
	}
	bounds := append(append(make([]int, 0, len(cuts)+2), 0), cuts...)
	bounds = append(bounds, len(src))
	n := len(bounds) - 1
	// piece returns the source of piece k for goldmark.
	piece := func(k int) []byte {
		in := src[bounds[k]:bounds[k+1]]
		if k == 0 && len(blanked) > 0 {
			in = make([]byte, bounds[1])
			copy(in[copy(in, blanked):], src[len(blanked):bounds[1]])
		}
		return in
	}
	// plain tells whether piece k parses without linkify.
	plain := func(k int, in []byte) bool {
		if len(src) < linkSplitMin {
			return plainPiece(in)
		}
		i, _ := slices.BinarySearch(marks, bounds[k])
		return i == len(marks) || marks[i] >= bounds[k+1]
	}
	// A link reference definition in one piece resolves links in all.
	// The pieces that may hold one are parsed first, to collect the
	// definitions; if there are any, every piece is parsed with all of
	// them, the first of each label winning, as in the parse of the
	// whole (which resolves links once every block is parsed).
	var defining []int
	for k := range n {
		if n > 1 && ls.mayDefineLinks(bounds[k], bounds[k+1]) {
			defining = append(defining, k)
		}
	}
	if len(src) < 2*minPart {
		workers = 1
	}
	if (workers <= 1 || n == 1) && len(defining) == 0 {
		// In order, into one sink.
		s := mdSink{text: d.Text}
		for k := range n {
			s.base = bounds[k]
			in := piece(k)
			s.walk(mdParserOf(plain(k, in)).Parse(text.NewReader(in)))
		}
		d.Prose, d.Comments = s.prose, s.comments
		return s.blocks
	}
	sinks := make([]mdSink, n)
	parse := func(k int, pc parser.Context) {
		sinks[k] = mdSink{text: d.Text, base: bounds[k]}
		in := piece(k)
		sinks[k].walk(mdParserOf(plain(k, in)).Parse(text.NewReader(in), parser.WithContext(pc)))
	}
	var refs map[string]parser.Reference
	if len(defining) > 0 {
		found := make([][]parser.Reference, len(defining))
		par.Do(len(defining), workers, func(i int) {
			pc := parser.NewContext()
			parse(defining[i], pc)
			found[i] = pc.References()
		})
		for _, rs := range found {
			for _, r := range rs {
				if refs == nil {
					refs = map[string]parser.Reference{}
				}
				key := util.ToLinkReference(r.Label())
				if _, ok := refs[key]; !ok {
					// A copy, so as not to keep the piece's tree.
					refs[key] = parser.NewReference(bytes.Clone(r.Label()), bytes.Clone(r.Destination()), bytes.Clone(r.Title()))
				}
			}
		}
	}
	todo := make([]int, 0, n)
	for k := range n {
		if refs != nil || !slices.Contains(defining, k) {
			todo = append(todo, k)
		}
	}
	par.Do(len(todo), workers, func(i int) {
		pc := parser.NewContext()
		if refs != nil {
			pc = sharedRefs{pc, refs}
		}
		parse(todo[i], pc)
	})

	nSeg, nBlk, nCom := 0, 0, 0
	for _, s := range sinks {
		nSeg += len(s.prose)
		nBlk += len(s.blocks)
		nCom += len(s.comments)
	}
	// Empty slices stay nil, as when parsed whole.
	var blocks []rawBlock
	if nSeg > 0 {
		d.Prose = make([]Segment, 0, nSeg)
		mem.Huge(d.Prose)
		blocks = make([]rawBlock, 0, nBlk)
	}
	if nCom > 0 {
		d.Comments = make([]Comment, 0, nCom)
	}
	for _, s := range sinks {
		off := uint32(len(d.Prose))
		d.Prose = append(d.Prose, s.prose...)
		d.Comments = append(d.Comments, s.comments...)
		for _, rb := range s.blocks {
			rb.firstSeg += off
			rb.endSeg += off
			blocks = append(blocks, rb)
		}
	}
	return blocks
}

// sharedRefs is a parse context that resolves links by the link
// reference definitions of the whole document.
type sharedRefs struct {
	parser.Context
	refs map[string]parser.Reference
}

// Reference looks label up in the document's definitions.
func (c sharedRefs) Reference(label string) (parser.Reference, bool) {
	r, ok := c.refs[label]
	return r, ok
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
//
// It walks the inline nodes itself, in the order of ast.Walk: a Markdown
// document has about one for every ten bytes, and ast.Walk called a
// function twice a node, entering and leaving it.
func (s *mdSink) inlineSegments(block ast.Node, first int) {
	for n := block.FirstChild(); n != nil; n = n.NextSibling() {
		switch n.Kind() {
		case ast.KindCodeSpan, ast.KindAutoLink:
			continue
		case ast.KindRawHTML:
			raw := n.(*ast.RawHTML)
			if raw.Segments.Len() > 0 {
				first, last := raw.Segments.At(0), raw.Segments.At(raw.Segments.Len()-1)
				s.addComment(Span{s.base + first.Start, s.base + last.Stop})
			}
			continue
		case ast.KindText:
			t := n.(*ast.Text)
			if t.Segment.Stop > t.Segment.Start {
				s.appendSegment(first, Span{s.base + t.Segment.Start, s.base + t.Segment.Stop})
			}
		}
		if n.HasChildren() {
			s.inlineSegments(n, first)
		}
	}
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
